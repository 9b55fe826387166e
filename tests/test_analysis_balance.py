"""Frustration and balance: known signed graphs, brute force, and the 2020 dataset."""
import itertools

import numpy as np
import pytest

from kg.analysis.balance import frustration, signed_partition, triangles
from kg.reports.balance import balance


def signed(n, edges):
    W = np.zeros((n, n))
    for i, j, w in edges:
        W[i, j] = W[j, i] = w
    return W


def partitions(n):
    """Every set partition of range(n) as a restricted growth string."""
    def rec(prefix, k):
        if len(prefix) == n:
            yield list(prefix)
            return
        for c in range(k + 1):
            yield from rec(prefix + [c], max(k, c + 1))
    yield from rec([], 0)


def test_known_graphs():
    # A cycle with one negative tie cannot be balanced: one tie is frustrated whatever the split.
    cycle = signed(4, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 0, -1)])
    assert signed_partition(cycle, max_clusters=2)["frustration"] == 1.0
    assert triangles(cycle)["triangles"] == 0
    # Two cliques of friends, enemies across: balanced, two camps, every triangle balanced.
    two = signed(6, [(i, j, 1) for i, j in itertools.combinations(range(3), 2)]
                 + [(i, j, 1) for i, j in itertools.combinations(range(3, 6), 2)]
                 + [(i, j, -1) for i in range(3) for j in range(3, 6)])
    r = signed_partition(two)
    assert r["labels"] == [0, 0, 0, 1, 1, 1] and r["frustration"] == 0.0 and r["exact"]
    assert triangles(two) == {"triangles": 20, "balanced": 20, "share_balanced": 1.0}
    # Three mutual enemies: clusterable (three camps) but not balanced in two.
    trio = signed(3, [(0, 1, -1), (1, 2, -1), (0, 2, -2)])
    assert signed_partition(trio)["clusters"] == 3
    assert signed_partition(trio, max_clusters=2)["frustration"] == 1.0
    assert triangles(trio) == {"triangles": 1, "balanced": 0, "share_balanced": 0.0}
    assert frustration(trio, [0, 0, 0]) == 4.0


@pytest.mark.parametrize("seed", range(6))
def test_exact_equals_brute_force(seed):
    rng = np.random.default_rng(seed)
    n = 7
    W = np.triu(rng.choice([-2.0, -1.0, 0.0, 0.0, 1.0, 1.5], size=(n, n)), 1)
    W = W + W.T
    best = min(frustration(W, p) for p in partitions(n))
    assert signed_partition(W)["frustration"] == pytest.approx(best)
    best2 = min(frustration(W, p) for p in partitions(n) if max(p) <= 1)
    assert signed_partition(W, max_clusters=2)["frustration"] == pytest.approx(best2)


def test_heuristic_recovers_planted_camps():
    rng = np.random.default_rng(3)
    n, k = 60, 4
    truth = np.arange(n) % k
    same = truth[:, None] == truth[None, :]
    W = np.where(same, 1.0, -1.0) * (rng.random((n, n)) < 0.5)
    W = np.triu(W, 1)
    W = W + W.T
    r = signed_partition(W, seed=0)
    assert not r["exact"] and r["frustration"] == 0.0
    assert len({tuple(np.flatnonzero(np.array(r["labels"]) == c)) for c in range(k)}) == k
    assert r == signed_partition(W, seed=0)  # deterministic


def test_balance_on_the_2020_dataset(store, nk2020):
    store.load([nk2020])
    r = balance(store)
    assert r["ties"] == {"positive": 1, "negative": 4}
    assert r["triangles"] == {"triangles": 2, "balanced": 2, "share_balanced": 1.0}
    two = [[a["id"] for a in m] for m in r["two_camps"]["partition"]]
    assert two == [["ARM", "NKR"], ["AZE", "TUR"]] and r["two_camps"]["frustration"] == 0.0
    assert r["affinity"]["frustration"] == 0.0 and r["affinity"]["triangles"]["share_balanced"] == 1.0
