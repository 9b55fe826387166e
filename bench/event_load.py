"""Benchmark: GDELT event files into both stores, and the commands on what was loaded.

On N generated GDELT 2.0 rows (bench/gdelt_generate.py, shaped on the real sample), each figure
beside baselines measured in the same run:

- embedded: ``kg ingest gdelt FILE`` (a subprocess, as a user runs it: rows per second of the
  file, statements per second, peak memory) against reading the same rows with ``str.split`` and
  nothing else (the floor any reader pays) and against inserting the same statements into SQLite
  with one ``executemany`` (the floor of the write);
- neo4j: ``kg ingest gdelt FILE --store neo4j`` against (a) one auto-committed ``MERGE`` per
  statement through the driver (on the first --per-row statements, compared per statement) and
  (b) Neo4j's own ``LOAD CSV`` of the same statements, with the same constraints, ``MERGE`` on
  the same ids and the same links, ``CALL {...} IN TRANSACTIONS``, and (c) ``neo4j-admin database
  import full`` of the same statements, actors, sources and links into a fresh database (the
  physical limit: no transactions, no existing data; the admin tool of the launcher's jars);
- queries on what was loaded, in this process (the library calls the commands make, warm):
  ``kg stance`` of the most frequent speaker (its 25 rows a table) and ``kg camps`` (with its
  50 resamples), on each store, each the second of two runs;
- start-up: ``kg --help`` against ``python -c pass``.

Goals (issue 14): Neo4j at least as fast as LOAD CSV and 50,000 rows/s; embedded 200,000
rows/s in under 2 GB; kg stance under 100 ms (Neo4j) and 1 s (embedded); kg camps under 5 s;
kg --help under 0.3 s. Each line says whether its goal is met.

Neo4j comes from NEO4J_URI or the local launcher (started and stopped here); its database is
cleared first and last, and warmed with a load of a fifth of the rows before anything is timed.
Run: python bench/event_load.py [--rows 1000000] [--per-row 2000] [--skip-neo4j]
Never part of the tests.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import local_neo4j  # noqa: E402
from kg.ingest.gdelt import read_events  # noqa: E402
from kg.ingest.sources import Report  # noqa: E402

KG = [sys.executable, "-m", "kg"]


def _generator():
    spec = importlib.util.spec_from_file_location("gdelt_generate", ROOT / "bench" / "gdelt_generate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def timed(fn, *args, **kw):
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


def run_kg(args: list[str], env: dict) -> float:
    """Seconds a kg command takes, as a subprocess; it must succeed."""
    t = time.perf_counter()
    subprocess.run(KG + args, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def goal(ok: bool) -> str:
    return "goal met" if ok else "GOAL MISSED"


def split_only(path: Path) -> int:
    n = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line.split("\t")
            n += 1
    return n


def sqlite_floor(statements, folder: Path) -> float:
    db = sqlite3.connect(folder / "floor.sqlite")
    db.execute("CREATE TABLE s (id TEXT PRIMARY KEY, speaker TEXT, target TEXT, date TEXT, stance TEXT, "
               "valence REAL, body TEXT)")
    rows = [(s.id, s.speaker, s.targets[0], s.date.isoformat(), s.stance, s.valence, s.model_dump_json())
            for s in statements]
    t = time.perf_counter()
    with db:
        db.executemany("INSERT OR REPLACE INTO s VALUES (?,?,?,?,?,?,?)", rows)
    took = time.perf_counter() - t
    db.close()
    return took


LOAD_CSV = """
LOAD CSV WITH HEADERS FROM 'file:///bench_statements.csv' AS row
CALL (row) {
  MERGE (src:Source {url: row.source})
  MERGE (s:Statement {id: row.id})
  SET s.speaker = row.speaker, s.actor = row.speaker, s.date = date(row.date), s.stance = row.stance,
      s.valence = toFloat(row.valence), s.cameo = row.cameo, s.dataset = 'bench-load-csv',
      s.targets = [row.target], s.quote = row.quote
  WITH s, src, row
  MATCH (a:Actor {id: row.speaker}), (b:Actor {id: row.target})
  MERGE (a)-[:SAID]->(s)
  MERGE (s)-[:TOWARD]->(b)
  MERGE (s)-[:REPORTED_IN]->(src)
} IN TRANSACTIONS OF 5000 ROWS
"""


def admin_import(statements, tmp: Path) -> float:
    """Seconds of ``neo4j-admin database import full`` writing the same statements, their actors
    and sources and the SAID, TOWARD and REPORTED_IN links into a fresh database (c): the tool
    of the launcher's own jars, in a home of its own under ``tmp``."""
    ctl = local_neo4j.load_ctl()
    home = tmp / "admin-import"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text(f"server.directories.data={home / 'data'}\n"
                                             f"server.directories.logs={home / 'logs'}\n")
    files = {name: home / f"{name}.csv" for name in ("actors", "sources", "statements", "said", "toward",
                                                     "reported")}
    actors = sorted({a for s in statements for a in (s.speaker, *s.targets)})
    sources = sorted({s.source for s in statements})
    tables = {
        "actors": (["id:ID", ":LABEL"], [[a, "Actor"] for a in actors]),
        "sources": (["url:ID", ":LABEL"], [[u, "Source"] for u in sources]),
        "statements": (["id:ID", "speaker", "actor", "target", "date:date", "stance", "valence:float", "cameo",
                        "source", "quote", "dataset", ":LABEL"],
                       [[s.id, s.speaker, s.speaker, s.targets[0], s.date.isoformat(), s.stance, s.valence, s.cameo,
                         s.source, s.quote, "bench-admin-import", "Statement"] for s in statements]),
        "said": ([":START_ID", ":END_ID", ":TYPE"], [[s.speaker, s.id, "SAID"] for s in statements]),
        "toward": ([":START_ID", ":END_ID", ":TYPE"], [[s.id, s.targets[0], "TOWARD"] for s in statements]),
        "reported": ([":START_ID", ":END_ID", ":TYPE"], [[s.id, s.source, "REPORTED_IN"] for s in statements]),
    }
    for name, (header, rows) in tables.items():
        with files[name].open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            w.writerows(rows)
    args = [ctl._java(), "-Xmx1g", "-cp", f"{ctl.cache_dir() / 'lib'}/*", "org.neo4j.cli.AdminTool",
            "database", "import", "full", "bench", "--overwrite-destination=true",
            *(f"--nodes={files[n]}" for n in ("actors", "sources", "statements")),
            *(f"--relationships={files[n]}" for n in ("said", "toward", "reported"))]
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    t = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def neo4j_baselines(statements, n_per_row: int) -> tuple[float, float]:
    """(LOAD CSV seconds for every statement, per-row MERGE seconds per statement)."""
    from kg.store.neo4j import Neo4jStore

    store = Neo4jStore()
    ctl = local_neo4j.load_ctl()
    st = ctl.status()
    import_dir = Path(st["data_dir"]) / "import" if st else None
    if import_dir is None or not import_dir.is_dir():
        raise SystemExit("LOAD CSV baseline: run against the local launcher's server (its import folder)")
    with (import_dir / "bench_statements.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "speaker", "target", "date", "stance", "valence", "cameo", "source", "quote"])
        for s in statements:
            w.writerow([s.id, s.speaker, s.targets[0], s.date.isoformat(), s.stance, s.valence, s.cameo,
                        s.source, s.quote])
    with store.driver.session(database=store.database) as session:
        session.run("MATCH (s:Statement) CALL (s) { DETACH DELETE s } IN TRANSACTIONS OF 5000 ROWS").consume()
        t = time.perf_counter()
        session.run(LOAD_CSV).consume()
        t_csv = time.perf_counter() - t
        session.run("MATCH (s:Statement) CALL (s) { DETACH DELETE s } IN TRANSACTIONS OF 5000 ROWS").consume()
        t = time.perf_counter()
        for s in statements[:n_per_row]:
            session.run("MERGE (src:Source {url: $source}) MERGE (st:Statement {id: $id}) "
                        "SET st.speaker = $speaker, st.date = date($date), st.stance = $stance "
                        "WITH st, src MATCH (a:Actor {id: $speaker}), (b:Actor {id: $target}) "
                        "MERGE (a)-[:SAID]->(st) MERGE (st)-[:TOWARD]->(b) MERGE (st)-[:REPORTED_IN]->(src)",
                        id=s.id, speaker=s.speaker, target=s.targets[0], date=s.date.isoformat(),
                        stance=s.stance, source=s.source).consume()
        t_row = (time.perf_counter() - t) / max(1, min(n_per_row, len(statements)))
    (import_dir / "bench_statements.csv").unlink()
    store.clear()
    store.close()
    return t_csv, t_row


def queries(store, speaker: str) -> tuple[float, float]:
    """Seconds of kg stance and kg camps on ``store``, warm: the second of two runs each."""
    from kg.reports.camps import camps
    from kg.reports.stance import ROWS, stance

    stance(store, speaker, limit=ROWS)
    camps(store)
    return timed(stance, store, speaker, limit=ROWS)[1], timed(camps, store)[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--per-row", type=int, default=2_000, help="statements for the per-row MERGE baseline")
    ap.add_argument("--skip-neo4j", action="store_true")
    args = ap.parse_args()
    gen = _generator()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path = tmp / "events.export.CSV"
        with path.open("wb") as fh:
            _, t_gen = timed(gen.write, fh, args.rows, 0, gen.SAMPLE, 300, gen.date(2024, 1, 1), 180)
        report = Report()
        statements, t_read = timed(lambda: list(read_events(path, "bench", report)))
        n_rows, t_split = timed(split_only, path)
        n_st = len(statements)
        print(f"{n_rows:,} generated GDELT rows ({t_gen:.1f} s) -> {n_st:,} statements "
              f"({n_st / n_rows:.1%}: state to state, verbal, with a stance)")
        print(f"read      kg reader {n_rows / t_read:9,.0f} rows/s   "
              f"baseline split only {n_rows / t_split:9,.0f} rows/s")

        env = {**os.environ, "KG_HOME": str(tmp / "home"), "COLUMNS": "80"}
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t_emb = run_kg(["ingest", "gdelt", str(path), "--dataset", "bench"], env)
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        t_floor = sqlite_floor(statements, tmp)
        rate = n_rows / t_emb
        print(f"embedded  kg ingest {rate:9,.0f} rows/s ({n_st / t_emb:,.0f} statements/s, peak {peak:,.0f} MB)   "
              f"baseline executemany {n_st / t_floor:9,.0f} statements/s   "
              f"{goal(rate >= 200_000 and peak < 2048)} (200,000 rows/s, < 2 GB)")
        speaker = max({s.speaker for s in statements}, key=[s.speaker for s in statements].count)
        from kg.store.embedded import EmbeddedStore

        with EmbeddedStore(tmp / "home" / "kg.sqlite") as db:
            t_stance, t_camps = queries(db, speaker)
        print(f"embedded  kg stance {speaker} {t_stance:6.3f} s  {goal(t_stance < 1)} (1 s)   "
              f"kg camps {t_camps:5.2f} s  {goal(t_camps < 5)} (5 s)")
        t_pass = timed(subprocess.run, [sys.executable, "-c", "pass"], check=True)[1]
        t_help = run_kg(["--help"], env)
        print(f"start-up  kg --help {t_help:5.2f} s   baseline python -c pass {t_pass:5.2f} s   {goal(t_help < 0.3)} "
              "(0.3 s)")

        if args.skip_neo4j:
            return
        with local_neo4j.connect():
            from kg.store.neo4j import Neo4jStore

            env.update({k: os.environ[k] for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")})
            # a fresh server runs cold (its JIT): warm it with a smaller load first, so that kg
            # and the baselines, which run after, are measured alike
            warm = tmp / "warm.export.CSV"
            with warm.open("wb") as fh:
                gen.write(fh, max(1, args.rows // 5), 1, gen.SAMPLE, 300, gen.date(2023, 1, 1), 180)
            run_kg(["ingest", "gdelt", str(warm), "--dataset", "warm-up", "--store", "neo4j"], env)
            store = Neo4jStore()
            store.clear()
            store.close()
            t_neo = run_kg(["ingest", "gdelt", str(path), "--dataset", "bench", "--store", "neo4j"], env)
            with Neo4jStore() as db:
                t_stance, t_camps = queries(db, speaker)
            t_csv, t_row = neo4j_baselines(statements, args.per_row)
            t_admin = admin_import(statements, tmp)
            rate = n_rows / t_neo
            print(f"neo4j     kg ingest {rate:9,.0f} rows/s ({n_st / t_neo:,.0f} statements/s)   "
                  f"(a) per-row MERGE {1 / t_row:7,.0f} statements/s   (b) LOAD CSV {n_st / t_csv:7,.0f} "
                  f"statements/s   (c) neo4j-admin import {n_st / t_admin:7,.0f} statements/s (a fresh database, "
                  f"the JVM's start included)   "
                  f"{goal(t_neo <= t_csv and rate >= 50_000)} (as fast as LOAD CSV, 50,000 rows/s)")
            print(f"neo4j     kg stance {speaker} {t_stance:6.3f} s  {goal(t_stance < 0.1)} (100 ms)   "
                  f"kg camps {t_camps:5.2f} s  {goal(t_camps < 5)} (5 s)")


if __name__ == "__main__":
    main()
