"""The code base passes the linter configured in pyproject.toml."""
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_is_clean():
    # Through the running interpreter, so that it works without an activated venv.
    assert importlib.util.find_spec("ruff"), "ruff is part of the test extras: pip install -e '.[test]'"
    r = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format", "concise",
                        "kg", "ingest", "tests", "bench", "tools"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_no_test_imports_conftest():
    """pytest loads conftest.py itself; importing it as a module worked only under `python -m pytest`."""
    offenders = [p.name for p in (ROOT / "tests").glob("*.py") if "tests.conftest" in p.read_text(encoding="utf-8")
                 and p.name != "test_style.py"]
    assert offenders == []


def test_no_test_module_binds_a_name_twice():
    """A second ``FRAME = ...`` in a test module silently hands every earlier test the later value."""
    import ast
    twice = []
    for p in sorted((ROOT / "tests").glob("test_*.py")):
        seen: set = set()
        for node in ast.parse(p.read_text(encoding="utf-8")).body:
            names = [t.id for t in getattr(node, "targets", []) if isinstance(t, ast.Name)]
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names = [node.name]
            twice += [f"{p.name}: {n}" for n in names if n in seen]
            seen.update(names)
    assert twice == []
