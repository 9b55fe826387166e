"""The store interface: what every store (embedded SQLite, Neo4j) must answer.

Every query method returns plain records in a stable order, so that the same
data gives the same answer from any store. Analyses and CLI commands work only
through this interface.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from kg.model import Actor, Alliance, Dataset, Membership, Role, Source, Statement

Progress = Callable[[int], None]
"""Called with the number of records just written, so a caller can advance a progress bar."""

KINDS = ("actors", "sources", "roles", "memberships", "alliances", "statements")


@dataclass(frozen=True)
class StatementFilter:
    """Which statements to return; every field left None matches everything.

    ``by`` matches the speaker or the actor spoken for; ``toward`` any target.
    """

    by: frozenset[str] | None = None
    toward: frozenset[str] | None = None
    stances: frozenset[str] | None = None
    since: date | None = None
    until: date | None = None
    datasets: frozenset[str] | None = None
    """The datasets the statements were loaded from (``Statement.dataset``)."""

    def matches(self, s: Statement) -> bool:
        return ((self.by is None or s.speaker in self.by or s.on_behalf_of in self.by)
                and (self.toward is None or not self.toward.isdisjoint(s.targets))
                and (self.stances is None or s.stance in self.stances)
                and (self.since is None or s.date >= self.since)
                and (self.until is None or s.date <= self.until)
                and (self.datasets is None or s.dataset in self.datasets))


@dataclass(frozen=True)
class StanceEdge:
    """Statements of one actor toward one target with one stance, added up.

    ``source`` is the speaker, or the state or organisation it spoke for when rolled up.
    ``valence`` is the sum of valence × confidence, ``weight`` the sum of confidence.
    """

    source: str
    target: str
    stance: str
    n: int
    valence: float
    weight: float
    first: date
    last: date


@dataclass(frozen=True)
class DatasetInfo:
    """A dataset as loaded: its name, how many statements it holds and their first and last day."""

    name: str | None
    statements: int
    first: date
    last: date


class Store(ABC):
    """A place that keeps records and answers queries about them."""

    name: str = "store"

    @abstractmethod
    def load(self, datasets: Sequence[Dataset], progress: Progress | None = None) -> dict[str, int]:
        """Write every record of ``datasets`` in one all-or-nothing unit; loading twice changes nothing.

        Returns the number of records of each kind in the store afterwards.
        """

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """How many records of each kind (see ``KINDS``) the store holds."""

    @abstractmethod
    def actors(self) -> list[Actor]:
        """Every actor, by id."""

    @abstractmethod
    def sources(self) -> list[Source]:
        """Every source, by url."""

    @abstractmethod
    def roles(self) -> list[Role]:
        """Every role, by id."""

    @abstractmethod
    def memberships(self) -> list[Membership]:
        """Every membership, by id."""

    @abstractmethod
    def alliances(self) -> list[Alliance]:
        """Every alliance, by id."""

    @abstractmethod
    def statements(self, where: StatementFilter | None = None) -> Iterator[Statement]:
        """The statements that match ``where``, by date then id, streamed."""

    @abstractmethod
    def stance_edges(self, where: StatementFilter | None = None, rollup: bool = True) -> list[StanceEdge]:
        """Statements added up by (source, target, stance), ordered by those three.

        With ``rollup`` a person's statements count for the state or organisation they
        spoke for (when known); without it, for the person.
        """

    @abstractmethod
    def involvement(self, where: StatementFilter | None = None, rollup: bool = True) -> dict[str, int]:
        """For every actor, the number of statements that name it as their source or a target.

        The source is the speaker or, with ``rollup``, the state or organisation spoken for (as
        in :meth:`stance_edges`); a statement counts once for an actor however often it names it.
        """

    @abstractmethod
    def datasets(self) -> list[DatasetInfo]:
        """Every dataset the statements were loaded from, by name (statements without one: ``None``, last)."""

    @abstractmethod
    def drop_dataset(self, name: str) -> int:
        """Remove the statements of dataset ``name`` (actors, sources and reference records stay);
        returns how many there were."""

    @abstractmethod
    def clear(self) -> None:
        """Remove every record."""

    def close(self) -> None:  # noqa: B027 - optional for stores with nothing to release
        """Release connections."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Successive lists of at most ``size`` items."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
