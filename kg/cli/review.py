"""``kg review``: the review queue of ``kg extract --candidates``, one key at a time.

Thin over :mod:`kg.ingest.article.review`: draw the state, read one key (no Enter needed in
a terminal, see :func:`_keyboard`), step the state machine, and write the reviewed dataset
(atomically) after every decision, so that ``q`` or Ctrl-C loses nothing and the same command
resumes after the last decided candidate.
"""
from __future__ import annotations

import codecs
import contextlib
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from kg.cli.common import command, err, out
from kg.errors import DataError, Problem

app = typer.Typer()

STYLES = {"speaker": "bold black on cyan", "stance": "bold black on yellow", "target": "bold black on magenta"}
"""How the proposal is highlighted, in the sentence and in the proposal lines."""


@command(app)
def review(
    queue_file: Annotated[Path, typer.Argument(
        help="The review queue that kg extract --candidates wrote.", show_default=False)],
    out_file: Annotated[Path, typer.Option(
        "--out", help="The reviewed dataset: written after every decision, resumed when it exists.",
        show_default=False)],
) -> None:
    """Review extraction candidates one key at a time; accepted ones become a curated dataset.

    Each candidate shows its sentence with the proposed speaker, stance and targets
    highlighted. Keys: a accept, s name the speaker, t name the targets (comma-separated),
    k pick the stance by number, r reject, q stop. Names resolve through the alias data,
    with the closest names offered on a miss. Every decision is written to --out at once,
    so q or Ctrl-C loses nothing; the same command resumes after the last decided
    candidate. kg validate and kg load accept the result.

    Example: kg extract article.txt --candidates queue.yaml; kg review queue.yaml --out reviewed.yaml
    """
    from kg.actors import ActorIndex
    from kg.ingest.article import review as rv
    from kg.ingest.article.candidates import read_queue

    queue = read_queue(queue_file)
    if not out_file.resolve().parent.is_dir():  # found now, not at the first decision
        raise DataError(Problem("no such folder", str(out_file.resolve().parent)))
    doc = rv.read_progress(out_file)
    if doc is None:
        doc = rv.new_document(queue, out_file, queue_file)
    index = ActorIndex.default()
    state = rv.start(queue, rv.decided(doc))
    if not queue:
        out.print(f"no candidates in {queue_file}: nothing to review", markup=False)
        return
    if state.mode == "done":
        out.print(f"all {len(queue)} candidates of {queue_file} are decided ({_counts(doc)} in {out_file})",
                  markup=False)
        return
    shown = None
    try:
        with _keyboard() as read_key:
            while state.mode not in ("done", "quit"):
                # a terminal is redrawn after every key; elsewhere (piped keys) what is typed shows once done
                if out.is_terminal or shown != (state.pos, state.mode, state.message, state.draft):
                    _draw(state, index, doc)
                    shown = (state.pos, state.mode, state.message, state.draft)
                state = _keys_pressed(state, read_key(), index, doc, out_file)
    except KeyboardInterrupt:
        err.print(f"interrupted: {len(rv.decided(doc))} decisions kept in {out_file}", markup=False)
        raise typer.Exit(130) from None
    except EOFError:  # Ctrl-D, or the end of piped input: stop as q does
        state = rv.step(state, "q", index) if state.mode == "choose" else state
    _draw(state, index, doc)
    kept = len(rv.decided(doc))
    if state.mode == "done":
        out.print(f"reviewed all {len(queue)} candidates: {_counts(doc)} in {out_file}", markup=False)
    elif kept:
        out.print(f"stopped: {kept} decisions kept in {out_file} ({_counts(doc)}); {state.left} candidates "
                  "left: run the same command to resume", markup=False)
    else:
        out.print(f"stopped before any decision: {out_file} not written", markup=False)


def _keys_pressed(state, chunk: str, index, doc: dict, out_file: Path):
    """The state after the keys of one read; each decision is written to ``out_file`` at once."""
    from kg.cli.extract import _write_atomic
    from kg.ingest.article import review as rv

    for key in _keys(chunk):
        n = len(state.decisions)
        state = rv.step(state, key, index)
        if len(state.decisions) > n:
            rv.record(doc, state.decisions[-1])
            _write_atomic(out_file, rv.dump(doc))
        if state.mode in ("done", "quit"):
            break
    return state


def _counts(doc: dict) -> str:
    decisions = [e.get("decision") for e in doc["review"]["decisions"]]
    return (f"{decisions.count('accept')} accepted, {decisions.count('reject')} rejected, "
            f"{len(doc['statements'])} statements")


@contextlib.contextmanager
def _keyboard():
    """A function that returns the next key(s), for the whole session.

    A terminal is held in cbreak mode (no echo, no Enter needed, Ctrl-C still interrupts) from
    start to end: ``click.getchar`` sets raw mode with TCSAFLUSH on every call, which drops the
    keys typed while the screen is redrawn (a name typed fast, a number and Enter). Without
    termios (Windows) ``typer.getchar`` (click's) reads each key; piped input is read a character
    at a time.
    """
    stdin = sys.stdin
    if stdin is None or not stdin.isatty():
        yield lambda: stdin.read(1) if stdin is not None else ""
        return
    try:
        import termios
    except ImportError:  # pragma: no cover - Windows
        yield typer.getchar
        return
    fd = stdin.fileno()
    saved = termios.tcgetattr(fd)
    mode = termios.tcgetattr(fd)
    mode[3] &= ~(termios.ECHO | termios.ICANON)
    mode[6][termios.VMIN], mode[6][termios.VTIME] = 1, 0
    termios.tcsetattr(fd, termios.TCSANOW, mode)
    decode = codecs.getincrementaldecoder(stdin.encoding or "utf-8")("replace").decode

    def read() -> str:
        data = os.read(fd, 64)
        return decode(data) or "\x00" if data else ""  # "\x00": half a character, ignored; "": the end

    try:
        yield read
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def _keys(chunk: str):
    """The keys of what one read returned: a terminal may hand over several at once (a paste,
    keys typed fast); an escape sequence (an arrow key) is ignored whole."""
    if chunk == "":
        raise EOFError
    if chunk.startswith("\x1b") and len(chunk) > 1:
        return
    for ch in chunk:
        if ch == "\x03":
            raise KeyboardInterrupt
        if ch == "\x04":
            raise EOFError
        if ch != "\x00":
            yield ch


def _name(index, aid: str | None) -> str:
    if aid is None:
        return "?"
    a = index.lookup(aid)
    return a.name if a is not None else aid


def _draw(state, index, doc) -> None:
    """The screen of one state: the candidate, its sentence with the proposal highlighted, the prompt."""
    from kg.ingest.article.review import PROMPT, stance_keys

    if out.is_terminal:
        out.clear()
    c, d = state.current, state.draft
    decided = len(doc["review"]["decisions"])
    if c is None:
        out.print(Text(f"kg review: every candidate decided ({decided} decisions)"))
        if state.message:
            out.print(Text(state.message, style="dim"))
        return
    head = Text(f"candidate {state.pos + 1} of {len(state.queue)}", style="bold")
    head.append(f" · {decided} decided, {state.left} left · {c.title or c.url} ({c.date}) · sentence {c.sentence}")
    out.print(head, soft_wrap=False)
    out.print(Text(c.why, style="dim"), soft_wrap=False)
    out.print()
    out.print(_sentence(c, d, index), soft_wrap=False)
    out.print()
    rows = (("speaker", Text(_name(index, d.speaker) + (f" ({c.speaker_name})" if c.speaker_name
                                                         and d.speaker == c.speaker else ""), STYLES["speaker"])),
            ("stance", Text(d.stance, STYLES["stance"])),
            ("targets", Text(", ".join(_name(index, t) for t in d.targets) or "?", STYLES["target"])),
            ("quote", Text(f"“{c.quote}”")))
    for label, value in rows:
        line = Text(f"{label:<9}")
        line.append_text(value)
        if label == "targets" and c.all_parties and d.targets == c.targets:
            line.append(" (all parties)", style="dim")
        out.print(line, soft_wrap=False)
    out.print()
    if state.mode == "stance":
        choices = [f"{k} {name}" for k, name in stance_keys().items()]
        for row in range(0, len(choices), 5):  # two rows of five: a number stays with its stance
            out.print(Text("   ".join(choices[row:row + 5])), soft_wrap=False)
        out.print(Text("stance number (Esc: back): "))
    elif state.mode in ("speaker", "target"):
        ask = "speaker name" if state.mode == "speaker" else "targets, comma-separated"
        line = Text(f"{ask} (Enter: done, Esc: back): ")
        line.append(state.typed + "▏", style="bold")
        out.print(line, soft_wrap=False)
    else:
        out.print(Text(PROMPT, style="bold"))
    if state.message:
        out.print(Text(state.message, style="italic"), soft_wrap=False)


def _sentence(c, d, index) -> Text:
    """The sentence, the draft's speaker, targets and the cue highlighted where the sentence names them."""
    text = Text(c.text.replace("\n", " ").replace("\t", " "))  # same length: the offsets hold
    base = c.span[0]
    n = len(text.plain)

    def mark(a: int, b: int, style: str) -> None:
        a, b = max(0, a - base), min(n, b - base)
        if a < b:
            text.stylize(style, a, b)

    mark(*c.cue, STYLES["stance"])
    for a, b, actor in c.mentions:
        folded = index.speaks_for(actor, c.date) if index.lookup(actor) is not None else actor
        if actor == d.speaker:
            mark(a, b, STYLES["speaker"])
        elif actor in d.targets or folded in d.targets:
            mark(a, b, STYLES["target"])
    return text
