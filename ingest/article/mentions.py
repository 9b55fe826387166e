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
    """A word: offsets, surface text, folded form, whether it ends in a possessive and is capitalised."""

    start: int
    end: int
    text: str
    norm: str
    poss: bool
    cap: bool


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


_POSSESSIVE = re.compile(r"['’]s?$")
_INSTITUTIONS = frozenset({"office", "department", "ministry"})
"""The last words of an institution's name that other states' institutions share ("Foreign Office")."""
_INSTITUTION_MODIFIERS = frozenset({"federal"})
_LONGER_NAMES = frozenset({("national", "security"), ("supreme", "security"), ("latin", "american"),
                           ("south", "american"), ("central", "american"), ("north", "american")})
"""A word before an alias that makes a longer name of another body ("National Security Council") or
a region ("Latin American nations" are not American)."""
_WORDS: dict[str, tuple[str, str, bool, bool]] = {}


def _word(word: str) -> tuple[str, str, bool, bool]:
    """The fields of a token that depend on its text alone: (text, norm, poss, cap), remembered."""
    hit = _WORDS.get(word)
    if hit is None:
        hit = (word, *fold(word), word[:1].isupper())
        if len(_WORDS) < 200_000:
            _WORDS[word] = hit
    return hit


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The words of ``text`` (offsets shifted by ``offset``)."""
    out = []
    append = out.append
    words = _WORDS
    # tuple.__new__(Token, ...) is what Token._make does, minus a Python-level call: an
    # article has about a thousand tokens and Token(...) was a third of the time spent here.
    make = tuple.__new__
    # findall (no match objects) and str.find for the offsets is faster than finditer. It
    # finds the right place: every letter or digit outside a token would start a token, so
    # none lies between the end of the previous token and the start of this one.
    pos, find = 0, text.find
    for word in _TOKEN.findall(text):
        start = find(word, pos)
        pos = start + len(word)
        append(make(Token, (start + offset, pos + offset) + (words.get(word) or _word(word))))
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
                inner_poss = any(t.poss for t in toks[:-1])  # "UN children's agency"
                entry = (tuple(t.norm for t in toks), aid, upper, cap, inner_poss)
                table.setdefault(toks[0].norm, []).append(entry)
        for k in table:
            # (words, words after the first as a list, actor, upper, cap, a possessive inside):
            # the list is compared with a slice of the text's words at once (mentions), not word
            # by word
            table[k] = [(key, list(key[1:]), aid, upper, cap, inner_poss)
                        for key, aid, upper, cap, inner_poss in sorted(set(table[k]), key=lambda e: -len(e[0]))]
        self.table = table
        self._looked_up: dict[str, object] = {}

    def lookup(self, name: str):
        """``index.lookup(name)``, remembered: the index does not change once its matcher is built."""
        try:
            return self._looked_up[name]
        except KeyError:
            actor = self._looked_up[name] = self.index.lookup(name)
            return actor

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
        n = len(tokens)
        table = self.table
        norms = [t.norm for t in tokens]
        nxt = 0  # the first token not inside the previous mention
        # Only about one token in six starts some alias: visit those alone.
        for i in [k for k, norm in enumerate(norms) if norm in table]:
            if i < nxt:
                continue
            tok = tokens[i]
            entries = table[tok.norm]
            hit = None
            if entries:
                for key, rest, aid, upper, cap, inner_poss in entries:
                    j = i + len(key)
                    if j > n:
                        continue
                    if rest:  # the other words follow, and none but the last is possessive
                        if norms[i + 1:j] != rest:
                            continue
                        if not inner_poss and any(tokens[k].poss for k in range(i, j - 1)):
                            continue
                    if upper and not _POSSESSIVE.sub("", tok.text).replace(".", "").isupper():
                        continue  # "UN", "TPLF's": capitals before a possessive
                    if cap and not tok.cap:
                        continue
                    if not cap and not (i > 0 and tokens[i - 1].norm == "the"):
                        continue
                    hit = (j, aid)
                    break
            if hit:
                j, aid = hit
                last = tokens[j - 1]
                surface = " ".join(t.text for t in tokens[i:j])
                prev = out[-1] if out else None
                if prev is not None and prev.actor != aid and norms[j - 1] in _INSTITUTIONS \
                        and all(norms[k] in _INSTITUTION_MODIFIERS for k in range(prev.j, i)):
                    continue  # "the German Foreign Office": Germany's, not the Foreign Office's state
                if i > 0 and tokens[i - 1].cap and (norms[i - 1], norms[i]) in _LONGER_NAMES:
                    continue  # "the National Security Council" is a state's, not the UN's; "Latin American"
                out.append(Mention(i, j, tok.start, last.end, aid, surface, last.poss))
                nxt = j
        return out
