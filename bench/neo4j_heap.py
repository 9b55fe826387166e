"""Benchmark: the Java heap a Neo4j load needs, batched (kg load) beside one transaction.

For each heap size (``-Xmx``, the launcher's ``KG_NEO4J_HEAP``) this starts the local launcher
(tools/neo4j/neo4jctl.py) on a fresh database in a temporary home and runs, on the same
generated statements (``kg.synthetic``):

- kg's load (``Neo4jStore.load``): above ``MAX_TX_ROWS`` rows, one transaction per batch of
  ``BATCH_ROWS`` (5,000) rows;
- kg's reload of the same data (every batch unlinks and relinks its statements);
- the baseline in the same run: the whole load as one transaction (``max_tx_rows`` above the
  number of rows), which is what the CLI did below 100,000 statements before batching.

It prints whether each finished, its time, and the server's peak resident memory (VmHWM of the
Java process, from /proc). The smallest heap at which kg's load and reload pass is the heap the
load needs; Neo4j caps a transaction's memory at 70 % of the heap by default.

Run: python bench/neo4j_heap.py [--statements 100000] [--heaps 128m,192m,256m,512m]
Needs Java and Maven (the launcher's jars are fetched once into ~/.cache/kg). Linux only (/proc).
Never part of the tests.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import local_neo4j  # noqa: E402

from kg.errors import KgError  # noqa: E402
from kg.synthetic import synthetic_dataset  # noqa: E402


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(store, ds) -> str:
    t = time.perf_counter()
    try:
        store.load([ds])
    except KgError as exc:
        why = "out of transaction memory" if "MemoryPool" in str(exc) or "memory" in str(exc) else str(exc)
        return f"FAILED ({why[:40]})"
    return f"ok {time.perf_counter() - t:5.1f} s"


def one_heap(ctl, heap: str, ds) -> dict:
    from kg.store.neo4j import Neo4jStore

    os.environ["KG_NEO4J_HEAP"] = heap
    with tempfile.TemporaryDirectory(prefix="kg-heap-") as home:
        try:
            st = ctl.start(home=home, verbose=False)
            env = dict(uri=st["uri"], user=st["user"], password=st["password"])
            batched = Neo4jStore(**env)
            row = {"heap": heap, "load": timed(batched, ds), "reload": timed(batched, ds)}
            batched.clear()
            whole = Neo4jStore(**env, max_tx_rows=10 * len(ds.statements) + 1)
            row["one transaction"] = timed(whole, ds)
            whole.close()
            batched.close()
            row["peak RSS"] = f"{peak_rss_mb(st['pid']):.0f} MB"
        finally:
            ctl.stop(home=home, verbose=False)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--heaps", default="128m,192m,256m,512m")
    args = ap.parse_args()
    # a SIGTERM (or a closed terminal) unwinds like Ctrl-C, so each server started here is stopped
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.default_int_handler)
    ctl = local_neo4j.load_ctl()
    ds = synthetic_dataset(args.statements)
    print(f"{args.statements} generated statements; kg load = one transaction per 5,000 rows; "
          f"baseline = one transaction")
    cols = ("heap", "load", "reload", "one transaction", "peak RSS")
    print("  ".join(f"{c:<16}" for c in cols).rstrip())
    for heap in args.heaps.split(","):
        row = one_heap(ctl, heap.strip(), ds)
        print("  ".join(f"{row.get(c, ''):<16}" for c in cols).rstrip(), flush=True)


if __name__ == "__main__":
    main()
