"""``kg timeline`` and ``kg plot timeline``: an actor's course, window by window."""
from __future__ import annotations

from kg.analysis import alignment
from kg.analysis import camps as cmp
from kg.analysis import timeline as tl
from kg.analysis.graph import from_store
from kg.analysis.stance import ref
from kg.errors import AnalysisError
from kg.reports.common import CODE_NAMES, Options, build, node_of, rounded, span_text
from kg.store import Store


def timeline(store: Store, actor: str, window: str = "7d", opts: Options = Options(),
             cumulative: bool = False, top: int = 3) -> dict:
    """An actor's camp, closest and most opposed actors and stances, window by window.

    Windows of ``window`` (``7d``, ``2w``) run from ``opts.since`` (default: the first statement)
    to ``opts.until`` (default: the last); with ``cumulative`` each window starts at the first.
    A window in which the actor took no part is reported with ``present`` false.
    """
    days = tl.parse_window(window)
    index, whole = build(store, opts, minimum=1)
    aid = node_of(index, whole, actor, opts)
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
                "closest": [{"actor": ref(index, a), "s": rounded(s), "n": n} for a, s, n in pairs[:top] if s > 0],
                "most_opposed": [{"actor": ref(index, a), "s": rounded(s), "n": n}
                                 for a, s, n in sorted(pairs, key=lambda p: (p[1], -p[2], p[0]))[:top] if s < 0],
                "toward": [{"target": ref(index, t), "class": CODE_NAMES[c["code"]],
                            "value": rounded(c["value"]), "stances": c["stances"]}
                           for t, c in graphs.profiles[aid].items() if not c.get("self")],
                "s": {a: rounded(s) for a, s, _ in sorted(pairs)}})
            names.update({a: graphs.name(a) for a, _, _ in pairs})
            previous = camp
        rows.append(row)
    if not any(r["present"] for r in rows):
        where = span_text(opts) if opts.where() else ""
        raise AnalysisError(f"{whole.name(aid)} takes part in no window {where}".rstrip())
    return {"actor": ref(index, aid), "window": window, "days": days, "cumulative": cumulative,
            "options": opts.describe(), "windows": rows, "names": dict(sorted(names.items()))}
