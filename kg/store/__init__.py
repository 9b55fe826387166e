"""Stores: one interface (:class:`Store`), an embedded default and Neo4j."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from kg.errors import UsageError

if TYPE_CHECKING:  # at run time these load on first use (PEP 562), so that `kg --help` starts fast
    from kg.store.base import StatementFilter, Store
    from kg.store.embedded import EmbeddedStore

STORES = ("embedded", "neo4j")
_HOMES = {"StatementFilter": "kg.store.base", "Store": "kg.store.base", "EmbeddedStore": "kg.store.embedded"}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'kg.store' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def open_store(kind: str | None = None, **options) -> Store:
    """Open the store named ``kind`` (default: ``$KG_STORE`` or ``embedded``)."""
    kind = kind or os.environ.get("KG_STORE") or "embedded"
    if kind == "embedded":
        from kg.store.embedded import EmbeddedStore

        return EmbeddedStore(options.get("path"))
    if kind == "neo4j":
        from kg.store.neo4j import Neo4jStore

        return Neo4jStore(**options)
    raise UsageError(f"unknown store {kind!r} (choose from: {', '.join(STORES)})")


__all__ = ["STORES", "EmbeddedStore", "StatementFilter", "Store", "open_store"]
