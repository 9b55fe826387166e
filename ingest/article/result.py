"""What an extraction yields: :class:`Extracted` statements and the :class:`Extraction`.

Both are re-exported by :mod:`kg.ingest.article.extract` (and :mod:`kg.ingest.article`). An
extraction gives its statements as model records (:meth:`Extraction.to_statements`), as a
curated-dataset document (:meth:`Extraction.to_dataset`; :func:`merge` joins several, and
:func:`to_datasets` validates them into :class:`~kg.model.Dataset` records in memory) and as
the stable JSON of ``kg extract --json`` (:meth:`Extraction.to_json`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from kg.ingest.article.mentions import fold
from kg.ingest.article.parties import Parties

from kg.actors import ActorIndex
from kg.model import Dataset, Statement


@dataclass(frozen=True)
class Extracted:
    """One extracted statement, before it becomes a :class:`kg.model.Statement`."""

    speaker: str
    on_behalf_of: str | None
    stance: str
    targets: tuple[str, ...]
    quote: str
    span: tuple[int, int]
    sentence: int
    confidence: float
    joint: bool = False
    negated: bool = False
    all_parties: bool = False


@dataclass
class Extraction:
    """What one article yields: its statements, candidate actors and the inferred parties."""

    url: str
    date: Date
    title: str | None
    statements: list[Extracted]
    candidates: list[dict]
    parties: Parties
    sentences: int = 0
    negated_dropped: int = 0
    path: str | None = None

    @property
    def name(self) -> str:
        base = Path(self.path).stem if self.path else self.title or self.url
        slug = re.sub(r"[^a-z0-9]+", "-", fold(base or "article")[0].lower()).strip("-")[:60]
        return f"extract-{slug or 'article'}"

    def to_statements(self, index: ActorIndex | None = None) -> list[Statement]:
        """The statements as model records."""
        return [Statement.create(
            speaker=s.speaker, on_behalf_of=s.on_behalf_of, date=self.date, stance=s.stance,
            targets=s.targets, quote=s.quote, source=self.url, negated=s.negated,
            confidence=s.confidence, joint=s.joint, span=s.span, sentence=s.sentence,
            dataset=self.name) for s in self.statements]

    def to_dataset(self) -> dict:
        """The curated-dataset document (``kg validate`` / ``kg load`` read it as YAML)."""
        stmts = []
        for s in self.statements:
            d = {"speaker": s.speaker, "date": self.date.isoformat(), "stance": s.stance,
                 "targets": list(s.targets), "quote": s.quote, "source": "article",
                 "confidence": s.confidence, "span": list(s.span), "sentence": s.sentence}
            if s.joint:
                d["joint"] = True
            if s.negated:
                d["negated"] = True
            if s.all_parties:
                d["note"] = "addressed to all parties of the conflict"
            stmts.append(d)
        src = {"url": self.url, "date": self.date.isoformat()}
        if self.title:
            src["title"] = self.title
        return {"dataset": self.name, "title": self.title or self.name,
                "start": self.date.isoformat(), "end": self.date.isoformat(),
                "sources": {"article": src}, "actors": [], "statements": stmts,
                "candidates": self.candidates}

    def to_json(self) -> dict:
        """Stable JSON: header, parties, statements (with sentence and span), candidates."""
        return {"url": self.url, "date": self.date.isoformat(), "title": self.title,
                "parties": [list(c) for c in self.parties.camps],
                "statements": [{"speaker": s.speaker, "on_behalf_of": s.on_behalf_of,
                                "stance": s.stance, "targets": list(s.targets),
                                "all_parties": s.all_parties, "joint": s.joint,
                                "negated": s.negated, "confidence": s.confidence,
                                "sentence": s.sentence, "span": list(s.span), "quote": s.quote}
                               for s in self.statements],
                "candidates": self.candidates}


def merge(results: list[Extraction], name: str | None = None) -> dict:
    """One curated-dataset document holding every article's statements (one source per article)."""
    if len(results) == 1 and name is None:
        return results[0].to_dataset()
    doc = {"dataset": name or f"extract-{len(results)}-articles",
           "title": f"statements extracted from {len(results)} articles",
           "start": min(r.date for r in results).isoformat(),
           "end": max(r.date for r in results).isoformat(),
           "sources": {}, "actors": [], "statements": [], "candidates": []}
    for n, r in enumerate(results, 1):
        d = r.to_dataset()
        key = f"a{n}"
        doc["sources"][key] = d["sources"]["article"]
        doc["statements"] += [{**s, "source": key} for s in d["statements"]]
        doc["candidates"] += d["candidates"]
    return doc


def to_datasets(results: list[Extraction], index: ActorIndex | None = None) -> list[Dataset]:
    """Each extraction validated into a :class:`~kg.model.Dataset`, in memory, by the curated reader.

    Problems name the article's file (or URL) and raise one :class:`~kg.errors.DataError`.
    """
    from kg.ingest.curated import validate

    from kg.errors import DataError

    out, problems = [], []
    for r in results:
        try:
            out.append(validate(r.to_dataset(), r.path or r.url, index))
        except DataError as e:
            problems.extend(e.problems)
    if problems:
        raise DataError(problems)
    return out
