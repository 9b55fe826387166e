from datetime import date
from importlib import resources

import pytest

from kg.actors import ActorIndex, normalize
from kg.errors import UnknownActorError
from tests.helpers import shared_path


@pytest.fixture(scope="module")
def idx():
    return ActorIndex.default()


@pytest.mark.parametrize("name,expected", [
    ("Turkey", "TUR"), ("Türkiye", "TUR"), ("Turkish", "TUR"), ("Ankara", "TUR"), ("TUR", "TUR"),
    ("Russia", "RUS"), ("Russian Federation", "RUS"), ("Moscow", "RUS"), ("the Kremlin", "RUS"),
    ("Baku", "AZE"), ("Azerbaijani", "AZE"), ("Yerevan", "ARM"), ("Stepanakert", "NKR"),
    ("Karabakh authorities", "NKR"), ("the EU", "EU"), ("Nato", "NATO"), ("Britain", "GBR"),
    ("U.S.", "USA"), ("Holy See", "VAT"), ("Erdogan", "erdogan"), ("Erdoğan", "erdogan"),
    ("Recep Tayyip Erdogan", "erdogan"), ("Pope Francis", "pope-francis"),
    # every ISO 3166 country is known through pycountry, even without alias data
    ("Bhutan", "BTN"), ("Viet Nam", "VNM"),
    # every UN member state by its demonym and capital
    ("Rwandan", "RWA"), ("Kinshasa", "COD"), ("Congolese", "COD"), ("DRC", "COD"), ("Yemeni", "YEM"),
    ("Malian", "MLI"), ("Burkinabe", "BFA"), ("Ivorian", "CIV"), ("Bogotá", "COL"),
])
def test_resolves_names_codes_capitals_metonyms_and_leaders(idx, name, expected):
    assert idx.resolve(name).id == expected


def test_display_names_are_the_ones_people_read(idx):
    assert idx.resolve("TUR").name == "Turkey"
    assert idx.resolve("RUS").name == "Russia"


def test_lower_case_words_are_not_country_codes(idx):
    for word in ("and", "in", "can", "arm", "tur"):
        assert idx.lookup(word) is None


def test_leader_speaks_for_the_state_of_the_role_held_that_day(idx):
    assert idx.speaks_for("erdogan", date(2020, 9, 27)) == "TUR"   # President
    assert idx.speaks_for("erdogan", date(2010, 1, 1)) == "TUR"    # Prime Minister
    assert idx.speaks_for("erdogan", date(1999, 1, 1)) is None     # no office
    assert idx.speaks_for("trump", date(2022, 1, 1)) is None        # between terms
    assert idx.speaks_for("harutyunyan", date(2020, 9, 27)) == "NKR"
    assert idx.speaks_for("TUR", date(2020, 9, 27)) == "TUR"


def test_unknown_name_gives_the_closest_matches(idx):
    with pytest.raises(UnknownActorError) as e:
        idx.resolve("Turky")
    assert "Turkey" in e.value.suggestions
    assert "did you mean" in str(e.value)


@pytest.mark.parametrize("name, day, state", [
    # the wires' spellings, not the Factbook's ("Bashar al-Asad", "Abdelfattah Elsisi")
    ("Assad", date(2019, 10, 17), "SYR"), ("Bashar al-Assad", date(2019, 10, 17), "SYR"),
    ("Sisi", date(2019, 10, 10), "EGY"), ("Abdel Fattah el-Sisi", date(2019, 10, 10), "EGY"),
    # people named without their state, on a day of their office
    ("Mike Pence", date(2019, 10, 17), "USA"), ("Geng Shuang", date(2019, 10, 10), "CHN"),
    ("Aboul Gheit", date(2019, 10, 12), "ARAB_LEAGUE"), ("Stephane Dujarric", date(2020, 9, 27), "UN"),
    ("Rutte", date(2020, 1, 1), "NLD"), ("Rutte", date(2025, 1, 1), "NATO"),
    ("Michelle Bachelet", date(2016, 1, 1), "CHL"), ("Michelle Bachelet", date(2020, 1, 1), "OHCHR"),
])
def test_people_the_wires_name_speak_for_their_office_that_day(idx, name, day, state):
    assert idx.speaks_for(idx.resolve(name).id, day) == state


def test_a_factbook_name_spelt_otherwise_is_the_curated_person(idx):
    # tools/factbook_leaders.py folded these into people.yaml's entries: one person, not two
    assert idx.resolve("Bashar al-Asad").id == idx.resolve("Assad").id == "assad"
    assert idx.resolve("Abdallah II").id == "king-abdullah"
    assert idx.speaks_for("pence", date(2021, 6, 1)) is None  # after his term


@pytest.mark.parametrize("name, actor", [
    ("the Taliban", "TALIBAN"), ("TPLF", "TPLF"), ("Houthi rebels", "HOUTHIS"), ("Daesh", "ISIS"),
    ("UN refugee agency", "UNHCR"), ("Islamic Jihad", "PIJ"),
])
def test_recurring_armed_groups_and_bodies_resolve(name, actor):
    assert ActorIndex.default().resolve(name).id == actor


def test_an_upper_case_word_is_no_armed_group():
    from kg.ingest.article.mentions import Matcher, tokenize

    text = "It IS a disgrace, the minister, who spoke in Paris, said."
    assert [m.actor for m in Matcher.of(ActorIndex.default()).mentions(text, tokenize(text))] == ["FRA"]


def test_roles_are_read_as_of_each_statement(store, nk2020):
    from kg.reports.actors import actors
    from kg.reports.stance import stance

    store.load([nk2020])
    # Pope Francis' office ended on 2025-04-21, after his call of 2020-09-27 (#28): he spoke for
    # the Holy See then, and the Holy See's count holds that statement.
    people = {r["id"]: r for r in actors(store, "person")}
    assert people["pope-francis"]["speaks_for"]["id"] == "VAT"
    assert stance(store, "Pope Francis")["speaks_for"]["id"] == "VAT"
    states = {r["id"]: r for r in actors(store, "state")}
    assert (states["VAT"]["statements"], states["VAT"]["by_office_holders"]) == (1, 1)
    # Armenia: its own 2 and Prime Minister Pashinyan's 4
    assert (states["ARM"]["statements"], states["ARM"]["by_office_holders"]) == (6, 4)


def test_every_state_has_its_correlates_of_war_code(idx):
    # COW's codes, written by hand from its state list: 2 USA, 200 UKG, 255 GMY, 305 AUS (Austria),
    # 900 AUL (Australia), 713 TAW, 860 ETM
    assert [idx.actors[i].cow for i in ("USA", "GBR", "DEU", "AUT", "AUS", "TWN", "TLS")] == [
        2, 200, 255, 305, 900, 713, 860]
    assert sum(1 for a in idx.actors.values() if a.cow is not None) == 195  # the rows with an iso3


def test_cow_codes_of_states_that_were_continued_or_dissolved():
    from kg.actors import cow_states

    codes = cow_states()
    assert codes[260] == ("DEU", "German Federal Republic")  # continued by Germany
    assert codes[345] == ("SRB", "Yugoslavia")  # COW's Yugoslavia goes on as Serbia
    assert [codes[c][0] for c in (265, 315, 300, 817)] == [None] * 4  # GDR, Czechoslovakia, ...
    assert codes[347] == ("XKX", "Kosovo")  # no ISO 3166 code: the one its users give it


def test_a_state_iso_3166_has_no_code_for():
    kosovo = ActorIndex.default().lookup("Kosovar")
    assert (kosovo.id, kosovo.name, kosovo.kind, kosovo.cow, kosovo.wikidata) == (
        "XKX", "Kosovo", "state", 347, "Q1246")
    assert ActorIndex.default().lookup("Pristina").id == "XKX"


def test_the_cow_table_covers_every_code_the_sources_use():
    import csv

    from kg.actors import cow_states
    from tests.helpers import shared_path

    refdata = shared_path("refdata")
    used = set()
    with (refdata / "leaders/archigos_4.1_via_manystates/arch_annual.txt").open(encoding="latin-1") as fh:
        abbrevs: dict[int, set[str]] = {}
        for r in csv.DictReader(fh, delimiter="\t"):
            abbrevs.setdefault(int(r["ccode"]), set()).add(r["idacr"])
    used |= set(abbrevs)
    atop = refdata / "alliances/atop_5.1_dyadyear_via_peacesciencer/DERIVED_atop_alliance_directed_dyad_year.csv"
    with atop.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            used |= {int(r["ccode1"]), int(r["ccode2"])}
    assert used - set(cow_states()) == set()
    # Archigos spells COW's abbreviations as the state list does, but for four
    text = resources.files("kg.data").joinpath("cow_states.csv").read_text(encoding="utf-8")
    ours = {int(r["ccode"]): r["abbrev"] for r in csv.DictReader(text.splitlines())}
    assert {c: (ours[c], sorted(a)) for c, a in abbrevs.items() if a != {ours[c]}} == {
        360: ("ROM", ["RUM"]), 678: ("YAR", ["YEM"]), 815: ("VNM", ["VIE", "VNM"]), 950: ("FIJ", ["FJI"])}


def test_organisation_ids_are_unique_and_no_state_code():
    import yaml

    ids = [o["id"] for o in yaml.safe_load(resources.files("kg.data").joinpath("organizations.yaml").read_text())]
    assert len(ids) == len(set(ids))
    # an organisation must not take a state's code: NAM is Namibia, not the Non-Aligned Movement
    import pycountry

    assert {c.alpha_3 for c in pycountry.countries} & set(ids) == set()
    assert ActorIndex.default().actors["NAM"].name == "Namibia"


def _petrarch_countries(path) -> dict[str, set[str]]:
    """Each name of PETRARCH2's country dictionary (a block's head line and its ``+`` synonyms:
    names, demonyms, capitals, cities, misspellings), with the ISO codes it stands for."""
    import re
    out: dict[str, set[str]] = {}
    code = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#")[0].rstrip()
        head = re.match(r"^([^\s+\[][^\[]*?)\s*\[([A-Z]{3})\]$", line)
        if head:
            code, name = head.group(2), head.group(1)
        elif line.startswith("+") and code:
            name = line[1:]
        else:
            if line and not line[0].isspace():
                code = None  # a person's block: its synonyms are no country's names
            continue
        out.setdefault(normalize(name.replace("_", " ").strip()), set()).add(code)
    return out


def test_state_names_agree_with_petrarchs_country_dictionary(idx):
    """No name of a state (one with a Correlates of War code: not a territory, which PETRARCH2
    files under its sovereign) is, in PETRARCH2's dictionary, another country's; and most of their
    demonyms and capitals are found there (it lacks a few: Eritrea, Timor-Leste, ...)."""
    names = _petrarch_countries(shared_path("refdata", "gdelt", "petrarch2_cameo_actor_dicts",
                                            "Phoenix.Countries.actors.txt"))
    assert names["rwanda"] == {"RWA"} and names["kigali"] == {"RWA"}  # the reader reads the file
    assert names["kosovo"] == {"KSV"}  # CAMEO's code for Kosovo, which we write XKX
    names = {n: {"XKX" if c == "KSV" else c for c in codes} for n, codes in names.items()}
    states = [a for a in idx.actors.values() if a.kind == "state" and a.cow is not None]
    wrong = [(a.id, n, names[normalize(n)]) for a in states for n in (a.name, *a.aliases)
             if normalize(n) in names and a.id not in names[normalize(n)]]
    # The dictionary dates from when the Democratic Republic of the Congo was Zaire (until 1997), so
    # its "Congo" is the Republic of the Congo; today's wire copy calls the larger state "Congo".
    assert wrong == [("COD", "Congo", {"COG"})]
    found = sum(normalize(n) in names for a in states for n in a.aliases)
    assert found >= 300
