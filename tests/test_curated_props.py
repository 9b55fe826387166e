"""Whatever YAML a curator writes, reading it gives records or one DataError: never a crash."""
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kg.ingest.curated import read_dataset

from kg.actors import ActorIndex
from kg.errors import DataError

INDEX = ActorIndex.default()

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=12), st.sampled_from(["Turkey", "Baku", "support", "2020-09-27", "s1"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.one_of(st.text(max_size=8), st.integers()), inner, max_size=3)),
    max_leaves=8)
fields = ["speaker", "date", "stance", "targets", "quote", "source", "confidence", "negated", "joint",
          "span", "sentence", "on_behalf_of", "id", "name", "kind", "aliases", "person", "holder",
          "title", "start", "end", "member", "organization", "parties", "treaty", "url"]
items = st.dictionaries(st.sampled_from(fields), values, max_size=6)
sections = st.one_of(values, st.lists(st.one_of(items, values), max_size=3))
docs = st.fixed_dictionaries({}, optional={
    "dataset": values, "start": values, "end": values, "expect": values, "sources": values,
    "actors": sections, "roles": sections, "memberships": sections, "alliances": sections,
    "statements": sections})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=docs)
def test_random_documents_never_crash(tmp_path, doc):
    path = tmp_path / "random.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    try:
        read_dataset(path, INDEX)
    except DataError as e:
        assert e.problems and all(p.file == str(path) for p in e.problems)
