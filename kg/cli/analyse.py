"""Alignment commands: ``kg camps``, ``kg align``, ``kg balance``, ``kg brokers``, ``kg timeline``
and the ``kg plot`` group.

Thin wrappers over :mod:`kg.reports` (a Store in, plain data out) and :mod:`kg.plot`.
"""
from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.cli.common import (
    DEFAULT_HALF_LIFE,
    CampMethod,
    DatasetOpt,
    JsonOpt,
    LazyModule,
    StoreOpt,
    command,
    err,
    open_from_cli,
    out,
    parse_date,
    picture_path,
    print_json,
)
from kg.cli.tables import fit, items, say

RUNS = 50  # = kg.analysis.doubt.RUNS (spelt out: the CLI imports no analysis module; a test checks)
STABLE = 0.5  # = kg.analysis.doubt.STABLE

# The reports load on first use, so that `kg --help` imports neither numpy nor networkx.
align_report = LazyModule("kg.reports.align")
balance_report = LazyModule("kg.reports.balance")
brokers_report = LazyModule("kg.reports.brokers")
camps_report = LazyModule("kg.reports.camps")
timeline_report = LazyModule("kg.reports.timeline")
ties_report = LazyModule("kg.reports.ties")
common_report = LazyModule("kg.reports.common")

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
MethodOpt = Annotated[CampMethod, typer.Option("--method", help="louvain (communities of positive affinity), "
                                        "signed (minimum-frustration partition) or positions (louvain, each "
                                        "target weighed by how much it separates the actors).")]
OutOpt = Annotated[Path, typer.Option("--out", callback=picture_path,
                                      help="The picture to write: FILE.png or FILE.svg.")]


def _opts(since, until, rollup, all_actors, with_ties, half_life, seed, dataset=None):
    """The window and graph options of an analysis command (a :class:`kg.reports.common.Options`)."""
    return common_report.Options(parse_date(since, "--since"), parse_date(until, "--until"), rollup,
                                 all_actors, with_ties, half_life or None, seed, tuple(dataset or ()))


def _names(refs: list[dict]) -> str:
    return ", ".join(r["name"] for r in refs)


def _quotes(rows: list[dict]) -> str:
    return "\n".join(escape(f"{e['speaker']['name']}, {e['date']}: \u201c{e['quote']}\u201d") for e in rows)


def _fmt(x) -> str:
    return "n/a" if x is None else f"{x:+.3f}"


@command(app)
def camps(
    method: MethodOpt = "louvain",
    bootstrap: Annotated[int, typer.Option(
        "--bootstrap", min=0, help="Resamples of the statements that measure each actor's stability "
                                   "(0: none, nobody is unplaced).")] = RUNS,
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    dataset: DatasetOpt = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Also say how far the camps follow memberships and alliances, beside all pairs.")] = False,
    store: StoreOpt = "embedded", json: JsonOpt = False,
) -> None:
    """Camps of actors that take the same stances and back each other, with the stances that define them.

    A call to stop addressed to some of the crisis' parties but not all (the parties: the actors
    some call addresses together) counts as opposition to those called on. Each actor's place
    comes with how many statements it rests on, its tie to the camp and its stability over
    --bootstrap resamples of the statements; an actor kept with its camp in fewer than half of
    them is listed as unplaced.

    Example: kg camps   (also: kg camps --method signed --json, kg camps --until 2020-10-01)
    """
    with open_from_cli(store) as db:
        opts = _opts(since, until, rollup, all_actors, with_ties, half_life, seed, dataset)
        with Progress(TextColumn("resampling"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True, disable=json or bootstrap == 0 or not err.is_terminal) as bar:
            task = bar.add_task("bootstrap", total=bootstrap)
            report = camps_report.camps(db, method, opts, runs=bootstrap,
                                        progress=lambda n: bar.advance(task, n), explain=explain)
    if json:
        print_json(report)
        return
    say(f"[bold]{len(report['camps'])} camps[/] among {report['actors']} actors ({method}); "
        f"frustration {report['frustration']}, balanced triangles "
        f"{report['triangles']['balanced']}/{report['triangles']['triangles']}")
    for c in report["camps"]:
        out.print(fit(_camp_table(c, wide=True), _camp_table(c, wide=False)))
    out.print(fit(_doubt_table(report)))
    if report["unplaced"]:
        say(f"unplaced (too little evidence): {_names(report['unplaced'])}", markup=False)
    if report["unaligned"]:
        say(f"unaligned: {_names(report['unaligned'])}", markup=False)
    if report["directed_demands"]:
        say(f"{report['directed_demands']} calls on some of the parties ({_names(report['parties'])}) alone "
            "read as opposition to those called on", markup=False)
    if explain:
        out.print(fit(_explain_table(report["explain"])))


def _explain_table(ex: dict) -> Table:
    """How far the camps follow memberships and alliances, beside the pairs across camps and all pairs."""
    table = Table(title=f"do the camps follow memberships and alliances? (on {ex['on']})",
                  caption="pairs of actors linked by a membership (one organisation, or one a member of the "
                          "other) or an alliance; all pairs: what a random pair gives")

    def cell(x: dict) -> str:
        return "" if x["share"] is None else f"{x['linked']} ({x['share']:.0%})"

    table.add_column("pairs of actors")
    table.add_column("pairs", justify="right", no_wrap=True)
    table.add_column("membership", justify="right", no_wrap=True)
    table.add_column("alliance", justify="right", no_wrap=True)
    rows = [(f"in camp {c['camp']}", c) for c in ex["camps"]]
    rows += [("in the same camp", ex["same_camp"]), ("in different camps", ex["other_camps"]),
             ("all pairs", ex["all_pairs"])]
    for name, r in rows:
        table.add_row(name, str(r["membership"]["pairs"]), cell(r["membership"]), cell(r["alliance"]))
    return table


@command(app)
def bloc(
    organization: Annotated[str, typer.Argument(help="An organisation: name, code or alias (NATO, EU, CSTO).")],
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    dataset: DatasetOpt = None,
    store: StoreOpt = "embedded", json: JsonOpt = False,
) -> None:
    """How the members of an organisation split in a crisis: each member's camp (kg camps),
    who breaks ranks with the camp most members are in, on which statements, and who said nothing.

    Members are those on the last day of the window (--until, else the last statement's day).

    Example: kg bloc NATO   (also: kg bloc EU --dataset russia-ukraine-2022 --json)
    """
    with open_from_cli(store) as db:
        r = ties_report.bloc(db, organization, _opts(since, until, rollup, all_actors, with_ties, half_life,
                                                     seed, dataset))
    if json:
        print_json(r)
        return
    org, majority = r["organization"]["name"], r["majority"]
    head = (f"most placed members are in camp {majority} ({_names(r['camps'][str(majority)])})" if majority
            else "no camp holds most of its placed members" if r["camps"] else "no member is in a camp")
    say(f"[bold]{escape(org)}[/] on {r['on']}: {len(r['members'])} members; {escape(head)}")
    table = Table(title=f"members of {org}")
    table.add_column("member")
    table.add_column("camp", justify="right", no_wrap=True)
    table.add_column("statements", justify="right", no_wrap=True)
    table.add_column("place", no_wrap=True)
    for m in r["members"]:
        table.add_row(escape(m["name"]), str(m["camp"] or ""), str(m["statements"]), m["place"])
    out.print(fit(table))
    for m in r["members"]:
        if m["place"] == "breaks ranks":
            say(f"{m['name']} breaks ranks:", markup=False)
            for e in m["evidence"]:
                out.print(textwrap.fill(f"{e['speaker']['name']}, {e['date']}, {e['stance']}: “{e['quote']}”", 80,
                                        initial_indent="  ", subsequent_indent="    "), markup=False)


def _doubt_table(report: dict) -> Table:
    """How far each placement can be trusted: statements, tie to the camp, stability."""
    runs = report["bootstrap"]
    table = Table(title="how sure each place is",
                  caption=f"statements: those the place rests on (* one only); tie: mean affinity to the "
                          f"camp; stability: share of {runs} resamples keeping it with its camp"
                          + (f"; under {STABLE:g}: unplaced" if runs else ""))
    table.add_column("actor")
    table.add_column("camp", justify="right", no_wrap=True)
    table.add_column("statements", justify="right", no_wrap=True)
    table.add_column("tie", justify="right", no_wrap=True)
    table.add_column("stability", justify="right", no_wrap=True)
    rows = [(m, str(c["camp"])) for c in report["camps"] for m in c["members"]]
    rows += [(m, "-") for m in report["unplaced"]]
    for m, camp in rows:
        table.add_row(escape(m["name"]), camp, f"{m['statements']}{' *' if m['single'] else ''}",
                      "" if m["tie"] is None else f"{m['tie']:+.2f}",
                      "" if m["stability"] is None else f"{m['stability']:.2f}")
    return table


def _camp_table(c: dict, wide: bool) -> Table:
    """The stances that define a camp; the narrow layout puts the stance under its target."""
    table = Table(title=f"camp {c['camp']}: {escape(_names(c['members']))}", show_lines=True)
    if wide:
        table.add_column("toward", style="bold")
        table.add_column("stance")
    else:
        table.add_column("toward\nstance")
    table.add_column("held by")
    table.add_column("evidence", ratio=2, min_width=30)
    for d in c["defining"]:
        stance = f"{d['class']}\n[dim]{', '.join(d['stances'])}[/]"
        target = escape(d["target"]["name"])
        first = [target, stance] if wide else [f"[bold]{target}[/]\n{stance}"]
        table.add_row(*first, escape(_names(d["holders"])), _quotes(d["evidence"]))
    return table


@command(app)
def align(
    a: Annotated[str, typer.Argument(help="An actor: name, alias, code, capital or leader.")],
    b: Annotated[str, typer.Argument(help="Another actor.")],
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    dataset: DatasetOpt = None,
    store: StoreOpt = "embedded", json: JsonOpt = False,
) -> None:
    """How aligned two actors are: S score, Cohen's kappa, Scott's pi, on how many shared targets, with evidence.

    Example: kg align Turkey Azerbaijan
    """
    with open_from_cli(store) as db:
        r = align_report.align(db, a, b, _opts(since, until, rollup, all_actors, with_ties, half_life, seed, dataset))
    if json:
        print_json(r)
        return
    na, nb = escape(r["a"]["name"]), escape(r["b"]["name"])
    say(f"[bold]{na}[/] and [bold]{nb}[/]: S {_fmt(r['s'])}, "
        f"kappa {_fmt(r['kappa'])}, pi {_fmt(r['pi'])} on {r['n']} shared targets"
        f"{' (same camp)' if r['same_camp'] else ''}")
    if r.get("why_undefined"):
        say(f"n/a: {r['why_undefined']}", markup=False)
    for key, title in (("agree", "shared stances"), ("contradict", "contradictions"), ("differ", "differences")):
        if not r[key]:
            continue
        table = Table(title=title, show_lines=True)
        table.add_column("toward", style="bold")
        for who in ("a", "b"):
            table.add_column(escape(r[who]["name"]))
        for row in r[key]:
            cells = [f"{row[w]['class']}\n[dim]{', '.join(row[w]['stances'])}[/]\n{_quotes(row[w]['evidence'])}"
                     .strip().replace("\n[dim][/]", "") for w in ("a", "b")]
            table.add_row(escape(row["target"]["name"]), *cells)
        out.print(fit(table))
    for key, (x, y) in (("a_to_b", ("a", "b")), ("b_to_a", ("b", "a"))):
        t = r[key]
        if t:
            say(f"{escape(r[x]['name'])} toward {escape(r[y]['name'])}: {', '.join(t['stances'])} "
                f"(net {t['net']:+.2f}) {_quotes(t['evidence'])}")


@command(app)
def balance(
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    dataset: DatasetOpt = None,
    store: StoreOpt = "embedded", json: JsonOpt = False,
) -> None:
    """Structural balance of friendly and hostile ties: frustration index, best partition, balanced triangles.

    Example: kg balance --json
    """
    with open_from_cli(store) as db:
        r = balance_report.balance(db, _opts(since, until, rollup, all_actors, with_ties, half_life, seed, dataset))
    if json:
        print_json(r)
        return
    t = r["triangles"]
    share = "n/a" if t["share_balanced"] is None else f"{t['share_balanced']:.0%}"
    say(f"{r['actors']} actors, {r['ties']['positive']} friendly and {r['ties']['negative']} hostile ties; "
        f"{t['balanced']} of {t['triangles']} triangles balanced ({share})")
    for key, title in (("two_camps", "two camps (frustration index)"), ("camps", "any number of camps")):
        p = r[key]
        say(f"[bold]{title}[/]: frustration {p['frustration']} ({p['frustrated']} ties"
            f"{', exact' if p['exact'] else ', heuristic'})")
        out.print(items([(f"  {i}.", escape(_names(m))) for i, m in enumerate(p["partition"], 1)]))
        if p["frustrated_ties"]:
            out.print(items([("  frustrated:", escape(f"{f['a']['name']} - {f['b']['name']}: {f['why']}"))
                             for f in p["frustrated_ties"]]))


@command(app)
def brokers(
    method: MethodOpt = "louvain",
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    dataset: DatasetOpt = None,
    store: StoreOpt = "embedded", json: JsonOpt = False,
) -> None:
    """Who sits between the camps: mediators, brokers and betweenness.

    Example: kg brokers
    """
    with open_from_cli(store) as db:
        opts = _opts(since, until, rollup, all_actors, with_ties, half_life, seed, dataset)
        r = brokers_report.brokers(db, method, opts)
    if json:
        print_json(r)
        return
    for i, c in enumerate(r["camps"], 1):
        say(f"camp {i}: {_names(c)}", markup=False)
    out.print(fit(_brokers_table(r, wide=True), _brokers_table(r, wide=False)))


_RELATIONS = (("even_handed_to", "even-handed to"), ("friendly_to", "friendly to"), ("hostile_to", "hostile to"))


def _brokers_table(r: dict, wide: bool) -> Table:
    """One row per actor; the narrow layout puts the camps it is even-handed, friendly and hostile to
    in one "relations" column, a line each."""
    table = Table(title="between the camps")
    table.add_column("actor")
    table.add_column("camp", justify="right", no_wrap=True)
    table.add_column("role", no_wrap=True)
    table.add_column("betweenness", justify="right", no_wrap=True)
    for _, title in _RELATIONS if wide else (("", "relations"),):
        table.add_column(title)
    for b in r["brokers"]:
        lists = [(title, ", ".join(map(str, b[key]))) for key, title in _RELATIONS]
        cells = [x for _, x in lists] if wide else [
            "\n".join(f"{title} camp{'s' if ', ' in x else ''} {x}" for title, x in lists if x)]
        table.add_row(escape(b["actor"]["name"]), str(b["camp"] or "-"), b["role"] or "",
                      f"{b['betweenness']:.3f}", *cells)
    return table


@command(app)
def timeline(
    actor: Annotated[str, typer.Argument(help="An actor: name, alias, code, capital or leader.")],
    window: Annotated[str, typer.Option("--window", help="Window length: Nd (days) or Nw (weeks).")] = "7d",
    cumulative: Annotated[bool, typer.Option("--cumulative", help="Each window starts at the first day.")] = False,
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    dataset: DatasetOpt = None,
    store: StoreOpt = "embedded", json: JsonOpt = False,
) -> None:
    """An actor's camp, closest and most opposed actors, window by window, so that a shift shows.

    Windows follow the data: the first starts on the first day with a statement (from --since
    on), each later one on the next day with a statement after the previous window ends, and
    the last is cut at --until (default: the last statement). No window is empty: a stretch
    with no statements between two windows shows as one "no statements" row.

    n is "actor/all": the statements by, for or toward the actor (a person's statement counts
    for whom they speak) / all statements the window's analysis draws on; each statement
    counts once, however many targets it names. change is who joined or left the actor's
    camp since the previous window in which the actor took part; the column is left out when
    the camp never changes. --json gives the same per window: start, end, gap, statements,
    all_statements, present, camp, changes {joined, left}, closest, most_opposed, toward, s.

    Example: kg timeline Turkey --window 7d --since 2020-09-01
    """
    with open_from_cli(store) as db:
        r = timeline_report.timeline(
            db, actor, window, _opts(since, until, rollup, all_actors, with_ties, half_life, seed, dataset), cumulative)
    if json:
        print_json(r)
        return
    name = r["actor"]["name"]
    names = {**r["names"], **{a["id"]: a["name"] for w in r["windows"] for a in w.get("camp", [])}}
    present = [w for w in r["windows"] if w["present"]]
    changed = any(w.get("changes") and any(w["changes"].values()) for w in present)
    kind = "cumulative windows" if r["cumulative"] else "windows"
    days = f"{r['days']} day{'s' if r['days'] != 1 else ''}"
    table = Table(title=f"{name}, {kind} of {days}", show_lines=True, caption_justify="left",
                  caption=f"n: statements by, for or toward {name} / all statements, each once")
    for col in ("window", "n", "camp", "closest (S)", "most opposed (S)") + (("change",) if changed else ()):
        table.add_column(col, no_wrap=col in ("window", "n"))

    def span(w: dict) -> str:
        start, end = w["start"], w["end"]
        return start if start == end else f"{start}..{end[5:] if end[:4] == start[:4] else end}"

    def change(w: dict) -> str:
        if w.get("changes") is None:
            return "-"
        return "; ".join(f"{k} {', '.join(names.get(a, a) for a in v)}" for k, v in w["changes"].items() if v) \
            or "same camp"

    for w in r["windows"]:
        n = f"{w['statements']}/{w['all_statements']}"
        if not w["present"]:
            table.add_row(span(w), n, "[dim]no statements[/]" if w["gap"] else f"[dim]{name} takes no part[/]",
                          "", "", *(("",) if changed else ()))
            continue
        table.add_row(span(w), n, _names(w.get("camp", [])),
                      ", ".join(f"{c['actor']['name']} {c['s']:+.2f}" for c in w.get("closest", [])),
                      ", ".join(f"{c['actor']['name']} {c['s']:+.2f}" for c in w.get("most_opposed", [])),
                      *((change(w),) if changed else ()))
    out.print(fit(table))
    if not changed:
        say(f"change: none to show, {name} takes part in one window only" if len(present) == 1
                  else f"change: none, {name}'s camp is the same in every window it takes part in")


@command(plot_app, "camps")
def plot_camps(
    out_file: OutOpt,
    method: MethodOpt = "louvain",
    since: SinceOpt = None, until: UntilOpt = None, rollup: RollupOpt = True, all_actors: AllOpt = False,
    with_ties: TiesOpt = False, half_life: HalfLifeOpt = DEFAULT_HALF_LIFE, seed: SeedOpt = 0,
    dataset: DatasetOpt = None,
    store: StoreOpt = "embedded",
) -> None:
    """Draw the camps: actors coloured by camp, friendly ties green, hostile ties red.

    Example: kg plot camps --out camps.png
    """
    from kg import plot

    with open_from_cli(store) as db:
        data = camps_report.camps_picture(
            db, method, _opts(since, until, rollup, all_actors, with_ties, half_life, seed, dataset))
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
    dataset: DatasetOpt = None,
    store: StoreOpt = "embedded",
) -> None:
    """Draw an actor's alignment (S score) with the others, window by window.

    The windows are those of kg timeline (laid over the days with statements); below, the
    statements of each window, each counted once: all, and those by, for or toward the actor.

    Example: kg plot timeline Turkey --out turkey.png --window 7d
    """
    from kg import plot

    with open_from_cli(store) as db:
        data = timeline_report.timeline(
            db, actor, window, _opts(since, until, rollup, all_actors, with_ties, half_life, seed, dataset), cumulative)
    plot.timeline(data, out_file)
    out.print(f"wrote {out_file}")
