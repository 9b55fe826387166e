"""The graph an export writes: actors (and, if asked, statements) as nodes, relations as edges.

One :class:`ExportGraph` is built from a store by :func:`collect` and written by each format
(:mod:`kg.export.gexf`, :mod:`kg.export.graphml`, :mod:`kg.export.tables`), so every format holds
the same nodes, edges, attributes and dates.

Edges, each with a ``kind`` (the relation, so that parallel edges of different relations stay
apart) and a ``weight`` (how many statements or records it stands for, at least 1):

* **stance**: actor to target, one edge per (actor, target, stance), the kind being the stance
  (``support``, ``condemn``, ``call_for_ceasefire``…); ``valence`` is the confidence-weighted mean
  valence of its statements, and it lives on the days of its statements (``spells``). The actor
  is the one spoken for (a leader's words count for the state) unless ``rollup`` is off.
* **role**: person to the state or organisation they serve, ``holds_role``, over its term.
* **membership**: member to organisation, ``member_of``, over its dates.
* **alliance**: between every two parties, ``allied_with`` both ways, over its dates (Gephi
  refuses an undirected edge in a directed graph, and a graph of mixed edges has no GEXF form).

  These three show as far as they overlap the time the export covers (the selection's window,
  else the days of its statements), and their spells are cut to it, so that Gephi's timeline
  replays the crisis rather than the decades since NATO was founded; ``first`` and ``last``
  keep their own dates.
* with ``statements``: statement nodes linked ``said`` (speaker to statement), ``on_behalf_of``
  and ``toward`` (statement to each target), instead of the stance edges.

Node attributes: ``kind``, ``iso3``, ``wikidata``, ``camp`` (the Louvain camp of ``kg camps`` over
the same statements, 0 for none), ``net_valence`` and ``statements`` (what the actor said, or had
said for it). Ids are the records' own ids, so they stay the same from one export to the next.

Examples
--------
>>> from kg.ingest.curated import read_dataset
>>> from kg.store.embedded import EmbeddedStore
>>> store = EmbeddedStore(":memory:")
>>> _ = store.load([read_dataset("ingest/datasets/nagorno-karabakh-2020.yaml")])
>>> g = collect(store, Selection(kinds=("stance",), actors=("Turkey", "Azerbaijan")))
>>> [(e.source, e.kind, e.target, e.weight, e.spells) for e in g.edges]
[('TUR', 'support', 'AZE', 2, (('2020-09-27', '2020-09-27'),))]
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from kg.errors import AnalysisError, UsageError
from kg.palette import camp_colour, rgb
from kg.reports.common import Options, build, check_datasets, index_for, require_records
from kg.store import StatementFilter, Store

KINDS = ("stance", "role", "membership", "alliance")
"""The relations an export can hold (``--kinds``)."""

NODE_ATTRIBUTES = {"kind": "string", "iso3": "string", "wikidata": "string", "camp": "integer",
                   "net_valence": "double", "statements": "integer", "stance": "string",
                   "date": "string", "quote": "string", "source": "string", "dataset": "string"}
"""Node attributes and their types (the last five only on statement nodes)."""
EDGE_ATTRIBUTES = {"relation": "string", "valence": "double", "statements": "integer",
                   "first": "string", "last": "string", "title": "string", "datasets": "liststring"}
"""Edge attributes and their types; ``relation`` repeats the edge's kind for tools without one."""


@dataclass(frozen=True)
class Selection:
    """What to export: filters of ``kg export``; every field left empty selects everything."""

    datasets: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    kinds: tuple[str, ...] = KINDS
    actors: tuple[str, ...] = ()
    """Names or ids; the export holds only the edges between these actors."""
    statements: bool = False
    """Statement nodes instead of actor-to-actor stance edges."""
    rollup: bool = True


@dataclass
class Node:
    id: str
    label: str
    attributes: dict = field(default_factory=dict)
    colour: tuple[int, int, int] = (208, 208, 208)
    size: float = 10.0
    position: tuple[float, float] = (0.0, 0.0)


@dataclass
class Edge:
    id: str
    source: str
    target: str
    kind: str
    weight: int = 1
    attributes: dict = field(default_factory=dict)
    spells: tuple[tuple[str | None, str | None], ...] = ()
    """(start, end) ISO dates, either open (None); () when the relation has no dates."""


@dataclass
class ExportGraph:
    nodes: dict[str, Node]
    edges: list[Edge]

    def bounds(self) -> tuple[str | None, str | None]:
        """The earliest and latest date of any spell."""
        days = [d for e in self.edges for spell in e.spells for d in spell if d]
        return (min(days), max(days)) if days else (None, None)


def _iso(d) -> str | None:
    return d.isoformat() if d else None


def _overlaps(start, end, window) -> bool:
    lo, hi = window
    return (hi is None or start is None or start <= hi) and (lo is None or end is None or end >= lo)


def _clip(start, end, window) -> tuple[str | None, str | None]:
    lo, hi = window
    start = max(start, lo) if start and lo else start or lo
    end = min(end, hi) if end and hi else end or hi
    return _iso(start), _iso(end)


def _spells(days: Iterable[date]) -> tuple[tuple[str, str], ...]:
    """One spell per day (a statement lives on its day); duplicates merged, in order."""
    return tuple((d.isoformat(), d.isoformat()) for d in sorted(set(days)))


def collect(store: Store, sel: Selection = Selection()) -> ExportGraph:
    """The graph of ``store`` for ``sel``; AnalysisError (exit 6) when it would be empty."""
    require_records(store, "actors")
    bad = sorted(set(sel.kinds) - set(KINDS))
    if bad or not sel.kinds:
        raise UsageError(f"--kinds: {', '.join(bad) or 'none given'}: choose from {', '.join(KINDS)}")
    if sel.since and sel.until and sel.since > sel.until:
        raise UsageError(f"--since {sel.since} is after --until {sel.until}")
    datasets = check_datasets(store, sel.datasets)
    index = index_for(store)
    known = {a.id: a for a in store.actors()}
    only = {index.resolve(name).id for name in sel.actors} if sel.actors else None

    def keep(*ids: str) -> bool:
        return only is None or all(i in only for i in ids)

    where = StatementFilter(since=sel.since, until=sel.until, datasets=datasets)
    statements = list(store.statements(where)) if "stance" in sel.kinds or sel.statements else []
    scoped = sel.since or sel.until or datasets
    # the time the export covers: the selection's window, else the days of its statements;
    # roles, memberships and alliances show within it, so that the timeline replays the crisis
    days = [s.date for s in statements]
    window = (sel.since or (min(days) if days else None), sel.until or (max(days) if days else None))
    in_scope = {a for s in statements for a in (s.speaker, s.on_behalf_of, *s.targets) if a}

    edges: list[Edge] = []
    said: dict[str, list] = defaultdict(list)  # actor -> statements it made or had made for it
    if sel.statements:
        for s in statements:
            if not keep(s.speaker, *s.targets):
                continue
            said[s.speaker].append(s)
            if s.on_behalf_of and s.on_behalf_of != s.speaker:
                said[s.on_behalf_of].append(s)
            day = _spells([s.date])
            edges.append(Edge(f"said:{s.id}", s.speaker, s.id, "said", spells=day))
            if s.on_behalf_of and s.on_behalf_of != s.speaker:
                edges.append(Edge(f"on_behalf_of:{s.id}", s.id, s.on_behalf_of, "on_behalf_of", spells=day))
            edges += [Edge(f"toward:{s.id}:{t}", s.id, t, "toward", spells=day) for t in s.targets]
    elif "stance" in sel.kinds:
        groups: dict[tuple[str, str, str], list] = defaultdict(list)
        for s in statements:
            actor = (s.on_behalf_of or s.speaker) if sel.rollup else s.speaker
            for t in s.targets:
                if t != actor and keep(actor, t):
                    groups[actor, t, s.stance].append(s)
            if keep(actor):
                said[actor].append(s)
        for (a, t, stance), group in sorted(groups.items()):
            weight = sum(s.confidence for s in group)
            valence = sum(s.valence * s.confidence for s in group) / weight if weight else 0.0
            edges.append(Edge(f"{stance}:{a}:{t}", a, t, stance, len(group), attributes={
                "relation": stance, "valence": round(valence, 3), "statements": len(group),
                "first": _iso(min(s.date for s in group)), "last": _iso(max(s.date for s in group)),
                "datasets": sorted({s.dataset for s in group if s.dataset})},
                spells=_spells(s.date for s in group)))

    def structural(a: str, b: str) -> bool:
        return keep(a, b) and (not scoped or a in in_scope or b in in_scope)

    def dated(rid, a, b, kind, start, end, **attrs) -> Edge:
        spell = (_clip(start, end, window),) if start or end or any(window) else ()
        return Edge(rid, a, b, kind, 1, {"relation": kind, **attrs, "first": _iso(start), "last": _iso(end)},
                    spell)

    if "role" in sel.kinds:
        edges += [dated(r.id, r.person, r.holder, "holds_role", r.start, r.end, title=r.title)
                  for r in store.roles() if structural(r.person, r.holder) and _overlaps(r.start, r.end, window)]
    if "membership" in sel.kinds:
        edges += [dated(m.id, m.member, m.organization, "member_of", m.start, m.end, title=m.role)
                  for m in store.memberships()
                  if structural(m.member, m.organization) and _overlaps(m.start, m.end, window)]
    if "alliance" in sel.kinds:
        for al in store.alliances():
            if not _overlaps(al.start, al.end, window):
                continue
            edges += [dated(f"{al.id}:{a}:{b}", a, b, "allied_with", al.start, al.end, title=al.kind)
                      for a in al.parties for b in al.parties if a != b and structural(a, b)]
    edges = [e for e in edges if e.source != e.target]
    if not edges:
        raise AnalysisError("nothing to export: no " + " or ".join(
            ["statements" if sel.statements else k for k in sel.kinds]) + " in this selection")

    nodes: dict[str, Node] = {}
    by_id = {s.id: s for s in statements}
    for e in edges:
        for nid in (e.source, e.target):
            if nid in nodes:
                continue
            if nid in by_id:
                s = by_id[nid]
                nodes[nid] = Node(nid, f"{s.date} {s.stance}", {
                    "kind": "statement", "stance": s.stance, "date": s.date.isoformat(), "quote": s.quote,
                    "source": s.source, "dataset": s.dataset, "net_valence": s.valence}, (199, 199, 199), 4.0)
                continue
            actor = known.get(nid) or index.lookup(nid)
            mine = said.get(nid, [])
            weight = sum(s.confidence for s in mine)
            nodes[nid] = Node(nid, actor.name if actor else nid, {
                "kind": actor.kind if actor else None, "iso3": actor.iso3 if actor else None,
                "wikidata": actor.wikidata if actor else None, "statements": len(mine),
                "net_valence": round(sum(s.valence * s.confidence for s in mine) / weight, 3) if weight else None})
    graph = ExportGraph(nodes, edges)
    _camps(graph, store, sel, datasets, index)
    _layout(graph)
    return graph


def _camps(graph: ExportGraph, store: Store, sel: Selection, datasets, index) -> None:
    """Each actor's camp (``kg camps`` with Louvain over the same statements), colour and size."""
    from kg.analysis.camps import find_camps

    camp_of: dict[str, int | None] = {}
    if "stance" in sel.kinds or sel.statements:
        opts = Options(sel.since, sel.until, sel.rollup, datasets=tuple(sorted(datasets or ())))
        try:
            _, graphs = build(store, opts, index)
            camp_of = find_camps(graphs, "louvain")["camp_of"]
        except AnalysisError:  # too little to find camps in: every actor in none
            camp_of = {}
    for node in graph.nodes.values():
        if node.attributes.get("kind") == "statement":
            continue
        camp = camp_of.get(node.id) or 0
        node.attributes["camp"] = camp
        node.colour = rgb(camp_colour(camp))
        node.size = round(5.0 + 2.5 * math.sqrt(node.attributes.get("statements") or 0), 2)


def _layout(graph: ExportGraph, scale: float = 500.0) -> None:
    """Positions from a force-directed layout (networkx, seeded) of the actors, so that the
    first view in Gephi is readable; a statement sits among the actors it links."""
    import networkx as nx

    g = nx.Graph()
    actors = [n for n, node in graph.nodes.items() if node.attributes.get("kind") != "statement"]
    g.add_nodes_from(actors)
    for e in graph.edges:
        if e.source in g and e.target in g:
            w = g.get_edge_data(e.source, e.target, {"weight": 0})["weight"]
            g.add_edge(e.source, e.target, weight=w + e.weight)
    if len(g) >= 500:  # networkx's force layout needs scipy from 500 nodes on
        pos = nx.circular_layout(sorted(g), scale=scale)
    else:
        pos = nx.spring_layout(g, weight="weight", seed=0, scale=scale) if len(g) > 1 else {a: (0, 0) for a in g}
    for a, (x, y) in pos.items():
        graph.nodes[a].position = (round(float(x), 2), round(float(y), 2))
    linked: dict[str, list[str]] = defaultdict(list)
    for e in graph.edges:
        if e.source in pos and e.target not in pos:
            linked[e.target].append(e.source)
        elif e.target in pos and e.source not in pos:
            linked[e.source].append(e.target)
    for k, (sid, ends) in enumerate(sorted(linked.items())):
        x = sum(pos[a][0] for a in ends) / len(ends)
        y = sum(pos[a][1] for a in ends) / len(ends)
        angle = 2.399963 * k  # the golden angle spreads statements between the same actors
        graph.nodes[sid].position = (round(float(x) + 12 * math.cos(angle), 2),
                                     round(float(y) + 12 * math.sin(angle), 2))
