"""The Neo4j store on a real server: graph shape, schema, kg query and faults."""
import json
import re
import socket
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError, StoreAuthError
from kg.store import open_store
from kg.store.neo4j import LABELS, cypher, statements_of

pytestmark = pytest.mark.neo4j
runner = CliRunner()


@pytest.fixture
def neo(neo4j_env, nk2020):
    s = open_store("neo4j")
    s.clear()
    s.load([nk2020])
    yield s
    s.close()


def test_schema_is_applied_and_idempotent(neo):
    neo.apply_schema()
    neo.apply_schema()
    names = {r["name"] for r in neo.query("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"actor_id", "statement_id", "source_url"} <= names
    indexes = {r["name"] for r in neo.query("SHOW INDEXES YIELD name RETURN name")}
    assert {"statement_date", "statement_stance"} <= indexes
    assert len(statements_of(cypher("schema"))) == len(
        [ln for ln in cypher("schema").splitlines() if ln.startswith("CREATE")])


def test_graph_shape_reads_well_in_browser(neo):
    labels = {r["id"]: set(r["labels"]) for r in neo.query("MATCH (a:Actor) RETURN a.id AS id, labels(a) AS labels")}
    assert labels["TUR"] == {"Actor", "State"} and labels["erdogan"] == {"Actor", "Person"}
    assert labels["NKR"] == {"Actor", "Authority"} and labels["EU"] == {"Actor", "Organization"}
    assert set().union(*labels.values()) <= {"Actor", *LABELS.values()}
    (row,) = neo.query(
        "MATCH (:Actor {id:'erdogan'})-[:SAID]->(s:Statement)-[:TOWARD]->(t:Actor), "
        "(s)-[:ON_BEHALF_OF]->(b:Actor), (s)-[:REPORTED_IN]->(src:Source) "
        "RETURN t.id AS t, b.id AS b, s.stance AS stance, src.publisher AS pub")
    assert row == {"t": "AZE", "b": "TUR", "stance": "support", "pub": "The Moscow Times (AFP)"}
    (role,) = neo.query("MATCH (:Person {id:'erdogan'})-[r:HOLDS_ROLE {title:'President'}]->(h) "
                        "RETURN h.id AS h, toString(r.start) AS start")
    assert role == {"h": "TUR", "start": "2014-08-28"}
    (ally,) = neo.query("MATCH (:Actor {id:'ARM'})-[r:ALLIED_WITH]-(o) RETURN o.id AS o, r.kind AS kind")
    assert ally == {"o": "RUS", "kind": "defence_pact"}


def relationship_counts(neo) -> dict:
    rows = neo.query("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS n ORDER BY t")
    return {r["t"]: r["n"] for r in rows}


def test_reloading_duplicates_no_relationship(neo, nk2020):
    before = relationship_counts(neo)
    assert before["SAID"] == before["REPORTED_IN"] == 30
    neo.load([nk2020])
    neo.load([nk2020])
    assert relationship_counts(neo) == before


def test_materialised_stance_edges_match_the_statements(neo, nk2020):
    rows = neo.query("MATCH (a)-[r:STANCE]->(b) RETURN a.id AS a, b.id AS b, r.stance AS stance, "
                     "r.n AS n, r.valence AS valence, toString(r.first) AS first ORDER BY a, b, stance")
    from kg.store import StatementFilter

    edges = neo.stance_edges(StatementFilter(datasets=frozenset({nk2020.name})))  # added up from the statements
    assert [(r["a"], r["b"], r["stance"], r["n"]) for r in rows] == [
        (e.source, e.target, e.stance, e.n) for e in edges]
    tur = next(r for r in rows if (r["a"], r["b"], r["stance"]) == ("TUR", "AZE", "support"))
    assert tur["n"] == 2 and tur["valence"] == 2.0
    neo.load([nk2020])  # reloading refreshes the edges instead of adding more
    assert neo.query("MATCH ()-[r:STANCE]->() RETURN count(r) AS n")[0]["n"] == len(edges)


def test_stance_edges_kept_up_to_date_as_batches_arrive_and_statements_change(neo4j_env, nk2020):
    """New statements add to the STANCE edges as they are loaded; a changed one recomputes its
    actors' edges. Either way the edges are what the statements add up to."""
    from kg.model import Dataset

    s = open_store("neo4j")
    s.clear()
    first, rest = nk2020.statements[:15], nk2020.statements[15:]
    s.load([nk2020.model_copy(update={"statements": first})])
    s.load([nk2020.model_copy(update={"statements": rest})])

    def materialised():
        return [(r["a"], r["b"], r["stance"], r["n"]) for r in s.query(
            "MATCH (a)-[r:STANCE]->(b) RETURN a.id AS a, b.id AS b, r.stance AS stance, r.n AS n "
            "ORDER BY a, b, stance")]

    from kg.store import StatementFilter

    summed = StatementFilter(datasets=frozenset({nk2020.name}))  # added up from the statements, not the edges
    assert materialised() == [(e.source, e.target, e.stance, e.n) for e in s.stance_edges(summed)]
    tur = [row for row in materialised() if row[:3] == ("TUR", "AZE", "support")]
    assert tur == [("TUR", "AZE", "support", 2)]  # Turkey's two statements of support, one per batch or not
    # one of them now says something else: Turkey's support of Azerbaijan drops to one
    one = next(x for x in nk2020.statements if (x.on_behalf_of or x.speaker) == "TUR" and x.stance == "support")
    s.load([Dataset(name=nk2020.name, actors=nk2020.actors, sources=nk2020.sources,
                    statements=(one.model_copy(update={"stance": "concern", "valence": -0.2}),))])
    assert [row for row in materialised() if row[:2] == ("TUR", "AZE")] == [
        ("TUR", "AZE", "concern", 1), ("TUR", "AZE", "support", 1)]
    assert materialised() == [(e.source, e.target, e.stance, e.n) for e in s.stance_edges(summed)]
    s.clear()
    s.close()


def test_query_is_read_only_and_takes_parameters(neo):
    rows = neo.query("MATCH (a:Actor {id: $id})-[s:STANCE]->(t) RETURN t.id AS t, s.stance AS st ORDER BY t",
                     {"id": "TUR"})
    assert rows == [{"t": "ARM", "st": "accuse"}, {"t": "AZE", "st": "support"}]
    for write in ("CREATE (n:Evil) RETURN n", "MATCH (n:Actor) DETACH DELETE n",
                  "MATCH (a:Actor {id:'TUR'}) SET a.name = 'x'"):
        with pytest.raises(QueryError, match="plain reads only, and this query is not one: it would write"):
            neo.query(write)
    assert neo.counts()["actors"] == 28
    assert neo.query("MATCH (a:Actor {id:'TUR'}) RETURN a.name AS n") == [{"n": "Turkey"}]


@pytest.mark.parametrize("query, why", [
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "it ends other sessions' transactions"),
    ("SHOW TRANSACTIONS", "it looks into other sessions' transactions"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row[0]", "LoadCSV reads files"),
    ("CALL apoc.cypher.run('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN value",
     "the procedure apoc.cypher.run is not one kg query allows"),
    ("CALL dbms.components() YIELD name RETURN name", "it is no plain read (query type 's')"),
])
def test_only_plain_reads_run(neo, query, why):
    with pytest.raises(QueryError, match=re.escape(why)):
        neo.query(query)
    assert neo.counts()["actors"] == 28


@pytest.mark.parametrize("query, expected", [
    ("CALL db.labels() YIELD label WHERE label = 'State' RETURN label", [{"label": "State"}]),
    ("SHOW CONSTRAINTS YIELD name WHERE name = 'actor_id' RETURN name", [{"name": "actor_id"}]),
    ("MATCH p = shortestPath((a:Actor {id:'TUR'})-[*..3]-(b:Actor {id:'ARM'})) RETURN length(p) AS n", [{"n": 1}]),
    ("MATCH (a:Actor {id:'TUR'}) RETURN a.id AS x UNION MATCH (a:Actor {id:'ARM'}) RETURN a.id AS x",
     [{"x": "TUR"}, {"x": "ARM"}]),
    ("MATCH (a:Actor {id:'TUR'}) RETURN apoc.coll.sort([(a)-[:STANCE]->(t) | t.id]) AS ts", [{"ts": ["ARM", "AZE"]}]),
])
def test_plain_reads_of_every_shape_run(neo, query, expected):
    got = neo.query(query)
    assert sorted(got, key=str) == sorted(expected, key=str)


def test_a_query_is_cut_at_the_limit_and_stopped_at_the_timeout(neo):
    rows = neo.query("UNWIND range(1, 2000000) AS x RETURN x", limit=5)
    assert list(rows) == [{"x": i} for i in range(1, 6)] and rows.cut is True
    rows = neo.query("UNWIND range(1, 5) AS x RETURN x", limit=5)
    assert len(rows) == 5 and rows.cut is False
    with pytest.raises(QueryError, match="the query ran longer than 1 s and was stopped"):
        neo.query("UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n", timeout=1)
    r = runner.invoke(app, ["query", "UNWIND range(1, 2000000) AS x RETURN x", "--limit", "3",
                            "--store", "neo4j", "--json"])
    assert r.exit_code == 0 and "only the first 3 rows: the query returns more" in r.output


def test_server_notifications_are_not_printed(neo):
    # A label the database has never seen makes the server send a "does not exist" warning,
    # as every query does on a fresh, empty database; users should not see those.
    # A real process: pytest's own log capture would hide what a user's terminal shows.
    r = subprocess.run([sys.executable, "-m", "kg", "query", "MATCH (n:NeverSeenLabelXyz) RETURN count(n) AS n",
                        "--store", "neo4j", "--json"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == [{"n": 0}]
    assert r.stderr == ""


def test_kg_query_cli(neo):
    r = runner.invoke(app, ["query", "MATCH (a:Actor {id: $id}) RETURN a.name AS name", "-p", "id=TUR",
                            "--store", "neo4j", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == [{"name": "Turkey"}]
    r = runner.invoke(app, ["query", "CREATE (n:X)", "--store", "neo4j"])
    assert r.exit_code == 5 and r.output.startswith("error: refused: kg query runs plain reads only")
    r = runner.invoke(app, ["query", "MATCH (n RETURN n", "--store", "neo4j"])
    assert r.exit_code == 5 and "Cypher syntax error" in r.output and "Traceback" not in r.output


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connection_flags_win_over_the_environment(neo4j_env):
    port = free_port()
    r = runner.invoke(app, ["--neo4j-uri", f"bolt://127.0.0.1:{port}", "stance", "Turkey", "--store", "neo4j"])
    assert r.exit_code == 4 and f"bolt://127.0.0.1:{port}" in r.output
    r = runner.invoke(app, ["--neo4j-database", "otherdb", "actors", "--store", "neo4j"])
    assert r.exit_code == 8 and "no database 'otherdb'" in r.output
    r = runner.invoke(app, ["--neo4j-uri", neo4j_env["uri"], "actors", "--store", "neo4j", "--json"])
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("env,code,expected", [
    ({"NEO4J_URI": "bolt://127.0.0.1:{port}"}, 4, "error: cannot reach Neo4j at bolt://127.0.0.1:{port}"),
    ({"NEO4J_PASSWORD": "not-the-password-x9"}, 7, "error: Neo4j at {uri} refused user 'neo4j'"),
    ({"NEO4J_DATABASE": "nosuchdb"}, 8, "error: Neo4j at {uri} has no database 'nosuchdb'"),
])
def test_faults_give_one_line_and_a_distinct_exit_code(neo4j_env, monkeypatch, env, code, expected):
    port = free_port()
    for k, v in env.items():
        monkeypatch.setenv(k, v.format(port=port))
    r = runner.invoke(app, ["stance", "Turkey", "--store", "neo4j"])
    lines = r.output.strip().splitlines()
    assert r.exit_code == code
    assert len(lines) == 1 and lines[0].startswith(expected.format(port=port, uri=neo4j_env["uri"])), r.output
    assert "not-the-password-x9" not in r.output and neo4j_env["password"] not in r.output


def test_local_server_serves_neo4j_browser(neo4j_server):
    import urllib.request

    if "browser_url" not in neo4j_server:
        pytest.skip(f"the server came from {neo4j_server['how']}, whose HTTP address kg does not know")
    with urllib.request.urlopen(neo4j_server["browser_url"], timeout=10) as r:
        page = r.read().decode("utf-8", "replace")
    assert r.status == 200 and "<title>Neo4j Browser</title>" in page


def _kg_info(uri: str, tmp_path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "KG_HOME": str(tmp_path), "NEO4J_URI": uri, "NEO4J_PASSWORD": "x"}
    return subprocess.run([sys.executable, "-m", "kg", "info", "--store", "neo4j"], capture_output=True, text=True,
                          timeout=60, env=env)


@pytest.mark.parametrize("uri, code, line", [
    # the driver's HTTP preview would need aiohttp and print a traceback: kg speaks Bolt only
    ("http://127.0.0.1:7474", 2, "error: NEO4J_URI 'http://127.0.0.1:7474': kg speaks Bolt, so the URI starts "
                                 "with bolt:// or neo4j:// (as bolt://127.0.0.1:7687)"),
    # a password inside the URI is never echoed
    ("bolt://neo4j:topsecret@127.0.0.1:{port}", 4, "error: cannot reach Neo4j at bolt://127.0.0.1:{port}: start one"),
    # the driver's routing failure is logged, then raised: one line only
    ("neo4j://127.0.0.1:{port}", 4, "error: cannot reach Neo4j at neo4j://127.0.0.1:{port}: start one"),
])
def test_bad_or_unreachable_uris_are_one_line(tmp_path, uri, code, line):
    port = free_port()
    r = _kg_info(uri.format(port=port), tmp_path)
    assert r.returncode == code, r.stderr
    [only] = r.stderr.splitlines()
    assert only.startswith(line.format(port=port)) and "topsecret" not in r.stderr + r.stdout


def test_the_login_rate_limit_says_so(neo4j_server):
    import time

    from kg.store.neo4j import Neo4jStore

    messages = []
    for _ in range(5):  # the server locks the user out for a few seconds after three wrong passwords
        with pytest.raises(StoreAuthError) as e:
            Neo4jStore(neo4j_server["uri"], neo4j_server["user"], "not-the-password")
        messages.append(str(e.value))
    assert any("refuses logins for a while after too many wrong passwords" in m for m in messages), messages
    assert StoreAuthError.exit_code == 7  # the same exit code as a wrong password
    end = time.monotonic() + 60  # let the lock pass, for the tests after this one
    while True:
        try:
            Neo4jStore(neo4j_server["uri"], neo4j_server["user"], neo4j_server["password"]).close()
            break
        except StoreAuthError:
            if time.monotonic() > end:
                raise
            time.sleep(1)


def test_the_local_server_reads_csv_files_from_its_import_folder_only(neo4j_server, tmp_path):
    """What the Browser (or any driver session) can read: no LOAD CSV outside <data>/import."""
    if neo4j_server["how"] != "local launcher":
        pytest.skip(f"checks the local launcher's settings; this server comes from {neo4j_server['how']}")
    from pathlib import Path

    import neo4j

    (Path(neo4j_server["data_dir"]) / "import" / "kg-test.csv").write_text("a,b\n1,2\n")
    auth = (neo4j_server["user"], neo4j_server["password"])
    with neo4j.GraphDatabase.driver(neo4j_server["uri"], auth=auth) as driver:
        rows, _, _ = driver.execute_query("LOAD CSV FROM 'file:///kg-test.csv' AS row RETURN row")
        assert [r["row"] for r in rows] == [["a", "b"], ["1", "2"]]
        for url in ("file:///etc/passwd", "file:///../state.json", "file:///../../state.json"):
            with pytest.raises(neo4j.exceptions.ClientError, match="Couldn't load the external resource"):
                driver.execute_query(f"LOAD CSV FROM '{url}' AS row RETURN row")


def test_the_routing_scheme_loads_and_reads_through_the_local_server(neo4j_env, nk2020):
    """neo4j:// (what a cluster or Aura needs: writes to the leader, reads to readers) against the
    single local server, which answers for every role."""
    uri = neo4j_env["uri"].replace("bolt://", "neo4j://")
    routed = open_store("neo4j", uri=uri)
    try:
        routed.clear()
        assert routed.load([nk2020])["statements"] == len(nk2020.statements) == 30
        assert {d.name for d in routed.datasets()} == {"nagorno-karabakh-2020"}
        assert routed.drop_dataset("nagorno-karabakh-2020") == 30
        assert routed.counts()["statements"] == 0
    finally:
        routed.clear()
        routed.close()
