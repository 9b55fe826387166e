"""Every saved query in cypher/queries runs as-is with its :param defaults on the 2020 data."""
import re
from pathlib import Path

import pytest

from kg.store import open_store

pytestmark = pytest.mark.neo4j
QUERIES = Path(__file__).resolve().parent.parent / "cypher" / "queries"
PARAM = re.compile(r"^:param\s+(\w+)\s*=>\s*(.+?);?\s*$")


def split(text: str) -> tuple[list[tuple[str, str]], str]:
    """The (name, Cypher literal) of each :param line, and the query itself."""
    params, body = [], []
    for line in text.splitlines():
        m = PARAM.match(line)
        if m:
            params.append((m.group(1), m.group(2)))
        elif not line.strip().startswith("//"):
            body.append(line)
    return params, "\n".join(body).strip().rstrip(";")


@pytest.fixture(scope="module")
def run(neo4j_server, nk2020):
    mp = pytest.MonkeyPatch()
    for k in ("uri", "user", "password"):
        mp.setenv(f"NEO4J_{k.upper()}", neo4j_server[k])
    store = open_store("neo4j")
    store.clear()
    store.load([nk2020])

    def run_file(name: str, **override) -> list[dict]:
        text = (QUERIES / f"{name}.cypher").read_text(encoding="utf-8")
        assert text.startswith("//"), "each saved query starts with a comment saying what it answers"
        literals, query = split(text)
        # The server itself evaluates each :param literal, as Neo4j Browser does.
        params = {k: store.query(f"RETURN {v} AS v")[0]["v"] for k, v in literals}
        return store.query(query, {**params, **override})

    yield run_file
    store.close()
    mp.undo()


def test_every_file_is_checked():
    tested = {n[len("test_"):] for n in globals() if n.startswith("test_") and n != "test_every_file_is_checked"}
    assert {p.stem for p in QUERIES.glob("*.cypher")} == tested


def test_actor_stance(run):
    rows = {r["target"]: r for r in run("actor_stance")}
    assert rows["Azerbaijan"]["statements"] == 2 and rows["Azerbaijan"]["net_valence"] == 1.0
    assert any("Erdogan" in e for e in rows["Azerbaijan"]["evidence"])
    assert rows["Armenia"]["stances"] == ["accuse"]


def test_who_toward(run):
    rows = run("who_toward")
    assert [r["actor"] for r in rows] == ["Turkey"]
    assert "Recep Tayyip Erdogan" in rows[0]["speakers"] and rows[0]["statements"] == 2


def test_who_calls_for_ceasefire(run):
    actors = {r["actor"] for r in run("who_calls_for_ceasefire")}
    assert {"Russia", "France", "Germany", "Italy", "European Union", "Holy See"} <= actors
    assert not actors & {"Turkey", "Armenia", "Azerbaijan"}


def test_same_stance_pairs(run):
    pairs = {(r["actor"], r["other"]): r["shared"] for r in run("same_stance_pairs")}
    assert pairs[("France", "Germany")] == ["call_for_ceasefire → Armenia", "call_for_ceasefire → Azerbaijan"]
    assert ("Armenia", "Nagorno-Karabakh Republic") in pairs


def test_timeline(run):
    rows = run("timeline")
    assert len(rows) == 30
    assert rows[0]["day"] == "2020-07-16" and rows[0]["stance"] == "threaten"
    assert [r["day"] for r in rows] == sorted(r["day"] for r in rows)


def test_neighbourhood(run):
    rows = {(r["tie"], r["other"]) for r in run("neighbourhood")}
    assert ("ally", "Russia") in rows and ("member", "Collective Security Treaty Organization") in rows
    assert ("fellow member", "Russia") in rows and ("fellow member", "Azerbaijan") in rows


def test_shortest_path(run):
    (row,) = run("shortest_path")
    assert row["actors"][0] == "Turkey" and row["actors"][-1] == "Russia"
    assert 1 <= row["hops"] <= 3


def test_members_stances(run):
    rows = [(r["member"], r["target"], r["statements"], r["stances"]) for r in run("members_stances")]
    # NATO in the 2020 dataset: France, Germany and Italy call on both sides; Turkey backs
    # Azerbaijan twice (Turkey, Erdogan) and accuses Armenia; the United States said nothing
    assert rows == [
        ("France", "Armenia", 1, ["call_for_ceasefire"]), ("France", "Azerbaijan", 1, ["call_for_ceasefire"]),
        ("Germany", "Armenia", 1, ["call_for_ceasefire"]), ("Germany", "Azerbaijan", 1, ["call_for_ceasefire"]),
        ("Italy", "Armenia", 1, ["call_for_ceasefire"]), ("Italy", "Azerbaijan", 1, ["call_for_ceasefire"]),
        ("Turkey", "Azerbaijan", 2, ["support"]), ("Turkey", "Armenia", 1, ["accuse"]),
        ("United States", None, 0, [])]


def test_allies_opposite_sides(run, nk2020):
    # The 2020 dataset's two alliances hold: Russia and Armenia never take opposite sides toward
    # one target (Russia is even-handed or concerned, never friendly), and Turkey and Azerbaijan
    # are both hostile to Armenia; Turkey's support for Azerbaijan meets no hostility from it.
    assert run("allies_opposite_sides") == []
    # A made-up second crisis where the allies part: Turkey backs Armenia, Azerbaijan condemns it.
    from datetime import date

    from kg.model import Dataset, Source, Statement

    src = Source(url="https://example.org/allies-check")
    said = [Statement.create(speaker=a, date=date(2020, 10, 1), stance=st, targets=["ARM"], quote=q,
                             source=src.url, dataset="allies-check")
            for a, st, q in (("TUR", "support", "with Armenia"), ("AZE", "condemn", "against Armenia"))]
    store = open_store("neo4j")
    try:
        store.load([Dataset(name="allies-check", sources=(src,), statements=tuple(said))])
        assert run("allies_opposite_sides", dataset="allies-check") == [
            {"friendly": "Turkey", "hostile": "Azerbaijan", "alliance": "strategic_partnership",
             "target": "Armenia", "friendly_stances": ["support"], "hostile_stances": ["condemn"]}]
    finally:  # the other tests read the 2020 dataset alone
        store.clear()
        store.load([nk2020])
        store.close()
