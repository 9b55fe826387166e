"""What every command shares: the store option, error handling, JSON and tables."""
from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

import typer
from rich.console import Console

from kg.errors import DataError, KgError

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

StoreOpt = Annotated[str, typer.Option(
    "--store", envvar="KG_STORE", help="Where the data lives: embedded (default, no server) or neo4j.",
    show_default=True)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print stable JSON instead of a table.")]


def parse_date(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value, or a clean error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KgError(f"{option}: bad date {value!r} (expected YYYY-MM-DD)") from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


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
