"""The ``kg`` command line: thin commands over the library, one sub-app per area."""
from __future__ import annotations

import sys
from typing import Annotated

import typer

import kg
from kg.cli import analyse, data, events, export, extract, query, read, review  # noqa: F401 - events adds to ingest
from kg.cli.common import NEO4J_OPTIONS, KgGroup, debug, err
from kg.errors import exit_codes

HELP = """A knowledge graph of diplomatic reactions: who backs whom, with evidence.

Data goes to the embedded store, one SQLite file: $KG_HOME/kg.sqlite, by default
~/.kg/kg.sqlite (kg info shows where; kg reset removes it). --store neo4j (or
KG_STORE=neo4j) uses a Neo4j server instead; its password comes only from
$NEO4J_PASSWORD, so that it never shows in a command line or a process list.

Start with: kg load ingest/datasets/nagorno-karabakh-2020.yaml, then kg stance Turkey.
"""
EPILOG = "Exit codes: " + ", ".join(f"{code} {meaning}" for code, (meaning, _) in exit_codes().items()) + "."

app = typer.Typer(
    name="kg",
    cls=KgGroup,
    help=HELP,
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
for sub in (data.app, read.app, query.app, analyse.app):
    app.registered_commands.extend(sub.registered_commands)
app.add_typer(analyse.plot_app, name="plot")
app.registered_commands.extend(extract.app.registered_commands)
app.registered_commands.extend(review.app.registered_commands)
app.add_typer(extract.ingest_app, name="ingest")
app.add_typer(export.app, name="export")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {kg.__version__}")
        raise typer.Exit()


@app.callback()
def options(
    neo4j_uri: Annotated[str | None, typer.Option(help="Neo4j Bolt URI (default: $NEO4J_URI).")] = None,
    neo4j_user: Annotated[str | None, typer.Option(help="Neo4j user (default: $NEO4J_USER or neo4j).")] = None,
    neo4j_database: Annotated[str | None, typer.Option(
        help="Neo4j database (default: $NEO4J_DATABASE or neo4j).")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print kg's version and exit.")] = False,
) -> None:
    """The main options; the help of ``kg`` is ``HELP`` above."""
    NEO4J_OPTIONS.clear()
    given = {"uri": neo4j_uri, "user": neo4j_user, "database": neo4j_database}
    NEO4J_OPTIONS.update({k: v for k, v in given.items() if v})


def main() -> None:
    """The ``kg`` command: our errors and click's usage errors are one line each (see KgGroup);
    anything else is a bug, one line too (exit 1) unless KG_DEBUG=1 asks for the traceback."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted", markup=False)
        sys.exit(130)
    except Exception as e:
        if debug():
            raise
        err.print(f"error: internal error: {type(e).__name__}: {e} (a bug; KG_DEBUG=1 shows the traceback)",
                  markup=False)
        sys.exit(1)
