"""Change over time: an actor that switches sides shows it window by window."""
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from kg.analysis.timeline import data_windows, parse_window, windows
from kg.cli import app
from kg.errors import AnalysisError, KgError, UnknownActorError
from kg.model import Dataset, Statement
from kg.reports.common import Options
from kg.reports.timeline import timeline
from tests.helpers import NK2020

runner = CliRunner()


def said(speaker, day, stance, targets):
    return Statement.create(speaker=speaker, date=day, stance=stance, targets=targets,
                            quote=f"{speaker} {stance} {' '.join(targets)} {day}",
                            source="https://example.org/t", on_behalf_of=speaker)


@pytest.fixture
def switching(store):
    w1, w2 = date(2021, 3, 1), date(2021, 3, 9)
    statements = [said("FRA", w1, "support", ["DEU"]), said("DEU", w1, "support", ["FRA"]),
                  said("GBR", w1, "support", ["FRA"]), said("USA", w1, "accuse", ["CHN"]),
                  said("CHN", w1, "accuse", ["USA"]),
                  # In the second week Britain turns from France to the United States.
                  said("FRA", w2, "support", ["DEU"]), said("DEU", w2, "support", ["FRA"]),
                  said("GBR", w2, "support", ["USA"]), said("GBR", w2, "accuse", ["FRA"]),
                  said("USA", w2, "accuse", ["CHN"]), said("CHN", w2, "accuse", ["USA"])]
    store.load([Dataset(name="switch", statements=tuple(statements))])
    return store


def test_windows():
    assert parse_window("7d") == 7 and parse_window("2w") == 14
    with pytest.raises(KgError):
        parse_window("soon")
    assert len(windows(date(2020, 1, 1), date(2020, 1, 31), 7)) == 5
    days = [date(2020, 7, 16), date(2020, 9, 27), date(2020, 9, 27), date(2020, 10, 1)]
    assert data_windows(days, 7) == [(date(2020, 7, 16), date(2020, 7, 22), False),
                                     (date(2020, 7, 23), date(2020, 9, 26), True),
                                     (date(2020, 9, 27), date(2020, 10, 1), False)]
    assert data_windows(days, 100) == [(date(2020, 7, 16), date(2020, 10, 1), False)]
    assert data_windows(days, 1, until=date(2020, 9, 27))[-1] == (date(2020, 9, 27), date(2020, 9, 27), False)


def test_a_shift_is_visible(switching):
    r = timeline(switching, "United Kingdom", "7d")
    first, gap, second = r["windows"]
    # Windows start on days with statements; the day between them without any is one gap row.
    assert [(w["start"], w["end"], w["gap"]) for w in r["windows"]] == [
        ("2021-03-01", "2021-03-07", False), ("2021-03-08", "2021-03-08", True), ("2021-03-09", "2021-03-09", False)]
    # Britain's statements, then all statements, each once: 1 and 5 in the first week, 2 and 6 in the second.
    assert [(w["statements"], w["all_statements"], w["present"]) for w in r["windows"]] == [
        (1, 5, True), (0, 0, False), (2, 6, True)]
    assert first["changes"] is None
    assert {a["id"] for a in first["camp"]} == {"DEU", "FRA", "GBR"}
    assert {a["id"] for a in second["camp"]} == {"GBR", "USA"}
    assert second["changes"] == {"joined": ["USA"], "left": ["DEU", "FRA"]}
    assert first["s"]["FRA"] > 0 > second["s"]["FRA"]
    cumulative = timeline(switching, "GBR", "7d", cumulative=True)
    assert cumulative["windows"][2]["start"] == "2021-03-01"
    assert (cumulative["windows"][2]["statements"], cumulative["windows"][2]["all_statements"]) == (3, 11)


@pytest.fixture
def kg(store, monkeypatch):
    """``kg ...`` through CliRunner on the fixture's store."""
    if store.name == "embedded":
        monkeypatch.setenv("KG_HOME", str(store.path.parent))
    return lambda *args: runner.invoke(app, [*args, "--store", store.name])


def table_rows(output: str) -> list[list[str]]:
    """The body rows of a Rich table (box lines, one row between separators), each cell's lines joined."""
    rows, cells = [], None
    for line in output.splitlines():
        if line.startswith("\u2502"):
            parts = [c.strip() for c in line.strip("\u2502").split("\u2502")]
            cells = [f"{a} {b}".strip() for a, b in zip(cells, parts, strict=True)] if cells else parts
        elif line[:1] in ("\u251c", "\u2514") and cells:
            rows.append(cells)
            cells = None
    return rows


def test_the_table_shows_the_change(switching, kg):
    r = kg("timeline", "United Kingdom", "--window", "7d")
    assert r.exit_code == 0, r.output
    rows = table_rows(r.output)
    assert [row[:3] for row in rows] == [["2021-03-01..03-07", "1/5", "Germany, France, United Kingdom"],
                                         ["2021-03-08", "0/0", "no statements"],
                                         ["2021-03-09", "2/6", "United Kingdom, United States"]]
    assert "change" in r.output
    assert [row[-1] for row in rows] == ["-", "", "joined United States; left Germany, France"]
    assert json.loads(kg("timeline", "GBR", "--json").output)["windows"][2]["changes"] == {
        "joined": ["USA"], "left": ["DEU", "FRA"]}


def test_turkey_in_2020(store, kg):
    from kg.ingest.curated import read_dataset

    store.load([read_dataset(NK2020)])
    r = timeline(store, "Turkey", "7d")
    rows = r["windows"]
    # Counted by hand in the dataset: Turkey is speaker, spoken for (Erdogan) or target in 5
    # statements, all on 2020-09-27: Pashinyan opposes Turkey, Harutyunyan accuses Turkey,
    # Turkey accuses Armenia and supports Azerbaijan, Erdogan supports Azerbaijan.
    assert sum(w["statements"] for w in rows) == 5
    # All 30 statements but the 4 by people without an office or by an NGO or think tank
    # (Anna Hakobyan, Bagdasaryan, Vartanyan of the ICG, Trenin of Carnegie): 26, one in July.
    assert sum(w["all_statements"] for w in rows) == 26
    assert [(w["start"], w["end"], w["gap"], w["statements"], w["all_statements"], w["present"]) for w in rows] == [
        ("2020-07-16", "2020-07-22", False, 0, 1, False),
        ("2020-07-23", "2020-09-26", True, 0, 0, False),
        ("2020-09-27", "2020-09-27", False, 5, 25, True)]
    assert all(w["all_statements"] > 0 for w in rows if not w["gap"])
    assert "statement_targets" not in json.dumps(r)
    assert [a["id"] for a in rows[2]["camp"]] == ["AZE", "TUR"] and rows[2]["changes"] is None
    assert [w["statements"] for w in timeline(store, "Turkey", "4w")["windows"]] == [0, 0, 5]
    out = kg("timeline", "Turkey").output
    assert [row[:3] for row in table_rows(out)] == [["2020-07-16..07-22", "0/1", "Turkey takes no part"],
                                                    ["2020-07-23..09-26", "0/0", "no statements"],
                                                    ["2020-09-27", "5/25", "Azerbaijan, Turkey"]]
    assert "change" not in out.split("\n", 5)[3]  # no change column: the camp never changes
    assert "change: none to show, Turkey takes part in one window only" in out


def test_timeline_bad_input(switching):
    with pytest.raises(UnknownActorError):
        timeline(switching, "Atlantis")
    with pytest.raises(AnalysisError, match="no statements"):
        timeline(switching, "GBR", opts=Options(since=date(2022, 1, 1)))
    with pytest.raises(AnalysisError, match="takes no part"):
        timeline(switching, "Japan")
