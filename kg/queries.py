"""The library functions behind the query commands: resolve names, ask the store, analyse.

Each takes an open :class:`~kg.store.Store` and returns plain data (dicts and lists
that ``json.dumps`` can write), the same from every store.
"""
from __future__ import annotations

from datetime import date

from kg.actors import ActorIndex
from kg.analysis.stance import ref, stance_profile
from kg.model import Statement
from kg.store import StatementFilter, Store
from kg.vocab import stance as lookup_stance


def index_for(store: Store) -> ActorIndex:
    """The shipped alias data plus every actor and role in ``store``."""
    return ActorIndex.default().extend(store.actors(), store.roles())


def stance(store: Store, name: str, as_of: date | None = None) -> dict:
    """The stance report of the actor ``name`` (any alias), see :func:`stance_profile`."""
    index = index_for(store)
    actor = index.resolve(name)
    mine = store.statements(StatementFilter(by=frozenset([actor.id]), until=as_of))
    toward_ids = {actor.id} | {p for p, roles in index.roles.items()
                               if any(r.holder == actor.id for r in roles)}
    toward = store.statements(StatementFilter(toward=frozenset(toward_ids), until=as_of))
    seen, merged = set(), []
    for s in [*mine, *toward]:
        if s.id not in seen:
            seen.add(s.id)
            merged.append(s)
    merged.sort(key=lambda s: (s.date, s.id))
    return stance_profile(merged, actor.id, index, as_of)


def actors(store: Store, kind: str | None = None) -> list[dict]:
    """Every actor in the store (optionally of one kind), with counts of statements."""
    index = index_for(store)
    said: dict[str, int] = {}
    heard: dict[str, int] = {}
    for s in store.statements():
        said[s.speaker] = said.get(s.speaker, 0) + 1
        for t in s.targets:
            heard[t] = heard.get(t, 0) + 1
    out = []
    for a in store.actors():
        if kind and a.kind != kind:
            continue
        current = index.speaks_for(a.id) if a.kind == "person" else None
        out.append({"id": a.id, "name": a.name, "kind": a.kind, "iso3": a.iso3,
                    "wikidata": a.wikidata, "cow": a.cow,
                    "speaks_for": ref(index, current) if current else None,
                    "statements": said.get(a.id, 0), "targeted": heard.get(a.id, 0)})
    return sorted(out, key=lambda r: (r["kind"], r["name"]))


def statement_row(index: ActorIndex, s: Statement) -> dict:
    """A statement as plain data with names beside ids."""
    return {"id": s.id, "date": s.date.isoformat(), "speaker": ref(index, s.speaker),
            "on_behalf_of": ref(index, s.on_behalf_of), "stance": s.stance,
            "targets": [ref(index, t) for t in s.targets], "quote": s.quote, "source": s.source,
            "valence": s.valence, "confidence": s.confidence, "negated": s.negated,
            "joint": s.joint, "cameo": s.cameo, "plover": {"type": s.plover_type,
                                                           "mode": s.plover_mode}}


def statements(store: Store, by: str | None = None, toward: str | None = None,
               stance: str | None = None, since: date | None = None,
               until: date | None = None) -> list[dict]:
    """Statements filtered by speaker (or whom it speaks for), target, stance and dates."""
    index = index_for(store)
    where = StatementFilter(
        by=frozenset([index.resolve(by).id]) if by is not None else None,
        toward=frozenset([index.resolve(toward).id]) if toward is not None else None,
        stances=frozenset([lookup_stance(stance).name]) if stance is not None else None,
        since=since, until=until)
    return [statement_row(index, s) for s in store.statements(where)]


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


def cypher_query(store: Store, text: str, params: dict | None = None) -> list[dict]:
    """Run read-only Cypher on a store that speaks it (Neo4j); writes are refused."""
    from kg.errors import QueryError

    run = getattr(store, "query", None)
    if run is None:
        raise QueryError(f"kg query runs Cypher, which the {store.name} store does not speak: "
                         "add --store neo4j (or set KG_STORE=neo4j)")
    return run(text, params or {})

