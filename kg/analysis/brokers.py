"""Brokers and mediators: who sits between camps.

Two readings, both reported:

* *betweenness*: the share of shortest paths between other actors that run through an actor
  (Freeman 1977, normalised, networkx) on the unsigned graph of every pair that exchanged any
  statement;
* *ties to both sides*: the camps other than its own that an actor addressed with even-handed
  stances (a ceasefire call, a mediation offer, concern), and the camps it has friendly ties
  with (said or received). An actor that addressed two or more camps even-handedly is a
  **mediator**; one with friendly ties into two or more camps (its own included) is a
  **broker**.

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

from kg.analysis.graph import ActorGraphs, stance_class

ROLES = ("mediator", "broker")


def find_brokers(graphs: ActorGraphs, camp_of: Mapping[str, int | None]) -> list[dict]:
    """Actors between camps, mediators and brokers first, then by betweenness.

    Parameters
    ----------
    graphs : ActorGraphs
        The ties.
    camp_of : mapping
        Actor id to camp number (None when unaligned), as :func:`find_camps` returns it.

    Returns
    -------
    list of dict
        One row per actor with a role or positive betweenness: ``actor``, ``camp``,
        ``betweenness``, ``role`` (mediator, broker or None), ``even_handed_to``,
        ``friendly_to``, ``hostile_to`` and ``reaches`` (camps it exchanged statements with).
    """
    bc = nx.betweenness_centrality(graphs.unsigned(), normalized=True)
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
        role = "mediator" if len(even) >= 2 else "broker" if len(friendly) >= 2 else None
        b = round(bc.get(a, 0.0), 3)
        if role is None and b == 0:
            continue
        rows.append({"actor": a, "camp": own, "betweenness": b, "role": role,
                     "even_handed_to": sorted(even), "friendly_to": sorted(friendly),
                     "hostile_to": sorted(hostile), "reaches": sorted(reach - {own})})
    rank = {r: i for i, r in enumerate(ROLES)}
    return sorted(rows, key=lambda r: (rank.get(r["role"], len(ROLES)), -r["betweenness"], r["actor"]))
