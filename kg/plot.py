"""Pictures of the analyses (matplotlib, Agg, no display needed), byte-identical for the same data.

Both functions take the plain data of :func:`kg.reports.camps.camps_picture` or
:func:`kg.reports.timeline.timeline` and write a PNG or SVG. Layouts use a fixed seed; SVG output
uses a fixed ``svg.hashsalt`` and no date, PNG output no software tag, so the same data gives
the same bytes.
"""
from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import networkx as nx  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from kg.errors import KgError  # noqa: E402
from kg.palette import PALETTE, camp_colour  # noqa: E402

FORMATS = ("png", "svg")
FRIENDLY, HOSTILE, ALIGNED, PRIOR, EVEN = "#2ca02c", "#d62728", "#b0b0b0", "#4a6fa5", "#e0a100"


def _format(out: Path) -> str:
    fmt = Path(out).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise KgError(f"--out: {out} must end in .png or .svg")
    return fmt


def _save(fig: Figure, out: Path) -> None:
    fmt = _format(out)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    meta = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
    with matplotlib.rc_context({"svg.hashsalt": "kg", "svg.fonttype": "path"}):
        try:
            fig.savefig(out, format=fmt, dpi=150, metadata=meta)
        except OSError as e:
            raise KgError(f"cannot write {out}: {e}") from None


def layout(nodes: list[dict], affinity: list[dict], seed: int = 0) -> dict[str, tuple[float, float]]:
    """Camps around a circle, each camp's members spread by a seeded spring layout inside it.

    >>> pos = layout([{"id": "A", "camp": 1}, {"id": "B", "camp": 1}, {"id": "C", "camp": None}], [])
    >>> sorted(pos), pos == layout([{"id": "A", "camp": 1}, {"id": "B", "camp": 1},
    ...                              {"id": "C", "camp": None}], [])
    (['A', 'B', 'C'], True)
    """
    camps: dict[int | None, list[str]] = {}
    for n in nodes:
        camps.setdefault(n["camp"], []).append(n["id"])
    keys = sorted(k for k in camps if k is not None)
    weight = {(a["a"], a["b"]): a["weight"] for a in affinity}
    pos: dict[str, tuple[float, float]] = {}
    k = max(len(keys), 1)
    radius = 0.0 if k == 1 else 3.0
    for i, c in enumerate(keys):
        angle = math.pi / 2 + 2 * math.pi * i / k
        cx, cy = radius * math.cos(angle), radius * math.sin(angle)
        members = sorted(camps[c])
        g = nx.Graph()
        g.add_nodes_from(members)
        g.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weight.items())
                                  if a in g and b in g)
        spread = 0.6 + 0.25 * math.sqrt(len(members))
        inner = nx.spring_layout(g, seed=seed, scale=spread, center=(cx, cy)) if len(members) > 1 \
            else {members[0]: (cx, cy)}
        pos.update({a: (float(x), float(y)) for a, (x, y) in inner.items()})
    loose = sorted(camps.get(None, []))
    for j, a in enumerate(loose):  # unaligned actors on an outer ring
        angle = 2 * math.pi * (j + 0.5) / max(len(loose), 1)
        r = 0.0 if not keys and len(loose) == 1 else radius + 2.2
        pos[a] = (r * math.cos(angle), r * math.sin(angle))
    return pos


def camps(data: dict, out: Path, seed: int = 0) -> Path:
    """Draw camps: nodes coloured by camp, friendly ties green, hostile red, alignment grey."""
    _format(out)
    names = {n["id"]: n["name"] for n in data["nodes"]}
    camp_of = {n["id"]: n["camp"] for n in data["nodes"]}
    pos = layout(data["nodes"], data["affinity"], seed)
    fig = Figure(figsize=(11, 9))
    ax = fig.add_subplot()
    ax.set_axis_off()
    for e in data["affinity"]:
        (x1, y1), (x2, y2) = pos[e["a"]], pos[e["b"]]
        ax.plot([x1, x2], [y1, y2], color=ALIGNED, lw=0.6 + 0.8 * min(e["weight"], 2), alpha=0.5, zorder=1)
    for e in data.get("even_handed", []):
        (x1, y1), (x2, y2) = pos[e["a"]], pos[e["b"]]
        ax.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=2,
                    arrowprops={"arrowstyle": "-|>", "color": EVEN, "lw": 0.9, "alpha": 0.6,
                                "ls": (0, (2, 2)), "shrinkA": 12, "shrinkB": 12})
    for e in data["prior"]:
        (x1, y1), (x2, y2) = pos[e["a"]], pos[e["b"]]
        ax.plot([x1, x2], [y1, y2], color=PRIOR, lw=1.2, ls=":", zorder=2)
    for e in data["ties"]:
        (x1, y1), (x2, y2) = pos[e["a"]], pos[e["b"]]
        ax.plot([x1, x2], [y1, y2], color=FRIENDLY if e["sign"] > 0 else HOSTILE,
                lw=1.2 + 1.2 * min(e["weight"], 3), alpha=0.85, zorder=3,
                ls="-" if e["sign"] > 0 else "--")
    for a in sorted(pos):
        c = camp_of[a]
        colour = camp_colour(c)
        x, y = pos[a]
        ax.scatter([x], [y], s=520, color=colour, edgecolors="black", linewidths=0.8, zorder=4)
        ax.annotate(names[a], (x, y), xytext=(0, -19), textcoords="offset points", ha="center",
                    va="top", fontsize=10, zorder=5,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85})
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    ax.set_xlim(min(xs) - 1.2, max(xs) + 1.2)
    ax.set_ylim(min(ys) - 1.2, max(ys) + 0.9)
    handles = []
    for i, members in enumerate(data["camps"], 1):
        label = ", ".join(names[a] for a in members)
        label = label if len(label) <= 60 else label[:57] + "..."
        handles.append(Patch(color=camp_colour(i), label=f"camp {i}: {label}"))
    handles += [Line2D([], [], color=FRIENDLY, lw=2.5, label="friendly tie (support, praise)"),
                Line2D([], [], color=HOSTILE, lw=2.5, ls="--",
                       label="hostile tie (accuse, condemn, oppose, warn, threaten)"),
                Line2D([], [], color=ALIGNED, lw=2, label="aligned stances (positive affinity)")]
    if data.get("even_handed"):
        handles.append(Line2D([], [], color=EVEN, lw=1.5, ls=(0, (2, 2)),
                              label="even-handed call (ceasefire, mediation, concern)"))
    if data["prior"]:
        handles.append(Line2D([], [], color=PRIOR, lw=1.5, ls=":", label="prior tie (membership, alliance)"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, fontsize=9,
              frameon=False)
    window = data["options"]
    span = " to ".join(x for x in (window.get("since"), window.get("until")) if x)
    ax.set_title(f"Camps ({data['method']}), {len(data['nodes'])} actors" + (f", {span}" if span else ""),
                 fontsize=13)
    fig.tight_layout()
    _save(fig, out)
    return Path(out)


def timeline(data: dict, out: Path, top: int = 6) -> Path:
    """Draw an actor's S score with its most frequent partners, window by window, over statement counts.

    The bars count statements once each (however many targets): all statements of the window,
    and those by, for or toward the actor. A stretch without statements is one "no statements" tick.
    """
    _format(out)
    rows = data["windows"]
    labels = [f"no statements to {r['end']}" if r.get("gap") else r["start"] for r in rows]
    names: dict[str, str] = dict(data.get("names", {}))
    seen: dict[str, list[float]] = {}
    for r in rows:
        for key in ("closest", "most_opposed"):
            for c in r.get(key, []):
                names[c["actor"]["id"]] = c["actor"]["name"]
        for a, s in (r.get("s") or {}).items():
            seen.setdefault(a, []).append(abs(s or 0))
    partners = sorted(seen, key=lambda a: (-len(seen[a]), -sum(seen[a]), a))[:top]
    fig = Figure(figsize=(11, 6.5))
    ax, bars = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    xs = list(range(len(rows)))
    for i, a in enumerate(sorted(partners)):
        ys = [(r.get("s") or {}).get(a) for r in rows]
        ys = [math.nan if y is None else y for y in ys]
        ax.plot(xs, ys, marker="o", lw=2, color=PALETTE[i % len(PALETTE)], label=names.get(a, a))
    ax.axhline(0, color="black", lw=0.8)
    ax.set_ylim(-1.1, 1.1)
    ax.set_ylabel("S score with " + data["actor"]["name"])
    ax.grid(axis="y", alpha=0.3)
    if partners:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, frameon=False)
    bars.bar(xs, [r["all_statements"] for r in rows], color="#d0d0d0", label="all statements")
    bars.bar(xs, [r["statements"] for r in rows], color="#7f7f7f",
             label=f"by, for or toward {data['actor']['name']}")
    bars.set_ylabel("statements")
    bars.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    bars.set_xticks(xs)
    bars.set_xticklabels(labels, rotation=45, ha="right", fontsize=8)
    kind = "cumulative windows" if data["cumulative"] else "windows"
    ax.set_title(f"{data['actor']['name']}: alignment over time ({kind} of {data['days']} days)", fontsize=13)
    fig.tight_layout()
    _save(fig, out)
    return Path(out)
