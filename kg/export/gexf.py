"""GEXF 1.3 (``http://gexf.net/1.3``), the format Gephi reads best, written with the standard library.

A dynamic graph (``mode="dynamic"``, ``timeformat="date"``): an edge lives over its spells (a
stance edge on the days of its statements, a membership over its dates), so Gephi's timeline
replays the crisis. Node and edge attributes are declared once with their types; an edge's
``kind`` attribute holds its relation, so parallel edges of different relations stay apart
(GEXF 1.3; Gephi 0.9.3 and later read it as the edge type).

Visual data: ``color`` (the camp's colour, integers 0-255), ``size`` (by activity) and
``position`` (from a layout). The official 1.3 schema declares these three elements in the
GEXF namespace itself, so they are written there: the file then validates, and Gephi, which reads
them by local name, takes them as it takes ``viz:`` ones.

Characters that XML 1.0 cannot hold (control characters other than tab and line breaks, lone
surrogates) are dropped from every value; everything else, quotes and right-to-left marks
included, is written as given.

>>> import io
>>> from kg.export.graph import Edge, ExportGraph, Node
>>> g = ExportGraph({"A": Node("A", "A\\x07 state", {"kind": "state"}), "B": Node("B", "B")},
...                 [Edge("support:A:B", "A", "B", "support", 2, spells=(("2020-09-27", "2020-09-27"),))])
>>> buf = io.BytesIO(); write(g, buf)
>>> b'kind="support"' in buf.getvalue(), b"A state" in buf.getvalue()
(True, True)
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from typing import BinaryIO

from kg.export.graph import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, ExportGraph

NS = "http://gexf.net/1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(value) -> str:
    """A value as XML-safe text: lists as Gephi's ``[a, b]``, booleans lower case."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join('"' + clean(v).replace("\\", "\\\\").replace('"', '\\"') + '"' for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return _ILLEGAL.sub("", str(value))


def _el(parent, tag: str, **attrs) -> ET.Element:
    return ET.SubElement(parent, f"{{{NS}}}{tag}", {k: clean(v) for k, v in attrs.items() if v is not None})


def _attvalues(parent, values: dict, declared: dict) -> None:
    rows = [(k, v) for k, v in values.items() if k in declared and v is not None and v != []]
    if rows:
        box = _el(parent, "attvalues")
        for k, v in rows:
            _el(box, "attvalue", **{"for": k, "value": v})


def write(graph: ExportGraph, fh: BinaryIO, description: str = "") -> None:
    """Write ``graph`` to the binary file ``fh`` as GEXF 1.3."""
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(f"{{{NS}}}gexf", {"version": "1.3",
                                        f"{{{XSI}}}schemaLocation": f"{NS} http://gexf.net/1.3/gexf.xsd"})
    meta = _el(root, "meta", lastmodifieddate=date.today().isoformat())
    _el(meta, "creator").text = "kg"
    if description:
        _el(meta, "description").text = clean(description)
    g = _el(root, "graph", defaultedgetype="directed", mode="dynamic", timeformat="date")
    for cls, declared in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        box = _el(g, "attributes", **{"class": cls, "mode": "static"})
        for name, kind in declared.items():
            _el(box, "attribute", id=name, title=name, type=kind)
    nodes = _el(g, "nodes", count=len(graph.nodes))
    for node in graph.nodes.values():
        n = _el(nodes, "node", id=node.id, label=node.label)
        _attvalues(n, node.attributes, NODE_ATTRIBUTES)
        r, gr, b = node.colour
        _el(n, "color", r=r, g=gr, b=b)
        _el(n, "position", x=node.position[0], y=node.position[1], z=0.0)
        _el(n, "size", value=node.size)
    edges = _el(g, "edges", count=len(graph.edges))
    for e in graph.edges:
        x = _el(edges, "edge", id=e.id, source=e.source, target=e.target, kind=e.kind, weight=e.weight,
                label=e.kind)
        _attvalues(x, e.attributes, EDGE_ATTRIBUTES)
        if e.spells:
            spells = _el(x, "spells")
            for s, t in e.spells:
                _el(spells, "spell", start=s, end=t)
    ET.indent(root, space=" ")
    ET.ElementTree(root).write(fh, encoding="UTF-8", xml_declaration=True)
