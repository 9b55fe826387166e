"""Directed demands (kg.analysis.demands): a call on one side alone is opposition to it, on both stores."""
import doctest
from datetime import date

import kg.analysis.demands as demands
from kg.analysis.graph import from_store
from kg.model import Dataset, Statement
from kg.reports.camps import camps
from kg.store import StatementFilter

DAY = date(2020, 10, 1)
URL = "https://example.org/crisis"


def said(speaker, stance, *targets, quote="said so", day=DAY, confidence=1.0):
    return Statement.create(speaker=speaker, date=day, stance=stance, targets=targets, quote=quote,
                            source=URL, confidence=confidence)


# Our own small crisis: the UN and Russia call on both sides; France calls on Azerbaijan alone
# to halt its offensive (twice, the second at half confidence); Turkey backs Azerbaijan; Iran
# calls on Turkey, no party, to stay out.
CRISIS = [
    said("UN", "call_for_ceasefire", "ARM", "AZE", quote="both sides must stop"),
    said("RUS", "call_for_ceasefire", "ARM", "AZE", quote="we urge both to stop"),
    said("FRA", "call_for_ceasefire", "AZE", quote="Baku must halt its offensive"),
    said("FRA", "call_for_ceasefire", "AZE", quote="halt it now", day=date(2020, 10, 3), confidence=0.5),
    said("TUR", "support", "AZE", quote="we stand with Baku"),
    said("IRN", "call_for_ceasefire", "TUR", quote="Ankara should stay out"),
    said("ARM", "accuse", "AZE", quote="Baku attacked"),
]


def test_doctests():
    assert doctest.testmod(demands).failed == 0


def test_a_call_on_one_side_alone_is_opposition_to_it(store):
    store.load([Dataset(name="crisis", statements=tuple(CRISIS))])
    g = from_store(store, half_life=None)
    assert g.parties == {"ARM", "AZE"} and g.directed == 2
    # France -> Azerbaijan: two calls read as oppose (-0.8 each, times confidence 1 and 0.5)
    tie = g.ties["FRA"]["AZE"]
    assert (tie["sign"], tie["negative"], tie["n"], tie["stances"]) == (-1, 1.2, 2, {"oppose": 2})
    assert g.profiles["FRA"]["AZE"]["code"] == -1
    # calls on both sides, and on a state that is no party, stay even-handed
    assert g.ties["UN"]["ARM"]["sign"] == g.ties["UN"]["AZE"]["sign"] == 0
    assert g.ties["IRN"]["TUR"]["sign"] == 0 and g.ties["IRN"]["TUR"]["stances"] == {"call_for_ceasefire": 1}


def test_without_a_call_on_two_sides_no_party_is_known_and_calls_stay_even_handed(store):
    store.load([Dataset(name="crisis", statements=tuple(s for s in CRISIS if len(s.targets) == 1))])
    g = from_store(store, half_life=None)
    assert g.parties == frozenset() and g.directed == 0
    assert g.ties["FRA"]["AZE"]["sign"] == 0 and g.ties["FRA"]["AZE"]["stances"] == {"call_for_ceasefire": 2}


def test_camps_say_the_parties_and_show_the_demands_as_evidence(store):
    store.load([Dataset(name="crisis", statements=tuple(CRISIS))])
    r = camps(store)
    assert [p["id"] for p in r["parties"]] == ["ARM", "AZE"] and r["directed_demands"] == 2
    members = [[m["id"] for m in c["members"]] for c in r["camps"]]
    # France and Armenia oppose Azerbaijan, Turkey backs it: two camps
    assert ["ARM", "FRA"] in members and ["AZE", "TUR"] in members
    against = next(d for c in r["camps"] for d in c["defining"]
                   if d["target"]["id"] == "AZE" and d["class"] == "hostile")
    assert [h["id"] for h in against["holders"]] == ["ARM", "FRA"]
    assert {e["quote"] for e in against["evidence"]} >= {"Baku must halt its offensive"}


def test_named_together_is_every_target_a_statement_names_beside_another(store):
    store.load([Dataset(name="crisis", statements=(*CRISIS, said("TUR", "condemn", "ARM", "GRC")))])
    assert store.named_together() == {"ARM", "AZE", "GRC"}
    assert store.named_together(StatementFilter(stances=frozenset({demands.CALL}))) == {"ARM", "AZE"}
    assert store.named_together(StatementFilter(by=frozenset({"FRA"}))) == frozenset()
    assert store.named_together(StatementFilter(until=date(2020, 9, 30))) == frozenset()


def test_a_call_on_both_sides_stays_beside_the_directed_ones_of_the_same_speaker(store):
    # France's call on both sides shares the France -> Azerbaijan edge with its two directed calls:
    # the edge is counted again from the calls that name a party, and keeps it
    both = said("FRA", "call_for_ceasefire", "ARM", "AZE", quote="both must stop", day=date(2020, 10, 2))
    store.load([Dataset(name="crisis", statements=(*CRISIS, both))])
    g = from_store(store, half_life=None)
    assert g.directed == 2
    assert g.ties["FRA"]["AZE"]["stances"] == {"call_for_ceasefire": 1, "oppose": 2}
    assert g.ties["FRA"]["ARM"]["stances"] == {"call_for_ceasefire": 1}
    assert [(e.stance, e.n, e.first.day, e.last.day) for e in g.edges if (e.source, e.target) == ("FRA", "AZE")] == [
        ("call_for_ceasefire", 1, 2, 2), ("oppose", 2, 1, 3)]
