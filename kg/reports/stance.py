"""``kg stance``: an actor's stance toward each target, and the reactions toward it."""
from __future__ import annotations

from datetime import date

from kg.analysis.stance import heard_via_people, merge, profile
from kg.reports.common import check_datasets, index_for, people_of, require_records
from kg.store import StatementFilter, Store
from kg.store.base import group_statements

ROWS = 25
"""Rows of each table ``kg stance`` shows unless told otherwise."""


def stance(store: Store, name: str, as_of: date | None = None, datasets: tuple[str, ...] = (),
           limit: int | None = None) -> dict:
    """The stance report of the actor ``name`` (any alias), see :func:`~kg.analysis.stance.stance_profile`;
    ``datasets`` keeps the statements of those datasets only, ``limit`` that many rows of each table.

    The store adds the statements up (:meth:`Store.said_by`, :meth:`Store.said_toward`); only the
    evidence shown, and the statements toward the actor's office holders, are read one by one.
    """
    require_records(store)
    only = check_datasets(store, datasets)
    index = index_for(store)
    actor = index.resolve(name)
    where = StatementFilter(until=as_of, datasets=only)
    said = store.said_by(actor.id, where)
    heard = {g.key: g for g in store.said_toward(actor.id, where)}
    fetched = {}

    def statements(ids: set[str]) -> dict:
        missing = ids - fetched.keys()
        if missing:
            fetched.update((s.id, s) for s in store.statements(StatementFilter(ids=frozenset(missing))))
        return {i: fetched[i] for i in ids}

    people = people_of(index, actor.id) - {actor.id}
    if actor.kind != "person" and people:
        via = heard_via_people(store.statements(StatementFilter(toward=frozenset(people), until=as_of,
                                                                datasets=only)), actor.id, index)
        fetched.update((s.id, s) for s in via)
        for g in group_statements(via, lambda s: [s.on_behalf_of or s.speaker]):
            heard[g.key] = merge(heard[g.key], g) if g.key in heard else g
    heard_groups = [heard[k] for k in sorted(heard)]
    last_day = max((g.last for g in [*said, *heard_groups]), default=None)
    return profile(index, actor.id, said, heard_groups, statements, as_of, last_day, limit)
