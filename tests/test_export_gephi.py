"""kg export opened by Gephi's own engine (Gephi Toolkit, headless, tools/gephi/gephictl.py).

Gephi decides whether an export opens cleanly: no SEVERE or CRITICAL issue in its import report,
the nodes and edges that were written, typed columns, the edge kinds, the timeline's bounds and
a picture after ForceAtlas2. Skips, with the reason, where Java (or the jars and Maven) is missing.
The expected figures are those counted by hand in tests/test_export.py.
"""
import xml.etree.ElementTree as ET

import pytest

from kg.export import Selection, export
from tests.helpers import load_gephictl

pytestmark = pytest.mark.gephi
ctl = load_gephictl()

# tests/test_export.py: 28 actors; 31 stance edges, 15 memberships, 4 alliance edges (each way) and the
# 9 roles that overlap the statements' days: 59 edges of these kinds
KINDS = ["accuse", "allied_with", "call_for_ceasefire", "concern", "holds_role", "member_of", "oppose", "support",
         "threaten", "warn"]



def test_gephi_opens_the_2020_gexf_cleanly_and_draws_it(gephi, store, nk2020, tmp_path):
    store.load([nk2020])
    r = export(store, "gexf", tmp_path / "nk.gexf")
    got = gephi.check(tmp_path / "nk.gexf", tmp_path / "nk.svg", iterations=100)
    assert [i for i in got["issues"] if i["level"] in ("SEVERE", "CRITICAL", "WARNING")] == []
    assert (got["nodes"], got["edges"]) == (r["nodes"], r["edges"]) == (28, 59)
    assert got["edge_kinds"] == KINDS
    assert got["directed"] and got["dynamic"] and got["time_bounds"] == ["2020-07-16", "2020-09-27"]
    types = {c["title"]: c["type"] for c in got["node_columns"] + got["edge_columns"]}
    assert (types["camp"], types["net_valence"], types["statements"], types["datasets"]) == (
        "Integer", "Double", "Integer", "String[]")
    assert gephi.brief(got).splitlines()[0] == (
        "28 nodes, 59 edges, directed, dynamic 2020-07-16 to 2020-09-27; worst issue: INFO")
    svg = ET.parse(tmp_path / "nk.svg").getroot()
    circles = svg.findall(".//{http://www.w3.org/2000/svg}circle")
    assert len(circles) == 28 and {"id_TUR", "id_AZE"} <= {c.get("class") for c in circles}


def test_gephi_opens_statement_nodes_and_graphml(gephi, tmp_path, nk2020):
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "kg.sqlite")
    store.load([nk2020])
    export(store, "gexf", tmp_path / "s.gexf", Selection(statements=True))
    got = gephi.check(tmp_path / "s.gexf")
    assert got["worst"] == "INFO" and got["nodes"] == 28 + 30
    assert {"said", "toward", "on_behalf_of"} <= set(got["edge_kinds"])
    r = export(store, "graphml", tmp_path / "nk.graphml")
    got = gephi.check(tmp_path / "nk.graphml")
    # GraphML has no edge kind Gephi reads, so it merges parallel edges: of the 59, Armenia's
    # accusation and warning toward Azerbaijan, Azerbaijan's accusation and threat toward Armenia,
    # its accusation and opposition toward Karabakh, Russia's call and concern toward each party
    # plus its alliance with Armenia, Turkey's support and alliance toward Azerbaijan: 7 fewer
    assert got["worst"] in (None, "INFO") and (got["nodes"], got["edges"]) == (r["nodes"], r["edges"] - 7) == (28, 52)


def test_gephi_reads_the_csv_edge_table_as_a_dynamic_graph(gephi, tmp_path, nk2020):
    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "kg.sqlite")
    store.load([nk2020])
    export(store, "csv", tmp_path / "tables")
    got = gephi.check(tmp_path / "tables" / "edges.csv")
    # the edge table alone makes the graph: every node is an edge's end; Gephi reads Timeset's
    # dates as milliseconds: 2020-07-16 and 2020-09-27 at midnight UTC
    assert got["worst"] in (None, "INFO") and (got["nodes"], got["edges"]) == (28, 59)
    assert got["edge_kinds"] == KINDS and got["dynamic"]
    assert got["time_bounds"] == [1594857600000, 1601164800000]
