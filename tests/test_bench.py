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


def test_plover_sentences_are_read_and_scored_as_the_bench_says():
    """bench/plover_eval.py keeps PLOVER's stance events between states kg knows, and scores one
    record by hand-checked expectations (its figures belong in BENCHMARKS.md)."""
    from pathlib import Path

    from kg.actors import ActorIndex
    from tests.helpers import shared_path

    shared = shared_path("refdata", "plover", "PLOVER", "PLOVER_GSR_CAMEO.txt").parents[3]
    sys.path.insert(0, str(ROOT / "bench"))
    import plover_eval

    idx = ActorIndex.default()
    recs = {r.id: r for r in plover_eval.records(Path(shared), idx)}
    assert {r.event for r in recs.values()} <= set(plover_eval.AGREES)
    # "Albania on Friday denounced as an ugly crime Serbia's suppression of ..."
    alb = recs["PLOVER-GSR01-DISAPPROVE-0002"]
    assert (alb.sources, alb.targets, alb.half) == ({"ALB"}, {"SRB"}, "tuning")
    assert plover_eval.judge(alb, plover_eval.extract(alb, idx))[:4] == (True, True, True, False)
    # the agreement of an event and a stance
    assert "oppose/condemn" in plover_eval.AGREES["REJECT"] and "support" not in plover_eval.AGREES["DEMAND"]
    assert not [r for r in recs.values() if r.sources & r.targets]


def test_the_long_article_benchmark_runs_on_a_small_article():
    """bench/extract_long.py builds both articles and times the extractor and its baseline (no
    figure is checked here: they belong in BENCHMARKS.md)."""
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "extract_long.py"), "--mb", "0.05", "--cap", "120"],
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    lines = run.stdout.splitlines()
    assert lines[0].startswith("one core; MAX_SENTENCE = 2000 characters")
    assert [line.split(",")[0] for line in lines[1::4]] == ["sentences", "run-on"]
    assert [line.split(":")[0].strip() for line in lines[2:] if line.startswith("  ")] == [
        "kg extract", "baseline, no bound", "ratio"] * 2
    assert all("statements)" in line for line in lines[2::4])  # the extractor always ends
