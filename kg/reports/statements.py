"""``kg statements``: statements filtered by speaker, target, stance and dates."""
from __future__ import annotations

from datetime import date

from kg.actors import ActorIndex
from kg.analysis.stance import ref
from kg.model import Statement
from kg.reports.common import check_datasets, index_for, require_records
from kg.store import StatementFilter, Store
from kg.vocab import stance as lookup_stance


def statement_row(index: ActorIndex, s: Statement) -> dict:
    """A statement as plain data with names beside ids."""
    return {"id": s.id, "date": s.date.isoformat(), "speaker": ref(index, s.speaker),
            "on_behalf_of": ref(index, s.on_behalf_of), "stance": s.stance,
            "targets": [ref(index, t) for t in s.targets], "quote": s.quote, "source": s.source,
            "valence": s.valence, "confidence": s.confidence, "negated": s.negated,
            "joint": s.joint, "cameo": s.cameo, "plover": {"type": s.plover_type,
                                                           "mode": s.plover_mode},
            "dataset": s.dataset}


def statements(store: Store, by: str | None = None, toward: str | None = None,
               stance: str | None = None, since: date | None = None,
               until: date | None = None, datasets: tuple[str, ...] = ()) -> list[dict]:
    """Statements filtered by speaker (or whom it speaks for), target, stance, dates and datasets."""
    require_records(store)
    only = check_datasets(store, datasets)
    index = index_for(store)
    where = StatementFilter(
        by=frozenset([index.resolve(by).id]) if by is not None else None,
        toward=frozenset([index.resolve(toward).id]) if toward is not None else None,
        stances=frozenset([lookup_stance(stance).name]) if stance is not None else None,
        since=since, until=until, datasets=only)
    return [statement_row(index, s) for s in store.statements(where)]
