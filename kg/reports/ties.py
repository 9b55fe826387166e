"""``kg ties`` and ``kg bloc``: what memberships and alliances say beside the statements.

* :func:`ties`: the memberships and alliances two actors share as of a day, and the ones that
  link them directly (one a member of the other, or allied).
* :func:`bloc`: how the members of an organisation split in a crisis: each member's camp (``kg
  camps`` with Louvain over the same statements), the camp most of its placed members are in,
  the members who break ranks (placed in another camp) with their statements as evidence, and
  the members who said nothing.
* :func:`follows`: how far camps follow memberships and alliances (``kg camps --explain``): the
  share of same-camp pairs linked by a membership (both in one organisation, or one a member of
  the other) or an alliance, beside the share among all pairs of the actors that take part, the
  baseline a random pair would give.

A membership or alliance counts on a day when it began on or before it and had not ended.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from kg.analysis.stance import evidence, ref
from kg.errors import AnalysisError, UsageError
from kg.reports.common import EVIDENCE, LOAD_HINT, Options, build, index_for, require_records
from kg.store import StatementFilter, Store

NOT_MEMBERS = frozenset({"observer", "partner", "candidate", "suspended", "associate", "associate observer",
                         "dialogue member", "dialogue partner", "cooperating state", "pending member",
                         "enhanced engagement", "signatory"})
"""Kinds of membership (``Membership.role``) that :func:`bloc` does not count as members."""


def _valid(start: date | None, end: date | None, on: date) -> bool:
    return (start is None or start <= on) and (end is None or end >= on)


def _require_structure(store: Store) -> None:
    require_records(store, "actors")
    counts = store.counts()
    if not counts.get("memberships") and not counts.get("alliances"):
        raise AnalysisError(f"the store holds no memberships or alliances: {LOAD_HINT}")


def ties(store: Store, a: str, b: str, on: date | None = None) -> dict:
    """The memberships and alliances actors ``a`` and ``b`` share on ``on`` (default: today).

    Returns ``{"a", "b", "on", "shared", "direct", "alliances", "only_a", "only_b"}``: the
    organisations both belong to (with each one's role and start), the memberships that link
    them directly, the alliances between them (kind, treaty, start), and the organisations only
    one of them belongs to (with its role).
    """
    _require_structure(store)
    index = index_for(store)
    x, y = index.resolve(a), index.resolve(b)
    if x.id == y.id:
        raise UsageError(f"{a!r} and {b!r} are the same actor ({x.name}): name two")
    on = on or date.today()
    mine: dict[str, dict] = {x.id: {}, y.id: {}}
    direct = []
    for m in store.memberships():
        if not _valid(m.start, m.end, on):
            continue
        if m.member in mine:
            mine[m.member][m.organization] = m
        if {m.member, m.organization} == {x.id, y.id}:
            direct.append({"member": ref(index, m.member), "organization": ref(index, m.organization),
                           "role": m.role, "start": m.start.isoformat() if m.start else None})

    def side(m) -> dict:
        return {"role": m.role, "start": m.start.isoformat() if m.start else None}

    shared = [{"organization": ref(index, o), "a": side(mine[x.id][o]), "b": side(mine[y.id][o])}
              for o in sorted(set(mine[x.id]) & set(mine[y.id]))]
    alliances = [{"kind": al.kind, "treaty": al.treaty, "start": al.start.isoformat() if al.start else None,
                  "end": al.end.isoformat() if al.end else None}
                 for al in store.alliances() if {x.id, y.id} <= set(al.parties) and _valid(al.start, al.end, on)]
    return {"a": ref(index, x.id), "b": ref(index, y.id), "on": on.isoformat(), "shared": shared,
            "direct": direct, "alliances": sorted(alliances, key=lambda r: (r["start"] or "", r["treaty"])),
            "only_a": [{**ref(index, o), "role": mine[x.id][o].role}
                       for o in sorted(set(mine[x.id]) - set(mine[y.id]) - {y.id})],
            "only_b": [{**ref(index, o), "role": mine[y.id][o].role}
                       for o in sorted(set(mine[y.id]) - set(mine[x.id]) - {x.id})]}


def bloc(store: Store, org: str, opts: Options = Options(), per_member: int = EVIDENCE) -> dict:
    """How the members of organisation ``org`` split over the statements ``opts`` selects.

    Members are those whose membership is valid on the last day of the window (``opts.until``,
    else the last statement's day) and of a kind not in :data:`NOT_MEMBERS` (observers, partners
    and candidates are not members). Returns ``{"organization", "on", "camps", "majority",
    "members", "breaks_ranks", "silent"}``: each member with its camp (None: in no camp), its
    statements and its place (``with the bloc``, ``breaks ranks``, ``split`` when no camp holds more
    placed members than every other, ``in no camp``, ``silent``); ``majority`` is the camp most
    placed members are in (None when two camps tie); a member who
    breaks ranks carries up to ``per_member`` of its statements as evidence.
    """
    from kg.analysis.camps import find_camps

    _require_structure(store)
    index, graphs = build(store, opts)
    target = index.resolve(org)
    if target.kind != "organization":
        raise UsageError(f"{org!r} is {target.name}, a {target.kind.replace('_', ' ')}: "
                         "kg bloc takes an organisation (NATO, EU, CSTO, ...)")
    on = opts.until or graphs.reference
    members = sorted({m.member for m in store.memberships()
                      if m.organization == target.id and _valid(m.start, m.end, on) and m.role not in NOT_MEMBERS})
    if not members:
        raise AnalysisError(f"{target.name} has no members on {on} in the store: load its memberships "
                            "(kg load a dataset with memberships)")
    camp_of = find_camps(graphs, "louvain", opts.with_ties, opts.seed)["camp_of"]
    said = {a: 0 for a in members}
    by_member: dict[str, list] = {a: [] for a in members}
    for s in store.statements(replace(opts.where() or StatementFilter(), by=frozenset(members))):
        actor = s.on_behalf_of if s.on_behalf_of in said else s.speaker
        if actor in said:
            said[actor] += 1
            by_member[actor].append(s)
    counts = Counter(camp_of.get(a) for a in members if camp_of.get(a) and said[a])
    top = counts.most_common(2)
    majority = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
    rows = []
    for a in members:
        camp = camp_of.get(a) if said[a] else None
        place = ("silent" if not said[a] else "in no camp" if camp is None
                 else "split" if majority is None else "with the bloc" if camp == majority else "breaks ranks")
        row = {**ref(index, a), "camp": camp, "statements": said[a], "place": place}
        if place == "breaks ranks":
            strongest = sorted(by_member[a], key=lambda s: (-abs(s.valence), s.date, s.id))[:per_member]
            row["evidence"] = [evidence(index, s) for s in strongest]
        rows.append(row)
    camps = {c: [a for a in graphs.ids if camp_of.get(a) == c] for c in sorted(set(counts))}
    return {"organization": ref(index, target.id), "on": on.isoformat() if on else None,
            "options": opts.describe(), "majority": majority,
            "camps": {str(c): [ref(index, a) for a in ids] for c, ids in camps.items()},
            "members": rows, "breaks_ranks": [r["id"] for r in rows if r["place"] == "breaks ranks"],
            "silent": [r["id"] for r in rows if r["place"] == "silent"]}


def follows(store: Store, ids, camps, on: date | None) -> dict:
    """How far ``camps`` (lists of actor ids among ``ids``) follow memberships and alliances on ``on``.

    Returns ``{"on", "camps": [{"camp", "pairs", "membership", "alliance"}], "same_camp",
    "other_camps", "all_pairs"}``, each share a ``{"pairs", "linked", "share"}`` dict: how many
    pairs, how many linked, and the share (None for no pair).
    """
    from itertools import combinations

    ok = (lambda a, b: _valid(a, b, on)) if on else (lambda a, b: True)
    orgs: dict[str, set[str]] = {}
    member_of: set[frozenset] = set()
    for m in store.memberships():
        if ok(m.start, m.end):
            orgs.setdefault(m.member, set()).add(m.organization)
            member_of.add(frozenset((m.member, m.organization)))
    allied = {frozenset(p) for al in store.alliances() if ok(al.start, al.end)
              for p in combinations(al.parties, 2)}

    def by_membership(a: str, b: str) -> bool:
        return bool(orgs.get(a, set()) & orgs.get(b, set())) or frozenset((a, b)) in member_of

    def share(pairs, linked) -> dict:
        n, k = len(pairs), sum(1 for a, b in pairs if linked(a, b))
        return {"pairs": n, "linked": k, "share": round(k / n, 3) if n else None}

    def both(pairs) -> dict:
        return {"membership": share(pairs, by_membership),
                "alliance": share(pairs, lambda a, b: frozenset((a, b)) in allied)}

    camp_of = {a: k for k, c in enumerate(camps, 1) for a in c}
    everyone = list(combinations(sorted(ids), 2))
    same = [(a, b) for a, b in everyone if camp_of.get(a) and camp_of.get(a) == camp_of.get(b)]
    other = [(a, b) for a, b in everyone if camp_of.get(a) and camp_of.get(b) and camp_of[a] != camp_of[b]]
    return {"on": on.isoformat() if on else None,
            "camps": [{"camp": k, **both(list(combinations(sorted(c), 2)))} for k, c in enumerate(camps, 1)],
            "same_camp": both(same), "other_camps": both(other), "all_pairs": both(everyone)}
