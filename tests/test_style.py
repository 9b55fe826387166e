"""The code base passes the linter configured in pyproject.toml."""
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_is_clean():
    ruff = shutil.which("ruff")
    assert ruff, "ruff is part of the test extras: pip install -e '.[test]'"
    r = subprocess.run([ruff, "check", "--output-format", "concise", "kg", "ingest", "tests", "bench", "tools"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
