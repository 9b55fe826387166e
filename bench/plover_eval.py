"""``kg extract`` on single real wire sentences that nobody here wrote rules against: PLOVER's gold records.

PLOVER's gold standard (``../shared/refdata/plover/PLOVER/PLOVER_GSR_CAMEO.txt``, CC BY-SA 4.0,
read in place, never copied) codes one event per real news sentence: its source actors, target
actors and event type. The verbal events that are stances in kg's vocabulary are scored here,
each sentence extracted on its own with the record's date:

======================  =============================================================
PLOVER event            kg stances (gold labels) that agree with it
======================  =============================================================
DISAPPROVE              oppose/condemn, accuse, concern, warn/threaten
THREATEN                warn/threaten, oppose/condemn
DEMAND                  oppose/condemn, call_for_ceasefire, warn/threaten
REJECT                  oppose/condemn
SUPPORT                 support, praise
======================  =============================================================

Only records whose sources and targets include a state kg knows by the code are kept (CAMEO's
codes are mostly ISO 3166: "JAP" or an organisation's "IGO" are not). A record is

- *speaker found* when some statement's speaker (folded to the state it speaks for) is a source;
- *pair found* when such a statement also has a target among the record's targets;
- *found* when that statement's stance also agrees with the event.

A statement from a source toward a target whose stance disagrees with the event is counted as
*contradicted*: the closest thing to a false positive a one-event-per-sentence gold allows.

The records are split in two halves by the SHA-256 of their id (even: tuning, odd: check),
fixed on 2026-12-01 before any rule was looked at against them; ``--tuning-only -v`` prints
the tuning half's records that were not found, the check half is only ever printed as totals.

Beside each half, the same figures for the extractor of a baseline commit (``--baseline``, by
default the one ``bench/extract_eval.py`` uses), run from a temporary git worktree in the same run.

Usage: python bench/plover_eval.py [--shared ../shared] [--tuning-only] [--verbose] [--baseline REV | --no-baseline]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract_eval import BASELINE, extract_at  # noqa: E402
from kg.ingest.article import extract_article  # noqa: E402
from kg.ingest.article.score import Scored, reduce  # noqa: E402

from kg.actors import ActorIndex  # noqa: E402

GSR = "refdata/plover/PLOVER/PLOVER_GSR_CAMEO.txt"
AGREES = {
    "DISAPPROVE": {"oppose/condemn", "accuse", "concern", "warn/threaten"},
    "THREATEN": {"warn/threaten", "oppose/condemn"},
    "DEMAND": {"oppose/condemn", "call_for_ceasefire", "warn/threaten"},
    "REJECT": {"oppose/condemn"},
    "SUPPORT": {"support", "praise"},
}


@dataclass(frozen=True)
class Record:
    id: str
    event: str
    day: Date
    text: str
    sources: frozenset[str]
    targets: frozenset[str]

    @property
    def half(self) -> str:
        return "tuning" if hashlib.sha256(self.id.encode()).digest()[-1] % 2 == 0 else "check"


def _states(actors, index: ActorIndex) -> frozenset[str]:
    out = set()
    for a in actors if isinstance(actors, list) else ():
        code = a.get("code") if isinstance(a, dict) else None
        hit = index.actors.get(code) if isinstance(code, str) else None
        if hit is not None and hit.kind == "state":
            out.add(hit.id)
    return frozenset(out)


def records(shared: Path, index: ActorIndex) -> list[Record]:
    """The scored records: a stance event, a state kg knows among the sources and the targets."""
    out = []
    for r in json.loads((shared / GSR).read_text(encoding="utf-8")):
        if r.get("event") not in AGREES or not r.get("text"):
            continue
        src, tgt = _states(r.get("source"), index), _states(r.get("target"), index)
        if src and tgt and not src & tgt:
            out.append(Record(r["id"], r["event"], Date.fromisoformat(r.get("date") or "2000-01-01"),
                              r["text"], src, tgt))
    return out


@dataclass
class Tally:
    records: int = 0
    speaker: int = 0
    pair: int = 0
    found: int = 0
    contradicted: int = 0
    statements: int = 0

    HEADER = f"{'':<20} {'records':>7} {'speaker':>8} {'pair':>6} {'found':>6} {'contra.':>8} {'stmts':>6}"

    def row(self, name: str) -> str:
        n = self.records or 1
        return (f"{name:<20} {self.records:>7} {self.speaker / n:>8.2f} {self.pair / n:>6.2f}"
                f" {self.found / n:>6.2f} {self.contradicted / n:>8.2f} {self.statements:>6}")


def extract(rec: Record, index: ActorIndex) -> list[Scored]:
    """The scored statements of the record's sentence, extracted on its own with the record's date."""
    return reduce(extract_article(rec.text, url=f"urn:plover:{rec.id}", date=rec.day, index=index), index)


def judge(rec: Record, got: list[Scored]) -> tuple[bool, bool, bool, bool, int]:
    """(speaker found, pair found, found, contradicted, statements) for one record."""
    speaker = [e for e in got if e.speaker in rec.sources]
    pair = [e for e in speaker if set(e.targets) & rec.targets]
    found = [e for e in pair if e.stance in AGREES[rec.event]]
    return bool(speaker), bool(pair), bool(found), bool(pair) and not found, len(got)


def at_revision(rev: str, recs: list[Record]) -> dict[str, list[Scored]] | None:
    """{record id: scored statements} by the extractor at git revision ``rev``, or None."""
    with tempfile.TemporaryDirectory(prefix="kg-plover-") as tmp:
        paths = {}
        for rec in recs:  # each sentence as an article file in the dev corpus' layout
            path = Path(tmp) / f"{rec.id}.txt"
            path.write_text(f"urn:plover:{rec.id}\n{rec.day.isoformat()}\nPLOVER record\n\n{rec.text}\n",
                            encoding="utf-8")
            paths[rec.id] = path
        got = extract_at(rev, list(paths.values()))
    return None if got is None else {rid: got[str(path)] for rid, path in paths.items()}


def evaluate(shared: Path, index: ActorIndex | None = None, halves=("tuning", "check"),
             verbose: bool = False, extracted: dict[str, list[Scored]] | None = None) -> dict[str, Tally]:
    """A :class:`Tally` per half (and per half and event); ``extracted`` gives the statements by
    record id (a baseline's), by default this tree's extractor runs."""
    index = index or ActorIndex.default()
    out: dict[str, Tally] = {}
    for rec in records(shared, index):
        if rec.half not in halves:
            continue
        got = extracted[rec.id] if extracted is not None else extract(rec, index)
        sp, pa, fo, co, n = judge(rec, got)
        for key in (rec.half, f"{rec.half} {rec.event.lower()}"):
            t = out.setdefault(key, Tally())
            t.records += 1
            t.speaker += sp
            t.pair += pa
            t.found += fo
            t.contradicted += co
            t.statements += n
        if verbose and rec.half == "tuning" and not fo:
            print(f"  {rec.id} {rec.event} {sorted(rec.sources)} -> {sorted(rec.targets)}:"
                  f" speaker {sp} pair {pa}  «{rec.text[:110]}»")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--tuning-only", action="store_true", help="do not score the check half at all")
    ap.add_argument("--verbose", "-v", action="store_true", help="the tuning half's records not found")
    ap.add_argument("--baseline", default=BASELINE, help=f"git revision to compare with (default {BASELINE})")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / GSR).exists():
        sys.exit(f"{shared / GSR} is absent: PLOVER's gold records sit in ../shared beside the project")
    halves = ("tuning",) if args.tuning_only else ("tuning", "check")
    index = ActorIndex.default()
    res = evaluate(shared, index, halves=halves, verbose=args.verbose)
    base = None
    if not args.no_baseline:
        got = at_revision(args.baseline, records(shared, index))
        base = None if got is None else evaluate(shared, index, halves=halves, extracted=got)
    print(Tally.HEADER)
    for key in sorted(res, key=lambda k: (k.split()[0] != "tuning", len(k.split()) > 1, k)):
        print(res[key].row(key))
        if base is not None and key in halves:
            print(base[key].row(f"  baseline {args.baseline}"))
    print("speaker, pair, found, contra(dicted): fractions of the records; stmts: statements extracted")


if __name__ == "__main__":
    main()
