"""Benchmark: the reference layer (memberships and alliances) read, loaded, and what it costs the commands.

- read: ``read_reference(FOLDER)`` (EU dates, Factbook and COW IGO participation, ATOP
  obligations, Archigos leaders) beside a baseline in the same run: reading the same five files
  row by row with ``csv`` and nothing else (the floor any reader pays);
- load: the reference dataset into a fresh embedded store (and into Neo4j with ``--neo4j``);
- commands: ``kg camps``, ``kg bloc NATO``, ``kg ties`` and ``kg stance`` on the 2020 dataset,
  each timed in a store with the reference layer and, as the baseline, in one without it.

Run: python bench/reference_load.py [FOLDER] [--neo4j]   (FOLDER: ../shared/refdata)
Never part of the tests.
"""
from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import local_neo4j  # noqa: E402
from kg.ingest import archigos  # noqa: E402
from kg.ingest.curated import read_dataset  # noqa: E402
from kg.ingest.reference import ATOP_FILE, COW_IGO_FILE, EU_FILE, FACTBOOK_FILE, read_reference  # noqa: E402

from kg.reports.camps import camps  # noqa: E402
from kg.reports.common import Options  # noqa: E402
from kg.reports.stance import stance  # noqa: E402
from kg.reports.ties import bloc, ties  # noqa: E402
from kg.store.embedded import EmbeddedStore  # noqa: E402


def timed(fn, *args, **kw):
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


def rows_only(folder: Path) -> int:
    n = 0
    for rel, encoding, delimiter in ((EU_FILE, "utf-8", ","), (FACTBOOK_FILE, "utf-8", ","),
                                     (COW_IGO_FILE, "utf-8", ","), (ATOP_FILE, "utf-8", ","),
                                     (archigos.FILE, "latin-1", "\t")):
        with (folder / rel).open(encoding=encoding, newline="") as fh:
            n += sum(1 for _ in csv.DictReader(fh, delimiter=delimiter))
    return n


def commands(store) -> dict[str, float]:
    out = {}
    for name, fn in (("kg camps (50 resamples)", lambda: camps(store)),
                     ("kg bloc NATO", lambda: bloc(store, "NATO", Options())),
                     ("kg ties Turkey Azerbaijan", lambda: ties(store, "Turkey", "Azerbaijan")),
                     ("kg stance Turkey", lambda: stance(store, "Turkey"))):
        _, out[name] = timed(fn)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=ROOT.parent / "shared" / "refdata", type=Path)
    ap.add_argument("--neo4j", action="store_true", help="also load into Neo4j (NEO4J_URI or the local launcher)")
    args = ap.parse_args()
    n, t_rows = timed(rows_only, args.folder)
    (ds, _), t_read = timed(read_reference, args.folder)
    print(f"read   {t_read:6.2f} s  baseline (csv rows only) {t_rows:6.2f} s  ratio {t_read / t_rows:4.1f}x  "
          f"{n:,} rows -> {len(ds.memberships):,} memberships, {len(ds.alliances):,} alliances, "
          f"{len(ds.roles):,} roles")
    nk = read_dataset(ROOT / "ingest" / "datasets" / "nagorno-karabakh-2020.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        with_ref, plain = EmbeddedStore(Path(tmp) / "ref.sqlite"), EmbeddedStore(Path(tmp) / "plain.sqlite")
        _, t_load = timed(with_ref.load, [ds])
        records = len(ds.actors) + len(ds.roles) + len(ds.memberships) + len(ds.alliances)
        print(f"load   {t_load:6.2f} s  embedded store, {records:,} records")
        with_ref.load([nk])
        plain.load([nk])
        fast, base = commands(with_ref), commands(plain)
        for name in fast:
            print(f"{name:<28} {fast[name]:6.3f} s  baseline (no reference layer) {base[name]:6.3f} s")
        with_ref.close()
        plain.close()
    if args.neo4j:
        from kg.store.neo4j import Neo4jStore

        with local_neo4j.connect():
            store = Neo4jStore()
            store.clear()
            _, t_neo = timed(store.load, [ds])
            print(f"load   {t_neo:6.2f} s  Neo4j, the same records")
            store.clear()
            store.close()


if __name__ == "__main__":
    main()
