"""The ``kg`` command line: thin commands over the library, one sub-app per area."""
from __future__ import annotations

from typing import Annotated

import typer

from kg.cli import analyse, data, extract, query, read
from kg.cli.common import NEO4J_OPTIONS

app = typer.Typer(
    name="kg",
    help="A knowledge graph of diplomatic reactions: who backs whom, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
for sub in (data.app, read.app, query.app, analyse.app):
    app.registered_commands.extend(sub.registered_commands)
app.add_typer(analyse.plot_app, name="plot")
app.registered_commands.extend(extract.app.registered_commands)
app.add_typer(extract.ingest_app, name="ingest")


@app.callback()
def options(
    neo4j_uri: Annotated[str | None, typer.Option(help="Neo4j Bolt URI (default: $NEO4J_URI).")] = None,
    neo4j_user: Annotated[str | None, typer.Option(help="Neo4j user (default: $NEO4J_USER or neo4j).")] = None,
    neo4j_database: Annotated[str | None, typer.Option(
        help="Neo4j database (default: $NEO4J_DATABASE or neo4j).")] = None,
) -> None:
    """A knowledge graph of diplomatic reactions: who backs whom, with evidence.

    The Neo4j password comes only from $NEO4J_PASSWORD, so that it never shows in a
    command line or a process list.
    """
    NEO4J_OPTIONS.clear()
    given = {"uri": neo4j_uri, "user": neo4j_user, "database": neo4j_database}
    NEO4J_OPTIONS.update({k: v for k, v in given.items() if v})


def main() -> None:
    app()
