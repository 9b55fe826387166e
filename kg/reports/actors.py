"""``kg actors``: every actor in the store, with its codes and counts."""
from __future__ import annotations

from kg.analysis.stance import ref
from kg.reports.common import check_datasets, index_for, require_records
from kg.store import StatementFilter, Store


def actors(store: Store, kind: str | None = None, datasets: tuple[str, ...] = ()) -> list[dict]:
    """Every actor in the store (optionally of one kind), with counts of statements (of ``datasets``
    only, when given: then the actors without any are left out)."""
    require_records(store, "actors")
    only = check_datasets(store, datasets)
    index = index_for(store)
    said: dict[str, int] = {}
    heard: dict[str, int] = {}
    for s in store.statements(StatementFilter(datasets=only) if only else None):
        said[s.speaker] = said.get(s.speaker, 0) + 1
        for t in s.targets:
            heard[t] = heard.get(t, 0) + 1
    out = []
    for a in store.actors():
        if (kind and a.kind != kind) or (only and not said.get(a.id) and not heard.get(a.id)):
            continue
        current = index.speaks_for(a.id) if a.kind == "person" else None
        out.append({"id": a.id, "name": a.name, "kind": a.kind, "iso3": a.iso3,
                    "wikidata": a.wikidata, "cow": a.cow,
                    "speaks_for": ref(index, current) if current else None,
                    "statements": said.get(a.id, 0), "targeted": heard.get(a.id, 0)})
    return sorted(out, key=lambda r: (r["kind"], r["name"]))
