"""Pairwise alignment of stance profiles: the Signorino–Ritter S score, Cohen's κ and Scott's π.

A *profile* maps each target to a stance cell (see :mod:`kg.analysis.graph`): a value in
[-1, 1], the weighted mean of the stance classes (+1 friendly, 0 even-handed, -1 hostile) the
actor took toward that target, and its categorical code in {-1, 0, +1}. Each actor also holds
+1 toward itself, so a stance toward B is compared with B's own position. Only *shared* targets
(cells both actors hold) count; every figure says on how many it rests (``n``).

S score (Signorino & Ritter 1999, "Tau-b or not tau-b", ISQ 43(1)):

    S = 1 - 2 d / d_max,   d = sum_k |x_k - y_k|,   d_max = sum_k (max_k - min_k) = 2 n

over the n shared targets (unweighted dimensions, absolute distance); S is 1 when the two
profiles are identical and -1 when they are opposite on every target.

Chance-corrected agreement (Häge 2011, "Choice or Circumstance? Adjusting Measures of Foreign
Policy Similarity for Chance Agreement", Political Analysis 19(3)) over the codes on shared
targets, with observed agreement p_o and the share p_A(c), p_B(c) of each code c:

    Cohen's κ = (p_o - p_e) / (1 - p_e),  p_e = sum_c p_A(c) p_B(c)
    Scott's π = (p_o - p_e) / (1 - p_e),  p_e = sum_c ((p_A(c) + p_B(c)) / 2) ** 2

κ and π are undefined (None) when p_e = 1, e.g. when both actors used one and the same code
on every shared target: agreement that chance alone explains.

Examples
--------
>>> x = {"A": 1.0, "B": -1.0, "C": 0.0}
>>> y = {"A": 1.0, "B": 0.0, "C": 0.0, "D": 1.0}
>>> s_score(x, y)
(0.667, 3)
>>> cx, cy = {"A": 1, "B": -1, "C": 0}, {"A": 1, "B": 0, "C": 0, "D": 1}
>>> cohen_kappa(cx, cy), scott_pi(cx, cy)
(0.5, 0.455)
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

CODES = (-1, 0, 1)
ROUND = 3
SEPARATION_FLOOR = 0.1
"""The weight of a target every speaker takes the same stance toward (:func:`separation`)."""
PAIR_BUDGET = 4_000_000
"""The most holder pairs :class:`HolderPairs` prepares (five arrays of that length, about 160 MB)."""


def _r(x: float | None) -> float | None:
    return None if x is None or (isinstance(x, float) and np.isnan(x)) else round(float(x), ROUND)


def s_score(x: Mapping[str, float], y: Mapping[str, float]) -> tuple[float | None, int]:
    """Signorino–Ritter S over the shared keys of two valence profiles, and their number.

    >>> s_score({"A": 1.0}, {"A": -1.0}), s_score({"A": 1.0}, {"B": 1.0})
    ((-1.0, 1), (None, 0))
    """
    shared = sorted(set(x) & set(y))
    if not shared:
        return None, 0
    d = sum(abs(x[k] - y[k]) for k in shared)
    return _r(1 - 2 * d / (2 * len(shared))), len(shared)


def _chance(x: Mapping[str, int], y: Mapping[str, int], pooled: bool) -> float | None:
    shared = sorted(set(x) & set(y))
    if not shared:
        return None
    n = len(shared)
    po = sum(x[k] == y[k] for k in shared) / n
    pa = {c: sum(x[k] == c for k in shared) / n for c in CODES}
    pb = {c: sum(y[k] == c for k in shared) / n for c in CODES}
    if pooled:
        pe = sum(((pa[c] + pb[c]) / 2) ** 2 for c in CODES)
    else:
        pe = sum(pa[c] * pb[c] for c in CODES)
    if pe >= 1 - 1e-12:
        return None
    return _r((po - pe) / (1 - pe))


def cohen_kappa(x: Mapping[str, int], y: Mapping[str, int]) -> float | None:
    """Cohen's κ over the codes of shared keys (None when undefined).

    >>> cohen_kappa({"A": 1, "B": -1}, {"A": 1, "B": -1}), cohen_kappa({"A": 0}, {"A": 0})
    (1.0, None)
    """
    return _chance(x, y, pooled=False)


def scott_pi(x: Mapping[str, int], y: Mapping[str, int]) -> float | None:
    """Scott's π over the codes of shared keys (None when undefined).

    >>> scott_pi({"A": 1, "B": -1}, {"A": -1, "B": 1})
    -1.0
    """
    return _chance(x, y, pooled=True)


def values(profile: Mapping[str, dict]) -> dict[str, float]:
    """Cell values of a profile (``profiles[actor]`` of :class:`ActorGraphs`)."""
    return {t: c["value"] for t, c in profile.items()}


def codes(profile: Mapping[str, dict]) -> dict[str, int]:
    """Cell codes of a profile."""
    return {t: c["code"] for t, c in profile.items()}


def compare(profiles: Mapping[str, Mapping[str, dict]], a: str, b: str) -> dict:
    """S, κ, π and the shared targets of two actors, split into agreements and contradictions.

    A shared target is an *agreement* when both codes are equal, a *contradiction* when one is
    friendly and the other hostile, and a *difference* otherwise (one even-handed).

    >>> p = {"TUR": {"ARM": {"value": -1.0, "code": -1}, "AZE": {"value": 1.0, "code": 1}},
    ...      "AZE": {"ARM": {"value": -1.0, "code": -1}, "AZE": {"value": 1.0, "code": 1}}}
    >>> r = compare(p, "TUR", "AZE")
    >>> r["s"], r["kappa"], r["pi"], r["n"], [x["target"] for x in r["agree"]]
    (1.0, 1.0, 1.0, 2, ['ARM', 'AZE'])
    """
    pa, pb = profiles.get(a, {}), profiles.get(b, {})
    s, n = s_score(values(pa), values(pb))
    rows: dict[str, list] = {"agree": [], "contradict": [], "differ": []}
    for t in sorted(set(pa) & set(pb)):
        ca, cb = pa[t]["code"], pb[t]["code"]
        kind = "agree" if ca == cb else "contradict" if ca * cb < 0 else "differ"
        rows[kind].append({"target": t, "a": ca, "b": cb,
                           "a_value": _r(pa[t]["value"]), "b_value": _r(pb[t]["value"])})
    return {"s": s, "kappa": cohen_kappa(codes(pa), codes(pb)), "pi": scott_pi(codes(pa), codes(pb)),
            "n": n, **rows}


def profile_matrix(profiles: Mapping[str, Mapping[str, dict]], ids: Sequence[str]):
    """``(targets, X, M, C)``: values, presence mask and codes as arrays (actors × targets).

    >>> t, X, M, C = profile_matrix({"A": {"A": {"value": 1.0, "code": 1}}}, ["A"])
    >>> t, X.tolist(), M.tolist(), C.tolist()
    (['A'], [[1.0]], [[True]], [[1]])
    """
    targets = sorted({t for a in ids for t in profiles.get(a, {})})
    col = {t: j for j, t in enumerate(targets)}
    X = np.zeros((len(ids), len(targets)))
    M = np.zeros((len(ids), len(targets)), dtype=bool)
    C = np.zeros((len(ids), len(targets)), dtype=np.int8)
    for i, a in enumerate(ids):
        for t, cell in profiles.get(a, {}).items():
            j = col[t]
            X[i, j], M[i, j], C[i, j] = cell["value"], True, cell["code"]
    return targets, X, M, C


def separation(X: np.ndarray, M: np.ndarray, own: np.ndarray | None = None) -> np.ndarray:
    """How much each target (column) tells the actors apart: the standard deviation of the
    values of the actors that took a stance toward it (presence ``M``), not counting the cells
    ``own`` (a target's +1 toward itself), floored at :data:`SEPARATION_FLOOR`.

    A target everyone condemns alike weighs the floor; one that splits its speakers evenly
    between +1 and -1 weighs 1.

    >>> X = np.array([[-1.0, 1.0], [-1.0, -1.0], [-1.0, 1.0]]); M = np.ones((3, 2), dtype=bool)
    >>> separation(X, M).round(3).tolist()
    [0.1, 0.943]
    """
    keep = M if own is None else M & ~own
    cnt = keep.sum(axis=0)
    Xk = np.where(keep, X, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(cnt > 0, Xk.sum(axis=0) / cnt, 0.0)
        var = np.where(cnt > 0, (np.where(keep, X - mean, 0.0) ** 2).sum(axis=0) / cnt, 0.0)
    return np.maximum(np.sqrt(var), SEPARATION_FLOOR)


class HolderPairs:
    """Every pair of actors that hold a stance toward the same target, once each, as flat indices
    into an actors × targets matrix: the terms of :func:`s_matrix`'s distances, prepared once
    for many matrices (the resamples of :func:`kg.analysis.doubt.stability`).

    A matrix whose stances are among those of ``M`` masks the pairs it lacks. The terms of each
    pair of actors are added in target order, as :func:`s_matrix`'s loop adds them, so the sums
    are the same to the last bit. :meth:`fit` gives None beyond :data:`PAIR_BUDGET` pairs.

    >>> M = np.array([[True, True], [True, False], [True, True]])
    >>> p = HolderPairs(M); len(p.cells)
    4
    >>> X = np.array([[1.0, -1.0], [0.0, 0.0], [-1.0, 1.0]])
    >>> p.distances(X, M).tolist()
    [[0.0, 1.0, 4.0], [1.0, 0.0, 1.0], [4.0, 1.0, 0.0]]
    """

    def __init__(self, M: np.ndarray):
        k, n_targets = M.shape
        target, actor = np.nonzero(M.T)  # the holders of each target, in actor order
        size = np.bincount(target, minlength=n_targets)
        start = np.cumsum(size) - size
        reps = size[target]  # each holder meets every holder of its target
        a = np.repeat(np.arange(len(target)), reps)
        block = np.cumsum(reps) - reps
        b = np.repeat(start[target], reps) + np.arange(len(a)) - np.repeat(block, reps)
        a, b = a[a < b], b[a < b]
        self.k = k
        self.target = target[a]
        self.a = actor[a] * n_targets + target[a]
        self.b = actor[b] * n_targets + target[b]
        self.cells = actor[a] * k + actor[b]

    @classmethod
    def fit(cls, M: np.ndarray) -> HolderPairs | None:
        """The pairs of ``M``, or None when there are more than :data:`PAIR_BUDGET`."""
        size = M.sum(axis=0).astype(np.int64)
        return cls(M) if int((size * (size - 1) // 2).sum()) <= PAIR_BUDGET else None

    def distances(self, X: np.ndarray, M: np.ndarray, w: np.ndarray | None = None) -> np.ndarray:
        """Sum over the shared targets of ``w`` × |x - y|, for every pair of rows of ``X``."""
        values, held = X.ravel(), M.ravel()
        diff = np.abs(values[self.a] - values[self.b]) * (held[self.a] & held[self.b])
        if w is not None:
            diff *= w[self.target]
        d = np.bincount(self.cells, weights=diff, minlength=self.k * self.k).reshape(self.k, self.k)
        return d + d.T


def s_matrix(X: np.ndarray, M: np.ndarray, w: np.ndarray | None = None,
             pairs: HolderPairs | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The S score and the number of shared targets for every pair of rows of a profile matrix
    (values ``X``, presence ``M``; actors × targets): S is NaN where nothing is shared.

    With target weights ``w`` (one per column, e.g. :func:`separation`) each shared target
    counts ``w`` times: S = 1 - sum w|x - y| / (2 sum w), and the number is the sum of weights.

    The distances are added up target by target over the actors that hold it, so the work
    follows the stances actually taken (most actors speak about few targets), not actors² ×
    targets. With ``pairs`` prepared for ``M`` (or for a matrix that holds all of ``M``'s
    stances) they are added up from those, with the same result.

    >>> X = np.array([[1.0, -1.0], [1.0, 0.0]]); M = np.ones((2, 2), dtype=bool)
    >>> s, n = s_matrix(X, M)
    >>> float(s[0, 1]), float(n[0, 1])
    (0.5, 2.0)
    >>> s, n = s_matrix(X, M, w=np.array([1.0, 0.25]))
    >>> float(s[0, 1]), float(n[0, 1])
    (0.8, 1.25)
    """
    Mf = M.astype(np.float64)
    n = (Mf if w is None else Mf * w) @ Mf.T
    if pairs is not None:
        d = pairs.distances(X, M, w)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(n > 0, 1 - d / n, np.nan), n
    d = np.zeros((len(X), len(X)))
    target, actor = np.nonzero(M.T)  # the holders of each target, target by target
    bounds = np.flatnonzero(np.diff(target)) + 1
    groups = zip(np.split(actor, bounds), np.split(X[actor, target], bounds), target[np.r_[0, bounds]],
                 strict=True) if len(target) else ()
    for holders, v, t in groups:
        if len(holders) < 2:
            continue
        diff = np.abs(v[:, None] - v[None, :])
        d[holders[:, None], holders] += diff if w is None else diff * w[t]
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.where(n > 0, 1 - d / n, np.nan)  # 1 - 2 d / (2 n)
    return s, n


def alignment_matrix(profiles: Mapping[str, Mapping[str, dict]], ids: Sequence[str]) -> dict[str, np.ndarray]:
    """S, κ, π and n for every pair of ``ids`` at once (numpy), same values as the pair functions.

    Returns a dict of (len(ids) × len(ids)) arrays ``s``, ``kappa``, ``pi`` (NaN where
    undefined or nothing is shared) and ``n`` (shared targets, int).

    >>> p = {"A": {"X": {"value": 1.0, "code": 1}, "Y": {"value": -1.0, "code": -1}},
    ...      "B": {"X": {"value": 1.0, "code": 1}, "Y": {"value": 0.0, "code": 0}}}
    >>> m = alignment_matrix(p, ["A", "B"])
    >>> float(m["s"][0, 1]), int(m["n"][0, 1])
    (0.5, 2)
    """
    _, X, M, C = profile_matrix(profiles, ids)
    Mf = M.astype(np.float64)
    s, n = s_matrix(X, M)
    k = len(ids)
    with np.errstate(invalid="ignore", divide="ignore"):
        agree = np.zeros((k, k))
        pe_k = np.zeros((k, k))
        pe_p = np.zeros((k, k))
        for c in CODES:
            Cc = (M & (C == c)).astype(np.float64)
            agree += Cc @ Cc.T
            pa = (Cc @ Mf.T) / n
            pb = (Mf @ Cc.T) / n
            pe_k += pa * pb
            pe_p += ((pa + pb) / 2) ** 2
        po = agree / n
        kappa = np.where((n > 0) & (pe_k < 1 - 1e-12), (po - pe_k) / (1 - pe_k), np.nan)
        pi = np.where((n > 0) & (pe_p < 1 - 1e-12), (po - pe_p) / (1 - pe_p), np.nan)
    return {"s": s, "kappa": kappa, "pi": pi, "n": n.astype(np.int64)}
