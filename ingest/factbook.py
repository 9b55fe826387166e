"""Heads of state and government from the CIA World Factbook (public domain), as dated roles.

The Factbook's "Executive branch" gives, for every country and edition, its chief of state and
its head of government as text: ``President Ebrahim RAISI (since 18 June 2021); First Vice
President Mohammad MOKHBER (since 8 August 2021)``. The first holder of each field is read
(the vice presidents and deputies after it are not heads), with their title and the date
after "since"; surnames are the words in capitals. A head of state "represented by" a
governor general is left out there (a monarch of several realms speaks for the one they live
in). One person holds a role from their "since"
date until the day before the next holder's, over the editions in the file (the 2015-2023
editions; the 2018-2020 texts are empty, so a change in those years is dated by the "since"
of the later edition).

:func:`read_leaders` reads the CSV of ``shared/refdata/leaders/cia_factbook_exec_branch``
(``edition_year, fips_code, iso2, entity_type, country_name, role, text, ...``) and returns
:class:`Leader` records for sovereign states; ``tools/factbook_leaders.py`` writes them as
``kg/data/leaders.yaml``, the compact set the package ships.

Examples
--------
>>> parse_holder("President Ebrahim RAISI (since 18 June 2021); First Vice President Mohammad MOKHBER")
('President', 'Ebrahim Raisi', 'Raisi', datetime.date(2021, 6, 18))
>>> parse_holder("Supreme Leader Ali Hoseini-KHAMENEI (since 4 June 1989)")
('Supreme Leader', 'Ali Hoseini-Khamenei', 'Khamenei', datetime.date(1989, 6, 4))
>>> parse_holder("President XI Jinping (since 14 March 2013); Vice President HAN Zheng")
('President', 'Xi Jinping', 'Xi', datetime.date(2013, 3, 14))
>>> parse_holder("President Joseph R. BIDEN, Jr. (since 20 January 2021); Vice President Kamala D. HARRIS")
('President', 'Joseph R. Biden Jr.', 'Biden', datetime.date(2021, 1, 20))
>>> parse_holder("President Recep Tayyip ERDOGAN (chief of state since 28 August 2014; head of government "
...              "since 9 July 2019)")[1:]
('Recep Tayyip Erdogan', 'Erdogan', datetime.date(2014, 8, 28))
>>> parse_holder("Sultan and Prime Minister Sir HASSANAL Bolkiah (since 5 October 1967)")[:2]
('Sultan and Prime Minister', 'Hassanal Bolkiah')
>>> parse_holder("President Idriss DEBY ITNO, Lt. Gen. (since 4 December 1990)")[1]
'Idriss Deby Itno'
>>> parse_holder("") is None
True
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import pycountry

from kg.errors import DataError, Problem

__all__ = ["Leader", "parse_holder", "read_leaders", "short_name", "tenures"]

ROLE_TITLES = {"chief_of_state": "chief of state", "head_of_government": "head of government"}
# Words of an office before the holder's name (capitalised in the Factbook like names).
TITLE_WORDS = frozenset("""president president-elect prime minister premier chancellor supreme leader king queen
emir amir sultan grand duke duchess prince princess crown chairman chairwoman chairperson general governor
state counsellor counselor federal council presidential chief executive head interim acting transitional
sovereign co-prince co-princes taoiseach pope holiness emperor his her majesty highness royal the of
first captain regent regents captains-regent national assembly speaker commander military junta
and swiss confederation ministers affairs commission people's presidium
""".split())
# Ranks and honorifics before or after a name ("Col. Mamady DOUMBOUYA", "John MAGUFULI, Dr."):
# not part of the name.
HONORIFICS = frozenset("capt col dr gen lt sir brig maj adm gen gen. lt. col. dr. capt.".split())
_SINCE = re.compile(r"since\s+(\d{1,2}\s+[A-Za-z]+\s+\d{4})")
_CAPS = re.compile(r"[A-Z][A-Z'’-]*[A-Z]")
EXPECTED = ("edition_year", "iso2", "entity_type", "country_name", "role", "text")


@dataclass
class Leader:
    """One person and the heads-of-state or -government roles the Factbook gives them."""

    name: str
    surname: str
    roles: list[dict] = field(default_factory=list)
    """``{"holder": ISO3, "title": ..., "start": date, "end": date | None}``, by start."""


_ROMAN = re.compile(r"[IVX]+")


def _name_word(word: str, first: bool = False) -> str:
    """A word of a name as people write it: "RAISI" -> "Raisi", "Hoseini-KHAMENEI" -> "Hoseini-Khamenei";
    a regnal number after the name ("Charles III") stays, a first word never is one ("XI Jinping")."""
    return "-".join(p.capitalize() if p.isupper() and len(p) > 1 and (first or not _ROMAN.fullmatch(p)) else p
                    for p in word.split("-"))


def short_name(name: str, surname: str) -> str | None:
    """The name without middle names and initials ("Joseph R. Biden Jr." -> "Joseph Biden"), or None
    when that is the name itself.

    >>> short_name("Ali Hoseini-Khamenei", "Khamenei"), short_name("Olaf Scholz", "Scholz")
    ('Ali Khamenei', None)
    """
    first = name.split()[0]
    short = f"{first} {surname}"
    return None if short == name or first == surname or first.endswith(".") else short


def parse_holder(text: str) -> tuple[str, str, str, date] | None:
    """(title, name, surname, since) of the first holder in a Factbook executive-branch text, or None."""
    first = re.split(r";(?![^(]*\))", text, maxsplit=1)[0].strip()
    m = _SINCE.search(first)
    head = first.split("(", 1)[0].replace(",", " ").strip()
    if not m or not head:
        return None
    try:
        since = datetime.strptime(m.group(1), "%d %B %Y").date()
    except ValueError:
        return None
    words = head.split()
    k = 0
    while k < len(words) - 1 and words[k].lower().strip(".") in TITLE_WORDS and not _CAPS.fullmatch(words[k]):
        k += 1
    title, name_words = " ".join(words[:k]), words[k:]
    while len(name_words) > 1 and name_words[0].lower().strip(".") in HONORIFICS:
        name_words = name_words[1:]
    while len(name_words) > 1 and name_words[-1].lower().strip(".") in HONORIFICS:
        name_words = name_words[:-1]
    caps = [w for w in name_words if _CAPS.search(w) and any(len(p) > 1 and p.isupper() for p in w.split("-"))]
    if not title or not caps:
        return None
    parts = caps[0].split("-")
    surname_word = caps[0] if all(p.isupper() for p in parts) else parts[-1]
    name = " ".join([_name_word(name_words[0], first=True)] + [_name_word(w) for w in name_words[1:]])
    return title, name.lstrip("'’ʻ‘`"), _name_word(surname_word, first=True), since


def tenures(rows: list[tuple[int, str, str, str, date, str]]) -> list[tuple[str, str, str, date, date | None]]:
    """Roles from the holders of one (state, role) over the editions: (name, surname, title, start, end).

    ``rows`` are (edition, name, surname, title, since, role). A holder's role ends the day before
    the next holder's start; the last holder's is open when the last edition still names them.

    >>> d = date
    >>> ab = ("A B", "B", "President", d(2010, 1, 1), "x")
    >>> for t in tenures([(2015, *ab), (2017, *ab), (2021, "C D", "D", "President", d(2019, 5, 2), "x")]):
    ...     print(t)
    ('A B', 'B', 'President', datetime.date(2010, 1, 1), datetime.date(2019, 5, 1))
    ('C D', 'D', 'President', datetime.date(2019, 5, 2), None)
    """
    last_edition = max(r[0] for r in rows)
    by_name: dict[str, list] = {}
    for edition, name, surname, title, since, _ in sorted(rows, key=lambda r: (r[4], r[0])):
        cur = by_name.setdefault(name, [name, surname, title, since, edition])
        cur[3] = min(cur[3], since)
        cur[4] = max(cur[4], edition)
    ordered = sorted(by_name.values(), key=lambda v: v[3])
    out = []
    for i, (name, surname, title, start, seen) in enumerate(ordered):
        if i + 1 < len(ordered):
            end = ordered[i + 1][3] - timedelta(days=1)
        else:
            end = None if seen == last_edition else date(seen, 12, 31)
        if end is not None and end < start:
            continue
        out.append((name, surname, title, start, end))
    return out


def read_leaders(path: str | Path) -> tuple[list[Leader], list[str]]:
    """The Factbook's heads of sovereign states, and what could not be read (one line each).

    Raises :class:`~kg.errors.DataError` (file:line) for a missing file or another column layout.
    """
    path = Path(path)
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as e:
        raise DataError(Problem(f"cannot read the Factbook leaders file: {e.strerror or e}", str(path))) from None
    unread: list[str] = []
    groups: dict[tuple[str, str], list] = {}
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in EXPECTED if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(Problem(f"not the Factbook executive-branch layout: no column {', '.join(missing)}",
                                    str(path), 1))
        for row in reader:
            line = reader.line_num
            if row["entity_type"] != "sovereign" or not row["text"].strip():
                continue
            country = pycountry.countries.get(alpha_2=row["iso2"]) if row["iso2"] else None
            if country is None:
                unread.append(f"{path.name}:{line}: no state for {row['country_name']!r} (iso2 {row['iso2']!r})")
                continue
            try:
                edition = int(row["edition_year"])
            except ValueError:
                raise DataError(Problem(f"edition_year {row['edition_year']!r} is no year", str(path), line)) from None
            if "represented by" in row["text"]:  # a monarch of several realms: theirs is the realm they live in
                continue
            got = parse_holder(row["text"])
            if got is None:
                unread.append(f"{path.name}:{line}: no holder read in {row['country_name']} {row['role']}")
                continue
            title, name, surname, since = got
            groups.setdefault((country.alpha_3, row["role"]), []).append(
                (edition, name, surname, title, since, row["role"]))
    people: dict[str, Leader] = {}
    for (iso3, role), rows in sorted(groups.items()):
        for name, surname, title, start, end in tenures(rows):
            leader = people.setdefault(name, Leader(name, surname))
            same = [r for r in leader.roles if r["holder"] == iso3 and r["title"] == title and r["start"] == start]
            if same:  # chief of state and head of government at once (presidential systems)
                continue
            leader.roles.append({"holder": iso3, "title": title, "start": start, "end": end,
                                 "role": ROLE_TITLES.get(role, role)})
    for leader in people.values():
        leader.roles.sort(key=lambda r: (r["start"], r["holder"]))
    return sorted(people.values(), key=lambda p: p.name), unread
