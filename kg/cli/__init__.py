"""The ``kg`` command line: thin commands over the library, one sub-app per area."""
from __future__ import annotations

import typer

from kg.cli import analyse, data, extract, query, read

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


def main() -> None:
    app()
