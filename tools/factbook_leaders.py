"""Write kg/data/leaders.json, the heads of state and government the package ships, from the
CIA World Factbook's executive-branch texts (public domain) in shared/refdata.

Usage: python tools/factbook_leaders.py [CSV] [--out kg/data/leaders.json]

CSV defaults to ../shared/refdata/leaders/cia_factbook_exec_branch/DERIVED_chief_of_state_
head_of_government_2015_2023.csv beside the repository. What could not be read is printed, one
line each, never dropped silently. For people that kg/data/people.yaml already holds, only roles
with other holders, at times it gives no role, are added, under its id (it is curated, with ministers and
spokespeople, and wins); other ids are the folded name.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest.factbook import read_leaders, short_name  # noqa: E402

from kg.actors import ActorIndex, person_id, shipped_records  # noqa: E402
from kg.errors import KgError  # noqa: E402

DEFAULT = (ROOT.parent / "shared" / "refdata" / "leaders" / "cia_factbook_exec_branch"
           / "DERIVED_chief_of_state_head_of_government_2015_2023.csv")
ABOUT = ("Heads of state and government, 2015-2023, from the CIA World Factbook (public domain): "
         "'Executive branch', chief of state and head of government, editions 2015-2023. Written by "
         "tools/factbook_leaders.py; do not edit by hand. kg/data/people.yaml is the curated place and wins: "
         "for a person it holds, only roles with other holders at other times are added, under its id. A role "
         "runs from the Factbook's 'since' date to the day before the next holder's; no end means the 2023 "
         "edition still names the holder. A monarch 'represented by' a governor general is left out of that realm.")


def _overlap(r: dict, c) -> bool:
    """Whether Factbook role ``r`` and curated role ``c`` share a day (open ends run forever)."""
    return (c.end is None or r["start"] <= c.end) and (r["end"] is None or c.start is None or c.start <= r["end"])


def _roles(roles: list[dict]) -> list[dict]:
    return [{"holder": r["holder"], "title": r["title"], "start": r["start"],
             **({"end": r["end"]} if r["end"] else {}), "source": "CIA World Factbook"} for r in roles]


def build(csv_path: Path) -> tuple[list[dict], list[str]]:
    leaders, unread = read_leaders(csv_path)
    index = ActorIndex(*shipped_records(leaders=False))  # what leaders.yaml adds to
    people, skipped = [], []
    for lead in leaders:
        names = [lead.name] + [n for n in [short_name(lead.name, lead.surname)] if n]
        known = next((a for n in names if (a := index.lookup(n)) is not None and a.kind == "person"), None)
        if known is None:  # a name the Factbook spells otherwise ("Luiz In cio LULA da Silva"): its
            # surname, when the curated person of that name held an office of the same state
            a = index.lookup(lead.surname)
            holders = {r["holder"] for r in lead.roles}
            if a is not None and a.kind == "person" and any(c.holder in holders for c in index.roles.get(a.id, [])):
                known = a
        if known is not None:  # curated: its roles win; the Factbook adds those of other holders
            curated = index.roles.get(known.id, [])
            extra = [r for r in lead.roles if not any(_overlap(r, c) or r["holder"] == c.holder for c in curated)]
            if extra:
                people.append({"id": known.id, "roles": _roles(extra)})
            skipped.append(f"{lead.name} ({known.id}, {len(extra)} roles added)")
            continue
        pid = person_id(lead.name)
        if len(lead.name.split()) > 6 or len(pid) > 64:
            unread.append(f"{lead.name}: not read as a name (an office left in it?)")
            continue
        if pid in index.actors:
            unread.append(f"{lead.name}: the id {pid!r} is taken")
            continue
        person = {"id": pid, "name": lead.name}
        if len(names) > 1:
            person["aliases"] = names[1:]
        person["roles"] = _roles(lead.roles)
        people.append(person)
    return people, unread + [f"in people.yaml: {n}" for n in skipped]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--out", type=Path, default=ROOT / "kg" / "data" / "leaders.json")
    args = ap.parse_args(argv)
    try:
        people, notes = build(args.csv)
    except KgError as e:
        print(f"factbook_leaders: error: {e}", file=sys.stderr)
        return 2
    # one person a line: small diffs when the sources change; dates as ISO text
    lines = [json.dumps(p, ensure_ascii=False, default=str) for p in people]
    text = '{"about": ' + json.dumps(ABOUT) + ',\n "people": [\n' + ",\n".join(lines) + "\n]}\n"
    args.out.write_text(text, encoding="utf-8")
    for line in notes:
        print(line, file=sys.stderr)
    print(f"wrote {len(people)} people with {sum(len(p['roles']) for p in people)} roles to {args.out} "
          f"({len(notes)} notes above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
