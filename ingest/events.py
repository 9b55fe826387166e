"""Streamed statements (event data) into a store, chunk by chunk (``kg ingest gdelt|plover``).

An events file can be far larger than memory, and a store's load is one unit of bounded size.
:func:`load_statements` therefore takes statements one at a time, as the readers
(:mod:`kg.ingest.gdelt`, :mod:`kg.ingest.plover`) yield them, and loads them ``chunk`` at a
time, each chunk with the actors and sources its statements name. Every statement has a stable
id, so loading a file again adds nothing. A load that fails or is interrupted (Ctrl-C) part-way
through a dataset the store did not hold before removes what it wrote of it
(:meth:`~kg.store.base.Store.drop_dataset`): the store is as it was. A dataset that was already
there keeps its statements, which a load of the same file only writes again.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.actors import ActorIndex
from kg.model import Dataset, Source, Statement
from kg.store.base import Store, batched

CHUNK = 50_000


def load_statements(store: Store, statements: Iterable[Statement], name: str, index: ActorIndex | None = None,
                    progress: Callable[[int], None] | None = None, chunk: int = CHUNK) -> int:
    """Load ``statements`` into ``store`` as dataset ``name``, ``chunk`` at a time; returns how
    many were loaded. See the module's text for what a failure leaves."""
    index = index or ActorIndex.default()
    new = name not in {d.name for d in store.datasets()}
    loaded = 0
    try:
        for batch in batched(statements, chunk):
            ids = {s.speaker for s in batch} | {t for s in batch for t in s.targets} | {
                s.on_behalf_of for s in batch if s.on_behalf_of}
            actors = tuple(index.actors[i] for i in sorted(ids) if i in index.actors)
            sources = tuple(Source(url=u) for u in sorted({s.source for s in batch}))
            store.load([Dataset(name=name, actors=actors, sources=sources, statements=tuple(batch))])
            loaded += len(batch)
            if progress:
                progress(len(batch))
    except BaseException:
        if new:
            store.drop_dataset(name)
        raise
    return loaded
