"""``kg query``: read-only Cypher against the Neo4j store."""
from __future__ import annotations

import json as jsonlib
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from kg.cli.common import JsonOpt, LazyModule, StoreOpt, command, err, open_from_cli, out, print_json
from kg.cli.tables import fit

# The report loads on first use, so that `kg --help` does not import pydantic.
query_report = LazyModule("kg.reports.query")

app = typer.Typer()


def _cell(v) -> str:
    return v if isinstance(v, str) else jsonlib.dumps(v, ensure_ascii=False, default=str)


@command(app)
def query(
    cypher: Annotated[str, typer.Argument(help="A read-only Cypher query; values go in --param.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE (VALUE may be JSON).")] = None,
    limit: Annotated[int, typer.Option(
        "--limit", min=1, help="Rows to fetch at most (the rest are not read).")] = 10_000,
    store: StoreOpt = "neo4j",
    json: JsonOpt = False,
) -> None:
    """Run a plain read in Cypher on Neo4j and print a table.

    Only plain reads run: writes, LOAD CSV, SHOW/TERMINATE TRANSACTIONS, administration commands
    and procedures other than those describing the graph are refused before they run. A query
    runs for 60 s at most; past --limit rows, the rest is not fetched and a line says so.

    Example: kg query "MATCH (a:Actor {id: \\$id})-[s:STANCE]->(t) RETURN t.name, s.stance" --param id=TUR
    """
    params = query_report.parse_params(param or [])
    with open_from_cli(store) as db:
        rows = query_report.cypher_query(db, cypher, params, limit)
    if getattr(rows, "cut", False):
        err.print(f"only the first {len(rows)} rows: the query returns more (add LIMIT, or --limit N)",
                  markup=False)
    if json:
        print_json(list(rows))
        return
    if not rows:
        out.print("(no rows)")
        return
    table = Table(title=f"{len(rows)} rows")
    for col in rows[0]:
        table.add_column(escape(str(col)))
    for r in rows:
        table.add_row(*(escape(_cell(r.get(c))) for c in rows[0]))
    # Columns no narrower than their longest word; too many for the terminal: one record per section.
    out.print(fit(table))
