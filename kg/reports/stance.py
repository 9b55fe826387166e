"""``kg stance``: an actor's stance toward each target, and the reactions toward it."""
from __future__ import annotations

from datetime import date

from kg.analysis.stance import stance_profile
from kg.reports.common import check_datasets, index_for, people_of, require_records
from kg.store import StatementFilter, Store


def stance(store: Store, name: str, as_of: date | None = None, datasets: tuple[str, ...] = ()) -> dict:
    """The stance report of the actor ``name`` (any alias), see :func:`stance_profile`; ``datasets``
    keeps the statements of those datasets only."""
    require_records(store)
    only = check_datasets(store, datasets)
    index = index_for(store)
    actor = index.resolve(name)
    mine = store.statements(StatementFilter(by=frozenset([actor.id]), until=as_of, datasets=only))
    toward_ids = {actor.id} | people_of(index, actor.id)
    toward = store.statements(StatementFilter(toward=frozenset(toward_ids), until=as_of, datasets=only))
    seen, merged = set(), []
    for s in [*mine, *toward]:
        if s.id not in seen:
            seen.add(s.id)
            merged.append(s)
    merged.sort(key=lambda s: (s.date, s.id))
    return stance_profile(merged, actor.id, index, as_of)
