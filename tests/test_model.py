from datetime import date

import pytest
from pydantic import ValidationError

from kg.model import Actor, Alliance, Role, Statement
from kg.vocab import STANCE_NAMES, stance, stances

SRC = "https://example.org/report"


def make(**kw):
    base = dict(speaker="erdogan", on_behalf_of="TUR", date=date(2020, 9, 27), stance="support",
                targets=["AZE"], quote="full support", source=SRC)
    return Statement.create(**{**base, **kw})


def test_statement_id_is_stable_and_depends_on_key_parts():
    assert make().id == make().id
    assert make().id == make(targets=["AZE", "AZE"]).id  # repeated targets fold
    assert make().id != make(stance="praise").id
    assert make().id != make(date=date(2020, 9, 28)).id
    assert make(quote="Full  support").id == make(quote="full support").id  # spacing and case


def test_statement_takes_codes_and_valence_from_the_vocabulary():
    s = make(stance="call_for_ceasefire", targets=["ARM", "AZE"])
    assert (s.plover_type, s.plover_mode, s.cameo, s.valence) == ("REQUEST", "yield", "0256", 0.0)
    assert make(stance="condemn").valence < 0 < make().valence


def test_negated_statement_is_not_turned_into_its_opposite():
    s = make(stance="accuse", negated=True)
    assert s.negated and s.valence == 0.0 and s.stance == "accuse"


def test_records_forbid_unknown_fields_and_bad_values():
    with pytest.raises(ValidationError, match="Extra inputs"):
        Actor(id="X", name="X", kind="organization", colour="red")
    with pytest.raises(ValidationError, match="ISO 3166"):
        Actor(id="XXX", name="Nowhere", kind="state")
    with pytest.raises(ValidationError, match="unknown stance"):
        make(stance="adore")
    with pytest.raises(ValidationError):
        make(targets=[])


def test_role_is_active_between_its_dates():
    r = Role.create(person="erdogan", holder="TUR", title="President", start=date(2014, 8, 28))
    assert r.active_on(date(2020, 9, 27)) and not r.active_on(date(2010, 1, 1))


def test_alliance_id_ignores_party_order():
    a = Alliance.create(parties=["RUS", "ARM"], kind="defence_pact", treaty="T")
    b = Alliance.create(parties=["ARM", "RUS"], kind="defence_pact", treaty="T")
    assert a.id == b.id and a.parties == ("ARM", "RUS")


def test_vocabulary_covers_the_required_stances():
    required = {"support", "praise", "mediate", "call_for_ceasefire", "concern", "accuse",
                "condemn", "oppose", "warn", "threaten"}
    assert required <= set(STANCE_NAMES)
    for st in stances().values():
        assert -1 <= st.valence <= 1 and st.cameo and st.plover_type
    assert stance("support").sign == 1 and stance("accuse").sign == -1
    assert stance("call_for_ceasefire").sign == 0 and stance("mediate").sign == 0
