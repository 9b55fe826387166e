"""Precision and recall of ``kg extract`` against gold, per article and overall.

Scores (speaker, stance, target) triples and, separately, speakers alone, with the
rule of ``shared/corpus/dev/gold.yaml`` (see :mod:`kg.ingest.article.score`):

* the 2020 Nagorno-Karabakh article against the curated dataset
  ``ingest/datasets/nagorno-karabakh-2020.yaml`` (one gold item per distinct
  (on_behalf_of or speaker, gold stance label, targets); targets naming Armenia's and
  Azerbaijan's camps are 'both sides');
* the 7 dev articles against ``shared/corpus/dev/gold.yaml``.

Usage: python bench/extract_eval.py [--verbose] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest.article import extract_file  # noqa: E402
from kg.ingest.article.score import Score, gold_from_dataset, load_gold, reduce, score, score_speakers  # noqa: E402
from kg.ingest.curated import read_dataset  # noqa: E402

from kg.actors import ActorIndex  # noqa: E402

NK2020_ARTICLE = "corpus/2020-09-27_moscow-times_clashes-azerbaijan-armenia.txt"
NK2020_CAMPS = (("ARM", "NKR"), ("AZE",))


def evaluate(shared: Path, index: ActorIndex | None = None) -> dict[str, tuple[Score, Score]]:
    """{article: (triple score, speaker score)} for the 2020 article and every dev article."""
    index = index or ActorIndex.default()
    out = {}
    art = shared / NK2020_ARTICLE
    if art.exists():
        gold = gold_from_dataset(read_dataset(ROOT / "ingest/datasets/nagorno-karabakh-2020.yaml"),
                                 NK2020_CAMPS, "nk2020")
        ex = reduce(extract_file(art, index=index), index)
        out["2020 nagorno-karabakh"] = (score(ex, gold), score_speakers(ex, gold))
    dev = shared / "corpus" / "dev"
    if (dev / "gold.yaml").exists():
        for name, gold in load_gold(dev / "gold.yaml", index).items():
            ex = reduce(extract_file(dev / name, index=index), index)
            out[name] = (score(ex, gold), score_speakers(ex, gold))
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


def _row(name: str, s: Score, sp: Score) -> str:
    return (f"{name:38} P {s.precision:5.2f} R {s.recall:5.2f} ({s.found}/{s.gold}, fp {s.false_pos})"
            f"   speakers P {sp.precision:5.2f} R {sp.recall:5.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    res = evaluate(Path(args.shared))
    if not res:
        sys.exit(f"no corpus under {args.shared}")
    dev_total, dev_sp = Score(), Score()
    for name, (s, sp) in res.items():
        print(_row(name, s, sp))
        if args.verbose:
            for m in s.misses:
                print(f"    miss  {sorted(m.actors)} {sorted(m.stances)} {sorted(m.target)}  «{m.quote[:60]}»")
            for f in s.false:
                print(f"    false {f.speaker} {f.stance} {f.targets} all={f.all_parties}")
        if name != "2020 nagorno-karabakh":
            dev_total, dev_sp = dev_total + s, dev_sp + sp
    print(_row("dev overall (7 articles, micro)", dev_total, dev_sp))
    own_total, own_sp = Score(), Score()
    print("own test articles (tests/articles, our own words):")
    for name, (s, sp) in evaluate_own().items():
        print(_row(name, s, sp))
        own_total, own_sp = own_total + s, own_sp + sp
    print(_row("own overall (micro)", own_total, own_sp))


if __name__ == "__main__":
    main()
