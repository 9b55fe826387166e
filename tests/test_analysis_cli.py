"""The alignment commands through CliRunner, on each store."""
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def invoke(store, *args):
    return runner.invoke(app, [str(a) for a in args] + ["--store", store.name])


@pytest.fixture
def on_store(store, monkeypatch):
    """Point the CLI at the fixture's store (the embedded one lives in ``$KG_HOME/kg.sqlite``)."""
    if store.name == "embedded":
        assert store.path.name == "kg.sqlite"
        monkeypatch.setenv("KG_HOME", str(store.path.parent))
    return store


@pytest.fixture
def cli(on_store, nk2020):
    """``kg ...`` on the fixture's store, loaded with the 2020 dataset."""
    on_store.load([nk2020])
    return lambda *args: invoke(on_store, *args)


def test_camps_json_and_table(cli):
    r = cli("camps", "--json")
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    assert [[m["id"] for m in c["members"]] for c in report["camps"]] == [
        ["DEU", "EU", "FRA", "ITA", "RUS", "VAT"], ["ARM", "NKR"], ["AZE", "TUR"]]
    assert json.loads(cli("camps", "--json").output) == report  # stable
    table = cli("camps", "--method", "signed")
    assert table.exit_code == 0 and "3 camps" in table.output and "Azerbaijani" in table.output


def test_align_balance_brokers_timeline(cli):
    r = json.loads(cli("align", "Ankara", "Aliyev", "--json").output)
    assert (r["a"]["id"], r["b"]["id"], r["s"], r["n"]) == ("TUR", "AZE", 1.0, 2)
    text = cli("align", "Turkey", "Azerbaijan").output
    assert "S +1.000" in text and "kappa +1.000" in text and "2 shared targets" in text
    assert "frustration" in cli("balance").output
    b = json.loads(cli("brokers", "--json").output)
    assert b["brokers"][0]["role"] == "mediator"
    t = json.loads(cli("timeline", "Turkey", "--window", "4w", "--json").output)
    assert [w["present"] for w in t["windows"]] == [False, False, True]
    assert "Azerbaijan" in cli("timeline", "Turkey", "--window", "2w").output


@pytest.mark.parametrize("args, message, code", [
    (("align", "Turkey", "Narnia"), "unknown actor 'Narnia'", 2),
    (("align", "Turkey", "Ankara"), "same actor", 6),
    (("camps", "--since", "2021-01-01"), "no statements since 2021-01-01", 6),
    (("camps", "--since", "yesterday"), "bad date", 1),
    (("timeline", "Turkey", "--window", "soon"), "bad window", 1),
    (("camps", "--method", "magic"), "unknown method", 6),
    (("plot", "camps", "--out", "x.pdf"), ".png or .svg", 1),
])
def test_bad_input_is_one_clear_line(cli, args, message, code):
    r = cli(*args)
    assert r.exit_code == code, r.output
    assert message in r.output and "Traceback" not in r.output
    assert len([line for line in r.output.splitlines() if line.startswith("error")]) == 1


def test_empty_store_is_a_clear_message(on_store):
    r = invoke(on_store, "camps")
    assert r.exit_code == 6 and "holds no statements" in r.output


def test_plots_are_deterministic(cli, tmp_path):
    png = tmp_path / "camps.png"
    assert cli("plot", "camps", "--out", png).exit_code == 0
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert cli("plot", "camps", "--out", png).exit_code == 0 and png.read_bytes() == data
    svg1, svg2 = tmp_path / "a.svg", tmp_path / "b.svg"
    cli("plot", "camps", "--out", svg1, "--method", "signed")
    cli("plot", "camps", "--out", svg2, "--method", "signed")
    assert svg1.read_bytes() == svg2.read_bytes()
    tl = tmp_path / "tl.png"
    r = cli("plot", "timeline", "Turkey", "--out", tl, "--window", "4w")
    assert r.exit_code == 0, r.output
    assert tl.stat().st_size > 10_000
