"""S, kappa and pi against hand-computed values, and the vectorised matrix against the pair functions."""
import math

import numpy as np
import pytest

from kg.analysis.alignment import alignment_matrix, cohen_kappa, compare, s_score, scott_pi
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


def test_matrix_matches_pair_functions(store, nk2020):
    store.load([nk2020])
    g = from_store(store)
    m = alignment_matrix(g.profiles, g.ids)
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
    with pytest.raises(AnalysisError, match="no statements"):
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
    a, b = alignment_matrix(profiles, ids), alignment_matrix(profiles, ids, chunk=3)
    assert np.array_equal(np.nan_to_num(a["s"]), np.nan_to_num(b["s"]))
