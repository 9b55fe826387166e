"""Alignment commands: ``kg camps``, ``kg align``, ``kg balance``, ``kg brokers``, ``kg timeline``
and the ``kg plot`` group.

Thin wrappers over :mod:`kg.reports` (a Store in, plain data out) and :mod:`kg.plot`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from kg.analysis.graph import DEFAULT_HALF_LIFE
from kg.cli.common import JsonOpt, StoreOpt, command, open_from_cli, out, parse_date, print_json
from kg.reports import align as align_report
from kg.reports import balance as balance_report
from kg.reports import brokers as brokers_report
from kg.reports import camps as camps_report
from kg.reports import timeline as timeline_report
from kg.reports.common import Options

app = typer.Typer()
plot_app = typer.Typer(
    help="Pictures of the camps and of an actor's course.\n\nExample: kg plot camps --out camps.png",
    no_args_is_help=True)

SinceOpt = Annotated[str | None, typer.Option("--since", help="Only statements from this day (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Only statements up to this day (YYYY-MM-DD).")]
RollupOpt = Annotated[bool, typer.Option("--rollup/--no-rollup",
                                         help="Count people for the state or organisation they speak for.")]
AllOpt = Annotated[bool, typer.Option("--all-actors", help="Also people without an office, NGOs and think tanks.")]
TiesOpt = Annotated[bool, typer.Option(
    "--with-ties", help="Add memberships and alliances as prior ties (a separate layer).")]
HalfLifeOpt = Annotated[float, typer.Option("--half-life", help="Recency half-life in days (0: no decay).")]
SeedOpt = Annotated[int, typer.Option("--seed", help="Seed of Louvain and of the heuristic's restarts.")]
MethodOpt = Annotated[str, typer.Option("--method", help="louvain (communities of positive affinity) or "
                                        "signed (minimum-frustration partition).")]
OutOpt = Annotated[Path, typer.Option("--out", help="The picture to write: FILE.png or FILE.svg.")]


def _opts(since, until, rollup, all_actors, with_ties, half_life, seed) -> Options:
    return Options(parse_date(since, "--since"), parse_date(until, "--until"), rollup,
                            all_actors, with_ties, half_life or None, seed)


def _names(refs: list[dict]) -> str:
    return ", ".join(r["name"] for r in refs)


def _quotes(rows: list[dict]) -> str:
    return "\n".join(f"{e['speaker']['name']}, {e['date']}: \u201c{e['quote']}\u201d" for e in rows)


def _fmt(x) -> str:
    return "n/a" if x is None else f"{x:+.3f}"


@command(app)
def camps(
    method: MethodOpt = "louvain",
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    store: StoreOpt = "embedded", json: JsonOpt = False,
) -> None:
    """Camps of actors that take the same stances and back each other, with the stances that define them.

    Example: kg camps   (also: kg camps --method signed --json, kg camps --until 2020-10-01)
    """
    with open_from_cli(store) as db:
        report = camps_report.camps(db, method, _opts(since, until, rollup, all_actors, with_ties, half_life, seed))
    if json:
        print_json(report)
        return
    out.print(f"[bold]{len(report['camps'])} camps[/] among {report['actors']} actors ({method}); "
              f"frustration {report['frustration']}, balanced triangles "
              f"{report['triangles']['balanced']}/{report['triangles']['triangles']}")
    for c in report["camps"]:
        table = Table(title=f"camp {c['camp']}: {_names(c['members'])}", show_lines=True)
        table.add_column("toward", style="bold")
        table.add_column("stance", overflow="fold")
        table.add_column("held by", overflow="fold")
        table.add_column("evidence", overflow="fold", max_width=70)
        for d in c["defining"]:
            table.add_row(d["target"]["name"], f"{d['class']} ({', '.join(d['stances'])})",
                          _names(d["holders"]), _quotes(d["evidence"]))
        out.print(table)
    if report["unaligned"]:
        out.print(f"unaligned: {_names(report['unaligned'])}")


@command(app)
def align(
    a: Annotated[str, typer.Argument(help="An actor: name, alias, code, capital or leader.")],
    b: Annotated[str, typer.Argument(help="Another actor.")],
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    store: StoreOpt = "embedded", json: JsonOpt = False,
) -> None:
    """How aligned two actors are: S score, Cohen's kappa, Scott's pi, on how many shared targets, with evidence.

    Example: kg align Turkey Azerbaijan
    """
    with open_from_cli(store) as db:
        r = align_report.align(db, a, b, _opts(since, until, rollup, all_actors, with_ties, half_life, seed))
    if json:
        print_json(r)
        return
    out.print(f"[bold]{r['a']['name']}[/] and [bold]{r['b']['name']}[/]: S {_fmt(r['s'])}, "
              f"kappa {_fmt(r['kappa'])}, pi {_fmt(r['pi'])} on {r['n']} shared targets"
              f"{' (same camp)' if r['same_camp'] else ''}")
    for key, title in (("agree", "shared stances"), ("contradict", "contradictions"), ("differ", "differences")):
        if not r[key]:
            continue
        table = Table(title=title, show_lines=True)
        table.add_column("toward", style="bold")
        for who in ("a", "b"):
            table.add_column(r[who]["name"], overflow="fold", max_width=50)
        for row in r[key]:
            cells = [f"{row[w]['class']} {', '.join(row[w]['stances'])}\n{_quotes(row[w]['evidence'])}".strip()
                     for w in ("a", "b")]
            table.add_row(row["target"]["name"], *cells)
        out.print(table)
    for key, (x, y) in (("a_to_b", ("a", "b")), ("b_to_a", ("b", "a"))):
        t = r[key]
        if t:
            out.print(f"{r[x]['name']} toward {r[y]['name']}: {', '.join(t['stances'])} "
                      f"(net {t['net']:+.2f}) {_quotes(t['evidence'])}")


@command(app)
def balance(
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    store: StoreOpt = "embedded", json: JsonOpt = False,
) -> None:
    """Structural balance of friendly and hostile ties: frustration index, best partition, balanced triangles.

    Example: kg balance --json
    """
    with open_from_cli(store) as db:
        r = balance_report.balance(db, _opts(since, until, rollup, all_actors, with_ties, half_life, seed))
    if json:
        print_json(r)
        return
    t = r["triangles"]
    share = "n/a" if t["share_balanced"] is None else f"{t['share_balanced']:.0%}"
    out.print(f"{r['actors']} actors, {r['ties']['positive']} friendly and {r['ties']['negative']} hostile ties; "
              f"{t['balanced']} of {t['triangles']} triangles balanced ({share})")
    for key, title in (("two_camps", "two camps (frustration index)"), ("camps", "any number of camps")):
        p = r[key]
        out.print(f"[bold]{title}[/]: frustration {p['frustration']} ({p['frustrated']} ties"
                  f"{', exact' if p['exact'] else ', heuristic'})")
        for i, m in enumerate(p["partition"], 1):
            out.print(f"  {i}. {_names(m)}")
        for f in p["frustrated_ties"]:
            out.print(f"  frustrated: {f['a']['name']} - {f['b']['name']}: {f['why']}")


@command(app)
def brokers(
    method: MethodOpt = "louvain",
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    store: StoreOpt = "embedded", json: JsonOpt = False,
) -> None:
    """Who sits between the camps: mediators, brokers and betweenness.

    Example: kg brokers
    """
    with open_from_cli(store) as db:
        r = brokers_report.brokers(db, method, _opts(since, until, rollup, all_actors, with_ties, half_life, seed))
    if json:
        print_json(r)
        return
    for i, c in enumerate(r["camps"], 1):
        out.print(f"camp {i}: {_names(c)}")
    table = Table(title="between the camps")
    for col in ("actor", "camp", "role", "betweenness", "even-handed to", "friendly to", "hostile to"):
        table.add_column(col)
    for b in r["brokers"]:
        table.add_row(b["actor"]["name"], str(b["camp"] or "-"), b["role"] or "", f"{b['betweenness']:.3f}",
                      ", ".join(map(str, b["even_handed_to"])), ", ".join(map(str, b["friendly_to"])),
                      ", ".join(map(str, b["hostile_to"])))
    out.print(table)


@command(app)
def timeline(
    actor: Annotated[str, typer.Argument(help="An actor: name, alias, code, capital or leader.")],
    window: Annotated[str, typer.Option("--window", help="Window length: Nd (days) or Nw (weeks).")] = "7d",
    cumulative: Annotated[bool, typer.Option("--cumulative", help="Each window starts at the first day.")] = False,
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    store: StoreOpt = "embedded", json: JsonOpt = False,
) -> None:
    """An actor's camp, closest and most opposed actors, window by window, so that a shift shows.

    Example: kg timeline Turkey --window 7d --since 2020-09-01
    """
    with open_from_cli(store) as db:
        r = timeline_report.timeline(
            db, actor, window, _opts(since, until, rollup, all_actors, with_ties, half_life, seed), cumulative)
    if json:
        print_json(r)
        return
    table = Table(title=f"{r['actor']['name']}, windows of {r['days']} days", show_lines=True)
    for col in ("window", "n", "camp", "closest (S)", "most opposed (S)", "change"):
        table.add_column(col, overflow="fold", no_wrap=col == "window")
    for w in r["windows"]:
        if not w["present"]:
            table.add_row(f"{w['start']}..{w['end']}", str(w["statement_targets"]), "-", "", "", "")
            continue
        ch = w.get("changes") or {}
        change = "; ".join(f"{k} {_names(v)}" for k, v in ch.items() if v)
        table.add_row(f"{w['start']}..{w['end']}", str(w["statement_targets"]), _names(w.get("camp", [])),
                      ", ".join(f"{c['actor']['name']} {c['s']:+.2f}" for c in w.get("closest", [])),
                      ", ".join(f"{c['actor']['name']} {c['s']:+.2f}" for c in w.get("most_opposed", [])),
                      change)
    out.print(table)


@command(plot_app, "camps")
def plot_camps(
    out_file: OutOpt,
    method: MethodOpt = "louvain",
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    store: StoreOpt = "embedded",
) -> None:
    """Draw the camps: actors coloured by camp, friendly ties green, hostile ties red.

    Example: kg plot camps --out camps.png
    """
    from kg import plot

    with open_from_cli(store) as db:
        data = camps_report.camps_picture(
            db, method, _opts(since, until, rollup, all_actors, with_ties, half_life, seed))
    plot.camps(data, out_file, seed=seed)
    out.print(f"wrote {out_file}")


@command(plot_app, "timeline")
def plot_timeline(
    actor: Annotated[str, typer.Argument(help="An actor: name, alias, code, capital or leader.")],
    out_file: OutOpt,
    window: Annotated[str, typer.Option("--window", help="Window length: Nd (days) or Nw (weeks).")] = "7d",
    cumulative: Annotated[bool, typer.Option("--cumulative", help="Each window starts at the first day.")] = False,
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    store: StoreOpt = "embedded",
) -> None:
    """Draw an actor's alignment (S score) with the others, window by window.

    Example: kg plot timeline Turkey --out turkey.png --window 7d
    """
    from kg import plot

    with open_from_cli(store) as db:
        data = timeline_report.timeline(
            db, actor, window, _opts(since, until, rollup, all_actors, with_ties, half_life, seed), cumulative)
    plot.timeline(data, out_file)
    out.print(f"wrote {out_file}")
