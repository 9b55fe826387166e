"""Benchmark: how long ``kg --help`` takes to start, beside baselines measured in the same run.

Each command runs in a fresh interpreter (``python -m kg ...``, the same code as the ``kg``
script) several times; the median is reported with its ratio to two baselines: an interpreter
that does nothing (``python -c pass``) and one that only imports typer, the floor of any typer
CLI. A third reference, the library modules that ``kg --help`` leaves unloaded, shows what the
lazy imports save. Last, the heavy modules an interpreter holds after building the whole
command tree (there should be none).

Run: python bench/startup.py [--runs 15]
Never part of the tests, and never asserts a time.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("numpy", "networkx", "matplotlib", "pydantic", "neo4j", "pycountry", "kg.model", "kg.vocab",
         "kg.actors", "kg.analysis", "kg.reports")
LIBRARY = "import kg.reports.camps, kg.reports.stance, kg.plot, kg.store.neo4j"


def median_seconds(argv: list[str], runs: int, env: dict) -> float:
    """The median wall time of ``argv`` over ``runs`` runs, after one untimed run to warm caches."""
    subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def loaded_by_help(env: dict) -> list[str]:
    """The heavy modules in memory once the whole command tree of ``kg`` is built (as --help does)."""
    code = ("import sys; from typer.main import get_command; import kg.cli; get_command(kg.cli.app); "
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    return r.stdout.split()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=15, help="timed runs per command (the median is reported)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "KG_HOME": home}  # never touch ~/.kg
        env.pop("KG_STORE", None)
        py = sys.executable
        base = {"python -c pass": median_seconds([py, "-c", "pass"], args.runs, env),
                "python -c 'import typer'": median_seconds([py, "-c", "import typer"], args.runs, env)}
        measures = {"kg --help": [py, "-m", "kg", "--help"],
                    "kg --version": [py, "-m", "kg", "--version"],
                    "kg camps --help": [py, "-m", "kg", "camps", "--help"],
                    "reference: the library --help skips": [py, "-c", LIBRARY]}
        print(f"python {sys.version.split()[0]}, median of {args.runs} runs each")
        print(f"{'command':<38} {'time':>9}  {'/ pass':>7}  {'/ typer':>8}")
        for name, seconds in base.items():
            print(f"{name:<38} {seconds * 1000:6.0f} ms")
        for name, argv in measures.items():
            seconds = median_seconds(argv, args.runs, env)
            ratios = [seconds / b for b in base.values()]
            print(f"{name:<38} {seconds * 1000:6.0f} ms  {ratios[0]:6.2f}x  {ratios[1]:7.2f}x")
        heavy = loaded_by_help(env)
        print(f"heavy modules loaded by kg --help: {', '.join(heavy) if heavy else 'none'}")


if __name__ == "__main__":
    main()
