"""How close kg camps comes to the camps a reader expects, per method, on the curated crises.

For each crisis of ``bench/expected_camps.yaml`` (the curated datasets in ``ingest/datasets/``)
the camps of each method (``kg camps --bootstrap 0``: the partition alone, every actor placed)
are scored against the expected ones with the adjusted Rand index (Hubert and Arabie 1985) over
the actors that take part, each unaligned actor a group of its own. The baseline, measured in
the same run, is the one-line rule the camps issue names: the sign of each actor's mean valence
toward the crisis' main actor (friendly, hostile or even-handed), the main actor with the
friendly ones.

Run: python bench/camps_eval.py
"""
from __future__ import annotations

import sys
import tempfile
from collections import Counter
from math import comb
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest.curated import read_dataset  # noqa: E402

from kg.analysis.camps import METHODS  # noqa: E402
from kg.reports.camps import camps  # noqa: E402
from kg.reports.common import Options, build  # noqa: E402
from kg.store.embedded import EmbeddedStore  # noqa: E402

EXPECTED = ROOT / "bench" / "expected_camps.yaml"


def ari(a: dict[str, int], b: dict[str, int]) -> float:
    """The adjusted Rand index of two labellings of the same actors (1: the same partition).

    >>> ari({"x": 1, "y": 1, "z": 2}, {"x": 5, "y": 5, "z": 7}), ari({"x": 1, "y": 1, "z": 2}, {"x": 1, "y": 2, "z": 2})
    (1.0, -0.5)
    """
    keys = sorted(a)
    n = len(keys)
    pairs = Counter((a[k], b[k]) for k in keys)
    index = sum(comb(c, 2) for c in pairs.values())
    ra = sum(comb(c, 2) for c in Counter(a[k] for k in keys).values())
    rb = sum(comb(c, 2) for c in Counter(b[k] for k in keys).values())
    expected = ra * rb / comb(n, 2) if n > 1 else 0.0
    top = (ra + rb) / 2
    return 1.0 if top == expected else round((index - expected) / (top - expected), 3)


def labels(groups: list[list[str]], actors: list[str]) -> dict[str, int]:
    """Each actor's group number; an actor in no group is a group of its own."""
    out = {a: i for i, g in enumerate(groups) for a in g}
    for a in actors:
        out.setdefault(a, len(out) + 1000)
    return {a: out[a] for a in actors}


def baseline(store, main: str) -> list[list[str]]:
    """The one-line rule: the sign of each actor's mean valence toward the main actor."""
    _, g = build(store, Options())
    side: dict[int, list[str]] = {1: [main], -1: [], 0: []}
    for a in g.ids:
        if a != main:
            cell = g.profiles[a].get(main)
            side[0 if cell is None else (cell["value"] > 1 / 3) - (cell["value"] < -1 / 3)].append(a)
    return [sorted(v) for v in side.values() if v]


def main() -> None:
    expected = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    print(f"{'crisis':<24}" + "".join(f"{m:>10}" for m in METHODS) + f"{'baseline':>10}")
    totals = Counter()
    for name, exp in expected.items():
        with tempfile.TemporaryDirectory() as tmp:
            store = EmbeddedStore(Path(tmp) / "kg.sqlite")
            store.load([read_dataset(ROOT / "ingest" / "datasets" / f"{name}.yaml")])
            scores = []
            for method in METHODS:
                r = camps(store, method, runs=0)
                actors = [m["id"] for c in r["camps"] for m in c["members"]] + [a["id"] for a in r["unaligned"]]
                found = [[m["id"] for m in c["members"]] for c in r["camps"]]
                scores.append(ari(labels(exp["camps"], actors), labels(found, actors)))
            base = baseline(store, exp["main"])
            actors = sorted({a for g in base for a in g})
            scores.append(ari(labels(exp["camps"], actors), labels(base, actors)))
            store.close()
        for m, sc in zip([*METHODS, "baseline"], scores, strict=True):
            totals[m] += sc
        print(f"{name:<24}" + "".join(f"{sc:>10.3f}" for sc in scores))
    print(f"{'mean':<24}" + "".join(f"{totals[m] / len(expected):>10.3f}" for m in [*METHODS, "baseline"]))


if __name__ == "__main__":
    main()
