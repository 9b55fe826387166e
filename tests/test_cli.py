"""Every command through CliRunner, on the embedded store."""
import json

import pytest
import typer
from typer.testing import CliRunner

from kg.cli import app
from tests.helpers import NK2020

runner = CliRunner()


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def loaded():
    r = kg("load", NK2020)
    assert r.exit_code == 0, r.output
    return r


def commands(group: typer.Typer, prefix=()):
    for c in group.registered_commands:
        yield (*prefix, c.name or c.callback.__name__)
    for g in group.registered_groups:
        yield from commands(g.typer_instance, (*prefix, g.name))


@pytest.mark.parametrize("cmd", list(commands(app)))
def test_every_command_has_help_with_an_example(cmd):
    r = kg(*cmd, "--help")
    assert r.exit_code == 0, r.output
    assert "Example" in r.output and "kg " in r.output


def test_load_reports_counts_and_reloading_adds_nothing(loaded):
    assert "statements" in loaded.output
    again = json.loads(kg("load", NK2020, "--json").output)
    assert again["counts"]["statements"] == 30
    assert set(again["added"].values()) == {0}


def test_validate_writes_nothing(kg_home):
    r = kg("validate", NK2020)
    assert r.exit_code == 0 and "ok: nagorno-karabakh-2020: 28 actors" in r.output
    empty = kg("actors", "--json")
    assert empty.exit_code == 6 and empty.output.startswith("error: the store is empty")


def test_stance_turkey_shows_support_for_azerbaijan_with_erdogans_words(loaded):
    r = kg("stance", "Turkey")
    assert r.exit_code == 0, r.output
    assert "Azerbaijan" in r.output and "support 2" in r.output and "Erdogan" in r.output
    report = json.loads(kg("stance", "Turkey", "--json").output)
    toward = {row["target"]["id"]: row for row in report["toward"]}
    assert toward["AZE"]["net_valence"] > 0 and toward["AZE"]["stances"] == {"support": 2}
    assert any(e["speaker"]["id"] == "erdogan" and "Azerbaijani brothers" in e["quote"]
               for e in toward["AZE"]["evidence"])
    assert toward["ARM"]["net_valence"] < 0 and "accuse" in toward["ARM"]["stances"]
    reactions = {row["actor"]["id"]: row for row in report["from"]}
    assert reactions["NKR"]["stances"] == {"accuse": 1}  # the mercenaries claim
    assert reactions["ARM"]["net_valence"] < 0


def test_stance_russia_shows_ceasefire_call_and_concern(loaded):
    report = json.loads(kg("stance", "Russia", "--json").output)
    toward = {row["target"]["id"]: row["stances"] for row in report["toward"]}
    assert toward["ARM"] == toward["AZE"] == {"call_for_ceasefire": 1, "concern": 1}


def test_aliases_resolve_to_the_same_report(loaded):
    turkey = json.loads(kg("stance", "Turkey", "--json").output)
    assert json.loads(kg("stance", "Ankara", "--json").output) == turkey
    erdogan = json.loads(kg("stance", "Erdogan", "--json").output)
    assert erdogan["actor"]["id"] == "erdogan"
    assert erdogan["speaks_for"] == {"id": "TUR", "name": "Turkey", "kind": "state", "title": "President"}
    assert [r["target"]["id"] for r in erdogan["toward"]] == ["AZE"]
    r = kg("stance", "Erdogan")
    assert "speaks for Turkey as President" in r.output


def test_stance_as_of_a_day_before_the_fighting(loaded):
    report = json.loads(kg("stance", "Azerbaijan", "--as-of", "2020-08-01", "--json").output)
    assert [(r["target"]["id"], r["stances"]) for r in report["toward"]] == [("ARM", {"threaten": 1})]


def test_statements_filters(loaded):
    rows = json.loads(kg("statements", "--by", "Turkey", "--json").output)
    assert {(r["speaker"]["id"], r["stance"]) for r in rows} == {
        ("TUR", "accuse"), ("TUR", "support"), ("erdogan", "support")}
    rows = json.loads(kg("statements", "--toward", "Baku", "--stance", "support", "--json").output)
    assert {r["on_behalf_of"]["id"] for r in rows} == {"TUR"}
    rows = json.loads(kg("statements", "--until", "2020-09-01", "--json").output)
    assert [r["date"] for r in rows] == ["2020-07-16"]
    assert kg("statements", "--since", "2020-09-28", "--json").output.strip() == "[]"
    assert "Putin" in kg("statements", "--by", "Moscow").output


def test_actors_lists_kinds_and_codes(loaded):
    rows = json.loads(kg("actors", "--json").output)
    by_id = {r["id"]: r for r in rows}
    assert by_id["TUR"]["iso3"] == "TUR" and by_id["TUR"]["name"] == "Turkey"
    assert by_id["erdogan"]["speaks_for"]["id"] == "TUR"
    people = json.loads(kg("actors", "--kind", "person", "--json").output)
    assert people and {r["kind"] for r in people} == {"person"}


@pytest.mark.parametrize("args,expected", [
    (("stance", "Turky"), "error: unknown actor 'Turky' (did you mean: Turkey"),
    (("statements", "--stance", "adore"), "error: --stance: 'adore' is not one of 'support', 'praise'"),
    (("statements", "--since", "yesterday"), "error: --since: bad date 'yesterday'"),
    (("stance", "Turkey", "--store", "mongo"), "error: --store: 'mongo' is not one of 'embedded', 'neo4j'"),
    (("statements", "--by", ""), "error: unknown actor ''"),
    (("actors", "--kind", "spaceship"), "error: --kind: 'spaceship' is not one of 'state', 'organization'"),
])
def test_bad_input_is_one_clear_line(loaded, args, expected):
    r = kg(*args)
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected), r.output
    assert "Traceback" not in r.output


def test_bad_file_exits_2_and_loads_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(NK2020.read_text(encoding="utf-8").replace("stance: support", "stance: adore", 1),
                   encoding="utf-8")
    r = kg("load", NK2020, bad)
    assert r.exit_code == 2
    assert r.output.startswith(f"error: {bad}:") and "unknown stance 'adore'" in r.output
    assert "Traceback" not in r.output
    empty = kg("actors", "--json")  # the good file was not loaded either
    assert empty.exit_code == 6 and empty.output.startswith("error: the store is empty")
    missing = kg("load", tmp_path / "nope.yaml")
    assert missing.exit_code == 2 and "no such file" in missing.output
