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
* **COW IGO v3 memberships** (``memberships/cow_igo_v3_igoR/DERIVED_target_igos_long_1816_2014.csv``,
  GPL-3 package: read from the user's copy, never shipped): per organisation, state and year
  (1816-2014), full, associate or observer; states by COW label (``cow_igo_states`` in
  ``kg/data/reference.yaml``), organisations by ``cow_organizations``. Runs of years as for the
  Factbook. **Where COW and the Factbook meet**, the Factbook wins from 2015 on and COW gives the
  start: a COW run that reaches 2014 and goes on in the Factbook's 2015 edition with the same
  kind is one membership, under the Factbook record's id, from COW's first year (so loading the
  shipped set first and the sources later updates it, never doubles it). A COW run the 2015
  edition does not go on with ends on 31 December 2014.
* **Heads of state and government** (``kg/data/leaders.json``, shipped: the CIA World Factbook's
  executive-branch texts of 2015-2023, public domain, written by ``tools/factbook_leaders.py``):
  one role per person, holder and term.
* **Leaders** from Archigos 4.1 (``leaders/archigos_4.1_via_manystates/arch_annual.txt``, CC BY
  4.0; the package ships the spells since 1945): the effective leader of each state to 2015,
  see :mod:`kg.ingest.archigos`. The Factbook's heads and ``people.yaml`` win where they overlap.
* **ATOP 5.1 alliance obligations** (``alliances/atop_5.1_dyadyear_via_peacesciencer/
  DERIVED_atop_alliance_directed_dyad_year.csv``, GPL-2: read from the user's copy, never
  shipped): per pair of states and year, which obligations hold. Both directions of a pair are
  merged; consecutive years with the same obligations make one alliance, from 1 January of its
  first year to 31 December of its last (no end when it runs to 2018, the data's last year).
  States are matched by their Correlates of War code through ``kg/data/cow_states.csv``
  (:func:`kg.actors.cow_states`): the German Federal Republic's alliances are Germany's.

What cannot be matched (an organisation kg does not know, a territory that is no state, a
dissolved state such as the German Democratic Republic) is counted and reported, never dropped
silently. A missing file, a file whose columns are not the expected ones, a file cut short or
text not in its encoding gives a :class:`~kg.errors.DataError` naming the file and line
(:func:`kg.ingest.sources.rows`); nothing is loaded then.
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import pycountry
import yaml
from kg.ingest import archigos
from kg.ingest.sources import Report, rows, spans

from kg.actors import ActorIndex, cow_states
from kg.errors import DataError, Problem
from kg.model import Actor, Alliance, Dataset, Membership, Role, stable_id

EU_FILE = Path("memberships/eums/member_states_raw.csv")
FACTBOOK_FILE = Path("memberships/cia_factbook_archive/DERIVED_io_participation_long_2015_2023.csv")
ATOP_FILE = Path("alliances/atop_5.1_dyadyear_via_peacesciencer/DERIVED_atop_alliance_directed_dyad_year.csv")
ATOP_LAST = 2018
COW_IGO_FILE = Path("memberships/cow_igo_v3_igoR/DERIVED_target_igos_long_1816_2014.csv")
COW_IGO_YEARS = (1816, 2014)
DATASET = "reference"
SOURCES = ("eu", "factbook", "cow", "atop", "heads", "archigos")
"""What ``kg ingest reference --source`` chooses from; all by default."""


@cache
def lookups() -> dict:
    """``kg/data/reference.yaml``: organisation abbreviations, membership kinds, obligations."""
    return yaml.safe_load(resources.files("kg.data").joinpath("reference.yaml").read_text(encoding="utf-8"))


def _iso3(iso2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=iso2.strip().upper()) if iso2.strip() else None
    return country.alpha_3 if country else None


def read_eu(folder: Path, report: Report) -> list[Membership]:
    out = []
    for _, row in rows(folder / EU_FILE, ("iso_alpha_3_code", "accession_date", "exit_date")):
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
    for _, row in rows(folder / FACTBOOK_FILE, ("edition_year", "iso2", "country_name", "org_abbrev", "qualifier")):
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


def read_cow_igo(folder: Path, report: Report, skip_orgs: frozenset[str] = frozenset({"EU"})) -> list[Membership]:
    """COW IGO v3's memberships of the organisations ``cow_organizations`` maps (see the module)."""
    table = lookups()
    orgs, labels, codes = table["cow_organizations"], table["cow_igo_states"], cow_states()
    years: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for line, row in rows(folder / COW_IGO_FILE, ("ioname", "year", "cow_state_label", "status")):
        org = orgs.get(row["ioname"].strip())
        if org is None:
            report.skip("cow igo: organisation not in kg/data/reference.yaml, state-years", row["ioname"].strip())
            continue
        if org in skip_orgs:
            continue
        status = row["status"].strip()
        if status not in ("full", "associate", "observer"):
            report.skip("cow igo: status missing, state-years", f"{row['ioname']} {row['year']}")
            continue
        label = row["cow_state_label"].strip()
        member, name = codes.get(labels.get(label, -1), (None, f"{label} (no COW state)"))
        if member is None:
            report.skip("cow igo: dissolved state or no state (no kg id), state-years", name)
            continue
        years[member, org].append((_int(row["year"], folder / COW_IGO_FILE, line), status))
    out = []
    first, last = COW_IGO_YEARS
    for (member, org), seen in sorted(years.items()):
        for start, end, kind in spans(sorted(set(seen)), first, last):
            out.append(Membership(id=stable_id("mem", member, org, kind, start), member=member, organization=org,
                                  role=kind, start=start, end=end, source=f"COW IGO v3 {first}-{last}"))
    report.loaded["memberships (COW IGO)"] = len(out)
    return out


def join_cow_factbook(cow: list[Membership], factbook: list[Membership], report: Report) -> list[Membership]:
    """COW's and the Factbook's memberships as one list: a COW run reaching 2014 that the 2015
    edition goes on with (same member, organisation and kind) becomes the Factbook record, under
    its id, from COW's start; one it does not go on with ends on 31 December 2014."""
    opening = {(m.member, m.organization, m.role): m for m in factbook if m.start is None}
    out, joined = [], set()
    for m in cow:
        if m.end is not None:
            out.append(m)
            continue
        key = (m.member, m.organization, m.role)
        if key in opening:
            fb = opening[key]
            joined.add(fb.id)
            out.append(fb.model_copy(update={"start": m.start, "source": f"{m.source}; {fb.source}"}))
        else:
            out.append(m.model_copy(update={"end": date(COW_IGO_YEARS[1], 12, 31)}))
    out += [m for m in factbook if m.id not in joined]
    report.notes.append(f"COW IGO and the Factbook: {len(joined)} memberships run on from COW (to 2014) into the "
                        "Factbook (from 2015) and are one record each, dated from COW's start")
    return out


def _int(text: str, path: Path, line: int, what: str = "a year") -> int:
    try:
        return int(text)
    except ValueError:
        raise DataError(Problem(f"not {what}: {text!r}", str(path), line)) from None


def read_atop(folder: Path, report: Report) -> list[Alliance]:
    names = lookups()["atop_obligations"]
    codes = cow_states()
    pair_years: dict[tuple[str, str], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    path = folder / ATOP_FILE
    for line, row in rows(path, ("ccode1", "ccode2", "year", *names)):
        held = {name for col, name in names.items() if row[col].strip() == "1"}
        if not held:
            continue
        (a, name_a), (b, name_b) = (
            codes.get(_int(row[c], path, line, "a COW code"), (None, f"unknown COW code {row[c]}"))
            for c in ("ccode1", "ccode2"))
        if a is None or b is None:
            for found, name in ((a, name_a), (b, name_b)):
                if found is None:
                    report.skip("atop: dissolved state (no kg id), state-years", name)
            continue
        if a == b:  # the German Federal Republic and Germany: one state for kg
            continue
        pair_years[tuple(sorted((a, b)))][_int(row["year"], path, line)] |= held
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
``tools/reference_data.py``."""
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
    for _, row in rows(path, SHIPPED_COLUMNS):
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
                   sources: Iterable[str] = SOURCES) -> tuple[Dataset, Report]:
    """The ``reference`` dataset of ``folder`` (memberships, alliances and leaders, with their
    actors) and the report of what was set aside; without ``folder``, what the package ships:
    the EU's and the Factbook's memberships, the Factbook's heads and Archigos' leaders since 1945.
    """
    index = index or ActorIndex.default()
    report = Report()
    sources = set(sources)
    unknown = sources - set(SOURCES)
    if unknown:
        raise DataError(Problem(f"unknown source {', '.join(sorted(unknown))}: choose from {', '.join(SOURCES)}"))
    if folder is None:
        memberships, alliances = read_shipped(report), []
        spells = archigos.shipped_spells() if "archigos" in sources else []
    else:
        folder = Path(folder)
        if not folder.is_dir():
            raise DataError(Problem("no such folder (give the folder that holds memberships/, alliances/ and "
                                    "leaders/)", str(folder)))
        skip = frozenset({"EU"}) if "eu" in sources else frozenset()
        factbook = read_factbook(folder, report, skip) if "factbook" in sources else []
        cow = read_cow_igo(folder, report, skip) if "cow" in sources else []
        memberships = (read_eu(folder, report) if "eu" in sources else []) + (
            join_cow_factbook(cow, factbook, report) if cow and factbook else cow + factbook)
        alliances = read_atop(folder, report) if "atop" in sources else []
        spells = archigos.read_spells(folder / archigos.FILE) if "archigos" in sources else []
    ids = {m.member for m in memberships} | {m.organization for m in memberships} | {
        p for al in alliances for p in al.parties}
    actors: list[Actor] = []
    for aid in sorted(ids):
        actor = index.actors.get(aid)
        if actor is None:
            report.skip("no kg actor for this id", aid)
            continue
        actors.append(actor)
    people, roles = read_heads(report, index) if "heads" in sources else ([], [])
    if spells:
        leaders, leader_roles = archigos.leader_records(spells, index, report)
        people, roles = people + leaders, roles + leader_roles
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
    return Dataset(name=DATASET, title="Reference memberships, alliances and leaders",
                   actors=tuple(actors), roles=tuple(roles), memberships=tuple(memberships),
                   alliances=tuple(alliances)), report
