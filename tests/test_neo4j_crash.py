"""Kill Neo4j in the middle of a large load, start it again, load again: same counts, no duplicates."""
import shutil
from datetime import date

import pytest

from kg.errors import StoreError
from kg.store import StatementFilter
from kg.store.neo4j import Neo4jStore
from kg.synthetic import synthetic_dataset
from tests.helpers import load_neo4jctl

pytestmark = pytest.mark.neo4j


@pytest.fixture
def own_server(tmp_path):
    """A local server of this test's own, since the test kills it."""
    if shutil.which("java") is None:
        pytest.skip("the crash test starts its own local Neo4j and needs Java")
    ctl = load_neo4jctl()
    home = str(tmp_path / "neo4j-crash")
    yield ctl, home
    ctl.stop(home=home)


def kill_at(share: float, total: int, ctl, home: str):
    """A load's progress callback that kills the server once ``share`` of ``total`` records are written."""
    written = []

    def progress(n):
        written.append(n)
        if sum(written) >= share * total and not getattr(progress, "done", False):
            progress.done = True
            ctl.kill(home=home)

    return progress


def test_kill_mid_load_then_reload_gives_clean_counts(own_server):
    ctl, home = own_server
    ds = synthetic_dataset(20_000)
    state = ctl.ensure_running(home=home)
    store = Neo4jStore(state["uri"], state["user"], state["password"], batch_size=500, max_tx_rows=1000)
    store.clear()
    with pytest.raises(StoreError):
        store.load([ds], progress=kill_at(0.4, len(ds.statements), ctl, home))
    store.close()

    state = ctl.ensure_running(home=home)  # the database recovers from its transaction log
    store = Neo4jStore(state["uri"], state["user"], state["password"], batch_size=500, max_tx_rows=1000)
    partial = store.counts()["statements"]
    assert 0 < partial < len(ds.statements), "the kill must land in the middle of the load"
    after = store.load([ds])
    assert after == ds.counts()
    dupes = store.query("MATCH (s:Statement) WITH s.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS n")
    assert dupes == [{"n": 0}]
    links = store.query("MATCH (s:Statement)-[r:TOWARD]->() RETURN count(r) AS n")
    assert links == [{"n": len(ds.statements)}]
    edges = store.query("MATCH ()-[r:STANCE]->() RETURN count(r) AS n, sum(r.n) AS total")
    # a filter that keeps everything: added up from the statements, not read from the edges
    from_statements = store.stance_edges(StatementFilter(since=date(1900, 1, 1)))
    assert edges == [{"n": len(from_statements), "total": len(ds.statements)}]
    assert store.stance_edges() == from_statements
    store.close()


def test_kill_mid_reload_leaves_no_statement_without_links(own_server):
    ctl, home = own_server
    ds = synthetic_dataset(10_000)
    state = ctl.ensure_running(home=home)
    store = Neo4jStore(state["uri"], state["user"], state["password"], batch_size=500, max_tx_rows=1000)
    store.clear()
    store.load([ds])  # everything stored once; the reload rewrites every statement's links
    store.close()
    store = Neo4jStore(state["uri"], state["user"], state["password"], batch_size=500, max_tx_rows=1000)
    with pytest.raises(StoreError):
        store.load([ds], progress=kill_at(0.5, len(ds.statements), ctl, home))
    store.close()
    state = ctl.ensure_running(home=home)
    store = Neo4jStore(state["uri"], state["user"], state["password"])
    # each batch was unlinked and linked again in one transaction: no orphan, before any repair
    orphans = store.query("MATCH (s:Statement) WHERE NOT (s)-[:TOWARD]->() OR NOT (:Actor)-[:SAID]->(s) "
                          "OR NOT (s)-[:REPORTED_IN]->() RETURN count(s) AS n")
    assert orphans == [{"n": 0}] and store.counts()["statements"] == len(ds.statements)
    store.close()


def test_a_mid_size_load_succeeds_on_the_default_server(neo4j_env):
    # 30,000 statements in one transaction went past the default server's transaction memory
    # (exit 3); past MAX_TX_ROWS a load goes batch by batch, whatever its size
    from kg.store import open_store

    ds = synthetic_dataset(50_000)
    with open_store("neo4j") as store:
        store.clear()
        assert store.load([ds])["statements"] == 50_000
        assert store.query("MATCH (s:Statement)-[r:TOWARD]->() RETURN count(r) AS n") == [{"n": 50_000}]
        store.clear()
