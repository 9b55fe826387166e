"""The curated 2020 dataset and the validation of curated files."""
from pathlib import Path

import pytest
from kg.ingest.curated import read_dataset, read_datasets

from kg.errors import DataError
from tests.helpers import NK2020


def triples(ds):
    return {(s.on_behalf_of or s.speaker, s.stance, t) for s in ds.statements for t in s.targets}


def test_the_2020_dataset_holds_the_reported_reactions(nk2020):
    t = triples(nk2020)
    assert ("TUR", "support", "AZE") in t
    assert ("TUR", "accuse", "ARM") in t
    assert ("ARM", "accuse", "AZE") in t and ("AZE", "accuse", "ARM") in t
    assert ("RUS", "call_for_ceasefire", "ARM") in t and ("RUS", "concern", "AZE") in t
    for caller in ("FRA", "DEU", "ITA", "EU", "VAT"):
        assert (caller, "call_for_ceasefire", "ARM") in t and (caller, "call_for_ceasefire", "AZE") in t
    assert ("NKR", "accuse", "TUR") in t  # the mercenaries claim


def test_every_statement_has_quote_source_and_known_actors(nk2020):
    ids = {a.id for a in nk2020.actors}
    urls = {s.url for s in nk2020.sources}
    for s in nk2020.statements:
        assert s.quote and s.source in urls
        assert s.speaker in ids and set(s.targets) <= ids
    assert len({s.id for s in nk2020.statements}) == len(nk2020.statements)


def test_quotes_are_words_of_the_article(nk2020):
    from tests.helpers import shared_path

    text = " ".join(shared_path("corpus", "2020-09-27_moscow-times_clashes-azerbaijan-armenia.txt")
                    .read_text(encoding="utf-8").split())
    for s in nk2020.statements:
        assert s.quote in text, s.quote


def test_speakers_are_attributed_by_dated_roles(nk2020):
    by = {s.speaker: s.on_behalf_of for s in nk2020.statements}
    assert by["erdogan"] == "TUR" and by["putin"] == "RUS" and by["pashinyan"] == "ARM"
    assert by["harutyunyan"] == "NKR" and by["pope-francis"] == "VAT"
    assert by["anna-hakobyan"] is None  # holds no office


def test_memberships_and_alliances(nk2020):
    allied = {a.parties for a in nk2020.alliances}
    assert ("ARM", "RUS") in allied and ("AZE", "TUR") in allied
    cochairs = {m.member for m in nk2020.memberships if m.organization == "OSCE_MG" and m.role == "co-chair"}
    assert cochairs == {"FRA", "RUS", "USA"}


GOOD_HEAD = """\
dataset: tiny
start: 2020-09-01
end: 2020-09-30
sources:
  s1: {url: "https://example.org/1"}
statements:
"""


def write(tmp_path: Path, body: str, name="d.yaml") -> Path:
    p = tmp_path / name
    p.write_text(GOOD_HEAD + body, encoding="utf-8")
    return p


def problems(path) -> list[str]:
    with pytest.raises(DataError) as e:
        read_dataset(path)
    return [str(p) for p in e.value.problems]


def test_a_valid_small_file_reads(tmp_path):
    ds = read_dataset(write(tmp_path, "  - {speaker: Ankara, date: 2020-09-27, stance: support, "
                                      "targets: [Baku], quote: q, source: s1}\n"))
    assert [(s.speaker, s.targets) for s in ds.statements] == [("TUR", ("AZE",))]


def test_all_problems_are_reported_at_once_with_file_line_and_field(tmp_path):
    p = write(tmp_path, """\
  - {speaker: Turky, date: 2020-09-27, stance: support, targets: [Baku], quote: q, source: s1}
  - {speaker: Turkey, date: 2020-13-40, stance: support, targets: [Baku], quote: q, source: s1}
  - {speaker: Turkey, date: 2020-09-27, stance: adore, targets: [Baku], quote: q, source: s1}
  - {speaker: Turkey, date: 2020-09-27, stance: support, targets: [Baku], quote: q, source: s9}
  - {speaker: Turkey, date: 2021-01-01, stance: support, targets: [Baku], quote: q, source: s1}
""")
    found = problems(p)
    assert len(found) == 5
    assert found[0].startswith(f"{p}:7: statements[0].speaker: unknown actor 'Turky'") and "Turkey" in found[0]
    assert found[1].startswith(f"{p}:8: statements[1].date: bad date")
    assert found[2].startswith(f"{p}:9: statements[2].stance: unknown stance 'adore'")
    assert found[3].startswith(f"{p}:10: statements[3].source: unknown source 's9'")
    assert found[4].startswith(f"{p}:11: statements[4].date: date 2021-01-01 is outside")


def test_duplicate_statement_is_reported_with_the_line_of_the_first(tmp_path):
    line = "  - {speaker: Turkey, date: 2020-09-27, stance: support, targets: [Baku], quote: q, source: s1}\n"
    found = problems(write(tmp_path, line + line))
    assert found == [f"{tmp_path / 'd.yaml'}:8: statements[1]: duplicate statement: same speaker, date, "
                     "stance, targets, quote and source as the statement at line 7"]


def test_malformed_yaml_names_file_and_line(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("dataset: x\nstatements:\n  - {speaker: [unclosed\n", encoding="utf-8")
    (msg,) = problems(p)
    assert msg.startswith(f"{p}:") and "malformed YAML" in msg


def test_unknown_field_and_bad_encoding(tmp_path):
    found = problems(write(tmp_path, "  - {speaker: Turkey, date: 2020-09-27, stance: support, "
                                     "targets: [Baku], quote: q, source: s1, mood: happy}\n"))
    assert found == [f"{tmp_path / 'd.yaml'}:7: statements[0].mood: unknown field (known: confidence, "
                     "date, joint, negated, note, on_behalf_of, quote, sentence, source, span, speaker, stance, "
                     "targets)"]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("dataset: caf\xe9\n".encode("latin-1"))
    assert "not UTF-8" in problems(latin)[0]


def test_expectations_are_checked(tmp_path):
    p = tmp_path / "e.yaml"
    p.write_text(GOOD_HEAD.replace("statements:\n", "expect: {statements: 2}\nstatements:\n")
                 + "  - {speaker: Turkey, date: 2020-09-27, stance: support, targets: [Baku], quote: q, source: s1}\n",
                 encoding="utf-8")
    assert any("expected statements 2, found 1" in m for m in problems(p))


def test_read_datasets_gathers_problems_across_files(tmp_path):
    bad1 = write(tmp_path, "  - {speaker: Nowhere, date: 2020-09-27, stance: support, targets: [Baku], "
                           "quote: q, source: s1}\n", "a.yaml")
    bad2 = write(tmp_path, "  - {speaker: Turkey, date: 2020-09-27, stance: nope, targets: [Baku], "
                           "quote: q, source: s1}\n", "b.yaml")
    with pytest.raises(DataError) as e:
        read_datasets([bad1, bad2, NK2020])
    assert [p.file for p in e.value.problems] == [str(bad1), str(bad2)]
