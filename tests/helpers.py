"""What several test modules share: paths, the shared corpus, the local Neo4j launcher."""
from __future__ import annotations

import functools
import importlib.util
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NK2020 = ROOT / "ingest" / "datasets" / "nagorno-karabakh-2020.yaml"
SHARED = ROOT.parent / "shared"
STORE_KINDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]
"""The stores a test runs on, one parameter each; the Neo4j one starts a real server."""


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpus sits beside the project only in "
                    "the team's checkouts and CI, not in a user's clone")
    return path


@functools.cache
def _load_tool(name: str, folder: str):
    """tools/<folder>/<name>.py as a module, loaded once, so that every test sees the same classes."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / folder / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_neo4jctl():
    """The local launcher tool, imported from tools/neo4j/neo4jctl.py."""
    return _load_tool("neo4jctl", "neo4j")


def load_gephictl():
    """The Gephi checker, imported from tools/gephi/gephictl.py."""
    return _load_tool("gephictl", "gephi")


def gephi_skip_reason(ctl) -> str | None:
    """Why Gephi cannot run here (no Java, no JDK, or no jars and no Maven to fetch them), or None."""
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        return "no Java runtime: Gephi Toolkit runs on the JVM (Java 11+)"
    if not shutil.which("javac") and not os.environ.get("JAVA_HOME"):
        return "no JDK (javac): gephictl compiles GephiCheck.java against the Gephi jars"
    if not ctl.fetched() and not shutil.which("mvn"):
        return (f"Gephi Toolkit {ctl.VERSION} is not in {ctl.cache_dir()} and Maven (mvn), which fetches it, "
                "is not installed")
    return None


def compose_neo4j() -> dict:
    """The neo4j service of docker-compose.yml (the testcontainer runs its image too)."""
    import yaml

    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["neo4j"]


def docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
        return True
    except Exception:  # noqa: BLE001 - any failure means no usable engine
        return False
