"""``kg load`` and ``kg validate``: curated datasets into the store; ``kg info`` and ``kg reset``:
where the store is, what it holds, and starting again."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.cli.common import JsonOpt, StoreOpt, command, err, open_from_cli, out, print_json
from kg.errors import StoreError, UsageError

app = typer.Typer()

Paths = Annotated[list[Path], typer.Argument(help="Curated YAML files, or folders of them.",
                                             show_default=False)]


@command(app)
def validate(paths: Paths, json: JsonOpt = False) -> None:
    """Check curated datasets and report every problem with file, line and field; write nothing.

    Example: kg validate ingest/datasets/nagorno-karabakh-2020.yaml
    """
    from kg.ingest.curated import read_datasets
    from kg.store.base import KINDS

    datasets = read_datasets(paths)
    rows = [{"dataset": d.name, **d.counts()} for d in datasets]
    if json:
        print_json(rows)
        return
    for r in rows:
        counts = ", ".join(f"{r[k]} {k}" for k in KINDS)
        out.print(f"ok: {r['dataset']}: {counts}")


@command(app)
def load(paths: Paths, store: StoreOpt = "embedded", json: JsonOpt = False) -> None:
    """Validate curated datasets, then load them all or nothing; loading twice changes nothing.

    Example: kg load ingest/datasets/nagorno-karabakh-2020.yaml
    """
    from kg.ingest.curated import read_datasets
    from kg.store.base import KINDS

    datasets = read_datasets(paths)
    total = sum(sum(d.counts().values()) for d in datasets)
    with open_from_cli(store) as db:
        before = db.counts()
        with Progress(TextColumn("loading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True, disable=json) as bar:
            task = bar.add_task("load", total=total)
            after = db.load(datasets, progress=lambda n: bar.advance(task, n))
    if json:
        print_json({"store": store, "datasets": [d.name for d in datasets],
                    "counts": after, "added": {k: after[k] - before[k] for k in KINDS}})
        return
    table = Table(title=f"{store} store after loading {', '.join(d.name for d in datasets)}")
    table.add_column("records")
    table.add_column("in store", justify="right")
    table.add_column("added now", justify="right")
    for k in KINDS:
        table.add_row(k, str(after[k]), str(after[k] - before[k]))
    out.print(table)


def _records(counts: dict[str, int] | None) -> str:
    if counts is None:
        return "records not counted"
    said = ", ".join(f"{n} {k if n != 1 else k[:-1]}" for k, n in counts.items() if n)  # 1 source, 2 sources
    return said or "no records"


def _safe_uri(uri: str) -> str:
    """A server address without any user:password@ part (:func:`kg.store.neo4j.shown_uri`)."""
    from kg.store.neo4j import shown_uri

    return shown_uri(uri)


def _embedded_where() -> tuple[Path, str]:
    from kg.store.embedded import default_path

    how = f"KG_HOME={os.environ['KG_HOME']}" if os.environ.get("KG_HOME") else "the default; set KG_HOME to move it"
    return default_path(), how


def _embedded_counts(path: Path) -> dict[str, int] | None:
    """The records of the embedded store at ``path`` (None when the file is not a store this kg reads)."""
    from kg.store.embedded import EmbeddedStore

    try:
        with EmbeddedStore(path) as db:
            return db.counts()
    except StoreError:
        return None


def _interactive() -> bool:
    """Whether someone can answer a question: standard input is a terminal (tests replace this)."""
    return sys.stdin.isatty()


@command(app)
def info(store: StoreOpt = "embedded", json: JsonOpt = False) -> None:
    """Where the data lives (the embedded store's file, or the Neo4j server) and how many records it holds.

    The Neo4j password is never shown.

    Example: kg info   (also: kg info --json, kg --neo4j-uri bolt://host:7687 info --store neo4j)
    """
    from kg.store.base import KINDS

    if store == "neo4j":
        with open_from_cli(store) as db:
            report = {"store": "neo4j", "location": _safe_uri(db.uri), "database": db.database,
                      "user": db.user, "exists": True, "counts": db.counts()}
        where = f"{report['location']}, database {report['database']}, user {report['user']}"
    else:
        path, how = _embedded_where()
        exists = path.exists()
        counts = _embedded_counts(path) if exists else dict.fromkeys(KINDS, 0)
        report = {"store": "embedded", "location": str(path), "exists": exists, "counts": counts}
        where = f"{path} ({how})" if exists else f"{path} ({how}; not created yet: kg load creates it)"
    if json:
        print_json(report)
        return
    out.print(f"store:    {store}", markup=False)
    out.print(f"location: {where}", markup=False)
    out.print(f"records:  {_records(report['counts'])}", markup=False)


@command(app)
def reset(
    store: StoreOpt = "embedded",
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first (needed without a terminal).")] = False,
) -> None:
    """Remove every record: delete the embedded store's file, or clear the Neo4j database.

    Asks first; without a terminal to ask on, it refuses unless given --yes.

    Example: kg reset   (also: kg reset --yes, kg reset --store neo4j)
    """
    if store == "neo4j":
        with open_from_cli(store) as db:
            what = f"every record of the Neo4j database {db.database!r} at {_safe_uri(db.uri)}"
            counts = db.counts()
            _confirm(what, counts, yes)
            db.clear()
        out.print(f"removed {what} ({_records(counts)})", markup=False)
        return
    from kg.store.embedded import remove

    path, _ = _embedded_where()
    if not path.exists():
        out.print(f"nothing to remove: there is no embedded store at {path}", markup=False)
        return
    counts = _embedded_counts(path)
    what = f"the embedded store {path}"
    _confirm(what, counts, yes)
    removed = remove(path)
    out.print(f"removed {what} ({_records(counts)}; {len(removed)} file{'s' if len(removed) != 1 else ''})",
              markup=False)


def _confirm(what: str, counts: dict[str, int] | None, yes: bool) -> None:
    """Ask before removing ``what``; refuse (exit 2) when nobody can answer, stop (exit 0) on no."""
    if yes:
        return
    if not _interactive():
        raise UsageError(f"kg reset would remove {what}: there is no terminal to ask on, so add --yes")
    if not typer.confirm(f"Remove {what} ({_records(counts)})?", default=False, err=True):
        out.print("nothing removed", markup=False)
        raise typer.Exit(0)
