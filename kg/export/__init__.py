"""Exports for network tools: GEXF 1.3 and GraphML for Gephi, CSV node and edge tables.

:func:`export` builds one :class:`~kg.export.graph.ExportGraph` from a store (see
:mod:`kg.export.graph` for what it holds) and writes it in one format. A file appears whole or
not at all: it is written under a temporary name beside the target and renamed at the end, and
the temporary file is removed on any failure or interrupt.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from kg.errors import UsageError
from kg.export.graph import KINDS, ExportGraph, Selection, collect
from kg.store import Store

__all__ = ["FORMATS", "KINDS", "Selection", "export"]

FORMATS = ("gexf", "graphml", "csv")
EVERYTHING = Selection()


@contextlib.contextmanager
def _atomic(path: Path, mode: str):
    """Open a temporary file beside ``path``; rename it to ``path`` when the block succeeds."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as e:
        raise UsageError(f"--out {path}: cannot write there ({e.strerror})") from None
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise UsageError(f"--out {path}: cannot write it ({e.strerror or e}); nothing was written") from None
        raise


def _target(out: Path, fmt: str) -> Path:
    out = Path(out)
    if fmt == "csv":
        if out.exists() and not out.is_dir():
            raise UsageError(f"--out {out}: csv writes nodes.csv and edges.csv into a folder, and this is a file")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UsageError(f"--out {out}: cannot create the folder ({e.strerror})") from None
    elif out.is_dir():
        raise UsageError(f"--out {out}: is a folder; give a file name such as {out / ('kg.' + fmt)}")
    elif not out.parent.is_dir():
        raise UsageError(f"--out {out}: the folder {out.parent} does not exist")
    return out


def write(graph: ExportGraph, fmt: str, out: Path, description: str = "") -> list[Path]:
    """Write ``graph`` as ``fmt`` to ``out`` (csv: a folder); returns the files written."""
    from kg.export import gexf, graphml, tables

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    out = _target(out, fmt)
    if fmt == "csv":
        nodes, edges = out / "nodes.csv", out / "edges.csv"
        with _atomic(nodes, "w") as fn, _atomic(edges, "w") as fe:
            tables.write_nodes(graph, fn)
            tables.write_edges(graph, fe)
        return [nodes, edges]
    with _atomic(out, "wb") as fh:
        if fmt == "gexf":
            gexf.write(graph, fh, description)
        else:
            graphml.write(graph, fh)
    return [out]


def export(store: Store, fmt: str, out: Path, sel: Selection = EVERYTHING,
           progress: Callable[[str], None] | None = None) -> dict:
    """Export what ``sel`` selects from ``store`` as ``fmt`` to ``out``.

    Returns ``{"format", "files", "nodes", "edges", "kinds", "start", "end"}``: the files
    written, the counts, the edges per kind and the first and last date of any spell.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if progress:
        progress("reading the store")
    graph = collect(store, sel)
    if progress:
        progress(f"writing {len(graph.nodes)} nodes and {len(graph.edges)} edges")
    scope = ", ".join(sel.datasets) or "every dataset"
    files = write(graph, fmt, out, description=f"kg export of {scope}")
    kinds: dict[str, int] = {}
    for e in graph.edges:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    start, end = graph.bounds()
    return {"format": fmt, "files": [str(f) for f in files], "nodes": len(graph.nodes),
            "edges": len(graph.edges), "kinds": dict(sorted(kinds.items())), "start": start, "end": end}
