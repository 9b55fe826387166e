"""`kg info` shows where the data is; `kg reset` removes it, after asking."""
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.helpers import NK2020

runner = CliRunner()

RECORDS = "28 actors, 1 source, 12 roles, 15 memberships, 2 alliances, 30 statements"
COUNTS = {"actors": 28, "sources": 1, "roles": 12, "memberships": 15, "alliances": 2, "statements": 30}


def kg(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture
def loaded(kg_home):
    r = kg("load", NK2020)
    assert r.exit_code == 0, r.output
    return kg_home / "kg.sqlite"


@pytest.fixture
def a_terminal(monkeypatch):
    """Pretend standard input is a terminal, so that kg reset asks (CliRunner's input is not one)."""
    monkeypatch.setattr("kg.cli.data._interactive", lambda: True)


def test_info_shows_the_store_under_kg_home_and_its_records(loaded, kg_home):
    r = kg("info")
    assert r.exit_code == 0, r.output
    assert r.output == (f"store:    embedded\nlocation: {kg_home}/kg.sqlite (KG_HOME={kg_home})\n"
                        f"records:  {RECORDS}\n")
    assert json.loads(kg("info", "--json").output) == {
        "store": "embedded", "location": f"{kg_home}/kg.sqlite", "exists": True, "counts": COUNTS}


def test_info_before_any_load_creates_nothing(kg_home):
    r = kg("info")
    assert r.exit_code == 0
    assert f"location: {kg_home}/kg.sqlite (KG_HOME={kg_home}; not created yet: kg load creates it)" in r.output
    assert "records:  no records" in r.output
    assert not (kg_home / "kg.sqlite").exists()


def test_reset_yes_empties_a_loaded_store(loaded):
    r = kg("reset", "--yes")
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"removed the embedded store {loaded} ({RECORDS}; ")
    assert not loaded.exists()
    again = kg("reset", "--yes")
    assert (again.exit_code, again.output) == (0, f"nothing to remove: there is no embedded store at {loaded}\n")
    after = kg("actors")
    assert after.exit_code == 6 and after.output.startswith("error: the store is empty")


def test_reset_answered_no_keeps_the_data(loaded, a_terminal):
    r = kg("reset", input="n\n")
    assert r.exit_code == 0, r.output
    assert f"Remove the embedded store {loaded} ({RECORDS})? [y/N]" in r.output
    assert r.output.endswith("nothing removed\n")
    assert len(json.loads(kg("actors", "--json").output)) == 28


def test_reset_answered_yes_removes_the_store(loaded, a_terminal):
    r = kg("reset", input="y\n")
    assert r.exit_code == 0, r.output
    assert f"removed the embedded store {loaded}" in r.output and not loaded.exists()


def test_reset_without_a_terminal_and_without_yes_refuses(loaded):
    r = kg("reset")  # CliRunner's standard input is not a terminal
    assert (r.exit_code, r.output) == (2, f"error: kg reset would remove the embedded store {loaded}: there is no "
                                          "terminal to ask on, so add --yes\n")
    assert len(json.loads(kg("actors", "--json").output)) == 28


def test_reset_interrupted_at_the_question_keeps_the_data(loaded, a_terminal):
    r = kg("reset", input="")  # end of input, as Ctrl-D
    assert r.exit_code == 130 and "interrupted\n" in r.output
    assert loaded.exists()


def test_reset_removes_a_file_this_kg_cannot_read(kg_home):
    kg_home.mkdir()
    (kg_home / "kg.sqlite").write_bytes(b"not a database at all, but it is in the way" * 100)
    r = kg("reset", "--yes")
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"removed the embedded store {kg_home}/kg.sqlite (records not counted; ")
    assert not (kg_home / "kg.sqlite").exists()


def test_safe_uri_drops_credentials():
    from kg.cli.data import _safe_uri

    assert _safe_uri("bolt://neo4j:secret@db.example.org:7687") == "bolt://db.example.org:7687"
    assert _safe_uri("neo4j://127.0.0.1:7687") == "neo4j://127.0.0.1:7687"


@pytest.mark.neo4j
def test_info_and_reset_on_neo4j(neo4j_env, nk2020):
    from kg.store import open_store

    with open_store("neo4j") as db:
        db.clear()
        db.load([nk2020])
    r = kg("info", "--store", "neo4j", "--json")
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    assert report["store"] == "neo4j" and report["counts"] == COUNTS
    assert report["location"] == neo4j_env["uri"] and report["database"] == "neo4j"
    assert neo4j_env["password"] not in r.output
    refused = kg("reset", "--store", "neo4j")
    assert refused.exit_code == 2
    done = kg("reset", "--store", "neo4j", "--yes")
    assert done.exit_code == 0, done.output
    assert done.output == (f"removed every record of the Neo4j database 'neo4j' at {neo4j_env['uri']} "
                           f"({RECORDS})\n")
    with open_store("neo4j") as db:
        assert set(db.counts().values()) == {0}


@pytest.mark.parametrize("answer, kept", [(b"n\n", True), (b"y\n", False)])
def test_reset_asks_in_a_real_terminal(loaded, kg_home, answer, kept):
    """`kg reset` in a pseudo-terminal (no patching): it asks, and does what the answer says."""
    import os
    import pty
    import select
    import subprocess
    import sys
    import time

    main, child = pty.openpty()
    env = {**os.environ, "KG_HOME": str(kg_home), "COLUMNS": "80"}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "reset"], stdin=child, stdout=child, stderr=child,
                            env=env, close_fds=True)
    os.close(child)
    seen, deadline = b"", time.monotonic() + 60
    try:
        while b"[y/N]" not in seen and time.monotonic() < deadline:
            if select.select([main], [], [], 1)[0]:
                seen += os.read(main, 4096)
        assert b"[y/N]" in seen, seen
        os.write(main, answer)
        assert proc.wait(timeout=60) == 0
        while select.select([main], [], [], 0.5)[0]:
            try:
                chunk = os.read(main, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    assert f"Remove the embedded store {loaded}".encode() in seen
    assert loaded.exists() == kept
    assert (b"nothing removed" in seen) == kept
