"""Article text: the header (url, date, title), the body and its sentences.

Two layouts are read. The dev-corpus layout has the URL on line 1, the date
(YYYY-MM-DD) on line 2, the title on line 3, a blank line, then the body. Any other
text is a plain article: the whole text is the body, and the URL and date come from
the caller or, failing that, from the text itself (an ``Original url:`` line, a
``September 27, 2020`` or ``2020-09-27`` date near the top).

Character offsets (``span``) always count from the start of the body.

Examples
--------
>>> a = parse_article("https://x.org/a\\n2020-09-27\\nTitle\\n\\nFirst one. Second one.")
>>> a.url, a.date.isoformat(), a.title, a.body[:9]
('https://x.org/a', '2020-09-27', 'Title', 'First one')
>>> [s.text for s in split_sentences("Mr Ban spoke. The U.S. agreed.\\n\\nIt said so.")]
['Mr Ban spoke.', 'The U.S. agreed.', 'It said so.']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

_URL_LINE = re.compile(r"^\s*<?(https?://\S+?)>?\s*$")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_LONG = re.compile(r"\b(" + "|".join(_MONTHS) + r")\.?\s+(\d{1,2}),?\s+(\d{4})\b", re.I)
_LONG_DMY = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\.?,?\s+(\d{4})\b", re.I)
_ORIGINAL = re.compile(r"(?:original\s+url|source)\s*:\s*<?(https?://[^\s>]+)", re.I)

ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "maj", "gov",
                 "sen", "rep", "prof", "no", "vs", "jan", "feb", "aug", "sept", "oct", "nov",
                 "dec", "inc", "corp", "co", "ltd", "jr", "sr", "u.s", "u.n", "u.k", "e.u", "a.u",
                 "u.a.e", "etc", "approx", "pres"}


@dataclass(frozen=True)
class Article:
    """An article's header and body."""

    body: str
    url: str | None = None
    date: Date | None = None
    title: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence: its index, its offsets in the body and its text."""

    index: int
    start: int
    end: int
    text: str


def find_date(text: str) -> Date | None:
    """The first plausible date in ``text`` (ISO or "September 27, 2020" or "27 September 2020").

    >>> find_date("By AFP September 27, 2020 ...")
    datetime.date(2020, 9, 27)
    >>> find_date("no date here") is None
    True
    """
    found = []
    for m in _ISO.finditer(text):
        found.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    for m in _LONG.finditer(text):
        found.append((m.start(), int(m[3]), _MONTHS[m[1].lower()], int(m[2])))
    for m in _LONG_DMY.finditer(text):
        found.append((m.start(), int(m[3]), _MONTHS[m[2].lower()], int(m[1])))
    for _, y, mo, d in sorted(found):
        try:
            return Date(y, mo, d)
        except ValueError:
            continue
    return None


def parse_article(text: str) -> Article:
    """Split the optional header from the body (see the module docstring)."""
    lines = text.split("\n", 4)
    if (len(lines) >= 4 and _URL_LINE.match(lines[0]) and _ISO.fullmatch(lines[1].strip())
            and not lines[3].strip()):
        try:
            day = Date.fromisoformat(lines[1].strip())
        except ValueError:
            day = None
        body = lines[4] if len(lines) > 4 else ""
        return Article(body=body, url=_URL_LINE.match(lines[0])[1], date=day,
                       title=lines[2].strip() or None)
    url = None
    m = _ORIGINAL.search(text)
    if m:
        url = m[1]
    elif _URL_LINE.match(lines[0] if lines else ""):
        url = _URL_LINE.match(lines[0])[1]
    title = None
    for line in text.splitlines()[:5]:
        t = line.strip().lstrip("#").strip().strip("*").strip()
        if t and not t.startswith("http"):
            title = t[:200]
            break
    return Article(body=text, url=url, date=find_date(text[:3000]), title=title)


_PARA = re.compile(r"\n\s*\n")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9\-–—•*])|\n")
_LAST_WORD = re.compile(r"([\w.]+)[.!?…]*$")


def paragraphs(body: str):
    """Paragraph spans; a paragraph cut mid-sentence (next starts lower-case) is joined."""
    spans, pos = [], 0
    for m in _PARA.finditer(body):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(body)))
    out: list[list[int]] = []
    for s, e in spans:
        if s >= e or not body[s:e].strip():
            continue
        prev = body[out[-1][0]:out[-1][1]].rstrip() if out else ""
        nxt = body[s:e].lstrip()
        if out and prev and prev[-1] not in ".!?\"”:)*" and nxt[:1].islower():
            out[-1][1] = e
        else:
            out.append([s, e])
    return out


_BULLETS = frozenset("•·▪◦‣*")
MAX_SENTENCE = 2_000
"""Characters a sentence may hold. Past it a stray quotation mark no longer holds sentences
together, and a run-on text is cut at a space: the work done per sentence stays bounded, so a
2 MB article with no stops ends in time."""
"""Marks that open an item of a list: a line that starts with one starts a sentence."""


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of ``body`` with offsets, never splitting inside a quotation or after "Mr."."""
    out: list[Sentence] = []
    for ps, pe in paragraphs(body):
        para = body[ps:pe]
        start = 0
        for m in _BOUNDARY.finditer(para):
            end = m.end()
            if m.group().startswith("\n"):
                # a single newline inside a paragraph is a line wrap unless the line ends a sentence
                # or the next one is an item of a list ("• Russia offers to host talks")
                if para[start:m.start()].rstrip()[-1:] not in ".!?\"”:" and para[end:end + 1] not in _BULLETS:
                    continue
            else:
                # The word before the stop ("Mr.", "U.S."). It holds no space, so searching the
                # text after the last space finds the same; searching the whole sentence so far
                # tried every position and was most of the time spent splitting.
                tail = para[start:m.start() + 1].rsplit(None, 1)[-1]
                word = _LAST_WORD.search(tail)
                w = word[1].lower().rstrip(".") if word else ""
                if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                    continue
                chunk = para[start:end]
                if len(chunk) < MAX_SENTENCE and (chunk.count('"') % 2 == 1 or chunk.count("“") > chunk.count("”")):
                    continue  # inside a quotation
            _add(out, body, ps + start, ps + end)
            start = end
        _add(out, body, ps + start, pe)
    return out


def _add(out: list[Sentence], body: str, s: int, e: int) -> None:
    while e - s > MAX_SENTENCE:  # a run-on text: cut at the last space before the bound
        cut = body.rfind(" ", s + 1, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        _add(out, body, s, cut)
        s = cut
    while s < e and body[s].isspace():
        s += 1
    while e > s and body[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Sentence(len(out), s, e, body[s:e]))
