"""``kg balance``: structural balance of the friendly and hostile ties."""
from __future__ import annotations

import numpy as np

from kg.analysis import balance as bal
from kg.analysis import camps as cmp
from kg.analysis.stance import ref
from kg.errors import AnalysisError
from kg.reports.common import Options, build, rounded, span_text
from kg.store import Store


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
        where = span_text(opts) if opts.where() else "in the store"
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
                        "weight": rounded(W[i, j]),
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
