"""kg ties and kg bloc on the 2020 dataset, both stores.

Expected values read by hand from ingest/datasets/nagorno-karabakh-2020.yaml: France, Germany,
Italy in the EU (1958); France, Italy, the US (1949), Turkey (1952), Germany (1955) in NATO; Russia
and Armenia in the CSTO (2002-10-07); France, Russia, the US co-chairs of the Minsk Group (1997);
Armenia and Azerbaijan in the OSCE (1992); alliances Russia-Armenia (defence pact, 1997-08-29)
and Turkey-Azerbaijan (strategic partnership, 2010-08-16).
"""
from datetime import date

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import AnalysisError, UsageError
from kg.reports.ties import bloc, ties

runner = CliRunner()


def ids(refs):
    return [r["id"] for r in refs]


def test_ties_as_of_a_day(store, nk2020):
    store.load([nk2020])
    r = ties(store, "France", "Russia", date(2020, 9, 27))
    assert [(s["organization"]["id"], s["a"], s["b"]) for s in r["shared"]] == [
        ("OSCE_MG", {"role": "co-chair", "start": "1997-01-01"}, {"role": "co-chair", "start": "1997-01-01"})]
    assert (ids(r["only_a"]), ids(r["only_b"]), r["alliances"], r["direct"]) == (["EU", "NATO"], ["CSTO"], [], [])
    r = ties(store, "Yerevan", "Moscow", date(2009, 1, 1))
    assert ids(s["organization"] for s in r["shared"]) == ["CSTO"]
    assert [(a["kind"], a["start"]) for a in r["alliances"]] == [("defence_pact", "1997-08-29")]
    r = ties(store, "Armenia", "Russia", date(2000, 1, 1))  # before the CSTO's charter, after the pact
    assert r["shared"] == [] and len(r["alliances"]) == 1
    r = ties(store, "France", "EU", date(2020, 9, 27))
    assert [(d["member"]["id"], d["organization"]["id"], d["start"]) for d in r["direct"]] == [
        ("FRA", "EU", "1958-01-01")]
    with pytest.raises(UsageError, match="the same actor"):
        ties(store, "Turkey", "Ankara")


def test_bloc_names_who_breaks_ranks_and_on_which_statements(store, nk2020):
    store.load([nk2020])
    r = bloc(store, "NATO")
    assert r["on"] == "2020-09-27" and ids(r["members"]) == ["DEU", "FRA", "ITA", "TUR", "USA"]
    place = {m["id"]: m["place"] for m in r["members"]}
    # France, Germany and Italy call on both sides with the ceasefire callers; Turkey backs
    # Azerbaijan; the United States says nothing in this dataset
    assert place == {"DEU": "with the bloc", "FRA": "with the bloc", "ITA": "with the bloc",
                     "TUR": "breaks ranks", "USA": "silent"}
    turkey = next(m for m in r["members"] if m["id"] == "TUR")
    assert turkey["statements"] == 3 and turkey["camp"] != r["majority"]
    assert any("Azerbaijani brothers" in e["quote"] for e in turkey["evidence"])
    assert (r["breaks_ranks"], r["silent"]) == (["TUR"], ["USA"])
    # the CSTO: Armenia and Russia in different camps, one each: no majority, a split
    r = bloc(store, "CSTO")
    assert r["majority"] is None and {m["id"]: m["place"] for m in r["members"]} == {"ARM": "split", "RUS": "split"}


def test_bloc_and_ties_refuse_what_they_cannot_answer(store, nk2020):
    with pytest.raises(AnalysisError, match="the store is empty"):
        ties(store, "France", "Russia")
    store.load([nk2020])
    with pytest.raises(UsageError, match="a state: kg bloc takes an organisation"):
        bloc(store, "Turkey")


def test_cli_lines(nk2020):
    from tests.helpers import NK2020

    assert runner.invoke(app, ["load", str(NK2020)]).exit_code == 0
    r = runner.invoke(app, ["ties", "Turkey", "Azerbaijan", "--on", "2020-09-27"])
    assert r.exit_code == 0 and "allied: strategic partnership" in r.output
    r = runner.invoke(app, ["bloc", "NATO"])
    assert r.exit_code == 0 and "Turkey breaks ranks:" in r.output
    assert max(len(line) for line in r.output.splitlines()) <= 80
    r = runner.invoke(app, ["bloc", "Narnia"])
    assert r.exit_code == 2 and r.output.startswith("error: unknown actor 'Narnia'")


def test_camps_explain_counts_the_pairs_a_membership_or_an_alliance_links(store, nk2020):
    from kg.reports.camps import camps

    store.load([nk2020])
    ex = camps(store, runs=0, explain=True)["explain"]
    # By hand, on 2020-09-27. Camp 1 (Germany, EU, France, Italy, Russia, Holy See), 15 pairs:
    # Germany-France, Germany-Italy, France-Italy (EU, NATO), France-Russia (Minsk Group) and
    # each of the three in the EU: 7; no alliance. Camp 2 (Armenia, Karabakh): nothing. Camp 3
    # (Azerbaijan, Turkey): their alliance. Across camps (28 pairs): Armenia-Russia (CSTO and
    # their pact), Armenia-Azerbaijan (OSCE), Turkey with Germany, France, Italy (NATO): 5, 1.
    assert [(c["camp"], c["membership"]["linked"], c["membership"]["pairs"], c["alliance"]["linked"])
            for c in ex["camps"]] == [(1, 7, 15, 0), (2, 0, 1, 0), (3, 0, 1, 1)]
    assert (ex["same_camp"]["membership"]["share"], ex["same_camp"]["alliance"]["share"]) == (0.412, 0.059)
    assert (ex["other_camps"]["membership"]["linked"], ex["other_camps"]["alliance"]["linked"]) == (5, 1)
    assert (ex["all_pairs"]["membership"]["linked"], ex["all_pairs"]["membership"]["pairs"]) == (12, 45)
    assert ex["on"] == "2020-09-27" and "explain" not in camps(store, runs=0)
