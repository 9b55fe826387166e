"""What the benchmarks that use Neo4j share: the local launcher, and a server to point kg at.

Imported by bench scripts run as ``python bench/NAME.py`` (bench/ is then on sys.path).
"""
from __future__ import annotations

import contextlib
import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_ctl():
    """tools/neo4j/neo4jctl.py as a module."""
    spec = importlib.util.spec_from_file_location("neo4jctl", ROOT / "tools" / "neo4j" / "neo4jctl.py")
    ctl = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ctl)
    return ctl


@contextlib.contextmanager
def connect() -> Iterator[None]:
    """Unless NEO4J_URI is set, start (or reuse) the local launcher's server in its default home
    and set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD for it; a server started here is stopped on
    leaving, also on failure or Ctrl-C."""
    if os.environ.get("NEO4J_URI"):
        yield
        return
    ctl = load_ctl()
    started = ctl.status() is None
    st = ctl.ensure_running()
    os.environ.update(NEO4J_URI=st["uri"], NEO4J_USER=st["user"], NEO4J_PASSWORD=st["password"])
    try:
        yield
    finally:
        if started:
            ctl.stop()
