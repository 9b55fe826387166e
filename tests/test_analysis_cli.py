"""The alignment commands through CliRunner, on each store."""
import json
import re

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
    # By hand (tests/golden/camps.yaml shows the arithmetic): 10 actors take part, every hostile
    # affinity falls between camps and every positive one inside, and all 24 triangles of the
    # affinity graph (20 among the six callers, 4 on ARM, NKR, AZE, TUR) are balanced.
    assert (report["actors"], report["unaligned"], report["frustration"], report["frustrated"]) == (10, [], 0.0, 0)
    assert report["triangles"] == {"triangles": 24, "balanced": 24, "share_balanced": 1.0}
    assert report["modularity"] == 0.318
    signed = json.loads(cli("camps", "--method", "signed", "--json").output)
    assert [[m["id"] for m in c["members"]] for c in signed["camps"]] == [
        ["DEU", "EU", "FRA", "ITA", "RUS", "VAT"], ["ARM", "NKR"], ["AZE", "TUR"]]
    assert (signed["frustration"], signed["exact"]) == (0.0, True)
    table = cli("camps", "--method", "signed")
    assert table.exit_code == 0 and "3 camps" in table.output and "Azerbaijani" in table.output


def test_align_balance_brokers_timeline(cli):
    r = json.loads(cli("align", "Ankara", "Aliyev", "--json").output)
    assert (r["a"]["id"], r["b"]["id"], r["s"], r["n"]) == ("TUR", "AZE", 1.0, 2)
    text = cli("align", "Turkey", "Azerbaijan").output
    assert "S +1.000" in text and "kappa +1.000" in text and "2 shared targets" in text
    assert "frustration" in cli("balance").output
    # Signed ties (tests/golden/balance.yaml): ARM-AZE -7.16, ARM-TUR -1.5, AZE-NKR -2.9, NKR-TUR -0.7,
    # AZE-TUR +2.0 among 4 actors; triangles ARM-AZE-TUR and AZE-NKR-TUR, both (-, -, +).
    bal = json.loads(cli("balance", "--json").output)
    assert (bal["actors"], bal["ties"]) == (4, {"positive": 1, "negative": 4})
    assert bal["triangles"] == {"triangles": 2, "balanced": 2, "share_balanced": 1.0}
    ids = [[[a["id"] for a in m] for m in bal[k]["partition"]] for k in ("two_camps", "camps")]
    assert ids == [[["ARM", "NKR"], ["AZE", "TUR"]], [["AZE", "TUR"], ["ARM"], ["NKR"]]]
    assert [(bal[k]["frustration"], bal[k]["frustrated"]) for k in ("two_camps", "camps")] == [(0.0, 0), (0.0, 0)]
    b = json.loads(cli("brokers", "--json").output)
    assert b["brokers"][0]["role"] == "mediator"
    # The six ceasefire callers of camp 1 address camps 2 and 3 even-handedly; among speakers the
    # alignment graph is three cliques, so no betweenness (tests/golden/brokers.yaml).
    assert [(r["actor"]["id"], r["role"], r["camp"], r["even_handed_to"], r["betweenness"]) for r in b["brokers"]] == [
        (m, "mediator", 1, [2, 3], 0.0) for m in ("DEU", "EU", "FRA", "ITA", "RUS", "VAT")]
    t = json.loads(cli("timeline", "Turkey", "--window", "4w", "--json").output)
    assert [w["present"] for w in t["windows"]] == [False, False, True]
    assert "Azerbaijan" in cli("timeline", "Turkey", "--window", "2w").output


@pytest.mark.parametrize("args, message, code", [
    (("align", "Turkey", "Narnia"), "unknown actor 'Narnia'", 2),
    (("align", "Turkey", "Ankara"), "same actor", 6),
    (("camps", "--since", "2021-01-01"), "no statements since 2021-01-01", 6),
    (("camps", "--since", "yesterday"), "bad date", 2),
    (("timeline", "Turkey", "--window", "soon"), "bad window", 2),
    (("camps", "--method", "magic"), "--method: 'magic' is not one of 'louvain', 'signed', 'positions'", 2),
    (("plot", "camps", "--out", "x.pdf"), "--out: 'x.pdf' must end in .png or .svg", 2),
])
def test_bad_input_is_one_clear_line(cli, args, message, code):
    r = cli(*args)
    assert r.exit_code == code, r.output
    assert message in r.output and "Traceback" not in r.output
    assert len([line for line in r.output.splitlines() if line.startswith("error")]) == 1


def test_empty_store_is_a_clear_message(on_store):
    r = invoke(on_store, "camps")
    assert r.exit_code == 6 and r.output.startswith("error: the store is empty: run kg load ")


NK_NAMES = {"Armenia", "Azerbaijan", "Germany", "European Union", "France", "Italy", "Nagorno-Karabakh Republic",
            "Russia", "Turkey", "Holy See"}
# kg/plot.py: camp k is drawn in PALETTE[k - 1]; friendly ties FRIENDLY, hostile ties HOSTILE.
CAMP_COLOURS = {"#1f77b4": 6, "#ff7f0e": 2, "#9467bd": 2}  # camp 1: six callers, 2: ARM NKR, 3: AZE TUR
FRIENDLY, HOSTILE = "#2ca02c", "#d62728"


def png_facts(path) -> tuple[tuple[int, int], set]:
    """(width, height) from the IHDR header, checked against the decoded image, and its RGB colours."""
    import matplotlib.image

    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    size = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    pixels = matplotlib.image.imread(path)
    assert pixels.shape[:2] == (size[1], size[0]) and pixels.shape[2] in (3, 4)
    rgb = (pixels[:, :, :3] * 255).round().astype("uint32").reshape(-1, 3)
    packed = set((rgb[:, 0] << 16 | rgb[:, 1] << 8 | rgb[:, 2]).tolist())
    return size, {f"#{c:06x}" for c in packed}


def test_plots_are_deterministic(cli, tmp_path):
    png = tmp_path / "camps.png"
    r = cli("plot", "camps", "--out", png)
    assert r.exit_code == 0, r.output
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    r = cli("plot", "camps", "--out", png)
    assert r.exit_code == 0 and png.read_bytes() == data, r.output
    # 11 x 9 inches at 150 dpi; antialiased drawing, nodes in the camp colours, both tie colours.
    size, colours = png_facts(png)
    assert size == (1650, 1350) and len(colours) > 500
    assert {*CAMP_COLOURS, FRIENDLY, HOSTILE} <= colours
    svg1, svg2 = tmp_path / "a.svg", tmp_path / "b.svg"
    for svg in (svg1, svg2):
        r = cli("plot", "camps", "--out", svg, "--method", "signed")
        assert r.exit_code == 0, r.output
    assert svg1.read_bytes() == svg2.read_bytes()
    # Text is drawn as paths; matplotlib keeps each string as a comment beside its glyphs.
    text = svg1.read_text(encoding="utf-8")
    labels = set(re.findall(r"<!-- (.*?) -->", text))
    assert NK_NAMES <= labels
    assert {"Camps (signed), 10 actors", "camp 1: Germany, European Union, France, Italy, Russia, Holy See",
            "camp 2: Armenia, Nagorno-Karabakh Republic", "camp 3: Azerbaijan, Turkey"} <= labels
    for colour, members in CAMP_COLOURS.items():  # one node per member and one legend patch
        assert text.count(f"fill: {colour}") == members + 1, colour
    assert "fill: #d0d0d0" not in text  # no unaligned actor
    # Signed ties: AZE-TUR friendly; ARM-AZE, ARM-TUR, AZE-NKR, NKR-TUR hostile; one legend line each.
    assert text.count(f"stroke: {FRIENDLY}") == 1 + 1 and text.count(f"stroke: {HOSTILE}") == 4 + 1
    tl = tmp_path / "tl.png"
    r = cli("plot", "timeline", "Turkey", "--out", tl, "--window", "4w")
    assert r.exit_code == 0, r.output
    assert tl.stat().st_size > 10_000
    size, colours = png_facts(tl)
    assert size[0] == 1650 and size[1] > 0 and len(colours) > 100  # 11 inches wide at 150 dpi
