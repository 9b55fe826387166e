"""The package list in pyproject.toml covers every package, and the data ships with it."""
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_python_package_is_listed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    shipped_as = {"kg": "kg", "ingest": "kg.ingest", "cypher": "kg.cypher"}
    found = {".".join((shipped_as[top], *p.parent.relative_to(ROOT / top).parts))
             for top in shipped_as for p in (ROOT / top).rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_cypher_files_are_reachable_as_package_data():
    from importlib import resources

    root = resources.files("kg.cypher")
    assert root.joinpath("schema.cypher").is_file()
    assert root.joinpath("store", "merge_statements.cypher").is_file()
