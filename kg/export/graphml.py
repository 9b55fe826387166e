"""GraphML with typed keys (``attr.type`` int, double, string, boolean), written by networkx.

Every node and edge attribute of the :class:`~kg.export.graph.ExportGraph` becomes a key of its
own type; values that are missing are left out, lists become text (``[a, b]``), spells become
Gephi's interval text (``<[2020-09-27, 2020-09-27]; …>``) in ``timeset``. Gephi reads the keys
named ``label``, ``weight``, ``x``, ``y``, ``size``, ``r``, ``g`` and ``b`` as its own, but no
edge kind: it merges parallel edges of different relations (weights added), so open GEXF in Gephi
and GraphML in tools that keep them (networkx keeps them, as a multigraph).
"""
from __future__ import annotations

from typing import BinaryIO

from kg.export.gexf import clean
from kg.export.graph import ExportGraph


def timeset(spells) -> str | None:
    """Gephi's text form of a set of intervals (None when there are none).

    >>> timeset((("2020-09-27", "2020-09-27"), ("2020-10-01", None)))
    '<[2020-09-27, 2020-09-27]; [2020-10-01, Infinity]>'
    """
    if not spells:
        return None
    return "<" + "; ".join(f"[{s or '-Infinity'}, {t or 'Infinity'}]" for s, t in spells) + ">"


def _value(v):
    return clean(v) if isinstance(v, (str, list, tuple)) else v


def write(graph: ExportGraph, fh: BinaryIO) -> None:
    """Write ``graph`` to the binary file ``fh`` as GraphML."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for node in graph.nodes.values():
        r, gr, b = node.colour
        attrs = {"label": node.label, **node.attributes, "x": node.position[0], "y": node.position[1],
                 "size": node.size, "r": r, "g": gr, "b": b}
        g.add_node(node.id, **{k: _value(v) for k, v in attrs.items() if v is not None and v != []})
    for e in graph.edges:
        attrs = {"kind": e.kind, "weight": float(e.weight), **e.attributes,
                 "timeset": timeset(e.spells)}
        g.add_edge(e.source, e.target, key=e.id, **{k: _value(v) for k, v in attrs.items()
                                                     if v is not None and v != []})
    nx.write_graphml(g, fh, encoding="utf-8", prettyprint=True)
