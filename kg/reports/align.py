"""``kg align``: how aligned two actors are, and on what."""
from __future__ import annotations

from kg.analysis import alignment
from kg.analysis import camps as cmp
from kg.analysis.stance import ref
from kg.errors import AnalysisError
from kg.reports.common import CODE_NAMES, Options, build, node_of, pick_evidence, rounded
from kg.store import Store


def align(store: Store, a: str, b: str, opts: Options = Options()) -> dict:
    """S, κ, π and n shared targets of two actors, the stances they share and those they contradict."""
    index, graphs = build(store, opts)
    x, y = node_of(index, graphs, a, opts), node_of(index, graphs, b, opts)
    if x == y:
        raise AnalysisError(f"{a!r} and {b!r} are the same actor ({graphs.name(x)})")
    cmpd = alignment.compare(graphs.profiles, x, y)

    def side(actor: str, target: str) -> dict:
        cell = graphs.profiles[actor][target]
        if cell.get("self"):
            return {"class": "itself", "stances": {}, "evidence": []}
        return {"class": CODE_NAMES[cell["code"]], "value": rounded(cell["value"]),
                "stances": cell["stances"],
                "evidence": pick_evidence(store, index, opts, [actor], target, None, 1)}

    def rows(kind: str) -> list[dict]:
        return [{"target": ref(index, r["target"]), "a": side(x, r["target"]),
                 "b": side(y, r["target"])} for r in cmpd[kind]]

    def tie(u: str, v: str) -> dict | None:
        if not graphs.ties.has_edge(u, v):
            return None
        d = graphs.ties[u][v]
        return {"sign": d["sign"], "net": rounded(d["net"]), "stances": d["stances"],
                "evidence": pick_evidence(store, index, opts, [u], v, None, 1)}

    found = cmp.find_camps(graphs, "louvain", opts.with_ties, opts.seed)
    ca, cb = found["camp_of"][x], found["camp_of"][y]
    return {"a": ref(index, x), "b": ref(index, y), "options": opts.describe(),
            "s": cmpd["s"], "kappa": cmpd["kappa"], "pi": cmpd["pi"], "n": cmpd["n"],
            "agree": rows("agree"), "contradict": rows("contradict"), "differ": rows("differ"),
            "a_to_b": tie(x, y), "b_to_a": tie(y, x),
            "same_camp": ca is not None and ca == cb}
