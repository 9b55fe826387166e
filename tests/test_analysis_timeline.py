"""Change over time: an actor that switches sides shows it window by window."""
from datetime import date

import pytest

from kg.analysis.timeline import parse_window, windows
from kg.errors import AnalysisError, KgError, UnknownActorError
from kg.model import Dataset, Statement
from kg.reports.common import Options
from kg.reports.timeline import timeline


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


def test_a_shift_is_visible(switching):
    r = timeline(switching, "United Kingdom", "7d")
    first, second = r["windows"]
    assert (first["start"], second["start"]) == ("2021-03-01", "2021-03-08")
    assert {a["id"] for a in first["camp"]} == {"DEU", "FRA", "GBR"}
    assert {a["id"] for a in second["camp"]} == {"GBR", "USA"}
    assert second["changes"] == {"joined": ["USA"], "left": ["DEU", "FRA"]}
    assert first["s"]["FRA"] > 0 > second["s"]["FRA"]
    cumulative = timeline(switching, "GBR", "7d", cumulative=True)
    assert cumulative["windows"][1]["start"] == "2021-03-01"


def test_timeline_bad_input(switching):
    with pytest.raises(UnknownActorError):
        timeline(switching, "Atlantis")
    with pytest.raises(AnalysisError, match="no statements"):
        timeline(switching, "GBR", opts=Options(since=date(2022, 1, 1)))
    with pytest.raises(AnalysisError, match="takes no part"):
        timeline(switching, "Japan")
