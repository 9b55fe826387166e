"""Fixtures: the 2020 dataset, a temporary home, and one store fixture for both stores."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NK2020 = ROOT / "ingest" / "datasets" / "nagorno-karabakh-2020.yaml"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def kg_home(tmp_path, monkeypatch):
    """Every test gets its own embedded store and never touches ~/.kg."""
    home = tmp_path / "kg-home"
    monkeypatch.setenv("KG_HOME", str(home))
    monkeypatch.delenv("KG_STORE", raising=False)
    return home


@pytest.fixture(scope="session")
def nk2020():
    from ingest.curated import read_dataset

    return read_dataset(NK2020)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpus sits beside the project only in "
                    "the team's checkouts and CI, not in a user's clone")
    return path


STORES = ["embedded"]


@pytest.fixture(params=STORES)
def store(request, tmp_path):
    """An empty store of each kind; every test using it runs once per store."""
    from kg.store import open_store

    if request.param == "embedded":
        s = open_store("embedded", path=tmp_path / "kg.sqlite")
    else:
        s = open_store(request.param)
    s.clear()
    yield s
    s.close()
