"""How much each actor's place in its camp can be trusted: evidence, tie and stability.

For every actor of a camp three figures, all reported by ``kg camps``:

* **statements**: how many statements its place rests on, the ones that name it as their
  source or a target (:meth:`kg.store.base.Store.involvement`); one statement is a flag;
* **tie**: the mean affinity (:func:`kg.analysis.camps.affinity`, -1 .. +1 and more with
  direct ties) between the actor and the other members of its camp;
* **stability**: the share of bootstrap resamples of the statements in which the actor stays
  with the core of its camp: in one camp with at least half of the camp's other members that
  are present in the resample. The statements are resampled the Poisson way (each statement drawn a
  Poisson(1) number of times, so an edge of *n* statements keeps Poisson(*n*), its valence and
  weight scaled alike), seeded, and the camps are found again with the same method.

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

from kg.analysis.camps import affinity, find_camps
from kg.analysis.graph import ActorGraphs, build_graphs
from kg.store.base import StanceEdge

__all__ = ["RUNS", "STABLE", "camp_ties", "resample", "stability"]

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


def resample(edges: Sequence[StanceEdge], rng: np.random.Generator) -> list[StanceEdge]:
    """A Poisson bootstrap of the statements behind ``edges`` (see the module docstring)."""
    counts = rng.poisson([e.n for e in edges]).tolist() if edges else []
    return [StanceEdge(e.source, e.target, e.stance, k, e.valence * k / e.n, e.weight * k / e.n, e.first, e.last)
            for e, k in zip(edges, counts, strict=True) if k > 0]


def stability(graphs: ActorGraphs, camps: Sequence[Sequence[str]], method: str = "louvain",
              with_ties: bool = False, runs: int = RUNS, seed: int = 0,
              half_life: float | None = None, progress: Callable[[int], None] | None = None
              ) -> dict[str, float | None]:
    """Each camp member's share of resamples in which it stays with its camp's core (None when alone).

    The resamples are built from ``graphs.edges`` (already mapped to the taking-part actors),
    with the prior ties kept, recency measured from ``graphs.reference`` with ``half_life``.
    ``progress`` is called with 1 after each resample. Each resample builds the graphs and finds
    the camps again: about as long as the camps themselves (3.4 s at 1M statements, BENCHMARKS.md).
    """
    rng = np.random.default_rng(seed)
    kinds = {a: graphs.ties.nodes[a].get("kind") for a in graphs.ids}
    prior = [(u, v, d.get("kind", ""), d.get("label", "")) for u, v, d in graphs.prior.edges(data=True)]
    kept = {a: 0 for camp in camps for a in camp if len(camp) > 1}
    for _ in range(runs):
        edges = resample(graphs.edges, rng)
        g = build_graphs(edges, kinds, all_actors=True, half_life=half_life, as_of=graphs.reference,
                         prior=prior)
        if progress is not None:
            progress(1)
        if len(g.ids) < 2:
            continue
        camp_of = find_camps(g, method, with_ties, seed)["camp_of"]
        for camp in camps:
            if len(camp) < 2:
                continue
            for a in camp:
                mine = camp_of.get(a)
                present = [b for b in camp if b != a and b in camp_of]
                if mine is None or not present:
                    continue
                with_me = sum(1 for b in present if camp_of[b] == mine)
                kept[a] += 2 * with_me >= len(present)
    return {a: (round(kept[a] / runs, 3) if a in kept else None) for camp in camps for a in camp}
