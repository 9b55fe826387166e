"""PLOVER event records as statements (``kg ingest plover``).

PLOVER (Political Language Ontology for Verifiable Event Records, Open Event Data Alliance)
writes an event as a JSON object: an ``id``, a ``date`` (YYYY-MM-DD), the ``event`` type
(``ACCUSE``), an optional ``mode`` (``allege``), and lists of entities, each with a ``code``
(ISO 3166 alpha-3, or ``IGO``, ``NGO``, ...) and a ``sector`` (``GOV``, ``MIL``, ``CVL``, ...): the
ones acting are ``source`` in the drafts and their gold-standard records, ``actor`` in the 2.0
manual; the ones acted on ``target``, or ``recipient``. Both spellings are read; so are an
``event`` or ``mode`` given as a list, as the 2.0 manual allows. A file is either a JSON array of
records or JSON lines (one record a line): its first character that is not a space tells, ``[``
or ``{``. Both are read one record at a time, the array with :meth:`json.JSONDecoder.raw_decode`
on a sliding buffer (no other dependency): memory holds one record and the ids of the statements
made (to catch an id given twice), whatever the file's size. ``DOCUMENT`` records are
documentation, not events: counted. Each other record becomes statements:

* **speaker**: each ``source`` entity that is a state kg knows (its code is the id of a
  ``state`` actor) and speaks for it: no sector (the country itself), or a primary sector (the
  first three letters: ``GOVMOS`` is ``GOV``) among ``state_types`` of ``kg/data/events.yaml``
  (government, military, legislature, judiciary), and not a partially recognised entity
  (``PRE``). Several source states give one statement each; the id is a hash of the record's id
  and the speaker, so loading a file again adds nothing.
* **targets**: the ``target`` entities that are states under the same rule, less the speaker.
  A record without targets (PLOVER codes the parties of a joint event as sources), without a
  source state or without a target state other than the source gives no statement: counted. The
  other entities, organisations (``IGO``, ``NGO``), codes of no state (the gold-standard records
  write ``JAP`` for Japan) and sectors that are not the state (rebels ``REB``, civilians ``CVL``,
  police ``COP``, ``***`` for a sector not given), are counted and reported by code or sector.
* **stance**: the event type and mode through ``plover_stances`` (``TYPE/mode`` before
  ``TYPE``); null, or a type the table does not list, gives no statement, counted by type. Of
  several types, the first with a stance is read. The statement keeps the record's type and mode
  (``plover_type``, ``plover_mode``) and takes its valence from the stance vocabulary; it has no
  CAMEO code (a PLOVER record has none).
* **date**: ``date``; **source**: the record's URL (``url``, ``citeInfo.url``, or a
  ``publication`` that is a URL), else ``plover:<id>``; **quote**: the record's id, the codes and
  the event type, never its text (the gold-standard records are CC BY-SA 4.0).

A record that cannot be read (not an object; no id, event type, source entity or date; a date
that is no YYYY-MM-DD date or lies outside 1900 .. next year; entities that are not a list of
objects, such as a target given as a word; an id whose statements an earlier record of the file
gave, as PLOVER ids are unique in a data set) is counted and reported by ``file:record N`` in an
array (with the line it starts on) or ``file:LINE`` in JSON lines, never dropped silently; with
``strict`` the first one raises :class:`~kg.errors.DataError`. A file that is not valid JSON, not
UTF-8, or neither an array nor JSON lines is one DataError naming the file and line.

Examples
--------
>>> stance_of("ACCUSE", "allege"), stance_of("ACCUSE", "investigate"), stance_of("ACCUSE"), stance_of("CONSULT")
('accuse', None, 'concern', None)
>>> stance_of("REQUEST", "yield"), stance_of("SUPPORT", "visit"), stance_of("DISAPPROVE"), stance_of("NOSUCH")
('call_for_ceasefire', 'support', 'concern', None)
>>> [speaks_for_state(s) for s in (None, "GOV", "GOVMOS", "MILsrp", "CVLalb", "***", "GOVPRE")]
[True, True, True, True, False, False, False]
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from kg.ingest.gdelt import lookups  # the same file: kg/data/events.yaml
from kg.ingest.sources import Report

from kg.actors import ActorIndex
from kg.errors import DataError, Problem
from kg.model import MAX_URL, Statement, stable_id

FIRST_YEAR = 1900
CHUNK = 1 << 16
"""Characters read at a time from a JSON array."""
MAX_RECORD = 1 << 24
"""Characters: a record that does not parse within this many is invalid JSON, not cut by a chunk."""
_SPACE = re.compile(r"[ \t\n\r]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def stance_of(event: str, mode: str | None = None) -> str | None:
    """The stance of a PLOVER event type and mode (``TYPE/mode`` before ``TYPE``), or None."""
    key = stance_key(event, mode)
    return lookups()["plover_stances"][key] if key else None


def stance_key(event: str, mode: str | None = None) -> str | None:
    """The key of ``plover_stances`` that decides ``event`` and ``mode``, or None when no key names it."""
    table = lookups()["plover_stances"]
    for key in (f"{event}/{mode}" if mode else None, event):
        if key and key in table:
            return key
    return None


@dataclass
class Filters:
    """Which entities speak for their state (defaults from ``kg/data/events.yaml``)."""

    state_sectors: frozenset[str] = field(default_factory=lambda: frozenset(lookups()["state_types"]))


def speaks_for_state(sector: object, state_sectors: frozenset[str] | None = None, others: object = None) -> bool:
    """Whether an entity of this sector speaks for its state: no sector, or a primary sector (the
    first three letters) among ``state_sectors``, and no ``PRE`` (partially recognised entity) in
    the rest or in ``others`` (the 2.0 manual's ``other_sector_codes``)."""
    state_sectors = lookups()["state_types"] if state_sectors is None else state_sectors
    codes = _sector_codes(sector)
    rest = codes[1:] + _sector_codes(others)
    return (codes[0] if codes else "") in state_sectors and "PRE" not in rest


def _sector_codes(value: object) -> list[str]:
    if isinstance(value, list):
        return [c for v in value for c in _sector_codes(v)]
    if not isinstance(value, str) or not value.strip():
        return []
    text = value.strip().upper()
    return [text[k:k + 3] for k in range(0, len(text), 3)]


class _Buffer:
    """A text file read a chunk at a time, with the line of the current position."""

    def __init__(self, fh: IO[str]):
        self.fh, self.text, self.pos, self.eof = fh, "", 0, False
        self.line, self.mark = 1, 0  # the line of text[mark]

    def line_at(self) -> int:
        self.line += self.text.count("\n", self.mark, self.pos)
        self.mark = self.pos
        return self.line

    def first_line(self) -> int:
        """The line of text[0], for the positions a JSONDecodeError gives."""
        return self.line_at() - self.text.count("\n", 0, self.pos)

    def more(self) -> bool:
        """Drop what was read and read on; False at the end of the file."""
        if self.eof:
            return False
        self.line_at()
        self.text, self.pos, self.mark = self.text[self.pos:], 0, 0
        chunk = self.fh.read(CHUNK)
        self.eof = not chunk
        self.text += chunk
        return bool(chunk)

    def peek(self) -> str:
        """The next character that is not a space ("" at the end), the position on it."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""

    def value(self, decoder: json.JSONDecoder) -> object:
        """The JSON value at the position, read on until it is whole."""
        while True:
            try:
                value, end = decoder.raw_decode(self.text, self.pos)
                if end < len(self.text) or self.eof:  # a number could go on in the next chunk
                    self.pos = end
                    return value
            except json.JSONDecodeError:
                if self.eof or len(self.text) - self.pos > MAX_RECORD:
                    raise
            self.more()


def layout(path: Path) -> str:
    """``[`` (a JSON array) or ``{`` (JSON lines): the first character that is not a space;
    DataError when the file is missing, empty or something else."""
    if not path.is_file():
        raise DataError(Problem("no such file", str(path)))
    try:
        with path.open(encoding="utf-8-sig") as fh:
            buf = _Buffer(fh)
            first = buf.peek()
            line = buf.line_at()
    except UnicodeDecodeError as e:
        raise DataError(Problem(f"not UTF-8 text ({e.reason})", str(path))) from None
    if first not in ("[", "{"):
        found = f"found {first!r}" if first else "the file is empty"
        raise DataError(Problem(f"not PLOVER JSON: a JSON array ('[') or JSON lines ('{{') expected, {found}",
                                str(path), line if first else None))
    return first


def records(path: Path) -> Iterator[tuple[int | None, int, object]]:
    """The records of a PLOVER file as (record number in an array or None in JSON lines, line,
    value), one at a time; DataError when the file is not UTF-8 or not valid JSON."""
    kind = layout(path)
    try:
        with path.open(encoding="utf-8-sig") as fh:
            if kind == "{":
                for number, text in enumerate(fh, 1):
                    if text.strip():
                        try:
                            value = json.loads(text)
                        except json.JSONDecodeError as e:
                            raise DataError(Problem(f"invalid JSON (JSON lines: one record a line): {e.msg} "
                                                    f"(column {e.colno})", str(path), number)) from None
                        yield None, number, value
                return
            yield from _array(_Buffer(fh), path)
    except UnicodeDecodeError as e:
        raise DataError(Problem(f"not UTF-8 text ({e.reason})", str(path))) from None
    except OSError as e:
        raise DataError(Problem(f"cannot read: {e}", str(path))) from None


def _array(buf: _Buffer, path: Path) -> Iterator[tuple[int, int, object]]:
    decoder = json.JSONDecoder()
    buf.peek()
    buf.pos += 1  # the "[" that layout() found
    number = 0
    if buf.peek() == "]":
        buf.pos += 1
    else:
        while True:
            if not buf.peek():
                raise DataError(Problem("invalid JSON: the array is not closed (is the file complete?)", str(path),
                                        buf.line_at()))
            number += 1
            line = buf.line_at()
            try:
                value = buf.value(decoder)
            except json.JSONDecodeError as e:
                raise DataError(Problem(f"invalid JSON (record {number}): {e.msg}", str(path),
                                        buf.first_line() + e.lineno - 1)) from None
            yield number, line, value
            after = buf.peek()
            if after not in (",", "]") or not after:
                found = f"found {after!r}" if after else "the file ends (is it complete?)"
                raise DataError(Problem(f"invalid JSON after record {number}: ',' or ']' expected, {found}",
                                        str(path), buf.line_at()))
            buf.pos += 1
            if after == "]":
                break
    if buf.peek():
        raise DataError(Problem("invalid JSON: text after the array's end", str(path), buf.line_at()))


@dataclass(frozen=True)
class Entity:
    """An actor or recipient of a record: its code and sector as written, and whether it speaks for its state."""

    code: str
    sector: str
    official: bool


@dataclass(frozen=True)
class Event:
    """A record that could be read."""

    id: str
    types: tuple[str, ...]
    modes: tuple[str, ...]
    day: date
    sources: tuple[Entity, ...]
    targets: tuple[Entity, ...]
    url: str | None


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _words(value: object, what: str, upper: bool) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) for v in items):
        raise ValueError(f"{what} is not a word or a list of words: {_short(value)}")
    words = (v.strip() for v in items)
    return tuple(w.upper() if upper else w.lower() for w in words if w)


def event_types(record: object) -> tuple[str, ...]:
    """The event types of a record (upper-case); ValueError when it is no object or has none."""
    if not isinstance(record, dict):
        raise ValueError(f"not a JSON object: {_short(record)}")
    types = _words(record.get("event") or [], "event", upper=True)
    if not types:
        raise ValueError("no event type (event)")
    return types


def _entities(record: dict, names: tuple[str, str], required: bool, sectors: frozenset[str]) -> tuple[Entity, ...]:
    name = next((n for n in names if record.get(n) not in (None, "", [])), None)
    if name is None:
        if required:
            raise ValueError(f"no {' or '.join(names)} entity")
        return ()
    value = record[name]
    value = [value] if isinstance(value, dict) else value
    if not isinstance(value, list):
        raise ValueError(f"{name} is not a list of entities: {_short(value)}")
    out = []
    for k, entity in enumerate(value, 1):
        if not isinstance(entity, dict):
            raise ValueError(f"{name} entity {k} is not an object: {_short(entity)}")
        code = entity.get("code")
        sector = entity.get("sector", entity.get("sector_code"))
        out.append(Entity(code=code.strip().upper() if isinstance(code, str) else "",
                          sector=sector if isinstance(sector, str) else ",".join(_sector_codes(sector)),
                          official=speaks_for_state(sector, sectors, entity.get("other_sector_codes"))))
    return tuple(out)


def _day(value: object, last_year: int) -> date:
    if value in (None, ""):
        raise ValueError("no date")
    try:
        day = date.fromisoformat(value) if isinstance(value, str) and _DATE.fullmatch(value) else None
    except ValueError:
        day = None
    if day is None:
        raise ValueError(f"date is not a date (YYYY-MM-DD): {_short(value)}")
    if not FIRST_YEAR <= day.year <= last_year:
        raise ValueError(f"date out of range ({FIRST_YEAR} .. {last_year}): {value}")
    return day


def _url(record: dict) -> str | None:
    cite = record.get("citeInfo")
    for value in (record.get("url"), cite.get("url") if isinstance(cite, dict) else None, record.get("publication")):
        if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
            return value.strip()
    return None


def parse(record: dict, types: tuple[str, ...], sectors: frozenset[str], last_year: int) -> Event:
    """The event of a record whose types were read; ValueError saying what cannot be read."""
    rid = record.get("id")
    if isinstance(rid, bool) or not isinstance(rid, str | int) or not str(rid).strip():
        raise ValueError(f"no id: {_short(rid)}" if rid not in (None, "") else "no id")
    return Event(id=str(rid).strip(), types=types, modes=_words(record.get("mode") or [], "mode", upper=False),
                 day=_day(record.get("date"), last_year),
                 sources=_entities(record, ("source", "actor"), True, sectors),
                 targets=_entities(record, ("target", "recipient"), False, sectors), url=_url(record))


def _stance(event: Event) -> tuple[str, str | None, str | None, str | None]:
    """(type, mode, key, stance) of the first event type with a stance, else of the first type."""
    table = lookups()["plover_stances"]
    found = []
    for kind in event.types:
        mode = next((m for m in event.modes if f"{kind}/{m}" in table), event.modes[0] if event.modes else None)
        key = stance_key(kind, mode)
        if key and table[key]:
            return kind, mode, key, table[key]
        found.append((kind, mode, key, None))
    return found[0]


def _states(entities: tuple[Entity, ...], states: set[str], report: Report) -> list[str]:
    """The codes of the entities that speak for a state kg knows, in order; the others reported."""
    out = []
    for e in entities:
        if e.code not in states:
            report.skip("plover: entity code of no state kg knows (IGO, NGO, a typo?)", e.code or "(none)")
        elif not e.official:
            report.skip("plover: the entity does not speak for its state (sector)", e.sector)
        elif e.code not in out:
            out.append(e.code)
    return out


def read_events(path: str | Path, dataset: str, report: Report, index: ActorIndex | None = None,
                filters: Filters | None = None, strict: bool = False) -> Iterator[Statement]:
    """The statements of PLOVER file ``path`` (see the module's text), one at a time; what is
    set aside goes to ``report`` (bad records with their record or line numbers)."""
    path = Path(path)
    index = index or ActorIndex.default()
    filters = filters or Filters()
    states = {a.id for a in index.actors.values() if a.kind == "state"}
    last_year = date.today().year + 1
    shape = "a JSON array" if layout(path) == "[" else "JSON lines"
    report.notes.append(f"{path.name}: PLOVER records, {shape}")
    given: set[str] = set()  # the ids of the statements yielded: a record id given twice would merge two events

    def bad(number: int | None, line: int, why: str) -> None:
        where = (f"{path}:record {number} (line {line})", None) if number else (str(path), line)
        if strict:
            raise DataError(Problem(f"unreadable record: {why}", *where))
        short = (f"{path.name}:record {number} (line {line})", None) if number else (path.name, line)
        report.skip("plover: unreadable records (record: why)", str(Problem(why, *short)))

    for number, line, record in records(path):
        report.rows += 1
        try:
            types = event_types(record)
            if "DOCUMENT" in types:
                report.loaded["plover: DOCUMENT records (documentation, not events)"] += 1
                continue
            event = parse(record, types, filters.state_sectors, last_year)
        except ValueError as e:
            bad(number, line, str(e))
            continue
        speakers = _states(event.sources, states, report)
        targets = _states(event.targets, states, report)
        if not event.targets:
            report.loaded["plover: events without a target"] += 1
            continue
        if not speakers:
            report.loaded["plover: events without a state as source"] += 1
            continue
        if not any(t != s for s in speakers for t in targets):
            report.loaded["plover: events without a state as target other than the source"] += 1
            continue
        kind, mode, key, stance = _stance(event)
        if len(event.types) > 1:
            report.loaded["plover: events of several types (the first with a stance read)"] += 1
        if stance is None:
            if key is None:
                report.skip("plover: event type plover_stances does not list", kind)
            else:
                report.skip("plover: event type without a stance", key)
            continue
        ids = {s: stable_id("st", "plover", event.id, s) for s in speakers if any(t != s for t in targets)}
        if not given.isdisjoint(ids.values()):
            bad(number, line, f"id {event.id!r} is an earlier record's too (PLOVER ids are unique in a file)")
            continue
        given.update(ids.values())
        url = (event.url or f"plover:{event.id}")[:MAX_URL]
        what = f"{kind}/{mode}" if mode else kind
        for speaker in speakers:
            toward = [t for t in targets if t != speaker]
            if not toward:
                report.loaded["plover: source states with no other state as target"] += 1
                continue
            report.loaded["statements (PLOVER)"] += 1
            quote = f"PLOVER event {event.id}: {speaker} -> {', '.join(toward)}, {what}"
            yield Statement.create(id=ids[speaker], speaker=speaker, date=event.day,
                                   stance=stance, targets=toward, quote=quote[:400], source=url, cameo=None,
                                   plover_type=kind, plover_mode=mode, dataset=dataset)
