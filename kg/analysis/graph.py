"""Graphs built from what was said: signed ties, stance profiles and prior ties.

Everything starts from the store's aggregated edges (:meth:`Store.stance_edges`: one row per
source, target and stance), never from single statements, so that building scales with the
number of (actor, target, stance) triples, not with the number of statements.

Who takes part
--------------
By default the nodes are states, intergovernmental organisations, de-facto authorities and
armed groups (``Actor.kind`` in :data:`PARTICIPANT_KINDS`). A person counts for the state or
organisation they spoke for on the day (``rollup``, the default) or, without rollup, as
themselves when they held an office then. People without an office and NGOs or think tanks
(kind ``person`` without a role, kind ``ngo``), and ids no actor answers to, are left out
unless ``all_actors``. The same rule applies to sources and to targets.

Stance classes
--------------
A stance is *friendly* (+1) when its valence is at least :data:`TIE_THRESHOLD`, *hostile* (-1)
when at most minus that, and *even-handed* (0) otherwise. With the shipped vocabulary:
support and praise are friendly; accuse, condemn, oppose, warn and threaten are hostile;
call_for_ceasefire, mediate and concern are even-handed third-party stances: they make no
signed tie, but they are a stance of their own in a profile (code 0, not "missing").

Weights
-------
A stance edge weighs the sum of its statements' confidence, times a recency factor
``0.5 ** (age / half_life)`` where age is the days from the edge's last statement to the
reference day (the last day in the data, or ``as_of``).

Examples
--------
>>> from datetime import date
>>> from kg.store.base import StanceEdge
>>> d = date(2020, 9, 27)
>>> edges = [StanceEdge("TUR", "AZE", "support", 2, 2.0, 2.0, d, d),
...          StanceEdge("TUR", "ARM", "accuse", 1, -0.7, 1.0, d, d),
...          StanceEdge("RUS", "ARM", "call_for_ceasefire", 1, 0.0, 1.0, d, d)]
>>> kinds = {"TUR": "state", "AZE": "state", "ARM": "state", "RUS": "state"}
>>> g = build_graphs(edges, kinds)
>>> g.ids
('ARM', 'AZE', 'RUS', 'TUR')
>>> g.ties["TUR"]["AZE"]["sign"], g.ties["TUR"]["ARM"]["sign"], g.ties["RUS"]["ARM"]["sign"]
(1, -1, 0)
>>> g.profiles["RUS"]["ARM"]["code"], g.profiles["TUR"]["TUR"]["code"]
(0, 1)
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import groupby

import networkx as nx

from kg.analysis.demands import CALL, reread
from kg.store.base import StanceEdge, StatementFilter, Store
from kg.vocab import stances

PARTICIPANT_KINDS = frozenset({"state", "organization", "authority", "armed_group"})
"""Actor kinds that take part by default."""
TIE_THRESHOLD = 0.5
"""A stance with ``|valence|`` at least this makes a signed tie; below it, it is even-handed."""
DEFAULT_HALF_LIFE = 90.0
"""Days after which a stance edge counts half (recency weighting)."""
CODE_CUT = 1 / 3
"""A profile cell's mean class value above this is coded +1, below minus this -1, else 0."""


def stance_class(name: str) -> int:
    """+1 (friendly), 0 (even-handed) or -1 (hostile) for a stance of the vocabulary.

    Examples
    --------
    >>> [stance_class(s) for s in ("support", "praise", "call_for_ceasefire", "mediate",
    ...                             "concern", "accuse", "condemn", "oppose", "warn", "threaten")]
    [1, 1, 0, 0, 0, -1, -1, -1, -1, -1]
    """
    v = stances()[name].valence
    return 1 if v >= TIE_THRESHOLD else -1 if v <= -TIE_THRESHOLD else 0


def code_of(value: float) -> int:
    """The categorical code (-1, 0, +1) of a profile cell's mean class value.

    >>> code_of(0.5), code_of(0.2), code_of(-1.0)
    (1, 0, -1)
    """
    return 1 if value > CODE_CUT else -1 if value < -CODE_CUT else 0


@dataclass
class ActorGraphs:
    """What was said, as graphs and profiles over the participating actors.

    Attributes
    ----------
    ids : tuple of str
        The participating actors (sources and targets), sorted.
    ties : networkx.DiGraph
        ``source -> target`` for every pair with a statement. Attributes: ``positive`` and
        ``negative`` (weighted strength of friendly and hostile stances, both >= 0), ``net``
        (positive - negative), ``sign`` (+1, -1, or 0 when only even-handed stances),
        ``neutral`` (weight of even-handed stances), ``n`` (statements) and ``stances``
        (statements by stance name). Node attributes ``name`` and ``kind``.
    profiles : dict
        ``profiles[actor][target]`` = ``{"value", "code", "n", "weight", "stances"}``: the
        weighted mean class of the actor's stances toward the target (in [-1, 1]), its code
        (:func:`code_of`), the statement count, weight and counts by stance. Every actor also
        holds ``profiles[a][a]`` = +1 (``"self": True``): an actor backs its own side, so that
        A's stance toward B is compared with B's own position.
    prior : networkx.Graph
        Prior ties from memberships and alliances between participants (attribute ``kind``,
        ``label``), kept apart from what was said. Empty unless asked for.
    edges : list of StanceEdge
        The store's edges after rollup and the participation rule (sources and targets mapped).
    reference : date or None
        The day recency is measured from.
    """

    ids: tuple[str, ...]
    ties: nx.DiGraph
    profiles: dict[str, dict[str, dict]]
    prior: nx.Graph = field(default_factory=nx.Graph)
    edges: list[StanceEdge] = field(default_factory=list)
    reference: date | None = None
    names: dict[str, str] = field(default_factory=dict)
    parties: frozenset[str] = frozenset()
    """The crisis' parties as the calls name them (:func:`kg.analysis.demands.parties`)."""
    directed: int = 0
    """Calls on some parties alone, read as opposition to them (:mod:`kg.analysis.demands`)."""

    def name(self, actor_id: str) -> str:
        return self.names.get(actor_id, actor_id)

    def signed(self) -> nx.Graph:
        """The undirected signed tie graph: both directions added, zero nets dropped.

        Edge attributes ``weight`` (net, signed), ``sign`` and ``n``.
        """
        g = nx.Graph()
        g.add_nodes_from(self.ids)
        for u, v, d in self.ties.edges(data=True):
            if d["sign"] == 0:
                continue
            a, b = sorted((u, v))
            if g.has_edge(a, b):
                g[a][b]["weight"] += d["net"]
                g[a][b]["n"] += d["n"]
            else:
                g.add_edge(a, b, weight=d["net"], n=d["n"])
        for a, b, d in list(g.edges(data=True)):
            d["weight"] = round(d["weight"], 9)
            if d["weight"] == 0:
                g.remove_edge(a, b)
            else:
                d["sign"] = 1 if d["weight"] > 0 else -1
        return g

    def unsigned(self) -> nx.Graph:
        """Every pair that exchanged any statement (friendly, hostile or even-handed)."""
        g = nx.Graph()
        g.add_nodes_from(self.ids)
        g.add_edges_from(self.ties.edges())
        return g


Who = Callable[[str, date], str | None]


def participant_rule(kinds: Mapping[str, str | None], speaks_for: Who | None = None,
                     rollup: bool = True, all_actors: bool = False) -> Who:
    """The function mapping an actor id (on a day) to the node it counts as, or None if left out.

    Examples
    --------
    >>> kinds = {"TUR": "state", "erdogan": "person", "ICG": "ngo", "bob": "person"}
    >>> holder = {"erdogan": "TUR"}
    >>> who = participant_rule(kinds, lambda a, d: holder.get(a))
    >>> [who(a, None) for a in ("TUR", "erdogan", "ICG", "bob", "nobody")]
    ['TUR', 'TUR', None, None, None]
    >>> who = participant_rule(kinds, lambda a, d: holder.get(a), rollup=False)
    >>> who("erdogan", None)
    'erdogan'
    >>> participant_rule(kinds, lambda a, d: holder.get(a), all_actors=True)("bob", None)
    'bob'
    """
    speaks_for = speaks_for or (lambda a, d: None)
    cache: dict[tuple[str, date | None], str | None] = {}  # a person's node depends on the day
    fixed: dict[str, str | None] = {}  # anyone else's does not

    def who(actor: str, day: date | None) -> str | None:
        if actor in fixed:
            return fixed[actor]
        key = (actor, day)
        if key in cache:
            return cache[key]
        kind = kinds.get(actor)
        out: str | None
        if kind != "person":
            fixed[actor] = out = actor if (kind in PARTICIPANT_KINDS or all_actors) else None
            return out
        holder = speaks_for(actor, day)
        if holder is None:
            out = actor if all_actors else None
        elif rollup:
            out = holder if (all_actors or kinds.get(holder) in PARTICIPANT_KINDS) else None
        else:
            out = actor
        cache[key] = out
        return out

    return who


def build_graphs(edges: Iterable[StanceEdge], kinds: Mapping[str, str | None],
                 speaks_for: Who | None = None, *, rollup: bool = True, all_actors: bool = False,
                 half_life: float | None = DEFAULT_HALF_LIFE, as_of: date | None = None,
                 prior: Iterable[tuple[str, str, str, str]] = (),
                 names: Mapping[str, str] | None = None) -> ActorGraphs:
    """Signed ties and stance profiles from aggregated stance edges (plain data, no store).

    Parameters
    ----------
    edges : iterable of StanceEdge
        As :meth:`Store.stance_edges` returns them.
    kinds : mapping
        Actor id to ``Actor.kind``.
    speaks_for : callable, optional
        ``(person, day) -> holder or None``, the role a person held that day.
    rollup, all_actors : bool
        The participation rule (see the module docstring).
    half_life : float or None
        Recency half-life in days (None or 0: no decay).
    as_of : date, optional
        The reference day for recency (default: the last day in the edges).
    prior : iterable of (a, b, kind, label)
        Prior ties (memberships, alliances) to keep as a separate layer.
    names : mapping, optional
        Display names.
    """
    who = participant_rule(kinds, speaks_for, rollup, all_actors)
    mapped: dict[tuple[str, str, str], StanceEdge | list] = {}  # a list where edges were merged
    for e in edges:
        src, tgt = who(e.source, e.last), who(e.target, e.last)
        if src is None or tgt is None or src == tgt:
            continue
        key = (src, tgt, e.stance)
        m = mapped.get(key)
        if m is None:
            mapped[key] = e if (src, tgt) == (e.source, e.target) else [e.n, e.valence, e.weight, e.first, e.last]
        else:
            if isinstance(m, StanceEdge):
                m = mapped[key] = [m.n, m.valence, m.weight, m.first, m.last]
            m[0] += e.n
            m[1] += e.valence
            m[2] += e.weight
            m[3] = min(m[3], e.first)
            m[4] = max(m[4], e.last)
    out_edges = [m if isinstance(m, StanceEdge) else StanceEdge(*k, m[0], round(m[1], 9), round(m[2], 9), m[3], m[4])
                 for k, m in sorted(mapped.items())]
    reference = as_of or max((e.last for e in out_edges), default=None)

    @cache
    def recency(last: date) -> float:
        if not half_life or reference is None:
            return 1.0
        return 0.5 ** (max((reference - last).days, 0) / half_life)

    classes = {name: stance_class(name) for name in stances()}
    tie: dict[tuple[str, str], dict] = {}
    cells: dict[str, dict[str, dict]] = defaultdict(dict)
    # out_edges are sorted: each (source, target) pair is one run, its stances in order
    for (src, tgt), run in groupby(out_edges, key=lambda e: (e.source, e.target)):
        positive = negative = neutral = num = den = 0.0
        n = 0
        counts: dict[str, int] = {}
        for e in run:
            r = recency(e.last)
            cls = classes[e.stance]
            if cls > 0:
                positive += abs(e.valence) * r
            elif cls < 0:
                negative += abs(e.valence) * r
            else:
                neutral += e.weight * r
            n += e.n
            counts[e.stance] = e.n
            num += e.weight * r * cls
            den += e.weight * r
        positive, negative, neutral = round(positive, 9), round(negative, 9), round(neutral, 9)
        net = round(positive - negative, 9)
        tie[src, tgt] = {"positive": positive, "negative": negative, "neutral": neutral, "n": n,
                         "stances": counts, "net": net,
                         "sign": (net > 0) - (net < 0) if (positive or negative) else 0}
        value = num / den if den > 0 else 0.0
        cells[src][tgt] = {"value": round(value, 9), "code": code_of(value), "n": n,
                           "weight": round(den, 9), "stances": dict(counts)}
    ties = nx.DiGraph()
    ties.add_edges_from((a, b, d) for (a, b), d in tie.items())
    ids = tuple(sorted(ties.nodes))
    profiles: dict[str, dict[str, dict]] = {}
    for a in ids:
        row = {**cells.get(a, {}), a: {"value": 1.0, "code": 1, "n": 0, "weight": 0.0, "stances": {}, "self": True}}
        profiles[a] = dict(sorted(row.items()))
    names = dict(names or {})
    for a in ids:
        ties.nodes[a]["name"] = names.get(a, a)
        ties.nodes[a]["kind"] = kinds.get(a)
    prior_g = nx.Graph()
    members = set(ids)
    for a, b, kind, label in prior:
        a2, b2 = who(a, None) or a, who(b, None) or b
        if a2 in members and b2 in members and a2 != b2:
            prior_g.add_edge(*sorted((a2, b2)), kind=kind, label=label)
    return ActorGraphs(ids=ids, ties=ties, profiles=profiles, prior=prior_g, edges=out_edges,
                       reference=reference, names={a: names.get(a, a) for a in ids})


def from_store(store: Store, where: StatementFilter | None = None, *, rollup: bool = True,
               all_actors: bool = False, with_ties: bool = False,
               half_life: float | None = DEFAULT_HALF_LIFE, index=None) -> ActorGraphs:
    """:func:`build_graphs` over ``store.stance_edges(where, rollup)`` (aggregated in the store),
    with calls on some parties of the crisis alone read as opposition to them
    (:mod:`kg.analysis.demands`; ``parties`` and ``directed`` of the result say what was found).

    ``index`` (an :class:`~kg.actors.ActorIndex`) gives kinds, names and roles; by default the
    shipped data plus the store's actors and roles. With ``with_ties`` memberships and
    alliances that hold during the window become the ``prior`` layer.
    """
    from kg.actors import ActorIndex

    if index is None:
        index = ActorIndex.default().extend(store.actors(), store.roles())
    kinds = {a: actor.kind for a, actor in index.actors.items()}
    names = {a: actor.name for a, actor in index.actors.items()}
    edges = store.stance_edges(where, rollup)
    sides, n_directed = frozenset(), 0
    if where is None or where.stances is None or CALL in where.stances:
        on_calls = dataclasses.replace(where or StatementFilter(), stances=frozenset({CALL}))
        sides = store.named_together(on_calls)  # = parties(every call), without reading them all
        if sides:  # only a call that names a party can be directed, or share an edge with one
            calls = store.statement_rows(on_calls if on_calls.toward else dataclasses.replace(on_calls, toward=sides))
            edges, n_directed = reread(edges, calls, rollup, sides)
    until = where.until if where else None
    prior: list[tuple[str, str, str, str]] = []
    if with_ties:
        since = where.since if where else None

        def holds(start, end) -> bool:
            return (start is None or until is None or start <= until) and (
                end is None or since is None or end >= since)

        for m in store.memberships():
            if holds(m.start, m.end):
                prior.append((m.member, m.organization, "membership",
                              f"member of {names.get(m.organization, m.organization)}"
                              + (f" ({m.role})" if m.role else "")))
        for al in store.alliances():
            if holds(al.start, al.end):
                for i, a in enumerate(al.parties):
                    for b in al.parties[i + 1:]:
                        prior.append((a, b, al.kind, al.treaty))
    graphs = build_graphs(edges, kinds, index.speaks_for, rollup=rollup, all_actors=all_actors,
                          half_life=half_life, as_of=until, prior=prior, names=names)
    graphs.parties, graphs.directed = sides, n_directed
    return graphs


def tie_strength(graphs: ActorGraphs, a: str, b: str) -> float:
    """The net signed strength between ``a`` and ``b``, both directions added.

    >>> from datetime import date
    >>> from kg.store.base import StanceEdge
    >>> d = date(2020, 1, 1)
    >>> g = build_graphs([StanceEdge("A", "B", "support", 1, 1.0, 1.0, d, d),
    ...                   StanceEdge("B", "A", "accuse", 1, -0.7, 1.0, d, d)],
    ...                  {"A": "state", "B": "state"})
    >>> round(tie_strength(g, "A", "B"), 3)
    0.3
    """
    total = 0.0
    for u, v in ((a, b), (b, a)):
        if graphs.ties.has_edge(u, v):
            total += graphs.ties[u][v]["net"]
    return total

