"""``kg align``: how aligned two actors are, and on what."""
from __future__ import annotations

from kg.analysis import alignment
from kg.analysis import camps as cmp
from kg.analysis.stance import ref
from kg.errors import AnalysisError
from kg.reports.common import CODE_NAMES, Options, build, node_of, pick_evidence, rounded
from kg.store import Store


def why_undefined(cmpd: dict) -> str | None:
    """Why S, κ or π is None (n/a) in a :func:`kg.analysis.alignment.compare` result; None if all are defined.

    With no shared target nothing is defined. Otherwise only κ and π can be undefined, and both
    are exactly when their chance agreement p_e is 1: both actors took one and the same class
    toward every shared target (κ's p_e = sum p_A p_B and π's pooled p_e reach 1 only then).

    >>> why_undefined({"s": None, "kappa": None, "pi": None, "n": 0, "agree": []})
    'no shared targets'
    >>> why_undefined({"s": 1.0, "kappa": None, "pi": None, "n": 2,
    ...                "agree": [{"a": 0, "b": 0}, {"a": 0, "b": 0}]})
    'both even-handed toward all 2 shared targets, so chance agreement is 1'
    """
    if cmpd["n"] == 0:
        return "no shared targets"
    if cmpd["kappa"] is not None and cmpd["pi"] is not None:
        return None
    codes = {r["a"] for r in cmpd["agree"]} | {r["b"] for r in cmpd["agree"]}
    if len(codes) == 1 and len(cmpd["agree"]) == cmpd["n"]:
        target = f"all {cmpd['n']} shared targets" if cmpd["n"] > 1 else "the one shared target"
        return f"both {CODE_NAMES[codes.pop()]} toward {target}, so chance agreement is 1"
    return "chance agreement is 1"


def align(store: Store, a: str, b: str, opts: Options = Options()) -> dict:
    """S, κ, π and n shared targets of two actors, the stances they share and those they contradict.

    ``why_undefined`` says why S, κ or π is None (n/a), and is None when all three are defined.
    """
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
            "why_undefined": why_undefined(cmpd),
            "agree": rows("agree"), "contradict": rows("contradict"), "differ": rows("differ"),
            "a_to_b": tie(x, y), "b_to_a": tie(y, x),
            "same_camp": ca is not None and ca == cb}
