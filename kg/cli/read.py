"""Query commands: ``kg stance``, ``kg actors``, ``kg statements``, ``kg datasets``."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from kg.cli.common import (
    ACTOR_KINDS,
    STANCE_NAMES,
    ActorKind,
    DatasetOpt,
    JsonOpt,
    LazyModule,
    StanceName,
    StoreOpt,
    command,
    open_from_cli,
    out,
    parse_date,
    print_json,
)
from kg.cli.tables import fit, say

# The reports load on first use, so that `kg --help` imports neither pydantic nor numpy.
actors_report = LazyModule("kg.reports.actors")
ties_report = LazyModule("kg.reports.ties")
stance_report = LazyModule("kg.reports.stance")
statements_report = LazyModule("kg.reports.statements")
datasets_report = LazyModule("kg.reports.datasets")

app = typer.Typer()


NET_CAPTION = "net: confidence-weighted mean valence, -1 hostile .. +1 friendly; n: statements"


def _valence(v: float) -> str:
    colour = "green" if v > 0 else "red" if v < 0 else "yellow"
    return f"[{colour}]{v:+.2f}[/]"


def _stances(counts: dict) -> str:
    return "\n".join(f"{k} {n}" for k, n in counts.items())


def _evidence(rows: list[dict]) -> str:
    return "\n".join(escape(f"{e['speaker']['name']}, {e['date']}: \u201c{e['quote']}\u201d") for e in rows)


@command(app)
def stance(
    actor: Annotated[str, typer.Argument(help="An actor: name, alias, code, capital or leader.")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Only statements up to this day (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(min=0, help="Rows of each table, the strongest first (0: all).")] = 25,
    dataset: DatasetOpt = None,
    store: StoreOpt = "embedded",
    json: JsonOpt = False,
) -> None:
    """An actor's stance toward each target with its strongest evidence, then the reactions toward it.

    net is the mean valence of the statements (-1 hostile .. +1 friendly), each weighted by
    its confidence; n counts the statements. Rows are ordered by the strength of net, then n;
    --limit keeps the first (the JSON's "total" counts them all).

    Example: kg stance Turkey   (also: kg stance Ankara, kg stance Erdogan --as-of 2020-10-01)
    """
    with open_from_cli(store) as db:
        report = stance_report.stance(db, actor, parse_date(as_of, "--as-of"), tuple(dataset or ()),
                                      limit or None)
    if json:
        print_json(report)
        return
    a = report["actor"]
    out.print(f"[bold]{a['name']}[/] ({a['kind']}, {a['id']})")
    if report["speaks_for"]:
        sf = report["speaks_for"]
        say(f"speaks for {sf['name']} as {sf['title']}", markup=False)
    for key, who in (("toward", "target"), ("from", "actor")):
        rows = report[key]
        title = f"{a['name']}'s stance toward others" if key == "toward" else f"reactions toward {a['name']}"
        if not rows:
            say(f"no statements: {title}", markup=False)
            continue
        table = Table(title=title, caption=NET_CAPTION, show_lines=True)
        table.add_column("target" if who == "target" else "from", style="bold")
        table.add_column("net", justify="right", no_wrap=True)
        table.add_column("n", justify="right", no_wrap=True)
        table.add_column("stances", no_wrap=True)
        table.add_column("strongest evidence", ratio=2)
        for r in rows:
            table.add_row(escape(r[who]["name"]), _valence(r["net_valence"]), str(r["n"]),
                          _stances(r["stances"]), _evidence(r["evidence"]))
        out.print(fit(table))
        if report["total"][key] > len(rows):
            say(f"{report['total'][key] - len(rows)} more rows: {title} (see --limit)", markup=False)


@command(app)
def actors(
    kind: Annotated[ActorKind | None, typer.Option(help=f"Only this kind: {', '.join(ACTOR_KINDS)}.")] = None,
    dataset: DatasetOpt = None,
    store: StoreOpt = "embedded",
    json: JsonOpt = False,
) -> None:
    """Every actor in the store with its codes and how often it spoke and was addressed.

    Roles are read as of each statement's date: a state's "said" includes what its office
    holders said for it then, and a person speaks for whom they spoke for at their last statement.

    Example: kg actors --kind person
    """
    with open_from_cli(store) as db:
        rows = actors_report.actors(db, kind, tuple(dataset or ()))
    if json:
        print_json(rows)
        return
    out.print(fit(_actors_table(rows, wide=True), _actors_table(rows, wide=False)))


def _actors_table(rows: list[dict], wide: bool) -> Table:
    """One row per actor; the narrow layout puts "speaks for" under the name and both counts in one column."""
    table = Table(title=f"{len(rows)} actors")
    table.add_column("id", no_wrap=True)
    table.add_column("name")
    table.add_column("kind", no_wrap=True)
    # The COW code has a line of its own, and the column is as wide as it: "COW 371" is never split.
    table.add_column("codes", min_width=max((len(c) for r in rows for c in _codes(r)), default=0))
    if wide:
        table.add_column("speaks for")
        table.add_column("said", justify="right", no_wrap=True)
        table.add_column("addressed", justify="right", no_wrap=True)
    else:
        table.add_column("said /\naddressed", justify="right", no_wrap=True)
    digits = len(str(max((max(r["statements"], r["targeted"]) for r in rows), default=0)))
    for r in rows:
        codes = " ".join(c for c in _codes(r) if not c.startswith("COW ")) + "".join(
            f"\n{c}" for c in _codes(r) if c.startswith("COW "))
        boss = r["speaks_for"]["name"] if r["speaks_for"] else ""
        if wide:
            table.add_row(r["id"], escape(r["name"]), r["kind"], codes, escape(boss), str(r["statements"]),
                          str(r["targeted"]))
        else:
            name = escape(r["name"]) + (f"\n[dim]for {escape(boss)}[/]" if boss else "")
            table.add_row(r["id"], name, r["kind"], codes,
                          f"{r['statements']:>{digits}} / {r['targeted']:>{digits}}")
    return table


def _codes(r: dict) -> list[str]:
    return [x for x in (r["iso3"], r["wikidata"], f"COW {r['cow']}" if r["cow"] else None) if x]


@command(app)
def statements(
    by: Annotated[str | None, typer.Option(help="Said by this actor (or by people speaking for it).")] = None,
    toward: Annotated[str | None, typer.Option(help="Addressed to this actor.")] = None,
    stance: Annotated[StanceName | None, typer.Option(help=f"Only this stance: {', '.join(STANCE_NAMES)}.")] = None,
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")] = None,
    dataset: DatasetOpt = None,
    store: StoreOpt = "embedded",
    json: JsonOpt = False,
) -> None:
    """Statements, filtered by speaker, target, stance, dates and dataset, oldest first.

    Example: kg statements --by Turkey --stance support
    """
    with open_from_cli(store) as db:
        rows = statements_report.statements(db, by, toward, stance, parse_date(since, "--since"),
                                            parse_date(until, "--until"), tuple(dataset or ()))
    if json:
        print_json(rows)
        return
    out.print(fit(_statements_table(rows, wide=True), _statements_table(rows, wide=False)))


def _statements_table(rows: list[dict], wide: bool) -> Table:
    """One row per statement; the narrow layout stacks date, speaker and "for" in one column, stance and
    targets in another, so that the quote keeps room to wrap."""
    table = Table(title=f"{len(rows)} statements", show_lines=True)
    if wide:
        for col in ("date", "speaker", "for", "stance", "targets"):
            table.add_column(col, no_wrap=col in ("date", "stance"))
    else:
        table.add_column("date\nspeaker")
        table.add_column("stance\ntoward")
    table.add_column("quote", ratio=2, min_width=30)
    for r in rows:
        speaks_for = r["on_behalf_of"]
        behalf = speaks_for["name"] if speaks_for and speaks_for["id"] != r["speaker"]["id"] else ""
        speaker, targets = escape(r["speaker"]["name"]), escape(", ".join(t["name"] for t in r["targets"]))
        quote = escape(f"\u201c{r['quote']}\u201d")
        if wide:
            table.add_row(r["date"], speaker, escape(behalf), r["stance"], targets, quote)
        else:
            table.add_row(f"{r['date']}\n{speaker}" + (f"\n[dim]for {escape(behalf)}[/]" if behalf else ""),
                          f"{r['stance']}\n{targets}", quote)
    return table


@command(app)
def datasets(
    store: StoreOpt = "embedded",
    json: JsonOpt = False,
) -> None:
    """The datasets loaded, with how many statements each holds and their first and last day.

    Every analysis and query command takes --dataset NAME (repeatable) to keep to some of them.

    Example: kg datasets   (then: kg camps --dataset nagorno-karabakh-2020)
    """
    with open_from_cli(store) as db:
        rows = datasets_report.datasets(db)
    if json:
        print_json(rows)
        return
    t = Table(title="datasets")
    t.add_column("dataset", overflow="fold")
    t.add_column("statements", justify="right", no_wrap=True)
    t.add_column("first", no_wrap=True)
    t.add_column("last", no_wrap=True)
    for r in rows:
        t.add_row(escape(r["name"] or "(none)"), str(r["statements"]), r["first"], r["last"])
    out.print(fit(t))


@command(app)
def ties(
    a: Annotated[str, typer.Argument(help="An actor: name, alias, code, capital or leader.")],
    b: Annotated[str, typer.Argument(help="Another actor.")],
    on: Annotated[str | None, typer.Option("--on", help="The day to look at (YYYY-MM-DD; default: today).")] = None,
    store: StoreOpt = "embedded",
    json: JsonOpt = False,
) -> None:
    """The memberships and alliances two actors share on a day, and those that link them.

    Example: kg ties France Russia   (also: kg ties Turkey Azerbaijan --on 2020-09-27)
    """
    with open_from_cli(store) as db:
        r = ties_report.ties(db, a, b, parse_date(on, "--on"))
    if json:
        print_json(r)
        return
    x, y = r["a"]["name"], r["b"]["name"]
    say(f"[bold]{escape(x)}[/] and [bold]{escape(y)}[/] on {r['on']}")

    def since(side: dict) -> str:
        role = f"{side['role']}, " if side["role"] else ""
        return f"{role}since {side['start']}" if side["start"] else role.rstrip(", ") or "member"

    lines = [f"both in {o['organization']['name']} ({x}: {since(o['a'])}; {y}: {since(o['b'])})"
             for o in r["shared"]]
    lines += [f"{d['member']['name']} is a member of {d['organization']['name']}"
              + (f" since {d['start']}" if d["start"] else "") for d in r["direct"]]
    lines += [f"allied: {al['kind'].replace('_', ' ')}, {al['treaty']}"
              + (f", since {al['start']}" if al["start"] else "") for al in r["alliances"]]
    for line in lines or ["no shared membership and no alliance"]:
        say(line, markup=False)
    for key, who in (("only_a", x), ("only_b", y)):
        if r[key]:
            names = (o["name"] + (f" ({o['role']})" if o["role"] not in (None, "full") else "") for o in r[key])
            say(f"only {who}: {', '.join(names)}", markup=False)
