"""Memberships and alliances from reference sources, as dated records (``kg ingest reference``).

It reads a folder laid out like ``shared/refdata`` (see its README and MANIFEST for origin and
licence), each source at its path there:

* **EU membership** (``memberships/eums/member_states_raw.csv``, MIT): the member states with
  their accession and exit dates. It wins over the Factbook for the EU: its dates are exact.
* **Factbook organisation participation** (``memberships/cia_factbook_archive/
  DERIVED_io_participation_long_2015_2023.csv``, public domain): per edition (2015-2023), each
  country's organisations with a qualifier (observer, associate, ...). Only the organisations
  ``kg/data/reference.yaml`` maps to a kg id are loaded; a membership runs over the editions that
  list it: from before the data (no start) when the 2015 edition has it, else from 1 January of
  the first edition that does; to no end when the 2023 edition has it, else to 31 December of
  the last. The Factbook lags events (Montenegro appears in NATO in 2021, having joined in 2017).
* **Heads of state and government** (``kg/data/leaders.json``, shipped: the CIA World Factbook's
  executive-branch texts of 2015-2023, public domain, written by ``tools/factbook_leaders.py``):
  one role per person, holder and term.
* **ATOP 5.1 alliance obligations** (``alliances/atop_5.1_dyadyear_via_peacesciencer/
  DERIVED_atop_alliance_directed_dyad_year.csv``, GPL-2: read from the user's copy, never
  shipped): per pair of states and year, which obligations hold. Both directions of a pair are
  merged; consecutive years with the same obligations make one alliance, from 1 January of its
  first year to 31 December of its last (no end when it runs to 2018, the data's last year).
  States are matched by their Correlates of War code through ``kg/data/states.yaml``.

What cannot be matched (an organisation kg does not know, a territory that is no state, a COW
code ``states.yaml`` lacks) is counted and reported, never dropped silently. A missing file, a
file whose columns are not the expected ones or text that is not UTF-8 gives a
:class:`~kg.errors.DataError` naming the file and line.

Examples
--------
>>> spans([(2015, "full"), (2016, "full"), (2019, "full")], first=2015, last=2023)
[(None, datetime.date(2016, 12, 31), 'full'), (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31), 'full')]
"""
from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

import pycountry
import yaml

from kg.actors import ActorIndex
from kg.errors import DataError, Problem
from kg.model import Actor, Alliance, Dataset, Membership, Role, stable_id

EU_FILE = Path("memberships/eums/member_states_raw.csv")
FACTBOOK_FILE = Path("memberships/cia_factbook_archive/DERIVED_io_participation_long_2015_2023.csv")
ATOP_FILE = Path("alliances/atop_5.1_dyadyear_via_peacesciencer/DERIVED_atop_alliance_directed_dyad_year.csv")
ATOP_LAST = 2018
DATASET = "reference"


def lookups() -> dict:
    """``kg/data/reference.yaml``: organisation abbreviations, membership kinds, obligations."""
    return yaml.safe_load(resources.files("kg.data").joinpath("reference.yaml").read_text(encoding="utf-8"))


@dataclass
class Report:
    """What was read, what was set aside and why, per source."""

    loaded: Counter = field(default_factory=Counter)
    unmatched: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    notes: list[str] = field(default_factory=list)

    def skip(self, source: str, what: str) -> None:
        self.unmatched[source][what] += 1

    def as_dict(self) -> dict:
        return {"loaded": dict(sorted(self.loaded.items())),
                "unmatched": {s: {"rows": sum(c.values()), "most_common": c.most_common(10)}
                              for s, c in sorted(self.unmatched.items())},
                "notes": self.notes}


def _rows(path: Path, columns: Iterable[str]) -> Iterator[tuple[int, dict]]:
    """The rows of a CSV file with their line numbers; DataError on a missing file, other
    columns or text that is not UTF-8."""
    if not path.is_file():
        raise DataError(Problem("missing: kg ingest reference reads this file of the folder", str(path)))
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise DataError(Problem(f"unknown column layout: no column {', '.join(missing)} "
                                        f"(found {', '.join(reader.fieldnames or []) or 'none'})", str(path), 1))
            for row in reader:
                yield reader.line_num, row
    except UnicodeDecodeError as e:
        raise DataError(Problem(f"not UTF-8 text ({e.reason} at byte {e.start})", str(path))) from None


def spans(years: list[tuple[int, str]], first: int, last: int) -> list[tuple[date | None, date | None, str]]:
    """Consecutive years with the same value as (start, end, value); open at the data's ends."""
    out: list[tuple[date | None, date | None, str]] = []
    run: list[tuple[int, str]] = []
    for year, value in sorted(years) + [(10**6, "")]:
        if run and (year != run[-1][0] + 1 or value != run[-1][1]):
            y0, y1 = run[0][0], run[-1][0]
            out.append((None if y0 <= first else date(y0, 1, 1), None if y1 >= last else date(y1, 12, 31), run[0][1]))
            run = []
        run.append((year, value))
    return out


def _iso3(iso2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=iso2.strip().upper()) if iso2.strip() else None
    return country.alpha_3 if country else None


def read_eu(folder: Path, report: Report) -> list[Membership]:
    out = []
    for _, row in _rows(folder / EU_FILE, ("iso_alpha_3_code", "accession_date", "exit_date")):
        end = row["exit_date"]
        start = date.fromisoformat(row["accession_date"])
        out.append(Membership(id=stable_id("mem", row["iso_alpha_3_code"], "EU", "full", start),
                              member=row["iso_alpha_3_code"], organization="EU", role="full", start=start,
                              end=None if end in ("", "NA") else date.fromisoformat(end),
                              source="eums"))
    report.loaded["memberships (EU, eums)"] = len(out)
    return out


def read_factbook(folder: Path, report: Report, skip_orgs: frozenset[str] = frozenset({"EU"})) -> list[Membership]:
    table = lookups()
    orgs, kinds = table["factbook_organizations"], table["factbook_kinds"]
    years: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    editions: set[int] = set()
    for _, row in _rows(folder / FACTBOOK_FILE, ("edition_year", "iso2", "country_name", "org_abbrev", "qualifier")):
        edition = int(row["edition_year"])
        editions.add(edition)
        org = orgs.get(row["org_abbrev"].strip())
        if org is None:
            report.skip("factbook: organisation not in kg/data/reference.yaml", row["org_abbrev"].strip())
            continue
        if org in skip_orgs:
            continue
        member = _iso3(row["iso2"])
        if member is None:
            report.skip("factbook: no ISO 3166 country", row["country_name"])
            continue
        qualifier = row["qualifier"].strip()
        years[member, org].append((edition, kinds.get(qualifier, qualifier)))
    out = []
    first, last = min(editions, default=0), max(editions, default=0)
    for (member, org), seen in sorted(years.items()):
        for start, end, kind in spans(sorted(set(seen)), first, last):
            out.append(Membership(id=stable_id("mem", member, org, kind, start), member=member, organization=org,
                                  role=kind, start=start, end=end,
                                  source=f"CIA World Factbook {first}-{last}"))
    report.loaded["memberships (Factbook)"] = len(out)
    if skip_orgs:
        report.notes.append(f"{', '.join(sorted(skip_orgs))}: from eums, which has exact accession and exit dates; "
                            "the Factbook's rows for it are set aside")
    return out


def read_atop(folder: Path, report: Report, index: ActorIndex) -> list[Alliance]:
    names = lookups()["atop_obligations"]
    by_cow = {a.cow: a.id for a in index.actors.values() if a.kind == "state" and a.cow is not None}
    pair_years: dict[tuple[str, str], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for _, row in _rows(folder / ATOP_FILE, ("ccode1", "ccode2", "year", *names)):
        held = {name for col, name in names.items() if row[col].strip() == "1"}
        if not held:
            continue
        a, b = by_cow.get(int(row["ccode1"])), by_cow.get(int(row["ccode2"]))
        if a is None or b is None:
            for code, found in ((row["ccode1"], a), (row["ccode2"], b)):
                if found is None:
                    report.skip("atop: COW code not in kg/data/states.yaml", code)
            continue
        pair_years[tuple(sorted((a, b)))][int(row["year"])] |= held
    out = []
    first = 1815
    for pair, years in sorted(pair_years.items()):
        seen = [(y, ",".join(sorted(v))) for y, v in years.items()]
        for start, end, held in spans(seen, first, ATOP_LAST):
            obligations = tuple(held.split(","))
            out.append(Alliance(id=stable_id("all", *pair, "atop", start), parties=pair,
                                kind="defence_pact" if "defense" in obligations else "alliance",
                                treaty="ATOP 5.1 obligations", start=start, end=end, obligations=obligations,
                                source="ATOP 5.1 dyad-years (Leeds et al.)"))
    report.loaded["alliances (ATOP)"] = len(out)
    return out


SHIPPED = "memberships.csv"
"""The memberships the package ships (``kg/data/memberships.csv``): eums' EU dates (MIT, (c) 2021
Joshua C. Fjelstul) and the Factbook's participation (public domain), written by
``tools/reference_memberships.py``."""
SHIPPED_COLUMNS = ("member", "organization", "role", "start", "end", "source")


def write_memberships(memberships: Iterable[Membership], path: str | Path) -> None:
    """Write memberships as the shipped CSV (one row each, in id order)."""
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(SHIPPED_COLUMNS)
        for m in sorted(memberships, key=lambda m: m.id):
            w.writerow([m.member, m.organization, m.role or "", m.start or "", m.end or "", m.source or ""])


def read_shipped(report: Report) -> list[Membership]:
    """The memberships the package ships (see :data:`SHIPPED`)."""
    path = Path(str(resources.files("kg.data").joinpath(SHIPPED)))
    out = []
    for _, row in _rows(path, SHIPPED_COLUMNS):
        start = date.fromisoformat(row["start"]) if row["start"] else None
        out.append(Membership(id=stable_id("mem", row["member"], row["organization"], row["role"] or None, start),
                              member=row["member"], organization=row["organization"], role=row["role"] or None,
                              start=start, end=date.fromisoformat(row["end"]) if row["end"] else None,
                              source=row["source"] or None))
    report.loaded["memberships (shipped)"] = len(out)
    report.notes.append("the shipped memberships: EU dates from eums (MIT, (c) 2021 Joshua C. Fjelstul) and the "
                        "CIA World Factbook 2015-2023 (public domain); ATOP's alliances need FOLDER (never shipped)")
    return out


def read_heads(report: Report, index: ActorIndex) -> tuple[list[Actor], list[Role]]:
    """The heads of state and government of 2015-2023 the package ships (``kg/data/leaders.json``,
    written from the CIA World Factbook by ``tools/factbook_leaders.py``), as people and roles."""
    people = json.loads(resources.files("kg.data").joinpath("leaders.json").read_text(encoding="utf-8"))["people"]
    actors, roles = [], []
    for p in people:
        actor = index.actors.get(p["id"]) or Actor(id=p["id"], name=p["name"], kind="person",
                                                   aliases=tuple(p.get("aliases", ())))
        actors.append(actor)
        roles += [Role.create(person=p["id"], **r) for r in p["roles"]]
    report.loaded["roles (heads of state and government, Factbook)"] = len(roles)
    return actors, roles


def read_reference(folder: str | Path | None = None, index: ActorIndex | None = None,
                   sources: Iterable[str] = ("eu", "factbook", "atop", "heads")) -> tuple[Dataset, Report]:
    """The ``reference`` dataset of ``folder`` (memberships, alliances and heads of state and
    government, with their actors) and the report of what was set aside; without ``folder``, the
    memberships and heads the package ships."""
    index = index or ActorIndex.default()
    report = Report()
    sources = set(sources)
    if folder is None:
        memberships, alliances = read_shipped(report), []
    else:
        folder = Path(folder)
        if not folder.is_dir():
            raise DataError(Problem("no such folder (give the folder that holds memberships/ and alliances/)",
                                    str(folder)))
        memberships = (read_eu(folder, report) if "eu" in sources else []) + (
            read_factbook(folder, report, frozenset({"EU"}) if "eu" in sources else frozenset())
            if "factbook" in sources else [])
        alliances = read_atop(folder, report, index) if "atop" in sources else []
    ids = {m.member for m in memberships} | {m.organization for m in memberships} | {
        p for al in alliances for p in al.parties}
    actors: list[Actor] = []
    for aid in sorted(ids):
        actor = index.actors.get(aid)
        if actor is None:
            report.skip("no kg actor for this id", aid)
            continue
        actors.append(actor)
    people, roles = read_heads(report, index) if "heads" in sources or folder is None else ([], [])
    known = {a.id for a in actors}
    for role in roles:
        if role.holder not in known and role.holder in index.actors:
            known.add(role.holder)
            actors.append(index.actors[role.holder])
    actors += [p for p in people if p.id not in known]
    known |= {p.id for p in people}
    memberships = [m for m in memberships if m.member in known and m.organization in known]
    alliances = [al for al in alliances if set(al.parties) <= known]
    roles = [r for r in roles if r.person in known and r.holder in known]
    return Dataset(name=DATASET, title="Reference memberships, alliances and heads of state and government",
                   actors=tuple(actors), roles=tuple(roles), memberships=tuple(memberships),
                   alliances=tuple(alliances)), report
