"""Stores: one interface (:class:`Store`), an embedded default and Neo4j."""
from __future__ import annotations

import os

from kg.errors import UsageError
from kg.store.base import StatementFilter, Store
from kg.store.embedded import EmbeddedStore

STORES = ("embedded", "neo4j")


def open_store(kind: str | None = None, **options) -> Store:
    """Open the store named ``kind`` (default: ``$KG_STORE`` or ``embedded``)."""
    kind = kind or os.environ.get("KG_STORE") or "embedded"
    if kind == "embedded":
        return EmbeddedStore(options.get("path"))
    if kind == "neo4j":
        from kg.store.neo4j import Neo4jStore

        return Neo4jStore(**options)
    raise UsageError(f"unknown store {kind!r} (choose from: {', '.join(STORES)})")


__all__ = ["STORES", "EmbeddedStore", "StatementFilter", "Store", "open_store"]
