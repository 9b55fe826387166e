"""One suite for every store: loading, idempotence, atomicity and queries."""
from datetime import date

import pytest

from kg.store import StatementFilter


def test_load_twice_gives_identical_counts_and_records(store, nk2020):
    first = store.load([nk2020])
    assert first == nk2020.counts()
    ids = [s.id for s in store.statements()]
    assert store.load([nk2020]) == first
    assert [s.id for s in store.statements()] == ids


def test_records_round_trip_exactly(store, nk2020):
    store.load([nk2020])
    assert sorted(store.statements(), key=lambda s: s.id) == sorted(nk2020.statements, key=lambda s: s.id)
    assert store.actors() == sorted(nk2020.actors, key=lambda a: a.id)
    assert store.alliances() == sorted(nk2020.alliances, key=lambda a: a.id)


def test_a_failed_load_writes_nothing(store, nk2020):
    calls = []

    def fail_midway(n):
        calls.append(n)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        store.load([nk2020], progress=fail_midway)
    assert set(store.counts().values()) == {0}


def test_statement_filters(store, nk2020):
    store.load([nk2020])
    by_tur = list(store.statements(StatementFilter(by=frozenset({"TUR"}))))
    assert {s.speaker for s in by_tur} == {"TUR", "erdogan"}
    toward = list(store.statements(StatementFilter(toward=frozenset({"TUR"}))))
    assert {s.on_behalf_of for s in toward} == {"ARM", "NKR"}
    july = list(store.statements(StatementFilter(until=date(2020, 8, 1))))
    assert [(s.speaker, s.stance) for s in july] == [("AZE", "threaten")]
    ceasefire = list(store.statements(StatementFilter(stances=frozenset({"call_for_ceasefire"}),
                                                      since=date(2020, 9, 27))))
    assert len(ceasefire) == 7
    dates = [s.date for s in store.statements()]
    assert dates == sorted(dates)


def test_hostile_strings_are_stored_verbatim(store, nk2020):
    from kg.model import Actor, Dataset, Source, Statement

    evil = "x'); DROP TABLE statements; -- `} MATCH (n) DETACH DELETE n //"
    ds = Dataset(name="evil", actors=(Actor(id="EVIL", name=evil, kind="organization"),
                                      Actor(id="TUR", name="Turkey", kind="state", iso3="TUR")),
                 sources=(Source(url="https://e.org/" + evil),),
                 statements=(Statement.create(speaker="EVIL", date=date(2020, 1, 1), stance="accuse",
                                              targets=["TUR"], quote=evil,
                                              source="https://e.org/" + evil),))
    store.load([nk2020, ds])
    assert [a.name for a in store.actors() if a.id == "EVIL"] == [evil]
    (s,) = store.statements(StatementFilter(by=frozenset({"EVIL"})))
    assert s.quote == evil
    assert store.counts()["statements"] == 31


def test_stance_edges_add_up_statements(store, nk2020):
    store.load([nk2020])
    edges = {(e.source, e.target, e.stance): e for e in store.stance_edges()}
    tur = edges[("TUR", "AZE", "support")]
    assert (tur.n, tur.valence, tur.weight) == (2, 2.0, 2.0)
    assert ("erdogan", "AZE", "support") in {(e.source, e.target, e.stance)
                                            for e in store.stance_edges(rollup=False)}
    aze = edges[("AZE", "ARM", "threaten")]
    assert (aze.first.isoformat(), aze.last.isoformat()) == ("2020-07-16", "2020-09-27")
    keys = [(e.source, e.target, e.stance) for e in store.stance_edges()]
    assert keys == sorted(keys)
    only = store.stance_edges(StatementFilter(until=date(2020, 8, 1)))
    assert [(e.source, e.target, e.stance, e.n) for e in only] == [("AZE", "ARM", "threaten", 1)]


@pytest.mark.parametrize("field", ["name", "url"])
def test_a_value_too_large_for_an_index_is_refused_the_same_way_for_both_stores(tmp_path, field):
    # 10 KB went into the embedded store but failed in Neo4j ("Property value is too large to
    # index", exit 3): the model now refuses it, before either store is reached
    from kg.ingest.curated import read_dataset

    from kg.errors import DataError

    name = "N" * (10_000 if field == "name" else 10)
    url = "https://example.org/" + ("u" * (10_000 if field == "url" else 1))
    path = tmp_path / "big.yaml"
    path.write_text(f"dataset: big\nactors:\n  - {{id: BIG, name: {name}, kind: ngo}}\n"
                    f"sources:\n  s: {{url: '{url}'}}\nstatements:\n"
                    "  - {speaker: BIG, date: 2020-01-01, stance: concern, targets: [France], source: s,\n"
                    "     quote: worried}\n",
                    encoding="utf-8")
    with pytest.raises(DataError) as e:
        read_dataset(path)
    [p] = [p for p in e.value.problems if "at most" in p.message]
    assert (p.line, p.field) == ((3, "actors[0].name") if field == "name" else (5, "sources.s.url"))
    assert p.message == f"String should have at most {500 if field == 'name' else 2000} characters"


def test_dropping_a_dataset_removes_its_statements_and_their_stance_edges(store, nk2020):
    store.load([nk2020])
    before = store.counts()
    assert store.drop_dataset("no-such-dataset") == 0
    assert store.drop_dataset(nk2020.name) == before["statements"] == len(nk2020.statements)
    after = store.counts()
    assert after["statements"] == 0 and store.datasets() == [] and store.stance_edges() == []
    assert {k: after[k] for k in ("actors", "roles", "alliances")} == {
        k: before[k] for k in ("actors", "roles", "alliances")}  # only the statements go


def test_embedded_filters_beside_a_speaker_or_target_keep_off_the_stance_index(tmp_path):
    # at a million statements the planner took the stance index (a tenth of all statements) over
    # the targets' and spent 1.8 s where 0.03 s would do (BENCHMARKS.md, camps on a store)
    from kg.store.embedded import EmbeddedStore

    with EmbeddedStore(tmp_path / "kg.sqlite") as db:
        where = StatementFilter(by=frozenset({"TUR"}), toward=frozenset({"ARM"}), stances=frozenset({"condemn"}))
        clause, params = db._where(where)
        plan = " ".join(r[3] for r in db.db.execute(f"EXPLAIN QUERY PLAN SELECT body FROM statements s {clause}",
                                                    params))
        assert "statements_stance" not in plan
        assert "+s.stance IN" in clause and "+s.stance" not in db._where(StatementFilter(stances=frozenset({"x"})))[0]


def test_embedded_involvement_counts_speakers_from_the_index_on_the_actor_spoken_for(tmp_path, nk2020):
    # at a million statements a scan grouped by coalesce(on_behalf_of, speaker) took 1.2 s,
    # the index on that expression 0.17 s (BENCHMARKS.md, camps on a store)
    from kg.store.embedded import EmbeddedStore

    with EmbeddedStore(tmp_path / "kg.sqlite") as db:
        db.load([nk2020])
        seen: list[str] = []
        db.db.set_trace_callback(seen.append)
        db.involvement()
        db.db.set_trace_callback(None)
        (sql,) = [q for q in seen if "FROM statements s GROUP BY" in q]
        plan = " ".join(r[3] for r in db.db.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "USING INDEX statements_actor" in plan


def test_embedded_store_maps_its_file_for_reading(tmp_path):
    # reads by id across a 1M store: mapped, kg camps took a median 4.6 s against 5.2 s (BENCHMARKS)
    from kg.store.embedded import MMAP_SIZE, EmbeddedStore

    with EmbeddedStore(tmp_path / "kg.sqlite") as db:
        assert db.db.execute("PRAGMA mmap_size").fetchone()[0] == MMAP_SIZE == 2**30
