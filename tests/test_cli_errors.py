"""One style for every error, one table of exit codes, and a `kg --help` that starts without the library."""
import ast
import json
import re
import subprocess
import sys
from importlib.metadata import version

import pytest
from typer.testing import CliRunner

from kg import errors
from kg.cli import app, common
from tests.helpers import ROOT

runner = CliRunner()

EMPTY = ("error: the store is empty: run kg load "
         "ingest/datasets/nagorno-karabakh-2020.yaml (or kg ingest article FILE.txt)\n")

# By hand: the exit code of every error class, as kg/errors.py's table promises.
EXPECTED_CODES = {
    "KgError": 2, "UsageError": 2, "DataError": 2, "UnknownActorError": 2, "StoreError": 3,
    "StoreUnavailable": 4, "StoreUnreachable": 4, "QueryError": 5, "AnalysisError": 6,
    "StoreAuthError": 7, "DatabaseNotFound": 8,
}


def kg(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def documented_table() -> dict[int, tuple[str, list[str]]]:
    """The exit-code table of kg/errors.py's docstring, parsed here independently of kg.errors.exit_codes."""
    doc = ast.get_docstring(ast.parse((ROOT / "kg" / "errors.py").read_text(encoding="utf-8")))
    lines = doc.splitlines()
    start = next(i for i, line in enumerate(lines) if line.split() == ["code", "meaning", "raised", "as"])
    table = {}
    for line in lines[start + 1:]:
        if not line.strip():
            break
        code, meaning, classes = re.split(r"\s{2,}", line.strip())
        table[int(code)] = (meaning, [] if classes == "-" else classes.split(", "))
    return table


def all_subclasses(cls):
    yield cls
    for sub in cls.__subclasses__():
        yield from all_subclasses(sub)


def test_the_exit_code_table_lists_every_error_class_with_its_code():
    table = documented_table()
    assert sorted(table) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 130]
    assert table[6][0] == "nothing to answer" and table[130] == ("interrupted", [])
    documented = {name: code for code, (_, names) in table.items() for name in names}
    assert documented == EXPECTED_CODES
    classes = {c.__name__: c for c in all_subclasses(errors.KgError) if c.__module__ == "kg.errors"}
    assert set(classes) == set(EXPECTED_CODES), "every error class is in the table"
    for name, cls in classes.items():
        assert cls.exit_code == EXPECTED_CODES[name], name
    assert {code: (m, list(c)) for code, (m, c) in errors.exit_codes().items()} == table


def test_help_shows_the_exit_codes_where_data_goes_and_the_version():
    r = kg("--help")
    assert r.exit_code == 0
    text = " ".join(r.output.split())
    assert ("Exit codes: 0 ok, 1 internal error, 2 bad input or usage, 3 store failed, 4 store unreachable, "
            "5 query refused or failed, 6 nothing to answer, 7 Neo4j auth refused, 8 no such Neo4j database, "
            "130 interrupted.") in text
    assert "$KG_HOME/kg.sqlite, by default ~/.kg/kg.sqlite" in text
    assert "--version" in text and "info" in text and "reset" in text
    v = kg("--version")
    assert (v.exit_code, v.output) == (0, "kg 0.1.0\n")
    assert version("kg") == "0.1.0"


def test_kg_alone_still_prints_the_help():
    r = kg()
    assert r.exit_code == 2
    assert r.output.startswith("Usage: kg [OPTIONS] COMMAND") and "Commands:" in r.output


@pytest.mark.parametrize("args, line", [
    (("brokers", "--method", "x"), "error: --method: 'x' is not one of 'louvain', 'signed', 'positions'"),
    (("camps", "--method", "x"), "error: --method: 'x' is not one of 'louvain', 'signed', 'positions'"),
    (("plot", "camps", "--out", "c.png", "--method", "x"),
     "error: --method: 'x' is not one of 'louvain', 'signed', 'positions'"),
    (("plot", "camps", "--out", "camps.jpg"), "error: --out: 'camps.jpg' must end in .png or .svg"),
    (("plot", "timeline", "Turkey", "--out", "t.pdf"), "error: --out: 't.pdf' must end in .png or .svg"),
    (("actors", "--kind", "x"),
     "error: --kind: 'x' is not one of 'state', 'organization', 'person', 'armed_group', 'authority', 'ngo'"),
    (("statements", "--stance", "adore"),
     "error: --stance: 'adore' is not one of 'support', 'praise', 'mediate', 'call_for_ceasefire', 'concern', "
     "'accuse', 'condemn', 'oppose', 'warn', 'threaten'"),
    (("actors", "--store", "sqlite"), "error: --store: 'sqlite' is not one of 'embedded', 'neo4j'"),
    (("load", "x.yaml", "--store", "sqlite"), "error: --store: 'sqlite' is not one of 'embedded', 'neo4j'"),
    (("camps", "--since", "yesterday"), "error: --since: bad date 'yesterday' (expected YYYY-MM-DD)"),
    (("camps", "--half-life", "soon"),
     "error: --half-life: input should be a valid number, unable to parse string as a number"),
    (("stance",), "error: missing argument 'actor'"),
    (("stanse", "Turkey"), "error: no such command 'stanse'. Did you mean 'stance'?"),
])
def test_a_bad_option_is_one_line_on_stderr_exit_2_before_anything_runs(args, line):
    # The store is empty: a command that ran would exit 6, so exit 2 shows the check came first.
    r = kg(*args)
    assert (r.exit_code, r.stderr, r.stdout) == (2, line + "\n", "")


def test_a_bad_store_from_the_environment_says_where_it_came_from(monkeypatch):
    monkeypatch.setenv("KG_STORE", "sqlite")
    r = kg("actors")
    assert (r.exit_code, r.output) == (2, "error: --store (from $KG_STORE): 'sqlite' is not one of 'embedded', "
                                          "'neo4j'\n")


def test_the_cli_choices_are_the_librarys():
    from kg.analysis.camps import METHODS
    from kg.analysis.graph import DEFAULT_HALF_LIFE
    from kg.model import ACTOR_KINDS
    from kg.plot import FORMATS
    from kg.store import STORES
    from kg.vocab import STANCE_NAMES

    assert common.CAMP_METHODS == METHODS == ("louvain", "signed", "positions")
    assert common.ACTOR_KINDS == ACTOR_KINDS == ("state", "organization", "person", "armed_group", "authority", "ngo")
    assert common.STANCE_NAMES == STANCE_NAMES
    assert common.STANCE_NAMES[:3] == ("support", "praise", "mediate") and len(STANCE_NAMES) == 10
    assert common.DEFAULT_HALF_LIFE == DEFAULT_HALF_LIFE == 90.0
    from kg.analysis import doubt
    from kg.cli import analyse

    assert (analyse.RUNS, analyse.STABLE) == (doubt.RUNS, doubt.STABLE) == (50, 0.5)
    assert common.PICTURE_FORMATS == FORMATS == ("png", "svg")
    assert common.STORES == STORES == ("embedded", "neo4j")
    from kg.cli import export as export_cli
    from kg.export import KINDS

    assert export_cli.KINDS == KINDS == ("stance", "role", "membership", "alliance")


@pytest.mark.parametrize("args", [
    ("stance", "Turkey"), ("actors",), ("statements",), ("camps",), ("align", "Turkey", "Azerbaijan"),
    ("balance",), ("brokers",), ("timeline", "Turkey"), ("plot", "camps", "--out", "camps.png"),
    ("plot", "timeline", "Turkey", "--out", "turkey.svg"), ("actors", "--json"), ("camps", "--json"),
])
def test_every_read_command_on_an_empty_store_says_so_in_one_line(args, tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    r = kg(*args)
    assert (r.exit_code, r.output) == (6, EMPTY)
    assert list(work.iterdir()) == []  # no picture written


def test_ctrl_c_in_a_command_is_interrupted_130(monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.reports.actors.actors", interrupted)
    r = kg("actors")
    assert (r.exit_code, r.output) == (130, "interrupted\n")


def test_an_unexpected_error_is_one_line_exit_1_and_a_traceback_only_when_asked(monkeypatch, capsys):
    import kg.cli

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("kg.reports.actors.actors", broken)
    monkeypatch.setattr(sys, "argv", ["kg", "actors"])
    monkeypatch.delenv("KG_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        kg.cli.main()
    assert stopped.value.code == 1
    assert capsys.readouterr().err == ("error: internal error: RuntimeError: boom "
                                       "(a bug; KG_DEBUG=1 shows the traceback)\n")
    monkeypatch.setenv("KG_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        kg.cli.main()


def test_the_console_script_prints_usage_errors_in_our_style(kg_home):
    r = subprocess.run([sys.executable, "-m", "kg", "brokers", "--method", "x"], capture_output=True, text=True,
                       cwd=ROOT)
    assert (r.returncode, r.stdout, r.stderr) == (
        2, "", "error: --method: 'x' is not one of 'louvain', 'signed', 'positions'\n")


def test_help_builds_every_command_without_the_heavy_library():
    code = ("import sys; from typer.main import get_command; import kg.cli; get_command(kg.cli.app); "
            "print([m for m in ('numpy', 'networkx', 'matplotlib', 'pydantic', 'neo4j', 'pycountry', 'kg.model', "
            "'kg.vocab', 'kg.actors', 'kg.analysis', 'kg.reports', 'kg.plot') if m in sys.modules])")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert r.stdout.strip() == "[]"


def test_kg_loads_its_names_on_first_use():
    code = ("import sys, kg; before = 'pydantic' in sys.modules; "
            "from kg import Statement, ActorIndex, KgError; "
            "from kg.store import Store, StatementFilter, EmbeddedStore; "
            "import json; print(json.dumps([before, 'pydantic' in sys.modules, Statement.__module__, "
            "ActorIndex.__module__, KgError.__module__, Store.__module__, EmbeddedStore.__module__, "
            "sorted(kg.__all__) == sorted(n for n in kg.__all__ if getattr(kg, n, None) is not None)]))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(r.stdout) == [False, True, "kg.model", "kg.actors", "kg.errors", "kg.store.base",
                                    "kg.store.embedded", True]
    import kg as package

    assert package.__all__ == [
        "Actor", "ActorIndex", "Alliance", "AnalysisError", "DataError", "Dataset", "KgError",
        "Membership", "Problem", "QueryError", "Role", "Source", "Statement", "StoreError",
        "StoreUnavailable", "UnknownActorError"]
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        package.Nope  # noqa: B018


def test_the_readme_documents_the_same_exit_codes():
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("### Exit codes", 1)[1].split("\n#", 1)[0]
    cells = [row.split("|")[1].strip() for row in section.splitlines() if row.startswith("| ")]
    documented = {int(c) for c in cells if c.isdigit()}
    assert documented == {0, 1, 2, 3, 4, 5, 6, 7, 8, 130} == set(documented_table())
