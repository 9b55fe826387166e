"""``kg ingest gdelt`` and ``kg ingest plover``: event data into the store, streamed.

Thin commands over :mod:`kg.ingest.gdelt`, :mod:`kg.ingest.plover` and
:func:`kg.ingest.events.load_statements`: each file is read one line at a time and loaded as its
own dataset, chunk by chunk, with a progress line of rows read per second.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from kg.cli.common import JsonOpt, StoreOpt, command, err, open_from_cli, out, print_json, print_report
from kg.cli.extract import ingest_app
from kg.errors import UsageError

Files = Annotated[list[Path], typer.Argument(help="Event files (plain or zipped).", show_default=False)]
DatasetOpt = Annotated[str | None, typer.Option(
    "--dataset", help="The dataset's name (one file only). Default: the source and the file's name.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Stop at the first row that cannot be read (exit 2).")]


class _Rate(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} rows/s" if speed else "")


def dataset_name(source: str, path: Path) -> str:
    """``gdelt-20170701234500`` for ``20170701234500.export.CSV.zip``.

    >>> dataset_name("gdelt", Path("data/20170701234500.export.CSV.zip"))
    'gdelt-20170701234500'
    """
    return f"{source}-{re.split(r'[.]', path.name, maxsplit=1)[0]}"


def _ingest(source: str, read, files: list[Path], dataset: str | None, store: str, json: bool) -> None:
    from kg.actors import ActorIndex
    from kg.ingest.events import load_statements
    from kg.ingest.sources import Report

    if dataset and len(files) > 1:
        raise UsageError("--dataset names one file's dataset; give one file with it")
    index = ActorIndex.default()
    done = []
    with open_from_cli(store) as db:
        before = db.counts()["statements"]
        for path in files:
            name = dataset or dataset_name(source, path)
            report = Report()
            with Progress(SpinnerColumn(), TextColumn(f"{path.name}: {{task.completed:,}} rows read, "
                                                      "{task.fields[statements]:,} statements loaded"), _Rate(),
                          TimeElapsedColumn(), console=err, transient=True,
                          disable=json or not err.is_terminal) as bar:
                task = bar.add_task("load", total=None, statements=0)
                loaded = [0]

                def advance(k, bar=bar, task=task, report=report, loaded=loaded):
                    loaded[0] += k
                    bar.update(task, completed=report.rows, statements=loaded[0])

                n = load_statements(db, read(path, name, report, index), name, index, progress=advance)
            done.append((name, n, report))
        added = db.counts()["statements"] - before
    if json:
        print_json({"store": store, "added": added,
                    "datasets": [{"name": name, "statements": n, **report.as_dict()} for name, n, report in done]})
        return
    for name, n, report in done:
        print_report(report, f"loaded {n} statements as dataset {name} into the {store} store")
    if len(done) > 1:
        out.print(f"{added} new statements in all", markup=False)


@command(ingest_app, "gdelt")
def ingest_gdelt(
    files: Files,
    dataset: DatasetOpt = None,
    quad: Annotated[str, typer.Option(
        "--quad", help="GDELT quad classes to read, comma-separated: 1 verbal cooperation, 2 material "
                       "cooperation, 3 verbal conflict, 4 material conflict.")] = "1,3",
    strict: StrictOpt = False,
    store: StoreOpt = "embedded",
    json: JsonOpt = False,
) -> None:
    """Load GDELT events (2.0: 61 columns, 1.0: 58; plain or zipped) as statements between states.

    CAMEO codes become stances (kg/data/events.yaml), Goldstein the valence; each file is a
    dataset. What is set aside (regions, non-state actors, codes without a stance, rows that
    cannot be read, by line) is counted and listed. Loading again adds nothing.

    Example: kg ingest gdelt 20170701234500.export.CSV.zip
    """
    from kg.ingest.gdelt import Filters, read_events

    try:
        classes = frozenset(int(q) for q in quad.split(",") if q.strip())
    except ValueError:
        classes = frozenset({0})
    if not classes or not classes <= {1, 2, 3, 4}:
        raise UsageError(f"--quad: {quad!r}: give quad classes 1-4, comma-separated")
    filters = Filters(quad_classes=classes)

    def read(path, name, report, index):
        return read_events(path, name, report, index, filters, strict)

    _ingest("gdelt", read, files, dataset, store, json)


@command(ingest_app, "plover")
def ingest_plover(
    files: Annotated[list[Path], typer.Argument(
        help="PLOVER files: a JSON array of records, or JSON lines (one record a line).", show_default=False)],
    dataset: DatasetOpt = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Stop at the first record that cannot be read (exit 2).")] = False,
    store: StoreOpt = "embedded",
    json: JsonOpt = False,
) -> None:
    """Load PLOVER event records (a JSON array or JSON lines) as statements between states.

    Event types and modes become stances (plover_stances in kg/data/events.yaml); each source
    that speaks for a state kg knows (the country itself, its government, military, legislature or
    judiciary) gives one statement toward the target states; each file is a dataset. What is set
    aside (DOCUMENT records, organisations, other sectors, types without a stance, records that
    cannot be read, by record or line) is counted and listed. Loading again adds nothing.

    Example: kg ingest plover PLOVER_GSR_CAMEO.txt
    """
    from kg.ingest.plover import read_events

    def read(path, name, report, index):
        return read_events(path, name, report, index, strict=strict)

    _ingest("plover", read, files, dataset, store, json)
