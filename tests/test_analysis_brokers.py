"""Brokers and mediators: on the 2020 dataset, and a broker between two groups that the
groups' targets do not outrank."""
from datetime import date

from kg.model import Dataset, Statement
from kg.reports.brokers import brokers


def test_mediators_call_both_sides(store, nk2020):
    store.load([nk2020])
    r = brokers(store)
    rows = {b["actor"]["id"]: b for b in r["brokers"]}
    mediators = {a for a, b in rows.items() if b["role"] == "mediator"}
    assert mediators == {"DEU", "EU", "FRA", "ITA", "RUS", "VAT"}
    assert rows["RUS"]["even_handed_to"] == [2, 3] and rows["RUS"]["camp"] == 1
    # Azerbaijan is addressed by everyone, but betweenness is taken among speakers on the
    # alignment graph (three cliques here): being a target makes no broker.
    assert set(rows) == mediators and all(b["betweenness"] == 0.0 for b in rows.values())


def test_a_speaker_agreeing_with_two_groups_is_the_broker_not_their_targets(store):
    # Poland and Czechia back Ukraine; Brazil and India back Russia; Turkey backs both. Ukraine
    # and Russia say nothing. Speakers tied by positive affinity: PL-CZ, BR-IN, and Turkey with
    # each of the four (it shares one target with each, with the same stance). Every path
    # between the two pairs runs through Turkey: 4 pairs of (5-1)(5-2)/2 = 6, betweenness 0.667.
    said = [("POL", "UKR"), ("CZE", "UKR"), ("BRA", "RUS"), ("IND", "RUS"), ("TUR", "UKR"), ("TUR", "RUS")]
    store.load([Dataset(name="bridge", statements=tuple(
        Statement.create(speaker=a, date=date(2022, 3, 1), stance="support", targets=[b], quote=f"{a} backs {b}",
                         source="https://example.org/bridge") for a, b in said))])
    rows = {b["actor"]["id"]: b for b in brokers(store)["brokers"]}
    assert rows["TUR"]["betweenness"] == 0.667 and rows["TUR"]["role"] == "broker"
    assert "UKR" not in rows and "RUS" not in rows
