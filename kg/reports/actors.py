"""``kg actors``: every actor in the store, with its codes and counts."""
from __future__ import annotations

from collections import Counter
from datetime import date

from kg.analysis.stance import ref
from kg.reports.common import check_datasets, index_for, require_records
from kg.store import StatementFilter, Store


def actors(store: Store, kind: str | None = None, datasets: tuple[str, ...] = ()) -> list[dict]:
    """Every actor in the store (optionally of one kind), with counts of statements (of ``datasets``
    only, when given: then the actors without any are left out).

    Roles are read as of each statement's date: ``statements`` counts what an actor said itself
    plus what its office holders said for it then (``by_office_holders``; a person's statements
    count for the person too); a person's ``speaks_for`` is whom they spoke for on the day of
    their last statement (the store's last day when they said nothing).
    """
    require_records(store, "actors")
    only = check_datasets(store, datasets)
    index = index_for(store)
    said: Counter = Counter()
    heard: Counter = Counter()
    for_it: Counter = Counter()
    last: dict[str, date] = {}
    for s in store.statements(StatementFilter(datasets=only) if only else None):
        said[s.speaker] += 1
        for t in s.targets:
            heard[t] += 1
        holder = s.on_behalf_of or index.speaks_for(s.speaker, s.date)
        if holder and holder != s.speaker:
            for_it[holder] += 1
        last[s.speaker] = max(last.get(s.speaker, s.date), s.date)
    end = max(last.values(), default=None)
    out = []
    for a in store.actors():
        if (kind and a.kind != kind) or (only and not said[a.id] and not heard[a.id] and not for_it[a.id]):
            continue
        current = index.speaks_for(a.id, last.get(a.id, end)) if a.kind == "person" else None
        out.append({"id": a.id, "name": a.name, "kind": a.kind, "iso3": a.iso3,
                    "wikidata": a.wikidata, "cow": a.cow,
                    "speaks_for": ref(index, current) if current else None,
                    "statements": said[a.id] + for_it[a.id], "by_office_holders": for_it[a.id],
                    "targeted": heard[a.id]})
    return sorted(out, key=lambda r: (r["kind"], r["name"]))
