"""kg ingest plover: the PLOVER gold-standard records of ../shared/refdata/plover/PLOVER, read and loaded.

Expected values read by hand from PLOVER_GSR_CAMEO.txt, a JSON array of 323 objects: record 1 is
the DOCUMENT record, the other 322 are events, all dated 2000-01-01 (a placeholder, says the
file's readme). Record 262, PLOVER-GSR01-SANCTION-0003, is Switzerland (CHE, no sector) toward
Russia (RUS, sector GOV), SANCTION without a mode: oppose. Record 29,
PLOVER-GSR01-AGREE-0028, is the US legislature (USA, LEG) toward IRN, LBY, PRK, SDN and CUB, in
that order, AGREE: support. Record 222, PLOVER-GSR01-THREATEN-0025, is Iran (IRN) toward Iraq
(IRQ), THREATEN with mode violence: threaten. Record 150, PLOVER-GSR01-DISAPPROVE-0003 (the
drafts' name for ACCUSE), is the Zimbabwean government (ZWE, GOV) toward the United States:
concern. No statement from record 117, PLOVER-GSR01-DEMAND-0004 (USA, GOV toward CHN: DEMAND has
no stance), record 153, PLOVER-GSR01-DISAPPROVE-0006 (the Sudanese government toward Sudanese
rebels, SDN REB), or record 3, PLOVER-GSR01-AGREE-0002 (an IGO toward JAP, a code of no state:
ISO 3166 writes Japan JPN). Two records cannot be read: record 8 (it starts on line 116),
PLOVER-GSR01-AGREE-0007, has the word "diplomatic" as its target, and record 302 (line 5023),
PLOVER-GSR01-ASSAULT-0009, has no source. The records' texts are CC BY-SA 4.0: they are read
here at run time, never copied.
"""
import json
from datetime import date

import pytest
from kg.ingest.events import load_statements
from kg.ingest.plover import lookups, read_events, stance_of
from kg.ingest.sources import Report
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import DataError
from kg.model import stable_id
from kg.vocab import stances
from tests.helpers import shared_path

runner = CliRunner()


@pytest.fixture(scope="module")
def sample():
    return shared_path("refdata") / "plover" / "PLOVER" / "PLOVER_GSR_CAMEO.txt"


@pytest.fixture(scope="module")
def records(sample):
    return json.loads(sample.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold(records):
    """The records by id (PLOVER-GSR01-COERCE-0004 is the id of records 278 and 291: the last is kept)."""
    return {r["id"]: r for r in records}


def read(path, **kw):
    report = Report()
    return {s.quote.split(":")[0].split()[-1]: s for s in read_events(path, "t", report, **kw)}, report


def write_lines(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def write_array(path, records):
    """Record k (1-based) on line k + 1."""
    path.write_text("[\n" + ",\n".join(json.dumps(r) for r in records) + "\n]\n", encoding="utf-8")
    return path


def test_real_records_become_statements_between_states(sample, gold):
    got, report = read(sample)
    swiss = got["PLOVER-GSR01-SANCTION-0003"]
    assert (swiss.speaker, swiss.targets, swiss.date, swiss.stance, swiss.valence) == (
        "CHE", ("RUS",), date(2000, 1, 1), "oppose", -0.8)
    assert (swiss.plover_type, swiss.plover_mode, swiss.cameo) == ("SANCTION", None, None)
    assert swiss.id == stable_id("st", "plover", "PLOVER-GSR01-SANCTION-0003", "CHE")
    assert swiss.source == "plover:PLOVER-GSR01-SANCTION-0003"  # its publication is a name, not a URL
    assert swiss.quote == "PLOVER event PLOVER-GSR01-SANCTION-0003: CHE -> RUS, SANCTION"
    congress = got["PLOVER-GSR01-AGREE-0028"]
    assert (congress.speaker, congress.targets, congress.stance, congress.valence) == (
        "USA", ("IRN", "LBY", "PRK", "SDN", "CUB"), "support", 1.0)
    iran = got["PLOVER-GSR01-THREATEN-0025"]
    assert (iran.speaker, iran.targets, iran.stance, iran.plover_type, iran.plover_mode) == (
        "IRN", ("IRQ",), "threaten", "THREATEN", "violence")
    zimbabwe = got["PLOVER-GSR01-DISAPPROVE-0003"]
    assert (zimbabwe.speaker, zimbabwe.targets, zimbabwe.stance, zimbabwe.plover_type) == (
        "ZWE", ("USA",), "concern", "DISAPPROVE")
    for none in ("PLOVER-GSR01-DEMAND-0004", "PLOVER-GSR01-DISAPPROVE-0006", "PLOVER-GSR01-AGREE-0002"):
        assert none not in got
    assert not any("DOCUMENT" in k for k in got)
    for s in got.values():  # evidence built from codes, never the licensed text
        text = gold[s.quote.split(":")[0].split()[-1]]["text"]
        assert text[:40] not in s.quote and s.date == date(2000, 1, 1)
    loaded, unmatched = report.loaded, report.unmatched
    assert loaded["plover: DOCUMENT records (documentation, not events)"] == 1
    assert loaded["statements (PLOVER)"] == len(got) == 58
    events = sum(n for k, n in loaded.items() if k.startswith("plover: events without"))
    set_aside = sum(unmatched["plover: event type without a stance"].values())
    bad = unmatched["plover: unreadable records (record: why)"]
    assert events + set_aside + sum(bad.values()) + len(got) == 322  # every event record accounted for
    assert unmatched["plover: event type without a stance"]["DEMAND"] > 0
    assert unmatched["plover: entity code of no state kg knows (IGO, NGO, a typo?)"].keys() >= {"IGO", "JAP"}
    assert unmatched["plover: the entity does not speak for its state (sector)"]["REB"] > 0
    assert sorted(bad) == [
        "PLOVER_GSR_CAMEO.txt:record 302 (line 5023): no source or actor entity",
        "PLOVER_GSR_CAMEO.txt:record 8 (line 116): target is not a list of entities: 'diplomatic'"]
    assert report.notes == ["PLOVER_GSR_CAMEO.txt: PLOVER records, a JSON array"]
    with pytest.raises(DataError, match=r"PLOVER_GSR_CAMEO.txt:record 8 \(line 116\): unreadable record: target"):
        read(sample, strict=True)


def test_the_mapping_covers_the_records_and_keeps_to_the_vocabulary(gold):
    table = lookups()["plover_stances"]
    assert {r["event"] for r in gold.values()} - {"DOCUMENT"} <= set(table)  # no type is unknown
    assert {v for v in table.values() if v} <= set(stances())
    for st in stances().values():  # a stance's own PLOVER code maps to a stance of that type
        assert stances()[stance_of(st.plover_type, st.plover_mode)].plover_type == st.plover_type
    assert (stance_of("ACCUSE", "investigate"), stance_of("INVESTIGATE"), stance_of("FIGHT", "firearms")) == (
        None, None, None)


def test_json_lines_give_the_same_statements_and_several_sources_one_each(sample, records, gold, tmp_path):
    lines = write_lines(tmp_path / "gsr.jsonl", records)
    lines.write_text(lines.read_text(encoding="utf-8").replace("\n", "\n\n", 3), encoding="utf-8")  # blank lines
    array, _ = read(sample)
    from_lines, report = read(lines)
    assert from_lines == array and report.notes == ["gsr.jsonl: PLOVER records, JSON lines"]
    assert sorted(report.unmatched["plover: unreadable records (record: why)"]) == [
        "gsr.jsonl:11: target is not a list of entities: 'diplomatic'",  # record 8, after 3 blank lines
        "gsr.jsonl:305: no source or actor entity"]
    both = dict(gold["PLOVER-GSR01-THREATEN-0006"])  # PAK toward COG and CRI
    both["actor"] = both.pop("source") + [{"code": "COG"}, {"code": "IND", "sector": "GOV"},
                                          {"code": "FRA", "sector": "CVL"}]
    both["recipient"] = both.pop("target")
    both["event"], both["mode"] = ["CONSULT", "THREATEN"], ["relations"]
    report = Report()
    out = list(read_events(write_lines(tmp_path / "both.jsonl", [both]), "t", report))
    assert [(s.speaker, s.targets, s.stance, s.plover_type, s.plover_mode) for s in out] == [
        ("PAK", ("COG", "CRI"), "threaten", "THREATEN", "relations"),
        ("COG", ("CRI",), "threaten", "THREATEN", "relations"),
        ("IND", ("COG", "CRI"), "threaten", "THREATEN", "relations")]
    assert [s.id for s in out] == [stable_id("st", "plover", "PLOVER-GSR01-THREATEN-0006", c)
                                   for c in ("PAK", "COG", "IND")]
    assert report.unmatched["plover: the entity does not speak for its state (sector)"] == {"CVL": 1}


def test_bad_records_are_reported_by_record_or_line_or_stop_a_strict_read(gold, tmp_path):
    good = gold["PLOVER-GSR01-SANCTION-0003"]
    undated = {k: v for k, v in good.items() if k != "date"}
    no_actors = {k: v for k, v in good.items() if k not in ("source", "target")}
    bad_day = {**good, "date": "2000-13-01"}
    twice = {**good, "target": [{"code": "UKR"}]}  # another event under the same id
    records = [good, undated, no_actors, bad_day, gold["PLOVER-GSR01-DOCUMENT-0001"], "text", twice]
    _, report = read(write_array(tmp_path / "bad.json", records))
    assert sorted(report.unmatched["plover: unreadable records (record: why)"]) == [
        "bad.json:record 2 (line 3): no date",
        "bad.json:record 3 (line 4): no source or actor entity",
        "bad.json:record 4 (line 5): date is not a date (YYYY-MM-DD): '2000-13-01'",
        "bad.json:record 6 (line 7): not a JSON object: 'text'",
        "bad.json:record 7 (line 8): id 'PLOVER-GSR01-SANCTION-0003' is an earlier record's too "
        "(PLOVER ids are unique in a file)"]
    assert report.loaded["statements (PLOVER)"] == 1
    _, report = read(write_lines(tmp_path / "bad.jsonl", records))
    assert sorted(report.unmatched["plover: unreadable records (record: why)"])[:2] == [
        "bad.jsonl:2: no date", "bad.jsonl:3: no source or actor entity"]
    with pytest.raises(DataError, match=r"bad.json:record 2 \(line 3\): unreadable record: no date"):
        read(tmp_path / "bad.json", strict=True)
    with pytest.raises(DataError, match=r"bad.jsonl:2: unreadable record: no date"):
        read(tmp_path / "bad.jsonl", strict=True)
    r = runner.invoke(app, ["ingest", "plover", str(tmp_path / "bad.json"), "--strict"])
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert r.output.splitlines() == [f"error: {tmp_path / 'bad.json'}:record 2 (line 3): unreadable record: no date"]


def test_invalid_json_is_one_line_naming_the_file(records, tmp_path):
    records = records[:20]
    whole = write_array(tmp_path / "cut.json", records).read_text(encoding="utf-8")
    (tmp_path / "cut.json").write_text(whole[: len(whole) // 2], encoding="utf-8")
    with pytest.raises(DataError, match=r"cut.json:\d+: invalid JSON \(record \d+\)"):
        read(tmp_path / "cut.json")
    broken = write_lines(tmp_path / "broken.jsonl", records[:5])
    text = broken.read_text(encoding="utf-8").splitlines(True)
    broken.write_text("".join(text[:2] + [text[2][:-10] + "\n"] + text[3:]), encoding="utf-8")
    with pytest.raises(DataError, match=r"broken.jsonl:3: invalid JSON \(JSON lines: one record a line\): "):
        read(broken)
    (tmp_path / "comma.json").write_text('[{"id": "a"}\n {"id": "b"}]', encoding="utf-8")
    with pytest.raises(DataError, match=r"comma.json:2: invalid JSON after record 1: ',' or ']' expected"):
        read(tmp_path / "comma.json")
    (tmp_path / "plain.txt").write_text("\n  id,date\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"plain.txt:2: not PLOVER JSON: .* found 'i'"):
        read(tmp_path / "plain.txt")
    (tmp_path / "latin.json").write_bytes('[{"id": "Bogot\u00e1"}]'.encode("latin-1"))
    with pytest.raises(DataError, match=r"latin.json: not UTF-8 text"):
        read(tmp_path / "latin.json")
    for name in ("cut.json", "broken.jsonl", "plain.txt", "missing.json"):
        r = runner.invoke(app, ["ingest", "plover", str(tmp_path / name)])
        assert r.exit_code == 2 and "Traceback" not in r.output
        assert len(r.output.splitlines()) == 1 and r.output.startswith(f"error: {tmp_path / name}")


def test_loading_twice_adds_nothing(store, sample):
    report = Report()
    n = load_statements(store, read_events(sample, "plover-gsr", report), "plover-gsr", chunk=20)
    first = store.counts()
    assert n == first["statements"] == report.loaded["statements (PLOVER)"] == 58
    load_statements(store, read_events(sample, "plover-gsr", Report()), "plover-gsr", chunk=20)
    assert store.counts() == first
    [info] = store.datasets()
    assert (info.name, info.statements) == ("plover-gsr", 58)
    from kg.store.base import StatementFilter

    [iran] = store.statements(StatementFilter(by=frozenset({"IRN"}), toward=frozenset({"IRQ"})))
    assert (iran.stance, iran.plover_type, iran.plover_mode, iran.source) == (
        "threaten", "THREATEN", "violence", "plover:PLOVER-GSR01-THREATEN-0025")


def test_the_command_prints_the_report(sample, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_HOME", str(tmp_path))
    r = runner.invoke(app, ["ingest", "plover", str(sample)])
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())  # the report is wrapped at 80 columns
    assert "loaded 58 statements as dataset plover-PLOVER_GSR_CAMEO into the embedded store" in text
    assert "DOCUMENT records (documentation, not events) 1" in text and "record 8 (line 116)" in text
    again = runner.invoke(app, ["ingest", "plover", str(sample), "--json"])
    assert again.exit_code == 0, again.output
    out = json.loads(again.output)
    assert out["added"] == 0 and out["datasets"][0]["statements"] == 58
