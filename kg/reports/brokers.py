"""``kg brokers``: who sits between the camps."""
from __future__ import annotations

from kg.analysis import brokers as brk
from kg.analysis import camps as cmp
from kg.analysis.stance import ref
from kg.reports.common import Options, build, check_method
from kg.store import Store


def brokers(store: Store, method: str = "louvain", opts: Options = Options()) -> dict:
    """Who sits between the camps: betweenness among the speakers on the alignment graph, mediators
    (even-handed to several camps), brokers (friendly with several)."""
    check_method(method)
    index, graphs = build(store, opts)
    A = cmp.affinity(graphs, opts.with_ties, positions=method == "positions")
    found = cmp.find_camps(graphs, method, opts.with_ties, opts.seed, A=A)
    rows = brk.find_brokers(graphs, found["camp_of"], A)
    return {"method": method, "options": opts.describe(),
            "camps": [[ref(index, a) for a in c] for c in found["camps"]],
            "brokers": [{**r, "actor": ref(index, r["actor"])} for r in rows]}
