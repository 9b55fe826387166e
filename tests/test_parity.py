"""Every query command gives the same answer from both stores."""
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.helpers import NK2020

pytestmark = pytest.mark.neo4j
runner = CliRunner()

COMMANDS = [
    ["stance", "Turkey"], ["stance", "Russia"], ["stance", "Erdogan"], ["stance", "Ankara"],
    ["stance", "Azerbaijan", "--as-of", "2020-08-01"], ["stance", "EU"],
    ["actors"], ["actors", "--kind", "person"],
    ["statements"], ["statements", "--by", "Turkey"], ["statements", "--toward", "Armenia"],
    ["statements", "--stance", "call_for_ceasefire", "--since", "2020-09-01"],
    ["camps"], ["camps", "--method", "signed"], ["camps", "--with-ties"], ["camps", "--all-actors"],
    ["align", "Turkey", "Azerbaijan"], ["align", "Russia", "Armenia"], ["balance"], ["brokers"],
    ["timeline", "Turkey", "--window", "7d"],
]


@pytest.fixture(scope="module")
def outputs(neo4j_server, tmp_path_factory):
    """The JSON of every command from each store, after loading the same file into both."""
    mp = pytest.MonkeyPatch()
    mp.setenv("KG_HOME", str(tmp_path_factory.mktemp("parity-home")))
    for k in ("uri", "user", "password"):
        mp.setenv(f"NEO4J_{k.upper()}", neo4j_server[k])
    from kg.store import open_store

    with open_store("neo4j") as s:
        s.clear()
    got = {}
    for store in ("embedded", "neo4j"):
        r = runner.invoke(app, ["load", str(NK2020), "--store", store])
        assert r.exit_code == 0, r.output
        got[store] = {}
        picture = tmp_path_factory.mktemp(f"plot-{store}") / "camps.svg"
        r = runner.invoke(app, ["plot", "camps", "--out", str(picture), "--store", store])
        assert r.exit_code == 0, r.output
        got[store]["plot camps"] = picture.read_bytes()
        for cmd in COMMANDS:
            r = runner.invoke(app, [*cmd, "--store", store, "--json"])
            assert r.exit_code == 0, (store, cmd, r.output)
            got[store][" ".join(cmd)] = json.loads(r.output)
    mp.undo()
    return got


@pytest.mark.parametrize("cmd", [" ".join(c) for c in COMMANDS] + ["plot camps"])
def test_same_answer_from_both_stores(outputs, cmd):
    assert outputs["embedded"][cmd], f"{cmd} answered nothing"
    assert outputs["neo4j"][cmd] == outputs["embedded"][cmd]
