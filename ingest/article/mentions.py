"""Tokens and actor mentions: every name of the alias data found in a text, in one pass.

The matcher indexes every alias of :class:`kg.actors.ActorIndex` by its first token,
so finding mentions costs one dictionary look-up per token (longest alias wins).
Short all-capital aliases (US, UN, EU) match only capitals, so "us" is not the
United States; capitalised aliases match only capitalised text.

Examples
--------
>>> from kg.actors import ActorIndex
>>> m = Matcher.of(ActorIndex.default())
>>> toks = tokenize("Turkish President Recep Tayyip Erdogan told us that the U.S. and Baku agreed.")
>>> [(x.actor, x.surface) for x in m.mentions("", toks)]
[('TUR', 'Turkish'), ('erdogan', 'Recep Tayyip Erdogan'), ('USA', 'U.S.'), ('AZE', 'Baku')]
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from kg.actors import ActorIndex

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:[-'’][^\W_]+)*['’]?")


class Token(NamedTuple):
    """A word: offsets, surface text, folded form, and whether it ends in a possessive."""

    start: int
    end: int
    text: str
    norm: str
    poss: bool

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


class Mention(NamedTuple):
    """An actor named in the text: token range [i, j), offsets, actor id and surface."""

    i: int
    j: int
    start: int
    end: int
    actor: str
    surface: str
    poss: bool


_FOLDED: dict[str, tuple[str, bool]] = {}


def fold(word: str) -> tuple[str, bool]:
    """Case-, accent- and punctuation-folded word, and whether it was possessive.

    >>> fold("Erdoğan's"), fold("U.S.")
    (('erdogan', True), ('us', False))
    """
    hit = _FOLDED.get(word)
    if hit is not None:
        return hit
    out = _fold(word)
    if len(_FOLDED) < 200_000:
        _FOLDED[word] = out
    return out


def _fold(word: str) -> tuple[str, bool]:
    if not word.isascii():
        word = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in word if not unicodedata.combining(c)).replace("’", "'")
    w = word.casefold()
    poss = False
    if w.endswith("'s"):
        w, poss = w[:-2], True
    elif w.endswith("'"):
        w, poss = w[:-1], True
    return w.replace(".", ""), poss


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The words of ``text`` (offsets shifted by ``offset``)."""
    out = []
    cache = _FOLDED
    for m in _TOKEN.finditer(text):
        word = m.group()
        f = cache.get(word) or fold(word)
        s, e = m.span()
        out.append(Token(s + offset, e + offset, word, f[0], f[1]))
    return out


class Matcher:
    """Aliases by first folded token, longest first."""

    def __init__(self, index: ActorIndex):
        self.index = index
        table: dict[str, list] = {}
        for actor in index.actors.values():
            for name in (actor.name, *actor.aliases):
                toks = tokenize(name)
                if toks and toks[0].norm == "the":
                    toks = toks[1:]
                if not toks:
                    continue
                winner = index.lookup(name)
                aid = winner.id if winner is not None else actor.id
                letters = re.sub(r"[^A-Za-z]", "", name)
                upper = len(letters) <= 5 and letters.isupper()
                cap = toks[0].text[:1].isupper()
                entry = (tuple(t.norm for t in toks), aid, upper, cap)
                table.setdefault(toks[0].norm, []).append(entry)
        for k in table:
            table[k] = sorted(set(table[k]), key=lambda e: -len(e[0]))
        self.table = table

    @classmethod
    def of(cls, index: ActorIndex) -> Matcher:
        """The matcher of ``index``, built once per index."""
        m = getattr(index, "_extract_matcher", None)
        if m is None:
            m = cls(index)
            index._extract_matcher = m  # type: ignore[attr-defined]
        return m

    def mentions(self, text: str, tokens: list[Token]) -> list[Mention]:
        """Every mention in ``tokens`` (``text`` is unused but kept for symmetry)."""
        out: list[Mention] = []
        i, n = 0, len(tokens)
        while i < n:
            tok = tokens[i]
            entries = self.table.get(tok.norm)
            hit = None
            if entries:
                for key, aid, upper, cap in entries:
                    j = i + len(key)
                    if j > n:
                        continue
                    if any(tokens[i + k].norm != key[k] for k in range(1, len(key))):
                        continue
                    if any(tokens[i + k].poss for k in range(len(key) - 1)):
                        continue
                    if upper and not tok.text.replace(".", "").isupper():
                        continue
                    if cap and not tok.cap:
                        continue
                    if not cap and not (i > 0 and tokens[i - 1].norm == "the"):
                        continue
                    hit = (j, aid)
                    break
            if hit:
                j, aid = hit
                last = tokens[j - 1]
                surface = "".join(t.text + " " for t in tokens[i:j]).strip()
                out.append(Mention(i, j, tok.start, last.end, aid, surface, last.poss))
                i = j
            else:
                i += 1
        return out
