"""Extraction speed: 5 KB articles per second on one core, beside a naive baseline.

The baseline is the straightforward approach the extractor avoids: split sentences,
then for every sentence test every alias of the alias data with a regular
expression. Both run on the same synthetic 5 KB articles built from the dev corpus
(or from a built-in paragraph when the corpus is absent) in the same run; the ratio
is extractor speed / baseline speed.

The time is split in rounds, the extractor and the baseline taking turns, and each
figure is the median of its rounds (the range is printed beside it): on a shared or
virtual machine a pause of the whole machine then spoils one round, not the figure.

Usage: python bench/extract_speed.py [--seconds 3] [--rounds 5]
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest.article import extract_article  # noqa: E402
from kg.ingest.article.extract import default_index  # noqa: E402
from kg.ingest.article.text import parse_article, split_sentences  # noqa: E402

FALLBACK = ("Fighting broke out between Armenia and Azerbaijan on Sunday. Turkey blamed Yerevan "
            "for the clashes and promised Baku its full support, while France urged an immediate "
            "ceasefire. \"We are deeply concerned,\" the Kremlin said. ")


def bodies() -> list[str]:
    """The dev corpus' article bodies, or the built-in paragraph when the corpus is absent."""
    dev = ROOT.parent / "shared" / "corpus" / "dev"
    return [parse_article(p.read_text(encoding="utf-8")).body for p in sorted(dev.glob("*.txt"))] or [FALLBACK]


def articles(n: int = 20) -> list[str]:
    texts = bodies()
    out = []
    for i in range(n):
        text, k = "", i
        while len(text.encode()) < 5000:
            text += texts[k % len(texts)] + "\n\n"
            k += 1
        out.append(f"https://example.org/{i}\n2020-09-27\nBench {i}\n\n" + text.encode()[:5000].decode(errors="ignore"))
    return out


def naive(text: str, patterns) -> int:
    body = parse_article(text).body
    hits = 0
    for s in split_sentences(body):
        for rx, _ in patterns:
            if rx.search(s.text):
                hits += 1
    return hits


def rate(fn, docs, seconds: float) -> float:
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for d in docs:
            fn(d)
            n += 1
    return n / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=3.0, help="time for the extractor, all rounds")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    docs = articles()
    idx = default_index()
    extract_article(docs[0], index=idx)  # warm the caches (alias table, rules)
    names = {n for a in idx.actors.values() for n in (a.name, *a.aliases)}
    patterns = [(re.compile(r"\b" + re.escape(n) + r"\b"), n) for n in names]
    per_round = args.seconds / args.rounds
    ours_runs, base_runs = [], []
    for _ in range(args.rounds):  # taking turns: both see the same machine
        ours_runs.append(rate(lambda d: extract_article(d, index=idx), docs, per_round))
        base_runs.append(rate(lambda d: naive(d, patterns), docs, per_round))
    ours, base = statistics.median(ours_runs), statistics.median(base_runs)
    print(f"kg extract: {ours:8.1f} articles/s (5 KB each, one core; target >= 20)"
          f"  [rounds {min(ours_runs):.1f}-{max(ours_runs):.1f}]")
    print(f"baseline  : {base:8.1f} articles/s (sentence split + every alias regex per sentence)"
          f"  [rounds {min(base_runs):.1f}-{max(base_runs):.1f}]")
    print(f"ratio     : {ours / base:8.1f}x  (median of {args.rounds} rounds each, same run)")


if __name__ == "__main__":
    main()
