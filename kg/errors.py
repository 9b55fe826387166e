"""One root exception, ``KgError``, and a few subclasses.

The CLI turns any ``KgError`` into one line on stderr and the subclass's
``exit_code``; nothing else should reach the user as a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass


class KgError(Exception):
    """Root of every error ``kg`` raises on purpose."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, and where it is."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.file, self.line) if p is not None)
        parts = [p for p in (where, self.field) if p]
        return ": ".join(parts + [self.message])


class DataError(KgError):
    """The input is invalid; ``problems`` lists every problem found, not just the first."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UnknownActorError(DataError):
    """A name that no actor, alias, code or leader answers to."""

    def __init__(self, name: str, suggestions: list[str] | None = None, where: Problem | None = None):
        self.name = name
        self.suggestions = suggestions or []
        hint = f" (did you mean: {', '.join(self.suggestions)}?)" if self.suggestions else ""
        msg = f"unknown actor {name!r}{hint}"
        if where is not None:
            problem = Problem(msg, where.file, where.line, where.field)
        else:
            problem = Problem(msg)
        super().__init__(problem)


class StoreError(KgError):
    """The store failed to read or write."""

    exit_code = 3


class StoreUnavailable(StoreError):
    """The store cannot be reached (server down, wrong password, unknown database)."""

    exit_code = 4


class StoreUnreachable(StoreUnavailable):
    """No server answers at the address."""

    exit_code = 4


class StoreAuthError(StoreUnavailable):
    """The server refused the user name or password."""

    exit_code = 7


class DatabaseNotFound(StoreUnavailable):
    """The server has no database of that name."""

    exit_code = 8


class QueryError(KgError):
    """A user query is refused (a write in read-only mode) or fails."""

    exit_code = 5


class AnalysisError(KgError):
    """An analysis cannot run on this data (empty store, no statements in the window, ...)."""

    exit_code = 6
