"""``kg query``: read-only Cypher on a store that speaks it."""
from __future__ import annotations

from kg.store import Store


def parse_params(pairs: list[str]) -> dict:
    """``["k=v", ...]`` → ``{k: v}``; a value that reads as JSON (number, list, ...) is decoded.

    >>> parse_params(["actor=TUR", "n=3", "stances=[\\"support\\"]"])
    {'actor': 'TUR', 'n': 3, 'stances': ['support']}
    """
    import json

    from kg.errors import QueryError

    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.isidentifier():
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE")
        try:
            out[key] = json.loads(value)
        except ValueError:
            out[key] = value
    return out


def cypher_query(store: Store, text: str, params: dict | None = None, limit: int = 10_000) -> list[dict]:
    """Run a plain read in Cypher on a store that speaks it (Neo4j); anything else is refused.

    At most ``limit`` rows come back; the list's ``cut`` attribute says whether there were more.
    """
    from kg.errors import QueryError

    run = getattr(store, "query", None)
    if run is None:
        raise QueryError(f"kg query runs Cypher, which the {store.name} store does not speak: "
                         "add --store neo4j (or set KG_STORE=neo4j)")
    return run(text, params or {}, limit)
