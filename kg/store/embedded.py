"""The embedded store: SQLite in ``$KG_HOME`` (default ``~/.kg``), no server needed.

Each record is kept whole as JSON beside the columns that queries filter on.
A load is one transaction: it commits whole or not at all. Records are upserted
by their stable ids, so loading the same data twice changes nothing.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from kg.errors import StoreError
from kg.model import Actor, Alliance, Dataset, Membership, Role, Source, Statement
from kg.store.base import (
    EVIDENCE,
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

SCHEMA = """
CREATE TABLE IF NOT EXISTS actors (id TEXT PRIMARY KEY, kind TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS roles (id TEXT PRIMARY KEY, person TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS memberships (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alliances (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS statements (
    id TEXT PRIMARY KEY, speaker TEXT NOT NULL, on_behalf_of TEXT, date TEXT NOT NULL,
    stance TEXT NOT NULL, valence REAL NOT NULL, confidence REAL NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS statement_targets (
    statement TEXT NOT NULL, target TEXT NOT NULL, PRIMARY KEY (statement, target)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statements_date ON statements (date, id);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements (speaker);
CREATE INDEX IF NOT EXISTS statements_behalf ON statements (on_behalf_of);
CREATE INDEX IF NOT EXISTS statements_stance ON statements (stance);
CREATE INDEX IF NOT EXISTS statements_actor ON statements (coalesce(on_behalf_of, speaker));
CREATE INDEX IF NOT EXISTS targets_target ON statement_targets (target);
CREATE TABLE IF NOT EXISTS stance_edges (
    actor TEXT NOT NULL, target TEXT NOT NULL, stance TEXT NOT NULL, n INTEGER NOT NULL,
    valence REAL NOT NULL, weight REAL NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL,
    PRIMARY KEY (actor, target, stance)) WITHOUT ROWID;
"""

MMAP_SIZE = 1 << 30
"""How much of the store file SQLite maps into memory (address space, not memory used)."""
SCHEMA_VERSION = 3
"""1: no stance_edges table (a store of version 1 gets it, filled from its statements, on opening);
2: no statements_actor index (built on opening)."""
ACTOR = "coalesce(s.on_behalf_of, s.speaker)"
"""The actor a statement counts for: the one spoken for, else the speaker."""
DATASET = "json_extract(s.body, '$.dataset')"
"""A statement's dataset, read from its record (no column of its own: the schema stays as it is)."""

RECORDS = {"actors": Actor, "sources": Source, "roles": Role, "memberships": Membership,
           "alliances": Alliance, "statements": Statement}


def default_home() -> Path:
    """Where the embedded store lives: ``$KG_HOME`` or ``~/.kg``."""
    return Path(os.environ.get("KG_HOME") or Path.home() / ".kg")


def default_path() -> Path:
    """The embedded store's file: ``$KG_HOME/kg.sqlite`` (default ``~/.kg/kg.sqlite``)."""
    return default_home() / "kg.sqlite"


def remove(path: str | Path | None = None) -> list[Path]:
    """Delete the embedded store at ``path`` (default :func:`default_path`) with its WAL files.

    Close the store first. Returns the files removed: none when there was no store.
    """
    path = Path(path) if path else default_path()
    removed = []
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            p.unlink()
        except FileNotFoundError:
            continue
        except OSError as e:
            raise StoreError(f"cannot remove {p}: {e}") from None
        removed.append(p)
    return removed


class EmbeddedStore(Store):
    """SQLite-backed store; ``path`` defaults to ``$KG_HOME/kg.sqlite``."""

    name = "embedded"

    def __init__(self, path: str | Path | None = None, batch_size: int = 5000):
        self.path = Path(path) if path else default_path()
        self.batch_size = batch_size
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            # reads by id jump across the whole file: mapped, they skip a read() call each
            # (the evidence of kg camps on a 1M store: 1.0 s -> 0.6-0.8 s)
            self.db.execute(f"PRAGMA mmap_size = {MMAP_SIZE}")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, 1, 2, SCHEMA_VERSION):
                raise StoreError(f"the embedded store at {self.path} has schema version {version}, this "
                                 f"kg needs {SCHEMA_VERSION}: move the file away and load again")
            if version != SCHEMA_VERSION:  # a new store, or an older one: all or nothing
                self.db.execute("BEGIN IMMEDIATE")
                for statement in filter(str.strip, SCHEMA.split(";")):
                    self.db.execute(statement)
                if version < 2:
                    self._refresh_edges(None)
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self.db.execute("COMMIT")
        except StoreError:
            raise
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"cannot open the embedded store at {self.path}: {e}") from None

    def close(self) -> None:
        self.db.close()

    # -- writing ---------------------------------------------------------------------------
    def load(self, datasets: Sequence[Dataset], progress: Progress | None = None) -> dict[str, int]:
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
            for ds in datasets:
                self._write(ds, progress)
            db.execute("COMMIT")
        except BaseException as e:
            db.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise StoreError(f"load failed, nothing was written: {e}") from None
            raise
        return self.counts()

    def _write(self, ds: Dataset, progress: Progress | None) -> None:
        def body(r) -> str:
            return r.model_dump_json(exclude_none=True)

        plan = [
            ("INSERT INTO actors VALUES (?,?,?) ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, "
             "body=excluded.body", [(a.id, a.kind, body(a)) for a in ds.actors]),
            ("INSERT INTO sources VALUES (?,?) ON CONFLICT(id) DO UPDATE SET body=excluded.body",
             [(s.url, body(s)) for s in ds.sources]),
            ("INSERT INTO roles VALUES (?,?,?) ON CONFLICT(id) DO UPDATE SET person=excluded.person, "
             "body=excluded.body", [(r.id, r.person, body(r)) for r in ds.roles]),
            ("INSERT INTO memberships VALUES (?,?) ON CONFLICT(id) DO UPDATE SET body=excluded.body",
             [(m.id, body(m)) for m in ds.memberships]),
            ("INSERT INTO alliances VALUES (?,?) ON CONFLICT(id) DO UPDATE SET body=excluded.body",
             [(a.id, body(a)) for a in ds.alliances]),
        ]
        for sql, rows in plan:
            self.db.executemany(sql, rows)
            if progress:
                progress(len(rows))
        self.write_statements(ds.statements, progress)

    def write_statements(self, statements, progress: Progress | None = None) -> None:
        """Upsert statements in batches (inside the caller's transaction), keeping the stance_edges
        table up to date: new statements are added to it, the actors of changed ones recomputed."""
        stale: set[str] = set()
        for batch in batched(statements, self.batch_size):
            batch = list({s.id: s for s in batch}.values())
            held = dict(self.db.execute(
                f"SELECT s.id, {ACTOR} FROM statements s WHERE s.id IN (SELECT value FROM json_each(?))",  # noqa: S608
                (json.dumps([s.id for s in batch]),)))
            self.db.executemany(
                "INSERT INTO statements VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                "speaker=excluded.speaker, on_behalf_of=excluded.on_behalf_of, date=excluded.date, "
                "stance=excluded.stance, valence=excluded.valence, confidence=excluded.confidence, "
                "body=excluded.body",
                [(s.id, s.speaker, s.on_behalf_of, s.date.isoformat(), s.stance, s.valence,
                  s.confidence, s.model_dump_json(exclude_none=True)) for s in batch])
            self.db.executemany("DELETE FROM statement_targets WHERE statement = ?",
                                [(s.id,) for s in batch if s.id in held])
            self.db.executemany("INSERT INTO statement_targets VALUES (?,?)",
                                [(s.id, t) for s in batch for t in s.targets])
            self.db.executemany(
                "INSERT INTO stance_edges VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO UPDATE SET n = n + excluded.n, "
                "valence = valence + excluded.valence, weight = weight + excluded.weight, "
                "first = min(first, excluded.first), last = max(last, excluded.last)",
                [(*g.key, g.n, g.valence, g.weight, g.first.isoformat(), g.last.isoformat())
                 for g in edge_sums((s for s in batch if s.id not in held), strongest=False)])
            stale |= set(held.values()) | {s.on_behalf_of or s.speaker for s in batch if s.id in held}
            if progress:
                progress(len(batch))
        self._refresh_edges(stale)

    def _refresh_edges(self, actors: set[str] | None) -> None:
        """Recompute the stance_edges rows of ``actors`` (None: all) from the statements."""
        if actors is None:
            self.db.execute("DELETE FROM stance_edges")
            where, params = "", []
        elif not actors:
            return
        else:
            params = [json.dumps(sorted(actors))]
            self.db.execute("DELETE FROM stance_edges WHERE actor IN (SELECT value FROM json_each(?))", params)
            where = f"WHERE {ACTOR} IN (SELECT value FROM json_each(?))"
        self.db.execute(f"""
            INSERT INTO stance_edges
            SELECT {ACTOR} AS a, t.target, s.stance, count(*), sum(s.valence * s.confidence), sum(s.confidence),
                   min(s.date), max(s.date)
            FROM statements s JOIN statement_targets t ON t.statement = s.id {where}
            GROUP BY a, t.target, s.stance""", params)  # noqa: S608

    def drop_dataset(self, name: str) -> int:
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("CREATE TEMP TABLE IF NOT EXISTS dropped (id TEXT PRIMARY KEY)")
            db.execute("DELETE FROM dropped")
            db.execute(f"INSERT INTO dropped SELECT id FROM statements s WHERE {DATASET} = ?", (name,))  # noqa: S608
            (n,) = db.execute("SELECT count(*) FROM dropped").fetchone()
            actors = {a for (a,) in db.execute(f"SELECT DISTINCT {ACTOR} FROM statements s "  # noqa: S608
                                               "WHERE s.id IN (SELECT id FROM dropped)")}
            db.execute("DELETE FROM statement_targets WHERE statement IN (SELECT id FROM dropped)")
            db.execute("DELETE FROM statements WHERE id IN (SELECT id FROM dropped)")
            self._refresh_edges(actors)
            db.execute("DELETE FROM dropped")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return n

    def clear(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        for table in (*KINDS, "statement_targets", "stance_edges"):
            self.db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
        self.db.execute("COMMIT")

    # -- reading ---------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {k: self.db.execute(f"SELECT count(*) FROM {k}").fetchone()[0]  # noqa: S608
                for k in KINDS}

    def _all(self, kind: str) -> list:
        model = RECORDS[kind]
        rows = self.db.execute(f"SELECT body FROM {kind} ORDER BY id")  # noqa: S608
        return [model.model_validate_json(b) for (b,) in rows]

    def actors(self) -> list[Actor]:
        return self._all("actors")

    def sources(self) -> list[Source]:
        return sorted(self._all("sources"), key=lambda s: s.url)

    def roles(self) -> list[Role]:
        return self._all("roles")

    def memberships(self) -> list[Membership]:
        return self._all("memberships")

    def alliances(self) -> list[Alliance]:
        return self._all("alliances")

    def _where(self, where: StatementFilter | None) -> tuple[str, list]:
        """The WHERE clause (on statements ``s``) and its parameters for a filter."""
        where = where or StatementFilter()
        sql, params = ["WHERE 1=1"], []

        def among(column: str, values) -> str:
            params.extend(sorted(values))
            return f"{column} IN ({','.join('?' * len(values))})"

        if where.by is not None:
            sql.append(f"AND ({among('s.speaker', where.by)} OR {among('s.on_behalf_of', where.by)})")
        if where.toward is not None:
            sql.append("AND s.id IN (SELECT statement FROM statement_targets WHERE "
                       f"{among('target', where.toward)})")
        if where.stances is not None:
            # beside a speaker or a target, the stance index (a tenth of the statements a stance)
            # is the planner's trap: "+" keeps it to the others (1.8 s -> 0.03 s at 1M statements)
            sql.append(f"AND {among('+s.stance' if where.by or where.toward else 's.stance', where.stances)}")
        if where.since is not None:
            sql.append("AND s.date >= ?")
            params.append(where.since.isoformat())
        if where.until is not None:
            sql.append("AND s.date <= ?")
            params.append(where.until.isoformat())
        if where.datasets is not None:
            sql.append(f"AND {among(DATASET, where.datasets)}")
        if where.ids is not None:
            sql.append(f"AND {among('s.id', where.ids)}")
        return " ".join(sql), params

    def named_together(self, where: StatementFilter | None = None) -> frozenset[str]:
        (several,) = self.db.execute("SELECT (SELECT count(*) FROM statement_targets) > "
                                     "(SELECT count(*) FROM statements)").fetchone()
        if not several:  # every statement has one target at least, so here exactly one
            return frozenset()
        clause, params = self._where(where)
        return frozenset(t for (t,) in self.db.execute(f"""
            SELECT DISTINCT t.target FROM statements s JOIN statement_targets t ON t.statement = s.id
            {clause} AND (SELECT count(*) FROM statement_targets u WHERE u.statement = s.id) > 1""",
                                                         params))  # noqa: S608

    def involvement(self, where: StatementFilter | None = None, rollup: bool = True) -> dict[str, int]:
        """Unfiltered and rolled up: each actor's statements (read from the index on the actor a
        statement counts for), plus the statements that target it, less those that target their
        own actor (the kept stance edges from an actor to itself), without joining a million
        targets to their statements; else counted from the rows."""
        if unfiltered(where, rollup):
            found: dict[str, int] = {}
            for sql in (f"SELECT {ACTOR} AS a, count(*) FROM statements s GROUP BY a",
                        "SELECT target, count(*) FROM statement_targets GROUP BY target",
                        "SELECT actor, -sum(n) FROM stance_edges WHERE actor = target GROUP BY actor"):
                for a, n in self.db.execute(sql):
                    found[a] = found.get(a, 0) + n
            return found
        clause, params = self._where(where)
        who = ACTOR if rollup else "s.speaker"
        sql = f"""
            SELECT who, count(DISTINCT id) FROM (
                SELECT {who} AS who, s.id AS id FROM statements s {clause}
                UNION ALL
                SELECT t.target AS who, s.id AS id FROM statements s JOIN statement_targets t
                    ON t.statement = s.id {clause})
            GROUP BY who"""
        return dict(self.db.execute(sql, params + params))

    def datasets(self) -> list[DatasetInfo]:
        rows = self.db.execute(f"SELECT {DATASET} AS d, count(*), min(s.date), max(s.date) FROM statements s "
                               "GROUP BY d ORDER BY d IS NULL, d")
        return [DatasetInfo(name, n, date.fromisoformat(first), date.fromisoformat(last))
                for name, n, first, last in rows]

    def statements(self, where: StatementFilter | None = None) -> Iterator[Statement]:
        clause, params = self._where(where)
        rows = self.db.execute(f"SELECT body FROM statements s {clause} ORDER BY s.date, s.id", params)
        for (b,) in rows:
            yield Statement.model_validate_json(b)

    def statement_rows(self, where: StatementFilter | None = None) -> Iterator[StatementRow]:
        clause, params = self._where(where)
        rows = self.db.execute(f"""
            SELECT s.id, s.speaker, s.on_behalf_of, s.date, s.stance, s.valence, s.confidence,
                   (SELECT group_concat(target, char(31)) FROM statement_targets WHERE statement = s.id)
            FROM statements s {clause} ORDER BY s.date, s.id""", params)  # noqa: S608
        for sid, speaker, behalf, day, stance, valence, confidence, targets in rows:
            yield StatementRow(sid, speaker, behalf, date.fromisoformat(day), stance, valence, confidence,
                               tuple(sorted(targets.split("\x1f"))) if targets else ())

    def said_by(self, actor: str, where: StatementFilter | None = None) -> list[StanceGroup]:
        clause, params = self._where(replace(where or StatementFilter(), by=frozenset({actor})))
        return self._groups("statements s JOIN statement_targets t ON t.statement = s.id", "t.target",
                            clause, params)

    def said_toward(self, actor: str, where: StatementFilter | None = None) -> list[StanceGroup]:
        clause, params = self._where(replace(where or StatementFilter(), toward=frozenset({actor})))
        clause += " AND s.speaker != ? AND coalesce(s.on_behalf_of, '') != ?"
        return self._groups("statements s", "coalesce(s.on_behalf_of, s.speaker)", clause,
                            [*params, actor, actor])

    def _groups(self, rows: str, key: str, clause: str, params: list) -> list[StanceGroup]:
        """The rows ``rows`` that match ``clause``, added up by ``key`` (see :class:`StanceGroup`)."""
        found: dict[str, dict] = {}
        for k, stance, n, v, w, first, last in self.db.execute(f"""
                SELECT {key} AS k, s.stance, count(*), sum(s.valence * s.confidence), sum(s.confidence),
                       min(s.date), max(s.date)
                FROM {rows} {clause} GROUP BY k, s.stance ORDER BY k, s.stance""", params):  # noqa: S608
            g = found.setdefault(k, {"stances": [], "n": 0, "valence": 0.0, "weight": 0.0, "first": first,
                                     "last": last, "strongest": []})
            g["stances"].append((stance, n))
            g["n"] += n
            g["valence"] += v
            g["weight"] += w
            g["first"], g["last"] = min(g["first"], first), max(g["last"], last)
        for k, sid in self.db.execute(f"""
                SELECT k, id FROM (
                    SELECT {key} AS k, s.id, row_number() OVER (PARTITION BY {key} ORDER BY
                        abs(s.valence) * s.confidence DESC, s.confidence DESC,
                        s.speaker IS NOT s.on_behalf_of DESC, s.date DESC, s.id) AS rank
                    FROM {rows} {clause})
                WHERE rank <= {EVIDENCE} ORDER BY k, rank""", params):  # noqa: S608
            found[k]["strongest"].append(sid)
        return [StanceGroup(k, tuple(g["stances"]), g["n"], g["valence"], g["weight"],
                            date.fromisoformat(g["first"]), date.fromisoformat(g["last"]),
                            tuple(g["strongest"])) for k, g in found.items()]

    def stance_edges(self, where: StatementFilter | None = None, rollup: bool = True) -> list[StanceEdge]:
        """From the stance_edges table kept up to date at load time when nothing is filtered and
        statements are rolled up; else added up from the statements."""
        day = cache(date.fromisoformat)  # a few hundred distinct days among many edges
        if unfiltered(where, rollup):
            return [StanceEdge(a, t, st, n, round(v, 9), round(w, 9), day(first), day(last))
                    for a, t, st, n, v, w, first, last in self.db.execute(
                        "SELECT * FROM stance_edges ORDER BY actor, target, stance")]
        clause, params = self._where(where)
        who = ACTOR if rollup else "s.speaker"
        sql = f"""
            SELECT {who} AS src, t.target, s.stance, count(*),
                   sum(s.valence * s.confidence), sum(s.confidence), min(s.date), max(s.date)
            FROM statements s JOIN statement_targets t ON t.statement = s.id
            {clause}
            GROUP BY src, t.target, s.stance ORDER BY src, t.target, s.stance"""
        return [StanceEdge(src, tgt, st, n, round(v, 9), round(w, 9), day(first), day(last))
                for src, tgt, st, n, v, w, first, last in self.db.execute(sql, params)]
