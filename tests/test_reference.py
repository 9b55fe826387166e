"""kg ingest reference: memberships and alliances from the real reference sources in ../shared/refdata.

Expected values read by hand from the files: eums gives the United Kingdom 1973-01-01 to
2020-01-31 and Croatia from 2013-07-01; the Factbook lists Montenegro in NATO from its 2021
edition on (it joined in 2017: the Factbook lags) and Jordan as a NATO "partner" in 2022 and
2023; ATOP has Russia and Belarus (COW 365, 370) with neutrality and consultation in 1992, defense,
neutrality, non-aggression and consultation 1993-1997, and without neutrality from 1998 on.
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
    assert memberships(ds, "FRA", "NATO") == [("full", None, None)]  # in every edition


def test_atop_spans_merge_both_directions_and_consecutive_years(reference):
    ds, _ = reference
    got = sorted((al.start, al.end, al.obligations, al.kind) for al in ds.alliances
                 if set(al.parties) == {"BLR", "RUS"})
    assert got[:3] == [
        (date(1992, 1, 1), date(1992, 12, 31), ("consultation", "neutrality"), "alliance"),
        (date(1993, 1, 1), date(1997, 12, 31), ("consultation", "defense", "neutrality", "non_aggression"),
         "defence_pact"),
        (date(1998, 1, 1), None, ("consultation", "defense", "non_aggression"), "defence_pact")]


def test_what_cannot_be_matched_is_reported(reference):
    _, report = reference
    unmatched = report.as_dict()["unmatched"]
    orgs = dict(unmatched["factbook: organisation not in kg/data/reference.yaml"]["most_common"])
    assert orgs["UPU"] == 2029  # the Universal Postal Union: in every edition, kg does not load it
    assert "atop: COW code not in kg/data/states.yaml" in unmatched


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
    with pytest.raises(DataError, match="not UTF-8"):
        read_reference(tmp_path, sources=("eu",))
    r = runner.invoke(app, ["ingest", "reference", str(tmp_path), "--source", "eu"])
    assert r.exit_code == 2 and r.output.startswith("error: ") and "not UTF-8" in r.output
    r = runner.invoke(app, ["ingest", "reference", str(tmp_path), "--source", "cow"])
    assert r.exit_code == 2 and "--source: cow: choose from eu, factbook, atop, heads" in r.output


def test_the_package_ships_the_eu_and_factbook_memberships_without_any_source():
    ds, report = read_reference()  # no folder: kg/data/memberships.csv
    assert memberships(ds, "GBR", "EU") == [("full", date(1973, 1, 1), date(2020, 1, 31))]
    assert memberships(ds, "MNE", "NATO") == [("full", date(2021, 1, 1), None)]
    assert ds.alliances == () and "ATOP's alliances need FOLDER" in report.notes[0]
    # the Factbook's heads: Nikos Anastasiadis, President of Cyprus 2013-02-28 to 2023-02-27
    assert [(r.holder, r.title, r.start, r.end) for r in ds.roles if r.person == "nikos-anastasiadis"] == [
        ("CYP", "President", date(2013, 2, 28), date(2023, 2, 27))]


def test_the_shipped_file_is_what_the_sources_give(tmp_path, reference):
    from importlib import resources

    from kg.ingest.reference import write_memberships

    ds, _ = read_reference(shared_path("refdata"), sources=("eu", "factbook"))
    write_memberships(ds.memberships, tmp_path / "memberships.csv")
    shipped = resources.files("kg.data").joinpath("memberships.csv").read_bytes()
    assert (tmp_path / "memberships.csv").read_bytes() == shipped, "run python tools/reference_memberships.py"


def test_shipped_then_sources_adds_only_the_alliances(store, reference):
    shipped, _ = read_reference()
    store.load([shipped])
    full, _ = reference
    after = store.load([full])
    assert after["memberships"] == len(shipped.memberships) == len(full.memberships)
    assert after["alliances"] == len(full.alliances) and after["roles"] == len(shipped.roles) == len(full.roles)
    assert [(r.holder, r.title) for r in store.roles() if r.person == "nikos-anastasiadis"] == [("CYP", "President")]
