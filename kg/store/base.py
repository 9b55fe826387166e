"""The store interface: what every store (embedded SQLite, Neo4j) must answer.

Every query method returns plain records in a stable order, so that the same
data gives the same answer from any store. Analyses and CLI commands work only
through this interface.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

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
    ids: frozenset[str] | None = None
    """Only these statements."""

    def matches(self, s: Statement) -> bool:
        return ((self.ids is None or s.id in self.ids)
                and (self.by is None or s.speaker in self.by or s.on_behalf_of in self.by)
                and (self.toward is None or not self.toward.isdisjoint(s.targets))
                and (self.stances is None or s.stance in self.stances)
                and (self.since is None or s.date >= self.since)
                and (self.until is None or s.date <= self.until)
                and (self.datasets is None or s.dataset in self.datasets))


def unfiltered(where: StatementFilter | None, rollup: bool = True) -> bool:
    """Whether what a store keeps at load time answers: nothing filtered, statements rolled up.

    >>> unfiltered(None), unfiltered(StatementFilter()), unfiltered(None, rollup=False)
    (True, True, False)
    >>> unfiltered(StatementFilter(stances=frozenset({"support"})))
    False
    """
    return rollup and (where is None or where == StatementFilter())


class StanceEdge(NamedTuple):
    """Statements of one actor toward one target with one stance, added up.

    ``source`` is the speaker, or the state or organisation it spoke for when rolled up.
    ``valence`` is the sum of valence × confidence, ``weight`` the sum of confidence.
    A named tuple: a store returns tens of thousands, and a tuple is made at a third of the
    cost of a frozen dataclass.
    """

    source: str
    target: str
    stance: str
    n: int
    valence: float
    weight: float
    first: date
    last: date


class StatementRow(NamedTuple):
    """A statement without its words or codes: what the analyses count and rank by.

    Cheaper to read than a whole :class:`~kg.model.Statement` (see :meth:`Store.statement_rows`);
    ``targets`` are sorted.
    """

    id: str
    speaker: str
    on_behalf_of: str | None
    date: date
    stance: str
    valence: float
    confidence: float
    targets: tuple[str, ...]


EVIDENCE = 3
"""How many of the strongest statements a :class:`StanceGroup` names."""


def strength(s: Statement | StatementRow) -> tuple:
    """Sort key of statements, strongest first: valence times confidence, then confidence, then
    the words of a named person (the speaker is not the actor spoken for), then the most recent.

    The stores sort alike: ``ORDER BY abs(valence) * confidence DESC, confidence DESC,
    person DESC, date DESC, id``.
    """
    person = 1 if s.speaker != s.on_behalf_of else 0
    return (-abs(s.valence) * s.confidence, -s.confidence, -person, -s.date.toordinal(), s.id)


@dataclass(frozen=True)
class StanceGroup:
    """The statements of one group (one target, or one actor that spoke), added up by stance.

    ``valence`` is the sum of valence × confidence and ``weight`` the sum of confidence, as in
    :class:`StanceEdge`; ``strongest`` the ids of statements among which are its :data:`EVIDENCE`
    strongest (:func:`strength`): those alone, strongest first, or (from Neo4j's STANCE edges)
    the strongest of each stance.
    """

    key: Hashable
    """A target or an actor id; for :func:`edge_sums`, (actor, target, stance)."""
    stances: tuple[tuple[str, int], ...]
    n: int
    valence: float
    weight: float
    first: date
    last: date
    strongest: tuple[str, ...]


def group_statements(statements: Iterable, keys: Callable[[Statement], Iterable[Hashable]],
                     strongest: bool = True) -> list[StanceGroup]:
    """Statements added up in one group per key that ``keys`` gives them, ordered by key; without
    ``strongest`` the groups name no statements. Anything with a statement's fields will do.

    >>> from datetime import date
    >>> said = [Statement.create(speaker="TUR", date=date(2020, 9, d), stance=st, targets=["AZE"],
    ...                          quote="q", source="https://example.org/a") for d, st in
    ...         ((27, "support"), (28, "praise"), (29, "support"))]
    >>> (g,) = group_statements(said, lambda s: s.targets)
    >>> g.key, g.stances, g.n, g.first.day, g.last.day
    ('AZE', (('praise', 1), ('support', 2)), 3, 27, 29)
    >>> g.strongest == (said[2].id, said[0].id, said[1].id)  # support (valence 1), recent first; praise
    True
    """
    groups: dict[str, list[Statement]] = {}
    for s in statements:
        for k in dict.fromkeys(keys(s)):
            groups.setdefault(k, []).append(s)
    out = []
    for k, items in sorted(groups.items()):
        counts: dict[str, int] = {}
        for s in items:
            counts[s.stance] = counts.get(s.stance, 0) + 1
        out.append(StanceGroup(k, tuple(sorted(counts.items())), len(items),
                               sum(s.valence * s.confidence for s in items), sum(s.confidence for s in items),
                               min(s.date for s in items), max(s.date for s in items),
                               tuple(s.id for s in sorted(items, key=strength)[:EVIDENCE]) if strongest else ()))
    return out


def edge_sums(statements: Iterable, strongest: bool = True) -> list[StanceGroup]:
    """Statements added up by (actor spoken for or speaker, target, stance), as the stores keep
    their stance edges at load time (see :func:`group_statements`).

    >>> from datetime import date
    >>> said = [Statement.create(speaker="TUR", date=date(2020, 9, d), stance="support", targets=t, quote="q",
    ...                          source="https://example.org/a", confidence=c)
    ...         for d, t, c in ((27, ["AZE"], 0.5), (28, ["AZE", "ARM"], 1.0))]
    >>> arm, aze = edge_sums(said)
    >>> aze.key, aze.n, aze.valence, aze.weight, aze.strongest == (said[1].id, said[0].id)
    (('TUR', 'AZE', 'support'), 2, 1.5, 1.5, True)
    """
    return group_statements(statements, lambda s: [(s.on_behalf_of or s.speaker, t, s.stance) for t in s.targets],
                            strongest)


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

    def statement_rows(self, where: StatementFilter | None = None) -> Iterator[StatementRow]:
        """The statements that match ``where`` as :class:`StatementRow`, by date then id."""
        for s in self.statements(where):
            yield StatementRow(s.id, s.speaker, s.on_behalf_of, s.date, s.stance, s.valence, s.confidence,
                               tuple(sorted(s.targets)))

    @abstractmethod
    def stance_edges(self, where: StatementFilter | None = None, rollup: bool = True) -> list[StanceEdge]:
        """Statements added up by (source, target, stance), ordered by those three.

        With ``rollup`` a person's statements count for the state or organisation they
        spoke for (when known); without it, for the person.
        """

    def said_by(self, actor: str, where: StatementFilter | None = None) -> list[StanceGroup]:
        """The statements of ``actor`` (its speaker, or the actor spoken for) that match ``where``,
        one group per target, ordered by target."""
        where = replace(where or StatementFilter(), by=frozenset({actor}))
        return group_statements(self.statement_rows(where), lambda s: s.targets)

    def said_toward(self, actor: str, where: StatementFilter | None = None) -> list[StanceGroup]:
        """The statements that name ``actor`` as a target, match ``where`` and are not its own
        (see :meth:`said_by`), one group per actor spoken for (or speaker), ordered by it."""
        where = replace(where or StatementFilter(), toward=frozenset({actor}))
        return group_statements((s for s in self.statement_rows(where) if actor not in (s.speaker, s.on_behalf_of)),
                                lambda s: [s.on_behalf_of or s.speaker])

    def named_together(self, where: StatementFilter | None = None) -> frozenset[str]:
        """The actors that some statement matching ``where`` names as a target beside another one."""
        return frozenset(t for s in self.statement_rows(where) if len(s.targets) > 1 for t in s.targets)

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
