"""Generated datasets for benchmarks and load tests: many statements among made-up actors.

Examples
--------
>>> ds = synthetic_dataset(100, n_actors=10)
>>> ds.counts()["statements"], ds.counts()["actors"]
(100, 10)
>>> synthetic_dataset(100, n_actors=10).statements[0].id == ds.statements[0].id
True
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from kg.model import Actor, Dataset, Source, Statement

STANCES = ("support", "accuse", "call_for_ceasefire", "condemn", "praise", "warn")


def synthetic_dataset(n_statements: int, n_actors: int = 60, seed: int = 7) -> Dataset:
    """``n_statements`` statements between ``n_actors`` organisations, the same for the same seed."""
    rng = random.Random(seed)
    actors = [Actor(id=f"A{i:03d}", name=f"Actor {i}", kind="organization") for i in range(n_actors)]
    src = Source(url="https://example.org/synthetic")
    day0 = date(2020, 1, 1)
    statements = []
    for i in range(n_statements):
        a, b = rng.sample(range(n_actors), 2)
        statements.append(Statement.create(
            speaker=f"A{a:03d}", on_behalf_of=f"A{a:03d}", date=day0 + timedelta(days=rng.randrange(300)),
            stance=rng.choice(STANCES), targets=[f"A{b:03d}"], quote=f"statement {i}", source=src.url))
    return Dataset(name="synthetic", actors=tuple(actors), sources=(src,), statements=tuple(statements))
