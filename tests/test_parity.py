"""Every query command gives the same answer from both stores, and the answer written by hand."""
import json
import re
from collections import Counter

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.helpers import NK2020
from tests.test_golden import FILES, Exact, golden, mismatches, unordered_mismatches

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
    ["datasets"], ["camps", "--dataset", "nagorno-karabakh-2020"],
]


# The answers by hand: the golden files (tests/golden/, arithmetic in their comments), and for
# the other commands the key facts below, each with its reasoning. Statements #1..#30 are
# numbered in the dataset's file order.
GOLDEN = {" ".join(golden(f)["command"]): golden(f) for f in FILES}
GOLDEN["stance Ankara"] = GOLDEN["stance Turkey"]  # Ankara is an alias of Turkey
NK_CAMPS = [["DEU", "EU", "FRA", "ITA", "RUS", "VAT"], ["ARM", "NKR"], ["AZE", "TUR"]]


def camp_ids(report) -> list:
    return [[m["id"] for m in c["members"]] for c in report["camps"]]


BY_HAND = {
    # Erdogan, President of Turkey since 2014: one statement (#21), nobody addressed him.
    "stance Erdogan": (lambda r: r, {
        "actor": {"id": "erdogan", "kind": "person"}, "speaks_for": {"id": "TUR", "title": "President"},
        "toward": [{"target": {"id": "AZE"}, "net_valence": 1.0, "n": 1, "stances": Exact({"support": 1})}],
        "from": []}),
    # Up to 2020-08-01 only #17 (2020-07-16, Azerbaijan threatens Armenia, valence -1.0).
    "stance Azerbaijan --as-of 2020-08-01": (lambda r: r, {
        "actor": {"id": "AZE"}, "as_of": "2020-08-01",
        "toward": [{"target": {"id": "ARM"}, "net_valence": -1.0, "n": 1, "stances": Exact({"threaten": 1}),
                    "first": "2020-07-16", "last": "2020-07-16"}],
        "from": []}),
    # The EU's one statement (#27): a ceasefire call (valence 0.0) to both sides.
    "stance EU": (lambda r: r, {
        "actor": {"id": "EU", "name": "European Union", "kind": "organization"},
        "toward": [{"target": {"id": "ARM"}, "net_valence": 0.0, "n": 1, "stances": Exact({"call_for_ceasefire": 1})},
                   {"target": {"id": "AZE"}, "net_valence": 0.0, "n": 1, "stances": Exact({"call_for_ceasefire": 1})}],
        "from": []}),
    # 28 actors: 9 states (tests/golden/actors-state.yaml), EU NATO CSTO OSCE OSCE_MG, ICG and
    # Carnegie Moscow (NGOs), the NKR (authority), 5 people declared and 6 from the base data.
    "actors": (lambda rows: dict(Counter(r["kind"] for r in rows)),
               {"authority": 1, "ngo": 2, "organization": 5, "person": 11, "state": 9}),
    # The 11 people by name, with the statements each made: Pashinyan #9..#12, Aliyev #15 #16.
    "actors --kind person": (lambda rows: [(r["id"], r["statements"]) for r in rows], [
        ("anna-hakobyan", 1), ("harutyunyan", 1), ("bagdasaryan", 1), ("hovhannisyan", 0), ("trenin", 1),
        ("aliyev", 2), ("pashinyan", 4), ("vartanyan", 1), ("pope-francis", 1), ("erdogan", 1), ("putin", 1)]),
    # accuse #1..#8 #11 #14 #18 #19; call_for_ceasefire #22 #24..#28 #30; support #13 #20 #21;
    # oppose #9 #16; warn #10 #12; threaten #15 #17; concern #23 #29.
    "statements": (lambda rows: dict(Counter(r["stance"] for r in rows)), {
        "accuse": 12, "call_for_ceasefire": 7, "support": 3, "oppose": 2, "warn": 2, "threaten": 2, "concern": 2}),
    # Toward Armenia (15), by whom they speak for: AZE #2 #4 #5 #15 #17, TUR #19, RUS #22 #23, one
    # each from FRA DEU ITA EU, VAT (the Pope), ICG (Vartanyan) and Carnegie Moscow (Trenin).
    "statements --toward Armenia": (
        lambda rows: dict(Counter((r["on_behalf_of"] or r["speaker"])["id"] for r in rows)),
        {"AZE": 5, "TUR": 1, "RUS": 2, "FRA": 1, "DEU": 1, "ITA": 1, "EU": 1, "VAT": 1, "ICG": 1,
         "CARNEGIE_MOSCOW": 1}),
    "statements --stance call_for_ceasefire --since 2020-09-01": (
        lambda rows: sorted(r["speaker"]["id"] for r in rows),
        ["DEU", "EU", "FRA", "ITA", "pope-francis", "putin", "trenin"]),
    # Prior ties inside camps: DEU, FRA, ITA members of the EU (camp 1), the Turkey-Azerbaijan
    # partnership (camp 3); the Russia-Armenia pact adds +0.5 across camps 1 and 2: frustration 0.5.
    "camps --with-ties": (lambda r: (camp_ids(r), r["frustration"], r["frustrated"],
                                     [{(t["a"], t["b"]) for t in c["prior_ties"]} for c in r["camps"]]),
                          (NK_CAMPS, 0.5, 1, [{("DEU", "EU"), ("EU", "FRA"), ("EU", "ITA")}, set(), {("AZE", "TUR")}])),
    # With every actor: ICG (concern #29) and Carnegie Moscow (#30) call on both sides like camp 1
    # (S +1 on 2 targets with each caller); Hakobyan backs the NKR (#13: S +1 on NKR, tie +0.6) and
    # Bagdasaryan accuses Azerbaijan (#14) as ARM and NKR do: both join camp 2. 14 actors.
    # One file loaded: its 30 statements, 16 July (#1) to 27 September (#2..#30); keeping to it
    # changes nothing, and every call of it goes to both sides (no directed demand).
    "datasets": (lambda rows: rows, [{"name": "nagorno-karabakh-2020", "statements": 30,
                                      "first": "2020-07-16", "last": "2020-09-27"}]),
    "camps --dataset nagorno-karabakh-2020": (
        lambda r: (camp_ids(r), r["options"]["datasets"], [p["id"] for p in r["parties"]], r["directed_demands"]),
        (NK_CAMPS, ["nagorno-karabakh-2020"], ["ARM", "AZE"], 0)),
    "camps --all-actors": (lambda r: (camp_ids(r), r["unaligned"], r["actors"]), (
        [["CARNEGIE_MOSCOW", "DEU", "EU", "FRA", "ICG", "ITA", "RUS", "VAT"],
         ["ARM", "NKR", "anna-hakobyan", "bagdasaryan"], ["AZE", "TUR"]], [], 14)),
    # RUS {ARM 0, AZE 0, RUS +1} and ARM {ARM +1, AZE -1, TUR -1} share ARM and AZE:
    # S = 1 - (1 + 1)/2 = 0; codes (0, 0) vs (+1, -1): p_o 0, kappa p_e 0 -> 0; pi pooled
    # p_e .5^2 + .25^2 + .25^2 = .375 -> -.375/.625 = -0.6. Both targets differ (one even-handed).
    "align Russia Armenia": (lambda r: r, {
        "a": {"id": "RUS"}, "b": {"id": "ARM"}, "s": 0.0, "kappa": 0.0, "pi": -0.6, "n": 2,
        "agree": [], "contradict": [],
        "differ": [{"target": {"id": "ARM"},
                    "a": {"class": "even-handed", "stances": Exact({"call_for_ceasefire": 1, "concern": 1})},
                    "b": {"class": "itself"}},
                   {"target": {"id": "AZE"},
                    "a": {"class": "even-handed", "stances": Exact({"call_for_ceasefire": 1, "concern": 1})},
                    "b": {"class": "hostile", "value": -1.0, "stances": Exact({"accuse": 3, "warn": 2})}}],
        "a_to_b": {"sign": 0, "net": 0.0, "stances": Exact({"call_for_ceasefire": 1, "concern": 1})},
        "b_to_a": None, "same_camp": False}),
    # The timeline's windows are being reworked: only who it is about is pinned here.
    "timeline Turkey --window 7d": (lambda r: r["actor"]["id"], "TUR"),
}


def by_hand(cmd: str, answer) -> list[str]:
    """Where ``answer`` differs from the answer written by hand for ``cmd``."""
    if cmd == "plot camps":
        labels = set(re.findall(r"<!-- (.*?) -->", answer.decode("utf-8")))
        names = {"Armenia", "Azerbaijan", "Germany", "European Union", "France", "Italy",
                 "Nagorno-Karabakh Republic", "Russia", "Turkey", "Holy See", "Camps (louvain), 10 actors",
                 "camp 2: Armenia, Nagorno-Karabakh Republic", "camp 3: Azerbaijan, Turkey"}
        return [f"missing from the SVG: {sorted(names - labels)}"] if names - labels else []
    if cmd in GOLDEN:
        g = GOLDEN[cmd]
        return unordered_mismatches(g["expect"], answer) if g.get("unordered") else mismatches(g["expect"], answer)
    take, expected = BY_HAND[cmd]
    return mismatches(expected, take(answer))


def test_every_command_has_an_answer_by_hand():
    assert {" ".join(c) for c in COMMANDS} <= set(GOLDEN) | set(BY_HAND)


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
    assert not by_hand(cmd, outputs["neo4j"][cmd]), by_hand(cmd, outputs["neo4j"][cmd])
    assert outputs["neo4j"][cmd] == outputs["embedded"][cmd]
