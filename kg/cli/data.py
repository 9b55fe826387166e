"""``kg load`` and ``kg validate``: curated datasets into the store."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.cli.common import JsonOpt, StoreOpt, command, err, open_from_cli, out, print_json
from kg.store.base import KINDS

app = typer.Typer()

Paths = Annotated[list[Path], typer.Argument(help="Curated YAML files, or folders of them.",
                                             show_default=False)]


@command(app)
def validate(paths: Paths, json: JsonOpt = False) -> None:
    """Check curated datasets and report every problem with file, line and field; write nothing.

    Example: kg validate ingest/datasets/nagorno-karabakh-2020.yaml
    """
    from kg.ingest.curated import read_datasets

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
