"""Benchmark: loading generated statements into each store, beside a naive baseline in the same run.

- embedded: ``EmbeddedStore.load`` (one transaction, batched ``executemany``) against one
  ``INSERT`` and one commit per statement, the loop a first version would write;
- neo4j: ``Neo4jStore.load`` (``UNWIND $rows`` batches in one transaction) against one
  auto-committed ``CREATE`` query per statement through the same driver.

Neo4j comes from NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD) or, when unset, from the local
launcher (tools/neo4j/neo4jctl.py, its default home). Its database is cleared first.

Run: python bench/store_load.py [--statements 20000] [--baseline 5000] [--skip-neo4j]
The baseline runs on fewer statements (--baseline) and is compared per statement.
Never part of the tests.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import local_neo4j  # noqa: E402

from kg.store.embedded import EmbeddedStore  # noqa: E402
from kg.synthetic import synthetic_dataset  # noqa: E402


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds else float("inf")


def embedded(ds, n_baseline: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "kg.sqlite")
        t = time.perf_counter()
        store.load([ds])
        kg_rate = rate(len(ds.statements), time.perf_counter() - t)
        store.close()
        db = sqlite3.connect(Path(tmp) / "naive.sqlite")
        db.execute("CREATE TABLE statements (id TEXT PRIMARY KEY, body TEXT)")
        t = time.perf_counter()
        for s in ds.statements[:n_baseline]:
            db.execute("INSERT OR REPLACE INTO statements VALUES (?, ?)", (s.id, s.model_dump_json()))
            db.commit()
        base_rate = rate(n_baseline, time.perf_counter() - t)
        db.close()
    return kg_rate, base_rate


def neo4j(ds, n_baseline: int) -> tuple[float, float]:
    from kg.store.neo4j import Neo4jStore

    with local_neo4j.connect():
        store = Neo4jStore()
        store.clear()
        t = time.perf_counter()
        store.load([ds])
        kg_rate = rate(len(ds.statements), time.perf_counter() - t)
        with store.driver.session(database=store.database) as session:
            session.run("MATCH (n:NaiveStatement) DETACH DELETE n").consume()
            t = time.perf_counter()
            for s in ds.statements[:n_baseline]:
                session.run("MATCH (a:Actor {id: $speaker}), (b:Actor {id: $target}) "
                            "CREATE (a)-[:SAID]->(:NaiveStatement {id: $id, stance: $stance, date: $date})"
                            "-[:TOWARD]->(b)", speaker=s.speaker, target=s.targets[0], id=s.id,
                            stance=s.stance, date=s.date).consume()
            base_rate = rate(n_baseline, time.perf_counter() - t)
            session.run("MATCH (n:NaiveStatement) DETACH DELETE n").consume()
        store.clear()
        store.close()
    return kg_rate, base_rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=20_000)
    ap.add_argument("--baseline", type=int, default=5_000)
    ap.add_argument("--skip-neo4j", action="store_true")
    args = ap.parse_args()
    ds = synthetic_dataset(args.statements)
    print(f"{args.statements} generated statements (baseline on the first {args.baseline})")
    runs = [("embedded", embedded)] + ([] if args.skip_neo4j else [("neo4j", neo4j)])
    for name, fn in runs:
        kg_rate, base_rate = fn(ds, args.baseline)
        print(f"{name:9} kg load {kg_rate:9.0f} statements/s   baseline {base_rate:8.0f} statements/s   "
              f"ratio {kg_rate / base_rate:5.1f}x")


if __name__ == "__main__":
    main()
