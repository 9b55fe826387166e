"""The main commands' ``--json`` on the 2020 dataset against answers written by hand (tests/golden/).

Each golden file pins the key fields of one command (ids, counts, stances, rounded net values,
camp membership), with the arithmetic in its comments; the command runs through the CLI on
both stores. The output may hold more than the file (extra keys are allowed), so a new field
breaks nothing. tests/test_parity.py compares the two stores with each other as well.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kg.cli import app
from tests.helpers import NK2020, STORE_KINDS

runner = CliRunner()
GOLDEN = Path(__file__).parent / "golden"
FILES = sorted(GOLDEN.glob("*.yaml"))


class Exact(dict):
    """A golden mapping tagged ``!exact``: its keys must be the output's, in the same order."""


class GoldenLoader(yaml.SafeLoader):
    pass


GoldenLoader.add_constructor("!exact", lambda loader, node: Exact(loader.construct_mapping(node, deep=True)))


def golden(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=GoldenLoader)  # noqa: S506 - SafeLoader subclass


def mismatches(expected, actual, path: str = "$") -> list[str]:
    """Where ``actual`` differs from the golden ``expected`` (empty when it matches)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected a mapping, got {actual!r}"]
        out = []
        if isinstance(expected, Exact) and list(expected) != list(actual):
            out.append(f"{path}: keys {list(actual)}, expected exactly {list(expected)}")
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{path}.{key}: missing")
            else:
                out += mismatches(value, actual[key], f"{path}.{key}")
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {len(expected)} items, got {actual!r}"]
        return [m for i, (e, a) in enumerate(zip(expected, actual, strict=True))
                for m in mismatches(e, a, f"{path}[{i}]")]
    if isinstance(expected, bool) or isinstance(actual, bool) or expected is None or actual is None:
        return [] if expected is actual else [f"{path}: expected {expected!r}, got {actual!r}"]
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        ok = math.isclose(expected, actual, rel_tol=0, abs_tol=1e-9)
        return [] if ok else [f"{path}: expected {expected!r}, got {actual!r}"]
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


def unordered_mismatches(expected: list, actual) -> list[str]:
    """The items of ``expected`` that match no item of ``actual`` (one each), in any order."""
    if not isinstance(actual, list) or len(actual) != len(expected):
        return [f"$: expected {len(expected)} items, got {actual!r}"]
    left = list(actual)
    out = []
    for i, e in enumerate(expected):
        hit = next((a for a in left if not mismatches(e, a)), None)
        if hit is None:
            out.append(f"$[{i}] matches no item of the output: {e!r}")
        else:
            left.remove(hit)
    return out


def test_golden_files_cover_the_main_commands():
    commands = {" ".join(golden(f)["command"]) for f in FILES}
    assert commands == {"stance Turkey", "stance Russia", "statements --by Turkey", "actors --kind state",
                        "camps", "camps --method signed", "align Turkey Azerbaijan", "balance", "brokers"}


def test_the_comparison_is_strict_where_it_should_be():
    assert mismatches({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 2], "extra": 0}) == []
    assert mismatches({"a": 1.0}, {"a": 1}) == [] and mismatches({"a": -0.7}, {"a": -0.7001})
    assert mismatches({"b": [1, 2]}, {"b": [1, 2, 3]}) and mismatches({"b": [1, 2]}, {"b": [2, 1]})
    assert mismatches(Exact({"x": 1}), {"x": 1, "y": 1}) and mismatches(Exact({"x": 1, "y": 2}), {"y": 2, "x": 1})
    assert mismatches({"a": None}, {"a": 0}) and mismatches({"a": False}, {"a": 0})
    assert mismatches({"a": 1}, {}) == ["$.a: missing"]
    assert unordered_mismatches([{"k": 1}, {"k": 2}], [{"k": 2, "z": 0}, {"k": 1}]) == []
    assert unordered_mismatches([{"k": 1}, {"k": 1}], [{"k": 1}, {"k": 2}])


@pytest.fixture(scope="module", params=STORE_KINDS)
def outputs(request, tmp_path_factory):
    """``{command: (exit code, output)}`` of every golden command on one store, loaded with the 2020 file."""
    store = request.param
    mp = pytest.MonkeyPatch()
    mp.setenv("KG_HOME", str(tmp_path_factory.mktemp(f"golden-{store}")))
    mp.delenv("KG_STORE", raising=False)
    try:
        if store == "neo4j":
            server = request.getfixturevalue("neo4j_server")
            for k in ("uri", "user", "password"):
                mp.setenv(f"NEO4J_{k.upper()}", server[k])
            mp.delenv("NEO4J_DATABASE", raising=False)
            from kg.store import open_store

            with open_store("neo4j") as s:
                s.clear()
        r = runner.invoke(app, ["load", str(NK2020), "--store", store])
        assert r.exit_code == 0, r.output
        got = {}
        for f in FILES:
            cmd = golden(f)["command"]
            r = runner.invoke(app, [*cmd, "--store", store, "--json"])
            got[" ".join(cmd)] = (r.exit_code, r.output)
        return got
    finally:
        mp.undo()


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_golden_answer(outputs, path):
    g = golden(path)
    code, output = outputs[" ".join(g["command"])]
    assert code == 0, output
    actual = json.loads(output)
    found = unordered_mismatches(g["expect"], actual) if g.get("unordered") else mismatches(g["expect"], actual)
    assert not found, "\n".join([f"{path.name}: the output differs from the hand-written answer", *found])


def test_statements_come_oldest_first_then_by_id(outputs):
    code, output = outputs["statements --by Turkey"]
    assert code == 0, output
    rows = json.loads(output)
    assert [(r["date"], r["id"]) for r in rows] == sorted((r["date"], r["id"]) for r in rows)
