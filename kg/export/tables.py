"""Node and edge tables as CSV with Gephi's column names, for its spreadsheet import.

``nodes.csv``: ``Id``, ``Label``, then the node attributes; ``edges.csv``: ``Id``, ``Source``,
``Target``, ``Type`` (Directed: an alliance is two edges), ``Kind`` (the relation), ``Label``, ``Weight``,
``Timeset`` (the spells as ``<[start, end]; …>``), then the edge attributes but ``first`` and
``last``: Gephi's import reads any column of dates as timestamps, and then refuses the Timeset's
intervals (the dates are in Timeset). Missing values are empty cells; lists are ``[a, b]`` text.
"""
from __future__ import annotations

import csv
from typing import TextIO

from kg.export.gexf import clean
from kg.export.graph import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, ExportGraph
from kg.export.graphml import timeset

NODE_COLUMNS = ("Id", "Label", *NODE_ATTRIBUTES)
EDGE_EXTRA = tuple(k for k in EDGE_ATTRIBUTES if k not in ("first", "last"))
EDGE_COLUMNS = ("Id", "Source", "Target", "Type", "Kind", "Label", "Weight", "Timeset", *EDGE_EXTRA)


def _cell(v) -> str:
    return "" if v is None or v == [] else clean(v)


def write_nodes(graph: ExportGraph, fh: TextIO) -> None:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(NODE_COLUMNS)
    for n in graph.nodes.values():
        w.writerow([_cell(n.id), _cell(n.label), *(_cell(n.attributes.get(k)) for k in NODE_ATTRIBUTES)])


def write_edges(graph: ExportGraph, fh: TextIO) -> None:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(EDGE_COLUMNS)
    for e in graph.edges:
        w.writerow([_cell(e.id), _cell(e.source), _cell(e.target), "Directed",
                    e.kind, e.kind, e.weight, _cell(timeset(e.spells)),
                    *(_cell(e.attributes.get(k)) for k in EDGE_EXTRA)])
