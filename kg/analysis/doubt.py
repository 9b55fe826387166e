"""How much each actor's place in its camp can be trusted: evidence, tie and stability.

For every actor of a camp three figures, all reported by ``kg camps``:

* **statements**: how many statements its place rests on, the ones that name it as their
  source or a target (:meth:`kg.store.base.Store.involvement`); one statement is a flag;
* **tie**: the mean affinity (:func:`kg.analysis.camps.affinity`, -1 .. +1 and more with
  direct ties) between the actor and the other members of its camp;
* **stability**: the share of bootstrap resamples of the statements in which the data still put
  the actor with its camp: it is present, its mean affinity to the other members of its camp
  that are present is positive, and no other camp draws it more. The statements are resampled
  the Poisson way (each edge of *n* statements keeps Poisson(*n*) of them, its valence and
  weight scaled alike: the targets of one statement are drawn apart), seeded, and the affinity
  matrix is rebuilt from the resampled edges with numpy, without building the graphs again.

An actor whose stability is under :data:`STABLE` is **unplaced**: the data do not say where it
belongs. Actors alone in their camp have no stability (None): there is no core to stay with.

Examples
--------
>>> from datetime import date
>>> from kg.store.base import StanceEdge
>>> from kg.analysis.graph import build_graphs
>>> d = date(2020, 9, 27)
>>> E = lambda s, t, st, n=3: StanceEdge(s, t, st, n, n * (1.0 if st == "support" else -0.7), n, d, d)
>>> edges = [E("TUR", "AZE", "support"), E("TUR", "ARM", "accuse"), E("AZE", "ARM", "accuse"),
...          E("ARM", "AZE", "accuse"), E("ARM", "TUR", "accuse"), E("NKR", "AZE", "accuse"),
...          E("NKR", "ARM", "support"), E("PAK", "AZE", "support", 1)]
>>> g = build_graphs(edges, dict.fromkeys(["TUR", "AZE", "ARM", "NKR", "PAK"], "state"), half_life=None)
>>> camps = [["AZE", "PAK", "TUR"], ["ARM", "NKR"]]
>>> st = stability(g, camps, runs=40, seed=0)  # PAK rests on one statement: kept when it is drawn
>>> st["TUR"], st["ARM"], st["PAK"]
(1.0, 1.0, 0.575)
>>> camp_ties(g, camps)["TUR"], camp_ties(g, camps)["PAK"]
(1.081, 0.881)
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from kg.analysis.alignment import HolderPairs, s_matrix, separation
from kg.analysis.camps import PRIOR_WEIGHT, affinity
from kg.analysis.graph import ActorGraphs, stance_class

__all__ = ["RUNS", "STABLE", "camp_ties", "stability"]

RUNS = 50
"""Bootstrap resamples by default."""
STABLE = 0.5
"""Least stability of a placed actor."""


def camp_ties(graphs: ActorGraphs, camps: Sequence[Sequence[str]], with_ties: bool = False,
              A: np.ndarray | None = None) -> dict[str, float | None]:
    """Each camp member's mean affinity to the other members (None when alone)."""
    A = affinity(graphs, with_ties) if A is None else A
    pos = {a: i for i, a in enumerate(graphs.ids)}
    out: dict[str, float | None] = {}
    for camp in camps:
        for a in camp:
            others = [pos[b] for b in camp if b != a]
            out[a] = round(float(np.mean(A[pos[a], others])), 3) if others else None
    return out


class _Edges:
    """The edges of ``graphs`` as arrays, to resample and rebuild the affinity matrix with numpy
    (the same matrix :func:`kg.analysis.camps.affinity` builds through the graphs)."""

    def __init__(self, graphs: ActorGraphs, with_ties: bool, half_life: float | None,
                 positions: bool = False):
        self.positions = positions
        pos = {a: i for i, a in enumerate(graphs.ids)}
        edges = graphs.edges
        self.k = len(graphs.ids)
        self.si = np.array([pos[e.source] for e in edges], dtype=np.int64)
        self.ti = np.array([pos[e.target] for e in edges], dtype=np.int64)
        self.n = np.array([e.n for e in edges], dtype=np.int64)
        self.cell = self.si * self.k + self.ti
        classes = {st: stance_class(st) for st in {e.stance for e in edges}}
        cls = np.array([classes[e.stance] for e in edges], dtype=np.float64)
        ref = graphs.reference
        if half_life and ref:
            age = ref.toordinal() - np.array([e.last.toordinal() for e in edges], dtype=np.float64)
            r = 0.5 ** (np.maximum(age, 0) / half_life)
        else:
            r = np.ones(len(edges))
        self.weight = np.array([e.weight for e in edges]) * r       # profile weight
        self.signed = self.weight * cls                              # profile numerator
        self.net = np.array([abs(e.valence) for e in edges]) * r * cls  # tie strength, signed
        self.prior = [(pos[u], pos[v]) for u, v in graphs.prior.edges()] if with_ties else []
        # a resample holds a stance only where the whole data does: its S terms are prepared once
        held = np.bincount(self.cell, weights=self.weight, minlength=self.k * self.k).reshape(self.k, self.k) > 0
        np.fill_diagonal(held, True)
        self.pairs = HolderPairs.fit(held)

    def affinity(self, scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The affinity matrix with each edge's statements scaled by ``scale``, and who is present."""
        k = self.k

        def summed(values):  # per (source, target) cell: np.bincount is the fast np.add.at
            return np.bincount(self.cell, weights=values * scale, minlength=k * k).reshape(k, k)

        den, num, T = summed(self.weight), summed(self.signed), summed(self.net)
        M = den > 0
        X = np.divide(num, den, out=np.zeros((k, k)), where=M)
        np.fill_diagonal(M, True)  # an actor backs its own side
        np.fill_diagonal(X, 1.0)
        s, n = s_matrix(X, M, w=separation(X, M, np.eye(k, dtype=bool)) if self.positions else None,
                        pairs=self.pairs)
        A = np.nan_to_num(s) * n / (n + 1) + np.tanh(T + T.T)
        for i, j in self.prior:
            A[i, j] += PRIOR_WEIGHT
            A[j, i] += PRIOR_WEIGHT
        np.fill_diagonal(A, 0.0)
        present = np.zeros(k, dtype=bool)
        kept = scale > 0
        present[self.si[kept]] = True
        present[self.ti[kept]] = True
        return A, present


def stability(graphs: ActorGraphs, camps: Sequence[Sequence[str]], with_ties: bool = False,
              runs: int = RUNS, seed: int = 0, half_life: float | None = None,
              progress: Callable[[int], None] | None = None,
              positions: bool = False) -> dict[str, float | None]:
    """Each camp member's share of resamples in which it stays with its camp's core (None when alone).

    In each resample (built from ``graphs.edges``, the taking-part actors, recency measured from
    ``graphs.reference`` with ``half_life``, prior ties kept with ``with_ties``) the affinity
    matrix is rebuilt and an actor stays when it is present, its mean affinity to the other
    members of its camp that are present is positive, and no other camp draws it more. The camps
    are not searched again: the question is whether the data still put the actor where it is.
    ``progress`` is called with 1 after each resample. ``positions``: the affinity of the
    ``positions`` method (targets weighted by :func:`kg.analysis.alignment.separation`).
    """
    rng = np.random.default_rng(seed)
    pos = {a: i for i, a in enumerate(graphs.ids)}
    placed = [(pos[a], g) for g, camp in enumerate(camps) if len(camp) > 1 for a in camp]
    rows = np.array([i for i, _ in placed], dtype=int)
    own_camp = np.array([g for _, g in placed], dtype=int)
    member = np.zeros((len(graphs.ids), len(camps)))  # actor x camp: 1 for its members
    for g, camp in enumerate(camps):
        member[[pos[a] for a in camp], g] = 1.0
    hits = np.zeros(len(placed), dtype=int)
    at = np.arange(len(placed))
    arrays = _Edges(graphs, with_ties, half_life, positions)
    for _ in range(runs):
        counts = rng.poisson(arrays.n) if len(arrays.n) else arrays.n
        A, present = arrays.affinity(np.divide(counts, arrays.n, out=np.zeros(len(counts)), where=arrays.n > 0))
        if placed:
            there = member * present[:, None]  # the present members of each camp
            sums = (A @ there)[rows]  # each placed actor's summed affinity to each camp
            others = np.tile(there.sum(axis=0), (len(placed), 1))
            others[at, own_camp] -= present[rows]  # its own camp, less itself
            mean = np.divide(sums, others, out=np.full(sums.shape, np.nan), where=others > 0)
            own = mean[at, own_camp]
            rivals = np.where(others > 0, mean, -np.inf)
            rivals[at, own_camp] = -np.inf
            hits += present[rows] & (others[at, own_camp] > 0) & (own > 0) & (own >= rivals.max(axis=1))
        if progress is not None:
            progress(1)
    kept = {graphs.ids[i]: int(h) for (i, _), h in zip(placed, hits, strict=True)}
    return {a: (round(float(kept[a]) / runs, 3) if a in kept else None) for camp in camps for a in camp}
