"""Camps on the 2020 dataset and on a crisis the analysis was never tuned on."""
from datetime import date

import pytest

from kg.analysis.camps import find_camps
from kg.analysis.graph import from_store
from kg.errors import AnalysisError, UsageError
from kg.model import Dataset, Statement
from kg.reports.camps import camps
from kg.reports.common import Options
from tests.helpers import ROOT

IG2021 = ROOT / "ingest" / "datasets" / "israel-gaza-2021.yaml"
NK_CAMPS = [["DEU", "EU", "FRA", "ITA", "RUS", "VAT"], ["ARM", "NKR"], ["AZE", "TUR"]]


@pytest.fixture(scope="module")
def ig2021():
    from kg.ingest.curated import read_dataset

    return read_dataset(IG2021)


def ids(report):
    return [[m["id"] for m in c["members"]] for c in report["camps"]]


@pytest.mark.parametrize("method", ["louvain", "signed", "positions"])
def test_three_camps_in_2020(store, nk2020, method):
    store.load([nk2020])
    r = camps(store, method)
    assert ids(r) == NK_CAMPS and r["unaligned"] == []
    assert r["frustration"] == 0.0 and r["triangles"]["share_balanced"] == 1.0
    ceasefire, armenia, azerbaijan = r["camps"]
    # The stances that define each camp, with evidence.
    top = ceasefire["defining"][0]
    assert top["class"] == "even-handed" and "call_for_ceasefire" in top["stances"]
    assert len(top["holders"]) == 6 and top["evidence"]
    assert {d["target"]["id"] for d in armenia["defining"]} == {"AZE", "TUR"}
    support = [d for d in azerbaijan["defining"] if d["internal"]]
    assert support[0]["target"]["id"] == "AZE" and support[0]["stances"] == {"support": 2}
    assert any("Azerbaijani brothers" in e["quote"] for e in support[0]["evidence"])


def test_two_camps_in_israel_gaza_2021(store, ig2021):
    store.load([ig2021])
    for method in ("positions", "signed", "louvain"):
        r = camps(store, method)
        assert ids(r) == [["HAMAS", "IRN", "PSE", "TUR"], ["GBR", "ISR", "USA"]] and r["unplaced"] == [], method
    # Iran's place rests on 3 statements with a weak tie (mean affinity +0.17) but holds: no other
    # camp draws it; Israel's rests on 8, but its camp's pull is weak (+0.10) and wavers more.
    members = {m["id"]: m for c in r["camps"] for m in c["members"]}
    assert (members["IRN"]["statements"], members["IRN"]["tie"]) == (3, 0.167)
    assert members["ISR"]["stability"] < members["IRN"]["stability"]


def test_every_place_says_how_sure_it_is(store, nk2020):
    store.load([nk2020])
    r = camps(store)
    members = {m["id"]: m for c in r["camps"] for m in c["members"]}
    # By hand: the statements naming each actor as source or target (tests/golden/actors-state.yaml:
    # ARM 6 said + 15 targeted, AZE 7 + 19, TUR 3 + 2, NKR #7 #8 #18 + #3 #13 #16, RUS #22 #23);
    # the five other callers made one call each.
    assert {a: m["statements"] for a, m in members.items()} == {
        "ARM": 21, "AZE": 26, "TUR": 5, "NKR": 6, "RUS": 2, "DEU": 1, "EU": 1, "FRA": 1, "ITA": 1, "VAT": 1}
    assert {a for a, m in members.items() if m["single"]} == {"DEU", "EU", "FRA", "ITA", "VAT"}
    # tie: the affinity of tests/golden/camps.yaml, S 1 on 2 shared targets = 2/3 within camps 1
    # and 2; AZE-TUR adds tanh(2.0) for Turkey's two statements of support: 0.667 + 0.964 = 1.631
    assert {members[a]["tie"] for a in ("DEU", "RUS", "ARM", "NKR")} == {0.667}
    assert members["AZE"]["tie"] == members["TUR"]["tie"] == 1.631
    # every place holds in most resamples: nobody unplaced; the same seed gives the same figures
    assert r["unplaced"] == [] and all(0.8 <= m["stability"] <= 1.0 for m in members.values())
    assert camps(store) == r and r["bootstrap"] == 50


def test_camps_are_deterministic_and_prior_ties_stay_apart(store, nk2020):
    store.load([nk2020])
    first = camps(store)
    assert first == camps(store)
    # By hand (tests/golden/camps.yaml): 3 camps of 10 actors, no frustrated tie, 24 balanced
    # triangles, modularity 1 - (0.8132^2 + 0.0542^2 + 0.1326^2) = 0.318.
    assert ids(first) == NK_CAMPS and first["actors"] == 10
    assert (first["frustration"], first["frustrated"], first["modularity"]) == (0.0, 0, 0.318)
    assert first["triangles"] == {"triangles": 24, "balanced": 24, "share_balanced": 1.0}
    tied = camps(store, opts=Options(with_ties=True))
    assert ids(tied) == NK_CAMPS  # prior ties do not override what was said here
    ceasefire, armenia, azerbaijan = tied["camps"]
    assert {(t["a"], t["b"]) for t in ceasefire["prior_ties"]} == {("DEU", "EU"), ("EU", "FRA"), ("EU", "ITA")}
    assert [(t["a"], t["b"], t["kind"]) for t in azerbaijan["prior_ties"]] == [("AZE", "TUR", "strategic_partnership")]
    assert armenia["prior_ties"] == []
    # The Russia-Armenia defence pact adds +0.5 between camps 1 and 2 (their affinity was 0):
    # the one frustrated tie, weight 0.5; it closes no triangle (ARM and RUS share no neighbour).
    assert (tied["frustration"], tied["frustrated"]) == (0.5, 1)
    assert tied["triangles"] == {"triangles": 24, "balanced": 24, "share_balanced": 1.0}


def test_window_and_bad_input(store, nk2020):
    with pytest.raises(AnalysisError, match="the store is empty"):
        camps(store)
    lone = Dataset(name="lone", statements=(Statement.create(
        speaker="ICG", date=date(2020, 9, 27), stance="concern", targets=["TUR"], quote="worried",
        source="https://example.org/x"),))
    store.load([lone])
    with pytest.raises(AnalysisError, match="no statement links two taking-part actors"):
        camps(store)
    store.load([nk2020])
    with pytest.raises(AnalysisError, match="no statements since 2021-01-01"):
        camps(store, opts=Options(since=date(2021, 1, 1)))
    with pytest.raises(UsageError, match="unknown method"):
        camps(store, "nope")
    july = camps(store, opts=Options(until=date(2020, 8, 1)))
    assert july["camps"] == [] and [a["id"] for a in july["unaligned"]] == ["ARM", "AZE"]


def test_find_camps_on_graph(store, nk2020):
    store.load([nk2020])
    g = from_store(store)
    assert find_camps(g)["camps"] == find_camps(g, "signed")["camps"] == NK_CAMPS
    assert find_camps(g, "signed")["exact"] is True


def test_the_bootstraps_affinity_unresampled_is_the_camps_affinity(store, nk2020):
    # a second check of kg.analysis.doubt's numpy rebuild: every statement kept once gives the
    # matrix the camps are found on, with and without prior ties (the first check: the figures
    # by hand in test_every_place_says_how_sure_it_is)
    import numpy as np

    from kg.analysis.camps import affinity
    from kg.analysis.doubt import _Edges

    store.load([nk2020])
    for ties in (False, True):
        g = from_store(store, with_ties=ties)
        A, present = _Edges(g, ties, 90.0).affinity(np.ones(len(g.edges)))
        assert np.allclose(A, affinity(g, ties), atol=1e-8) and present.all()


def test_positions_tells_blocs_apart_that_all_condemn_the_same_actor():
    """Eight states condemn X alike. A1 and A2 also back Y; B1 and B2 condemn Y and back Z, Y's
    rival; A3, A4, B3 and B4 say nothing but the condemnation. Written down before running:
    the blocs are {A1, A2, Y} and {B1, B2, Z}; the four who only condemned X belong with neither
    (their one shared stance says nothing about Y against Z), so they may stand together but in
    no bloc. Louvain and the signed partition count the shared condemnation in full and merge.
    """
    from datetime import date

    from kg.analysis.camps import find_camps
    from kg.analysis.graph import build_graphs
    from kg.store.base import StanceEdge

    d = date(2023, 10, 8)
    valence = {"support": 1.0, "condemn": -1.0, "oppose": -0.8}
    edges = [StanceEdge(s, t, st, 1, valence[st], 1.0, d, d) for s, t, st in [
        *((a, "X", "condemn") for a in ("A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4")),
        ("A1", "Y", "support"), ("A2", "Y", "support"), ("B1", "Y", "condemn"), ("B2", "Y", "condemn"),
        ("B1", "Z", "support"), ("B2", "Z", "support"), ("Y", "Z", "oppose"), ("Z", "Y", "oppose"),
        ("Y", "X", "condemn"), ("Z", "X", "condemn")]]
    kinds = dict.fromkeys(["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "X", "Y", "Z"], "state")
    g = build_graphs(edges, kinds, half_life=None)
    r = find_camps(g, "positions")
    assert r["camps"] == [["A3", "A4", "B3", "B4"], ["A1", "A2", "Y"], ["B1", "B2", "Z"]]
    assert r["unaligned"] == ["X"]
    # what the other two methods do with the same data
    assert find_camps(g, "louvain")["camps"] == [["A1", "A2", "A3", "A4", "B3", "B4", "Y"], ["B1", "B2", "Z"]]
    assert find_camps(g, "signed")["camps"] == [["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "Y", "Z"]]


def test_modularity_agrees_with_networkx_on_a_random_weighted_graph():
    # hand-counted cases are the doctest; this is the second check, against networkx' own
    import networkx as nx
    import numpy as np

    from kg.analysis.camps import modularity

    rng = np.random.default_rng(7)
    A = rng.normal(size=(40, 40))
    A = (A + A.T) / 2
    labels = rng.integers(0, 4, 40).tolist()
    ids = [f"a{i:02d}" for i in range(40)]
    g = nx.Graph()
    g.add_nodes_from(ids)
    g.add_weighted_edges_from((ids[i], ids[j], A[i, j]) for i in range(40) for j in range(i + 1, 40) if A[i, j] > 1e-9)
    parts = [{a for a, c in zip(ids, labels, strict=True) if c == k} for k in set(labels)]
    assert modularity(ids, A, labels) == round(nx.community.modularity(g, parts), 3)
