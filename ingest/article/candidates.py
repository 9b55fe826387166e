"""The review queue's file: :class:`Candidate` statements for a person to decide on.

:func:`~kg.ingest.article.extract.extract_article` writes the statements its rules read, each
with a confidence; it misses some and doubts others (``--min-confidence``). A person finds those
faster from a queue of proposals than from the article:
:mod:`kg.ingest.article.proposals` makes them (``review_queue``), one :class:`Candidate` each,
with the sentence it comes from; :func:`dump_queue` writes them as the YAML file of
``kg extract --candidates`` and :func:`read_queue` reads it back for ``kg review``.
:func:`fragment` cuts a candidate's quote from its sentence.

Examples
--------
>>> from kg.ingest.article.extract import article_body, extract_article
>>> from kg.ingest.article.proposals import review_queue
>>> text = ("https://example.org/q\\n2020-10-02\\nTalks\\n\\n"
...         "Fighting between Armenia and Azerbaijan went on. "
...         "Crowds in Ankara said they backed Baku in every way.")
>>> kept, queue = review_queue(extract_article(text), article_body(text))
>>> c = queue[0]
>>> c.sentence, c.speaker, c.stance, c.targets, c.quote
(1, 'TUR', 'support', ('AZE',), 'Crowds in Ankara said they backed Baku in every way')
>>> read_back = Candidate.from_dict(c.to_dict())
>>> read_back == c
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from kg.errors import DataError, Problem

__all__ = ["QUOTE_WORDS", "Candidate", "dump_queue", "fragment", "read_queue"]

QUOTE_WORDS = 20
"""Longest quote of a candidate, in words."""
QUEUE_FORMAT = 1
"""The ``review_queue`` version a candidates file carries (and :func:`read_queue` checks)."""

_WORD = re.compile(r"\S+")
_TRIM = " \t\n,;:."
HEADER = """\
# Review candidates written by `kg extract --candidates`: the sentences that name an actor and hold
# a stance cue or an evaluation but gave no statement, or not this one (and, with --min-confidence,
# the statements under it), each with a proposed speaker, stance and targets, best first.
# Review them one key at a time with
#   kg review THIS_FILE --out DATASET.yaml
# span and cue are character offsets in the article body, sentence its sentence index.
# text is the article's own sentence: this file holds article text; keep it out of repositories.
"""


@dataclass(frozen=True)
class Candidate:
    """One proposed statement, with the sentence it comes from, for a person to decide on."""

    id: str
    """Stable over runs of the same extraction: the article, the sentence, the cue and the proposal."""
    url: str
    date: Date
    title: str | None
    sentence: int
    span: tuple[int, int]
    """The sentence's place in the article body."""
    text: str
    """The sentence (the article's own words)."""
    cue: tuple[int, int]
    """The stance cue's place in the body (a low-confidence statement's quote)."""
    speaker: str | None
    """The proposed speaker's actor id (None: no speaker found; the person must name one)."""
    stance: str
    targets: tuple[str, ...]
    quote: str
    quote_span: tuple[int, int]
    score: float
    """How likely the proposal is right, to rank a sentence's candidates (a statement's confidence)."""
    why: str
    """Why it is a candidate: no statement from the sentence, or a confidence under the threshold."""
    confidence: float | None = None
    """The extractor's confidence, for a low-confidence statement."""
    all_parties: bool = False
    """The targets are every party of the conflict, no actor being named after the cue."""
    speaker_name: str | None = None
    """The unknown name the speaker was read from ("Shushan Stepanyan", speaking for Armenia)."""
    mentions: tuple[tuple[int, int, str], ...] = ()
    """The actors named in the sentence: (start, end, actor id), body offsets, to show the proposal."""

    def to_dict(self) -> dict:
        """The candidate as a YAML mapping (see :func:`dump_queue`)."""
        art = {"url": self.url, "date": self.date.isoformat()}
        if self.title:
            art["title"] = self.title
        proposed = {"speaker": self.speaker, "stance": self.stance, "targets": list(self.targets)}
        if self.all_parties:
            proposed["all_parties"] = True
        if self.speaker_name:
            proposed["speaker_name"] = self.speaker_name
        d = {"id": self.id, "article": art, "sentence": self.sentence, "span": list(self.span),
             "text": self.text, "why": self.why, "score": self.score}
        if self.confidence is not None:
            d["confidence"] = self.confidence
        d |= {"proposed": proposed, "quote": self.quote, "quote_span": list(self.quote_span),
              "cue": list(self.cue), "mentions": [[a, b, actor] for a, b, actor in self.mentions]}
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Candidate:
        """The candidate of a :meth:`to_dict` mapping (``KeyError``, ``TypeError`` or ``ValueError``
        when it is not one)."""
        art, p = d["article"], d["proposed"]
        day = art["date"] if isinstance(art["date"], Date) else Date.fromisoformat(str(art["date"]))
        return cls(
            id=str(d["id"]), url=str(art["url"]), date=day, title=art.get("title"),
            sentence=int(d["sentence"]), span=_pair(d["span"]), text=str(d["text"]), cue=_pair(d["cue"]),
            speaker=None if p.get("speaker") is None else str(p["speaker"]), stance=str(p["stance"]),
            targets=tuple(str(t) for t in p.get("targets") or ()), quote=str(d["quote"]),
            quote_span=_pair(d["quote_span"]), score=float(d["score"]), why=str(d["why"]),
            confidence=None if d.get("confidence") is None else float(d["confidence"]),
            all_parties=bool(p.get("all_parties", False)), speaker_name=p.get("speaker_name"),
            mentions=tuple((int(a), int(b), str(actor)) for a, b, actor in d.get("mentions") or ()))


def _pair(value) -> tuple[int, int]:
    a, b = value
    return int(a), int(b)


def fragment(body: str, sentence: tuple[int, int], cue: tuple[int, int],
             words: int = QUOTE_WORDS) -> tuple[str, tuple[int, int]]:
    """The words of a sentence around a cue, at most ``words`` of them: the quote of a candidate.

    Up to six words before the cue (where the speaker usually is), the rest after it (where
    the targets are); the whole sentence, less its closing stop, when it is short enough.

    >>> s = "Officials in Ankara said on Monday that they would back Baku in every way they could."
    >>> fragment(s, (0, len(s)), (s.index("back"), s.index("back") + 4), words=8)
    ('said on Monday that they would back Baku', (20, 60))
    >>> fragment(s, (0, len(s)), (0, len(s)), words=3)
    ('Officials in Ankara', (0, 19))
    """
    a, b = sentence
    ws = [m.span() for m in _WORD.finditer(body, a, b)]
    if not ws:
        return body[a:b], (a, b)
    first = next((i for i, (_, e) in enumerate(ws) if e > cue[0]), len(ws) - 1)
    last = max(first, next((i for i in range(len(ws) - 1, -1, -1) if ws[i][0] < cue[1]), first))
    if last - first + 1 >= words:  # a cue (a statement's quote) as long as the limit: its first words
        lo, hi = first, first + words
    else:
        lo = max(0, first - 6)
        hi = max(min(len(ws), lo + words), last + 1)
        lo = max(0, min(lo, hi - words))
    start, end = ws[lo][0], ws[hi - 1][1]
    while end > start + 1 and body[end - 1] in _TRIM:
        end -= 1
    while start < end - 1 and body[start] in _TRIM:
        start += 1
    end = min(end, start + 400)  # the longest quote a statement holds
    quote = body[start:end]
    if "\n" in quote or "\t" in quote or "  " in quote:
        quote = " ".join(quote.split())
    return quote, (start, end)


def dump_queue(candidates: list[Candidate]) -> str:
    """The YAML file of a review queue: :data:`HEADER`, then every candidate."""
    import yaml

    doc = {"review_queue": QUEUE_FORMAT, "candidates": [c.to_dict() for c in candidates]}
    return HEADER + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)


def read_queue(path: str | Path) -> list[Candidate]:
    """The candidates of a file :func:`dump_queue` wrote; ``DataError`` naming the line of each bad one."""
    from kg.ingest.yamlfile import Mapping, read_yaml

    doc = read_yaml(Path(path))
    if not isinstance(doc, Mapping) or doc.get("review_queue") != QUEUE_FORMAT \
            or not isinstance(doc.get("candidates"), list):
        raise DataError(Problem("not a review queue (write one with kg extract ARTICLES --candidates FILE)",
                                str(path), 1))
    out, problems, seen = [], [], set()
    for i, node in enumerate(doc["candidates"]):
        line = node.line if isinstance(node, Mapping) else None
        try:
            c = Candidate.from_dict(node)
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            problems.append(Problem(f"not a candidate ({type(e).__name__}: {e})", str(path), line,
                                    f"candidates[{i}]"))
            continue
        if c.id in seen:
            problems.append(Problem(f"duplicate candidate id {c.id!r}", str(path), line, f"candidates[{i}]"))
        seen.add(c.id)
        out.append(c)
    if problems:
        raise DataError(problems)
    return out
