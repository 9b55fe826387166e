"""What every command shares: the store option, error handling, JSON and tables."""
from __future__ import annotations

import functools
import json
import os
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from importlib import import_module, resources
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from typer.core import TyperGroup

from kg.errors import DataError, KgError, UsageError

try:  # typer >= 0.20 carries its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older typer on click
    from click import exceptions as click_errors

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# The choices of typed options. `kg --help` must not import the modules that define them (pydantic,
# numpy, networkx), so the short ones are spelled out here and tests/test_cli_errors.py checks that
# they equal the library's; the stances are read from the data file that defines them.
ACTOR_KINDS = ("state", "organization", "person", "armed_group", "authority", "ngo")  # kg.model.ACTOR_KINDS
CAMP_METHODS = ("louvain", "signed", "positions")  # kg.analysis.camps.METHODS
DEFAULT_HALF_LIFE = 90.0  # kg.analysis.graph.DEFAULT_HALF_LIFE
PICTURE_FORMATS = ("png", "svg")  # kg.plot.FORMATS
STORES = ("embedded", "neo4j")  # kg.store.STORES


def _stance_names() -> tuple[str, ...]:
    import yaml

    text = resources.files("kg.data").joinpath("stances.yaml").read_text(encoding="utf-8")
    return tuple(yaml.safe_load(text)["stances"])  # kg.vocab.STANCE_NAMES


STANCE_NAMES = _stance_names()
StoreKind = Literal[STORES]  # type: ignore[valid-type]
ActorKind = Literal[ACTOR_KINDS]  # type: ignore[valid-type]
StanceName = Literal[STANCE_NAMES]  # type: ignore[valid-type]
CampMethod = Literal[CAMP_METHODS]  # type: ignore[valid-type]

StoreOpt = Annotated[StoreKind, typer.Option(
    "--store", envvar="KG_STORE", help="Where the data lives: embedded (default, no server) or neo4j.",
    show_default=True)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print stable JSON instead of a table.")]
DatasetOpt = Annotated[list[str] | None, typer.Option(
    "--dataset", help="Only the statements of this dataset (repeat for several; kg datasets lists them).")]


def picture_path(value: Path | None) -> Path | None:
    """An --out option's callback: the picture must be .png or .svg (checked before anything runs)."""
    if value is not None and value.suffix.lower().lstrip(".") not in PICTURE_FORMATS:
        raise typer.BadParameter(f"{str(value)!r} must end in {' or '.join('.' + f for f in PICTURE_FORMATS)}")
    return value


class LazyModule:
    """Stands for a module and imports it on first use, so that ``kg --help`` never loads it."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(import_module(self._name), attr)


def parse_date(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value, or a clean error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: bad date {value!r} (expected YYYY-MM-DD)") from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def print_report(report, added: str) -> None:
    """What a reader read (a :class:`kg.ingest.sources.Report`), what ``added`` says was
    added, its notes and what it set aside, wrapped at 80 columns."""
    loaded = ", ".join(f"{k} {n}" for k, n in report.as_dict()["loaded"].items())
    lines = [f"read {loaded}", added, *(f"note: {note}" for note in report.notes)]
    for what, counts in sorted(report.unmatched.items()):
        top = ", ".join(f"{k} ({n})" for k, n in counts.most_common(5))
        lines.append(f"not loaded, {what}: {sum(counts.values())} times; most often: {top}")
    for line in lines:
        out.print(textwrap.fill(line, 80, subsequent_indent="  "), markup=False)


def clean_errors(fn: Callable) -> Callable:
    """Turn ``KgError`` into one line per problem on stderr and the error's exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except DataError as e:
            for p in e.problems:
                err.print(f"error: {p}", markup=False)
            if len(e.problems) > 1:
                err.print(f"{len(e.problems)} problems; nothing was loaded.", markup=False)
            raise typer.Exit(e.exit_code) from None
        except KgError as e:
            err.print(f"error: {e}", markup=False)
            raise typer.Exit(e.exit_code) from None
        except KeyboardInterrupt:
            err.print("interrupted", markup=False)
            raise typer.Exit(130) from None

    return wrapper


def command(app: typer.Typer, *args, **kwargs) -> Callable:
    """``app.command`` with clean error handling."""

    def deco(fn: Callable) -> Callable:
        app.command(*args, **kwargs)(clean_errors(fn))
        return fn

    return deco


NEO4J_OPTIONS: dict[str, str] = {}
"""Connection settings given as ``kg --neo4j-uri ... COMMAND``; they win over the environment."""


def open_from_cli(store: str):
    """Open the store a command names (the Neo4j settings of the main options apply)."""
    from kg.store import open_store

    if (store or "").strip() == "neo4j":
        return open_store(store, **NEO4J_OPTIONS)
    return open_store(store)


def _lower_first(text: str) -> str:
    """"No such option" -> "no such option", but "NATO ..." stays."""
    return text[0].lower() + text[1:] if text[:2].istitle() else text


def usage_message(e: Exception) -> str:
    """A click/typer usage error in our style: ``--method: 'x' is not one of 'louvain', 'signed'``."""
    param = getattr(e, "param", None)
    if (isinstance(e, click_errors.BadParameter) and not isinstance(e, click_errors.MissingParameter)
            and param is not None and e.param_hint is None):
        opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
        where = opts[0] if opts else (getattr(param, "metavar", None) or param.name or "").upper()
        source = e.ctx.get_parameter_source(param.name) if e.ctx is not None and param.name else None
        if param.envvar and source is not None and source.name == "ENVIRONMENT":
            where += f" (from ${param.envvar})"
        message = f"{where}: {_lower_first(e.message.replace('Value error, ', ''))}"
    else:
        message = _lower_first(e.format_message())
    return message.strip().removesuffix(".")


class KgGroup(TyperGroup):
    """The ``kg`` group: usage errors from click print like our own errors, one line, no usage block.

    Every way out is an exit code of the table in :mod:`kg.errors`.
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            code = code if isinstance(code, int) else 0
        except click_errors.NoArgsIsHelpError as e:  # `kg` or `kg plot` alone: the help
            e.show()
            code = e.exit_code
        except click_errors.ClickException as e:
            err.print(f"error: {usage_message(e)}", markup=False)
            code = UsageError.exit_code  # a bad option, argument or file name: bad input or usage
        except typer.Abort:  # Ctrl-C or end of input at a prompt
            err.print("interrupted", markup=False)
            code = 130
        if standalone_mode:
            sys.exit(code)
        return code


def debug() -> bool:
    """``KG_DEBUG=1``: let an unexpected error show its traceback."""
    return os.environ.get("KG_DEBUG", "") not in ("", "0")
