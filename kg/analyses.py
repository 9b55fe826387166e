"""The library behind the alignment commands: a Store in, plain data out.

Each function reads the store only through the :class:`~kg.store.Store` interface (the
aggregated :meth:`~kg.store.Store.stance_edges` for the graphs, :meth:`~kg.store.Store.statements`
for a few pieces of evidence), so every store gives the same answer. Results are plain dicts and
lists (``json.dumps`` writes them), in a stable order, with floats rounded.

Bad input raises :class:`~kg.errors.AnalysisError` (an empty store, a window with no
statements, fewer than two actors) or :class:`~kg.errors.UnknownActorError`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np

from kg.actors import ActorIndex
from kg.analysis import alignment
from kg.analysis import balance as bal
from kg.analysis import brokers as brk
from kg.analysis import camps as cmp
from kg.analysis import timeline as tl
from kg.analysis.graph import DEFAULT_HALF_LIFE, ActorGraphs, from_store, stance_class
from kg.analysis.stance import _strength, evidence, ref
from kg.errors import AnalysisError
from kg.store import StatementFilter, Store

EVIDENCE = 2
CODE_NAMES = {1: "friendly", 0: "even-handed", -1: "hostile"}


@dataclass(frozen=True)
class Options:
    """What every analysis shares: the window and how the graph is built."""

    since: date | None = None
    until: date | None = None
    rollup: bool = True
    all_actors: bool = False
    with_ties: bool = False
    half_life: float | None = DEFAULT_HALF_LIFE
    seed: int = 0

    def where(self) -> StatementFilter | None:
        if self.since is None and self.until is None:
            return None
        return StatementFilter(since=self.since, until=self.until)

    def window(self) -> dict:
        return {"since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None}

    def describe(self) -> dict:
        return {**self.window(), "rollup": self.rollup, "all_actors": self.all_actors,
                "with_ties": self.with_ties, "half_life": self.half_life, "seed": self.seed}


def index_for(store: Store) -> ActorIndex:
    return ActorIndex.default().extend(store.actors(), store.roles())


def _span(opts: Options) -> str:
    if opts.since and opts.until:
        return f"between {opts.since} and {opts.until}"
    if opts.since:
        return f"since {opts.since}"
    return f"up to {opts.until}"


def build(store: Store, opts: Options, index: ActorIndex | None = None, minimum: int = 2
          ) -> tuple[ActorIndex, ActorGraphs]:
    """The graphs of ``store`` for ``opts``; AnalysisError when there is nothing to analyse."""
    if store.counts()["statements"] == 0:
        raise AnalysisError("the store holds no statements: load a dataset first "
                            "(kg load ingest/datasets/nagorno-karabakh-2020.yaml)")
    index = index or index_for(store)
    if opts.since and opts.until and opts.since > opts.until:
        raise AnalysisError(f"--since {opts.since} is after --until {opts.until}")
    graphs = from_store(store, opts.where(), rollup=opts.rollup, all_actors=opts.all_actors,
                        with_ties=opts.with_ties, half_life=opts.half_life, index=index)
    if not graphs.edges:
        if opts.where() is not None and not store.stance_edges(opts.where(), opts.rollup):
            raise AnalysisError(f"no statements {_span(opts)}")
        raise AnalysisError("no statement links two taking-part actors (states, organisations, "
                            "authorities, armed groups); try --all-actors")
    if len(graphs.ids) < minimum:
        only = ", ".join(graphs.name(a) for a in graphs.ids)
        raise AnalysisError(f"only {len(graphs.ids)} actor takes part ({only}): "
                            f"this needs at least {minimum}; try --all-actors or a wider window")
    return index, graphs


def _node(index: ActorIndex, graphs: ActorGraphs, name: str, opts: Options) -> str:
    """The node an actor name stands for in ``graphs`` (a person counts for whom they speak for)."""
    actor = index.resolve(name)
    aid = actor.id
    if aid not in graphs.ties and actor.kind == "person" and opts.rollup:
        aid = index.speaks_for(actor.id, opts.until) or aid
    if aid not in graphs.ties:
        why = ("" if actor.kind in ("state", "organization", "authority", "armed_group")
               else f" (a {actor.kind} takes part only with --all-actors or as the office it holds)")
        raise AnalysisError(f"{actor.name} takes no part in the statements "
                            f"{_span(opts) if opts.where() else 'in the store'}{why}")
    return aid


def _people_of(index: ActorIndex, actor_id: str) -> set[str]:
    return {p for p, roles in index.roles.items() if any(r.holder == actor_id for r in roles)}


def _evidence(store: Store, index: ActorIndex, opts: Options, by: list[str], target: str,
              cls: int | None, k: int = EVIDENCE, prefer: list[str] | None = None) -> list[dict]:
    """The strongest ``k`` statements by ``by`` toward ``target`` of stance class ``cls``.

    One per actor spoken for first; stances in ``prefer`` (most typical first) before others.
    """
    names = None
    if cls is not None:
        from kg.vocab import stances

        names = frozenset(s for s in stances() if stance_class(s) == cls)
    where = StatementFilter(by=frozenset(by), toward=frozenset({target} | _people_of(index, target)),
                            stances=names, since=opts.since, until=opts.until)
    rank = {s: i for i, s in enumerate(prefer or [])}
    found = sorted(store.statements(where), key=lambda s: (rank.get(s.stance, len(rank)), _strength(s)))
    picked, seen = [], set()
    for s in found:  # one per actor spoken for first, then the rest
        who = s.on_behalf_of or s.speaker
        if who not in seen:
            seen.add(who)
            picked.append(s)
    picked += [s for s in found if s not in picked]
    return [evidence(index, s) for s in picked[:k]]


def _r(x) -> float | None:
    return None if x is None or (isinstance(x, float) and np.isnan(x)) else round(float(x), 3)


# -- camps -----------------------------------------------------------------------------------
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
          evidence_per_stance: int = EVIDENCE) -> dict:
    """The camps, their members and the stances that define them, with evidence.

    Returns a dict with ``method``, ``options``, ``actors`` (how many take part), ``camps`` (each:
    ``camp``, ``members``, ``defining`` stances with ``evidence``), ``unaligned`` and the
    partition's ``frustration``, ``frustrated`` ties, ``triangles`` and ``modularity``.
    """
    if method not in cmp.METHODS:
        raise AnalysisError(f"unknown method {method!r} (choose from {', '.join(cmp.METHODS)})")
    index, graphs = build(store, opts)
    found = cmp.find_camps(graphs, method, opts.with_ties, opts.seed)
    out = []
    for k, members in enumerate(found["camps"], 1):
        defining = []
        for d in defining_stances(graphs, members):
            defining.append({"target": ref(index, d["target"]), "class": CODE_NAMES[d["code"]],
                             "holders": [ref(index, a) for a in d["holders"]],
                             "stances": d["stances"], "internal": d["internal"],
                             "evidence": _evidence(store, index, opts, d["holders"], d["target"],
                                                   d["code"], evidence_per_stance, list(d["stances"]))})
        row = {"camp": k, "members": [ref(index, a) for a in members], "defining": defining}
        if opts.with_ties:
            row["prior_ties"] = [{"a": u, "b": v, **graphs.prior[u][v]}
                                 for u, v in sorted(tuple(sorted(e)) for e in graphs.prior.edges())
                                 if u in members and v in members]
        out.append(row)
    return {"method": method, "options": opts.describe(), "actors": len(graphs.ids), "camps": out,
            "unaligned": [ref(index, a) for a in found["unaligned"]],
            "frustration": found["frustration"], "frustrated": found["frustrated"],
            "triangles": found["triangles"], "modularity": found["modularity"],
            "exact": found["exact"]}


# -- align -----------------------------------------------------------------------------------
def align(store: Store, a: str, b: str, opts: Options = Options()) -> dict:
    """S, κ, π and n shared targets of two actors, the stances they share and those they contradict."""
    index, graphs = build(store, opts)
    x, y = _node(index, graphs, a, opts), _node(index, graphs, b, opts)
    if x == y:
        raise AnalysisError(f"{a!r} and {b!r} are the same actor ({graphs.name(x)})")
    cmpd = alignment.compare(graphs.profiles, x, y)

    def side(actor: str, target: str) -> dict:
        cell = graphs.profiles[actor][target]
        if cell.get("self"):
            return {"class": "itself", "stances": {}, "evidence": []}
        return {"class": CODE_NAMES[cell["code"]], "value": _r(cell["value"]),
                "stances": cell["stances"],
                "evidence": _evidence(store, index, opts, [actor], target, None, 1)}

    def rows(kind: str) -> list[dict]:
        return [{"target": ref(index, r["target"]), "a": side(x, r["target"]),
                 "b": side(y, r["target"])} for r in cmpd[kind]]

    def tie(u: str, v: str) -> dict | None:
        if not graphs.ties.has_edge(u, v):
            return None
        d = graphs.ties[u][v]
        return {"sign": d["sign"], "net": _r(d["net"]), "stances": d["stances"],
                "evidence": _evidence(store, index, opts, [u], v, None, 1)}

    found = cmp.find_camps(graphs, "louvain", opts.with_ties, opts.seed)
    ca, cb = found["camp_of"][x], found["camp_of"][y]
    return {"a": ref(index, x), "b": ref(index, y), "options": opts.describe(),
            "s": cmpd["s"], "kappa": cmpd["kappa"], "pi": cmpd["pi"], "n": cmpd["n"],
            "agree": rows("agree"), "contradict": rows("contradict"), "differ": rows("differ"),
            "a_to_b": tie(x, y), "b_to_a": tie(y, x),
            "same_camp": ca is not None and ca == cb}


# -- balance ---------------------------------------------------------------------------------
def balance(store: Store, opts: Options = Options()) -> dict:
    """Structural balance of what actors said about each other (friendly and hostile ties).

    Reports the signed tie graph's size, its triangles and balanced share, the classical
    frustration index (best split into two camps) and the generalized one (any number of camps,
    Doreian–Mrvar), each with its partition and the ties it leaves frustrated; and, for
    comparison, the same figures on the affinity graph the camps are found on.
    """
    index, graphs = build(store, opts)
    g = graphs.signed()
    ids = sorted(n for n in g.nodes if g.degree(n) > 0)
    if len(ids) < 2:
        where = _span(opts) if opts.where() else "in the store"
        raise AnalysisError(f"no friendly or hostile tie between two actors {where}: balance needs signed ties")
    W = bal.matrix(g, ids)
    signs = np.sign(W)
    out = {"options": opts.describe(), "actors": len(ids),
           "ties": {"positive": int((np.triu(signs, 1) > 0).sum()),
                    "negative": int((np.triu(signs, 1) < 0).sum())},
           "triangles": bal.triangles(W)}
    for key, k in (("two_camps", 2), ("camps", None)):
        part = bal.signed_partition(W, max_clusters=k, seed=opts.seed)
        groups: dict[int, list[str]] = {}
        for a, c in zip(ids, part["labels"], strict=True):
            groups.setdefault(c, []).append(a)
        bad = []
        for i, j in bal.frustrated_pairs(W, part["labels"]):
            u, v = ids[i], ids[j]
            bad.append({"a": ref(index, u), "b": ref(index, v), "sign": int(signs[i, j]),
                        "weight": _r(W[i, j]),
                        "why": "hostile tie inside a camp" if W[i, j] < 0 else "friendly tie across camps"})
        out[key] = {"frustration": part["frustration"], "frustrated": part["frustrated"],
                    "exact": part["exact"],
                    "partition": [[ref(index, a) for a in sorted(m)] for m in
                                  sorted(groups.values(), key=lambda m: (-len(m), sorted(m)[0]))],
                    "frustrated_ties": bad}
    A = cmp.affinity(graphs, opts.with_ties)
    signed = cmp.find_camps(graphs, "signed", opts.with_ties, opts.seed, A=A)
    out["affinity"] = {"actors": len(graphs.ids), "triangles": bal.triangles(A),
                       "frustration": signed["frustration"], "frustrated": signed["frustrated"]}
    return out


# -- brokers ---------------------------------------------------------------------------------
def brokers(store: Store, method: str = "louvain", opts: Options = Options()) -> dict:
    """Who sits between the camps: betweenness, mediators (even-handed to several camps), brokers."""
    index, graphs = build(store, opts)
    found = cmp.find_camps(graphs, method, opts.with_ties, opts.seed)
    rows = brk.find_brokers(graphs, found["camp_of"])
    return {"method": method, "options": opts.describe(),
            "camps": [[ref(index, a) for a in c] for c in found["camps"]],
            "brokers": [{**r, "actor": ref(index, r["actor"])} for r in rows]}


# -- timeline --------------------------------------------------------------------------------
def timeline(store: Store, actor: str, window: str = "7d", opts: Options = Options(),
             cumulative: bool = False, top: int = 3) -> dict:
    """An actor's camp, closest and most opposed actors and stances, window by window.

    Windows of ``window`` (``7d``, ``2w``) run from ``opts.since`` (default: the first statement)
    to ``opts.until`` (default: the last); with ``cumulative`` each window starts at the first.
    A window in which the actor took no part is reported with ``present`` false.
    """
    days = tl.parse_window(window)
    index, whole = build(store, opts, minimum=1)
    aid = _node(index, whole, actor, opts)
    since = opts.since or min(e.first for e in whole.edges)
    until = opts.until or max(e.last for e in whole.edges)
    rows, previous, names = [], None, {}
    for start, end in tl.windows(since, until, days):
        w = Options(since if cumulative else start, end, opts.rollup, opts.all_actors,
                    opts.with_ties, opts.half_life, opts.seed)
        graphs = from_store(store, w.where(), rollup=w.rollup, all_actors=w.all_actors,
                            with_ties=w.with_ties, half_life=w.half_life, index=index)
        row = {"start": w.since.isoformat(), "end": end.isoformat(),
               "statement_targets": sum(e.n for e in graphs.edges),
               "present": aid in graphs.ties}
        if row["present"] and len(graphs.ids) >= 2:
            found = cmp.find_camps(graphs, "louvain", w.with_ties, w.seed)
            k = found["camp_of"][aid]
            camp = found["camps"][k - 1] if k else [aid]
            m = alignment.alignment_matrix(graphs.profiles, graphs.ids)
            i = graphs.ids.index(aid)
            pairs = [(graphs.ids[j], float(m["s"][i, j]), int(m["n"][i, j]))
                     for j in range(len(graphs.ids)) if j != i and m["n"][i, j] > 0]
            pairs.sort(key=lambda p: (-p[1], -p[2], p[0]))
            row.update({
                "camp": [ref(index, a) for a in camp],
                "changes": tl.changes(previous, camp) if previous is not None else None,
                "closest": [{"actor": ref(index, a), "s": _r(s), "n": n} for a, s, n in pairs[:top] if s > 0],
                "most_opposed": [{"actor": ref(index, a), "s": _r(s), "n": n}
                                 for a, s, n in sorted(pairs, key=lambda p: (p[1], -p[2], p[0]))[:top] if s < 0],
                "toward": [{"target": ref(index, t), "class": CODE_NAMES[c["code"]],
                            "value": _r(c["value"]), "stances": c["stances"]}
                           for t, c in graphs.profiles[aid].items() if not c.get("self")],
                "s": {a: _r(s) for a, s, _ in sorted(pairs)}})
            names.update({a: graphs.name(a) for a, _, _ in pairs})
            previous = camp
        rows.append(row)
    if not any(r["present"] for r in rows):
        raise AnalysisError(f"{whole.name(aid)} takes part in no window {_span(opts) if opts.where() else ''}".rstrip())
    return {"actor": ref(index, aid), "window": window, "days": days, "cumulative": cumulative,
            "options": opts.describe(), "windows": rows, "names": dict(sorted(names.items()))}


# -- pictures --------------------------------------------------------------------------------
def camps_picture(store: Store, method: str = "louvain", opts: Options = Options()) -> dict:
    """Plain data for :func:`kg.plot.camps`: nodes with camps, signed ties, affinities, prior ties."""
    index, graphs = build(store, opts)
    A = cmp.affinity(graphs, opts.with_ties)
    found = cmp.find_camps(graphs, method, opts.with_ties, opts.seed, A=A)
    ids = list(graphs.ids)
    g = graphs.signed()
    aff = [{"a": ids[i], "b": ids[j], "weight": _r(A[i, j])}
           for i, j in zip(*np.nonzero(np.triu(A > 1e-9, 1)), strict=True)]
    return {"method": method, "options": opts.describe(),
            "nodes": [{"id": a, "name": graphs.name(a), "camp": found["camp_of"][a]} for a in ids],
            "ties": [{"a": u, "b": v, "sign": d["sign"], "weight": _r(abs(d["weight"]))}
                     for u, v, d in sorted(g.edges(data=True))],
            "affinity": aff,
            "even_handed": [{"a": u, "b": v} for u, v, d in sorted(graphs.ties.edges(data=True))
                            if d["neutral"] > 0 and d["sign"] == 0],
            "prior": [{"a": u, "b": v, "kind": d["kind"]} for u, v, d in sorted(graphs.prior.edges(data=True))],
            "camps": found["camps"]}
