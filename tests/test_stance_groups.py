"""Stance profiles added up in the store: ``said_by``, ``said_toward`` and ``kg stance`` on them.

The figures are counted by hand from the statements below; Neo4j reads them from its STANCE
edges where those answer, and from the statements where they do not.
"""
from datetime import date

from kg.model import Actor, Dataset, Role, Source, Statement
from kg.reports.stance import stance
from kg.store import StatementFilter

URL = "https://example.org/a"


def said(speaker, targets, stance_, day, confidence=1.0, on_behalf_of=None):
    """A statement on ``day`` of September 2020 (31 is 1 October)."""
    when = date(2020, 9, day) if day <= 30 else date(2020, 10, day - 30)
    return Statement.create(speaker=speaker, on_behalf_of=on_behalf_of, targets=targets, stance=stance_,
                            date=when, quote=f"{speaker} {stance_} {day}", source=URL, confidence=confidence)


S1 = said("TUR", ["AZE"], "support", 27)
S2 = said("erdogan", ["AZE"], "praise", 28, confidence=0.5, on_behalf_of="TUR")
S3 = said("TUR", ["ARM", "XYZ"], "condemn", 29)  # XYZ: no dataset describes it
S4 = said("ARM", ["TUR"], "accuse", 30)
S5 = said("AZE", ["erdogan"], "praise", 31)  # toward Turkey through its president
S6 = said("XYZ", ["TUR"], "oppose", 32)
S7 = said("TUR", ["ARM"], "warn", 33, on_behalf_of="OIC")  # Turkey speaking for the OIC


def crisis(*statements) -> Dataset:
    return Dataset(name="hand", sources=(Source(url=URL),), statements=statements, actors=(
        Actor(id="TUR", name="Turkey", kind="state", iso3="TUR"),
        Actor(id="AZE", name="Azerbaijan", kind="state", iso3="AZE"),
        Actor(id="ARM", name="Armenia", kind="state", iso3="ARM"), Actor(id="OIC", name="OIC", kind="organization"),
        Actor(id="erdogan", name="Recep Tayyip Erdogan", kind="person")),
        roles=(Role.create(person="erdogan", holder="TUR", title="President", start=date(2014, 8, 28)),))


def table(groups):
    return {g.key: (g.stances, g.n, round(g.valence, 6), round(g.weight, 6), g.first.day, g.last.day,
                    set(g.strongest)) for g in groups}


def test_said_by_and_toward_add_up_by_target_and_by_actor(store):
    store.load([crisis(S1, S2, S3, S4, S5, S6)])
    assert table(store.said_by("TUR")) == {
        "ARM": ((("condemn", 1),), 1, -0.9, 1.0, 29, 29, {S3.id}),
        "AZE": ((("praise", 1), ("support", 1)), 2, 1.4, 1.5, 27, 28, {S1.id, S2.id}),
        "XYZ": ((("condemn", 1),), 1, -0.9, 1.0, 29, 29, {S3.id})}
    assert table(store.said_toward("TUR")) == {
        "ARM": ((("accuse", 1),), 1, -0.7, 1.0, 30, 30, {S4.id}),
        "XYZ": ((("oppose", 1),), 1, -0.8, 1.0, 2, 2, {S6.id})}
    # a person: their own words, and what was said toward them
    assert table(store.said_by("erdogan")) == {"AZE": ((("praise", 1),), 1, 0.4, 0.5, 28, 28, {S2.id})}
    assert table(store.said_toward("erdogan")) == {"AZE": ((("praise", 1),), 1, 0.8, 1.0, 1, 1, {S5.id})}
    # filtered: up to 28 September
    assert table(store.said_by("TUR", StatementFilter(until=date(2020, 9, 28)))) == {
        "AZE": ((("praise", 1), ("support", 1)), 2, 1.4, 1.5, 27, 28, {S1.id, S2.id})}
    assert store.said_by("nobody") == [] and store.said_toward("nobody") == []


def test_an_actor_speaking_for_another_is_counted_by_what_it_said(store):
    store.load([crisis(S1, S2, S3, S4, S5, S6, S7)])
    # S7 was said by Turkey for the OIC: Turkey's words toward Armenia, the OIC's reaction to it
    assert table(store.said_by("TUR"))["ARM"] == (
        (("condemn", 1), ("warn", 1)), 2, -1.5, 2.0, 29, 3, {S3.id, S7.id})
    assert table(store.said_toward("ARM")) == {
        "OIC": ((("warn", 1),), 1, -0.6, 1.0, 3, 3, {S7.id}),
        "TUR": ((("condemn", 1),), 1, -0.9, 1.0, 29, 29, {S3.id})}
    assert table(store.said_by("OIC")) == {"ARM": ((("warn", 1),), 1, -0.6, 1.0, 3, 3, {S7.id})}


def test_kg_stance_reads_the_groups_and_shows_the_strongest_rows(store):
    store.load([crisis(S1, S2, S3, S4, S5, S6)])
    report = stance(store, "Turkey")
    rows = [(r["target"]["name"], r["net_valence"], r["n"]) for r in report["toward"]]
    assert rows == [("Azerbaijan", 0.933, 2), ("Armenia", -0.9, 1), ("XYZ", -0.9, 1)]
    assert [e["statement"] for e in report["toward"][0]["evidence"]] == [S1.id, S2.id]
    # from: Azerbaijan through Erdogan, who spoke for Turkey on 1 October
    rows = [(r["actor"]["name"], r["net_valence"], r["n"]) for r in report["from"]]
    assert rows == [("Azerbaijan", 0.8, 1), ("XYZ", -0.8, 1), ("Armenia", -0.7, 1)]
    assert [e["statement"] for e in report["from"][0]["evidence"]] == [S5.id]
    assert report["total"] == {"toward": 3, "from": 3}
    cut = stance(store, "Turkey", limit=1)
    assert [r["target"]["id"] for r in cut["toward"]] == ["AZE"] and cut["total"] == report["total"]
    assert cut["toward"][0] == report["toward"][0]
    # as of 29 September: neither reaction yet
    assert [r["target"]["id"] for r in stance(store, "Turkey", as_of=date(2020, 9, 29))["toward"]] == [
        "AZE", "ARM", "XYZ"]
    assert stance(store, "Turkey", as_of=date(2020, 9, 29))["from"] == []


def test_kg_stance_limit_on_the_command_line():
    from typer.testing import CliRunner

    from kg.cli import app
    from kg.store import open_store

    with open_store("embedded") as db:
        db.load([crisis(S1, S2, S3, S4, S5, S6)])
    r = CliRunner().invoke(app, ["stance", "Turkey", "--limit", "1"], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert "2 more rows: Turkey's stance toward others (see --limit)" in r.output
    assert "Azerbaijan" in r.output and "Armenia" not in r.output.split("reactions toward")[0]
    r = CliRunner().invoke(app, ["stance", "Turkey", "--limit", "-1"])
    assert r.exit_code == 2
    # the default (the CLI cannot import the report at start-up) is the report's
    from kg.reports.stance import ROWS

    assert f"[default: {ROWS};" in CliRunner().invoke(app, ["stance", "--help"], env={"COLUMNS": "200"}).output


def test_neo4j_edges_keep_the_three_strongest_across_batches(neo4j_env):
    from kg.store.neo4j import Neo4jStore

    weak_to_strong = [said("TUR", ["AZE"], "support", d, confidence=c)
                      for d, c in ((20, 0.2), (21, 0.4), (22, 0.6), (23, 1.0), (24, 0.8))]
    with Neo4jStore(batch_size=2, max_tx_rows=0) as db:  # three transactions of two, two and one
        db.clear()
        db.load([crisis(*weak_to_strong)])
        (g,) = db._from_edges("said_by", "TUR", None)
        assert g.strongest == (weak_to_strong[3].id, weak_to_strong[4].id, weak_to_strong[2].id)
        assert (g.n, round(g.valence, 6), round(g.weight, 6)) == (5, 3.0, 3.0)
        # one changed statement: the edges of its actor are recomputed whole, the order kept
        db.load([crisis(weak_to_strong[0].model_copy(update={"confidence": 0.9}))])
        (g,) = db._from_edges("said_by", "TUR", None)
        assert g.strongest == (weak_to_strong[3].id, weak_to_strong[0].id, weak_to_strong[4].id)
        db.clear()


def test_neo4j_placeholders_are_no_actors_but_carry_the_links(neo4j_env):
    from kg.store.neo4j import Neo4jStore

    with Neo4jStore() as db:
        db.clear()
        db.load([crisis(S1, S2, S3, S4, S5, S6, S7)])
        assert db.counts()["actors"] == 5
        assert "XYZ" not in {a.id for a in db.actors()}
        # XYZ has its node, so Turkey's statement toward it has its TOWARD link and STANCE edge
        (row,) = db._run_read("MATCH (:Actor {id: 'TUR'})-[e:STANCE]->(:Actor {id: 'XYZ'}) RETURN e.n AS n")
        assert row["n"] == 1
        assert ("TUR", "XYZ", "condemn", 1) in {(e.source, e.target, e.stance, e.n) for e in db.stance_edges()}
        # Turkey spoke for the OIC (S7): its edges no longer hold all it said; Armenia's still do
        assert db._from_edges("said_by", "TUR", None) is None
        assert db._from_edges("said_toward", "ARM", None) is not None
        # the actor arrives: a whole record, the mark kept
        db.load([Dataset(name="xyz", actors=(Actor(id="XYZ", name="Xyzland", kind="organization"),))])
        assert db.counts()["actors"] == 6
        assert [a.name for a in db.actors() if a.id == "XYZ"] == ["Xyzland"]
        assert db._from_edges("said_by", "TUR", None) is None
        db.clear()


def edges(store, **kw):
    return {(e.source, e.target, e.stance): (e.n, round(e.valence, 6), round(e.weight, 6), e.first.day, e.last.day)
            for e in store.stance_edges(**kw)}


def test_the_stance_edges_are_kept_up_to_date_at_load_time(store):
    everything = {"where": StatementFilter(since=date(1900, 1, 1))}  # added up from the statements
    store.load([crisis(S1, S2, S3, S4, S5, S6)])
    by_hand = {("TUR", "AZE", "support"): (1, 1.0, 1.0, 27, 27), ("TUR", "AZE", "praise"): (1, 0.4, 0.5, 28, 28),
               ("TUR", "ARM", "condemn"): (1, -0.9, 1.0, 29, 29), ("TUR", "XYZ", "condemn"): (1, -0.9, 1.0, 29, 29),
               ("ARM", "TUR", "accuse"): (1, -0.7, 1.0, 30, 30), ("AZE", "erdogan", "praise"): (1, 0.8, 1.0, 1, 1),
               ("XYZ", "TUR", "oppose"): (1, -0.8, 1.0, 2, 2)}
    assert edges(store) == by_hand == edges(store, **everything)
    # a second dataset: a new statement adds to an edge, a changed one replaces its share
    store.load([Dataset(name="more", sources=(Source(url=URL),), statements=(
        said("TUR", ["AZE"], "support", 20).model_copy(update={"dataset": "more"}),
        S1.model_copy(update={"confidence": 0.5})))])
    by_hand[("TUR", "AZE", "support")] = (2, 1.5, 1.5, 20, 27)
    assert edges(store) == by_hand == edges(store, **everything)
    # dropping the dataset takes its statement away; the changed one was rewritten, not added
    assert store.drop_dataset("more") == 1
    by_hand[("TUR", "AZE", "support")] = (1, 0.5, 0.5, 27, 27)
    assert edges(store) == by_hand == edges(store, **everything)


def test_an_embedded_store_of_version_1_gets_its_stance_edges_on_opening(tmp_path):
    import sqlite3

    from kg.store.embedded import SCHEMA_VERSION, EmbeddedStore

    with EmbeddedStore(tmp_path / "kg.sqlite") as db:
        db.load([crisis(S1, S2, S3, S4, S5, S6)])
        expected = edges(db)
    old = sqlite3.connect(tmp_path / "kg.sqlite")
    old.executescript("DROP TABLE stance_edges; PRAGMA user_version = 1;")
    old.close()
    with EmbeddedStore(tmp_path / "kg.sqlite") as db:
        assert edges(db) == expected and len(expected) == 7
        assert db.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3


def test_an_embedded_store_of_version_2_gets_the_index_on_the_actor_spoken_for_on_opening(tmp_path):
    import sqlite3

    from kg.store.embedded import EmbeddedStore

    with EmbeddedStore(tmp_path / "kg.sqlite") as db:
        db.load([crisis(S1, S2, S3, S4, S5, S6)])
        expected = (edges(db), db.involvement())
    old = sqlite3.connect(tmp_path / "kg.sqlite")
    old.executescript("DROP INDEX statements_actor; PRAGMA user_version = 2;")
    old.close()
    with EmbeddedStore(tmp_path / "kg.sqlite") as db:
        indexes = [r[1] for r in db.db.execute("PRAGMA index_list(statements)")]
        assert "statements_actor" in indexes and (edges(db), db.involvement()) == expected
        assert db.db.execute("PRAGMA user_version").fetchone()[0] == 3


def test_involvement_counts_each_statement_once_per_actor_it_names(store):
    # S8 names Turkey as its source and a target: once. By hand, rolled up (S2 counts for Turkey,
    # S7 for the OIC), by speaker (S2 for Erdogan, S7 for Turkey), and from 29 September on.
    s8 = said("TUR", ["TUR", "ARM"], "concern", 34)
    store.load([crisis(S1, S2, S3, S4, S5, S6, S7, s8)])
    assert store.involvement() == {"TUR": 6, "AZE": 3, "ARM": 4, "XYZ": 2, "erdogan": 1, "OIC": 1}
    assert store.involvement(rollup=False) == {"TUR": 6, "AZE": 3, "ARM": 4, "XYZ": 2, "erdogan": 2}
    assert store.involvement(StatementFilter(since=date(2020, 9, 29))) == {
        "TUR": 4, "AZE": 1, "ARM": 4, "XYZ": 2, "erdogan": 1, "OIC": 1}
    # the unfiltered count takes a shortcut through the kept edges; a filter that keeps every
    # statement takes the general one
    assert store.involvement(StatementFilter(since=date(2000, 1, 1))) == store.involvement()


def test_statement_rows_are_the_statements_without_their_words(store):
    from kg.store.base import StatementRow

    store.load([crisis(S1, S2, S3, S7)])
    assert list(store.statement_rows(StatementFilter(toward=frozenset({"ARM", "AZE"})))) == [
        StatementRow(S1.id, "TUR", None, date(2020, 9, 27), "support", 1.0, 1.0, ("AZE",)),
        StatementRow(S2.id, "erdogan", "TUR", date(2020, 9, 28), "praise", 0.8, 0.5, ("AZE",)),
        StatementRow(S3.id, "TUR", None, date(2020, 9, 29), "condemn", -0.9, 1.0, ("ARM", "XYZ")),
        StatementRow(S7.id, "TUR", "OIC", date(2020, 10, 3), "warn", -0.6, 1.0, ("ARM",))]
    assert [r.id for r in store.statement_rows(StatementFilter(by=frozenset({"OIC"})))] == [S7.id]
    assert list(store.statement_rows(StatementFilter(since=date(2021, 1, 1)))) == []
