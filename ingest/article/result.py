"""What an extraction yields: :class:`Extracted` statements and the :class:`Extraction`.

Both are re-exported by :mod:`ingest.article.extract` (and :mod:`ingest.article`); their
output forms (model statements, the curated dataset, JSON) are in
:mod:`ingest.article.output`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from ingest.article.mentions import fold
from ingest.article.output import dataset_of, json_of, statements_of
from ingest.article.parties import Parties
from kg.actors import ActorIndex
from kg.model import Statement


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
        return statements_of(self, index)

    def to_dataset(self) -> dict:
        """The curated-dataset form (``kg validate`` / ``kg load`` read it)."""
        return dataset_of(self)

    def to_json(self) -> dict:
        """Stable JSON: header, parties, statements (with sentence and span), candidates."""
        return json_of(self)
