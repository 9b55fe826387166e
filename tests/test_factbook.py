"""Heads of state and government from the CIA World Factbook (``kg.ingest.factbook``), the shipped
``kg/data/leaders.json`` written from it (``tools/factbook_leaders.py``), and what they let the
actor index and the extractor resolve."""
from __future__ import annotations

import csv
import doctest
import importlib.util
import json
import subprocess
import sys
from datetime import date

import pycountry
import pytest
import yaml
from kg.ingest import factbook
from kg.ingest.article import extract_article
from kg.ingest.factbook import parse_holder, read_leaders

from kg.actors import ActorIndex, normalize, shipped_records
from kg.errors import DataError
from tests.helpers import ROOT, shared_path

CSV = ("refdata", "leaders", "cia_factbook_exec_branch", "DERIVED_chief_of_state_head_of_government_2015_2023.csv")
INDEX = ActorIndex.default()


def test_doctests():
    assert doctest.testmod(factbook).failed == 0


@pytest.fixture(scope="module")
def leaders():
    found, unread = read_leaders(shared_path(*CSV))
    return {x.name: x for x in found}, unread


def roles(leader) -> list[tuple]:
    return [(r["holder"], r["title"], r["start"], r["end"]) for r in leader.roles]


def test_heads_and_their_dates_as_the_factbook_gives_them(leaders):
    by_name, _ = leaders
    # by hand from the 2015-2023 editions: Merkel until the day before Scholz's "since"
    assert roles(by_name["Angela Merkel"]) == [("DEU", "Chancellor", date(2005, 11, 22), date(2021, 12, 7))]
    assert roles(by_name["Olaf Scholz"]) == [("DEU", "Chancellor", date(2021, 12, 8), None)]
    assert roles(by_name["Ebrahim Raisi"]) == [("IRN", "President-elect", date(2021, 6, 18), None)]
    assert roles(by_name["Theresa May"]) == [("GBR", "Prime Minister", date(2016, 7, 13), date(2019, 7, 23))]
    # a monarch of several realms speaks for the one they live in, not for each realm
    assert roles(by_name["Charles III"]) == [("GBR", "King", date(2022, 9, 8), None)]
    assert by_name["Joseph R. Biden Jr."].surname == "Biden"


def test_what_cannot_be_read_is_listed_with_file_and_line(leaders):
    _, unread = leaders
    assert unread and all(line.startswith("DERIVED_chief_of_state_head_of_government_2015_2023.csv:")
                          for line in unread)
    assert any("no holder read in Andorra" in line for line in unread)


def test_a_missing_file_or_another_layout_is_one_clear_problem(tmp_path):
    with pytest.raises(DataError, match="cannot read the Factbook leaders file"):
        read_leaders(tmp_path / "absent.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("year,country,leader\n2020,France,Macron\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        read_leaders(bad)
    [p] = e.value.problems
    assert p.line == 1 and "not the Factbook executive-branch layout" in p.message


def test_the_shipped_file_is_what_the_tool_writes(tmp_path):
    src = shared_path(*CSV)
    out = tmp_path / "leaders.json"
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "factbook_leaders.py"), str(src), "--out", str(out)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8") == (ROOT / "kg" / "data" / "leaders.json").read_text(encoding="utf-8")


def test_the_curated_people_do_not_contradict_the_factbook(leaders):
    by_name, _ = leaders
    curated = ActorIndex(*shipped_records(leaders=False))
    checked = 0
    for leader in by_name.values():
        person = curated.lookup(leader.name)
        if person is None or person.kind != "person":
            continue
        for r in leader.roles:
            mine = [c for c in curated.roles.get(person.id, []) if c.holder == r["holder"]]
            if not mine:
                continue
            checked += 1
            assert any((c.end is None or r["start"] <= c.end) and (r["end"] is None or c.start <= r["end"])
                       for c in mine), f"{person.id}: people.yaml's {r['holder']} roles miss the Factbook's {r}"
    assert checked >= 10


def test_the_index_knows_the_heads_and_the_curated_people_win():
    raisi = INDEX.lookup("Ebrahim Raisi")
    assert raisi is not None and INDEX.speaks_for(raisi.id, date(2023, 10, 8)) == "IRN"
    assert INDEX.speaks_for(INDEX.lookup("Olaf Scholz").id, date(2022, 2, 24)) == "DEU"
    assert INDEX.speaks_for(INDEX.lookup("Olaf Scholz").id, date(2019, 1, 1)) is None  # not yet in office
    assert INDEX.speaks_for("macron", date(2020, 1, 1)) == "FRA"  # never Andorra's co-prince first
    assert INDEX.speaks_for("charles-michel", date(2021, 1, 1)) == "EU"
    doc = json.loads((ROOT / "kg" / "data" / "leaders.json").read_text(encoding="utf-8"))
    assert "public domain" in doc["about"] and len(doc["people"]) > 500


def test_a_head_of_government_the_curated_data_lacks_speaks_for_the_state():
    text = ("https://example.org/t\n2023-10-08\nT\n\nFighting between Israel and Hamas went on.\n\n"
            "Ebrahim Raisi praised the fighters of Hamas. Later Raisi condemned Israel.\n")
    got = {(s.on_behalf_of, s.stance, s.targets) for s in extract_article(text, index=INDEX).statements}
    assert got == {("IRN", "praise", ("HAMAS",)), ("IRN", "condemn", ("ISR",))}


def test_the_tool_is_a_script_of_the_repository_not_of_the_package():
    assert importlib.util.find_spec("kg.tools") is None


# The curated heads against the Factbook's texts: for every edition whose text names a head of
# state or government "since" a day, the person held that title from that day to at least the
# start of the edition's year; a curated head role of the same state and title that covers part
# of that stretch must name the same person. Only the texts are compared, not the spans
# read_leaders infers across the empty 2018-2020 editions.
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


def test_a_long_office_before_the_name_and_a_name_spelt_otherwise():
    # by hand from the Factbook's texts: the office is no part of the name
    assert parse_holder("State Affairs Commission Chairman KIM Jong Un (since 17 December 2011)") == (
        "State Affairs Commission Chairman", "Kim Jong Un", "Kim", date(2011, 12, 17))
    assert parse_holder("Supreme People's Assembly President CHOE Ryong Hae (since 11 April 2019)")[:2] == (
        "Supreme People's Assembly President", "Choe Ryong Hae")
    # the Factbook's "Luiz In cio LULA da Silva" is the curated Lula, by surname and state
    doc = json.loads((ROOT / "kg" / "data" / "leaders.json").read_text(encoding="utf-8"))
    ids = {p["id"] for p in doc["people"]}
    assert "kim-jong-un" in ids and not any("lula" in i or "affairs" in i for i in ids)
    assert INDEX.lookup("Kim Jong Un").id == "kim-jong-un"
    assert INDEX.speaks_for(INDEX.lookup("Lula").id, date(2024, 7, 30)) == "BRA"
