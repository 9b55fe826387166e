"""Camps on crises curated by hand from the dev corpus (ingest/datasets/), with the expected camps
written down, each with its political reason, before the analysis was run on them."""
import pytest
from kg.ingest.curated import read_dataset

from kg.reports.camps import camps
from tests.helpers import ROOT

DATASETS = ROOT / "ingest" / "datasets"


def ids(report):
    return [[m["id"] for m in c["members"]] for c in report["camps"]]


@pytest.mark.parametrize("method", ["louvain", "signed", "positions"])
def test_russia_ukraine_2022(store, method):
    store.load([read_dataset(DATASETS / "russia-ukraine-2022.yaml")])
    r = camps(store, method)
    # The United States and Ukraine condemn and accuse Russia; China "understands" Russia's
    # concerns; India calls on both to de-escalate and expresses concern: even-handed, in no camp.
    assert ids(r) == [["CHN", "RUS"], ["UKR", "USA"]]
    assert [a["id"] for a in r["unaligned"]] == ["IND"]
    # India's calls name both: they make Russia and Ukraine the parties; nothing is directed.
    assert [p["id"] for p in r["parties"]] == ["RUS", "UKR"] and r["directed_demands"] == 0
    members = {m["id"]: m for c in r["camps"] for m in c["members"]}
    # By hand: Russia is named by all 7 statements; Ukraine by its own and India's 2; the US by
    # Biden's 3; China by its one, which is flagged.
    assert {a: m["statements"] for a, m in members.items()} == {"CHN": 1, "RUS": 7, "UKR": 3, "USA": 3}
    assert [a for a, m in members.items() if m["single"]] == ["CHN"]
    # China's place rests on one statement: kept when the resample draws it (1 - 1/e = 0.63 in theory)
    assert 0.5 <= members["CHN"]["stability"] <= 0.8 and r["unplaced"] == []


@pytest.mark.parametrize("method", ["louvain", "signed", "positions"])
def test_india_pakistan_2019(store, method):
    store.load([read_dataset(DATASETS / "india-pakistan-2019.yaml")])
    r = camps(store, method)
    # The world urged restraint on both sides: the EU, Australia, the US and China form one camp
    # of callers (China's one criticism of India, beside its concern and its call on both, leaves
    # its stance toward India at -1/3, not hostile); India and Pakistan, who say nothing here,
    # stand alone.
    assert ids(r) == [["AUS", "CHN", "EU", "USA"]]
    assert [a["id"] for a in r["unaligned"]] == ["IND", "PAK"]
    assert [p["id"] for p in r["parties"]] == ["IND", "PAK"] and r["directed_demands"] == 0
    members = {m["id"]: m for c in r["camps"] for m in c["members"]}
    # By hand: EU 3 (Kocijancic, Mogherini twice), China 3 (Lu Kang, twice itself), AUS and USA 1.
    assert {a: m["statements"] for a, m in members.items()} == {"AUS": 1, "CHN": 3, "EU": 3, "USA": 1}
    assert sorted(a for a, m in members.items() if m["single"]) == ["AUS", "USA"]


@pytest.mark.parametrize("method", ["louvain", "positions"])  # signed merges blocs here (BENCHMARKS.md)
def test_hamas_attack_2023(store, method):
    store.load([read_dataset(DATASETS / "hamas-attack-2023.yaml")])
    r = camps(store, method, runs=0)
    # The United States backs Israel and condemns Hamas; Iran backs and praises Hamas; Germany's
    # shock, the UN (a call on all sides, a condemnation of the attack) and Saudi Arabia's call on
    # both sides make the even-handed group; Abbas accuses Israel but backs no one in these words.
    assert ids(r) == [["DEU", "SAU", "UN"], ["HAMAS", "IRN"], ["ISR", "USA"]]
    assert [a["id"] for a in r["unaligned"]] == ["PSE"]
    assert [p["id"] for p in r["parties"]] == ["HAMAS", "ISR"] and r["directed_demands"] == 0
    members = {m["id"]: m for c in r["camps"] for m in c["members"]}
    # By hand: Hamas is named by 6 statements (Wennesland, Tuerk, the US, Safavi, Kanaani, Scholz)
    # and the Saudi call: 7; Israel by 5; the US said 3 (its own, Austin, Biden), Iran and the UN 2.
    assert {a: m["statements"] for a, m in members.items()} == {
        "DEU": 1, "SAU": 1, "UN": 2, "HAMAS": 7, "IRN": 2, "ISR": 5, "USA": 3}
    assert sorted(a for a, m in members.items() if m["single"]) == ["DEU", "SAU"]
    assert all(m["stability"] is None for m in members.values())  # runs=0: no bootstrap
