"""Write kg/data/memberships.csv, the memberships the package ships, from the team's reference copy.

The EU's member states with their accession and exit dates (eums by Joshua C. Fjelstul, MIT
licence, (c) 2021) and the CIA World Factbook's organisation participation of the 2015-2023
editions (public domain) for the organisations kg/data/reference.yaml maps, read as
``kg ingest reference`` reads them (ingest/reference.py). ATOP's alliances are not shipped (GPL-2).

Usage: python tools/reference_memberships.py [FOLDER] [--out kg/data/memberships.csv]
FOLDER defaults to ../shared/refdata beside the repository.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest.reference import read_reference, write_memberships  # noqa: E402

from kg.errors import KgError  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=ROOT.parent / "shared" / "refdata", type=Path)
    ap.add_argument("--out", default=ROOT / "kg" / "data" / "memberships.csv", type=Path)
    args = ap.parse_args()
    try:
        dataset, report = read_reference(args.folder, sources=("eu", "factbook"))
    except KgError as e:
        print(f"reference_memberships: {e}", file=sys.stderr)
        return 2
    write_memberships(dataset.memberships, args.out)
    print(f"wrote {len(dataset.memberships)} memberships to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
