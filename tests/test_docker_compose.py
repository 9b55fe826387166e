"""docker-compose.yml runs the server the local launcher runs, with the same limits.

No Docker engine is needed: these read the file. Whether the image starts is checked where an
engine answers (the test fixture then runs the same image through testcontainers).
"""
import re

from tests.helpers import ROOT, compose_neo4j, load_neo4jctl

ctl = load_neo4jctl()


def test_the_image_is_the_launchers_patch_release():
    pom = (ROOT / "tools" / "neo4j" / "pom.xml").read_text()
    version = re.search(r"<neo4j.version>([\d.]+)</neo4j.version>", pom).group(1)
    assert version.startswith("5.26.")
    assert compose_neo4j()["image"] == f"neo4j:{version}-community"


def test_memory_is_the_launchers_default():
    env = compose_neo4j()["environment"]
    assert env["NEO4J_server_memory_heap_max__size"] == ctl.DEFAULT_HEAP
    assert env["NEO4J_server_memory_pagecache_size"] == ctl.DEFAULT_PAGECACHE


def test_load_csv_is_confined_to_a_mounted_import_folder():
    svc = compose_neo4j()
    assert svc["environment"]["NEO4J_server_directories_import"] == "/import"
    assert "neo4j-import:/import" in svc["volumes"]


def test_ports_listen_on_loopback_only_and_the_healthcheck_uses_wget():
    svc = compose_neo4j()
    assert svc["ports"] == ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"]
    # wget is what the official image keeps after its build (it purges curl)
    assert svc["healthcheck"]["test"][1].startswith("wget --quiet --spider http://localhost:7474/")
