"""Precision and recall of ``kg extract`` against gold, per half of the dev corpus, beside a baseline.

Scores (speaker, stance, target) triples and, separately, speakers alone, with the
rule of ``shared/corpus/dev/gold.yaml`` (see :mod:`kg.ingest.article.score`):

* the dev corpus, split by crisis into a tuning half and a check half (``bench/dev_split.yaml``,
  fixed before the rule work): rules are written against the tuning half only, so the check
  half is the estimate of how the extractor does on copy it has never seen;
* the 2020 Nagorno-Karabakh article against the curated dataset
  ``ingest/datasets/nagorno-karabakh-2020.yaml`` (one gold item per distinct
  (on_behalf_of or speaker, gold stance label, targets); targets naming Armenia's and
  Azerbaijan's camps are 'both sides');
* our own test articles (``tests/articles``).

The baseline is the extractor of an earlier commit (default: the one of 2026-12-01, before any
rule work on the split), run from a temporary git worktree in the same run and scored by the
same code, so the two rows differ only by the extractor.

Usage: python bench/extract_eval.py [--verbose] [--tuning-only] [--shared ../shared] [--baseline REV | --no-baseline]
  --verbose      misses and false positives of the TUNING half (the check half's are never printed)
  --tuning-only  leave the check half out altogether: for rule work, so that the check half is
                 looked at only when a round of rule work is measured
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest.article import extract_file  # noqa: E402
from kg.ingest.article.score import (  # noqa: E402
    Score,
    Scored,
    gold_from_dataset,
    load_gold,
    reduce,
    score,
    score_speakers,
)
from kg.ingest.curated import read_dataset  # noqa: E402

from kg.actors import ActorIndex  # noqa: E402

NK2020_ARTICLE = "corpus/2020-09-27_moscow-times_clashes-azerbaijan-armenia.txt"
NK2020_CAMPS = (("ARM", "NKR"), ("AZE",))
SPLIT = ROOT / "bench" / "dev_split.yaml"
BASELINE = "e7dc0a1"
"""The extractor as it stood when the split was fixed (2026-12-01)."""

# Run inside a baseline worktree: extract every article with that tree's own code and print the
# scored form as JSON (the package moved from ``ingest`` to ``kg.ingest`` on the way).
DUMP = """
import importlib.util, json, sys
from pathlib import Path
# The tree's own code only: drop the finder of this project's editable install, and ship
# ingest/ as kg.ingest by hand where the tree's pyproject does (its layout from 2026-12-01 on).
sys.meta_path = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
tree = Path.cwd()
if '"kg.ingest" = "ingest"' in (tree / "pyproject.toml").read_text(encoding="utf-8"):
    import kg
    spec = importlib.util.spec_from_file_location("kg.ingest", tree / "ingest" / "__init__.py",
                                                  submodule_search_locations=[str(tree / "ingest")])
    module = importlib.util.module_from_spec(spec)
    sys.modules["kg.ingest"] = kg.ingest = module
    spec.loader.exec_module(module)
    from kg.ingest.article import extract_file
    from kg.ingest.article.score import reduce
else:
    from ingest.article import extract_file
    from ingest.article.score import reduce
from kg.actors import ActorIndex
index = ActorIndex.default()
out = {}
for path in sys.argv[1:]:
    out[path] = [[s.speaker, s.stance, list(s.targets), s.all_parties]
                 for s in reduce(extract_file(Path(path), index=index), index)]
print(json.dumps(out))
"""


def split() -> dict[str, dict[str, list[str]]]:
    """``{"tuning": {crisis: [article, ...]}, "check": {...}}``, as fixed in bench/dev_split.yaml."""
    return yaml.safe_load(SPLIT.read_text(encoding="utf-8"))


def half_of(article: str) -> str | None:
    """``tuning`` or ``check`` for a dev article, None for anything else."""
    for half, crises in split().items():
        if any(article in files for files in crises.values()):
            return half
    return None


def _articles(shared: Path) -> list[tuple[str, Path]]:
    dev = shared / "corpus" / "dev"
    out = []
    if (shared / NK2020_ARTICLE).exists():
        out.append(("2020 nagorno-karabakh", shared / NK2020_ARTICLE))
    if (dev / "gold.yaml").exists():
        out += [(name, dev / name) for name in load_gold(dev / "gold.yaml")]
    return out


def _golds(shared: Path, index: ActorIndex) -> dict:
    golds = {}
    if (shared / NK2020_ARTICLE).exists():
        golds["2020 nagorno-karabakh"] = gold_from_dataset(
            read_dataset(ROOT / "ingest/datasets/nagorno-karabakh-2020.yaml"), NK2020_CAMPS, "nk2020")
    dev = shared / "corpus" / "dev"
    if (dev / "gold.yaml").exists():
        golds.update(load_gold(dev / "gold.yaml", index))
    return golds


def evaluate(shared: Path, index: ActorIndex | None = None,
             extracted: dict[str, list[Scored]] | None = None) -> dict[str, tuple[Score, Score]]:
    """{article: (triple score, speaker score)} for the 2020 article and every dev article.

    ``extracted`` gives the scored extractions by article (a baseline's); by default this
    tree's extractor runs.
    """
    index = index or ActorIndex.default()
    golds = _golds(shared, index)
    out = {}
    for name, path in _articles(shared):
        ex = extracted[name] if extracted is not None else reduce(extract_file(path, index=index), index)
        out[name] = (score(ex, golds[name]), score_speakers(ex, golds[name]))
    return out


def evaluate_own(index: ActorIndex | None = None) -> dict[str, tuple[Score, Score]]:
    """{article: (triple score, speaker score)} for our own test articles (tests/articles)."""
    index = index or ActorIndex.default()
    folder = ROOT / "tests" / "articles"
    out = {}
    for name, gold in load_gold(folder / "gold.yaml", index).items():
        ex = reduce(extract_file(folder / name, index=index), index)
        out[name] = (score(ex, gold), score_speakers(ex, gold))
    return out


def coverage(shared: Path, index: ActorIndex | None = None) -> dict[str, tuple[int, int, int]]:
    """Per half: (gold items found by a statement or a review candidate, scored gold items,
    candidates), with the statements and candidates of :func:`kg.ingest.article.proposals.review_queue`
    scored together by the same rule. The goal: 90 % covered, at most 3 candidates per gold item."""
    from kg.ingest.article.extract import article_body
    from kg.ingest.article.proposals import review_queue

    from kg.vocab import stances

    index = index or ActorIndex.default()
    labels = {k: v.gold for k, v in stances().items()}
    golds = _golds(shared, index)
    out = {"tuning": [0, 0, 0], "check": [0, 0, 0]}
    for name, path in _articles(shared):
        half = half_of(name)
        if half is None:
            continue
        ex = extract_file(path, index=index)
        _, queue = review_queue(ex, article_body(path.read_text(encoding="utf-8")), index)
        proposed = [Scored(index.speaks_for(c.speaker, ex.date) or c.speaker, labels[c.stance], tuple(c.targets),
                           c.all_parties)
                    for c in queue if c.speaker and c.stance and c.targets]
        s = score(reduce(ex, index) + proposed, golds[name])
        out[half][0] += s.found
        out[half][1] += s.gold
        out[half][2] += len(queue)
    return {h: tuple(v) for h, v in out.items()}


def by_half(results: dict[str, tuple[Score, Score]]) -> dict[str, tuple[Score, Score]]:
    """Micro totals of the dev articles per half: ``{"tuning": (triples, speakers), "check": ...}``."""
    out = {"tuning": (Score(), Score()), "check": (Score(), Score())}
    for name, (s, sp) in results.items():
        half = half_of(name)
        if half is not None:
            out[half] = (out[half][0] + s, out[half][1] + sp)
    return out


def extract_at(rev: str, paths: list[Path]) -> dict[str, list[Scored]] | None:
    """{str(path): scored extractions} by the extractor at git revision ``rev`` (run from a temporary
    worktree), or None (and why, on stderr) if unavailable."""
    with tempfile.TemporaryDirectory(prefix="kg-baseline-") as tmp:
        tree = Path(tmp) / "tree"
        made = subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(tree), rev],
                              capture_output=True, text=True)
        if made.returncode != 0:
            print(f"no baseline: git worktree {rev}: {made.stderr.strip()}", file=sys.stderr)
            return None
        try:
            r = subprocess.run([sys.executable, "-c", DUMP, *(str(p) for p in paths)], cwd=tree,
                               env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
                               capture_output=True, text=True)
            if r.returncode != 0:
                print(f"no baseline: {rev} failed: {r.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
                return None
            raw = json.loads(r.stdout)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                           capture_output=True)
    return {path: [Scored(sp, st, tuple(tg), ap) for sp, st, tg, ap in got] for path, got in raw.items()}


def baseline_extractions(rev: str, shared: Path) -> dict[str, list[Scored]] | None:
    """The scored extractions of the extractor at git revision ``rev``, or None (and why) if unavailable."""
    articles = _articles(shared)
    got = extract_at(rev, [p for _, p in articles])
    return None if got is None else {name: got[str(path)] for name, path in articles}


def _row(name: str, s: Score, sp: Score) -> str:
    return (f"{name:38} P {s.precision:5.2f} R {s.recall:5.2f} ({s.found}/{s.gold}, fp {s.false_pos})"
            f"   speakers P {sp.precision:5.2f} R {sp.recall:5.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--verbose", "-v", action="store_true", help="misses and false positives, tuning half only")
    ap.add_argument("--baseline", default=BASELINE, help=f"git revision to compare with (default {BASELINE})")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--tuning-only", action="store_true", help="do not score the check half at all")
    args = ap.parse_args()
    shared = Path(args.shared)
    res = evaluate(shared)
    if not res:
        sys.exit(f"no corpus under {shared}")
    for name, (s, sp) in res.items():
        half = half_of(name)
        if half == "check":
            continue  # scored in the totals below, never shown article by article
        print(_row(name, s, sp))
        if args.verbose:
            for m in s.misses:
                print(f"    miss  {sorted(m.actors)} {sorted(m.stances)} {sorted(m.target)}  «{m.quote[:60]}»")
            for f in s.false:
                print(f"    false {f.speaker} {f.stance} {f.targets} all={f.all_parties}")
    halves = by_half(res)
    base = None if args.no_baseline else baseline_extractions(args.baseline, shared)
    base_halves = by_half(evaluate(shared, extracted=base)) if base else None
    cover = coverage(shared)
    for half in ("tuning",) if args.tuning_only else ("tuning", "check"):
        crises = split()[half]
        label = f"dev {half} ({len(crises)} crises, micro)"
        print(_row(label, *halves[half]))
        if base_halves:
            print(_row(f"  baseline {args.baseline}", *base_halves[half]))
        covered, gold, queued = cover[half]
        print(f"  with the review queue: {covered}/{gold} gold items covered ({covered / gold:.2f}), "
              f"{queued} candidates ({queued / gold:.1f} per gold item)")
    own_total, own_sp = Score(), Score()
    print("own test articles (tests/articles, our own words):")
    for name, (s, sp) in evaluate_own().items():
        print(_row(name, s, sp))
        own_total, own_sp = own_total + s, own_sp + sp
    print(_row("own overall (micro)", own_total, own_sp))


if __name__ == "__main__":
    main()
