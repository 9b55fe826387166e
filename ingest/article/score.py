"""Scoring extracted statements against gold, following the dev corpus' rule exactly.

The rule (header of ``shared/corpus/dev/gold.yaml``): a gold item is *found* when an
extracted statement has the same speaker or the state/organisation that speaker speaks
for (for a list actor, any member), a compatible stance (the gold label of its stance,
``kg/data/stances.yaml`` ``gold``, equals the item's stance or one of its
``alt_stances``) and a matching target (equal; a member of a list target; for ``both
sides``, an extraction addressed to all parties or whose targets name one party of
each camp). Matching is one-to-one (a maximum matching). Borderline items are neither
misses nor false positives: an extraction matching only a borderline item is ignored,
and so is one that repeats an item already found. Every other extraction is a false
positive. Negated extractions ("did not condemn") assert no stance and are not scored.
Gold names resolve through the alias data and, failing that, the folding the header
prescribes (``Niger junta`` is Niger; a coalition is the state leading it, as the extraction
issue asks).

Speakers alone: the distinct speakers (folded) of the extraction against the distinct
speakers of the non-borderline items (a list actor is one speaker found by any member),
with the same one-to-one, borderline and duplicate rules.

Examples
--------
>>> g = GoldArticle("a", camps=(("ARM",), ("AZE",)), items=(
...     GoldItem(frozenset({"TUR"}), frozenset({"support"}), frozenset({"AZE"})),
...     GoldItem(frozenset({"FRA"}), frozenset({"call_for_ceasefire"}), BOTH)))
>>> ex = [Scored("TUR", "support", ("AZE",)), Scored("FRA", "call_for_ceasefire", ("ARM", "AZE")),
...       Scored("RUS", "mediate/offer_talks", ("ARM", "AZE"))]
>>> r = score(ex, g)
>>> (r.found, r.gold, r.false_pos, round(r.precision, 2), r.recall)
(2, 2, 1, 0.67, 1.0)
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from kg.ingest.article.frame import frame_name

from kg.actors import ActorIndex, normalize
from kg.model import Dataset
from kg.vocab import stances

BOTH = frozenset({"<both sides>"})


@dataclass(frozen=True)
class GoldItem:
    actors: frozenset[str]
    stances: frozenset[str]
    target: frozenset[str]          # BOTH for 'both sides'
    borderline: bool = False
    quote: str = ""


@dataclass(frozen=True)
class GoldArticle:
    name: str
    camps: tuple[tuple[str, ...], ...]
    items: tuple[GoldItem, ...]


@dataclass(frozen=True)
class Scored:
    """An extraction reduced to what is scored: folded speaker, gold stance label, targets."""

    speaker: str
    stance: str
    targets: tuple[str, ...]
    all_parties: bool = False


@dataclass
class Score:
    found: int = 0
    gold: int = 0
    extracted: int = 0
    ignored: int = 0
    false_pos: int = 0
    misses: list = field(default_factory=list)
    false: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        n = self.extracted - self.ignored
        return self.found / n if n else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    def __add__(self, o: Score) -> Score:
        return Score(self.found + o.found, self.gold + o.gold, self.extracted + o.extracted,
                     self.ignored + o.ignored, self.false_pos + o.false_pos,
                     self.misses + o.misses, self.false + o.false)


def _rid(name: str, index: ActorIndex) -> str:
    """The actor id of a gold name: by the alias data, else folded as the gold's header says
    (a military that seized power is its state, "the Saudi-led coalition" its leader), else
    ``?name``, which no extraction matches.

    >>> idx = ActorIndex.default()
    >>> _rid("Britain", idx), _rid("Niger junta", idx), _rid("Turkish coup plotters", idx)
    ('GBR', 'NER', '?turkish coup plotters')
    """
    a = index.lookup(str(name))
    if a is not None:
        return a.id
    return frame_name(str(name), index) or "?" + normalize(str(name))


def _list(v) -> list:
    return list(v) if isinstance(v, list | tuple) else [v]


def load_gold(path: str | Path, index: ActorIndex | None = None) -> dict[str, GoldArticle]:
    """Every article of a gold file in the dev-corpus schema, names resolved to actor ids."""
    index = index or ActorIndex.default()
    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    out = {}
    for name, art in doc.items():
        camps = tuple(tuple(_rid(a, index) for a in _list(c)) for c in art.get("parties") or ())
        items = []
        for it in art.get("statements") or ():
            tgt = it["target"]
            if isinstance(tgt, str) and tgt.strip().lower() == "both sides":
                target = BOTH
            else:
                names = _list(tgt)
                if any(isinstance(t, str) and t.strip().lower() == "both sides" for t in names):
                    # e.g. [Russia, both sides]: either reading is accepted
                    target = frozenset(_rid(t, index) for t in names
                                       if t.strip().lower() != "both sides") | BOTH
                else:
                    target = frozenset(_rid(t, index) for t in names)
            items.append(GoldItem(frozenset(_rid(a, index) for a in _list(it["actor"])),
                                  frozenset([it["stance"], *(it.get("alt_stances") or [])]),
                                  target, bool(it.get("borderline")), str(it.get("quote", ""))))
        out[name] = GoldArticle(name, camps, tuple(items))
    return out


def gold_from_dataset(ds: Dataset, camps: tuple[tuple[str, ...], ...], name: str = "") -> GoldArticle:
    """A curated dataset as gold: one item per distinct (on_behalf_of or speaker, label, targets);
    targets naming one party of each camp are 'both sides'."""
    labels = {k: v.gold for k, v in stances().items()}
    seen, items = set(), []
    for s in ds.statements:
        if s.negated:
            continue
        actor = s.on_behalf_of or s.speaker
        tg = frozenset(s.targets)
        if camps and len(camps) > 1 and all(tg & set(c) for c in camps):
            tg = BOTH
        key = (actor, labels[s.stance], tg)
        if key in seen:
            continue
        seen.add(key)
        items.append(GoldItem(frozenset({actor}), frozenset({labels[s.stance]}), tg, False, s.quote))
    return GoldArticle(name or ds.name, camps, tuple(items))


def reduce(extraction, index: ActorIndex | None = None) -> list[Scored]:
    """The scored form of an :class:`~kg.ingest.article.extract.Extraction` (negated ones dropped)."""
    index = index or ActorIndex.default()
    labels = {k: v.gold for k, v in stances().items()}
    out = []
    for s in extraction.statements:
        if s.negated:
            continue
        who = s.on_behalf_of or index.speaks_for(s.speaker, extraction.date) or s.speaker
        out.append(Scored(who, labels[s.stance], tuple(s.targets), s.all_parties))
    return out


def _target_ok(e: Scored, g: GoldItem, camps) -> bool:
    tg = set(e.targets)
    if BOTH <= g.target:
        if e.all_parties:
            return True
        if len(camps) > 1 and all(tg & set(c) for c in camps):
            return True
        rest = g.target - BOTH
        return bool(rest) and bool(tg) and tg <= rest
    return bool(tg) and tg <= g.target


def matches(e: Scored, g: GoldItem, camps) -> bool:
    """Whether extraction ``e`` finds gold item ``g``."""
    return e.speaker in g.actors and e.stance in g.stances and _target_ok(e, g, camps)


def _max_matching(left: int, edges: list[list[int]]) -> dict[int, int]:
    """Maximum bipartite matching; returns right -> left."""
    owner: dict[int, int] = {}

    def augment(u: int, seen: set) -> bool:
        for v in edges[u]:
            if v in seen:
                continue
            seen.add(v)
            if v not in owner or augment(owner[v], seen):
                owner[v] = u
                return True
        return False

    for u in range(left):
        augment(u, set())
    return owner


def score(extracted: Iterable[Scored], gold: GoldArticle) -> Score:
    """Score one article's extractions against its gold items (see the module docstring)."""
    ex = list(extracted)
    items = gold.items
    scored = [i for i, g in enumerate(items) if not g.borderline]
    edges = [[n for n, i in enumerate(scored) if matches(e, items[i], gold.camps)] for e in ex]
    owner = _max_matching(len(ex), edges)
    matched_ex = set(owner.values())
    found_items = {scored[n] for n in owner}
    r = Score(found=len(owner), gold=len(scored), extracted=len(ex))
    for u, e in enumerate(ex):
        if u in matched_ex:
            continue
        if any(matches(e, items[i], gold.camps) for i in found_items) or \
                any(matches(e, g, gold.camps) for g in items if g.borderline):
            r.ignored += 1
        else:
            r.false_pos += 1
            r.false.append(e)
    r.misses = [items[scored[n]] for n in range(len(scored)) if n not in owner]
    return r


def score_speakers(extracted: Iterable[Scored], gold: GoldArticle) -> Score:
    """Speakers alone (see the module docstring)."""
    speakers = list(dict.fromkeys(e.speaker for e in extracted))
    units = list(dict.fromkeys(g.actors for g in gold.items if not g.borderline))
    border = [g.actors for g in gold.items if g.borderline and g.actors not in units]
    edges = [[n for n, u in enumerate(units) if s in u] for s in speakers]
    owner = _max_matching(len(speakers), edges)
    matched = set(owner.values())
    found = {n for n in owner}
    r = Score(found=len(owner), gold=len(units), extracted=len(speakers))
    for u, s in enumerate(speakers):
        if u in matched:
            continue
        if any(s in units[n] for n in found) or any(s in b for b in border):
            r.ignored += 1
        else:
            r.false_pos += 1
            r.false.append(s)
    r.misses = [units[n] for n in range(len(units)) if n not in owner]
    return r
