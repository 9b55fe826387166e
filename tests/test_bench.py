"""The analysis benchmark still runs, on a small generated crisis (no figure is checked: timings
belong in bench/ and BENCHMARKS.md, never in tests)."""
import subprocess
import sys

from tests.helpers import ROOT


def test_the_analysis_benchmark_runs_end_to_end_on_a_small_crisis():
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "analysis_bench.py"), "--actors", "40",
                          "--statements", "4000", "--bootstrap", "3", "--store", "2000"],
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    # the baseline bootstrap (every pair over every target) finds the same stabilities as kg's
    assert "same stabilities: True" in run.stdout
    assert "kg camps on the store (3 resamples)" in run.stdout
