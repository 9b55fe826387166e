"""Directed demands: a call to stop addressed to one side of a crisis is opposition to that side.

The vocabulary stores "called on X to cease fire / halt / withdraw" as ``call_for_ceasefire``,
an even-handed stance (valence 0), which is right for a call on every party ("urged Armenia and
Azerbaijan to stop"), but not for a call on one party alone ("called on Azerbaijan to halt its
offensive"): that demands something of one side, and the dev corpus' gold rule reads it as
``oppose/condemn``. Deciding it here, in the analysis, reads curated, extracted and event data
the same way.

The crisis' **parties** are inferred from the calls themselves: every actor that some call
addresses together with another actor ("Armenia and Azerbaijan") is a party (:func:`parties`).
A call is **directed** when it addresses some of the parties but not all of them; for each party
it addresses, :func:`reread` moves the statement from the ``call_for_ceasefire`` edge to an
``oppose`` edge (valence of ``oppose`` times the statement's confidence). Without any call on
two actors at once there are no known parties, and every call stays even-handed.

Examples
--------
>>> from datetime import date
>>> from kg.model import Statement
>>> from kg.store.base import StanceEdge
>>> d = date(2020, 10, 1)
>>> def call(who, *targets):
...     return Statement.create(speaker=who, date=d, stance="call_for_ceasefire", targets=targets,
...                             quote="stop", source="https://example.org/a")
>>> calls = [call("UN", "ARM", "AZE"), call("FRA", "AZE"), call("IRN", "TUR")]
>>> sorted(parties(calls))
['ARM', 'AZE']
>>> [(s.speaker, s.targets) for s in directed(calls, parties(calls))]
[('FRA', ('AZE',))]
>>> edges = [StanceEdge("FRA", "AZE", "call_for_ceasefire", 1, 0.0, 1.0, d, d),
...          StanceEdge("UN", "ARM", "call_for_ceasefire", 1, 0.0, 1.0, d, d)]
>>> new, n = reread(edges, calls)
>>> n, [(e.source, e.target, e.stance, e.valence) for e in new]
(1, [('FRA', 'AZE', 'oppose', -0.8), ('UN', 'ARM', 'call_for_ceasefire', 0.0)])
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.model import Statement
from kg.store.base import StanceEdge, StatementRow
from kg.vocab import stances

__all__ = ["CALL", "READ_AS", "directed", "parties", "reread"]

CALL = "call_for_ceasefire"
"""The stance a directed call is stored with."""
READ_AS = "oppose"
"""The stance a directed call is read as."""


def parties(calls: Iterable[Statement | StatementRow]) -> frozenset[str]:
    """The crisis' parties: every actor a call addresses together with another one."""
    return frozenset(t for s in calls if s.stance == CALL and len(set(s.targets)) > 1 for t in s.targets)


def directed(calls: Iterable[Statement | StatementRow], sides: frozenset[str]) -> list[Statement | StatementRow]:
    """The calls that address some of ``sides`` but not all of them."""
    out = []
    for s in calls:
        addressed = sides.intersection(s.targets)
        if s.stance == CALL and addressed and addressed != sides:
            out.append(s)
    return out


def reread(edges: Sequence[StanceEdge], calls: Iterable[Statement | StatementRow], rollup: bool = True,
           sides: frozenset[str] | None = None) -> tuple[list[StanceEdge], int]:
    """``edges`` with every directed call moved to an ``oppose`` edge toward each party it addresses,
    and the number of directed calls. ``calls`` are the ``call_for_ceasefire`` statements behind
    ``edges`` (the same window); ``rollup`` as the store's, ``sides`` default :func:`parties`."""
    calls = list(calls)
    sides = parties(calls) if sides is None else sides
    found = directed(calls, sides)
    if not found:
        return list(edges), 0
    table = {(e.source, e.target, e.stance): [e.n, e.valence, e.weight, e.first, e.last] for e in edges}
    value = stances()[READ_AS].valence
    moved = {id(s) for s in found}
    touched = set()

    def add(key, s, valence):
        row = table.setdefault(key, [0, 0.0, 0.0, s.date, s.date])
        row[0] += 1
        row[1] += valence
        row[2] += s.confidence
        row[3], row[4] = min(row[3], s.date), max(row[4], s.date)

    for s in found:
        src = (s.on_behalf_of or s.speaker) if rollup else s.speaker
        for t in sides.intersection(s.targets):
            touched.add((src, t, CALL))
            add((src, t, READ_AS), s, value * s.confidence)
    for key in touched:  # the calls left on these edges, added up again (counts and dates exact)
        table.pop(key, None)
    for s in calls:
        src = (s.on_behalf_of or s.speaker) if rollup else s.speaker
        for t in s.targets:
            key = (src, t, CALL)
            if key in touched and not (id(s) in moved and t in sides):
                add(key, s, s.valence * s.confidence)
    out = [StanceEdge(src, tgt, st, n, round(v, 9), round(w, 9), first, last)
           for (src, tgt, st), (n, v, w, first, last) in sorted(table.items()) if n > 0]
    return out, len(found)
