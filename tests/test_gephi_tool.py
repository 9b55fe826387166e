"""tools/gephi/gephictl.py: what Gephi's own engine (Gephi Toolkit, headless) makes of a graph file.

The expected values come from reading the fixtures by hand: the official GEXF examples and Gephi's
own test files in ../shared/refdata/gexf (read in place, never copied). The tests that run Gephi
need Java and either the fetched jars (``gephictl.py fetch``, ~90 MB in ~/.cache/kg) or Maven to
fetch them once for the module; they skip otherwise, with the reason. Usage errors need neither.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers import ROOT, load_gephictl, shared_path

CTL_PATH = ROOT / "tools" / "gephi" / "gephictl.py"
SVG = "{http://www.w3.org/2000/svg}"
JAVA_APPEARS = 60.0  # s: gephictl checks the cache and `java -version`, then starts the JVM
EXIT = 30.0  # s: an interrupted check stops its JVM (SIGTERM, SIGKILL after 5 s) and exits


ctl = load_gephictl()


@pytest.fixture(scope="module")
def gexf() -> Path:
    return shared_path("refdata", "gexf")


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CTL_PATH), *args], capture_output=True, text=True, timeout=timeout)


def one_error_line(res: subprocess.CompletedProcess) -> str:
    lines = res.stderr.splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("gephictl: error: "), res.stderr
    assert "Traceback" not in res.stderr
    return lines[0]


# --------------------------------------------------------------------------- without Java


def test_missing_file_exits_2_with_one_line(tmp_path):
    res = run_cli("check", str(tmp_path / "nope.gexf"))
    assert res.returncode == 2
    assert res.stdout == ""
    assert "nope.gexf" in one_error_line(res)


def test_a_directory_is_not_a_graph_file(tmp_path):
    with pytest.raises(ctl.GephiCtlUsageError) as exc:
        ctl.check(tmp_path)
    assert exc.value.exit_code == 2


@pytest.mark.parametrize("args", [
    ["check"],                                                 # no FILE
    ["check", "{graph}", "--svg", "{tmp}/out.png"],            # --svg needs .svg
    ["check", "{graph}", "--svg", "{tmp}/a.svg", "--pdf", "{tmp}/b.pdf"],  # one picture at most
    ["check", "{graph}", "--pdf", "{tmp}/no/such/dir/x.pdf"],  # the picture's folder must exist
    ["check", "{graph}", "--svg", "{tmp}/x.svg", "--layout-iterations", "many"],
    ["frobnicate"],
])
def test_usage_errors_exit_2_with_one_line(args, tmp_path):
    graph = tmp_path / "graph.gexf"  # never read: the arguments are checked before Java starts
    graph.write_text("<gexf/>")
    res = run_cli(*(a.format(graph=graph, tmp=tmp_path) for a in args))
    assert res.returncode == 2, res.stderr
    assert res.stdout == ""
    one_error_line(res)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.gexf"]


def test_negative_iterations_are_a_usage_error(tmp_path):
    graph = tmp_path / "graph.gexf"
    graph.write_text("<gexf/>")
    with pytest.raises(ctl.GephiCtlUsageError) as exc:
        ctl.check(graph, tmp_path / "x.svg", iterations=-1)
    assert exc.value.exit_code == 2


def test_worst_level_follows_gephis_order():
    assert ctl.worst_level([]) is None
    assert ctl.worst_level([{"level": "INFO"}, {"level": "SEVERE"}, {"level": "WARNING"}]) == "SEVERE"
    assert ctl.worst_level([{"level": "CRITICAL"}, {"level": "SEVERE"}]) == "CRITICAL"


# --------------------------------------------------------------------------- import


def test_fetch_is_idempotent(gephi):
    assert gephi.fetched()
    assert gephi.fetch(verbose=False) == gephi.cache_dir()


def test_basic_gexf(gephi, gexf):
    # basic.gexf: two nodes ("Hello", "Word"), one edge 0 -> 1, defaultedgetype="directed", no attributes
    r = gephi.check(gexf / "examples" / "basic.gexf")
    assert list(r) == list(gephi.RESULT_KEYS)
    assert (r["nodes"], r["edges"], r["directed"], r["dynamic"]) == (2, 1, True, False)
    assert r["node_columns"] == [] and r["edge_columns"] == [] and r["edge_kinds"] == []
    assert r["time_bounds"] is None and r["picture"] is None
    assert all(i["level"] in gephi.LEVELS and i["message"] for i in r["issues"])
    assert r["worst"] not in ("SEVERE", "CRITICAL")


def test_cli_prints_one_json_object_in_a_stable_key_order(gephi, gexf):
    res = run_cli("check", str(gexf / "examples" / "basic.gexf"))
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)  # one object, nothing else on stdout
    assert list(out) == list(gephi.RESULT_KEYS)
    assert (out["nodes"], out["edges"]) == (2, 1)


def test_data_gexf_attribute_columns(gephi, gexf):
    # data.gexf: <attributes class="node"> url (string), indegree (float), frog (boolean, default true);
    # 4 nodes, 5 directed edges, no edge attributes
    r = gephi.check(gexf / "examples" / "data.gexf")
    assert (r["nodes"], r["edges"], r["directed"], r["dynamic"]) == (4, 5, True, False)
    assert r["node_columns"] == [
        {"id": "0", "title": "url", "type": "String"},
        {"id": "1", "title": "indegree", "type": "Float"},
        {"id": "2", "title": "frog", "type": "Boolean"},
    ]
    assert r["edge_columns"] == []
    assert r["worst"] not in ("SEVERE", "CRITICAL")


def test_dynamics_gexf_is_dynamic_with_its_date_bounds(gephi, gexf):
    # dynamics.gexf: timeformat="date"; the dates in its spells and attvalues run from 2009-03-01 to
    # 2009-03-10 (the open ends, e.g. <spell end="2009-03-01"/>, are unbounded and not bounds);
    # "indegree" is a dynamic float attribute (interval representation), url and frog are static.
    r = gephi.check(gexf / "examples" / "dynamics.gexf")
    assert (r["nodes"], r["edges"], r["directed"], r["dynamic"]) == (4, 5, True, True)
    assert r["time_bounds"] == ["2009-03-01", "2009-03-10"]
    assert r["node_columns"] == [
        {"id": "0", "title": "url", "type": "String"},
        {"id": "1", "title": "frog", "type": "Boolean"},
        {"id": "2", "title": "indegree", "type": "IntervalFloatMap"},
    ]


@pytest.mark.parametrize("name, bounds, columns", [
    # timeformat="double", timerepresentation="timestamp": weight at 2004 and 2005 (weight is a
    # property column of Gephi's, not listed)
    ("ImportPlugin__dynamicedgeweight.gexf", [2004, 2005], []),
    # mode="slice" timestamp="2007": the dynamic "price" attribute holds one timestamp
    ("ImportPlugin__slice.gexf", [2007, 2007], [{"id": "price", "title": "Price", "type": "TimestampIntegerMap"}]),
    # timeformat="dateTime" timezone="America/Los_Angeles": 15:00 local and 15:00+03:00 (= 04:00 local)
    ("ImportPlugin__timezone.gexf", ["2012-01-12T04:00:00.000-08:00", "2012-01-12T15:00:00.000-08:00"], []),
])
def test_timestamp_graphs(gephi, gexf, name, bounds, columns):
    r = gephi.check(gexf / "gephi_tests" / name)
    assert r["dynamic"] is True
    assert r["time_bounds"] == bounds
    assert r["node_columns"] == columns


def test_zero_weight_edge_is_dropped_with_a_severe_issue(gephi, gexf):
    # zeroweight.gexf: its only edge has weight="0.0"; Gephi ignores it and says so (SEVERE)
    r = gephi.check(gexf / "gephi_tests" / "ImportPlugin__zeroweight.gexf")
    assert (r["nodes"], r["edges"]) == (2, 0)
    assert r["worst"] == "SEVERE"
    assert any(i["level"] == "SEVERE" and "weight" in i["message"].lower() for i in r["issues"])


def test_edge_kinds_become_edge_types(gephi, tmp_path):
    """GEXF 1.3 ``kind``: parallel edges of different kinds stay apart, as edge type labels."""
    path = tmp_path / "kinds.gexf"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed" mode="static">
    <attributes class="edge"><attribute id="evidence" title="evidence" type="string"/></attributes>
    <nodes><node id="ARM" label="Armenia"/><node id="AZE" label="Azerbaijan"/><node id="TUR" label="Turkey"/></nodes>
    <edges>
      <edge id="e1" source="TUR" target="AZE" kind="supports">
        <attvalues><attvalue for="evidence" value="statement"/></attvalues>
      </edge>
      <edge id="e2" source="TUR" target="AZE" kind="condemns"/>
      <edge id="e3" source="TUR" target="ARM" kind="condemns"/>
    </edges>
  </graph>
</gexf>
""", encoding="utf-8")
    r = gephi.check(path)
    assert (r["nodes"], r["edges"]) == (3, 3)
    assert r["edge_kinds"] == ["condemns", "supports"]
    assert r["edge_columns"] == [{"id": "evidence", "title": "evidence", "type": "String"}]


def test_broken_gexf_exits_4(gephi, gexf, tmp_path):
    """Truncated XML: Gephi's importer throws, so nothing is imported (exit 4), not a SEVERE issue."""
    broken = tmp_path / "broken.gexf"
    broken.write_bytes((gexf / "examples" / "basic.gexf").read_bytes()[:250])
    with pytest.raises(ctl.GephiCtlImportError) as exc:
        gephi.check(broken)
    assert exc.value.exit_code == 4
    assert "broken.gexf" in str(exc.value)
    res = run_cli("check", str(broken))
    assert res.returncode == 4
    assert res.stdout == ""
    one_error_line(res)


def test_no_importer_for_the_extension_is_a_usage_error(gephi, tmp_path):
    path = tmp_path / "graph.unknownext"
    path.write_text("a,b\n")
    with pytest.raises(ctl.GephiCtlUsageError):
        gephi.check(path)


# --------------------------------------------------------------------------- pictures


def svg_elements(path: Path, tag: str) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter(SVG + tag))


def test_svg_picture_has_one_circle_per_node(gephi, gexf, tmp_path):
    out = tmp_path / "dynamics.svg"
    r = gephi.check(gexf / "examples" / "dynamics.gexf", picture=out, iterations=100)
    assert r["picture"] == str(out)
    assert ET.parse(out).getroot().tag == SVG + "svg"
    circles = svg_elements(out, "circle")
    # Gephi's preview draws each node as a <circle class="id_<node id>">: nodes 0..3
    assert sorted(c.get("class") for c in circles) == ["id_0", "id_1", "id_2", "id_3"]
    assert "NaN" not in out.read_text()  # no edge drawn between overlapping nodes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dynamics.svg"]  # no temporary file left


def test_svg_picture_is_deterministic(gephi, gexf, tmp_path):
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    gephi.check(gexf / "examples" / "data.gexf", picture=a, iterations=50)
    gephi.check(gexf / "examples" / "data.gexf", picture=b, iterations=50)
    assert a.read_bytes() == b.read_bytes()


def test_pdf_picture(gephi, gexf, tmp_path):
    out = tmp_path / "basic.pdf"
    res = run_cli("check", str(gexf / "examples" / "basic.gexf"), "--pdf", str(out), "--layout-iterations", "20")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["picture"] == str(out)
    assert out.read_bytes().startswith(b"%PDF-")


def test_failed_import_leaves_no_picture(gephi, tmp_path):
    broken = tmp_path / "broken.gexf"
    broken.write_text("not xml")
    with pytest.raises(ctl.GephiCtlImportError):
        gephi.check(broken, picture=tmp_path / "out.svg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.gexf"]


# --------------------------------------------------------------------------- interrupted


# A child with the default signal actions whatever it inherits (a shell's `cmd &` ignores SIGINT).
CLI = """\
import runpy, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def processes_with(*texts: str | os.PathLike) -> dict[int, list[str]]:
    """pid -> argv of every live process whose command line contains all the texts."""
    needles = [os.fsencode(t) for t in texts]
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            raw = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if raw and all(n in raw for n in needles):
            found[int(entry.name)] = [a.decode(errors="replace") for a in raw.split(b"\0") if a]
    return found


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="finds the JVM through /proc")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=lambda s: s.name)
def test_interrupt_stops_java_and_leaves_no_picture(gephi, gexf, tmp_path, sig):
    """The JVM runs in its own process group: gephictl stops it when interrupted and removes the
    unfinished picture; killed outright (SIGKILL), gephictl cannot, and the JVM, seeing its stdin
    closed, ends itself and removes the picture."""
    fixture = gexf / "examples" / "yeast.gexf"  # 2,361 nodes: a million iterations never finish
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", CLI, str(CTL_PATH), "check", str(fixture),
                             "--svg", str(out_dir / "yeast.svg"), "--layout-iterations", "1000000"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        java = wait_for(lambda: processes_with("GephiCheck", fixture, out_dir), JAVA_APPEARS, "the JVM")
        assert [p.name for p in out_dir.iterdir()], "the picture's temporary name is reserved during the run"
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=EXIT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == (-sig if sig == signal.SIGKILL else 128 + sig), err
    if sig != signal.SIGKILL:
        assert out == "" and err.strip() == f"gephictl: interrupted ({sig.name})"
    wait_for(lambda: not processes_with("GephiCheck", fixture, out_dir), 10, f"the JVM {sorted(java)} to end")
    wait_for(lambda: not list(out_dir.iterdir()), 5, "the temporary picture to go")
