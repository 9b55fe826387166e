"""Evaluative language: how favourably a span of text speaks, from VADER's word ratings.

VADER (Hutto & Gilbert, 2014; MIT licence; the PyPI package ``vaderSentiment``) rates about
7,500 English words from -4 (most negative) to +4 (most positive). Only its word list is read
(``vaderSentiment/vader_lexicon.txt``, through :mod:`importlib.resources`: the package's module
imports ``requests``), and VADER's two rules that matter in diplomatic copy are redone here:

- an intensifier ("deeply", "strongly") up to three words before a rated word moves it 0.293
  further from zero (0.95 and 0.9 of that from the second and third word back); a dampener
  ("somewhat") moves it as much toward zero;
- a negator ("not", "never", "without") up to three words before a rated word multiplies it
  by -0.74: "not satisfied" is mildly negative. The negation reaches the first rated word after
  the negator and the words coordinated with it ("not free and fair"), not the words of its
  object ("does not recognise the illegal referendum": "illegal" stays negative).

Wire copy is not social media: ``kg/data/extract.yaml`` (``evaluation``) adapts the list. Its
``ratings`` add the words of diplomatic judgement VADER lacks ("flagrant", "illegitimate",
"land grab", two-word entries allowed) and tone down the feelings that voice concern rather
than condemnation ("disappointed"); its ``ignore`` list drops words whose rating describes
what happened instead of judging it ("war", "killed", "peace", "security") and the cue words,
which the cue rules read. Its ``norms`` ("acceptable", "legitimate", "recognise") carry no
rating of their own; denied ("not acceptable", "will never be recognised"), each is a
rejection. Its ``attitudes`` ("disappointed", "grateful", "accept") say how the evaluator
feels, not what the evaluated is (:attr:`Evaluation.attitude`).

:func:`evaluate` rates a span; :attr:`Evaluation.stance` maps it to a stance: a rejected norm
opposes; a clear negative evaluation (VADER's normalised score -0.3 or below) condemns when
one of its words is strongly negative in itself (-2.0 or below, as "unacceptable" or
"illegal"; an intensifier makes an evaluation clearer, not a concern a condemnation) and
voices concern otherwise; a clear positive one praises with a word of praise ("appreciate",
"courageous") and supports otherwise. Whom it is aimed at is for the caller to find
(:meth:`kg.ingest.article.targets.TargetFinder.evaluated`).

Examples
--------
>>> evaluate("a flagrant violation of the ceasefire").stance
'condemn'
>>> evaluate("we are deeply disappointed").stance, evaluate("we are not satisfied with the answer").stance
('concern', 'concern')
>>> evaluate("the result will never be recognised").stance, evaluate("this is not acceptable").stance
('oppose', 'oppose')
>>> evaluate("we appreciate their restraint").stance, evaluate("a trusted and reliable friend").stance
('praise', 'support')
>>> evaluate("the talks ended on Tuesday").stance is None
True
>>> evaluate("dozens were killed in the war").stance is None     # events, not judgements
True
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from kg.ingest.article.lexicon import raw_rules

B_INCR = 0.293
"""VADER's step for an intensifier (and, negative, for a dampener)."""
N_SCALAR = -0.74
"""VADER's factor for a negated word."""
ALPHA = 15
"""VADER's normalisation: a sum ``s`` of ratings is the score ``s / sqrt(s² + 15)``, in (-1, 1)."""
_DECAY = (1.0, 0.95, 0.9)  # an intensifier 1, 2 or 3 words before the rated word
_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*|[;:,.!?—–]")
_PUNCT = frozenset(";:,.!?—–")
_ENTRY = re.compile(r"[a-z]+(?:['-][a-z]+)*")  # VADER's word entries (it also rates emoticons)
_COORD = frozenset({"and", "or", "nor", ","})


@dataclass(frozen=True)
class Rules:
    """The word ratings and the word lists of the evaluation rules."""

    ratings: dict[str, float]
    """A word (or two words joined by a space) and its rating, -4 .. +4."""
    boosters: frozenset[str]
    dampeners: frozenset[str]
    negators: frozenset[str]
    not_negation: tuple[tuple[str, ...], ...]
    """Word sequences that start with a negator but negate nothing ("nothing more than")."""
    norms: frozenset[str]
    attitudes: frozenset[str]
    """Words of the evaluator's own feeling or acceptance ("disappointed", "accept"): their subject evaluates."""
    praise_words: frozenset[str]
    firsts: frozenset[str]
    """Every word a rated entry or a norm starts with: a span with none of them is neutral at once."""
    clear: float
    """Smallest absolute score of an evaluation; below it a span is neutral."""
    strong: float
    """A word rated at or below this (its own rating) makes a negative evaluation a condemnation."""


@dataclass(frozen=True)
class Rated:
    """One rated word of a span: its text, offsets in the span, rating in context, and how it got it."""

    word: str
    start: int
    end: int
    valence: float
    base: float = 0.0
    """The word's own rating, before intensifiers and negation."""
    negated: bool = False
    norm: bool = False


@dataclass(frozen=True)
class Evaluation:
    """The rated words of a span, their score and the stance they express."""

    words: tuple[Rated, ...]

    @property
    def total(self) -> float:
        return sum(w.valence for w in self.words)

    @property
    def score(self) -> float:
        """VADER's normalised score of the span, -1 (most negative) .. +1; 0 when nothing is rated."""
        s = self.total
        return s / math.sqrt(s * s + ALPHA) if s else 0.0

    @property
    def rejection(self) -> bool:
        """Whether the span denies a norm ("not acceptable", "never be recognised")."""
        return any(w.norm for w in self.words) and self.total < 0

    @property
    def stance(self) -> str | None:
        """``oppose``, ``condemn``, ``concern``, ``praise``, ``support`` or None (no clear evaluation)."""
        r = rules()
        if self.rejection:
            return "oppose"
        if self.score <= -r.clear:
            return "condemn" if any(w.base <= r.strong and not w.negated for w in self.words) else "concern"
        if self.score >= r.clear and not any(w.valence <= r.strong for w in self.words):
            return "praise" if any(w.word.lower() in r.praise_words and not w.negated for w in self.words) \
                else "support"
        return None

    @property
    def mixed(self) -> bool:
        """Whether clearly positive and clearly negative words meet in the span (no clear evaluation)."""
        return any(w.valence >= 1.0 for w in self.words) and any(w.valence <= -1.0 for w in self.words)

    def part(self, lo: int, hi: int) -> Evaluation:
        """The evaluation of the words between offsets ``lo`` and ``hi``, their offsets from ``lo``.

        >>> ev = evaluate("a reckless move; we thank them")
        >>> ev.part(0, 15).stance, ev.part(17, 30).stance, ev.part(17, 30).words[0].start
        ('condemn', 'praise', 3)
        """
        return Evaluation(tuple(replace(w, start=w.start - lo, end=w.end - lo)
                                for w in self.words if lo <= w.start and w.end <= hi))

    @property
    def attitude(self) -> bool:
        """Whether the words that carry the evaluation are all of the evaluator's own feeling or
        acceptance ("we are disappointed", "will not accept"), not of what is evaluated."""
        against = self.total < 0
        carrying = [w for w in self.words if (w.valence < 0) == against]
        attitudes = rules().attitudes
        return bool(carrying) and all(w.word.lower() in attitudes for w in carrying)


@cache
def vader() -> dict[str, float]:
    """VADER's word ratings (``vader_lexicon.txt``: word, mean rating, deviation, ten raw ratings)."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and _ENTRY.fullmatch(parts[0]):
            out[parts[0]] = float(parts[1])
    return out


@cache
def rules() -> Rules:
    """VADER's ratings adapted by ``kg/data/extract.yaml`` (``evaluation``), read once."""
    d = raw_rules()["evaluation"]
    ratings = dict(vader())
    for word in d["ignore"]:
        ratings.pop(word, None)
    for word in (*d["boosters"], *d["dampeners"], *d["negators"], *d["norms"]):
        ratings.pop(word, None)  # "strongly" and "no" carry a rating in VADER; here they modify one
    for word, value in d["ratings"].items():
        ratings[str(word)] = float(value)
    firsts = frozenset(k.split()[0] for k in ratings) | frozenset(d["norms"])
    return Rules(ratings=ratings, firsts=firsts, boosters=frozenset(d["boosters"]),
                 dampeners=frozenset(d["dampeners"]), negators=frozenset(d["negators"]),
                 not_negation=tuple(tuple(p.split()) for p in d["not_negation"]),
                 norms=frozenset(d["norms"]), attitudes=frozenset(d["attitudes"]),
                 praise_words=frozenset(d["praise_words"]),
                 clear=float(d["clear"]), strong=float(d["strong"]))


def _negator(words: list[str], i: int, r: Rules) -> bool:
    w = words[i]
    if w not in r.negators and not w.endswith(("n't", "n’t")):
        return False
    return not any(tuple(words[i:i + len(p)]) == p for p in r.not_negation)


def evaluate(text: str) -> Evaluation:
    """The rated words of ``text`` and, through them, its score and stance (see the module docstring).

    >>> [(w.word, round(w.valence, 2), w.negated) for w in evaluate("deeply troubling and not helpful").words]
    [('troubling', -2.19, False), ('helpful', -1.33, True)]
    >>> [(w.word, w.negated) for w in evaluate("does not recognise the illegal vote").words]
    [('recognise', True), ('illegal', False)]
    >>> [(w.word, w.negated) for w in evaluate("it was not wise or helpful").words]
    [('wise', True), ('helpful', True)]
    """
    r = rules()
    low = text.lower()
    if r.firsts.isdisjoint(_WORD.findall(low)):  # most spans: nothing rated
        return Evaluation(())
    toks = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(low)]
    words = [t[0] for t in toks]
    out: list[Rated] = []
    negating = False   # a negator seen, its rated word not yet
    carried = False    # the last rated word was negated and coordination may carry it on
    since = 99         # words since the negator
    i = 0
    while i < len(toks):
        w, s, e = toks[i]
        two = f"{w} {words[i + 1]}" if i + 1 < len(words) else ""
        if two in r.ratings:
            value, end, step = r.ratings[two], toks[i + 1][2], 2
        elif w in r.ratings or w in r.norms:
            value, end, step = r.ratings.get(w, 0.0), e, 1
        else:
            if _negator(words, i, r):
                negating, since, carried = True, 0, False
            elif w in _PUNCT and w != ",":
                negating = carried = False
            elif w not in _COORD:
                carried = False
                since += 1
                if since > 3:
                    negating = False
            i += 1
            continue
        norm = w in r.norms and step == 1
        neg = negating or carried
        if norm and not neg:  # a norm counts only denied
            negating, carried = False, False
            i += step
            continue
        raw = r.strong if norm else value  # a denied norm is a rejection, as strong as "unacceptable"
        for back in range(1, 4):
            if i - back < 0:
                break
            b = words[i - back]
            if b in _PUNCT:
                break
            if b in r.boosters:
                value += math.copysign(B_INCR * _DECAY[back - 1], value) if value else 0.0
            elif b in r.dampeners:
                value -= math.copysign(B_INCR * _DECAY[back - 1], value) if value else 0.0
        if norm:
            value = raw
        elif neg:
            value *= N_SCALAR
        out.append(Rated(text[s:end], s, end, value, raw, neg, norm))
        negating, carried = False, neg
        i += step
    return Evaluation(tuple(out))
