"""The synthetic GDELT 2.0 event files of bench/gdelt_generate.py, checked against the real sample they copy.

The sample (gdeltPyR's 6,090 real rows) sits in ../shared/refdata: the tests skip without it.
"""
from __future__ import annotations

import csv
import functools
import importlib.util
import io
import subprocess
import sys
import zipfile
from collections import Counter
from datetime import date, timedelta
from itertools import islice

import pytest

from tests.helpers import ROOT, shared_path

GDELTPYR = ("refdata", "gdelt", "gdeltPyR")
START = date(2024, 1, 1)
QUAD = {**dict.fromkeys(range(1, 6), "1"), **dict.fromkeys(range(6, 10), "2"),
        **dict.fromkeys(range(10, 15), "3"), **dict.fromkeys(range(15, 21), "4")}
"""CAMEO's four classes by root code: verbal and material cooperation, verbal and material conflict."""


@functools.cache
def _module():
    """bench/gdelt_generate.py as a module (a benchmark script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("gdelt_generate", ROOT / "bench" / "gdelt_generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample():
    return shared_path(*GDELTPYR, "DERIVED_events2samps_61col_noheader.tsv")


@pytest.fixture(scope="module")
def gen(sample):
    return _module()


@pytest.fixture(scope="module")
def real_rows(sample):
    with open(sample, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def rows_of(lines):
    return [line.rstrip("\n").split("\t") for line in lines]


def generated(gen, sample, n, **kw):
    return list(gen.generate(n, sample=sample, **kw))


def state_to_state(rows) -> float:
    """Share of rows whose two actors both have a country, and different ones (columns 7 and 17)."""
    return sum(1 for r in rows if r[7] and r[17] and r[7] != r[17]) / len(rows)


def test_column_indexes_are_those_of_events2(gen, sample):
    with open(sample.parent / "events2.csv", newline="", encoding="utf-8") as f:
        names = [row["name"] for row in csv.DictReader(f)]
    assert len(names) == gen.COLUMNS == 61
    expected = {gen.GLOBALEVENTID: "GLOBALEVENTID", gen.SQLDATE: "SQLDATE", gen.FRACTIONDATE: "FractionDate",
                gen.ACTOR1: "Actor1Code", gen.ACTOR1 + gen.COUNTRY: "Actor1CountryCode",
                gen.ACTOR2: "Actor2Code", gen.ACTOR2 + gen.NAME: "Actor2Name",
                gen.ACTOR2 + gen.ACTOR_COLUMNS - 1: "Actor2Type3Code", gen.ISROOTEVENT: "IsRootEvent",
                gen.EVENTCODE: "EventCode", gen.QUADCLASS: "QuadClass", gen.AVGTONE: "AvgTone",
                gen.GEO.start: "Actor1Geo_Type", gen.GEO.stop - 1: "ActionGeo_FeatureID",
                gen.DATEADDED: "DATEADDED", gen.SOURCEURL: "SOURCEURL"}
    assert {i: names[i] for i in expected} == expected


def test_n_lines_of_61_fields(gen, sample):
    lines = generated(gen, sample, 1000)
    assert len(lines) == 1000
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    assert {len(r) for r in rows_of(lines)} == {61}
    assert generated(gen, sample, 0) == []
    assert len(generated(gen, sample, 1)) == 1


def test_same_seed_same_rows_other_seed_other_rows(gen, sample):
    assert generated(gen, sample, 1000, seed=7) == generated(gen, sample, 1000, seed=7)
    assert generated(gen, sample, 1000, seed=7) != generated(gen, sample, 1000, seed=8)


def test_streams(gen, sample):
    # A trillion rows could not be held: the first ones come all the same.
    first = list(islice(gen.generate(10**12, sample=sample), 5))
    assert [r[0] for r in rows_of(first)] == ["1000000000", "1000000001", "1000000002", "1000000003", "1000000004"]


def test_ids_and_dates(gen, sample):
    rows = rows_of(generated(gen, sample, 5000, days=30))
    assert [int(r[0]) for r in rows] == list(range(1_000_000_000, 1_000_005_000))
    days = set()
    for r in rows:
        d = date(int(r[1][:4]), int(r[1][4:6]), int(r[1][6:]))
        assert START <= d < START + timedelta(days=30)
        assert r[2] == r[1][:6] and r[3] == r[1][:4]
        assert r[4] == f"{d.year + ((d.month - 1) * 30 + d.day) / 365:.4f}"  # as in every real row
        assert r[59][:8] == r[1] and len(r[59]) == 14
        assert r[59][8:10] < "24" and r[59][10:12] in ("00", "15", "30", "45") and r[59][12:] == "00"
        days.add(d)
    assert len(days) == 30
    assert [r[59] for r in rows] == sorted(r[59] for r in rows)


def test_start_and_days(gen, sample):
    rows = rows_of(generated(gen, sample, 300, start=date(2023, 12, 30), days=3))
    assert {r[1] for r in rows} == {"20231230", "20231231", "20240101"}
    assert {r[3] for r in rows} == {"2023", "2024"}


def test_events_are_real_and_quadclass_follows_root(gen, sample, real_rows):
    real = {tuple(r[26:31]) for r in real_rows}
    rows = rows_of(generated(gen, sample, 5000))
    for r in rows:
        code, base, root, quad, goldstein = r[26:31]
        assert (code, base, root, quad, goldstein) in real
        assert code.startswith(base) and base.startswith(root)
        assert quad == QUAD[int(root)]
        assert r[25] in ("0", "1")
        assert 1 <= int(r[32]) <= int(r[33]) <= int(r[31])  # sources <= articles <= mentions
        assert -100 <= float(r[34]) <= 100
    assert {r[26] for r in rows} <= {r[26] for r in real_rows}


def test_actor_shares_follow_the_sample(gen, sample, real_rows):
    real = state_to_state(real_rows)
    assert 0.15 < real < 0.25  # 1,210 of the 6,090 real rows
    rows = rows_of(generated(gen, sample, 20_000))
    assert abs(state_to_state(rows) - real) <= 0.05

    def no_country(rs):
        return sum(1 for r in rs if not r[7] and not r[17]) / len(rs)

    def one_country(rs):
        return sum(1 for r in rs if bool(r[7]) != bool(r[17])) / len(rs)

    assert abs(no_country(rows) - no_country(real_rows)) <= 0.05
    assert abs(one_country(rows) - one_country(real_rows)) <= 0.05


def test_actors(gen, sample):
    rows = rows_of(generated(gen, sample, 20_000))
    countries = Counter(cc for r in rows for cc in (r[7], r[17]) if cc)
    assert countries.most_common(1)[0][0] == "USA"  # the most frequent in the sample too
    assert countries["USA"] > 0.2 * sum(countries.values())  # a Zipf law: a few actors dominate
    for r in rows:
        for first in (5, 15):
            code, name, cc = r[first:first + 3]
            if cc:
                assert code.startswith(cc) and len(cc) == 3
                assert name and name == name.upper() and name.isascii()
    names = {r[first + 2]: r[first + 1] for r in rows for first in (5, 15) if r[first + 2]}
    assert names["USA"] == "UNITED STATES" and names["GBR"] == "UNITED KINGDOM"
    few = rows_of(generated(gen, sample, 5000, actors=20))
    assert len({cc for r in few for cc in (r[7], r[17]) if cc}) <= 20
    assert state_to_state(few) > 0.1  # still two different countries where the sample has them


def test_rows_invent_urls_and_no_places(gen, sample):
    rows = rows_of(generated(gen, sample, 2000))
    assert all(r[60].startswith("https://example.org/news/") and r[60][25:].isdigit() for r in rows)
    assert {tuple(r[35:59]) for r in rows} == {("0", "", "", "", "", "", "", "") * 3}
    assert len({r[60] for r in rows}) < len(rows)  # several events per article, as in the sample


def test_cli_plain_and_zip(sample, tmp_path):
    script = ROOT / "bench" / "gdelt_generate.py"
    plain, zipped = tmp_path / "events.tsv", tmp_path / "events.zip"
    for out, extra in ((plain, []), (zipped, ["--zip"])):
        r = subprocess.run([sys.executable, str(script), "700", str(out), "--seed", "3", "--days", "10",
                            "--sample", str(sample), *extra], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        assert "700 rows" in r.stderr
    lines = plain.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) == 700 and all(len(line.split("\t")) == 61 for line in lines)
    assert lines == list(_module().generate(700, seed=3, days=10, sample=sample))
    with zipfile.ZipFile(zipped) as zf:
        assert zf.testzip() is None
        assert zf.namelist() == ["20240101000000.export.CSV"]
        with zf.open("20240101000000.export.CSV") as member:
            assert io.TextIOWrapper(member, encoding="utf-8", newline="").readlines() == lines


def test_cli_without_sample(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "gdelt_generate.py"), "10", str(tmp_path / "x.tsv"),
                        "--sample", str(tmp_path / "absent.tsv")], capture_output=True, text=True)
    assert r.returncode == 2 and "--sample" in r.stderr
    assert not (tmp_path / "x.tsv").exists()
