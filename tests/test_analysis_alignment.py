"""S, kappa and pi against hand-computed values, and the vectorised matrix against the pair functions."""
import math

import numpy as np
import pytest

from kg.analysis.alignment import alignment_matrix, cohen_kappa, compare, s_score, scott_pi, values
from kg.analysis.graph import from_store
from kg.errors import AnalysisError, UnknownActorError
from kg.reports.align import align


def test_hand_computed_values():
    # Shared targets A, B, C: |1-1| + |-1-0| + |0-0| = 1; S = 1 - 2*1/(2*3) = 2/3.
    assert s_score({"A": 1, "B": -1, "C": 0}, {"A": 1, "B": 0, "C": 0, "D": 1}) == (0.667, 3)
    x, y = {"A": 1, "B": -1, "C": 0}, {"A": 1, "B": 0, "C": 0}
    # p_o = 2/3; kappa: p_e = 1/3*1/3 + 1/3*2/3 = 1/3 -> (2/3-1/3)/(2/3) = 1/2
    assert cohen_kappa(x, y) == 0.5
    # pi: pooled shares 1: 1/3, 0: 1/2, -1: 1/6 -> p_e = 7/18 -> (12/18-7/18)/(11/18) = 5/11
    assert scott_pi(x, y) == round(5 / 11, 3)
    assert s_score({"A": 1.0, "B": 1.0}, {"A": -1.0, "B": -1.0}) == (-1.0, 2)
    assert cohen_kappa({"A": 0, "B": 0}, {"A": 0, "B": 0}) is None  # agreement chance alone explains


# Pairs of the 2020 dataset by hand. Profiles (+1 friendly, 0 even-handed, -1 hostile, +1 toward
# itself): ARM {ARM +1, AZE -1, TUR -1}, AZE {ARM -1, AZE +1, NKR -1}, NKR {AZE -1, NKR +1, TUR -1},
# TUR {ARM -1, AZE +1, TUR +1}, RUS and FRA {ARM 0, AZE 0, itself +1}. (a, b): (S, kappa, pi, n).
NK_PAIRS = {
    # d = 2+2+2 on 3; codes (+,-,-) vs (-,+,+), p_o 0: kappa p_e = 1/3*2/3 + 2/3*1/3 = 4/9 ->
    # -4/9 / 5/9 = -0.8; pi pooled shares +1 .5, -1 .5 -> p_e .5 -> -1
    ("ARM", "TUR"): (-1.0, -0.8, -1.0, 3),
    ("ARM", "NKR"): (1.0, None, None, 2),   # both hostile to AZE and TUR: p_e = 1
    ("ARM", "RUS"): (0.0, 0.0, -0.6, 2),    # d = 1+1; kappa p_e 0; pi pooled p_e .5^2+.25^2+.25^2 = .375
    ("NKR", "RUS"): (0.0, 0.0, -1.0, 1),    # only AZE shared: -1 vs 0; pi p_e = .5^2 + .5^2 = .5
    ("RUS", "FRA"): (1.0, None, None, 2),   # both even-handed to ARM and AZE
    ("AZE", "TUR"): (1.0, 1.0, 1.0, 2),
}


def test_matrix_matches_pair_functions(store, nk2020):
    store.load([nk2020])
    g = from_store(store)
    m = alignment_matrix(g.profiles, g.ids)
    for (a, b), (s, kappa, pi, n) in NK_PAIRS.items():
        r = compare(g.profiles, a, b)
        assert (r["s"], r["kappa"], r["pi"], r["n"]) == (s, kappa, pi, n), (a, b)
        i, j = g.ids.index(a), g.ids.index(b)
        assert int(m["n"][i, j]) == n and float(m["s"][i, j]) == pytest.approx(s)
    for i, a in enumerate(g.ids):
        for j, b in enumerate(g.ids):
            if i == j:
                continue
            r = compare(g.profiles, a, b)
            assert int(m["n"][i, j]) == r["n"]
            for key in ("s", "kappa", "pi"):
                v = m[key][i, j]
                if r[key] is None:
                    assert math.isnan(v), (a, b, key)
                else:
                    assert round(float(v), 3) == pytest.approx(r[key]), (a, b, key)


def test_align_on_the_2020_dataset(store, nk2020):
    store.load([nk2020])
    r = align(store, "Turkey", "Baku")
    assert (r["s"], r["kappa"], r["pi"], r["n"]) == (1.0, 1.0, 1.0, 2) and r["same_camp"]
    assert [x["target"]["id"] for x in r["agree"]] == ["ARM", "AZE"]
    assert r["a_to_b"]["stances"] == {"support": 2} and r["a_to_b"]["evidence"]
    r = align(store, "Armenia", "Azerbaijan")
    assert (r["s"], r["kappa"], r["pi"], r["n"]) == (-1.0, -1.0, -1.0, 2) and not r["same_camp"]
    assert len(r["contradict"]) == 2
    r = align(store, "Putin", "France")  # a person counts for the state they speak for
    assert r["a"]["id"] == "RUS" and r["s"] == 1.0 and r["kappa"] is None and r["n"] == 2
    r = align(store, "Turkey", "France")
    assert r["s"] == 0.0 and len(r["differ"]) == 2


def test_align_bad_input(store, nk2020):
    with pytest.raises(AnalysisError, match="the store is empty"):
        align(store, "Turkey", "Azerbaijan")
    store.load([nk2020])
    with pytest.raises(UnknownActorError):
        align(store, "Turkey", "Narnia")
    with pytest.raises(AnalysisError, match="same actor"):
        align(store, "Turkey", "Ankara")
    with pytest.raises(AnalysisError, match="takes no part"):
        align(store, "Turkey", "China")


def test_matrix_is_deterministic():
    rng = np.random.default_rng(1)
    profiles = {f"a{i}": {f"t{j}": {"value": float(v), "code": int(v)}
                          for j, v in enumerate(rng.integers(-1, 2, 6)) if rng.random() < 0.7}
                for i in range(8)}
    ids = sorted(profiles)
    a, b = alignment_matrix(profiles, ids), alignment_matrix(profiles, ids)
    assert np.array_equal(np.nan_to_num(a["s"]), np.nan_to_num(b["s"]))
    # the same S as the pair function, pair by pair
    for i, x in enumerate(ids):
        for j, y in enumerate(ids):
            pair, _ = s_score(values(profiles[x]), values(profiles[y]))
            assert (pair is None and np.isnan(a["s"][i, j])) or round(float(a["s"][i, j]), 3) == pair
    # Hand-computed:
    # A {X +1, Y -1}, B {X +1, Y 0}, C {X -1}.
    #   A-B: S = 1 - (0 + 1)/2 = 0.5 on 2; p_o 1/2; kappa p_e = .5*.5 = .25 -> (.5-.25)/.75 = 1/3;
    #        pi pooled shares +1 .5, -1 .25, 0 .25 -> p_e .375 -> (.5-.375)/.625 = 0.2
    #   A-C and B-C: S = 1 - 2/1 = -1 on 1; kappa: p_e 0 -> 0; pi: p_e .5 -> -1
    small = {"A": {"X": {"value": 1.0, "code": 1}, "Y": {"value": -1.0, "code": -1}},
             "B": {"X": {"value": 1.0, "code": 1}, "Y": {"value": 0.0, "code": 0}},
             "C": {"X": {"value": -1.0, "code": -1}}}
    m = alignment_matrix(small, ["A", "B", "C"])
    assert m["n"].tolist() == [[2, 2, 1], [2, 2, 1], [1, 1, 1]]
    assert np.round(m["s"], 9).tolist() == [[1.0, 0.5, -1.0], [0.5, 1.0, -1.0], [-1.0, -1.0, 1.0]]
    assert round(float(m["kappa"][0, 1]), 3) == 0.333 and round(float(m["pi"][0, 1]), 3) == 0.2
    assert float(m["kappa"][0, 2]) == pytest.approx(0.0) and float(m["pi"][1, 2]) == pytest.approx(-1.0)


def test_prepared_holder_pairs_give_the_loops_sums_to_the_last_bit(monkeypatch):
    # the doctest counts a small case by hand; here the prepared pairs of a larger matrix serve a
    # matrix with fewer stances (a resample), with and without target weights
    import numpy as np

    from kg.analysis import alignment
    from kg.analysis.alignment import HolderPairs, s_matrix

    rng = np.random.default_rng(3)
    M = rng.random((60, 70)) < 0.3
    X = rng.uniform(-1, 1, M.shape)
    fewer = M & (rng.random(M.shape) < 0.9)
    pairs = HolderPairs.fit(M)
    for held in (M, fewer):
        for w in (None, rng.random(70)):
            s0, n0 = s_matrix(X, held, w)
            s1, n1 = s_matrix(X, held, w, pairs=pairs)
            assert np.array_equal(np.nan_to_num(s0, nan=9.0), np.nan_to_num(s1, nan=9.0)) and np.array_equal(n0, n1)
    monkeypatch.setattr(alignment, "PAIR_BUDGET", 10)
    assert HolderPairs.fit(M) is None
