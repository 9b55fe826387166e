"""Brokers and mediators on the 2020 dataset."""
from kg.reports.brokers import brokers


def test_mediators_call_both_sides(store, nk2020):
    store.load([nk2020])
    r = brokers(store)
    rows = {b["actor"]["id"]: b for b in r["brokers"]}
    mediators = {a for a, b in rows.items() if b["role"] == "mediator"}
    assert mediators == {"DEU", "EU", "FRA", "ITA", "RUS", "VAT"}
    assert rows["RUS"]["even_handed_to"] == [2, 3] and rows["RUS"]["camp"] == 1
    # Azerbaijan is the hub: the parties and every mediator address it.
    by_betweenness = [b["actor"]["id"] for b in r["brokers"] if b["role"] is None]
    assert by_betweenness[0] == "AZE" and rows["AZE"]["betweenness"] > rows["ARM"]["betweenness"] > 0
    assert rows["TUR"]["hostile_to"] == [2] and rows["TUR"]["friendly_to"] == [3]
