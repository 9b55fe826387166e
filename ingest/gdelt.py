"""GDELT events as statements (``kg ingest gdelt``).

GDELT publishes its events as tab-separated files without a header, plain or zipped: 61
columns in GDELT 2.0 (:data:`EVENTS2`), 58 in GDELT 1.0 (:data:`EVENTS1`); the version is told
by the first line's width. Each event that passes the filters becomes one
:class:`~kg.model.Statement`:

* **speaker and target**: ``Actor1CountryCode`` and ``Actor2CountryCode``, when both are states
  kg knows (ISO 3166 alpha-3, as CAMEO writes them), differ, and the actors speak for their
  state (``Actor1Type1Code`` among ``state_types`` of ``kg/data/events.yaml``: a country code
  alone, government, military, legislature, judiciary). Regions (``AFR``, ``EUR``) and a
  state's citizens, media or businesses are counted and reported.
* **stance**: the ``EventCode`` through ``cameo_stances`` (longest prefix wins), for the quad
  classes chosen (verbal cooperation and verbal conflict by default); the code is kept.
* **valence**: ``GoldsteinScale`` / 10 (GDELT's -10 .. +10 as kg's -1 .. +1); **date**:
  ``SQLDATE``; **source**: ``SOURCEURL``; ``NumMentions``, ``NumSources``, ``NumArticles`` and
  ``AvgTone`` are kept. The id is a hash of ``GLOBALEVENTID``: loading a file again adds nothing.

A row that cannot be read (another number of columns, a quad class that is not 1 to 4, a
Goldstein value that is no number, a date that is no date or lies outside 1979 .. next year) is
counted and reported by line, never dropped silently; with ``strict`` the first one raises
:class:`~kg.errors.DataError`. Every row's width is checked, its values where the filters keep
it. Lines are read one at a time, so memory stays bounded whatever the file's size.

Examples
--------
>>> stance_of("0256"), stance_of("025"), stance_of("111"), stance_of("040")
('call_for_ceasefire', None, 'condemn', None)
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from kg.ingest.sources import Report

from kg.actors import ActorIndex
from kg.errors import DataError, Problem
from kg.model import MAX_URL, Statement, stable_id

_COMMON = ("GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode "
           "Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code "
           "Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode "
           "Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code "
           "Actor2Type3Code IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale "
           "NumMentions NumSources NumArticles AvgTone").split()
EVENTS2 = tuple(_COMMON + [f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")]
    + ["DATEADDED", "SOURCEURL"])
"""The 61 columns of a GDELT 2.0 events file, in order (GDELT 2.0 Event Codebook)."""
EVENTS1 = tuple(_COMMON + [f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in (
    "Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")] + ["DATEADDED", "SOURCEURL"])
"""The 58 columns of a GDELT 1.0 events file, in order (GDELT 1.0 Event Codebook)."""
LAYOUTS = {len(EVENTS2): ("GDELT 2.0", EVENTS2), len(EVENTS1): ("GDELT 1.0", EVENTS1)}
FIRST_YEAR = 1979  # GDELT's back file starts in 1979


@cache
def lookups() -> dict:
    """``kg/data/events.yaml``: CAMEO codes and PLOVER types as stances, default filters."""
    return yaml.safe_load(resources.files("kg.data").joinpath("events.yaml").read_text(encoding="utf-8"))


@cache
def stance_of(code: str) -> str | None:
    """The stance of a CAMEO event code (its longest listed prefix), or None."""
    table = lookups()["cameo_stances"]
    for k in range(len(code), 0, -1):
        if code[:k] in table:
            return table[code[:k]]
    return None


@dataclass
class Filters:
    """Which events become statements (defaults from ``kg/data/events.yaml``)."""

    quad_classes: frozenset[int] = field(default_factory=lambda: frozenset(lookups()["quad_classes"]))
    state_types: frozenset[str] = field(default_factory=lambda: frozenset(lookups()["state_types"]))


def lines(path: Path) -> Iterator[tuple[int, str]]:
    """The numbered lines of a GDELT file, plain or zipped (the first member of a zip);
    DataError when it is missing, not a readable zip, cut short or not UTF-8."""
    if not path.is_file():
        raise DataError(Problem("no such file", str(path)))
    try:
        with path.open("rb") as fh:
            zipped = fh.read(4) == b"PK\x03\x04"
        if zipped:
            with zipfile.ZipFile(path) as zf:
                members = [m for m in zf.namelist() if not m.endswith("/")]
                if not members:
                    raise DataError(Problem("an empty zip: no events file in it", str(path)))
                with zf.open(members[0]) as raw:
                    yield from enumerate(io.TextIOWrapper(raw, encoding="utf-8", newline=""), 1)
            return
        with path.open(encoding="utf-8", newline="") as fh:
            yield from enumerate(fh, 1)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as e:
        raise DataError(Problem(f"a damaged or truncated zip ({e})", str(path))) from None
    except UnicodeDecodeError as e:
        raise DataError(Problem(f"not UTF-8 text ({e.reason})", str(path))) from None
    except OSError as e:  # a zip cut short fails on reading its member
        raise DataError(Problem(f"cannot read: {e}", str(path))) from None


def _number(text: str, what: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{what} is not a number: {text!r}") from None


def _day(text: str, last_year: int) -> date:
    try:
        day = date(int(text[:4]), int(text[4:6]), int(text[6:8])) if len(text) == 8 else None
    except ValueError:
        day = None
    if day is None:
        raise ValueError(f"SQLDATE is not a date (YYYYMMDD): {text!r}")
    if not FIRST_YEAR <= day.year <= last_year:
        raise ValueError(f"SQLDATE out of range ({FIRST_YEAR} .. {last_year}): {text}")
    return day


def read_events(path: str | Path, dataset: str, report: Report, index: ActorIndex | None = None,
                filters: Filters | None = None, strict: bool = False) -> Iterator[Statement]:
    """The statements of GDELT events file ``path`` (see the module's text), one at a time;
    what is set aside goes to ``report`` (bad rows with their line numbers).

    Every row's width is checked; its values (Goldstein, date, counts, tone) on the rows the
    filters keep, which are the rows that become statements."""
    path = Path(path)
    index = index or ActorIndex.default()
    filters = filters or Filters()
    states = {a.id for a in index.actors.values() if a.kind == "state"}
    quads = {str(q) for q in filters.quad_classes}
    last_year = date.today().year + 1
    width = 0

    def bad(number: int, why: str) -> None:
        if strict:
            raise DataError(Problem(f"unreadable event: {why}", str(path), number))
        report.skip("gdelt: unreadable rows (line: why)", f"{path.name}:{number}: {why}")

    not_between = 0  # most rows: counted here, added to the report at the end
    try:
        for number, line in lines(path):
            report.rows = number
            line = line.rstrip("\r\n")
            if not width:
                columns = line.count("\t") + 1
                if columns not in LAYOUTS:
                    raise DataError(Problem(f"unknown column layout: {columns} columns, expected 61 (GDELT 2.0) "
                                            "or 58 (GDELT 1.0) tab-separated", str(path), number))
                version, names = LAYOUTS[columns]
                width = len(names)
                c = {n: k for k, n in enumerate(names)}
                a1, a2 = c["Actor1CountryCode"], c["Actor2CountryCode"]
                report.notes.append(f"{path.name}: {version} events ({width} columns)")
            if line.count("\t") != width - 1:
                bad(number, f"{line.count(chr(9)) + 1} columns, expected {width} ({version})")
                continue
            head = line.split("\t", a2 + 1)  # the actors first: most rows stop there
            speaker, target = head[a1], head[a2]
            if not speaker or not target or speaker == target:
                not_between += 1
                continue
            cells = line.split("\t")
            if speaker not in states or target not in states:
                for code in (speaker, target):
                    if code not in states:
                        report.skip("gdelt: country code of no state kg knows (a region?)", code)
                continue
            if cells[c["Actor1Type1Code"]] not in filters.state_types:
                report.skip("gdelt: the speaker does not speak for its state (actor type)", cells[c["Actor1Type1Code"]])
                continue
            quad = cells[c["QuadClass"]]
            if quad not in quads:
                if quad not in ("1", "2", "3", "4"):
                    bad(number, f"QuadClass is not 1 to 4: {quad!r}")
                else:
                    report.loaded["gdelt: events of other quad classes"] += 1
                continue
            code = cells[c["EventCode"]]
            stance = stance_of(code)
            if stance is None:
                report.skip("gdelt: CAMEO code without a stance", code)
                continue
            try:
                goldstein = _number(cells[c["GoldsteinScale"]], "GoldsteinScale")
                day = _day(cells[c["SQLDATE"]], last_year)
                counts = [int(_number(cells[c[n]] or "0", n)) for n in ("NumMentions", "NumSources", "NumArticles")]
                tone = _number(cells[c["AvgTone"]] or "0", "AvgTone")
            except ValueError as e:
                bad(number, str(e))
                continue
            event_id = cells[c["GLOBALEVENTID"]]
            url = cells[c["SOURCEURL"]].strip() or f"gdelt:{event_id}"
            quote = (f"GDELT event {event_id}: {cells[c['Actor1Name']] or speaker} -> "
                     f"{cells[c['Actor2Name']] or target}, CAMEO {code}")
            report.loaded["statements (GDELT)"] += 1
            yield Statement.create(id=stable_id("st", "gdelt", event_id), speaker=speaker, date=day, stance=stance,
                                   targets=(target,), quote=quote[:400], source=url[:MAX_URL], cameo=code,
                                   valence=max(-1.0, min(1.0, goldstein / 10)), dataset=dataset,
                                   num_mentions=counts[0], num_sources=counts[1], num_articles=counts[2],
                                   avg_tone=tone)
    finally:
        report.loaded["gdelt: events not between two states"] += not_between
