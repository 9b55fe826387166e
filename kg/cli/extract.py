"""``kg extract`` and ``kg ingest article``: statements from news articles.

Thin commands over :mod:`kg.ingest.article`: read articles (files or folders of ``*.txt``),
extract, then print a table, print JSON, write a curated-format YAML file (atomically)
or, for ``kg ingest article``, validate and load the result into the store. ``--candidates``
writes the review queue (:mod:`kg.ingest.article.candidates`) that ``kg review`` walks through.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from kg.cli.common import JsonOpt, StoreOpt, command, err, open_from_cli, out, parse_date, print_json, print_report
from kg.cli.tables import fit, say
from kg.errors import DataError, Problem, UsageError

app = typer.Typer()
ingest_app = typer.Typer(help="Read outside material and load it in one step: articles, reference data.",
                         no_args_is_help=True)
app.add_typer(ingest_app, name="ingest")

Articles = Annotated[list[Path], typer.Argument(help="Article .txt files, or folders of them.",
                                                show_default=False)]
UrlOpt = Annotated[str | None, typer.Option("--url", help="The article's URL (plain text without header).")]
DateOpt = Annotated[str | None, typer.Option(
    "--date", help="The articles' date, YYYY-MM-DD: supplies one where the text has none, and "
                   "overrides the date of every article given.")]
NegOpt = Annotated[bool, typer.Option("--keep-negated", help="Keep negated cues as statements with negated: true.")]


def _files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(p.glob("*.txt"))
            if not found:
                raise DataError(Problem("no .txt articles in this folder", str(p)))
            files.extend(found)
        else:
            files.append(p)
    return files


def _extract(paths: list[Path], url: str | None, date: str | None, keep_negated: bool, quiet: bool,
             index=None):
    from kg.ingest.article import extract_file

    day = parse_date(date, "--date")
    files = _files(paths)
    if url and len(files) > 1:
        raise DataError("--url names one article; give one file with it")
    results, problems = [], []
    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=quiet or len(files) < 2) as bar:
        task = bar.add_task("extract", total=len(files))
        for f in files:
            try:
                results.append(extract_file(f, url=url, date=day, keep_negated=keep_negated, index=index))
            except DataError as e:
                problems.extend(e.problems)
            bar.advance(task)
    if problems:
        raise DataError(problems)
    return results


def _write_atomic(path: Path, text: str) -> None:
    path = path.resolve()
    if path.is_dir():
        raise DataError(Problem("is a directory; --out needs a file name", str(path)))
    if not path.parent.exists():
        raise DataError(Problem("no such folder", str(path.parent)))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _review_queue(results, index, min_confidence: float, queue: bool, per_sentence: int):
    """The extractions without their statements under ``min_confidence``, and (when ``queue``) the
    review queue of every article: those statements and the sentences that gave none."""
    import dataclasses

    from kg.ingest.article.extract import article_body, read_article
    from kg.ingest.article.proposals import review_queue

    if not queue:
        return [dataclasses.replace(r, statements=[s for s in r.statements if s.confidence >= min_confidence])
                for r in results], []
    kept, found = [], []
    for r in results:
        k, q = review_queue(r, article_body(read_article(r.path)), index, min_confidence, per_sentence)
        kept.append(k)
        found += q
    return kept, found


def _yaml(results, name: str | None = None) -> str:
    from kg.ingest.article.result import merge

    header = ("# Statements extracted by `kg extract` from news articles: review them, then\n"
              "# `kg validate` and `kg load` this file. span = character offsets in the article body,\n"
              "# sentence = sentence index; candidates = names the alias data does not know.\n")
    return header + yaml.safe_dump(merge(results, name), sort_keys=False, allow_unicode=True, width=100)


def _name(index, aid: str | None) -> str:
    """An actor's name for people to read ("Nagorno-Karabakh Republic"), its id when unknown."""
    a = index.actors.get(aid) if aid else None
    return a.name if a is not None else (aid or "")


def _table(results, index=None) -> None:
    from kg.actors import ActorIndex

    index = index or ActorIndex.default()
    for r in results:
        out.print(fit(_statements_table(r, index, wide=True), _statements_table(r, index, wide=False)))
        if r.candidates:
            say("unknown actors (candidates): " + ", ".join(
                f"{c['name']} ×{c['mentions']}" for c in r.candidates), markup=False)


def _statements_table(r, index, wide: bool) -> Table:
    """One article's statements; the narrow layout puts the targets under the speaker and the
    confidence under the stance, so that the evidence keeps room to wrap."""
    t = Table(title=Text(f"{r.title or r.path} ({r.date}) — {len(r.statements)} statements"),
              title_justify="left", show_lines=not wide)
    t.add_column("#", no_wrap=True, justify="right")
    if wide:
        t.add_column("speaker")
        t.add_column("stance", no_wrap=True)
        t.add_column("targets")
        t.add_column("conf", no_wrap=True)
    else:
        t.add_column("speaker\n\u2192 targets")
        t.add_column("stance\nconf", no_wrap=True)
    t.add_column("evidence", ratio=2, min_width=30)
    for s in r.statements:
        who = _name(index, s.speaker)
        if s.on_behalf_of and s.on_behalf_of != s.speaker:
            who += f" ({_name(index, s.on_behalf_of)})"
        who += " [joint]" if s.joint else ""
        tg = ", ".join(_name(index, x) for x in s.targets) + (" [all parties]" if s.all_parties else "")
        if wide:
            t.add_row(str(s.sentence), Text(who), Text(s.stance + (" [negated]" if s.negated else "")), Text(tg),
                      f"{s.confidence:.2f}", Text(s.quote))
        else:
            t.add_row(str(s.sentence), Text(f"{who}\n\u2192 {tg}"),
                      Text(s.stance + ("\n[negated]" if s.negated else "") + f"\n{s.confidence:.2f}"),
                      Text(s.quote))
    return t


@command(app)
def extract(
    paths: Articles,
    url: UrlOpt = None,
    date: DateOpt = None,
    out_file: Annotated[Path | None, typer.Option(
        "--out", help="Write the statements as curated YAML here (atomically).")] = None,
    keep_negated: NegOpt = False,
    json: JsonOpt = False,
    candidates_file: Annotated[Path | None, typer.Option(
        "--candidates", help="Write the review queue here (YAML, atomically): proposals from the sentences "
                             "with an actor and a stance cue or an evaluation that gave no statement (or "
                             "another one), and the statements under --min-confidence; review it with "
                             "kg review.")] = None,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Move the statements under this confidence out of the output, into the review queue "
             "(default 0: every statement stays).")] = 0.0,
    alternatives: Annotated[int, typer.Option(
        "--alternatives", min=1, max=9,
        help="Proposals a sentence gives to the review queue at most, best first "
             "(other speakers or targets for the same words).")] = 3,
) -> None:
    """Extract the diplomatic statements a news article reports (speaker, stance, targets, evidence).

    Articles are plain text: either URL, date, title, blank line, body, or any text
    (then pass --url and --date, or the date is read from the text; no date is an error).
    Without --out a table is printed; --out writes one YAML document (one source per article) that
    `kg validate` and `kg load` accept after review. --candidates writes what the extraction
    missed or doubts, for `kg review`.

    Example: kg extract article.txt --out statements.yaml   (or: kg extract news/ --json)
    """
    from kg.actors import ActorIndex

    if out_file is not None and candidates_file is not None and out_file.resolve() == candidates_file.resolve():
        raise UsageError("--out and --candidates name the same file")
    index = ActorIndex.default()
    results = _extract(paths, url, date, keep_negated, quiet=json, index=index)
    if candidates_file is not None or min_confidence > 0:
        before = sum(len(r.statements) for r in results)
        results, queue = _review_queue(results, index, min_confidence, candidates_file is not None, alternatives)
        moved = before - sum(len(r.statements) for r in results)
        if candidates_file is not None:
            from kg.ingest.article.candidates import dump_queue

            _write_atomic(candidates_file, dump_queue(queue))
            if not json:
                under = f", {moved} of them statements under {min_confidence:g}," if min_confidence > 0 else ""
                out.print(f"wrote {len(queue)} review candidates{under} from {len(results)} article(s) "
                          f"to {candidates_file}", markup=False)
        elif moved and not json:
            err.print(f"left out {moved} statements under confidence {min_confidence:g} "
                      "(--candidates FILE keeps them for kg review)", markup=False)
    if out_file is not None:
        _write_atomic(out_file, _yaml(results, None if len(results) == 1 else f"extract-{out_file.stem}"))
        if not json:
            n = sum(len(r.statements) for r in results)
            out.print(f"wrote {n} statements from {len(results)} article(s) to {out_file}", markup=False)
    if json:
        print_json([r.to_json() for r in results])
    elif out_file is None:
        _table(results, index)


@command(ingest_app, "article")
def ingest_article(
    paths: Articles,
    url: UrlOpt = None,
    date: DateOpt = None,
    keep_negated: NegOpt = False,
    store: StoreOpt = "embedded",
    json: JsonOpt = False,
) -> None:
    """Extract statements from news articles and load them into the store in one step.

    Example: kg ingest article article.txt --date 2020-09-27
    """
    from kg.ingest.article.result import to_datasets

    results = _extract(paths, url, date, keep_negated, quiet=json)
    datasets = to_datasets(results)
    with open_from_cli(store) as db:
        before = db.counts()
        after = db.load(datasets)
    added = {k: after[k] - before[k] for k in after}
    if json:
        print_json({"store": store, "datasets": [d.name for d in datasets], "added": added,
                    "candidates": [c for r in results for c in r.candidates]})
        return
    out.print(f"loaded {added.get('statements', 0)} new statements from {len(results)} article(s) "
              f"into the {store} store", markup=False)


@command(ingest_app, "reference")
def ingest_reference(
    folder: Annotated[Path | None, typer.Argument(
        help="A folder laid out like shared/refdata (memberships/, alliances/, leaders/); none: what the "
             "package ships.")] = None,
    source: Annotated[list[str] | None, typer.Option(
        "--source", help="Only these sources (repeat): eu, factbook, cow, atop, heads, archigos. Default: all.")
    ] = None,
    store: StoreOpt = "embedded",
    json: JsonOpt = False,
) -> None:
    """Load memberships, alliances and leaders from reference sources as dated records: EU
    accession and exit dates, the CIA Factbook's organisation participation and heads of
    2015-2023, COW IGO memberships to 2014, ATOP alliance obligations, Archigos' leaders to 2015.

    Without FOLDER, what the package ships (EU, Factbook, Archigos since 1945; ATOP and COW IGO
    are never shipped). What cannot be matched to a kg actor is counted and listed, never
    dropped silently. Loading again changes nothing: every record has a stable id.

    Example: kg ingest reference   (also: kg ingest reference ../shared/refdata --source atop)
    """
    from kg.ingest.reference import SOURCES, read_reference

    chosen = tuple(source or SOURCES)
    bad = sorted(set(chosen) - set(SOURCES))
    if bad:
        raise UsageError(f"--source: {', '.join(bad)}: choose from {', '.join(SOURCES)}")
    if err.is_terminal and not json:
        err.print(f"reading {folder or 'the shipped reference data'} …", markup=False)
    dataset, report = read_reference(folder, sources=chosen)
    with open_from_cli(store) as db:
        before = db.counts()
        after = db.load([dataset])
    added = {k: after[k] - before[k] for k in ("actors", "roles", "memberships", "alliances")}
    if json:
        print_json({"store": store, "dataset": dataset.name, "added": added, **report.as_dict()})
        return
    print_report(report, f"added {added['memberships']} memberships, {added['alliances']} alliances, "
                         f"{added['roles']} roles and {added['actors']} actors to the {store} store "
                         f"(dataset {dataset.name})")
