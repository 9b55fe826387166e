"""Kill Neo4j in the middle of a large load, start it again, load again: same counts, no duplicates."""
import shutil

import pytest

from kg.errors import StoreError
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


def test_kill_mid_load_then_reload_gives_clean_counts(own_server):
    ctl, home = own_server
    ds = synthetic_dataset(20_000)
    state = ctl.ensure_running(home=home)
    store = Neo4jStore(state["uri"], state["user"], state["password"], batch_size=500, max_tx_rows=1000)
    store.clear()
    written = []

    def kill_at_40_percent(n):
        written.append(n)
        if sum(written) >= 0.4 * len(ds.statements) and not getattr(kill_at_40_percent, "done", False):
            kill_at_40_percent.done = True
            ctl.kill(home=home)

    with pytest.raises(StoreError):
        store.load([ds], progress=kill_at_40_percent)
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
    assert edges == [{"n": len(store.stance_edges()), "total": len(ds.statements)}]
    store.close()
