"""``kg timeline`` and ``kg plot timeline``: an actor's course, window by window."""
from __future__ import annotations

from collections import Counter
from datetime import date

from kg.actors import ActorIndex
from kg.analysis import alignment
from kg.analysis import camps as cmp
from kg.analysis import timeline as tl
from kg.analysis.graph import from_store, participant_rule
from kg.analysis.stance import ref
from kg.errors import AnalysisError
from kg.reports.common import CODE_NAMES, Options, build, node_of, rounded, span_text
from kg.store import Store


def statements_by_day(store: Store, index: ActorIndex, opts: Options, aid: str) -> tuple[Counter, Counter]:
    """Per day, the statements the graphs draw on, and those of them by, for or toward ``aid``.

    A statement is drawn on when its speaker (or, rolled up, the actor spoken for) and at least
    one of its targets take part (:func:`kg.analysis.graph.participant_rule`) and differ. It is
    the actor's when the actor is its source or one of those targets (a person's statement
    counts for whom they speak when rolled up, as in the graph). Each statement counts once,
    however many targets it names.
    """
    kinds = {a: actor.kind for a, actor in index.actors.items()}
    who = participant_rule(kinds, index.speaks_for, opts.rollup, opts.all_actors)
    drawn, own = Counter(), Counter()
    for s in store.statements(opts.where()):
        src = who((s.on_behalf_of or s.speaker) if opts.rollup else s.speaker, s.date)
        if src is None:
            continue
        tgts = {t for t in (who(x, s.date) for x in s.targets) if t is not None and t != src}
        if tgts:
            drawn[s.date] += 1
            own[s.date] += aid == src or aid in tgts
    return drawn, own


def _count(per_day: Counter, start: date, end: date) -> int:
    return sum(n for d, n in per_day.items() if start <= d <= end)


def timeline(store: Store, actor: str, window: str = "7d", opts: Options = Options(),
             cumulative: bool = False, top: int = 3) -> dict:
    """An actor's camp, closest and most opposed actors and stances, window by window.

    Windows of ``window`` (``7d``, ``2w``) are laid over the days that have statements
    (:func:`kg.analysis.timeline.data_windows`): the first starts on the first day with a
    statement (from ``opts.since`` on), each later one on the next day with a statement after
    the previous one ends, and the last is cut at ``opts.until`` (default: the last statement).
    So no window is empty; a stretch without statements between two windows is one row with
    ``gap`` true. With ``cumulative`` every window starts on the first window's first day.

    Returns ``{"actor", "window", "days", "cumulative", "options", "windows", "names"}``;
    each of ``windows`` holds:

    - ``start``, ``end``: the window's first and last day (ISO dates);
    - ``gap``: true for a stretch without statements (then ``statements`` and
      ``all_statements`` are 0 and ``present`` is false);
    - ``statements``: the statements by, for or toward the actor that the window's graph draws
      on (see :func:`statements_by_day`), each counted once however many targets it names;
    - ``all_statements``: every statement the window's graph draws on, each once;
    - ``present``: whether the actor takes part in the window's graph;

    and, when present (with at least one other actor):

    - ``camp``: the actor's camp (Louvain), actor refs;
    - ``changes``: ``{"joined", "left"}`` (actor ids) against the camp of the previous window
      in which the actor was present, or None for the first such window;
    - ``closest``, ``most_opposed``: up to ``top`` ``{"actor", "s", "n"}`` by S score;
    - ``toward``: the actor's stances, ``{"target", "class", "value", "stances"}``;
    - ``s``: the S score with every actor it shares a target with, by id.
    """
    days = tl.parse_window(window)
    index, whole = build(store, opts, minimum=1)
    aid = node_of(index, whole, actor, opts)
    drawn, own = statements_by_day(store, index, opts, aid)
    spans = tl.data_windows(drawn, days, opts.until)
    if not spans:
        raise AnalysisError(f"no statement by or toward the taking-part actors {span_text(opts)}"
                            if opts.where() else "no statement links two taking-part actors")
    first = spans[0][0]
    rows, previous, names = [], None, {}
    for start, end, gap in spans:
        if gap:
            rows.append({"start": start.isoformat(), "end": end.isoformat(), "gap": True,
                         "statements": 0, "all_statements": 0, "present": False})
            continue
        w = Options(first if cumulative else start, end, opts.rollup, opts.all_actors,
                    opts.with_ties, opts.half_life, opts.seed, opts.datasets)
        graphs = from_store(store, w.where(), rollup=w.rollup, all_actors=w.all_actors,
                            with_ties=w.with_ties, half_life=w.half_life, index=index)
        row = {"start": w.since.isoformat(), "end": end.isoformat(), "gap": False,
               "statements": _count(own, w.since, end), "all_statements": _count(drawn, w.since, end),
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
