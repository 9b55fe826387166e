"""Leaders from Archigos 4.1 (CC BY 4.0), as people and dated roles.

Archigos lists, for each state (by Correlates of War code) and year, its *effective leader*:
the person who actually ruled, whatever the title (a president, a prime minister, a party
chairman, a junta's head). Its file ``leaders/archigos_4.1_via_manystates/arch_annual.txt``
has one row per leader and year, tab-separated, in Latin-1. One spell in office (an ``obsid``)
runs from its first row's start date to its last row's end date; a leader still in office when
the data ends (31 December 2015) has no end. Each spell becomes a :class:`~kg.model.Role`
titled ``leader`` of the state the code names (:func:`kg.actors.cow_states`), with the person's
full name read from their DBpedia address (``Ulysses_S._Grant``), else Archigos' short name.

A person kg already knows (``people.yaml``, the Factbook's heads) keeps their id when they held
a role of the same state within a year of the spell and their name matches (the whole name,
or Archigos' short name as their last words); then the spell is added only where it overlaps
none of their roles of that state: the curated roles, with their titles, win. Spells in a
dissolved state (the German Democratic Republic, South Vietnam, ...) are reported, not loaded.

The package ships the spells since 1945 as ``kg/data/archigos_leaders.csv`` (written by
``tools/reference_data.py``); the whole file is read from the user's copy.
Cite: Goemans, Gleditsch and Chiozza (2009), "Introducing Archigos: A Data Set of Political
Leaders", Journal of Peace Research 46(2).

Examples
--------
>>> full_name("http://dbpedia.org/resource/Ulysses_S._Grant", "Grant")
'Ulysses S. Grant'
>>> full_name("http://dbpedia.org/resource/Jos%C3%A9_Mar%C3%ADa_Aznar", "Aznar")
'José María Aznar'
>>> full_name("NA", "Saca González")
'Saca González'
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

from kg.ingest.sources import Report, rows

from kg.actors import ActorIndex, cow_states, normalize, person_id
from kg.errors import DataError, Problem
from kg.model import Actor, Role

FILE = Path("leaders/archigos_4.1_via_manystates/arch_annual.txt")
COLUMNS = ("obsid", "leadid", "ccode", "leader", "startdate", "enddate", "exit", "dbpedia.uri")
SHIPPED = "archigos_leaders.csv"
SHIPPED_COLUMNS = ("obsid", "leadid", "ccode", "name", "short_name", "start", "end")
SHIPPED_SINCE = date(1945, 1, 1)
SOURCE = "Archigos 4.1 (Goemans, Gleditsch and Chiozza; CC BY 4.0)"
TITLE = "leader"


@dataclass(frozen=True)
class Spell:
    """One leader's continuous time in office in one state."""

    obsid: str
    leadid: str
    ccode: int
    name: str
    short_name: str
    start: date
    end: date | None


def full_name(uri: str, short: str) -> str:
    """The name in a DBpedia resource address, else ``short``."""
    match = re.match(r"https?://dbpedia\.org/resource/(.+)$", uri.strip())
    if not match:
        return short.strip()
    name = unquote(match.group(1)).replace("_", " ")
    return re.sub(r"\s*\([^)]*\)$", "", name).strip()  # "John Smith (politician)"


def _day(text: str, path: Path, line: int) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DataError(Problem(f"not a date: {text!r}", str(path), line)) from None


def read_spells(path: Path) -> list[Spell]:
    """The spells of Archigos' leader-year file ``path`` (see the module's text)."""
    first: dict[str, tuple[int, dict]] = {}
    last: dict[str, tuple[int, dict]] = {}
    for line, row in rows(path, COLUMNS, encoding="latin-1", delimiter="\t", names=("leader", "dbpedia.uri")):
        first.setdefault(row["obsid"], (line, row))
        last[row["obsid"]] = line, row
    out = []
    for obsid, (line, row) in first.items():
        end_line, end_row = last[obsid]
        try:
            ccode = int(row["ccode"])
        except ValueError:
            raise DataError(Problem(f"not a COW code: {row['ccode']!r}", str(path), line)) from None
        still = end_row["exit"].strip() == "Still in Office"
        out.append(Spell(obsid=obsid, leadid=row["leadid"], ccode=ccode,
                         name=full_name(row["dbpedia.uri"], row["leader"]), short_name=row["leader"].strip(),
                         start=_day(row["startdate"], path, line),
                         end=None if still else _day(end_row["enddate"], path, end_line)))
    return out


def write_spells(spells: list[Spell], path: str | Path) -> None:
    """Write ``spells`` as the shipped CSV (in obsid order)."""
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(SHIPPED_COLUMNS)
        for s in sorted(spells, key=lambda s: s.obsid):
            w.writerow([s.obsid, s.leadid, s.ccode, s.name, s.short_name, s.start, s.end or ""])


def shipped_spells() -> list[Spell]:
    """The spells the package ships: those in office on or after 1 January 1945."""
    path = Path(str(resources.files("kg.data").joinpath(SHIPPED)))
    return [Spell(obsid=r["obsid"], leadid=r["leadid"], ccode=int(r["ccode"]), name=r["name"],
                  short_name=r["short_name"], start=date.fromisoformat(r["start"]),
                  end=date.fromisoformat(r["end"]) if r["end"] else None)
            for _, r in rows(path, SHIPPED_COLUMNS)]


def _near(role: Role, spell: Spell, slack: timedelta = timedelta(days=366)) -> bool:
    """Whether ``role`` and ``spell`` come within ``slack`` of each other (open ends run on)."""
    return ((role.end is None or spell.start <= role.end + slack)
            and (spell.end is None or role.start is None or role.start <= spell.end + slack))


def _match(actor: Actor, roles: list[Role], spell: Spell) -> bool:
    """Whether ``actor`` (who held ``roles`` in the spell's state) is the spell's leader: the same
    whole name, or Archigos' short name as the last words of theirs within a year of the spell."""
    names = [normalize(n) for n in (actor.name, *actor.aliases)]
    if normalize(spell.name) in names:
        return True
    short = normalize(spell.short_name).split()
    return bool(short) and any(n.split()[-len(short):] == short for n in names) and any(
        _near(r, spell) for r in roles)


def new_person_id(spell: Spell, index: ActorIndex) -> str:
    """The id of a leader kg did not know: their folded whole name, the same for every spell with
    it; a surname alone, or a name kg gives another person, gets Archigos' leader id after it.
    It depends on the spell alone, so the shipped spells and the whole file give the same ids.

    >>> s = Spell("UKG-1979", "81e9a3a9-1e42", 200, "Margaret Thatcher", "Thatcher", date(1979, 5, 4), None)
    >>> new_person_id(s, ActorIndex.default())
    'margaret-thatcher'
    >>> new_person_id(Spell("GMY-1920", "81f5a1b2-1e42", 255, "Müller", "Müller", date(1920, 3, 27), None),
    ...               ActorIndex.default())
    'muller-81f5a1b2'
    """
    pid = person_id(spell.name)
    if " " not in spell.name.strip() or pid in index.actors:
        pid = f"{pid}-{spell.leadid.split('-')[0]}"
    return pid


def leader_records(spells: list[Spell], index: ActorIndex, report: Report) -> tuple[list[Actor], list[Role]]:
    """People and ``leader`` roles for ``spells`` (see the module's text for the matching)."""
    codes = cow_states()
    holders: dict[str, list[tuple[Actor, list[Role]]]] = {}
    for person, roles in index.roles.items():
        actor = index.actors.get(person)
        for holder in {r.holder for r in roles} if actor is not None else ():
            holders.setdefault(holder, []).append((actor, [r for r in roles if r.holder == holder]))
    placed: list[tuple[Spell, str]] = []
    for spell in sorted(spells, key=lambda s: (s.start, s.obsid)):
        state, cow_name = codes.get(spell.ccode, (None, None))
        if state is None:
            report.skip("archigos: dissolved state or unknown COW code (no kg id)",
                        f"{cow_name or 'unknown'} ({spell.ccode})")
        else:
            placed.append((spell, state))
    # one id per Archigos leader: a known person's when any of their spells matches one
    by_name = {normalize(a.name): a.id for a in index.actors.values() if a.kind == "person"}
    ids: dict[tuple[str, str], str] = {}  # by Archigos' leader id and name: a few ids name two people
    for spell, state in placed:
        if normalize(spell.name) in by_name and " " in spell.name.strip():
            ids.setdefault((spell.leadid, spell.name), by_name[normalize(spell.name)])
        for actor, roles in holders.get(state, []):
            if (spell.leadid, spell.name) not in ids and _match(actor, roles, spell):
                ids[spell.leadid, spell.name] = actor.id
    new: dict[str, Actor] = {}
    out: list[Role] = []
    for spell, state in placed:
        pid = ids.get((spell.leadid, spell.name))
        if pid is None:
            pid = new_person_id(spell, index)
            ids[spell.leadid, spell.name] = pid
            new.setdefault(pid, Actor(id=pid, name=spell.name, kind="person"))
        elif any(r.holder == state and _near(r, spell, timedelta(0)) for r in index.roles.get(pid, [])):
            report.skip("archigos: spell overlaps a curated or Factbook role (they win)", pid)
            continue
        out.append(Role.create(person=pid, holder=state, title=TITLE, start=spell.start, end=spell.end,
                               source=SOURCE))
    report.loaded["roles (leaders, Archigos)"] = len(out)
    return list(new.values()), out
