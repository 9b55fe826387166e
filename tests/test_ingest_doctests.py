"""The docstring examples of every kg.ingest module run (pytest collects doctests under kg/ only:
ingest/ ships as kg.ingest, so its modules are imported here by their package name)."""
import doctest
import importlib
import pkgutil

import kg.ingest
import pytest

MODULES = sorted(m.name for m in pkgutil.walk_packages(kg.ingest.__path__, "kg.ingest."))


def test_the_modules_are_found():
    assert {"kg.ingest.gdelt", "kg.ingest.reference", "kg.ingest.article.extract"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    assert doctest.testmod(importlib.import_module(name)).failed == 0
