"""kg export: GEXF 1.3 (checked by the official schema), GraphML and CSV, from both stores.

The expected figures are counted by hand from ingest/datasets/nagorno-karabakh-2020.yaml:
30 statements, all on 2020-09-27 but Azerbaijan's threat of 2020-07-16; a person's stance counts
for the state or organisation their role names on that day (rollup).
"""
import csv
import os
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.export import Selection, export
from kg.model import Actor, Dataset, Source, Statement
from kg.palette import camp_colour, rgb
from tests.helpers import NK2020, shared_path

runner = CliRunner()
NS = {"g": "http://gexf.net/1.3"}

# By hand, with rollup: seven callers (Putin for Russia, France, Germany, Italy, the EU, the Pope
# for the Holy See, Trenin for Carnegie Moscow) on both parties; concern from the Kremlin and
# Vartanyan (for the ICG) on both; Turkey and Erdogan back Azerbaijan (one edge of 2), Hakobyan
# backs Karabakh; Pashinyan opposes Turkey and Aliyev Karabakh; Azerbaijan threatens Armenia
# twice (July and September: one edge); Pashinyan warns Azerbaijan twice (one edge).
STANCE_EDGES = {"call_for_ceasefire": 14, "concern": 4, "support": 2, "oppose": 2, "threaten": 1, "warn": 1}
# the dataset's 15 memberships and 2 alliances (Russia-Armenia, Turkey-Azerbaijan), each both ways
STRUCTURE = {"member_of": 15, "allied_with": 4}


def schema():
    import xmlschema

    return xmlschema.XMLSchema(str(shared_path("refdata", "gexf", "xsd-1.3", "gexf.xsd")))


def gexf_edges(path):
    root = ET.parse(path).getroot()
    return {e.get("id"): e for e in root.iterfind(".//g:edges/g:edge", NS)}


def gexf_nodes(path):
    root = ET.parse(path).getroot()
    out = {}
    for n in root.iterfind(".//g:nodes/g:node", NS):
        values = {v.get("for"): v.get("value") for v in n.iterfind("g:attvalues/g:attvalue", NS)}
        colour = n.find("g:color", NS)
        out[n.get("id")] = {"label": n.get("label"), **values,
                            "rgb": tuple(int(colour.get(c)) for c in "rgb")}
    return out


def test_gexf_of_2020_is_valid_and_holds_each_relation_as_an_edge_kind(store, nk2020, tmp_path):
    store.load([nk2020])
    path = tmp_path / "nk.gexf"
    r = export(store, "gexf", path)
    schema().validate(str(path))
    edges = gexf_edges(path)
    kinds = Counter(e.get("kind") for e in edges.values())
    for kind, n in {**STANCE_EDGES, **STRUCTURE}.items():
        assert kinds[kind] == n, kind
    assert r["kinds"] == dict(sorted(kinds.items())) and r["edges"] == len(edges)
    # Azerbaijan's two threats: one edge of weight 2 that lives on both days
    threat = edges["threaten:AZE:ARM"]
    assert (threat.get("source"), threat.get("target"), threat.get("weight")) == ("AZE", "ARM", "2")
    spells = [(s.get("start"), s.get("end")) for s in threat.iterfind("g:spells/g:spell", NS)]
    assert spells == [("2020-07-16", "2020-07-16"), ("2020-09-27", "2020-09-27")]
    # an alliance is an edge each way; the timeline spans the statements' days
    allied = sorted((e.get("source"), e.get("target")) for e in edges.values() if e.get("kind") == "allied_with")
    assert allied == [("ARM", "RUS"), ("AZE", "TUR"), ("RUS", "ARM"), ("TUR", "AZE")]
    assert (r["start"], r["end"]) == ("2020-07-16", "2020-09-27")
    graph = ET.parse(path).getroot().find("g:graph", NS)
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")


def test_gexf_nodes_carry_camp_colour_kind_and_activity(store, nk2020, tmp_path):
    store.load([nk2020])
    path = tmp_path / "nk.gexf"
    export(store, "gexf", path)
    nodes = gexf_nodes(path)
    tur, aze, arm, fra = nodes["TUR"], nodes["AZE"], nodes["ARM"], nodes["FRA"]
    # the three camps of kg camps: Turkey with Azerbaijan, Armenia apart, France with the callers
    assert tur["camp"] == aze["camp"] and len({tur["camp"], arm["camp"], fra["camp"]}) == 3
    assert tur["rgb"] == rgb(camp_colour(int(tur["camp"])))
    assert (tur["label"], tur["kind"], tur["iso3"], tur["wikidata"]) == ("Turkey", "state", "TUR", "Q43")
    # Turkey said 3 (its accusation and support, Erdogan's support): net valence
    # (-0.7 + 1.0 + 1.0) / 3 = 0.433
    assert (tur["statements"], tur["net_valence"]) == ("3", "0.433")
    assert "iso3" not in nodes["NATO"]  # an organisation has none: no value, not an empty one


def test_statements_as_nodes(store, nk2020, tmp_path):
    store.load([nk2020])
    path = tmp_path / "s.gexf"
    r = export(store, "gexf", path, Selection(statements=True, kinds=("stance",)))
    schema().validate(str(path))
    nodes = gexf_nodes(path)
    assert sum(n.get("kind") == "statement" for n in nodes.values()) == 30
    # every statement is said by someone; 14 two-target calls and concerns, 16 with one target
    assert r["kinds"]["said"] == 30 and r["kinds"]["toward"] == 7 * 2 + 2 * 2 + 30 - 9


def test_filters_narrow_the_graph(store, nk2020, tmp_path):
    store.load([nk2020])
    r = export(store, "gexf", tmp_path / "a.gexf", Selection(kinds=("stance",), actors=("Turkey", "Azerbaijan")))
    assert (r["nodes"], r["edges"], r["kinds"]) == (2, 1, {"support": 1})
    r = export(store, "gexf", tmp_path / "b.gexf", Selection(kinds=("alliance",)))
    assert r["kinds"] == {"allied_with": 4} and r["nodes"] == 4
    r = export(store, "gexf", tmp_path / "c.gexf", Selection(kinds=("stance",), until=date(2020, 8, 1)))
    assert r["kinds"] == {"threaten": 1} and (r["start"], r["end"]) == ("2020-07-16", "2020-07-16")
    for name in ("a", "b", "c"):
        schema().validate(str(tmp_path / f"{name}.gexf"))


def test_graphml_and_csv_hold_the_same_graph(store, nk2020, tmp_path):
    import networkx as nx

    store.load([nk2020])
    g = export(store, "gexf", tmp_path / "nk.gexf")
    r = export(store, "graphml", tmp_path / "nk.graphml")
    G = nx.read_graphml(tmp_path / "nk.graphml", force_multigraph=True)
    assert (G.number_of_nodes(), G.number_of_edges()) == (g["nodes"], g["edges"]) == (r["nodes"], r["edges"])
    assert dict(Counter(k for _, _, k in G.edges(data="kind"))) == g["kinds"]
    assert G.nodes["TUR"]["iso3"] == "TUR" and isinstance(G.nodes["TUR"]["statements"], int)
    t = export(store, "csv", tmp_path / "tables")
    with open(tmp_path / "tables" / "edges.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[:8] == ["Id", "Source", "Target", "Type", "Kind", "Label", "Weight", "Timeset"]
    threat = next(x for x in rows if x["Id"] == "threaten:AZE:ARM")
    assert (threat["Weight"], threat["Timeset"]) == ("2", "<[2020-07-16, 2020-07-16]; [2020-09-27, 2020-09-27]>")
    assert dict(Counter(x["Kind"] for x in rows)) == g["kinds"] and t["edges"] == len(rows)
    with open(tmp_path / "tables" / "nodes.csv", newline="", encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    assert list(nodes[0])[:2] == ["Id", "Label"] and len(nodes) == g["nodes"]


def test_odd_characters_and_missing_values_give_a_valid_file(store, tmp_path):
    src = Source(url="https://example.org/odd")
    name = 'Bell\x07 "Quoted" \u200fמדינה & <Co>'
    ds = Dataset(name="odd", actors=(Actor(id="ODD", name=name, kind="organization"),
                                     Actor(id="TWO", name="Two", kind="organization")),
                 sources=(src,), statements=(Statement.create(
                     speaker="ODD", date=date(2020, 1, 1), stance="support", targets=["TWO"],
                     quote="a\x0bb \u202ec", source=src.url),))
    store.load([ds])
    path = tmp_path / "odd.gexf"
    export(store, "gexf", path, Selection(statements=True))
    schema().validate(str(path))
    nodes = gexf_nodes(path)
    assert nodes["ODD"]["label"] == 'Bell "Quoted" \u200fמדינה & <Co>'  # the bell dropped, the rest kept
    assert "iso3" not in nodes["ODD"] and "wikidata" not in nodes["ODD"]
    quote = next(n for n in nodes.values() if n.get("kind") == "statement")["quote"]
    assert quote == "ab \u202ec"


def test_ids_are_the_same_from_one_export_to_the_next(store, nk2020, tmp_path):
    store.load([nk2020])
    export(store, "gexf", tmp_path / "1.gexf")
    export(store, "gexf", tmp_path / "2.gexf")
    assert (tmp_path / "1.gexf").read_bytes() == (tmp_path / "2.gexf").read_bytes()
    schema().validate(str(tmp_path / "1.gexf"))
    assert "support:TUR:AZE" in gexf_edges(tmp_path / "1.gexf")


@pytest.mark.neo4j
def test_both_stores_write_the_same_file(nk2020, tmp_path, neo4j_env):
    """A second check beside the hand-counted ones: the same bytes from either store."""
    from kg.store import open_store

    files = []
    for kind in ("embedded", "neo4j"):
        with open_store(kind, **({} if kind == "neo4j" else {"path": tmp_path / "kg.sqlite"})) as s:
            s.clear()
            s.load([nk2020])
            export(s, "gexf", tmp_path / f"{kind}.gexf")
        files.append((tmp_path / f"{kind}.gexf").read_bytes())
    assert files[0] == files[1]


def test_bad_input_is_one_line_and_leaves_no_file(tmp_path, monkeypatch):
    assert runner.invoke(app, ["load", str(NK2020)]).exit_code == 0
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    cases = [
        (["export", "gexf", "--out", str(blocker / "x.gexf")], 2, "does not exist"),
        (["export", "gexf", "--out", str(tmp_path / "x.gexf"), "--kinds", "stances"], 2, "--kinds: stances"),
        (["export", "gexf", "--out", str(tmp_path / "x.gexf"), "--since", "2031-01-01", "--kinds", "stance"], 6,
         "nothing to export"),
        (["export", "gexf", "--out", str(tmp_path / "x.gexf"), "--dataset", "nope"], 6, "no dataset 'nope'"),
        (["export", "pdf", "--out", str(tmp_path / "x.pdf")], 2, "no such command"),
        (["export", "csv", "--out", str(blocker)], 2, "this is a file"),
    ]
    for args, code, text in cases:
        r = runner.invoke(app, args)
        assert r.exit_code == code and text in r.output and len(r.output.strip().splitlines()) == 1, (args, r.output)
    assert sorted(os.listdir(tmp_path)) == ["a-file"]
    # a failure half-way through writing leaves neither the file nor its temporary
    from kg.export import gexf

    def broken(graph, fh, description=""):
        fh.write(b"<gexf")
        raise OSError("disk full")

    monkeypatch.setattr(gexf, "write", broken)
    r = runner.invoke(app, ["export", "gexf", "--out", str(tmp_path / "x.gexf")])
    assert r.exit_code == 2 and "cannot write it (disk full); nothing was written" in r.output
    assert sorted(os.listdir(tmp_path)) == ["a-file"]
