"""Names the crisis gives its actors: "the junta" is the state whose power it seized, "the
Saudi-led coalition" is Saudi Arabia.

The alias data knows states, organisations and people by name. Crisis copy also names them by
what they did or lead, and the dev corpus' gold folds those names into the actor they stand for
(a military that seized power maps to its state; a coalition to the state leading it).
:func:`frame_mentions` adds them to an article's mentions, so that speakers, targets and the
parties read them like any other name:

- ``<X>-led <coalition|alliance|forces|...>``: X, when X is a known name ("US-led", "Saudi-led",
  "NATO-led"); "the coalition" (alliance, bloc) after it is X too;
- ``junta`` (and "military rulers", "military government", "coup leaders", "putschists"): the state named
  with it ("Niger's junta", "the Malian junta"), else the state the article names most often
  around its reports of a coup ("seized power in Niger", "the coup in Myanmar"), else nothing.

:func:`frame_name` reads a name alone the same way ("Niger junta", "Saudi-led coalition"): the
scorer folds the dev gold's names with it, as the gold's header prescribes.

Examples
--------
>>> from kg.actors import ActorIndex
>>> from kg.ingest.article.mentions import Matcher, tokenize
>>> idx = ActorIndex.default()
>>> text = "Soldiers seized power in Niger on Wednesday. The junta rejected talks with the US-led alliance."
>>> toks = tokenize(text)
>>> [(m.surface, m.actor) for m in frame_mentions(toks, Matcher.of(idx).mentions(text, toks), idx)]
[('Niger', 'NER'), ('junta', 'NER'), ('US-led alliance', 'USA')]
"""
from __future__ import annotations

from collections import Counter

from kg.ingest.article.mentions import Matcher, Mention, Token, fold, tokenize

from kg.actors import ActorIndex

__all__ = ["frame_mentions", "frame_name"]

LED_NOUNS = frozenset({"coalition", "alliance", "forces", "force", "troops", "operation", "campaign", "bloc",
                       "mission", "military", "intervention", "offensive", "blockade"})
"""Nouns that ``<X>-led`` makes X's."""
_BLOCS = frozenset({"coalition", "alliance", "bloc"})
"""Of those, the ones that "the <noun>" names again after "the <X>-led <noun>"."""
JUNTA = frozenset({"junta", "juntas"})
MILITARY_RULE = frozenset({"rulers", "government", "regime", "authorities", "leadership", "leaders"})
"""Words that ``military`` before them makes a junta ("the military rulers")."""
COUP_RULE = frozenset({"leaders", "leader", "makers", "authorities", "government", "regime"})
"""Words that ``coup`` before them makes a junta ("the coup leaders"; not "coup plotters", who failed)."""
PUTSCHISTS = frozenset({"putschists", "putschist"})
COUP_WORDS = frozenset({"coup", "putsch", "seized", "seize", "seizes", "toppled", "overthrew", "ousted"})
"""Words of a coup report, around which the junta's state is named."""
ELECTION_WORDS = frozenset({"election", "elections", "vote", "poll", "polls", "ballot", "re-election",
                            "reelection", "electoral"})
"""Words of an election report, around which the state that held it is named."""
_WINDOW = 12  # tokens either side of a coup word where its state is looked for


def _state(index: ActorIndex, aid: str) -> bool:
    a = index.actors.get(aid)
    return a is not None and a.kind == "state"


def event_state(tokens: list[Token], mentions: list[Mention], index: ActorIndex,
               words: frozenset[str] = COUP_WORDS) -> str | None:
    """The state named most often near the article's words of an event that happens in one
    state (first named on a tie), or None: a coup (``words``, by default), or an election
    (:data:`ELECTION_WORDS`).

    Where the event happened counts first: a state named as its place ("seized power in Niger",
    "the coup in Myanmar", "Niger's coup") outweighs the states merely named near a word of it
    ("French President Emmanuel Macron condemned the coup").
    """
    states = [m for m in mentions if _state(index, m.actor)]
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for k, t in enumerate(tokens):
        if t.norm not in words:
            continue
        for m in states:
            if k - _WINDOW <= m.i <= k + _WINDOW:
                place = (m.i > 0 and tokens[m.i - 1].norm == "in") or (m.poss and m.j == k)
                counts[m.actor] += 10 if place else 1
                first.setdefault(m.actor, m.i)
    if not counts:
        return None
    return max(counts, key=lambda a: (counts[a], -first[a]))


def frame_mentions(tokens: list[Token], mentions: list[Mention], index: ActorIndex) -> list[Mention]:
    """``mentions`` with the crisis' own names of actors added, in text order (see the module)."""
    taken = {k for m in mentions for k in range(m.i, m.j)}
    added: list[Mention] = []
    by_end = {m.j: m for m in mentions}
    junta = None
    led: dict[str, str] = {}  # noun of "<X>-led <noun>" -> X
    for k, t in enumerate(tokens):
        if k in taken:
            continue
        # "the Saudi-led coalition": the stem of "-led" is a known name
        if t.norm.endswith("-led") and k + 1 < len(tokens) and tokens[k + 1].norm in LED_NOUNS \
                and k + 1 not in taken:
            stem = t.text[:-4]
            a = index.lookup(stem) or index.lookup(fold(stem)[0])
            if a is not None and a.kind != "person":
                nxt = tokens[k + 1]
                added.append(Mention(k, k + 2, t.start, nxt.end, a.id, f"{t.text} {nxt.text}", nxt.poss))
                led.setdefault(nxt.norm.rstrip("'s’"), a.id)
            continue
        # "the coalition" after "the Saudi-led coalition": the same one
        noun = t.norm.rstrip("'s’")
        if k > 0 and tokens[k - 1].norm == "the" and noun in _BLOCS and noun in led:
            added.append(Mention(k, k + 1, t.start, t.end, led[noun], t.text, t.poss))
            continue
        military = k + 1 < len(tokens) and k + 1 not in taken and (
            (t.norm == "military" and tokens[k + 1].norm in MILITARY_RULE)
            or (t.norm == "coup" and tokens[k + 1].norm in COUP_RULE))
        if t.norm not in JUNTA and t.norm not in PUTSCHISTS and not military:
            continue
        j = k + 2 if military else k + 1
        owner = by_end.get(k)  # "Niger's junta", "the Malian junta"
        if owner is not None and t.start - owner.end <= 1 and _state(index, owner.actor):
            aid = owner.actor
        else:
            if junta is None:
                junta = event_state(tokens, mentions, index) or ""
            aid = junta
        if aid:
            last = tokens[j - 1]
            added.append(Mention(k, j, t.start, last.end, aid, " ".join(x.text for x in tokens[k:j]), last.poss))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m.i)


def frame_name(name: str, index: ActorIndex) -> str | None:
    """The actor a name stands for by what it did or leads, or None.

    >>> idx = ActorIndex.default()
    >>> frame_name("Niger junta", idx), frame_name("Saudi-led coalition", idx), frame_name("the junta", idx)
    ('NER', 'SAU', None)
    >>> frame_name("Turkish coup plotters", idx) is None
    True
    >>> frame_name("Guinea's coup leaders", idx)
    'GIN'
    """
    tokens = tokenize(name)
    if not tokens:
        return None
    found = Matcher.of(index).mentions(name, tokens)
    framed = [m for m in frame_mentions(tokens, found, index) if m not in found]
    last = [m for m in framed if m.j == len(tokens)]
    return last[0].actor if last else None
