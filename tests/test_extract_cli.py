"""``kg extract`` and ``kg ingest article`` through CliRunner."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
ARTICLES = Path(__file__).parent / "articles"
NK = ARTICLES / "nk_reactions.txt"


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_extract_validate_load_round_trip(tmp_path):
    out = tmp_path / "st.yaml"
    r = kg("extract", NK, "--out", out)
    assert r.exit_code == 0, r.output
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert {"dataset", "title", "start", "end", "sources", "actors", "statements", "candidates"} <= set(doc)
    assert all({"confidence", "span", "sentence"} <= set(s) for s in doc["statements"])
    assert doc["candidates"][0]["name"] == "Shushan Stepanyan"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    r = kg("validate", out)
    assert r.exit_code == 0 and r.output.startswith("ok: "), r.output
    r = kg("load", out, "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["added"]["statements"] == len(doc["statements"])
    rows = json.loads(kg("statements", "--by", "France", "--json").output)
    assert {r["stance"] for r in rows} == {"call_for_ceasefire", "accuse"}


def test_folder_gives_one_loadable_file(tmp_path):
    out = tmp_path / "all.yaml"
    r = kg("extract", ARTICLES, "--date", "2020-07-13", "--out", out)
    assert r.exit_code == 0, r.output
    assert f"from {len(list(ARTICLES.glob('*.txt')))} article(s)" in r.output
    assert kg("validate", out).exit_code == 0


def test_table_and_json():
    r = kg("extract", NK)
    assert r.exit_code == 0 and "call_for_ceasefire" in r.output and "Shushan Stepanyan" in r.output
    r = kg("extract", NK, "--json")
    data = json.loads(r.output)
    assert data[0]["date"] == "2020-10-01" and data[0]["parties"] == [["ARM"], ["AZE"]]
    assert json.loads(kg("extract", NK, "--json").output) == data  # stable


def test_ingest_article_loads_in_one_step():
    r = kg("ingest", "article", NK, "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["added"]["statements"] >= 8
    again = json.loads(kg("ingest", "article", NK, "--json").output)
    assert again["added"]["statements"] == 0
    assert kg("ingest", "article", NK).exit_code == 0


def _bad(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("name,data,expected", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("latin1.txt", "Le ministre a dit: « café »".encode("latin-1"), "not UTF-8"),
    ("nodate.txt", b"Turkey blamed Armenia for the clashes.", "no date found"),
])
def test_bad_inputs_are_one_line_with_exit_code_2(tmp_path, name, data, expected):
    p = _bad(tmp_path, name, data)
    r = kg("extract", p)
    assert r.exit_code == 2, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {p}:") and expected in lines[0], r.output


def test_huge_file_is_refused_without_reading_it_all(tmp_path):
    p = tmp_path / "big.txt"
    with p.open("wb") as fh:
        fh.seek(50_000_000)
        fh.write(b"x")
    r = kg("extract", p)
    assert r.exit_code == 2 and "too large" in r.output and "Traceback" not in r.output


def test_missing_file_folder_and_bad_date(tmp_path):
    r = kg("extract", tmp_path / "nope.txt")
    assert r.exit_code == 2 and "no such file" in r.output
    r = kg("extract", tmp_path)
    assert r.exit_code == 2 and "no .txt articles" in r.output
    r = kg("extract", NK, "--date", "yesterday")
    assert r.exit_code != 0 and r.output.startswith("error: --date: bad date")


def test_no_statements_and_other_languages_give_an_empty_result(tmp_path):
    p = tmp_path / "de.txt"
    p.write_text("Der Außenminister sagte am Montag, die Lage sei ernst.", encoding="utf-8")
    r = kg("extract", p, "--date", "2020-10-01", "--json")
    assert r.exit_code == 0 and json.loads(r.output)[0]["statements"] == []
    out = tmp_path / "x.yaml"
    assert kg("extract", p, "--date", "2020-10-01", "--out", out).exit_code == 0
    assert kg("validate", out).exit_code == 0


def test_out_into_a_missing_folder_writes_nothing(tmp_path):
    r = kg("extract", NK, "--out", tmp_path / "no" / "x.yaml")
    assert r.exit_code == 2 and "no such folder" in r.output
