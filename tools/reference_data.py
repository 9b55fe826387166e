"""Write the reference data the package ships, from the team's reference copy.

* ``kg/data/memberships.csv``: the EU's member states with their accession and exit dates (eums
  by Joshua C. Fjelstul, MIT licence, (c) 2021) and the CIA World Factbook's organisation
  participation of the 2015-2023 editions (public domain) for the organisations
  kg/data/reference.yaml maps, read as ``kg ingest reference`` reads them (ingest/reference.py).
* ``kg/data/archigos_leaders.csv``: Archigos 4.1's leader spells in office on or after 1 January
  1945 (CC BY 4.0; Goemans, Gleditsch and Chiozza), see ingest/archigos.py.

ATOP's alliances (GPL-2) and COW IGO's memberships (GPL-3 package) are never shipped.

Usage: python tools/reference_data.py [FOLDER] [--out-dir kg/data]
FOLDER defaults to ../shared/refdata beside the repository.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest import archigos  # noqa: E402
from kg.ingest.reference import read_reference, write_memberships  # noqa: E402

from kg.errors import KgError  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=ROOT.parent / "shared" / "refdata", type=Path)
    ap.add_argument("--out-dir", default=ROOT / "kg" / "data", type=Path)
    args = ap.parse_args()
    try:
        dataset, _ = read_reference(args.folder, sources=("eu", "factbook"))
        spells = [s for s in archigos.read_spells(args.folder / archigos.FILE)
                  if s.end is None or s.end >= archigos.SHIPPED_SINCE]
    except KgError as e:
        print(f"reference_data: {e}", file=sys.stderr)
        return 2
    write_memberships(dataset.memberships, args.out_dir / "memberships.csv")
    archigos.write_spells(spells, args.out_dir / archigos.SHIPPED)
    print(f"wrote {len(dataset.memberships)} memberships and {len(spells)} Archigos spells to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
