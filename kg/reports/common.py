"""What the reports share: the options of a window, the actor index, the graphs and evidence.

Every report takes an open :class:`~kg.store.Store` and reads it only through the store
interface, so every store gives the same answer.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from kg.actors import ActorIndex
from kg.analysis.graph import DEFAULT_HALF_LIFE, ActorGraphs, from_store, stance_class
from kg.analysis.stance import evidence, strength
from kg.errors import AnalysisError, UsageError
from kg.store import StatementFilter, Store

EVIDENCE = 2
CODE_NAMES = {1: "friendly", 0: "even-handed", -1: "hostile"}
LOAD_HINT = "run kg load ingest/datasets/nagorno-karabakh-2020.yaml (or kg ingest article FILE.txt)"
EMPTY_STORE = f"the store is empty: {LOAD_HINT}"


@dataclass(frozen=True)
class Options:
    """What every analysis shares: the window and how the graph is built."""

    since: date | None = None
    until: date | None = None
    rollup: bool = True
    all_actors: bool = False
    with_ties: bool = False
    half_life: float | None = DEFAULT_HALF_LIFE
    seed: int = 0
    datasets: tuple[str, ...] = ()
    """Only the statements loaded from these datasets (none: every statement)."""

    def where(self) -> StatementFilter | None:
        if self.since is None and self.until is None and not self.datasets:
            return None
        return StatementFilter(since=self.since, until=self.until,
                               datasets=frozenset(self.datasets) if self.datasets else None)

    def window(self) -> dict:
        return {"since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None}

    def describe(self) -> dict:
        return {**self.window(), "datasets": sorted(self.datasets), "rollup": self.rollup,
                "all_actors": self.all_actors, "with_ties": self.with_ties, "half_life": self.half_life,
                "seed": self.seed}


def require_records(store: Store, kind: str = "statements") -> None:
    """AnalysisError (exit 6) when ``store`` holds no record of ``kind`` (see ``kg.store.base.KINDS``).

    Every report calls this first, so that every command says the same thing on an empty store:
    ``EMPTY_STORE``; a store with other records but none of ``kind`` says so.
    """
    counts = store.counts()
    if not any(counts.values()):
        raise AnalysisError(EMPTY_STORE)
    if counts[kind] == 0:
        raise AnalysisError(f"the store holds no {kind}: {LOAD_HINT}")


def check_datasets(store: Store, names) -> frozenset[str] | None:
    """The dataset filter for ``names`` (None for none); AnalysisError (exit 6) naming what is
    loaded when one of them is not."""
    if not names:
        return None
    loaded = [d.name for d in store.datasets() if d.name is not None]
    missing = sorted(set(names) - set(loaded))
    if missing:
        raise AnalysisError(f"no dataset {', '.join(map(repr, missing))} in the store "
                            f"(loaded: {', '.join(loaded) or 'none'}; see kg datasets)")
    return frozenset(names)


def check_method(method: str) -> str:
    """``method`` if it is a way of finding camps, else :class:`~kg.errors.UsageError`."""
    from kg.analysis.camps import METHODS

    if method not in METHODS:
        raise UsageError(f"unknown method {method!r} (choose from {', '.join(METHODS)})")
    return method


def index_for(store: Store) -> ActorIndex:
    """The shipped alias data plus every actor and role in ``store``."""
    return ActorIndex.default().extend(store.actors(), store.roles())


def span_text(opts: Options) -> str:
    """The window in words: "between A and B", "since A", "up to B", "in dataset X"."""
    if opts.datasets and not (opts.since or opts.until):
        return f"in {'datasets' if len(opts.datasets) > 1 else 'dataset'} {', '.join(sorted(opts.datasets))}"
    if opts.since and opts.until:
        return f"between {opts.since} and {opts.until}"
    if opts.since:
        return f"since {opts.since}"
    return f"up to {opts.until}"


def build(store: Store, opts: Options, index: ActorIndex | None = None, minimum: int = 2
          ) -> tuple[ActorIndex, ActorGraphs]:
    """The graphs of ``store`` for ``opts``; AnalysisError when there is nothing to analyse."""
    require_records(store)
    check_datasets(store, opts.datasets)
    index = index or index_for(store)
    if opts.since and opts.until and opts.since > opts.until:
        raise AnalysisError(f"--since {opts.since} is after --until {opts.until}")
    graphs = from_store(store, opts.where(), rollup=opts.rollup, all_actors=opts.all_actors,
                        with_ties=opts.with_ties, half_life=opts.half_life, index=index)
    if not graphs.edges:
        if opts.where() is not None and not store.stance_edges(opts.where(), opts.rollup):
            raise AnalysisError(f"no statements {span_text(opts)}")
        raise AnalysisError("no statement links two taking-part actors (states, organisations, "
                            "authorities, armed groups); try --all-actors")
    if len(graphs.ids) < minimum:
        only = ", ".join(graphs.name(a) for a in graphs.ids)
        raise AnalysisError(f"only {len(graphs.ids)} actor takes part ({only}): "
                            f"this needs at least {minimum}; try --all-actors or a wider window")
    return index, graphs


def node_of(index: ActorIndex, graphs: ActorGraphs, name: str, opts: Options) -> str:
    """The node an actor name stands for in ``graphs`` (a person counts for whom they speak for)."""
    actor = index.resolve(name)
    aid = actor.id
    if aid not in graphs.ties and actor.kind == "person" and opts.rollup:
        aid = index.speaks_for(actor.id, opts.until) or aid
    if aid not in graphs.ties:
        why = ("" if actor.kind in ("state", "organization", "authority", "armed_group")
               else f" (a {actor.kind} takes part only with --all-actors or as the office it holds)")
        raise AnalysisError(f"{actor.name} takes no part in the statements "
                            f"{span_text(opts) if opts.where() else 'in the store'}{why}")
    return aid


def people_of(index: ActorIndex, actor_id: str) -> set[str]:
    """The people who ever held a role for ``actor_id``."""
    return {p for p, roles in index.roles.items() if any(r.holder == actor_id for r in roles)}


def pick_evidence(store: Store, index: ActorIndex, opts: Options, by: list[str], target: str,
              cls: int | None, k: int = EVIDENCE, prefer: list[str] | None = None,
              sides: frozenset[str] = frozenset()) -> list[dict]:
    """The strongest ``k`` statements by ``by`` toward ``target`` of stance class ``cls``.

    One per actor spoken for first; stances in ``prefer`` (most typical first) before others.
    With the crisis' parties ``sides``, a hostile class includes the calls on some parties alone,
    as the analysis reads them (:mod:`kg.analysis.demands`).
    """
    from kg.analysis.demands import CALL, directed

    names = None
    if cls is not None:
        from kg.vocab import stances

        names = frozenset(s for s in stances() if stance_class(s) == cls)
        if cls < 0 and sides:
            names |= {CALL}
    where = StatementFilter(by=frozenset(by), toward=frozenset({target} | people_of(index, target)),
                            stances=names, since=opts.since, until=opts.until,
                            datasets=frozenset(opts.datasets) if opts.datasets else None)
    rank = {s: i for i, s in enumerate(prefer or [])}
    found = [s for s in store.statement_rows(where)
             if cls is None or cls >= 0 or s.stance != CALL or directed([s], sides)]
    found.sort(key=lambda s: (rank.get(s.stance, len(rank)), strength(s)))
    first, rest, seen = [], [], set()
    for s in found:  # one per actor spoken for first, then the rest
        who = s.on_behalf_of or s.speaker
        (rest if who in seen else first).append(s.id)
        seen.add(who)
    ids = (first + rest)[:k]
    whole = {s.id: s for s in store.statements(StatementFilter(ids=frozenset(ids)))} if ids else {}
    return [evidence(index, whole[i]) for i in ids]


def rounded(x) -> float | None:
    """``x`` rounded to 3 places; ``None`` for None or NaN."""
    return None if x is None or (isinstance(x, float) and np.isnan(x)) else round(float(x), 3)
