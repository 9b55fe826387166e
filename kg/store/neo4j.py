"""The Neo4j store: the same interface as the embedded store, on a Neo4j 5 server.

Graph shape (reads well in Neo4j Browser)::

    (:Actor:State|:Organization|:Person|:ArmedGroup|:Authority|:NGO {id, name, ...})
    (:Actor)-[:SAID]->(:Statement {id, date, stance, quote, valence, ...})
    (:Statement)-[:ON_BEHALF_OF]->(:Actor)   (:Statement)-[:TOWARD]->(:Actor)
    (:Statement)-[:REPORTED_IN]->(:Source {url, publisher, date})
    (:Person)-[:HOLDS_ROLE {title, start, end}]->(:Actor)
    (:Actor)-[:MEMBER_OF {role, start, end}]->(:Organization)
    (:Actor)-[:ALLIED_WITH {kind, treaty, start}]->(:Actor)
    (:Actor)-[:STANCE {stance, valence, weight, n, first, last}]->(:Actor)   materialised

Every statement it runs is a file in ``cypher/store/`` (``UNWIND $rows AS row``);
values are parameters; labels come from :data:`LABELS`. Connection settings come
from ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``;
the password is never printed.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from itertools import combinations
from types import SimpleNamespace

from kg.errors import (
    DatabaseNotFound,
    KgError,
    QueryError,
    StoreAuthError,
    StoreError,
    StoreUnreachable,
    UsageError,
)
from kg.model import Actor, Alliance, Dataset, Membership, Role, Source, Statement
from kg.store.base import (
    KINDS,
    DatasetInfo,
    Progress,
    StanceEdge,
    StanceGroup,
    StatementFilter,
    StatementRow,
    Store,
    batched,
    edge_sums,
    unfiltered,
)

LABELS = {"state": "State", "organization": "Organization", "person": "Person",
          "armed_group": "ArmedGroup", "authority": "Authority", "ngo": "NGO"}
"""The allow-list of labels: an actor's kind → its second label."""

START_HINT = ("start one with `python tools/neo4j/neo4jctl.py start` (no Docker needed) "
              "or `docker compose up -d`, then set NEO4J_URI")
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
"""The URI schemes kg speaks (Bolt; the driver's HTTP preview is not one of them)."""

# The driver logs routing failures ("Unable to retrieve routing information") to the root
# logger's last resort, on top of the exception kg turns into one line: keep its logs to itself.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


def shown_uri(uri: str) -> str:
    """``uri`` without the user name and password it may carry, for messages.

    >>> shown_uri("bolt://neo4j:secret@db.example.org:7687"), shown_uri("neo4j://127.0.0.1:7687")
    ('bolt://db.example.org:7687', 'neo4j://127.0.0.1:7687')
    """
    scheme, sep, rest = uri.partition("://")
    if not sep:
        return uri
    host = rest.split("/", 1)[0]
    return f"{scheme}://{host.rpartition('@')[2]}{rest[len(host):]}"


@dataclass(frozen=True)
class Step:
    """One part of a load: a parameterised ``UNWIND $rows`` query, run on each batch of ``rows``.

    ``counts``: whether its rows are records the caller's progress bar counts. ``statements``:
    the rows are statements, written by :meth:`Neo4jStore._write_statements`.
    """

    query: str
    rows: list
    counts: bool = True
    statements: bool = False


@cache
def cypher(name: str) -> str:
    """The text of ``cypher/store/<name>.cypher`` (or ``cypher/<name>.cypher``)."""
    root = resources.files("kg.cypher")
    path = root.joinpath("store", f"{name}.cypher")
    if not path.is_file():
        path = root.joinpath(f"{name}.cypher")
    return path.read_text(encoding="utf-8")


def statements_of(text: str) -> list[str]:
    """Split a .cypher file into statements: drop // comments, split at ';' ending a line."""
    lines = [ln for ln in text.splitlines() if not ln.strip().startswith("//")]
    parts = "\n".join(lines).split(";\n")
    return [p.strip().rstrip(";").strip() for p in parts if p.strip().rstrip(";").strip()]


def where_clause(where: StatementFilter | None) -> tuple[str, dict]:
    """A WHERE condition on ``s`` built from fixed fragments, and its parameters."""
    where = where or StatementFilter()
    parts, params = ["true"], {}
    if where.by is not None:
        parts.append("(s.speaker IN $by OR s.on_behalf_of IN $by)")
        params["by"] = sorted(where.by)
    if where.toward is not None:
        parts.append("any(t IN s.targets WHERE t IN $toward)")
        params["toward"] = sorted(where.toward)
    if where.stances is not None:
        parts.append("s.stance IN $stances")
        params["stances"] = sorted(where.stances)
    if where.since is not None:
        parts.append("s.date >= $since")
        params["since"] = where.since
    if where.until is not None:
        parts.append("s.date <= $until")
        params["until"] = where.until
    if where.datasets is not None:
        parts.append("s.dataset IN $datasets")
        params["datasets"] = sorted(where.datasets)
    if where.ids is not None:
        parts.append("s.id IN $ids")
        params["ids"] = sorted(where.ids)
    return " AND ".join(parts), params


def _native(props: dict) -> dict:
    return {k: (v.to_native() if hasattr(v, "to_native") else v) for k, v in props.items()}


def _edge_sums(rows: list[dict]) -> list[dict]:
    """Statement rows added up (:func:`~kg.store.base.edge_sums`, by key), as add_stance_edges.cypher takes them.

    >>> from datetime import date
    >>> r = dict(speaker="TUR", stance="support", valence=1.0, confidence=0.5, date=date(2020, 9, 27))
    >>> [(e["target"], e["n"], e["valence"], e["strongest"])
    ...  for e in _edge_sums([{**r, "id": "a", "targets": ["AZE"]}, {**r, "id": "b", "targets": ["AZE", "ARM"]}])]
    [('ARM', 1, 0.5, ['b']), ('AZE', 2, 1.0, ['a', 'b'])]
    """
    return [{"actor": g.key[0], "target": g.key[1], "stance": g.key[2], "n": g.n, "valence": g.valence,
             "weight": g.weight, "first": g.first, "last": g.last, "strongest": list(g.strongest)}
            for g in edge_sums(SimpleNamespace(**{"on_behalf_of": None, **r}) for r in rows)]


def _groups(rows: list) -> list[StanceGroup]:
    """Rows of (key, stance, n, valence, weight, first, last, strongest ids) as groups, by key."""
    keys: dict[str, list] = {}
    for row in sorted(rows, key=lambda r: (r[0], r[1])):
        keys.setdefault(row[0], []).append(row)
    out = []
    for key, rs in keys.items():
        firsts, lasts = [r[5] for r in rs], [r[6] for r in rs]  # ISO days: text order is date order
        out.append(StanceGroup(key, tuple((r[1], r[2]) for r in rs), sum(r[2] for r in rs), sum(r[3] for r in rs),
                               sum(r[4] for r in rs), date.fromisoformat(min(firsts)), date.fromisoformat(max(lasts)),
                               tuple(i for r in rs for i in r[7])))
    return out


MAX_TX_ROWS = 10_000
"""Rows a load writes in one transaction at most: 30,000 statements in one transaction went past
the transaction memory of the default server (512 MB heap); larger loads go batch by batch."""
OTHER_ROWS_PER_ROW = 4
"""Actors, sources, roles, memberships and alliances count a quarter of a statement each toward
:data:`MAX_TX_ROWS`: each is one small node or relationship, and the whole reference layer
(15,701 of them) loads in one transaction on the default server."""
BATCH_ROWS = 5_000
"""Rows per ``UNWIND $rows`` query, and per transaction in a batched load (bench/neo4j_heap.py
measures the heap this needs)."""
STATEMENT_CHUNK = 2_000
"""Statements per record that :meth:`Neo4jStore.statements` reads."""
QUERY_TIMEOUT = 60.0
"""Seconds a ``kg query`` may run before the server stops it."""


class QueryRows(list):
    """The rows of a user query; ``cut`` is true when there were more than the limit."""

    def __init__(self, rows=(), cut: bool = False):
        super().__init__(rows)
        self.cut = cut


class Neo4jStore(Store):
    """A store on a Neo4j 5 server, reached with the official driver over Bolt."""

    name = "neo4j"

    def __init__(self, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None, batch_size: int = BATCH_ROWS, max_tx_rows: int | None = None):
        import neo4j

        self.uri = uri or os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687"
        scheme = self.uri.partition("://")[0].lower()
        if "://" not in self.uri or scheme not in SCHEMES:
            raise UsageError(f"NEO4J_URI {shown_uri(self.uri)!r}: kg speaks Bolt, so the URI starts with "
                             f"{' or '.join(s + '://' for s in SCHEMES[::3])} (as bolt://127.0.0.1:7687)")
        self.user = user or os.environ.get("NEO4J_USER") or "neo4j"
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD", "")
        self.database = database or os.environ.get("NEO4J_DATABASE") or "neo4j"
        self.batch_size = batch_size
        self.max_tx_rows = MAX_TX_ROWS if max_tx_rows is None else max_tx_rows
        self._neo4j = neo4j
        try:
            self.driver = neo4j.GraphDatabase.driver(self.uri, auth=(self.user, password),
                                                     connection_timeout=10,
                                                     max_transaction_retry_time=10,
                                                     # Schema hints ("label does not exist" on an
                                                     # empty database) are not for our users.
                                                     notifications_min_severity="OFF")
            self.driver.verify_connectivity()
            self._run_read("RETURN 1")
        except Exception as e:  # noqa: BLE001 - translated into one clear error below
            raise self._translate(e) from None

    # -- errors ----------------------------------------------------------------------------
    def _translate(self, e: Exception) -> Exception:
        """One clear ``StoreError`` for a driver or server error; any other error unchanged."""
        ex = self._neo4j.exceptions
        if isinstance(e, KgError) or not isinstance(e, ex.Neo4jError | ex.DriverError | OSError
                                                     | ValueError):
            return e
        if isinstance(e, ex.Neo4jError) and "AuthenticationRateLimit" in (e.code or ""):
            return StoreAuthError(f"Neo4j at {shown_uri(self.uri)} refuses logins for a while after too many wrong "
                                  "passwords, the right one too: wait a few seconds, then check NEO4J_PASSWORD")
        if isinstance(e, ex.AuthError):
            return StoreAuthError(f"Neo4j at {shown_uri(self.uri)} refused user {self.user!r}: wrong user name or "
                                  "password (set NEO4J_USER and NEO4J_PASSWORD)")
        if isinstance(e, ex.ClientError) and "DatabaseNotFound" in (e.code or ""):
            return DatabaseNotFound(f"Neo4j at {shown_uri(self.uri)} has no database {self.database!r} "
                                    "(set NEO4J_DATABASE)")
        if isinstance(e, ex.ServiceUnavailable | ex.SessionExpired | OSError | ValueError
                      | ex.ConfigurationError):
            return StoreUnreachable(f"cannot reach Neo4j at {shown_uri(self.uri)}: {START_HINT}")
        if isinstance(e, ex.Neo4jError):
            return StoreError(f"Neo4j at {shown_uri(self.uri)}: {e.code}: {e.message}")
        return StoreError(f"Neo4j at {shown_uri(self.uri)}: {type(e).__name__}: {e}")

    def close(self) -> None:
        self.driver.close()

    def _session(self, read: bool = False, **options):
        mode = self._neo4j.READ_ACCESS if read else self._neo4j.WRITE_ACCESS
        return self.driver.session(database=self.database, default_access_mode=mode, **options)

    def _run_read(self, query: str, **params) -> list:
        try:
            with self._session(read=True) as s:
                return s.execute_read(lambda tx: list(tx.run(query, params)))
        except Exception as e:  # noqa: BLE001
            raise self._translate(e) from None

    # -- writing ---------------------------------------------------------------------------
    def apply_schema(self) -> None:
        """Create the constraints and indexes of ``cypher/schema.cypher`` (idempotent)."""
        try:
            with self._session() as s:
                for stmt in statements_of(cypher("schema")):
                    s.run(stmt).consume()
        except Exception as e:  # noqa: BLE001
            raise self._translate(e) from None

    def load(self, datasets: Sequence[Dataset], progress: Progress | None = None) -> dict[str, int]:
        """Write ``datasets``: one transaction when it fits ``max_tx_rows``, else batch by batch.

        Up to :data:`MAX_TX_ROWS` rows (statements; other records count a quarter, see
        :data:`OTHER_ROWS_PER_ROW`) a load is all or nothing. A larger one is written in
        batches of ``batch_size`` rows, each its own transaction of bounded memory, so that it
        succeeds at any size on the server's default memory settings; one that stops half-way
        leaves whole batches only (a statement is unlinked and linked again in the same batch),
        and loading the same data again completes it without duplicates, since every write is
        a MERGE on an id.
        """
        self.apply_schema()
        plan = [step for ds in datasets for step in self._plan(ds)]
        total = sum(len(step.rows) if step.statements else len(step.rows) // OTHER_ROWS_PER_ROW for step in plan)
        try:
            with self._session() as session:
                if total <= self.max_tx_rows:
                    with session.begin_transaction() as tx:
                        self._write(plan, lambda *steps: [list(tx.run(q, p)) for q, p in steps][-1], progress)
                        tx.commit()
                else:
                    def run(*steps):  # (query, params) pairs, in one transaction; the last one's rows
                        return session.execute_write(lambda tx: [list(tx.run(q, p)) for q, p in steps][-1])
                    self._write(plan, run, progress)
        except Exception as e:  # noqa: BLE001
            raise self._translate(e) from None
        return self.counts()

    def _plan(self, ds: Dataset) -> list[Step]:
        """The statements that write one dataset, in order, each with its rows."""
        def props(record, drop=()) -> dict:
            d = record.model_dump(exclude_none=True)
            for k in drop:
                d.pop(k, None)
            return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}

        steps = []
        for kind, label in LABELS.items():
            rows = [props(a) for a in ds.actors if a.kind == kind]
            if rows:
                steps.append(Step(cypher("merge_actors").replace("{label}", label), rows))
        steps.append(Step(cypher("merge_sources"), [props(s) for s in ds.sources]))
        steps.append(Step(cypher("merge_roles"), [
            {"id": r.id, "person": r.person, "holder": r.holder, "props": props(r, ("person", "holder"))}
            for r in ds.roles]))
        steps.append(Step(cypher("merge_memberships"), [
            {"id": m.id, "member": m.member, "organization": m.organization,
             "props": props(m, ("member", "organization"))} for m in ds.memberships]))
        steps.append(Step(cypher("merge_alliances"), [
            {"id": a.id, "pairs": [list(p) for p in combinations(a.parties, 2)], "props": props(a)}
            for a in ds.alliances]))
        # a batch of statements loses its old links and gets its new ones in the same query:
        # a load killed between batches leaves no statement without links
        rows = {s.id: {**props(s), "actor": s.on_behalf_of or s.speaker} for s in ds.statements}  # one per id
        steps.append(Step(cypher("merge_statements"), list(rows.values()), statements=True))
        return steps

    def _write(self, plan: list[Step], run, progress: Progress | None) -> None:
        stale: set[str] = set()
        for step in plan:
            for batch in batched(step.rows, self.batch_size):
                if step.statements:
                    stale |= self._write_statements(batch, run)
                else:
                    run((step.query, {"rows": batch}))
                if progress and step.counts:
                    progress(len(batch))
        for batch in batched([{"id": a} for a in sorted(stale)], self.batch_size):
            run((cypher("refresh_stance_edges"), {"rows": batch}))

    @staticmethod
    def _write_statements(batch: list[dict], run) -> set[str]:
        """Write a batch of statements; returns the actors whose STANCE edges must be recomputed.

        Every actor they name gets a node first (``placeholder_actors``), so that each statement
        gets all its links. Statements the store does not hold yet are created with plain CREATEs and added to the
        STANCE edges (``create_statements``, ``add_stance_edges``); the others are upserted, their
        old links replaced (``merge_statements``), and their actors' edges are recomputed whole
        after the load (``refresh_stance_edges``), as a changed statement may have left one.
        """
        found = run((cypher("existing_statements"), {"ids": [r["id"] for r in batch]}))
        held = {r["id"]: r["actor"] for r in found}
        new = [r for r in batch if r["id"] not in held]
        old = [r for r in batch if r["id"] in held]
        crossed = {r["speaker"] for r in batch if r.get("on_behalf_of") not in (None, r["speaker"])}
        ids = {a for r in batch for a in (r["speaker"], r.get("on_behalf_of"), *r["targets"]) if a}
        named = {"rows": [{"id": a, "crossed": a in crossed} for a in sorted(ids)]}
        if new:  # the statements and what they add to the edges: one transaction
            run((cypher("placeholder_actors"), named), (cypher("create_statements"), {"rows": new}),
                (cypher("add_stance_edges"), {"rows": _edge_sums(new)}))
        if old:
            run((cypher("placeholder_actors"), named), (cypher("merge_statements"), {"rows": old}))
        return {r["actor"] for r in old} | {a for a in held.values() if a}  # before and after

    def drop_dataset(self, name: str) -> int:
        try:
            per_actor = self._run_read("MATCH (s:Statement {dataset: $name}) RETURN s.actor AS a, count(*) AS n",
                                       name=name)
            actors = [r["a"] for r in per_actor]
            with self._session() as s:
                s.run(cypher("drop_dataset"), name=name).consume()
                for batch in batched([{"id": a} for a in actors], self.batch_size):
                    s.execute_write(lambda tx, b=batch: tx.run(cypher("refresh_stance_edges"), rows=b).consume())
        except Exception as e:  # noqa: BLE001
            raise self._translate(e) from None
        return sum(r["n"] for r in per_actor)

    def clear(self) -> None:
        try:
            with self._session() as s:
                # in bounded batches, statements (a few links each) before the actors they link to:
                # one actor of a large store can hold tens of thousands of links
                for stmt in statements_of(cypher("clear")):
                    s.run(stmt).consume()
        except Exception as e:  # noqa: BLE001
            raise self._translate(e) from None

    # -- reading ---------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        (row,) = self._run_read(cypher("counts"))
        return {k: row[k] for k in KINDS}

    def _rows(self, query: str, **params) -> list:
        """The list a query returns as its one value ``rows`` (one record reads far faster than many)."""
        (record,) = self._run_read(query, **params)
        return record["rows"]

    def named_together(self, where: StatementFilter | None = None) -> frozenset[str]:
        clause, params = where_clause(where)
        return frozenset(self._rows(cypher("named_together").replace("{where}", clause), **params))

    def involvement(self, where: StatementFilter | None = None, rollup: bool = True) -> dict[str, int]:
        clause, params = where_clause(where)
        return dict(self._rows(cypher("involvement").replace("{where}", clause), rollup=rollup, **params))

    def datasets(self) -> list[DatasetInfo]:
        rows = self._run_read(cypher("datasets"))
        return [DatasetInfo(r["name"], r["statements"], _native({"d": r["first"]})["d"],
                            _native({"d": r["last"]})["d"]) for r in rows]

    def actors(self) -> list[Actor]:
        rows = self._rows("MATCH (a:Actor) WHERE a.kind IS NOT NULL WITH a ORDER BY a.id "
                          "RETURN collect(properties(a)) AS rows")
        return [Actor.model_validate(_native({k: v for k, v in a.items() if k != "speaks_for_others"}))
                for a in rows]

    def sources(self) -> list[Source]:
        rows = self._run_read("MATCH (s:Source) RETURN s ORDER BY s.url")
        return [Source.model_validate(_native(dict(r["s"]))) for r in rows]

    def roles(self) -> list[Role]:
        rows = self._rows("MATCH (p)-[r:HOLDS_ROLE]->(h) WITH p, r, h ORDER BY r.id "
                          "RETURN collect([p.id, h.id, properties(r)]) AS rows")
        return [Role.model_validate({**_native(r), "person": p, "holder": h}) for p, h, r in rows]

    def memberships(self) -> list[Membership]:
        rows = self._run_read("MATCH (m)-[r:MEMBER_OF]->(o) RETURN m.id AS member, "
                              "o.id AS organization, properties(r) AS r ORDER BY r.id")
        return [Membership.model_validate({**_native(x["r"]), "member": x["member"],
                                           "organization": x["organization"]}) for x in rows]

    def alliances(self) -> list[Alliance]:
        rows = self._run_read("MATCH ()-[r:ALLIED_WITH]->() WITH r.id AS id, collect(r)[0] AS r "
                              "RETURN properties(r) AS r ORDER BY id")
        return [Alliance.model_validate(_native(x["r"])) for x in rows]

    def _chunks(self, name: str, where: StatementFilter | None) -> Iterator[list]:
        """The lists of rows the statements query ``name`` returns for ``where``, two at a time."""
        clause, params = where_clause(where)
        start = "MATCH (s:Statement)"
        if where is not None and where.toward is not None:  # every target has its node and link
            start = "MATCH (t:Actor) WHERE t.id IN $toward\nMATCH (t)<-[:TOWARD]-(s:Statement)\nWITH DISTINCT s"
        elif where is not None and where.ids is not None:
            start = "MATCH (s:Statement) WHERE s.id IN $ids\nWITH s"
        query = cypher(name).replace("{start}", start).replace("{where}", clause)
        try:
            with self._session(read=True, fetch_size=2) as s:  # two lists at a time: bounded memory
                for record in s.run(query, params, chunk=STATEMENT_CHUNK):
                    yield record["rows"]
        except Exception as e:  # noqa: BLE001
            raise self._translate(e) from None

    def statements(self, where: StatementFilter | None = None) -> Iterator[Statement]:
        for rows in self._chunks("statements", where):
            for d in rows:
                d.pop("actor", None)
                yield Statement.model_validate(_native(d))

    def statement_rows(self, where: StatementFilter | None = None) -> Iterator[StatementRow]:
        for rows in self._chunks("statement_rows", where):
            for sid, speaker, behalf, day, stance, valence, confidence, targets in rows:
                yield StatementRow(sid, speaker, behalf, date.fromisoformat(day), stance, valence, confidence,
                                   tuple(sorted(targets)))

    def stance_edges(self, where: StatementFilter | None = None, rollup: bool = True) -> list[StanceEdge]:
        """From the STANCE edges kept up to date at load time when nothing is filtered and
        statements are rolled up; else added up from the statements."""
        if unfiltered(where, rollup):
            rows = self._rows(cypher("all_stance_edges"))
        else:
            clause, params = where_clause(where)
            rows = self._rows(cypher("stance_edges").replace("{where}", clause), rollup=rollup, **params)
        return [StanceEdge(src, tgt, st, n, round(v, 9), round(w, 9), date.fromisoformat(first),
                           date.fromisoformat(last))
                for src, tgt, st, n, v, w, first, last in rows]

    def said_by(self, actor: str, where: StatementFilter | None = None) -> list[StanceGroup]:
        """From the actor's STANCE edges when nothing is filtered and the actor never spoke for
        another one (a person speaking for a state did); else from its statements."""
        found = self._from_edges("said_by", actor, where)
        return super().said_by(actor, where) if found is None else found

    def said_toward(self, actor: str, where: StatementFilter | None = None) -> list[StanceGroup]:
        """From the STANCE edges into the actor, as :meth:`said_by`."""
        found = self._from_edges("said_toward", actor, where)
        return super().said_toward(actor, where) if found is None else found

    def _from_edges(self, query: str, actor: str, where: StatementFilter | None) -> list[StanceGroup] | None:
        """The groups ``query`` reads from the STANCE edges, or None where the edges do not answer."""
        if not unfiltered(where):
            return None
        (record,) = self._run_read(cypher(query), actor=actor)
        return None if record["crossed"] else _groups(record["rows"])

    # -- user queries ----------------------------------------------------------------------
    def query(self, text: str, params: dict | None = None, limit: int = 10_000,
              timeout: float = QUERY_TIMEOUT) -> QueryRows:
        """Run a user's plain read (see :mod:`kg.store.readonly`); anything else is refused before it
        runs. At most ``limit`` rows are fetched (``cut`` says whether there were more), within
        ``timeout`` seconds."""
        from kg.store.readonly import refusal

        params = params or {}
        try:
            with self._session(read=True) as s:
                summary = s.run("EXPLAIN " + text, params).consume()
                why = refusal(summary.plan or {}, summary.query_type or "")
                if why is not None:
                    raise QueryError(f"refused: kg query runs plain reads only, and this query is not one: {why}"
                                     " (use Neo4j Browser or cypher-shell for anything else)")

                @self._neo4j.unit_of_work(timeout=timeout)
                def fetch(tx):
                    out = []
                    for record in tx.run(text, params):  # the rows arrive in batches: stop at the limit
                        if len(out) == limit:
                            return out, True
                        out.append(record.data())
                    return out, False

                rows, cut = s.execute_read(fetch)
        except QueryError:
            raise
        except self._neo4j.exceptions.CypherSyntaxError as e:
            raise QueryError(f"Cypher syntax error: {e.message.splitlines()[0]}") from None
        except self._neo4j.exceptions.ClientError as e:
            if "AccessMode" in (e.code or "") or "Forbidden" in (e.code or ""):
                raise QueryError("refused: kg query is read-only and this query would write") from None
            if "TransactionTimedOut" in (e.code or "") or "Timeout" in (e.code or ""):
                raise QueryError(f"the query ran longer than {timeout:g} s and was stopped") from None
            raise QueryError(f"{e.code}: {e.message.splitlines()[0]}") from None
        except self._neo4j.exceptions.TransientError as e:
            if "Timeout" in (e.code or "") or "TimedOut" in (e.code or ""):
                raise QueryError(f"the query ran longer than {timeout:g} s and was stopped") from None
            raise self._translate(e) from None
        except Exception as e:  # noqa: BLE001
            raise self._translate(e) from None
        return QueryRows([_native(r) for r in rows], cut=cut)
