"""The output forms of an :class:`~ingest.article.result.Extraction`: model, dataset, JSON.

:func:`statements_of` gives :class:`kg.model.Statement` records, :func:`dataset_of` the
curated-dataset form that ``kg validate`` / ``kg load`` read (``kg extract --out`` writes it
as YAML), :func:`json_of` the stable JSON of ``kg extract --json``. The methods
``to_statements``, ``to_dataset`` and ``to_json`` of an extraction call them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.model import Statement

if TYPE_CHECKING:
    from ingest.article.result import Extraction
    from kg.actors import ActorIndex


def statements_of(x: Extraction, index: ActorIndex | None = None) -> list[Statement]:
    """The statements as model records."""
    out = []
    for s in x.statements:
        out.append(Statement.create(
            speaker=s.speaker, on_behalf_of=s.on_behalf_of, date=x.date, stance=s.stance,
            targets=s.targets, quote=s.quote, source=x.url, negated=s.negated,
            confidence=s.confidence, joint=s.joint, span=s.span, sentence=s.sentence,
            dataset=x.name))
    return out


def dataset_of(x: Extraction) -> dict:
    """The curated-dataset form (``kg validate`` / ``kg load`` read it)."""
    stmts = []
    for s in x.statements:
        d = {"speaker": s.speaker, "date": x.date.isoformat(), "stance": s.stance,
             "targets": list(s.targets), "quote": s.quote, "source": "article",
             "confidence": s.confidence, "span": list(s.span), "sentence": s.sentence}
        if s.joint:
            d["joint"] = True
        if s.negated:
            d["negated"] = True
        if s.all_parties:
            d["note"] = "addressed to all parties of the conflict"
        stmts.append(d)
    src = {"url": x.url, "date": x.date.isoformat()}
    if x.title:
        src["title"] = x.title
    return {"dataset": x.name, "title": x.title or x.name,
            "start": x.date.isoformat(), "end": x.date.isoformat(),
            "sources": {"article": src}, "actors": [], "statements": stmts,
            "candidates": x.candidates}


def json_of(x: Extraction) -> dict:
    """Stable JSON: header, parties, statements (with sentence and span), candidates."""
    return {"url": x.url, "date": x.date.isoformat(), "title": x.title,
            "parties": [list(c) for c in x.parties.camps],
            "statements": [{"speaker": s.speaker, "on_behalf_of": s.on_behalf_of,
                            "stance": s.stance, "targets": list(s.targets),
                            "all_parties": s.all_parties, "joint": s.joint,
                            "negated": s.negated, "confidence": s.confidence,
                            "sentence": s.sentence, "span": list(s.span), "quote": s.quote}
                           for s in x.statements],
            "candidates": x.candidates}

