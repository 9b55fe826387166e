"""Benchmark of the alignment analyses on a generated crisis: 300 actors, 1 million statements.

The statements are generated as numpy arrays (seeded) and added up into stance edges with numpy,
the way :meth:`Store.stance_edges` adds them up in a store (one row per source, target and
stance). Each measure is timed beside a baseline measured in the same run: the straightforward
pure-Python code the vectorised version replaces. Peak memory: the process' maximum resident
size, and the tracemalloc peak of one untimed pass of the analyses.

With ``--store N`` the first N generated statements are also written to a temporary embedded
store (``EmbeddedStore.write_statements`` in one transaction) to time the store's own
aggregation (``stance_edges``).

Run: python bench/analysis_bench.py [--actors 300] [--statements 1000000] [--store 0] [--bootstrap 50]
Never part of the tests.
"""
from __future__ import annotations

import argparse
import itertools
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.analysis import alignment, balance, brokers, camps, doubt  # noqa: E402
from kg.analysis.graph import build_graphs  # noqa: E402
from kg.store.base import StanceEdge, StatementFilter  # noqa: E402
from kg.vocab import stances  # noqa: E402

STANCES = list(stances())
VALENCE = np.array([stances()[s].valence for s in STANCES])
FRIENDLY = [STANCES.index(s) for s in ("support", "praise")]
HOSTILE = [STANCES.index(s) for s in ("accuse", "condemn", "oppose", "warn", "threaten")]
EVEN = [STANCES.index(s) for s in ("call_for_ceasefire", "mediate", "concern")]
DAY0 = date(2023, 1, 1)


def generate(n_actors: int, n_statements: int, camps_n: int = 5, agenda: int = 40, seed: int = 0):
    """Planted camps plus even-handed mediators; each actor speaks about an agenda of targets."""
    rng = np.random.default_rng(seed)
    n_mediators = n_actors // 8
    camp = np.concatenate([np.arange(n_actors - n_mediators) % camps_n, np.full(n_mediators, -1)])
    agendas = np.stack([rng.choice(n_actors, agenda, replace=False) for _ in range(n_actors)])
    src = rng.integers(0, n_actors, n_statements)
    tgt = agendas[src, rng.integers(0, agenda, n_statements)]
    self_ = tgt == src
    tgt[self_] = (tgt[self_] + 1) % n_actors
    same = camp[src] == camp[tgt]
    mediator = (camp[src] < 0) | (camp[tgt] < 0)
    stance = np.where(same, rng.choice(FRIENDLY, n_statements), rng.choice(HOSTILE, n_statements))
    stance = np.where(mediator, rng.choice(EVEN, n_statements), stance)
    noise = rng.random(n_statements) < 0.05  # some statements go against the grain
    stance[noise] = rng.integers(0, len(STANCES), noise.sum())
    day = rng.integers(0, 365, n_statements)
    conf = rng.choice([0.5, 0.8, 1.0], n_statements)
    return src, tgt, stance, day, conf, camp


def aggregate_numpy(n_actors, src, tgt, stance, day, conf) -> list[StanceEdge]:
    key = (src.astype(np.int64) * n_actors + tgt) * len(STANCES) + stance
    uniq, inv = np.unique(key, return_inverse=True)
    n = np.bincount(inv)
    val = np.bincount(inv, VALENCE[stance] * conf)
    w = np.bincount(inv, conf)
    first = np.full(len(uniq), 10**9)
    last = np.full(len(uniq), -1)
    np.minimum.at(first, inv, day)
    np.maximum.at(last, inv, day)
    s, rest = np.divmod(uniq, n_actors * len(STANCES))
    t, st = np.divmod(rest, len(STANCES))
    return [StanceEdge(f"A{a:03d}", f"A{b:03d}", STANCES[c], int(k), round(float(v), 9),
                       round(float(x), 9), DAY0 + timedelta(int(f0)), DAY0 + timedelta(int(f1)))
            for a, b, c, k, v, x, f0, f1 in zip(s, t, st, n, val, w, first, last, strict=True)]


def aggregate_python(n_actors, src, tgt, stance, day, conf) -> int:
    acc: dict = {}
    for a, b, c, d, x in zip(src.tolist(), tgt.tolist(), stance.tolist(), day.tolist(), conf.tolist(), strict=True):
        k = (a, b, c)
        r = acc.get(k)
        if r is None:
            acc[k] = [1, VALENCE[c] * x, x, d, d]
        else:
            r[0] += 1
            r[1] += VALENCE[c] * x
            r[2] += x
            r[3] = min(r[3], d)
            r[4] = max(r[4], d)
    return len(acc)


def alignment_python(profiles, ids):
    out = {}
    for a, b in itertools.combinations(ids, 2):
        out[a, b] = alignment.compare(profiles, a, b)["s"]
    return out


def triangles_python(W):
    n = len(W)
    nbr = [set(np.flatnonzero(W[i] != 0).tolist()) for i in range(n)]
    total = balanced = 0
    for u in range(n):
        for v in nbr[u]:
            if v <= u:
                continue
            for w in nbr[u] & nbr[v]:
                if w <= v:
                    continue
                total += 1
                balanced += (W[u, v] * W[v, w] * W[u, w]) > 0
    return total, balanced


def greedy_python(W, starts, passes=50):
    """The relocation heuristic written with plain loops, from the same starts; the best result."""
    n = len(W)
    rows = [[(j, W[i][j]) for j in range(n) if W[i][j] != 0] for i in range(n)]
    results = [_greedy_one(rows, list(s), passes) for s in starts]
    return min(results, key=lambda r: balance.frustration(np.array(W), r))


def _greedy_one(rows, lab, passes):
    n = len(rows)
    for _ in range(passes):
        moved = False
        for v in range(n):
            cost: dict[int, float] = {}
            pos_tot = sum(w for _, w in rows[v] if w > 0)
            for c in set(lab):
                cost[c] = pos_tot
            for j, w in rows[v]:
                if j == v:
                    continue
                c = lab[j]
                cost[c] -= w  # a negative tie inside costs |w|; a positive one inside saves w
            new = max(lab) + 1
            cost[new] = pos_tot
            best = min(cost, key=lambda c: (cost[c], c))
            if cost[best] < cost[lab[v]] - 1e-9:
                lab[v] = best
                moved = True
        if not moved:
            break
    return lab


def timed(fn, *args, **kw):
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


def s_matrix_dense(X, M, w=None, pairs=None):
    """The baseline of the bootstrap: the S of every pair over every target in blocks of 32 rows
    (kg.analysis.alignment.s_matrix before it went target by target over the holders); the
    prepared ``pairs`` are not used."""
    Mf = M.astype(np.float64)
    n = (Mf if w is None else Mf * w) @ Mf.T
    k = len(X)
    d = np.zeros((k, k))
    Xm = np.where(M, X, 0.0)
    for start in range(0, k, 32):
        stop = min(start + 32, k)
        diff = np.abs(Xm[start:stop, None, :] - Xm[None, :, :])
        if w is not None:
            diff = diff * w
        d[start:stop] = (diff * (M[start:stop, None, :] & M[None, :, :])).sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, 1 - d / n, np.nan), n


def purity(found_camps, planted, ids):
    index = {a: i for i, a in enumerate(ids)}
    hit = sum(max(np.bincount([planted[index[a]] + 1 for a in c])) for c in found_camps)
    return hit / max(sum(len(c) for c in found_camps), 1)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--actors", type=int, default=300)
    p.add_argument("--statements", type=int, default=1_000_000)
    p.add_argument("--store", type=int, default=0, help="also load this many statements into a temp embedded store")
    p.add_argument("--bootstrap", type=int, default=doubt.RUNS, help="resamples of the stability measure")
    args = p.parse_args()
    rows = []

    def row(name, fast, slow=None, note=""):
        ratio = f"{slow / fast:,.1f}x" if slow else ""
        rows.append((name, fast, slow, ratio, note))
        print(f"{name:<38} {fast:8.3f} s  {'' if slow is None else f'{slow:8.3f} s':>10}  {ratio:>8}  {note}",
              flush=True)

    print(f"{args.actors} actors, {args.statements:,} statements (numpy, seed 0)")
    print(f"{'measure':<38} {'kg':>10}  {'baseline':>10}  {'ratio':>8}")
    (src, tgt, stance, day, conf, planted), t_gen = timed(generate, args.actors, args.statements)
    row("generate statements", t_gen)
    edges, t_np = timed(aggregate_numpy, args.actors, src, tgt, stance, day, conf)
    _, t_py = timed(aggregate_python, args.actors, src, tgt, stance, day, conf)
    row("aggregate to stance edges", t_np, t_py, f"{len(edges):,} edges; baseline: dict loop")
    kinds = {f"A{i:03d}": "state" for i in range(args.actors)}
    g, t_build = timed(build_graphs, edges, kinds)
    row("build graphs from edges", t_build, None, f"{len(g.ids)} actors, {g.ties.number_of_edges():,} ties")
    m, t_al = timed(alignment.alignment_matrix, g.profiles, g.ids)
    _, t_al_py = timed(alignment_python, g.profiles, g.ids)
    pairs = len(g.ids) * (len(g.ids) - 1) // 2
    row("alignment S/kappa/pi, all pairs", t_al, t_al_py, f"{pairs:,} pairs; baseline: compare() per pair")
    A, t_aff = timed(camps.affinity, g, False, m)
    row("affinity matrix", t_aff)
    lv, t_lv = timed(camps.find_camps, g, "louvain", A=A)
    row("camps: louvain", t_lv, None, f"{len(lv['camps'])} camps, purity {purity(lv['camps'], planted, g.ids):.2f}")
    sg = camps.find_camps(g, "signed", A=A)
    init = camps.louvain(list(g.ids), A)
    _, t_sg = timed(balance.signed_partition, A, seed=0, init=init)
    rng = np.random.default_rng(0)
    k0 = max(2, int(np.sqrt(len(g.ids))))
    starts = [init, [0] * len(g.ids)] + [rng.integers(0, k0, len(g.ids)).tolist() for _ in range(8)]
    _, t_sg_py = timed(greedy_python, A.tolist(), starts)
    row("camps: signed partition (given init)", t_sg, t_sg_py,
        f"{len(sg['camps'])} camps, purity {purity(sg['camps'], planted, g.ids):.2f}, frustration "
        f"{sg['frustration']:.0f} (louvain's {lv['frustration']:.0f}); baseline: same starts, loops")
    (tri, t_tri) = timed(balance.triangles, A)
    _, t_tri_py = timed(triangles_python, A)
    row("balanced triangles", t_tri, t_tri_py, f"{tri['triangles']:,} triangles; baseline: set loops")
    _, t_br = timed(brokers.find_brokers, g, lv["camp_of"])
    row("brokers (betweenness)", t_br)
    total = t_build + t_al + t_aff + t_lv
    row("camps end to end (build+align+louvain)", total, None, "from aggregated edges")
    runs = args.bootstrap
    _, t_ties = timed(doubt.camp_ties, g, lv["camps"], A=A)
    st, t_boot = timed(doubt.stability, g, lv["camps"], runs=runs)
    unstable = sum(1 for v in st.values() if v is not None and v < doubt.STABLE)
    base_runs = max(1, min(runs, 10))
    doubt.s_matrix, fast = s_matrix_dense, doubt.s_matrix
    try:
        st_base, t_base = timed(doubt.stability, g, lv["camps"], runs=base_runs)
    finally:
        doubt.s_matrix = fast
    same = st_base == doubt.stability(g, lv["camps"], runs=base_runs)
    row(f"doubt: {runs} bootstrap resamples", t_boot, t_base * runs / base_runs,
        f"{t_boot / max(runs, 1):.3f} s a resample; baseline: every pair over every target "
        f"({base_runs} resamples, scaled; same stabilities: {same})")
    row(f"doubt: ties + {runs} bootstrap resamples", t_ties + t_boot, None, f"{unstable} actors under {doubt.STABLE}")
    row("camps end to end with doubt", total + t_ties + t_boot, None, "target: under 5 s")
    row("camps end to end (build+align+signed)", t_build + t_al + t_aff + t_lv + t_sg, None,
        "louvain is the signed method's first start")

    tracemalloc.start()
    g2 = build_graphs(edges, kinds)
    camps.find_camps(g2, "signed")
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: tracemalloc {peak:.0f} MiB (build + signed camps), max RSS {rss:.0f} MiB (whole run)")

    if args.store:
        from kg.model import Statement
        from kg.store.embedded import EmbeddedStore

        n = min(args.store, len(src))
        random.seed(0)
        with tempfile.TemporaryDirectory() as tmp:
            db = EmbeddedStore(Path(tmp) / "kg.sqlite")

            def statements():
                for i in range(n):
                    yield Statement.create(speaker=f"A{src[i]:03d}", on_behalf_of=f"A{src[i]:03d}",
                                           date=DAY0 + timedelta(int(day[i])), stance=STANCES[stance[i]],
                                           targets=[f"A{tgt[i]:03d}"], quote=f"q{i}",
                                           source="https://example.org/bench", confidence=float(conf[i]))

            t = time.perf_counter()
            db.db.execute("BEGIN IMMEDIATE")
            db.write_statements(statements())
            db.db.execute("COMMIT")
            t_load = time.perf_counter() - t
            store_edges, t_se = timed(db.stance_edges)
            summed, t_sum = timed(db.stance_edges, StatementFilter(since=date(1900, 1, 1)))
            assert summed == store_edges, "the kept edges differ from the statements' sums"
            from kg.reports.camps import camps as camps_report
            from kg.reports.common import Options

            report, t_camps = timed(camps_report, db, opts=Options(all_actors=True), runs=args.bootstrap)
            db.close()
        row(f"embedded store: load {n:,}", t_load)
        row("embedded store: stance_edges", t_se, t_sum, f"{len(store_edges):,} edges; kept at load time, "
            "baseline: added up from the statements")
        row(f"kg camps on the store ({args.bootstrap} resamples)", t_camps, None,
            f"{len(report['camps'])} camps, evidence read from the store; target under 5 s: "
            + ("met" if t_camps < 5 else "NOT MET"))


if __name__ == "__main__":
    main()
