"""``kg camps`` and ``kg plot camps``: the camps, the stances that define them, and their picture."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np

from kg.analysis import camps as cmp
from kg.analysis import doubt
from kg.analysis.graph import ActorGraphs, stance_class
from kg.analysis.stance import ref
from kg.reports.common import CODE_NAMES, EVIDENCE, Options, build, check_method, pick_evidence, rounded
from kg.store import Store


def defining_stances(graphs: ActorGraphs, members: list[str], top: int = 4) -> list[dict]:
    """The stances a camp's members share (same code toward the same target), and its inner support."""
    rows = []
    inside = set(members)
    targets = sorted({t for a in members for t, c in graphs.profiles[a].items() if not c.get("self")})
    for t in targets:
        by_code: dict[int, list[str]] = {}
        for a in members:
            cell = graphs.profiles[a].get(t)
            if cell and not cell.get("self"):
                by_code.setdefault(cell["code"], []).append(a)
        for code, holders in by_code.items():
            internal = t in inside and code > 0
            if len(holders) < 2 and not internal and len(members) > 1:
                continue
            counts: Counter = Counter()
            for a in holders:
                for s, n in graphs.profiles[a][t]["stances"].items():
                    if stance_class(s) == code:
                        counts[s] += n
            rows.append({"target": t, "code": code, "holders": sorted(holders),
                         "stances": dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
                         "internal": internal})
    rows.sort(key=lambda r: (-len(r["holders"]), -r["internal"], -abs(r["code"]), r["target"]))
    return rows[:top]


def camps(store: Store, method: str = "louvain", opts: Options = Options(),
          evidence_per_stance: int = EVIDENCE, runs: int = doubt.RUNS,
          progress: Callable[[int], None] | None = None, explain: bool = False) -> dict:
    """The camps, their members and the stances that define them, with evidence and doubt.

    Returns a dict with ``method``, ``options``, ``actors`` (how many take part), ``camps`` (each:
    ``camp``, ``members``, ``defining`` stances with ``evidence``), ``unplaced``, ``unaligned``
    and the partition's ``frustration``, ``frustrated`` ties, ``triangles`` and ``modularity``.
    Every member (and unplaced actor) carries ``statements`` (how many its place rests on),
    ``single`` (one statement only), ``tie`` (mean affinity to the other members) and
    ``stability`` (share of ``runs`` bootstrap resamples that keep it with its camp's core; see
    :mod:`kg.analysis.doubt`). Members under :data:`kg.analysis.doubt.STABLE` are ``unplaced``
    instead (too little evidence); ``runs`` 0 skips the bootstrap (stability None). With
    ``explain``, ``explain`` says how far the camps follow memberships and alliances
    (:func:`kg.reports.ties.follows`, on the window's last day).
    """
    check_method(method)
    index, graphs = build(store, opts)
    A = cmp.affinity(graphs, opts.with_ties, positions=method == "positions")
    found = cmp.find_camps(graphs, method, opts.with_ties, opts.seed, A=A)
    inv = store.involvement(opts.where(), opts.rollup)
    ties = doubt.camp_ties(graphs, found["camps"], A=A)
    stable = (doubt.stability(graphs, found["camps"], opts.with_ties, runs, opts.seed, opts.half_life, progress,
                              positions=method == "positions") if runs else {})

    def member(a: str) -> dict:
        n = inv.get(a, 0)
        return {**ref(index, a), "statements": n, "single": n == 1, "tie": ties.get(a),
                "stability": stable.get(a)}

    def placed(a: str) -> bool:
        s = stable.get(a)
        return s is None or s >= doubt.STABLE

    out, unplaced = [], []
    for members in found["camps"]:
        unplaced += [member(a) for a in members if not placed(a)]
        members = [a for a in members if placed(a)]
        if not members:
            continue
        k = len(out) + 1
        defining = []
        for d in defining_stances(graphs, members):
            defining.append({"target": ref(index, d["target"]), "class": CODE_NAMES[d["code"]],
                             "holders": [ref(index, a) for a in d["holders"]],
                             "stances": d["stances"], "internal": d["internal"],
                             "evidence": pick_evidence(store, index, opts, d["holders"], d["target"],
                                                       d["code"], evidence_per_stance, list(d["stances"]),
                                                       graphs.parties)})
        row = {"camp": k, "members": [member(a) for a in members], "defining": defining}
        if opts.with_ties:
            row["prior_ties"] = [{"a": u, "b": v, **graphs.prior[u][v]}
                                 for u, v in sorted(tuple(sorted(e)) for e in graphs.prior.edges())
                                 if u in members and v in members]
        out.append(row)
    extra = {}
    if explain:
        from kg.reports.ties import follows

        extra["explain"] = follows(store, graphs.ids, [[m["id"] for m in c["members"]] for c in out],
                                   opts.until or graphs.reference)
    return {"method": method, "options": opts.describe(), "actors": len(graphs.ids),
            "parties": [ref(index, a) for a in sorted(graphs.parties)], "directed_demands": graphs.directed,
            "camps": out, "unplaced": sorted(unplaced, key=lambda m: m["id"]), "bootstrap": runs,
            "unaligned": [ref(index, a) for a in found["unaligned"]],
            "frustration": found["frustration"], "frustrated": found["frustrated"],
            "triangles": found["triangles"], "modularity": found["modularity"],
            "exact": found["exact"], **extra}


def camps_picture(store: Store, method: str = "louvain", opts: Options = Options()) -> dict:
    """Plain data for :func:`kg.plot.camps`: nodes with camps, signed ties, affinities, prior ties."""
    check_method(method)
    index, graphs = build(store, opts)
    A = cmp.affinity(graphs, opts.with_ties, positions=method == "positions")
    found = cmp.find_camps(graphs, method, opts.with_ties, opts.seed, A=A)
    ids = list(graphs.ids)
    g = graphs.signed()
    aff = [{"a": ids[i], "b": ids[j], "weight": rounded(A[i, j])}
           for i, j in zip(*np.nonzero(np.triu(A > 1e-9, 1)), strict=True)]
    return {"method": method, "options": opts.describe(),
            "nodes": [{"id": a, "name": graphs.name(a), "camp": found["camp_of"][a]} for a in ids],
            "ties": [{"a": u, "b": v, "sign": d["sign"], "weight": rounded(abs(d["weight"]))}
                     for u, v, d in sorted(g.edges(data=True))],
            "affinity": aff,
            "even_handed": [{"a": u, "b": v} for u, v, d in sorted(graphs.ties.edges(data=True))
                            if d["neutral"] > 0 and d["sign"] == 0],
            "prior": [{"a": u, "b": v, "kind": d["kind"]} for u, v, d in sorted(graphs.prior.edges(data=True))],
            "camps": found["camps"]}
