"""Query commands: ``kg stance``, ``kg actors``, ``kg statements``."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from kg.cli.common import JsonOpt, StoreOpt, command, open_from_cli, out, parse_date, print_json
from kg.errors import KgError
from kg.model import ACTOR_KINDS
from kg.reports.actors import actors as actors_report
from kg.reports.stance import stance as stance_report
from kg.reports.statements import statements as statements_report
from kg.vocab import STANCE_NAMES

app = typer.Typer()


def _valence(v: float) -> str:
    colour = "green" if v > 0 else "red" if v < 0 else "yellow"
    return f"[{colour}]{v:+.2f}[/]"


def _stances(counts: dict) -> str:
    return ", ".join(f"{k} {n}" for k, n in counts.items())


def _evidence(rows: list[dict]) -> str:
    return "\n".join(f"{e['speaker']['name']}, {e['date']}: \u201c{e['quote']}\u201d" for e in rows)


@command(app)
def stance(
    actor: Annotated[str, typer.Argument(help="An actor: name, alias, code, capital or leader.")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Only statements up to this day (YYYY-MM-DD).")] = None,
    store: StoreOpt = "embedded",
    json: JsonOpt = False,
) -> None:
    """An actor's stance toward each target with its strongest evidence, then the reactions toward it.

    Example: kg stance Turkey   (also: kg stance Ankara, kg stance Erdogan --as-of 2020-10-01)
    """
    with open_from_cli(store) as db:
        report = stance_report(db, actor, parse_date(as_of, "--as-of"))
    if json:
        print_json(report)
        return
    a = report["actor"]
    out.print(f"[bold]{a['name']}[/] ({a['kind']}, {a['id']})")
    if report["speaks_for"]:
        sf = report["speaks_for"]
        out.print(f"speaks for {sf['name']} as {sf['title']}")
    for key, title, who in (("toward", "stance toward", "target"), ("from", "reactions toward", "actor")):
        rows = report[key]
        table = Table(title=f"{title} {a['name']}" if key == "from" else f"{a['name']}'s {title} others",
                      show_lines=True, expand=False)
        table.add_column("target" if who == "target" else "from", style="bold")
        table.add_column("net", justify="right")
        table.add_column("n", justify="right")
        table.add_column("stances")
        table.add_column("strongest evidence", overflow="fold", max_width=70)
        for r in rows:
            table.add_row(r[who]["name"], _valence(r["net_valence"]), str(r["n"]),
                          _stances(r["stances"]), _evidence(r["evidence"]))
        if rows:
            out.print(table)
        else:
            out.print(f"no statements: {title} {'others' if key == 'toward' else a['name']}")


@command(app)
def actors(
    kind: Annotated[str | None, typer.Option(help=f"Only this kind: {', '.join(ACTOR_KINDS)}.")] = None,
    store: StoreOpt = "embedded",
    json: JsonOpt = False,
) -> None:
    """Every actor in the store with its codes and how often it spoke and was addressed.

    Example: kg actors --kind person
    """
    if kind is not None and kind not in ACTOR_KINDS:
        raise KgError(f"--kind: unknown kind {kind!r} (choose from {', '.join(ACTOR_KINDS)})")
    with open_from_cli(store) as db:
        rows = actors_report(db, kind)
    if json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} actors")
    for col in ("id", "name", "kind", "codes", "speaks for", "said", "addressed"):
        table.add_column(col, justify="right" if col in ("said", "addressed") else "left")
    for r in rows:
        codes = " ".join(x for x in (r["iso3"], r["wikidata"], f"COW {r['cow']}" if r["cow"] else None) if x)
        table.add_row(r["id"], r["name"], r["kind"], codes,
                      r["speaks_for"]["name"] if r["speaks_for"] else "", str(r["statements"]),
                      str(r["targeted"]))
    out.print(table)


@command(app)
def statements(
    by: Annotated[str | None, typer.Option(help="Said by this actor (or by people speaking for it).")] = None,
    toward: Annotated[str | None, typer.Option(help="Addressed to this actor.")] = None,
    stance: Annotated[str | None, typer.Option(help=f"Only this stance: {', '.join(STANCE_NAMES)}.")] = None,
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")] = None,
    store: StoreOpt = "embedded",
    json: JsonOpt = False,
) -> None:
    """Statements, filtered by speaker, target, stance and dates, oldest first.

    Example: kg statements --by Turkey --stance support
    """
    with open_from_cli(store) as db:
        rows = statements_report(db, by, toward, stance, parse_date(since, "--since"),
                                  parse_date(until, "--until"))
    if json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} statements", show_lines=True)
    for col in ("date", "speaker", "for", "stance", "targets", "quote"):
        table.add_column(col, overflow="fold", no_wrap=col in ("date", "stance"),
                         min_width=24 if col == "quote" else None)
    for r in rows:
        speaks_for = r["on_behalf_of"]
        behalf = speaks_for["name"] if speaks_for and speaks_for["id"] != r["speaker"]["id"] else ""
        table.add_row(r["date"], r["speaker"]["name"], behalf, r["stance"],
                      ", ".join(t["name"] for t in r["targets"]), f"\u201c{r['quote']}\u201d")
    out.print(table)
