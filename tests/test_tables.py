"""Tables at 80 columns: ids whole, words wrapped at word boundaries, nothing cut.

Every table command runs through CliRunner with ``COLUMNS=80``; the expected values are
read by hand from ``kg ... --json`` on the 2020 dataset.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from typer.testing import CliRunner

from kg.cli import app
from kg.cli.tables import allocate, fit
from tests.helpers import NK2020

runner = CliRunner()
ARTICLE = Path(__file__).parent / "articles" / "aegean_standoff.txt"
WIDTH = 80
# The ids of the 2020 dataset (kg actors --json), the long ones first.
IDS = ["CARNEGIE_MOSCOW", "anna-hakobyan", "hovhannisyan", "pope-francis", "harutyunyan", "bagdasaryan",
       "pashinyan", "vartanyan", "OSCE_MG", "erdogan", "aliyev", "trenin", "putin", "CSTO", "NATO", "OSCE",
       "NKR", "ICG", "EU", "ARM", "AZE", "FRA", "DEU", "VAT", "ITA", "RUS", "TUR", "USA"]
BOX = "│┃╇╈┡┩┏┓┗┛┣┫┳┻━─├┤┼┬┴┌┐└┘"


@pytest.fixture(autouse=True)
def width(monkeypatch):
    """An 80-column terminal: rich reads COLUMNS (unless the console got a width when it was made)."""
    from kg.cli import common

    monkeypatch.setenv("COLUMNS", str(WIDTH))
    for console in (common.out, common.err):
        if getattr(console, "_width", None) is not None:
            monkeypatch.setattr(console, "_width", None)


def kg(*args, width: int = WIDTH):
    r = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": str(width)})
    assert r.exit_code == 0, r.output
    return r.output


@pytest.fixture
def loaded():
    kg("load", NK2020)


def fits(text: str, width: int = WIDTH) -> list[str]:
    """The output's lines, after checking that none is wider than the terminal or ellipsised."""
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= width, "\n".join(x for x in lines if cell_len(x) > width)
    assert "\u2026" not in text
    return lines


def words(text: str) -> set[str]:
    """Every whitespace-separated word of the output, box drawing removed."""
    return set(text.translate({ord(c): " " for c in BOX}).split())


def rows(text: str, lines_between: bool) -> list[list[str]]:
    """The body rows of the (first) table in ``text``: each cell's lines joined by one space.

    With ``lines_between`` rows are split at the rules between them, else a row starts where
    the first column has text.
    """
    body = text.split("\u2529", 1)[1].splitlines()[1:]  # after the header rule "┡━━━┩"
    out: list[list[list[str]]] = []
    new = True
    for line in body:
        if line.startswith("\u2514"):  # └ bottom
            break
        if line.startswith("\u251c"):  # ├ rule between rows
            new = True
            continue
        cells = [c.strip() for c in line.strip()[1:-1].split("\u2502")]
        if new or (not lines_between and cells[0]):
            out.append([[] for _ in cells])
            new = False
        for acc, c in zip(out[-1], cells, strict=True):
            if c:
                acc.append(c)
    return [[" ".join(c) for c in row] for row in out]


def test_the_terminal_really_is_80_wide(loaded):
    # The statements table takes every column the terminal has: its widest line is the width.
    assert max(cell_len(x) for x in fits(kg("statements"))) == WIDTH
    assert max(cell_len(x) for x in kg("statements", width=100).splitlines()) == 100


def test_actors_ids_are_never_cut(loaded):
    out = kg("actors")
    fits(out)
    assert sorted(r["id"] for r in json.loads(kg("actors", "--json"))) == sorted(IDS)
    table = rows(out, lines_between=False)
    assert [r[0] for r in table] == ["NKR", "CARNEGIE_MOSCOW", "ICG", "CSTO", "EU", "NATO", "OSCE_MG", "OSCE",
                                     "anna-hakobyan", "harutyunyan", "bagdasaryan", "hovhannisyan", "trenin",
                                     "aliyev", "pashinyan", "vartanyan", "pope-francis", "erdogan", "putin",
                                     "ARM", "AZE", "FRA", "DEU", "VAT", "ITA", "RUS", "TUR", "USA"]
    by_id = {r[0]: r for r in table}
    # Names wrap between words only: joined back, each is whole.
    assert by_id["OSCE"][1] == "Organization for Security and Co-operation in Europe"
    assert by_id["NKR"][1] == "Nagorno-Karabakh Republic"
    assert by_id["CARNEGIE_MOSCOW"][1] == "Carnegie Moscow Center"
    assert by_id["vartanyan"][1] == "Olesya Vartanyan for International Crisis Group"
    assert by_id["AZE"][3] == "AZE Q227 COW 373" and "COW 373" in out  # a code is never split
    # said: its own 5 and President Aliyev's 2 for it (roles as of the day); addressed by 19
    assert by_id["AZE"][2] == "state" and by_id["AZE"][-1] == "7 / 19"


def test_actors_on_wider_terminals_keep_every_id(loaded):
    out = kg("actors", width=100)
    fits(out, 100)
    assert set(IDS) <= words(out)
    # With room for all seven columns (and fewer lines that way), "speaks for" has its own.
    wide = kg("actors", width=130)
    fits(wide, 130)
    assert wide.splitlines()[2].split() == ["┃", "id", "┃", "name", "┃", "kind", "┃", "codes", "┃", "speaks",
                                            "for", "┃", "said", "┃", "addressed", "┃"]
    assert ["pashinyan", "Nikol Pashinyan", "person", "", "Armenia", "4", "0"] in rows(wide, lines_between=False)


def test_brokers_fit_with_whole_words(loaded):
    out = kg("brokers")
    fits(out)
    table = rows(out, lines_between=False)
    assert table[0] == ["Germany", "1", "mediator", "0.000", "even-handed to camps 2, 3"]
    assert table[-1] == ["Holy See", "1", "mediator", "0.000", "even-handed to camps 2, 3"] and len(table) == 6
    assert {"betweenness", "even-handed"} <= words(out) and "camp 3: Azerbaijan, Turkey" in out
    assert "camp 2: Armenia, Nagorno-Karabakh Republic" in out
    wide = kg("brokers", width=100)
    fits(wide, 100)
    assert ["European Union", "1", "mediator", "0.000", "2, 3", "", ""] in rows(wide, lines_between=False)


def test_statements_keep_every_word_of_every_quote(loaded):
    out = kg("statements")
    fits(out)
    said = json.loads(kg("statements", "--json"))
    table = rows(out, lines_between=True)
    assert len(table) == len(said) == 30
    for row, s in zip(table, said, strict=True):
        assert row[-1] == f"\u201c{s['quote']}\u201d"  # the quote's lines, joined, give it back
        assert row[0].startswith(f"{s['date']} {s['speaker']['name']}")
    assert words(out) >= {w for s in said for w in s["quote"].split()[1:-1]}


def test_statements_by_moscow(loaded):
    out = kg("statements", "--by", "Moscow")
    fits(out)
    assert rows(out, lines_between=True) == [
        ["2020-09-27 Vladimir Putin for Russia", "call_for_ceasefire Armenia, Azerbaijan",
         "\u201can end to hostilities\u201d"],
        ["2020-09-27 Russia", "concern Armenia, Azerbaijan",
         "\u201cThe Russian side expressed serious concern over the resumption of large-scale clashes\u201d"]]


def test_stance_says_whose_stance_and_what_net_means(loaded):
    assert kg("stance", "NATO").splitlines() == [
        "NATO (organization, NATO)",
        "no statements: NATO's stance toward others",
        "no statements: reactions toward NATO"]
    out = kg("stance", "Armenia")
    fits(out)
    assert "net: confidence-weighted mean valence, -1 hostile .. +1 friendly; n: statements" in out
    reactions = rows(out.split("reactions toward Armenia", 1)[1], lines_between=True)
    assert reactions[2][:4] == ["International Crisis Group", "-0.20", "1", "concern 1"]
    assert reactions[2][4] == "Olesya Vartanyan, 2020-09-27: \u201cWe are a step away from a large-scale war\u201d"
    assert reactions[3][3] == "call_for_ceasefire 1 concern 1"
    helptext = " ".join(kg("stance", "--help").split())
    assert "net is the mean valence of the statements (-1 hostile .. +1 friendly), each weighted by its " \
           "confidence" in helptext


def test_align_says_why_kappa_and_pi_are_undefined(loaded):
    out = kg("align", "Russia", "France")
    fits(out)
    assert out.splitlines()[:2] == [
        "Russia and France: S +1.000, kappa n/a, pi n/a on 2 shared targets (same camp)",
        "n/a: both even-handed toward all 2 shared targets, so chance agreement is 1"]
    r = json.loads(kg("align", "Russia", "France", "--json"))
    assert (r["kappa"], r["pi"], r["n"]) == (None, None, 2)
    assert r["why_undefined"] == "both even-handed toward all 2 shared targets, so chance agreement is 1"
    assert rows(out, lines_between=True)[0] == [
        "Armenia",
        "even-handed call_for_ceasefire, concern Russia, 2020-09-27: \u201cThe Russian side expressed serious "
        "concern over the resumption of large-scale clashes\u201d",
        "even-handed call_for_ceasefire France, 2020-09-27: \u201cimmediate ceasefire\u201d"]
    defined = json.loads(kg("align", "Turkey", "Armenia", "--json"))
    assert (defined["kappa"], defined["pi"], defined["why_undefined"]) == (-0.8, -1.0, None)
    assert "n/a" not in kg("align", "Turkey", "Armenia")


def test_align_with_nothing_shared_says_so(loaded):
    kg("load", NK2020.parent / "israel-gaza-2021.yaml")
    out = kg("align", "Israel", "Russia")
    assert out.splitlines()[:2] == ["Israel and Russia: S n/a, kappa n/a, pi n/a on 0 shared targets",
                                    "n/a: no shared targets"]


def test_camps_and_balance_fit(loaded):
    out = kg("camps")
    fits(out)
    assert {"Nagorno-Karabakh", "call_for_ceasefire,", "even-handed", "Azerbaijani"} <= words(out)
    camp3 = rows(out.split("camp 3: Azerbaijan, Turkey", 1)[1], lines_between=True)
    # At 80 columns the stance goes under its target (the narrow layout): fewer lines.
    assert camp3[1] == [
        "Azerbaijan friendly support", "Turkey",
        "Recep Tayyip Erdogan, 2020-09-27: \u201cThe Turkish people will support our Azerbaijani brothers "
        "with all our means as always\u201d Turkey, 2020-09-27: \u201cfull support\u201d"]
    out = kg("balance", "--no-rollup")
    fits(out)
    assert "  1. Armenia, Nagorno-Karabakh Republic, Arayik Harutyunyan, Nikol Pashinyan" in out.splitlines()


def test_balance_lists_wrap_with_a_hanging_indent(loaded):
    out = kg("balance", "--no-rollup", width=40)
    fits(out, 40)
    lines = [x.rstrip() for x in out.splitlines()]
    i = lines.index("  1. Armenia, Nagorno-Karabakh Republic,")
    assert lines[i:i + 4] == ["  1. Armenia, Nagorno-Karabakh Republic,", "     Arayik Harutyunyan, Nikol Pashinyan",
                              "  2. Azerbaijan, Turkey, Ilham Aliyev,", "     Recep Tayyip Erdogan"]


def test_extract_table_keeps_quotes_and_names_whole():
    out = kg("extract", ARTICLE)
    fits(out)
    found = json.loads(kg("extract", ARTICLE, "--json"))[0]["statements"]
    table = rows(out, lines_between=True)
    assert [r[-1] for r in table] == [s["quote"] for s in found]
    assert table[0][:3] == ["0", "Greece [joint] \u2192 Turkey", "accuse 0.80"]
    assert table[2][1] == "Germany [joint] \u2192 Greece, Turkey [all parties]"
    assert table[7][1:3] == ["United States \u2192 Turkey", "call_for_ceasefire 0.80"]
    assert out.startswith("Allies press Athens and Ankara as warships shadow survey vessel (2020-08-14) \u2014")


@pytest.mark.neo4j
def test_query_table_keeps_long_values_whole(neo4j_env):
    kg("load", NK2020, "--store", "neo4j")
    out = kg("query", "MATCH (s:Statement)-[:ON_BEHALF_OF]->(a:Actor {id: $id}) MATCH (s)-[:TOWARD]->(t:Actor) "
             "RETURN a.id, a.name, a.kind AS kind, s.quote, collect(t.id) AS targets, count(DISTINCT s) AS n",
             "--param", "id=CARNEGIE_MOSCOW")
    fits(out)
    # By hand, from the dataset: Trenin's statement for the Carnegie Moscow Center, toward both sides.
    row = rows(out, lines_between=False)[0]
    assert row[:3] == ["CARNEGIE_MOSCOW", "Carnegie Moscow Center", "ngo"] and row[-1] == "1"
    assert "ARM" in row[-2] and "AZE" in row[-2]
    # Too many columns for the line: one record per section, every value whole.
    out = kg("query", "RETURN " + ", ".join(f"'value_number_{i}' AS column_{i}" for i in range(8)))
    fits(out)
    assert {f"value_number_{i}" for i in range(8)} <= words(out)


def test_allocate_and_fit_by_hand():
    # Short columns keep their natural width; the long one takes the rest.
    assert allocate([10, 4, 30], [10, 6, 90], [1, 1, 2], 60) == [10, 6, 44]
    assert allocate([10, 30], [10, 40], [1, 1], 100) == [10, 40]
    assert allocate([50, 40], [60, 60], [1, 1], 80) is None
    console = Console(width=40, highlight=False)
    t = Table("id", "text")
    t.add_row("CARNEGIE_MOSCOW", "a few words that wrap " * 3)
    with console.capture() as cap:
        console.print(fit(t, console=console))
    lines = cap.get().splitlines()
    assert max(cell_len(x) for x in lines) <= 40 and "CARNEGIE_MOSCOW" in lines[3]
    assert rows(cap.get(), lines_between=False)[0][1] == ("a few words that wrap " * 3).strip()


def test_timeline_keeps_names_whole(loaded):
    lines = fits(kg("timeline", "Turkey"))
    text = "\n".join(lines)
    # By hand: Turkey's most opposed on 2020-09-27 are Armenia and the Nagorno-Karabakh Republic.
    assert "Nagorno-Karabakh" in text and "Karabak\n" not in text
    row = next(line for line in lines if line.startswith("│ 2020-09-27"))
    assert "5/25" in row and "Azerbaijan +1.00" in row
