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

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

from kg.actors import ActorIndex
from kg.model import Statement

EVIDENCE = 3


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


def strength(s: Statement) -> tuple:
    # Strongest first: valence times confidence, then words of a named person, then recent.
    person = 1 if s.speaker != s.on_behalf_of else 0
    return (-abs(s.valence) * s.confidence, -s.confidence, -person, -s.date.toordinal(), s.id)


def summarize(index: ActorIndex, items: list[Statement], key: str, other: dict) -> dict:
    """Net valence, counts by stance and the strongest evidence of one group of statements."""
    counts = Counter(s.stance for s in items)
    net = sum(s.valence * s.confidence for s in items) / sum(s.confidence for s in items or [1])
    return {key: other, "net_valence": round(net, 3), "n": len(items),
            "stances": dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
            "first": min(s.date for s in items).isoformat(),
            "last": max(s.date for s in items).isoformat(),
            "evidence": [evidence(index, s) for s in sorted(items, key=strength)[:EVIDENCE]]}


def _order(rows: list[dict], key: str) -> list[dict]:
    return sorted(rows, key=lambda r: (-abs(r["net_valence"]), -r["n"], r[key]["name"]))


def stance_profile(statements: Iterable[Statement], actor_id: str, index: ActorIndex,
                   as_of: date | None = None) -> dict:
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

    Returns
    -------
    dict
        ``actor``, ``speaks_for`` (for a person), ``as_of``, ``toward`` (one row per
        target: net valence, counts by stance, evidence) and ``from`` (one row per
        actor that reacted toward this one, people rolled up to whom they speak for).
    """
    actor = index.actors[actor_id]
    person = actor.kind == "person"
    said: dict[str, list[Statement]] = defaultdict(list)
    heard: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        if as_of is not None and s.date > as_of:
            continue
        mine = s.speaker == actor_id or (not person and s.on_behalf_of == actor_id)
        if mine:
            for t in s.targets:
                said[t].append(s)
        toward_me = actor_id in s.targets or (
            not person and any(index.speaks_for(t, s.date) == actor_id
                               for t in s.targets if t != actor_id))
        if toward_me and not mine:
            heard[s.on_behalf_of or s.speaker].append(s)
    speaks_for = None
    if person:  # as of the day (without one: of the person's last statement, else of the last one)
        own = [s.date for v in said.values() for s in v]
        every = [s.date for s in statements if as_of is None or s.date <= as_of]
        on = as_of or max(own, default=None) or max(every, default=None)
        roles = sorted(index.roles_of(actor_id, on), key=lambda r: (r.start or date.min))
        if roles:
            speaks_for = {**ref(index, roles[0].holder), "title": roles[0].title}
    return {
        "actor": ref(index, actor_id),
        "speaks_for": speaks_for,
        "as_of": as_of.isoformat() if as_of else None,
        "toward": _order([summarize(index, v, "target", ref(index, k)) for k, v in said.items()],
                         "target"),
        "from": _order([summarize(index, v, "actor", ref(index, k)) for k, v in heard.items()],
                       "actor"),
    }
