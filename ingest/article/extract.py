"""From a news article to evidenced statements: :func:`extract_article`, :func:`extract_file`.

The pipeline: split the header from the body and the body into sentences
(:mod:`kg.ingest.article.text`), find every actor named (:mod:`kg.ingest.article.mentions`),
infer the parties of the conflict (:mod:`kg.ingest.article.parties`), then, sentence by
sentence, find speech verbs and stance cues, their speakers
(:mod:`kg.ingest.article.speakers`) and their targets (:mod:`kg.ingest.article.stance`).
Every statement carries the sentence index and the character span of its evidence.

The sentence-by-sentence work is split by concern:

- :mod:`kg.ingest.article.scan`: cue and speech-verb hits, clauses, quotations, speech events;
- :mod:`kg.ingest.article.statements`: per cue, the filters, the speaker and the statements;
  where no cue fired, the evaluative words of what a speaker says
  (:mod:`kg.ingest.article.evaluation`), at a lower confidence;
- :mod:`kg.ingest.article.targets`: whom a cue is aimed at;
- :mod:`kg.ingest.article.quotes`: the evidence (``quote`` and ``span``);
- :mod:`kg.ingest.article.result`: :class:`Extracted` and :class:`Extraction` (re-exported here),
  and their model, dataset and JSON forms.

The evidence (``quote``) is short and the speaker's own when possible: the quoted words
that carry the cue (a quotation holding or right after the stance words, or the words a
speech-verb cue such as "warned" introduces, joined with " … " when the speaker has several
fragments in the sentence); otherwise the shortest clause holding the cue and its targets
("blamed Yerevan for the flare-up"); the whole sentence only when nothing shorter is found.
``body[span[0]:span[1]]`` is the quote (for joined fragments the span runs from the first
to the last; a quote cut at 400 characters ends with "…", which the span leaves out).

No network, no model: rules, the alias data and VADER's word ratings only. Negated cues ("did not condemn")
are dropped unless ``keep_negated=True``, then they carry ``negated: true`` (and
valence 0). A missing date is an error: statements are attributed through the roles
held on their date, so guessing "today" would attribute them wrongly.

Examples
--------
>>> from datetime import date
>>> text = ("https://example.org/a\\n2020-09-27\\nA test\\n\\n"
...         "Fighting broke out between Armenia and Azerbaijan. "
...         "Turkey blamed Yerevan for the clashes.")
>>> x = extract_article(text)
>>> [(s.speaker, s.stance, s.targets, s.quote) for s in x.statements]
[('TUR', 'accuse', ('ARM',), 'blamed Yerevan for the clashes')]
"""
from __future__ import annotations

import hashlib
import re
from datetime import date as Date
from pathlib import Path

from kg.ingest.article.result import Extracted, Extraction
from kg.ingest.article.statements import StatementBuilder
from kg.ingest.article.text import parse_article
from kg.ingest.textfile import read_text

from kg.actors import ActorIndex
from kg.errors import DataError, Problem

__all__ = ["MAX_BYTES", "Extracted", "Extraction", "extract_article", "extract_file", "read_article"]

MAX_BYTES = 2_000_000
"""Largest article read (bytes); longer files are refused with a clear message."""


def extract_article(text: str, url: str | None = None, date: Date | None = None,
                    index: ActorIndex | None = None, *, keep_negated: bool = False,
                    path: str | None = None) -> Extraction:
    """Extract the statements an article reports.

    Parameters
    ----------
    text : str
        The article: dev-corpus layout (URL, date, title, blank line, body) or plain text.
    url, date : optional
        Override (or supply) the article's URL and date.
    index : ActorIndex, optional
        The alias data; the shipped data by default.
    keep_negated : bool
        Keep negated cues as statements with ``negated: true`` instead of dropping them.
    path : str, optional
        The file the text came from, used in messages and the dataset name.

    Returns
    -------
    Extraction

    Raises
    ------
    DataError
        When no date is given or found.
    """
    if not isinstance(text, str):
        raise DataError(Problem("article text must be a string", path))
    art = parse_article(_normalise(text))
    day = date or art.date
    if day is None:
        raise DataError(Problem("no date found in the article; pass --date YYYY-MM-DD", path))
    src = url or art.url
    if not src:
        digest = hashlib.sha1(art.body.encode("utf-8", "replace")).hexdigest()[:16]
        src = Path(path).resolve().as_uri() if path else f"urn:sha1:{digest}"
    index = index or default_index()
    ex = StatementBuilder(art.body, index, day, keep_negated)
    ex.run(art.title)
    candidates = []
    for name, info in ex.doc.candidates.items():
        last = name.split()[-1]
        n = len(re.findall(r"\b" + re.escape(last) + r"\b", art.body))
        candidates.append({"name": name, "mentions": n,
                           **({"attributed_to": info["attributed_to"]} if info.get("attributed_to") else {})})
    return Extraction(url=src, date=day, title=art.title, statements=ex.out, candidates=candidates,
                      parties=ex.parties, sentences=len(ex.sentences), negated_dropped=ex.dropped,
                      path=path)


_INDEX: list[ActorIndex] = []


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", " ")


def article_body(text: str) -> str:
    """The body of an article's text, its offsets counted as :func:`extract_article` counts them."""
    return parse_article(_normalise(text)).body


def default_index() -> ActorIndex:
    """The shipped alias data, read once per process."""
    if not _INDEX:
        _INDEX.append(ActorIndex.default())
    return _INDEX[0]


def read_article(path: str | Path) -> str:
    """The text of an article file; ``DataError`` for a missing, binary, non-UTF-8 or huge file."""
    p = Path(path)
    text = read_text(p, "an article", MAX_BYTES)
    if not text.strip():
        raise DataError(Problem("empty file", str(p)))
    return text


def extract_file(path: str | Path, url: str | None = None, date: Date | None = None,
                 index: ActorIndex | None = None, *, keep_negated: bool = False) -> Extraction:
    """Read and extract one article file (see :func:`read_article` and :func:`extract_article`)."""
    text = read_article(path)
    return extract_article(text, url, date, index, keep_negated=keep_negated, path=str(path))
