"""kg/data/people.yaml (curated) does not contradict what the CIA World Factbook's texts say.

For every edition whose executive-branch text names a head of state or government "since" a
day, the person held that title from that day to at least the start of the edition's year.
A curated head role of the same state and title that covers a day of that stretch must name
the same person (the Factbook's surname among the curated person's names). Only the texts are
compared, not the spans the Factbook reader infers across its empty 2018-2020 editions.
"""
import csv
from datetime import date

import pycountry
import yaml
from kg.ingest.factbook import parse_holder

from kg.actors import normalize
from tests.helpers import ROOT, shared_path

HEAD_TITLES = {"president", "prime minister", "chancellor", "supreme leader", "emir", "king", "queen"}
# Where the two disagree and people.yaml is right, with the reason it wins.
KNOWN = {("rouhani", "Ebrahim Raisi"): "the Factbook dates Raisi from his election (18 June 2021); he took office "
                                        "on 3 August 2021, the day Rouhani's term ended"}


def factbook_heads():
    path = shared_path("refdata", "leaders", "cia_factbook_exec_branch",
                       "DERIVED_chief_of_state_head_of_government_2015_2023.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            parsed = parse_holder(row["text"]) if row["entity_type"] == "sovereign" else None
            country = pycountry.countries.get(alpha_2=row["iso2"])
            if parsed and country and parsed[0].lower() in HEAD_TITLES:
                title, name, surname, since = parsed
                edition = date(int(row["edition_year"]), 1, 1)
                yield country.alpha_3, title.lower(), name, surname, since, max(since, edition)


def test_curated_heads_match_the_factbook_texts():
    people = yaml.safe_load((ROOT / "kg" / "data" / "people.yaml").read_text(encoding="utf-8"))
    curated = [(r["holder"], r["title"].lower(), r.get("start") or date.min, r.get("end") or date.max,
                {w for n in [p["name"], *p.get("aliases", [])] for w in normalize(n).split()}, p["id"])
               for p in people for r in p.get("roles", []) if r["title"].lower() in HEAD_TITLES]
    checked, contradictions = 0, []
    for holder, title, name, surname, since, until in factbook_heads():
        for c_holder, c_title, start, end, names, pid in curated:
            # a handover day belongs to both: the stretches must share more than their ends
            if (c_holder, c_title) != (holder, title) or min(end, until) <= max(start, since):
                continue
            checked += 1
            if not set(normalize(surname).split()) & names and (pid, name) not in KNOWN:
                contradictions.append(f"{pid} ({c_title} of {holder} {start}..{end}) vs the Factbook's {name} "
                                      f"since {since}")
    assert checked >= 50, checked  # the curated heads of state and government the Factbook covers
    assert contradictions == []
