"""kg ingest gdelt: real GDELT 2.0 rows from ../shared/refdata/gdelt/gdeltPyR, read and loaded.

Expected values read by hand from the sample file: event 669667873 (2017-07-01) is Barack Obama
(Actor1 USAGOV, country USA, type GOV) toward INDONESIAN (IDN), CAMEO 130, Goldstein -4.4,
NumMentions 7, NumSources 1, NumArticles 7, AvgTone -2.27, from salon.com; event 661117024 is
the United States (USA, no type) toward Libya, CAMEO 030, Goldstein 4.0. Event 669667602 is
Russia toward Syria with CAMEO 100 (demand, no stance) and 661116611 Russia toward Pakistan with
010 (make a statement, no stance).
"""
import io
import zipfile
from datetime import date

import pytest
from kg.ingest.events import load_statements
from kg.ingest.gdelt import EVENTS1, EVENTS2, read_events
from kg.ingest.sources import Report
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import DataError
from tests.helpers import shared_path

runner = CliRunner()


@pytest.fixture(scope="module")
def sample():
    return shared_path("refdata") / "gdelt" / "gdeltPyR" / "DERIVED_events2samps_61col_noheader.tsv"


def read(path, **kw):
    report = Report()
    return {s.quote.split(":")[0].split()[-1]: s for s in read_events(path, "t", report, **kw)}, report


def test_the_column_lists_are_gdelts_own(sample):
    import csv

    for name, ours in (("events2.csv", EVENTS2), ("events1.csv", EVENTS1)):
        with (sample.parent / name).open(encoding="utf-8") as fh:
            assert tuple(r["name"] for r in csv.DictReader(fh)) == ours


def test_real_events_become_statements_between_states(sample):
    got, report = read(sample)
    obama = got["669667873"]
    assert (obama.speaker, obama.targets, obama.date, obama.stance, obama.cameo) == (
        "USA", ("IDN",), date(2017, 7, 1), "warn", "130")
    assert obama.valence == pytest.approx(-0.44)
    assert (obama.num_mentions, obama.num_sources, obama.num_articles) == (7, 1, 7)
    assert obama.avg_tone == pytest.approx(-2.2727, abs=1e-4)
    assert obama.source.startswith("http://www.salon.com/2017/07/01/barack-obama-warns")
    libya = got["661117024"]
    assert (libya.speaker, libya.targets, libya.stance, libya.valence) == ("USA", ("LBY",), "support", 0.4)
    assert "669667602" not in got and "661116611" not in got  # CAMEO 100 and 010: no stance
    unmatched = report.unmatched
    assert unmatched["gdelt: CAMEO code without a stance"]["100"] >= 2
    assert unmatched["gdelt: country code of no state kg knows (a region?)"]["AFR"] > 0  # Africa
    assert unmatched["gdelt: the speaker does not speak for its state (actor type)"]["MED"] > 0  # media
    assert report.notes == [f"{sample.name}: GDELT 2.0 events (61 columns)"]


def test_gdelt_1_zipped_and_material_classes(sample, tmp_path):
    rows = [line.rstrip("\n").split("\t") for line in sample.read_text(encoding="utf-8").splitlines(True)[:400]]
    drop = {EVENTS2.index(f"{who}Geo_ADM2Code") for who in ("Actor1", "Actor2", "Action")}
    v1 = "".join("\t".join(c for k, c in enumerate(r) if k not in drop) + "\n" for r in rows)
    plain = tmp_path / "events1.tsv"
    plain.write_text(v1, encoding="utf-8")
    zipped = tmp_path / "20170701.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("20170701.export.CSV", v1)
    (a, ra), (b, _) = read(plain), read(zipped)
    assert a and a.keys() == b.keys() and ra.notes == ["events1.tsv: GDELT 1.0 events (58 columns)"]
    from kg.ingest.gdelt import Filters

    material, _ = read(plain, filters=Filters(quad_classes=frozenset({2, 4})))
    assert material.keys().isdisjoint(a.keys())


def test_bad_rows_are_reported_by_line_or_stop_a_strict_read(sample, tmp_path):
    # lines 243, 244 and 248 of the sample are Afghanistan toward China (CAMEO 050, twice) and
    # toward Pakistan (030): state to state, verbal cooperation, so their values are read
    lines = sample.read_text(encoding="utf-8").splitlines(True)[:250]
    bad = list(lines)
    bad[3] = "\t".join(lines[3].split("\t")[:57]) + "\n"  # 57 columns
    bad[5] = lines[5].rstrip("\n") + "\textra\n"  # 62 columns
    for k, column, value in ((242, "GoldsteinScale", "high"), (243, "SQLDATE", "19500101"),
                             (247, "QuadClass", "x")):
        c = lines[k].split("\t")
        c[EVENTS2.index(column)] = value
        bad[k] = "\t".join(c)
    path = tmp_path / "bad.tsv"
    path.write_text("".join(bad), encoding="utf-8")
    got, report = read(path)
    assert sorted(report.unmatched["gdelt: unreadable rows (line: why)"]) == [
        "bad.tsv:243: GoldsteinScale is not a number: 'high'",
        "bad.tsv:244: SQLDATE out of range (1979 .. %d): 19500101" % (date.today().year + 1),
        "bad.tsv:248: QuadClass is not 1 to 4: 'x'",
        "bad.tsv:4: 57 columns, expected 61 (GDELT 2.0)",
        "bad.tsv:6: 62 columns, expected 61 (GDELT 2.0)"]
    assert "669666598" in got and "669666592" not in got  # line 249 is read, 243 is not
    with pytest.raises(DataError, match=r"bad.tsv:4: unreadable event: 57 columns, expected 61"):
        read(path, strict=True)
    r = runner.invoke(app, ["ingest", "gdelt", str(path), "--strict"])
    assert r.exit_code == 2 and "bad.tsv:4: unreadable event" in r.output and "Traceback" not in r.output


def test_a_truncated_zip_or_an_unknown_layout_is_one_line(sample, tmp_path):
    zipped = tmp_path / "cut.zip"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("x.export.CSV", sample.read_text(encoding="utf-8"))
    zipped.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    with pytest.raises(DataError, match="cut.zip"):
        read(zipped)
    r = runner.invoke(app, ["ingest", "gdelt", str(zipped)])
    assert r.exit_code == 2 and r.output.startswith("error: ") and "Traceback" not in r.output
    odd = tmp_path / "odd.tsv"
    odd.write_text("a\tb\tc\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"odd.tsv:1: unknown column layout: 3 columns, expected 61"):
        read(odd)
    r = runner.invoke(app, ["ingest", "gdelt", str(sample), "--quad", "5"])
    assert r.exit_code == 2 and "--quad" in r.output


def test_loading_twice_adds_nothing_and_the_dataset_scopes(store, sample):
    report = Report()
    n = load_statements(store, read_events(sample, "gdelt-2017", report), "gdelt-2017", chunk=100)
    first = store.counts()
    assert n == first["statements"] == report.loaded["statements (GDELT)"] > 200
    load_statements(store, read_events(sample, "gdelt-2017", Report()), "gdelt-2017", chunk=100)
    assert store.counts() == first
    [info] = store.datasets()
    assert (info.name, info.statements) == ("gdelt-2017", n)
    from kg.store.base import StatementFilter

    libya = [s for s in store.statements(StatementFilter(by={"USA"}, toward={"LBY"}))]
    assert {(s.stance, s.cameo, s.num_mentions) for s in libya} == {("support", "030", 1)}


def test_a_load_that_fails_part_way_leaves_the_store_as_it_was(store, sample):
    def failing():
        for k, s in enumerate(read_events(sample, "gdelt-x", Report())):
            if k == 150:
                raise KeyboardInterrupt
            yield s

    with pytest.raises(KeyboardInterrupt):
        load_statements(store, failing(), "gdelt-x", chunk=100)  # one chunk of 100 was loaded
    assert store.counts()["statements"] == 0 and store.datasets() == []


def test_the_progress_line_counts_rows_read_and_statements_loaded(sample, monkeypatch):
    from rich.console import Console

    import kg.cli.events

    screen = io.StringIO()
    monkeypatch.setattr(kg.cli.events, "err", Console(file=screen, force_terminal=True, width=120))
    r = runner.invoke(app, ["ingest", "gdelt", str(sample)])
    assert r.exit_code == 0, r.output
    # every one of the sample's 6,090 lines read; as many statements loaded as the summary says
    shown = screen.getvalue()
    assert f"6,090 rows read, {r.output.split('loaded ')[1].split()[0]} statements loaded" in shown
