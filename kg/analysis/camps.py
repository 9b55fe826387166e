"""Camps: groups of actors that say the same things and back each other.

Both methods work on one signed *affinity* between every two actors ``i`` and ``j``:

    a_ij = S_ij · n_ij / (n_ij + 1)  +  tanh(t_ij)  [+ 0.5 · prior_ij with prior ties]

where ``S_ij`` is the Signorino–Ritter S of their stance profiles on ``n_ij`` shared targets
(shrunk toward 0 when it rests on few targets; see :mod:`kg.analysis.alignment`), ``t_ij`` the
net strength of the friendly minus hostile stances they took toward each other (both
directions, :func:`kg.analysis.graph.tie_strength`), and ``prior_ij`` 1 when a membership or
alliance links them (only with ``with_ties``). Actors are thus close when they take the same
stance toward the same targets — the same ceasefire call to both sides included — and when they
back each other; an actor that supports X agrees with X's own position (its +1 toward itself);
a hostile tie pushes two actors apart.

* ``louvain``: Louvain communities (Blondel et al. 2008, networkx, fixed seed) of the graph of
  positive affinities.
* ``signed``: the partition of the signed affinity graph that minimises Doreian–Mrvar
  frustration (:func:`kg.analysis.balance.signed_partition`, exact up to 12 nodes per
  component).
* ``positions``: Louvain on the affinity in which each target counts by how much it tells the
  actors apart (:func:`kg.analysis.alignment.separation`): a stance nearly everyone takes toward
  one target (all condemn the attacker) then hardly draws actors together, and blocs show in
  the targets they split over. The weights are the standard deviation of the stances toward
  each target, floored at 0.1.

A community of one is reported as *unaligned*, not as a camp.

Examples
--------
>>> from datetime import date
>>> from kg.store.base import StanceEdge
>>> from kg.analysis.graph import build_graphs
>>> d = date(2020, 9, 27)
>>> E = lambda s, t, st, v: StanceEdge(s, t, st, 1, v, 1.0, d, d)
>>> edges = [E("TUR", "AZE", "support", 1.0), E("TUR", "ARM", "accuse", -0.7),
...          E("AZE", "ARM", "accuse", -0.7), E("ARM", "AZE", "accuse", -0.7),
...          E("ARM", "TUR", "oppose", -0.8), E("RUS", "ARM", "call_for_ceasefire", 0.0),
...          E("RUS", "AZE", "call_for_ceasefire", 0.0), E("FRA", "ARM", "call_for_ceasefire", 0.0),
...          E("FRA", "AZE", "call_for_ceasefire", 0.0)]
>>> g = build_graphs(edges, dict.fromkeys(["TUR", "AZE", "ARM", "RUS", "FRA"], "state"))
>>> find_camps(g)["camps"]
[['AZE', 'TUR'], ['FRA', 'RUS']]
>>> r = find_camps(g, "signed")
>>> r["camps"], r["unaligned"], r["frustration"]
([['AZE', 'TUR'], ['FRA', 'RUS']], ['ARM'], 0.0)
>>> find_camps(g, "positions")["camps"]
[['AZE', 'TUR'], ['FRA', 'RUS']]
"""
from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import numpy as np

from kg.analysis.alignment import alignment_matrix, profile_matrix, s_matrix, separation
from kg.analysis.balance import EPS, frustrated_pairs, frustration, signed_partition, triangles
from kg.analysis.graph import ActorGraphs

PRIOR_WEIGHT = 0.5
METHODS = ("louvain", "signed", "positions")


def affinity(graphs: ActorGraphs, with_ties: bool = False,
             align: dict[str, np.ndarray] | None = None, positions: bool = False) -> np.ndarray:
    """The signed affinity matrix over ``graphs.ids`` (see the module docstring); with
    ``positions`` each target's agreement counts by how much it separates the actors."""
    ids = graphs.ids
    if positions:
        targets, X, M, _ = profile_matrix(graphs.profiles, ids)
        own = np.array([[t == a for t in targets] for a in ids], dtype=bool).reshape(M.shape)
        s, n = s_matrix(X, M, w=separation(X, M, own))
        m = {"s": s, "n": n}
    else:
        m = align if align is not None else alignment_matrix(graphs.profiles, ids)
    n = m["n"].astype(np.float64)
    A = np.nan_to_num(m["s"]) * n / (n + 1)
    pos = {a: i for i, a in enumerate(ids)}
    T = np.zeros_like(A)
    for u, v, d in graphs.ties.edges(data=True):
        T[pos[u], pos[v]] += d["net"]
    A += np.tanh(T + T.T)
    if with_ties:
        for u, v in graphs.prior.edges():
            A[pos[u], pos[v]] += PRIOR_WEIGHT
            A[pos[v], pos[u]] += PRIOR_WEIGHT
    np.fill_diagonal(A, 0.0)
    return np.round(A, 9)


def _order(ids: Sequence[str], labels: Sequence[int]) -> list[list[str]]:
    groups: dict[int, list[str]] = {}
    for a, c in zip(ids, labels, strict=True):
        groups.setdefault(c, []).append(a)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))


def louvain(ids: Sequence[str], A: np.ndarray, seed: int = 0, resolution: float = 1.0) -> list[int]:
    """Louvain community labels on the positive part of ``A`` (fixed seed, sorted node order).

    >>> import numpy as np
    >>> louvain(["a", "b", "c"], np.array([[0, 1, 0], [1, 0, -1], [0, -1, 0.]]))
    [0, 0, 1]
    """
    g = nx.Graph()
    g.add_nodes_from(ids)
    i, j = np.nonzero(np.triu(A > EPS, 1))
    g.add_weighted_edges_from((ids[a], ids[b], float(A[a, b])) for a, b in zip(i, j, strict=True))
    comms = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)
    label = {}
    for k, c in enumerate(sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c[0]))):
        for a in c:
            label[a] = k
    return [label[a] for a in ids]


def modularity(ids: Sequence[str], A: np.ndarray, labels: Sequence[int]) -> float | None:
    """Newman modularity of a partition on the positive part of ``A`` (None when it has no weight).

    The sum over camps of their share of the weight inside them less the square of their share
    of the weighted degrees (Newman 2004), as ``networkx.community.modularity`` computes it.

    >>> A = np.array([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0.]])
    >>> modularity("abcd", A, [0, 0, 1, 1]), modularity("abcd", A, [0, 1, 0, 1])
    (0.5, -0.5)
    """
    W = np.where(np.triu(A > EPS, 1), A, 0.0)
    W = W + W.T
    two_m = W.sum()
    if two_m == 0:
        return None
    degree = W.sum(axis=1)
    labels = np.asarray(labels)
    q = 0.0
    for c in np.unique(labels):
        inside = labels == c
        q += W[np.ix_(inside, inside)].sum() / two_m - (degree[inside].sum() / two_m) ** 2
    return round(float(q), 3)


def find_camps(graphs: ActorGraphs, method: str = "louvain", with_ties: bool = False,
               seed: int = 0, A: np.ndarray | None = None) -> dict:
    """Camps of ``graphs`` by ``method`` (``louvain``, ``signed`` or ``positions``); ``A``, when
    given, is the affinity the method works on (``positions=True`` for ``positions``).

    Returns
    -------
    dict
        ``method``, ``camps`` (member id lists, largest first), ``unaligned`` (actors in no
        camp), ``camp_of`` (id -> camp number from 1, or None), ``frustration`` and
        ``frustrated`` (of this partition on the signed affinity graph), ``triangles``
        (balanced share of the affinity graph's triangles), ``modularity`` (on its positive
        part) and ``exact`` (signed method: solved exactly).
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r} (choose from {', '.join(METHODS)})")
    ids = list(graphs.ids)
    if A is None:
        A = affinity(graphs, with_ties, positions=method == "positions")
    exact = None
    if method in ("louvain", "positions"):
        labels = louvain(ids, A, seed)
    else:
        part = signed_partition(A, seed=seed, init=louvain(ids, A, seed))
        labels, exact = part["labels"], part["exact"]
    groups = _order(ids, labels)
    camps = [g for g in groups if len(g) > 1]
    unaligned = sorted(a for g in groups if len(g) == 1 for a in g)
    camp_of: dict[str, int | None] = dict.fromkeys(ids)
    for k, g in enumerate(camps, 1):
        for a in g:
            camp_of[a] = k
    final = [camp_of[a] if camp_of[a] is not None else -(i + 1) for i, a in enumerate(ids)]
    return {"method": method, "camps": camps, "unaligned": unaligned, "camp_of": camp_of,
            "frustration": frustration(A, final), "frustrated": len(frustrated_pairs(A, final)),
            "triangles": triangles(A), "modularity": modularity(ids, A, final), "exact": exact}
