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
BOTH = ("ARM", "AZE")
# What nk_reactions.txt says, read by hand: (speaker, whom it speaks for, stance, targets).
# The three presidents' joint call counts once per speaker; Stepanyan's denial ("did not
# attack") is negated and Aliyev's "We will not stop until our lands are free" names no one (the
# gold calls it borderline), so neither is a statement.
NK_STATEMENTS = {
    ("macron", "FRA", "call_for_ceasefire", BOTH),
    ("putin", "RUS", "call_for_ceasefire", BOTH),
    ("trump", "USA", "call_for_ceasefire", BOTH),
    ("macron", "FRA", "accuse", ("TUR",)),                 # "accused Turkey of sending foreign fighters"
    ("IRN", "IRN", "mediate", BOTH),                       # "Tehran was ready to mediate"
    ("stoltenberg", "NATO", "call_for_ceasefire", BOTH),   # "urged both sides to stop fighting"
    ("EU", "EU", "concern", BOTH),                         # "expressed deep concern"
    ("AZE", "AZE", "accuse", ("ARM",)),                    # "Armenian forces had shelled the town of Tartar"
    ("ARM", "ARM", "accuse", ("AZE",)),                    # "Azerbaijani drones attacked civilian homes"
}
NK_TRIPLES = {(speaker, stance, targets) for speaker, _, stance, targets in NK_STATEMENTS}
# "Shushan Stepanyan" once in full and "Stepanyan" once more; an Armenian ministry's spokeswoman.
NK_CANDIDATES = [{"name": "Shushan Stepanyan", "mentions": 2, "attributed_to": "ARM"}]


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


def triples(statements) -> set:
    """(speaker, stance, targets) of the statements of a curated file or of ``kg extract --json``."""
    return {(s["speaker"], s["stance"], tuple(s["targets"])) for s in statements}


def validated(path) -> dict:
    """``kg validate --json`` of one file: its counts."""
    r = kg("validate", path, "--json")
    assert r.exit_code == 0, r.output
    [counts] = json.loads(r.output)
    return counts


def test_extract_validate_load_round_trip(tmp_path):
    out = tmp_path / "st.yaml"
    r = kg("extract", NK, "--out", out)
    assert r.exit_code == 0, r.output
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert {"dataset", "title", "start", "end", "sources", "actors", "statements", "candidates"} <= set(doc)
    assert all({"confidence", "span", "sentence"} <= set(s) for s in doc["statements"])
    assert doc["candidates"] == NK_CANDIDATES
    assert triples(doc["statements"]) == NK_TRIPLES and len(doc["statements"]) == 9
    assert (doc["start"], doc["end"]) == ("2020-10-01", "2020-10-01")
    assert doc["sources"] == {"article": {"url": "https://example.org/test/nk-reactions", "date": "2020-10-01",
                                          "title": "Co-chair presidents urge a halt as Karabakh fighting spreads"}}
    assert {s["source"] for s in doc["statements"]} == {"article"}
    body = NK.read_text(encoding="utf-8").split("\n", 4)[4]
    for s in doc["statements"]:  # the span is the quote's place in the body
        assert body[s["span"][0]:s["span"][1]] == s["quote"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    r = kg("validate", out)
    assert r.exit_code == 0 and r.output.startswith("ok: "), r.output
    assert validated(out)["statements"] == 9
    r = kg("load", out, "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["added"]["statements"] == len(doc["statements"]) == 9
    rows = json.loads(kg("statements", "--by", "France", "--json").output)
    assert {r["stance"] for r in rows} == {"call_for_ceasefire", "accuse"}
    # What the store holds is what the article says, people counted for their state.
    rows = json.loads(kg("statements", "--json").output)
    assert {(r["speaker"]["id"], r["on_behalf_of"]["id"], r["stance"], tuple(t["id"] for t in r["targets"]))
            for r in rows} == NK_STATEMENTS
    assert {r["date"] for r in rows} == {"2020-10-01"}
    assert {r["source"] for r in rows} == {"https://example.org/test/nk-reactions"}
    assert sorted(r["speaker"]["id"] for r in rows if r["joint"]) == ["macron", "putin", "trump"]


def test_folder_gives_one_loadable_file(tmp_path):
    out = tmp_path / "all.yaml"
    r = kg("extract", ARTICLES, "--date", "2020-07-13", "--out", out)
    assert r.exit_code == 0, r.output
    assert f"from {len(list(ARTICLES.glob('*.txt')))} article(s)" in r.output
    assert kg("validate", out).exit_code == 0
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    # One source per article, under the URL of its header (a file URI for the plain text).
    articles = sorted(ARTICLES.glob("*.txt"))
    assert len(articles) == 36 and len(doc["sources"]) == 36
    urls = {a.read_text(encoding="utf-8").split("\n", 1)[0] for a in articles if a.name != "plain_no_header.txt"}
    urls.add((ARTICLES / "plain_no_header.txt").resolve().as_uri())
    assert {src["url"] for src in doc["sources"].values()} == urls
    assert validated(out)["statements"] == len(doc["statements"])
    # The statements of nk_reactions.txt are there, and only they, under its source.
    [nk] = [k for k, src in doc["sources"].items() if src["url"] == "https://example.org/test/nk-reactions"]
    assert triples(s for s in doc["statements"] if s["source"] == nk) == NK_TRIPLES
    assert len([s for s in doc["statements"] if s["source"] == nk]) == 9
    # plain_no_header.txt (read by hand): Turkey blames Yerevan and backs Baku, Russia, France and
    # the EU urge restraint, Lavrov is alarmed.
    [plain] = [k for k, src in doc["sources"].items() if src["url"].startswith("file:")]
    got = triples(s for s in doc["statements"] if s["source"] == plain)
    assert {("TUR", "accuse", ("ARM",)), ("TUR", "support", ("AZE",)), ("RUS", "call_for_ceasefire", BOTH),
            ("FRA", "call_for_ceasefire", BOTH), ("EU", "call_for_ceasefire", BOTH),
            ("lavrov", "concern", BOTH)} == got, got


def test_table_and_json():
    r = kg("extract", NK)
    assert r.exit_code == 0 and "call_for_ceasefire" in r.output and "Shushan Stepanyan" in r.output
    r = kg("extract", NK, "--json")
    data = json.loads(r.output)
    assert data[0]["date"] == "2020-10-01" and data[0]["parties"] == [["ARM"], ["AZE"]]
    assert json.loads(kg("extract", NK, "--json").output) == data  # stable
    [article] = data
    assert article["url"] == "https://example.org/test/nk-reactions"
    assert article["title"] == "Co-chair presidents urge a halt as Karabakh fighting spreads"
    assert {(s["speaker"], s["on_behalf_of"] or s["speaker"], s["stance"], tuple(s["targets"]))
            for s in article["statements"]} == NK_STATEMENTS
    assert len(article["statements"]) == 9 and article["candidates"] == NK_CANDIDATES
    quotes = {(s["speaker"], s["stance"]): s["quote"] for s in article["statements"]}
    assert quotes[("macron", "accuse")] == "accused Turkey of sending foreign fighters to the front"
    assert quotes[("EU", "concern")] == "expressed deep concern over repeated violations of the truce"
    assert {s["quote"] for s in article["statements"] if s["joint"]} == {
        "called for an immediate ceasefire between the warring sides"}


def test_ingest_article_loads_in_one_step():
    r = kg("ingest", "article", NK, "--json")
    assert r.exit_code == 0, r.output
    first = json.loads(r.output)
    assert first["added"]["statements"] == 9 and first["candidates"] == NK_CANDIDATES
    rows = json.loads(kg("statements", "--json").output)
    assert {(r["speaker"]["id"], r["on_behalf_of"]["id"], r["stance"], tuple(t["id"] for t in r["targets"]))
            for r in rows} == NK_STATEMENTS and len(rows) == 9
    again = json.loads(kg("ingest", "article", NK, "--json").output)
    assert again["added"]["statements"] == 0
    r = kg("ingest", "article", NK)
    assert r.exit_code == 0, r.output
    assert len(json.loads(kg("statements", "--json").output)) == 9  # nothing added twice


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
    r = kg("extract", p, "--date", "2020-10-01", "--out", out)
    assert r.exit_code == 0, r.output
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert doc["statements"] == [] and doc["candidates"] == [] and doc["actors"] == []
    assert (doc["start"], doc["end"]) == ("2020-10-01", "2020-10-01")
    assert [src["url"] for src in doc["sources"].values()] == [p.resolve().as_uri()]
    counts = validated(out)
    assert {k: counts[k] for k in ("dataset", "sources", "statements", "actors")} == {
        "dataset": "extract-de", "sources": 1, "statements": 0, "actors": 0}


def test_out_into_a_missing_folder_writes_nothing(tmp_path):
    r = kg("extract", NK, "--out", tmp_path / "no" / "x.yaml")
    assert r.exit_code == 2 and "no such folder" in r.output
