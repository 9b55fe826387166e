"""Stance profiles: what an actor said toward each target, and what others said toward it.

Examples
--------
>>> from datetime import date
>>> from kg.actors import ActorIndex
>>> from kg.model import Statement
>>> idx = ActorIndex.default()
>>> said = [Statement.create(speaker="erdogan", on_behalf_of="TUR", date=date(2020, 9, 27),
...                          stance="support", targets=["AZE"], quote="full support",
...                          source="https://example.org/a")]
>>> p = stance_profile(said, "TUR", idx)
>>> p["toward"][0]["target"]["name"], p["toward"][0]["net_valence"], p["toward"][0]["stances"]
('Azerbaijan', 1.0, {'support': 1})
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from kg.actors import ActorIndex
from kg.model import Statement
from kg.store.base import EVIDENCE, StanceGroup, group_statements, strength


def ref(index: ActorIndex, actor_id: str | None) -> dict | None:
    """``{"id", "name", "kind"}`` for an actor id (the id itself as name if unknown)."""
    if actor_id is None:
        return None
    actor = index.actors.get(actor_id)
    return {"id": actor_id, "name": actor.name if actor else actor_id,
            "kind": actor.kind if actor else None}


def evidence(index: ActorIndex, s: Statement) -> dict:
    """The fields a reader needs to check a statement."""
    return {"statement": s.id, "date": s.date.isoformat(), "speaker": ref(index, s.speaker),
            "stance": s.stance, "quote": s.quote, "source": s.source}


def merge(a: StanceGroup, b: StanceGroup) -> StanceGroup:
    """Two groups of one key, with no statement in common, as one."""
    counts = Counter(dict(a.stances)) + Counter(dict(b.stances))
    return StanceGroup(a.key, tuple(sorted(counts.items())), a.n + b.n, a.valence + b.valence,
                       a.weight + b.weight, min(a.first, b.first), max(a.last, b.last),
                       (*a.strongest, *b.strongest))


def net(g: StanceGroup) -> float:
    """The confidence-weighted mean valence of a group, to 3 places (its sums rounded to 9 first, so
    that sums added up in another order give the same figure)."""
    weight = round(g.weight, 9)
    return round(round(g.valence, 9) / weight, 3) if weight else 0.0


def summary(index: ActorIndex, g: StanceGroup, key: str) -> dict:
    """Net valence, counts by stance, first and last day of one group (its evidence comes later)."""
    return {key: ref(index, g.key), "net_valence": net(g),
            "n": g.n, "stances": dict(sorted(g.stances, key=lambda kv: (-kv[1], kv[0]))),
            "first": g.first.isoformat(), "last": g.last.isoformat()}


def ordered(rows: list[dict], key: str) -> list[dict]:
    """Strongest net stance first, then the most statements, then by name."""
    return sorted(rows, key=lambda r: (-abs(r["net_valence"]), -r["n"], r[key]["name"]))


def heard_via_people(statements: Iterable[Statement], actor_id: str, index: ActorIndex) -> list[Statement]:
    """The statements toward a person who spoke for ``actor_id`` on their day, that neither name
    ``actor_id`` itself nor are its own: reactions toward it through its office holders."""
    return [s for s in statements
            if actor_id not in s.targets and actor_id not in (s.speaker, s.on_behalf_of)
            and any(index.speaks_for(t, s.date) == actor_id for t in s.targets)]


def profile(index: ActorIndex, actor_id: str, said: list[StanceGroup], heard: list[StanceGroup],
            statements: Callable[[set[str]], dict[str, Statement]], as_of: date | None = None,
            last_day: date | None = None, limit: int | None = None) -> dict:
    """A stance profile from its groups: ``said`` (one per target) and ``heard`` (one per actor).

    ``statements`` fetches statements by id (for the evidence); ``last_day`` is the day of the
    last statement considered (a person's role is read on it); ``limit`` keeps that many rows of
    each table. See :func:`stance_profile`.
    """
    actor = index.actors[actor_id]
    speaks_for = None
    if actor.kind == "person":  # as of the day (without one: of the person's last statement, else of the last one)
        on = as_of or max((g.last for g in said), default=None) or last_day
        roles = sorted(index.roles_of(actor_id, on), key=lambda r: (r.start or date.min))
        if roles:
            speaks_for = {**ref(index, roles[0].holder), "title": roles[0].title}
    report = {"actor": ref(index, actor_id), "speaks_for": speaks_for,
              "as_of": as_of.isoformat() if as_of else None}
    tables = {}
    for name, key, groups in (("toward", "target", said), ("from", "actor", heard)):
        by_key = {g.key: g for g in groups}
        rows = ordered([summary(index, g, key) for g in groups], key)
        tables[name] = (key, by_key, rows if limit is None else rows[:limit])
        report[name] = tables[name][2]
    found = statements({i for key, by_key, rows in tables.values() for r in rows
                        for i in by_key[r[key]["id"]].strongest})
    for key, by_key, rows in tables.values():
        for r in rows:
            best = sorted((found[i] for i in set(by_key[r[key]["id"]].strongest)), key=strength)
            r["evidence"] = [evidence(index, s) for s in best[:EVIDENCE]]
    report["total"] = {"toward": len(said), "from": len(heard)}
    return report


def stance_profile(statements: Iterable[Statement], actor_id: str, index: ActorIndex,
                   as_of: date | None = None, limit: int | None = None) -> dict:
    """The stance of ``actor_id`` toward each target, and the reactions toward it.

    Parameters
    ----------
    statements : iterable of Statement
        Statements to consider (those dated after ``as_of`` are ignored).
    actor_id : str
        A state or organisation (its own statements and those of people speaking for
        it) or a person (their own statements).
    index : ActorIndex
        Resolves names and the dated roles of people.
    as_of : date, optional
        Only statements up to this day, and roles held on it.
    limit : int, optional
        Keep this many rows of each table, the strongest.

    Returns
    -------
    dict
        ``actor``, ``speaks_for`` (for a person), ``as_of``, ``toward`` (one row per
        target: net valence, counts by stance, first and last day, evidence), ``from``
        (one row per actor that reacted toward this one, people rolled up to whom they
        speak for) and ``total`` (the rows of each before ``limit``).
    """
    person = index.actors[actor_id].kind == "person"
    every = [s for s in statements if as_of is None or s.date <= as_of]
    mine = [s for s in every if actor_id in (s.speaker, s.on_behalf_of)]
    heard = [s for s in every if actor_id in s.targets and actor_id not in (s.speaker, s.on_behalf_of)]
    if not person:
        heard += heard_via_people(every, actor_id, index)
    by_id = {s.id: s for s in every}
    return profile(index, actor_id, group_statements(mine, lambda s: s.targets),
                   group_statements(heard, lambda s: [s.on_behalf_of or s.speaker]),
                   lambda ids: {i: by_id[i] for i in ids}, as_of,
                   max((s.date for s in every), default=None), limit)
