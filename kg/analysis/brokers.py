"""Brokers and mediators: who sits between camps.

Two readings, both reported:

* *betweenness*: the share of shortest paths between other actors that run through an actor
  (Freeman 1977, normalised, networkx) on the **alignment graph of the speakers**: the actors
  that said something, two of them tied when their affinity is positive (they take the same
  stances more than opposite ones, or back each other; :func:`kg.analysis.camps.affinity`). An
  actor that is only talked about takes no part, so being the target of many statements makes
  no broker; a speaker that agrees with two groups that agree with nobody else in between does;
* *ties to both sides*: the camps other than its own that an actor addressed with even-handed
  stances (a ceasefire call, a mediation offer, concern), and the camps it has friendly ties
  with (said or received). A speaker that addressed two or more camps even-handedly is a
  **mediator**; one with friendly ties into two or more camps (its own included) is a
  **broker**. An actor that said nothing has neither role.

Examples
--------
>>> from datetime import date
>>> from kg.store.base import StanceEdge
>>> from kg.analysis.graph import build_graphs
>>> d = date(2020, 9, 27)
>>> E = lambda s, t, st: StanceEdge(s, t, st, 1, 0.0, 1.0, d, d)
>>> g = build_graphs([E("A", "B", "accuse"), E("M", "A", "mediate"), E("M", "B", "mediate")],
...                  dict.fromkeys("ABM", "state"))
>>> rows = find_brokers(g, {"A": 1, "B": 2, "M": None})
>>> [(r["actor"], r["role"], r["even_handed_to"]) for r in rows]
[('M', 'mediator', [1, 2])]
"""
from __future__ import annotations

from collections.abc import Mapping

import networkx as nx
import numpy as np

from kg.analysis.graph import ActorGraphs, stance_class

ROLES = ("mediator", "broker")


def alignment_graph(graphs: ActorGraphs, A: np.ndarray | None = None) -> nx.Graph:
    """The speakers (actors with a statement of their own), tied where their affinity is positive.

    >>> from datetime import date
    >>> from kg.store.base import StanceEdge
    >>> from kg.analysis.graph import build_graphs
    >>> d = date(2020, 1, 1)
    >>> E = lambda s, t: StanceEdge(s, t, "support", 1, 1.0, 1.0, d, d)
    >>> g = build_graphs([E("P1", "X"), E("P2", "X"), E("B", "X"), E("B", "Y"), E("Q1", "Y"), E("Q2", "Y")],
    ...                  dict.fromkeys(["P1", "P2", "B", "Q1", "Q2", "X", "Y"], "state"))
    >>> sorted(alignment_graph(g).edges())
    [('B', 'P1'), ('B', 'P2'), ('B', 'Q1'), ('B', 'Q2'), ('P1', 'P2'), ('Q1', 'Q2')]
    >>> round(nx.betweenness_centrality(alignment_graph(g))["B"], 3)
    0.667
    """
    from kg.analysis.camps import affinity

    A = affinity(graphs) if A is None else A
    speakers = [i for i, a in enumerate(graphs.ids) if graphs.ties.out_degree(a) > 0]
    g = nx.Graph()
    g.add_nodes_from(graphs.ids[i] for i in speakers)
    for x, i in enumerate(speakers):
        for j in speakers[x + 1:]:
            if A[i, j] > 0:
                g.add_edge(graphs.ids[i], graphs.ids[j])
    return g


def find_brokers(graphs: ActorGraphs, camp_of: Mapping[str, int | None], A: np.ndarray | None = None) -> list[dict]:
    """Actors between camps, mediators and brokers first, then by betweenness.

    Parameters
    ----------
    graphs : ActorGraphs
        The ties.
    camp_of : mapping
        Actor id to camp number (None when unaligned), as :func:`find_camps` returns it.
    A : numpy.ndarray, optional
        The affinity matrix over ``graphs.ids`` (computed when not given).

    Returns
    -------
    list of dict
        One row per actor with a role or positive betweenness: ``actor``, ``camp``,
        ``betweenness``, ``role`` (mediator, broker or None), ``even_handed_to``,
        ``friendly_to``, ``hostile_to`` and ``reaches`` (camps it exchanged statements with).
    """
    bc = nx.betweenness_centrality(alignment_graph(graphs, A), normalized=True)
    rows = []
    for a in graphs.ids:
        own = camp_of.get(a)
        even, friendly, hostile, reach = set(), set(), set(), set()
        for u, v, d in [*graphs.ties.out_edges(a, data=True), *graphs.ties.in_edges(a, data=True)]:
            other = v if u == a else u
            c = camp_of.get(other)
            if c is None:
                continue
            reach.add(c)
            if d["positive"] > 0:
                friendly.add(c)
            if d["negative"] > 0:
                hostile.add(c)
            if u == a and any(stance_class(s) == 0 for s in d["stances"]) and c != own:
                even.add(c)
        speaks = graphs.ties.out_degree(a) > 0  # an actor only talked about has no role either
        role = None if not speaks else "mediator" if len(even) >= 2 else "broker" if len(friendly) >= 2 else None
        b = round(bc.get(a, 0.0), 3)
        if role is None and b == 0:
            continue
        rows.append({"actor": a, "camp": own, "betweenness": b, "role": role,
                     "even_handed_to": sorted(even), "friendly_to": sorted(friendly),
                     "hostile_to": sorted(hostile), "reaches": sorted(reach - {own})})
    rank = {r: i for i, r in enumerate(ROLES)}
    return sorted(rows, key=lambda r: (rank.get(r["role"], len(ROLES)), -r["betweenness"], r["actor"]))
