"""A 2 MB article ends in bounded time: seconds for the largest article ``kg extract`` reads.

Two articles of just under 2 MB (``MAX_BYTES``) are built from the dev corpus' sentences (a
built-in paragraph when the corpus is absent): one of ordinary sentences, and one run-on text
with every sentence stop taken out, as a page with no punctuation or a stray quotation mark
makes it. Each is extracted once on one core with the extractor as it is, and once with the
bound on a sentence's length lifted (``MAX_SENTENCE``, what the extractor did before it had the
bound), the baseline, run in the same run under a time cap (default 120 s) in a child process
it stops at the cap.

Usage: python bench/extract_long.py [--cap 120] [--mb 1.9]
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract_speed import bodies  # noqa: E402
from kg.ingest.article.text import MAX_SENTENCE  # noqa: E402

# Run in a child process: extract one file and print the seconds it took. With "unbounded",
# the bound on a sentence's length is lifted first.
CHILD = """
import sys, time
import kg.ingest.article.text as text
if sys.argv[2] == "unbounded":
    text.MAX_SENTENCE = 10 ** 9
from kg.ingest.article import extract_file
from kg.ingest.article.extract import default_index
index = default_index()
t0 = time.perf_counter()
x = extract_file(sys.argv[1], index=index)
print(f"{time.perf_counter() - t0:.1f} {len(x.statements)}")
"""


def build(size: int, run_on: bool) -> str:
    """An article of about ``size`` bytes; ``run_on`` takes every sentence stop out."""
    parts, n, k, texts = [], 0, 0, bodies()
    while n < size:
        t = texts[k % len(texts)]
        if run_on:
            t = re.sub(r"[.!?…]+", "", t).replace("\n", " ")
        parts.append(t)
        n += len(t.encode()) + 2
        k += 1
    body = ("\n\n" if not run_on else " ").join(parts).encode()[:size].decode(errors="ignore")
    return f"https://example.org/long\n2020-09-27\nA long article\n\n{body}\n"


def timed(path: Path, mode: str, cap: float) -> tuple[float | None, int | None]:
    """(seconds, statements) of one extraction in a child process, or (None, None) past ``cap``."""
    try:
        run = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], capture_output=True, text=True,
                             timeout=cap, check=True, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None, None
    seconds, statements = run.stdout.split()
    return float(seconds), int(statements)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cap", type=float, default=120.0, help="seconds before a run is stopped")
    ap.add_argument("--mb", type=float, default=1.9, help="size of each article in MB (at most 2)")
    args = ap.parse_args()
    size = int(args.mb * 1_000_000)
    print(f"one core; MAX_SENTENCE = {MAX_SENTENCE} characters; runs stopped after {args.cap:.0f} s")
    with tempfile.TemporaryDirectory(prefix="kg-long-") as tmp:
        for name, run_on in (("sentences", False), ("run-on, no stops", True)):
            path = Path(tmp) / "long.txt"
            path.write_text(build(size, run_on), encoding="utf-8")
            mb = path.stat().st_size / 1_000_000
            print(f"{name}, {mb:.2f} MB")
            took = []
            for mode, label in (("bounded", "kg extract"), ("unbounded", "baseline, no bound")):
                t0 = time.perf_counter()
                seconds, statements = timed(path, mode, args.cap)
                took.append(seconds if seconds is not None else time.perf_counter() - t0)
                cell = (f"{seconds:6.1f} s ({statements} statements)" if seconds is not None
                        else f"> {took[-1]:4.0f} s (stopped)")
                print(f"  {label + ':':20s} {cell}")
            ratio = f"{took[1] / took[0]:.1f}x" if took[0] > 0 else "-"
            print(f"  {'ratio:':20s} {'> ' if seconds is None else ''}{ratio} (baseline time / kg extract time)")


if __name__ == "__main__":
    main()
