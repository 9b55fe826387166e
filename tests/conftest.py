"""Fixtures: the 2020 dataset, a temporary home, and one store fixture for both stores."""
from __future__ import annotations

import os

import pytest

from tests.helpers import (
    NK2020,
    STORE_KINDS,
    compose_neo4j,
    docker_answers,
    gephi_skip_reason,
    load_gephictl,
    load_neo4jctl,
)


@pytest.fixture(autouse=True)
def kg_home(tmp_path, monkeypatch):
    """Every test gets its own embedded store and never touches ~/.kg."""
    home = tmp_path / "kg-home"
    monkeypatch.setenv("KG_HOME", str(home))
    monkeypatch.delenv("KG_STORE", raising=False)
    return home


@pytest.fixture(scope="session")
def nk2020():
    from kg.ingest.curated import read_dataset

    return read_dataset(NK2020)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """A real Neo4j for the session: NEO4J_URI if set, else a testcontainer, else the local launcher."""
    if os.environ.get("NEO4J_URI"):
        yield {"uri": os.environ["NEO4J_URI"], "user": os.environ.get("NEO4J_USER", "neo4j"),
               "password": os.environ.get("NEO4J_PASSWORD", ""), "how": "NEO4J_URI"}
        return
    if docker_answers():
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer(compose_neo4j()["image"], password="kg-test-password") as c:
            yield {"uri": c.get_connection_url(), "user": "neo4j", "password": "kg-test-password",
                   "how": "testcontainers"}
        return
    ctl = load_neo4jctl()
    home = tmp_path_factory.mktemp("neo4j-home")
    # ensure_running stops what it spawned if it fails or is interrupted (Ctrl-C, SIGTERM);
    # the finally covers the rest: a failure before the yield and the teardown.
    try:
        state = ctl.ensure_running(home=str(home))
        yield {**state, "how": "local launcher", "home": str(home), "ctl": ctl}
    finally:
        ctl.stop(home=str(home))


@pytest.fixture
def neo4j_env(neo4j_server, monkeypatch):
    """The environment that points kg at the test server."""
    monkeypatch.setenv("NEO4J_URI", neo4j_server["uri"])
    monkeypatch.setenv("NEO4J_USER", neo4j_server["user"])
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server["password"])
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    return neo4j_server


@pytest.fixture(params=STORE_KINDS)
def store(request, tmp_path):
    """An empty store of each kind; every test using it runs once per store."""
    from kg.store import open_store

    if request.param == "embedded":
        s = open_store("embedded", path=tmp_path / "kg.sqlite")
    else:
        request.getfixturevalue("neo4j_env")
        s = open_store(request.param)
    s.clear()
    yield s
    s.close()


@pytest.fixture(scope="session")
def gephi():
    """tools/gephi/gephictl.py with Gephi Toolkit fetched and GephiCheck compiled (once), or a skip
    saying what is missing (Java, a JDK, or the jars and Maven to fetch them)."""
    ctl = load_gephictl()
    why = gephi_skip_reason(ctl)
    if why:
        pytest.skip(why)
    ctl.fetch(verbose=False)
    return ctl
