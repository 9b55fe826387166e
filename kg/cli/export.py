"""``kg export gexf|graphml|csv``: the graph for Gephi and other network tools.

Thin wrappers over :func:`kg.export.export`.
"""
from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import DatasetOpt, JsonOpt, LazyModule, StoreOpt, command, err, open_from_cli, out, parse_date
from kg.cli.common import print_json as _print_json

KINDS = ("stance", "role", "membership", "alliance")  # kg.export.KINDS (a test checks)
ALL_KINDS = ",".join(KINDS)

exporting = LazyModule("kg.export")

app = typer.Typer(help="The graph for Gephi and other network tools: GEXF 1.3, GraphML or CSV tables.\n\n"
                       "Example: kg export gexf --out crisis.gexf --dataset nagorno-karabakh-2020",
                  no_args_is_help=True)

OutOpt = Annotated[Path, typer.Option("--out", help="The file to write (csv: a folder for nodes.csv and edges.csv).")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Only statements from this day (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Only statements up to this day (YYYY-MM-DD).")]
KindsOpt = Annotated[str, typer.Option(
    "--kinds", help=f"The relations to export, comma-separated: {', '.join(KINDS)}.")]
ActorsOpt = Annotated[str | None, typer.Option(
    "--actors", help="Only the edges among these actors, comma-separated (names, codes or leaders).")]
StatementsOpt = Annotated[bool, typer.Option(
    "--statements", help="Statements as nodes (said, toward, on_behalf_of) instead of actor-to-actor stances.")]
RollupOpt = Annotated[bool, typer.Option("--rollup/--no-rollup",
                                         help="A person's stances count for the state or organisation they speak for.")]


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (value or "").split(",") if x.strip())


def _run(fmt: str, out_path: Path, dataset, since, until, kinds, actors, statements, rollup, store, as_json) -> None:
    sel = exporting.Selection(datasets=tuple(dataset or ()), since=parse_date(since, "--since"),
                              until=parse_date(until, "--until"), kinds=_split(kinds), actors=_split(actors),
                              statements=statements, rollup=rollup)

    def progress(step: str) -> None:
        if err.is_terminal:
            err.print(f"{step} …", markup=False)

    with open_from_cli(store) as db:
        r = exporting.export(db, fmt, out_path, sel, progress)
    if as_json:
        _print_json(r)
        return
    span = f", {r['start']} to {r['end']}" if r["start"] else ""
    out.print(f"wrote {', '.join(r['files'])}: {r['nodes']} nodes, {r['edges']} edges{span}", markup=False)
    kinds = ", ".join(f"{k} {n}" for k, n in r["kinds"].items())
    out.print("\n".join(textwrap.wrap(f"edges by kind: {kinds}", 80, subsequent_indent="  ")), markup=False)


def _command(fmt: str, doc: str) -> None:
    """Register ``kg export FMT`` (the three formats take the same options)."""

    def run(out_path: OutOpt, dataset: DatasetOpt = None, since: SinceOpt = None, until: UntilOpt = None,
            kinds: KindsOpt = ALL_KINDS, actors: ActorsOpt = None, statements: StatementsOpt = False,
            rollup: RollupOpt = True, store: StoreOpt = "embedded", as_json: JsonOpt = False) -> None:
        _run(fmt, out_path, dataset, since, until, kinds, actors, statements, rollup, store, as_json)

    run.__doc__ = doc
    command(app, fmt)(run)


_command("gexf", """GEXF 1.3 for Gephi: a dynamic graph (its timeline replays the crisis), nodes coloured by
    camp, sized by activity and laid out, edges of one kind per relation.

    Example: kg export gexf --out crisis.gexf
    """)
_command("graphml", """GraphML with typed keys (networkx, Gephi, Cytoscape, yEd).

    Example: kg export graphml --out crisis.graphml
    """)
_command("csv", """Node and edge tables (nodes.csv, edges.csv) with Gephi's column names, into a folder.

    Example: kg export csv --out crisis-tables
    """)
