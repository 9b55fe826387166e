"""One root exception, ``KgError``, and a few subclasses.

The CLI turns any ``KgError`` into one line on stderr and the subclass's
``exit_code``; nothing else should reach the user as a traceback.

Exit codes, the same for every command (``kg --help`` shows the first two columns; a test
checks that each class's ``exit_code`` is the code of the row that names it):

    code  meaning                                        raised as
    0     ok                                             -
    1     internal error                                 -
    2     bad input or usage                             KgError, UsageError, DataError, UnknownActorError
    3     store failed                                   StoreError
    4     store unreachable                              StoreUnavailable, StoreUnreachable
    5     query refused or failed                        QueryError
    6     nothing to answer                              AnalysisError
    7     Neo4j auth refused                             StoreAuthError
    8     no such Neo4j database                         DatabaseNotFound
    130   interrupted                                    -

1 is a bug, never your input: ``kg`` prints one line, and the traceback when ``KG_DEBUG=1``.
2 is an invalid data file, an unknown actor, a bad option value or date, a missing argument.
3 is a store that could not read or write; 4 a store that cannot be reached (no server answers).
5 is a query refused (anything but a plain read) or failed (bad Cypher, too long).
6 is a question without an answer: an empty store, a window without statements, too few actors.
130 is Ctrl-C.
"""
from __future__ import annotations

from dataclasses import dataclass


class KgError(Exception):
    """Root of every error ``kg`` raises on purpose; a plain one is bad input (exit 2)."""

    exit_code = 2


def exit_codes() -> dict[int, tuple[str, tuple[str, ...]]]:
    """The table above: each exit code's meaning and the classes raised with it."""
    import re

    rows = re.findall(r"^ {4}(\d+) {2,}(\S.*?) {2,}(\S.*)$", __doc__ or "", re.MULTILINE)
    return {int(code): (meaning, tuple(c for c in classes.split(", ") if c != "-"))
            for code, meaning, classes in rows}


class UsageError(KgError):
    """A bad option value or a wrong use of a command (a bad date, an unknown store)."""

    exit_code = 2


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
    """A user query is refused (anything but a plain read) or fails (bad Cypher, too long)."""

    exit_code = 5


class AnalysisError(KgError):
    """An analysis cannot run on this data (empty store, no statements in the window, ...)."""

    exit_code = 6
