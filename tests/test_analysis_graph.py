"""Graphs built from a store: participation rule, signed ties, stance profiles, prior ties."""
from datetime import date

import pytest

from kg.analysis.graph import build_graphs, from_store, stance_class
from kg.store.base import StanceEdge, StatementFilter


@pytest.fixture
def loaded(store, nk2020):
    store.load([nk2020])
    return store


def test_participants_are_states_orgs_and_authorities_with_people_rolled_up(loaded):
    g = from_store(loaded)
    assert g.ids == ("ARM", "AZE", "DEU", "EU", "FRA", "ITA", "NKR", "RUS", "TUR", "VAT")
    # Erdogan's words count for Turkey, the Pope's for the Holy See; analysts and a resident do not count.
    assert g.ties["TUR"]["AZE"]["stances"] == {"support": 2}
    assert g.ties["VAT"]["ARM"]["stances"] == {"call_for_ceasefire": 1}
    everyone = from_store(loaded, all_actors=True)
    assert {"ICG", "CARNEGIE_MOSCOW", "anna-hakobyan", "bagdasaryan"} <= set(everyone.ids)
    people = from_store(loaded, rollup=False)
    assert {"erdogan", "pope-francis", "putin"} <= set(people.ids) and "anna-hakobyan" not in people.ids


def test_signed_ties_and_profiles(loaded):
    g = from_store(loaded)
    assert g.ties["TUR"]["AZE"]["sign"] == 1 and g.ties["ARM"]["AZE"]["sign"] == -1
    assert g.ties["RUS"]["ARM"]["sign"] == 0 and g.ties["RUS"]["ARM"]["n"] == 2  # ceasefire + concern
    assert g.profiles["RUS"]["ARM"]["code"] == 0  # even-handed is a stance, not missing
    assert g.profiles["TUR"]["ARM"]["code"] == -1 and g.profiles["TUR"]["TUR"]["self"]
    s = g.signed()
    assert s["AZE"]["TUR"]["sign"] == 1 and s["ARM"]["AZE"]["sign"] == -1 and not s.has_edge("RUS", "ARM")
    assert g.unsigned().has_edge("RUS", "ARM")


def test_prior_ties_are_a_separate_layer(loaded):
    plain = from_store(loaded)
    tied = from_store(loaded, with_ties=True)
    assert plain.prior.number_of_edges() == 0
    assert tied.prior.has_edge("ARM", "RUS") and tied.prior["ARM"]["RUS"]["kind"] == "defence_pact"
    assert tied.prior.has_edge("EU", "FRA") and tied.prior["EU"]["FRA"]["kind"] == "membership"
    assert not tied.ties.has_edge("RUS", "ARM") or tied.ties["RUS"]["ARM"]["sign"] == 0


def test_window_filters_in_the_store(loaded):
    g = from_store(loaded, StatementFilter(until=date(2020, 8, 1)))
    assert g.ids == ("ARM", "AZE") and g.ties["AZE"]["ARM"]["stances"] == {"threaten": 1}


def test_recency_weighs_older_edges_less():
    old, new = date(2020, 1, 1), date(2020, 4, 1)
    edges = [StanceEdge("A", "B", "support", 1, 1.0, 1.0, old, old),
             StanceEdge("A", "C", "support", 1, 1.0, 1.0, new, new)]
    g = build_graphs(edges, dict.fromkeys("ABC", "state"), half_life=91)
    assert g.ties["A"]["C"]["positive"] == 1.0
    assert g.ties["A"]["B"]["positive"] == pytest.approx(0.5)
    flat = build_graphs(edges, dict.fromkeys("ABC", "state"), half_life=None)
    assert flat.ties["A"]["B"]["positive"] == 1.0


def test_stance_classes_follow_the_brief():
    assert {s for s in ("support", "praise") if stance_class(s) == 1} == {"support", "praise"}
    assert all(stance_class(s) == -1 for s in ("accuse", "condemn", "oppose", "warn", "threaten"))
    assert all(stance_class(s) == 0 for s in ("call_for_ceasefire", "mediate", "concern"))
