"""``kg datasets``: the datasets loaded, with their statement counts and first and last days."""
from __future__ import annotations

from kg.reports.common import require_records
from kg.store import Store


def datasets(store: Store) -> list[dict]:
    """Every dataset the statements came from: ``{"name", "statements", "first", "last"}``, by name
    (statements loaded without a dataset: name None, last)."""
    require_records(store)
    return [{"name": d.name, "statements": d.statements, "first": d.first.isoformat(),
             "last": d.last.isoformat()} for d in store.datasets()]
