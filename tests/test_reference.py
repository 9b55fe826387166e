"""kg ingest reference: memberships, alliances and leaders from the real reference sources in ../shared/refdata.

Expected values read by hand from the files: eums gives the United Kingdom 1973-01-01 to
2020-01-31 and Croatia from 2013-07-01; the Factbook lists Montenegro in NATO from its 2021
edition on (it joined in 2017: the Factbook lags) and Jordan as a NATO "partner" in 2022 and
2023; ATOP has Russia and Belarus (COW 365, 370) with neutrality and consultation in 1992, defense,
neutrality, non-aggression and consultation 1993-1997, and without neutrality from 1998 on, and
the United States and the German Federal Republic (2, 260) with defense, non-aggression and
consultation from 1954, as with Germany (255) from 1990 to 2018. COW IGO lists France in NATO
every year 1949-2014, the Czech Republic from 1999, Egypt in the League of Arab States 1945-1979
and again from 1989. Archigos has Thatcher leading the United Kingdom (200) from 1979-05-04 to
1990-11-28 and Kohl the German Federal Republic (260) from 1982-10-01 to 1998-10-27.
"""
from datetime import date

import pytest
from kg.ingest.reference import read_reference
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import DataError
from tests.helpers import shared_path

runner = CliRunner()


@pytest.fixture(scope="module")
def reference():
    return read_reference(shared_path("refdata"))


def memberships(ds, member, org):
    return sorted((m.role, m.start, m.end) for m in ds.memberships if (m.member, m.organization) == (member, org))


def test_eu_dates_come_from_eums(reference):
    ds, report = reference
    assert memberships(ds, "GBR", "EU") == [("full", date(1973, 1, 1), date(2020, 1, 31))]
    assert memberships(ds, "HRV", "EU") == [("full", date(2013, 7, 1), None)]
    assert report.loaded["memberships (EU, eums)"] == 28
    assert any(n.startswith("EU: from eums") for n in report.notes)


def test_factbook_memberships_run_over_the_editions_that_list_them(reference):
    ds, _ = reference
    assert memberships(ds, "MNE", "NATO") == [("full", date(2021, 1, 1), None)]
    assert memberships(ds, "JOR", "NATO") == [("partner", date(2022, 1, 1), None)]
    assert memberships(ds, "FRA", "NATO") == [("full", date(1949, 1, 1), None)]  # COW 1949-2014, every edition
    factbook_alone, _ = read_reference(shared_path("refdata"), sources=("factbook",))
    assert memberships(factbook_alone, "FRA", "NATO") == [("full", None, None)]  # before the data: no start


def test_cow_igo_gives_the_start_and_the_factbook_goes_on_under_its_own_id(reference):
    ds, report = reference
    [cze] = [m for m in ds.memberships if (m.member, m.organization) == ("CZE", "NATO")]
    assert (cze.start, cze.end, cze.source) == (date(1999, 1, 1), None,
                                                "COW IGO v3 1816-2014; CIA World Factbook 2015-2023")
    shipped, _ = read_reference()
    assert cze.id in {m.id for m in shipped.memberships}  # loading the sources later updates it
    assert memberships(ds, "EGY", "ARAB_LEAGUE") == [  # suspended 1979-1989
        ("full", date(1945, 1, 1), date(1979, 12, 31)), ("full", date(1989, 1, 1), None)]
    unmatched = report.as_dict()["unmatched"]
    assert dict(unmatched["cow igo: organisation not in kg/data/reference.yaml, state-years"]["most_common"]) == {
        "Turksoy": 365}
    dissolved = dict(unmatched["cow igo: dissolved state or no state (no kg id), state-years"]["most_common"])
    assert dissolved["German Democratic Republic"] == 17 and "political (no COW state)" in dissolved


def test_atop_spans_merge_both_directions_and_consecutive_years(reference):
    ds, _ = reference
    got = sorted((al.start, al.end, al.obligations, al.kind) for al in ds.alliances
                 if set(al.parties) == {"BLR", "RUS"})
    assert got[:3] == [
        (date(1992, 1, 1), date(1992, 12, 31), ("consultation", "neutrality"), "alliance"),
        (date(1993, 1, 1), date(1997, 12, 31), ("consultation", "defense", "neutrality", "non_aggression"),
         "defence_pact"),
        (date(1998, 1, 1), None, ("consultation", "defense", "non_aggression"), "defence_pact")]


def test_atop_reads_every_cow_state_and_reports_the_dissolved_ones(reference):
    ds, report = reference
    assert sorted((al.start, al.end, al.obligations) for al in ds.alliances if set(al.parties) == {"DEU", "USA"}) == [
        (date(1954, 1, 1), None, ("consultation", "defense", "non_aggression"))]  # West Germany is Germany
    dissolved = dict(report.as_dict()["unmatched"]["atop: dissolved state (no kg id), state-years"]["most_common"])
    assert {"Czechoslovakia", "German Democratic Republic", "Austria-Hungary"} <= set(dissolved)
    assert not any(name.startswith("unknown COW code") for name in dissolved)


def test_archigos_leaders_are_dated_roles_and_curated_roles_win(reference):
    ds, report = reference
    def held(person):
        return [(r.holder, r.title, r.start, r.end) for r in ds.roles if r.person == person]
    assert held("margaret-thatcher") == [("GBR", "leader", date(1979, 5, 4), date(1990, 11, 28))]
    assert held("helmut-kohl") == [("DEU", "leader", date(1982, 10, 1), date(1998, 10, 27))]
    # people.yaml holds Putin's presidencies and premiership: Archigos adds nothing under his id
    assert [r for r in ds.roles if r.person == "putin" and r.title == "leader"] == []
    assert "putin" in report.unmatched["archigos: spell overlaps a curated or Factbook role (they win)"]
    assert report.unmatched["archigos: dissolved state or unknown COW code (no kg id)"][
        "German Democratic Republic (265)"] == 5


def test_what_cannot_be_matched_is_reported(reference):
    _, report = reference
    unmatched = report.as_dict()["unmatched"]
    orgs = dict(unmatched["factbook: organisation not in kg/data/reference.yaml"]["most_common"])
    assert orgs["UPU"] == 2029  # the Universal Postal Union: in every edition, kg does not load it


def test_loading_twice_adds_nothing_and_ties_read_it(store, reference):
    ds, _ = reference
    first = store.load([ds])
    assert store.load([ds]) == first
    assert first["memberships"] == len(ds.memberships) and first["alliances"] == len(ds.alliances)
    from kg.reports.ties import ties

    r = ties(store, "Russia", "Belarus", date(2015, 6, 1))
    assert {o["organization"]["id"] for o in r["shared"]} >= {"CIS", "CSTO", "UN"}
    assert [a["start"] for a in r["alliances"]] == ["1998-01-01"]


def test_bad_input_names_the_file(tmp_path):
    with pytest.raises(DataError, match="no such folder"):
        read_reference(tmp_path / "nowhere")
    eums = tmp_path / "memberships" / "eums"
    eums.mkdir(parents=True)
    with pytest.raises(DataError, match=r"member_states_raw.csv: missing"):
        read_reference(tmp_path, sources=("eu",))
    (eums / "member_states_raw.csv").write_text("country,joined\nX,2000\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"member_states_raw.csv:1: unknown column layout: no column iso_alpha_3_code"):
        read_reference(tmp_path, sources=("eu",))
    (eums / "member_states_raw.csv").write_bytes(b"iso_alpha_3_code,accession_date,exit_date\nFRA,1952-07-23,\xff\n")
    with pytest.raises(DataError, match="member_states_raw.csv:2: not UTF-8"):
        read_reference(tmp_path, sources=("eu",))
    r = runner.invoke(app, ["ingest", "reference", str(tmp_path), "--source", "eu"])
    assert r.exit_code == 2 and r.output.startswith("error: ") and "not UTF-8" in r.output
    r = runner.invoke(app, ["ingest", "reference", str(tmp_path), "--source", "cia"])
    assert r.exit_code == 2 and "--source: cia: choose from eu, factbook, cow, atop, heads, archigos" in r.output


def test_a_truncated_file_or_a_name_encoded_twice_names_the_line(tmp_path):
    eums = tmp_path / "memberships" / "eums"
    eums.mkdir(parents=True)
    (eums / "member_states_raw.csv").write_text(
        "iso_alpha_3_code,accession_date,exit_date\nFRA,1952-07-23,NA\nDEU,1952-07", encoding="utf-8")
    with pytest.raises(DataError, match=r"member_states_raw.csv:3: truncated: 2 of 3 fields"):
        read_reference(tmp_path, sources=("eu",))
    leaders = tmp_path / "leaders" / "archigos_4.1_via_manystates"
    leaders.mkdir(parents=True)
    header = "obsid\tleadid\tccode\tleader\tstartdate\tenddate\texit\tdbpedia.uri\n"
    good = "HON-1982\tx1\t91\tSuazo C\xf3rdova\t1982-01-27\t1982-12-31\tRegular\tNA\n"  # Latin-1, as Archigos is
    twice = "SAL-2004\tx2\t92\tSaca Gonz\xc3\xa1lez\t2004-06-01\t2004-12-31\tRegular\tNA\n"  # UTF-8 bytes
    (leaders / "arch_annual.txt").write_bytes((header + good).encode("latin-1"))
    ds, _ = read_reference(tmp_path, sources=("archigos",))
    assert [(a.name, r.holder, r.start) for a in ds.actors for r in ds.roles if r.person == a.id] == [
        ("Suazo Córdova", "HND", date(1982, 1, 27))]
    (leaders / "arch_annual.txt").write_bytes((header + good + twice).encode("latin-1"))
    with pytest.raises(DataError, match=r"arch_annual.txt:3: mis-encoded text in column leader: 'Saca GonzÃ¡lez'"):
        read_reference(tmp_path, sources=("archigos",))
    r = runner.invoke(app, ["ingest", "reference", str(tmp_path), "--source", "archigos"])
    assert r.exit_code == 2 and "arch_annual.txt:3: mis-encoded text" in r.output and "Traceback" not in r.output


def test_the_package_ships_the_eu_and_factbook_memberships_without_any_source():
    ds, report = read_reference()  # no folder: kg/data/memberships.csv
    assert memberships(ds, "GBR", "EU") == [("full", date(1973, 1, 1), date(2020, 1, 31))]
    assert memberships(ds, "MNE", "NATO") == [("full", date(2021, 1, 1), None)]
    assert ds.alliances == () and "ATOP's alliances need FOLDER" in report.notes[0]
    # the Factbook's heads: Nikos Anastasiadis, President of Cyprus 2013-02-28 to 2023-02-27
    assert [(r.holder, r.title, r.start, r.end) for r in ds.roles if r.person == "nikos-anastasiadis"] == [
        ("CYP", "President", date(2013, 2, 28), date(2023, 2, 27))]
    # Archigos' leaders since 1945 (CC BY 4.0) ship too; Grant (President 1869-1877) does not
    assert [(r.holder, r.start) for r in ds.roles if r.person == "margaret-thatcher"] == [("GBR", date(1979, 5, 4))]
    assert not any(a.name == "Ulysses S. Grant" for a in ds.actors)


def test_the_shipped_file_is_what_the_sources_give(tmp_path, reference):
    from importlib import resources

    from kg.ingest.reference import write_memberships

    ds, _ = read_reference(shared_path("refdata"), sources=("eu", "factbook"))
    write_memberships(ds.memberships, tmp_path / "memberships.csv")
    shipped = resources.files("kg.data").joinpath("memberships.csv").read_bytes()
    assert (tmp_path / "memberships.csv").read_bytes() == shipped, "run python tools/reference_data.py"
    from kg.ingest import archigos

    spells = archigos.read_spells(shared_path("refdata") / archigos.FILE)
    archigos.write_spells([s for s in spells if s.end is None or s.end >= date(1945, 1, 1)], tmp_path / "a.csv")
    shipped = resources.files("kg.data").joinpath(archigos.SHIPPED).read_bytes()
    assert (tmp_path / "a.csv").read_bytes() == shipped, "run python tools/reference_data.py"


def test_shipped_then_sources_adds_without_doubling(store, reference):
    shipped, _ = read_reference()
    first = store.load([shipped])
    full, _ = reference
    after = store.load([full])
    # COW's runs that ended before 2015 are new; those the Factbook goes on with get COW's start
    assert after["memberships"] == len(full.memberships) == len(shipped.memberships) + 14
    assert [(m.start, m.end) for m in store.memberships() if (m.member, m.organization) == ("CZE", "NATO")] == [
        (date(1999, 1, 1), None)]
    assert after["alliances"] == len(full.alliances)
    # the sources add Archigos' spells before 1945; the shipped roles are all among theirs
    assert {r.id for r in shipped.roles} <= {r.id for r in full.roles}
    assert after["roles"] - first["roles"] == len(full.roles) - len(shipped.roles) > 1000
    thatcher = [(r.holder, r.start) for r in store.roles() if r.person == "margaret-thatcher"]
    assert thatcher == [("GBR", date(1979, 5, 4))]
    assert [(r.holder, r.title) for r in store.roles() if r.person == "nikos-anastasiadis"] == [("CYP", "President")]


def test_a_reference_load_that_fails_part_way_leaves_the_store_as_it_was(store, reference):
    ds, _ = reference  # 15,701 records: one transaction on Neo4j too
    calls = []

    def fail_midway(n):
        calls.append(n)
        if sum(calls) > 8000:
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        store.load([ds], progress=fail_midway)
    assert set(store.counts().values()) == {0}
