"""Scope: ``kg datasets`` and ``--dataset`` on the analysis and query commands, on both stores."""
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import AnalysisError
from kg.reports.actors import actors
from kg.reports.camps import camps
from kg.reports.common import Options
from kg.reports.datasets import datasets
from kg.reports.stance import stance
from kg.reports.statements import statements
from tests.helpers import NK2020, ROOT

IG2021 = ROOT / "ingest" / "datasets" / "israel-gaza-2021.yaml"
NK = "nagorno-karabakh-2020"
IG = "israel-gaza-2021"
NK_CAMPS = [["DEU", "EU", "FRA", "ITA", "RUS", "VAT"], ["ARM", "NKR"], ["AZE", "TUR"]]
IG_CAMPS = [["HAMAS", "IRN", "PSE", "TUR"], ["GBR", "ISR", "USA"]]
runner = CliRunner()


@pytest.fixture
def both(store, nk2020):
    from kg.ingest.curated import read_dataset

    store.load([nk2020, read_dataset(IG2021)])
    return store


def ids(report):
    return [[m["id"] for m in c["members"]] for c in report["camps"]]


def test_datasets_lists_what_is_loaded(both):
    # by hand from the two files: 30 statements from 16 July to 27 September 2020, 11 on 10 May 2021
    assert datasets(both) == [
        {"name": IG, "statements": 11, "first": "2021-05-10", "last": "2021-05-10"},
        {"name": NK, "statements": 30, "first": "2020-07-16", "last": "2020-09-27"}]


def test_each_crisis_alone_gives_its_own_camps(both):
    # (runs=0: the partition alone, without the bootstrap that may leave weak places unplaced)
    assert ids(camps(both, opts=Options(datasets=(NK,)), runs=0)) == NK_CAMPS
    assert ids(camps(both, opts=Options(datasets=(IG,)), runs=0)) == IG_CAMPS
    assert camps(both, opts=Options(datasets=(NK,)), runs=0)["options"]["datasets"] == [NK]
    # Turkey speaks in both crises: together, one graph holds both
    mixed = ids(camps(both, opts=Options(datasets=(NK, IG)), runs=0))
    assert mixed == ids(camps(both, runs=0)) and mixed not in (NK_CAMPS, IG_CAMPS)


def test_query_reports_keep_to_the_datasets(both):
    rows = statements(both, by="Turkey", datasets=(IG,))
    # by hand: Turkey, Erdogan or Cavusoglu speak 3 times in each file
    assert {r["dataset"] for r in rows} == {IG} and len(rows) == 3 and len(statements(both, by="Turkey")) == 6
    assert sorted(r["target"]["id"] for r in stance(both, "Turkey", datasets=(NK,))["toward"]) == ["ARM", "AZE"]
    ig_actors = {r["id"] for r in actors(both, datasets=(IG,))}
    assert "ISR" in ig_actors and "ARM" not in ig_actors


def test_an_unknown_dataset_says_what_is_loaded(both):
    for call in (lambda: camps(both, opts=Options(datasets=("nope",))),
                 lambda: statements(both, datasets=("nope",)),
                 lambda: stance(both, "Turkey", datasets=("nope", NK))):
        with pytest.raises(AnalysisError, match=f"no dataset 'nope' in the store \\(loaded: {IG}, {NK}; see kg"):
            call()


def test_cli_datasets_and_the_option(tmp_path, kg_home):
    assert runner.invoke(app, ["load", str(NK2020), str(IG2021)]).exit_code == 0
    r = runner.invoke(app, ["datasets", "--json"])
    assert r.exit_code == 0 and [d["name"] for d in json.loads(r.output)] == [IG, NK]
    r = runner.invoke(app, ["datasets"])
    assert r.exit_code == 0 and NK in r.output and "30" in r.output
    r = runner.invoke(app, ["camps", "--dataset", IG, "--bootstrap", "0", "--json"])
    assert r.exit_code == 0 and ids(json.loads(r.output)) == IG_CAMPS
    r = runner.invoke(app, ["camps", "--dataset", NK, "--dataset", IG, "--json"])
    assert r.exit_code == 0 and json.loads(r.output)["options"]["datasets"] == [IG, NK]
    for cmd in (["camps"], ["align", "Turkey", "Azerbaijan"], ["balance"], ["brokers"], ["timeline", "Turkey"],
                ["stance", "Turkey"], ["statements"], ["actors"]):
        r = runner.invoke(app, [*cmd, "--dataset", "nope"])
        assert r.exit_code == 6 and "no dataset 'nope' in the store" in r.output, cmd
