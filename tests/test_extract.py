"""``kg.ingest.article``: constructions, each on a short article of our own words, and scores."""
from __future__ import annotations

import doctest
import importlib
from datetime import date
from pathlib import Path

import pytest
import yaml
from kg.ingest.article import extract_article, extract_file
from kg.ingest.article.score import load_gold, reduce, score, score_speakers
from kg.ingest.article.text import parse_article

from kg.actors import ActorIndex
from tests.helpers import ROOT, shared_path

ARTICLES = Path(__file__).parent / "articles"
DAY = date(2020, 10, 1)
INDEX = ActorIndex.default()


def triples(text: str, **kw) -> set:
    x = extract_article(text, url="https://example.org/t", date=kw.pop("day", DAY), index=INDEX, **kw)
    return {(s.on_behalf_of or s.speaker, s.stance, tuple(sorted(s.targets))) for s in x.statements}


@pytest.mark.parametrize("module", ["text", "lexicon", "mentions", "parties", "speakers", "stance",
                                    "scan", "targets", "quotes", "statements", "result", "evaluation",
                                    "extract", "score", "frame"])
def test_doctests(module):
    mod = importlib.import_module(f"kg.ingest.article.{module}")
    assert mod.__doc__, f"{module} has no module docstring"
    res = doctest.testmod(mod)
    assert res.failed == 0


# YAML 1.1 reads these bare words as booleans (PyYAML: on/off/yes/no/true/false; other
# readers y/n too): in a word list each must be quoted.
_YAML11_BOOLS = {"y", "n", "yes", "no", "on", "off", "true", "false"}


def _word_lists() -> dict[str, list]:
    """The word lists of ``kg/data/extract.yaml``: every top-level list of plain entries, and
    the keys and values of the ``pronouns`` mapping (the cues are records, not words)."""
    text = (ROOT / "kg" / "data" / "extract.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    nodes = {k.value: v for k, v in yaml.compose(text).value}
    out = {}
    for key, value in data.items():
        if isinstance(value, list) and not any(isinstance(v, dict) for v in value):
            out[key] = list(zip(value, nodes[key].value, strict=True))
        elif isinstance(value, dict) and all(not isinstance(v, (dict, list)) for v in value.values()):
            pairs = list(nodes[key].value)
            out[key] = [(k, kn) for k, (kn, _) in zip(value, pairs, strict=True)] + \
                [(v, vn) for v, (_, vn) in zip(value.values(), pairs, strict=True)]
    return out


def test_extract_yaml_word_lists_hold_only_strings():
    lists = _word_lists()
    assert {"speech_verbs", "title_words", "filler_words", "pronouns", "locative"} <= set(lists)
    for key, entries in lists.items():
        for value, node in entries:
            assert isinstance(value, str), f"extract.yaml {key}: {node.value!r} reads as {value!r}; quote it"
            assert node.style or node.value.lower() not in _YAML11_BOOLS, \
                f"extract.yaml {key}: bare {node.value!r} is a boolean in YAML 1.1; quote it"


def test_titled_full_name_then_surname_then_pronoun():
    t = ("Fighting between Armenia and Azerbaijan resumed. Turkish President Recep Tayyip Erdogan "
         "blamed Yerevan for the violence. Erdogan later praised Baku. \"We will stand with our "
         "brothers in Azerbaijan,\" he added.")
    got = triples(t)
    assert ("TUR", "accuse", ("ARM",)) in got
    assert ("TUR", "praise", ("AZE",)) in got
    assert ("TUR", "support", ("AZE",)) in got


def test_institutions_and_capitals_speak_for_their_state():
    t = ("Clashes between Armenia and Azerbaijan went on. Azerbaijan's foreign ministry said Armenian "
         "forces had shelled a village. The Armenian defence ministry said Azerbaijani troops attacked "
         "a school. Ankara accused Yerevan of provocations. The Kremlin said it was deeply concerned.")
    got = triples(t)
    assert ("AZE", "accuse", ("ARM",)) in got
    assert ("ARM", "accuse", ("AZE",)) in got
    assert ("TUR", "accuse", ("ARM",)) in got
    assert ("RUS", "concern", ("ARM", "AZE")) in got


def test_a_list_gives_one_joint_statement_each():
    x = extract_article("Fighting between Armenia and Azerbaijan flared. France, Germany, Italy, and "
                        "the EU swiftly urged an immediate ceasefire.", url="u", date=DAY)
    assert {s.speaker for s in x.statements} == {"FRA", "DEU", "ITA", "EU"}
    assert all(s.joint and s.stance == "call_for_ceasefire" and s.all_parties
               and set(s.targets) == {"ARM", "AZE"} for s in x.statements)


def test_both_sides_are_inferred_not_hard_coded():
    x = extract_article("Fighting between Russia and Ukraine spread. India urged restraint.",
                        url="u", date=date(2022, 2, 25))
    assert x.parties.heads == ("RUS", "UKR")
    assert [(s.speaker, set(s.targets)) for s in x.statements] == [("IND", {"RUS", "UKR"})]


def test_accused_each_other():
    got = triples("Armenia and Azerbaijan accused each other of starting the clashes.")
    assert got == {("ARM", "accuse", ("AZE",)), ("AZE", "accuse", ("ARM",))}


def test_negation_is_dropped_or_kept_as_negated():
    t = "War broke out between Russia and Ukraine. China did not condemn Russia."
    assert not any(s == "condemn" for _, s, _ in triples(t, day=date(2022, 2, 25)))
    x = extract_article(t, url="u", date=date(2022, 2, 25), keep_negated=True)
    neg = [s for s in x.statements if s.negated]
    assert neg and neg[0].stance == "condemn"
    st = x.to_statements()
    assert all(s.valence == 0 for s in st if s.negated)


def test_unknown_people_become_candidates_and_speak_for_their_state():
    t = ("Fighting between Armenia and Azerbaijan resumed. Armenian defence ministry spokeswoman "
         "Anahit Sargsyan said Azerbaijani troops attacked a village. Sargsyan added that the army "
         "would respond.")
    x = extract_article(t, url="u", date=DAY)
    assert [(s.speaker, s.stance, s.targets) for s in x.statements] == [("ARM", "accuse", ("AZE",))]
    assert x.candidates == [{"name": "Anahit Sargsyan", "mentions": 2, "attributed_to": "ARM"}]


def test_unknown_speaker_without_office_gives_no_statement():
    x = extract_article("Fighting between Armenia and Azerbaijan resumed. \"We condemn Azerbaijan,\" "
                        "Karen Petrosyan, 40, told reporters.", url="u", date=DAY)
    assert x.statements == []
    assert x.candidates[0]["name"] == "Karen Petrosyan"


def test_people_are_attributed_by_the_role_held_that_day():
    t = "Fighting between Israel and Hamas went on. Secretary of State Antony Blinken condemned Hamas."
    x = extract_article(t, url="u", date=date(2021, 5, 10))
    assert [(s.speaker, s.on_behalf_of) for s in x.statements] == [("blinken", "USA")]


def test_spans_point_into_the_body_and_sentences_are_indexed():
    path = ARTICLES / "nk_reactions.txt"
    x = extract_file(path)
    body = path.read_text(encoding="utf-8").split("\n", 4)[4]
    for s in x.statements:
        a, b = s.span
        assert 0 <= a < b <= len(body)
        assert " ".join(body[a:b].split())[:30] == s.quote[:30]
        assert s.sentence >= 0


def test_plain_text_uses_the_given_date_or_fails_clearly():
    from kg.errors import DataError

    path = ARTICLES / "plain_no_header.txt"
    with pytest.raises(DataError, match="no date found"):
        extract_file(path)
    x = extract_file(path, date=date(2020, 7, 13), url="https://example.org/plain")
    got = {(s.speaker, s.stance, tuple(sorted(s.targets))) for s in x.statements}
    assert ("TUR", "accuse", ("ARM",)) in got and ("TUR", "support", ("AZE",)) in got
    assert {"RUS", "FRA", "EU"} <= {s.speaker for s in x.statements if s.stance == "call_for_ceasefire"}
    assert ("lavrov", "concern", ("ARM", "AZE")) in got


@pytest.mark.parametrize("name", ["nk_reactions.txt", "ukraine_reactions.txt", "minsk_iran.txt",
                                  "france_turkey_eu.txt", "gulf_mediation.txt", "niger_coup.txt",
                                  "aegean_standoff.txt", "paris_tehran.txt", "moscow_talks.txt",
                                  "world_reacts_sections.txt"])
def test_own_test_articles_score_fully(name):
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)[name]
    ex = reduce(extract_file(ARTICLES / name, index=INDEX), INDEX)
    s = score(ex, gold)
    assert s.recall == 1.0 and s.precision == 1.0, (s.misses, s.false)
    assert score_speakers(ex, gold).recall == 1.0


@pytest.mark.parametrize("name,p_floor,r_floor", [
    ("ceasefire_breaches.txt", 1.0, 1.0), ("iran_nato.txt", 1.0, 0.65),
    ("cochairs.txt", 1.0, 0.65), ("eu_breaches.txt", 0.8, 0.65)])
def test_articles_held_out_while_tuning(name, p_floor, r_floor):
    # Written before the rules for them existed and kept out of the tuning: the floors are
    # what the rules reached on first contact. Still missed: Russia's treaty pledge, Turkey
    # "dismissed the appeal", "X said Y had breached the ceasefire", Iran's warning.
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)[name]
    s = score(reduce(extract_file(ARTICLES / name, index=INDEX), INDEX), gold)
    assert s.precision >= p_floor and s.recall >= r_floor, (s.misses, s.false)


def test_a_missile_attack_of_our_own():
    # Written for the rules of 2026-12-02 ("it" and "they" for earlier speakers, a passive
    # condemnation, "whose leaders said"); still out of reach: Germany's accusation in a
    # quotation that names no act ("Iran has plunged an entire region into chaos").
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)["missile_attack.txt"]
    s = score(reduce(extract_file(ARTICLES / "missile_attack.txt", index=INDEX), INDEX), gold)
    assert s.precision == 1.0 and [m.quote for m in s.misses] == ["Iran has plunged an entire region into chaos"]


def test_a_coup_round_up_of_our_own():
    # Written for the rules of 2026-12-02 (an ultimatum, non-recognition, the coup's agent from
    # the frame), so it must score them; still out of reach: "held them responsible" (a pronoun
    # for the coup leaders) and support for a deposed president, a person as the target.
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)["coup_reactions.txt"]
    s = score(reduce(extract_file(ARTICLES / "coup_reactions.txt", index=INDEX), INDEX), gold)
    assert s.precision == 1.0 and len(s.misses) == 2, (s.misses, s.false)


def test_2020_article_meets_the_thresholds():
    shared = shared_path("corpus", "2020-09-27_moscow-times_clashes-azerbaijan-armenia.txt").parents[1]
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from extract_eval import evaluate

    res = evaluate(shared, INDEX)
    s, _ = res["2020 nagorno-karabakh"]
    assert s.precision >= 0.90 and s.recall >= 0.85, (s.misses, s.false)


def test_dev_corpus_stays_above_the_measured_floor():
    shared = shared_path("corpus", "dev", "gold.yaml").parents[2]
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from extract_eval import by_half, evaluate

    halves = by_half(evaluate(shared, INDEX))
    # measured 2026-12-01 (bench/dev_split.yaml) with the gold's names folded as its header says:
    # tuning P 0.88 R 0.78 (64/82), check P 0.62 R 0.43 (43/100); before the rule work 0.79/0.54
    # and 0.70/0.37
    (tuning, tuning_sp), (check, _) = halves["tuning"], halves["check"]
    assert (tuning.gold, check.gold) == (82, 100)  # 182 scored items in all, as the corpus README counts
    assert tuning.precision >= 0.85 and tuning.recall >= 0.75
    assert check.precision >= 0.58 and check.recall >= 0.38
    assert tuning_sp.precision >= 0.95 and tuning_sp.recall >= 0.85


def test_the_review_queue_covers_the_dev_corpus_above_the_measured_floor():
    shared = shared_path("corpus", "dev", "gold.yaml").parents[2]
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from extract_eval import coverage

    got = coverage(shared, INDEX)
    # measured 2026-12-01: tuning 69/82 covered with 178 candidates, check 53/100 with 181 (42/100
    # before the gold's names were folded as its header says); with one proposal per cue and none
    # from sentences that gave a statement, 58/82 and 36/100
    (t_found, t_gold, t_cands), (c_found, c_gold, c_cands) = got["tuning"], got["check"]
    assert (t_gold, c_gold) == (82, 100)
    assert t_found >= 66 and c_found >= 48
    assert t_cands <= 3 * t_gold and c_cands <= 3 * c_gold  # the issue's budget: three per gold item


# -- evidence: the speaker's quoted words, else the shortest clause carrying the cue ---------------
NK_OPEN = "Fighting between Armenia and Azerbaijan resumed. "


def statements(body: str, **kw) -> list:
    x = extract_article(body, url="https://example.org/q", date=kw.pop("day", DAY), index=INDEX, **kw)
    assert [s.quote for s in x.to_statements()] == [s.quote for s in x.statements]  # valid model quotes
    assert all(0 < len(s.quote) <= 400 and s.quote == s.quote.strip() for s in x.statements)
    return x.statements


def quotes(body: str) -> dict:
    return {(s.speaker, s.stance): s.quote for s in statements(body)}


def test_a_direct_quotation_gives_the_quoted_words_and_their_span():
    body = NK_OPEN + ('"We will stand with our brothers in Azerbaijan," Turkish President Recep Tayyip '
                      'Erdogan said.')
    [s] = statements(body)
    assert (s.speaker, s.stance) == ("erdogan", "support")
    assert s.quote == "We will stand with our brothers in Azerbaijan"  # no quote marks, no comma
    assert body[s.span[0]:s.span[1]] == s.quote
    assert s.sentence == 1


def test_curly_quotes_and_words_quoted_after_the_cue():
    body = NK_OPEN + ("But Azerbaijan's ally Turkey blamed Yerevan for the flare-up and promised Baku its "
                      "“full support.”")
    got = {s.stance: s for s in statements(body)}
    assert got["support"].quote == "full support"
    assert got["accuse"].quote == "blamed Yerevan for the flare-up"  # the quotation is not its evidence
    for s in got.values():
        assert body[s.span[0]:s.span[1]] == s.quote


def test_joint_statements_share_the_quote_and_others_get_their_clause():
    body = NK_OPEN + ('France, Germany and Italy urged an "immediate ceasefire," while Pope Francis '
                      'prayed for peace.')
    st = statements(body)
    joint = {s.quote for s in st if s.joint}
    assert joint == {"immediate ceasefire"} and len([s for s in st if s.joint]) == 3
    assert quotes(body)[("pope-francis", "call_for_ceasefire")] == "prayed for peace"


def test_several_fragments_of_one_speaker_are_joined():
    body = NK_OPEN + ('"We condemn this attack on civilians," Erdogan said, "and we will always support '
                      'Azerbaijan."')
    st = [s for s in statements(body) if s.stance == "support"]
    assert st[0].quote == "We condemn this attack on civilians … and we will always support Azerbaijan"
    a, b = st[0].span
    assert body[a:b].startswith("We condemn") and body[a:b].endswith("support Azerbaijan")


def test_without_quote_marks_the_shortest_clause_carrying_the_cue():
    body = NK_OPEN + ("Armenia said that Azerbaijani troops attacked civilian homes in Stepanakert, killing "
                      "two people, while Ankara accused Yerevan of provocations.")
    got = quotes(body)
    assert got[("ARM", "accuse")] == "Azerbaijani troops attacked civilian homes in Stepanakert"
    assert got[("TUR", "accuse")] == "accused Yerevan of provocations"
    for s in statements(body):
        assert body[s.span[0]:s.span[1]] == s.quote


def test_a_one_word_quotation_keeps_its_clause():
    body = "Fighting between Russia and Ukraine spread. China said it \"understands\" Russia's concerns."
    [s] = statements(body, day=date(2022, 2, 25))
    assert s.quote == "\"understands\" Russia's concerns" == body[s.span[0]:s.span[1]]


def test_quotes_are_cut_at_400_characters_on_a_word():
    filler = "and our people stand together with them in this difficult hour " * 10
    body = NK_OPEN + f'"We will always support Azerbaijan {filler}," Erdogan said.'
    [s] = statements(body)
    assert len(s.quote) <= 400 and s.quote.endswith("…") and not s.quote.endswith(" …")
    assert s.quote.startswith("We will always support Azerbaijan and our people")
    assert body[s.span[0]:s.span[1]] == s.quote[:-1]
    assert body[s.span[1]] == " "  # cut between two words
    long_clause = NK_OPEN + "Turkey blamed Yerevan for " + "the long and deadly shelling of villages " * 12 + "."
    [s] = statements(long_clause)
    assert s.quote.startswith("blamed Yerevan for") and s.quote.endswith("…") and len(s.quote) <= 400
    assert long_clause[s.span[0]:s.span[1]] == s.quote[:-1]


def test_2020_article_quotes_are_the_speakers_words():
    path = shared_path("corpus", "2020-09-27_moscow-times_clashes-azerbaijan-armenia.txt")
    x = extract_file(path, index=INDEX)
    body = parse_article(path.read_text(encoding="utf-8")).body
    got = {(s.speaker, s.stance): s for s in x.statements}
    tweet = got[("erdogan", "support")]
    assert tweet.quote == "The Turkish people will support our Azerbaijani brothers with all our means as always"
    assert body[tweet.span[0]:tweet.span[1]] == tweet.quote
    assert got[("TUR", "support")].quote == "full support"
    assert got[("TUR", "accuse")].quote == "blamed Yerevan for the flare-up"
    assert got[("putin", "call_for_ceasefire")].quote == "an end to hostilities"
    for s in x.statements:  # a line break inside a sentence is one space in the quote
        assert len(s.quote) <= 400 and " ".join(body[s.span[0]:s.span[1]].split()) == s.quote


# -- constructions of wire copy on other days of a war (own sentences) ------------------------
KOREA = "Shelling across the border between North Korea and South Korea went on overnight. "
BOTH_K = ("KOR", "PRK")


@pytest.mark.parametrize("subject", [
    "The presidents of China, Russia and France on Tuesday",
    "The foreign ministers of China, Russia and France",
    "The leaders of China, Russia and France",
    "China, Russia and France's foreign ministers",
])
def test_a_list_of_states_behind_an_office_speaks_jointly(subject):
    got = triples(KOREA + f"{subject} called for an immediate halt to the fighting and urged restraint.",
                  day=date(2020, 5, 5))
    assert {s for s, st, t in got if st == "call_for_ceasefire" and t == BOTH_K} == {"CHN", "RUS", "FRA"}


def test_one_state_and_an_office_in_the_singular_stays_one_speaker():
    got = triples(KOREA + "China and Japan's foreign minister urged restraint.", day=date(2020, 5, 5))
    assert {s for s, _, _ in got} == {"JPN"}


@pytest.mark.parametrize("sentence", [
    "Sweden offered to help resolve the crisis.",
    "Sweden said it stood ready to host the two delegations in Stockholm.",
    "Sweden was willing to act as an intermediary between Seoul and Pyongyang.",
    "Sweden offered its good offices.",
    "Sweden said it was prepared to do all it could to help restore calm.",
    "Sweden, which has an embassy in both capitals, offered to mediate.",
])
def test_mediation_offers_go_to_both_sides(sentence):
    got = triples(KOREA + sentence, day=date(2020, 5, 5))
    assert ("SWE", "mediate", BOTH_K) in got, got


@pytest.mark.parametrize("sentence, stance", [
    ("Japan said North Korea had sent hundreds of mercenaries across the border.", "accuse"),
    ("Japan charged that North Korea was shelling civilian areas.", "accuse"),
    ("Japan alleged that North Korea was behind the attacks.", "accuse"),
    ("Japan said North Korea was responsible for the deaths of civilians.", "accuse"),
])
def test_accusations_without_the_verb_accuse(sentence, stance):
    got = triples(KOREA + sentence, day=date(2020, 5, 5))
    assert ("JPN", stance, ("PRK",)) in got, got


@pytest.mark.parametrize("sentence, stance", [
    ("Pyongyang hit back, accusing Japan of backing the South.", "accuse"),
    ("Pyongyang condemned Japan for supporting Seoul.", "condemn"),
    ("Pyongyang blamed Japan for standing by Seoul.", "accuse"),
])
def test_what_someone_is_accused_of_is_not_the_speakers_stance(sentence, stance):
    got = triples(KOREA + sentence, day=date(2020, 5, 5))
    assert not [x for x in got if x[1] == "support"], got
    assert got == {("PRK", stance, ("JPN",))}, got  # what the sentence does say: the North blames Japan


def test_a_hypothetical_attack_is_no_accusation():
    got = triples(KOREA + "Japan warned Pyongyang that any attack on its ships would meet a response.",
                  day=date(2020, 5, 5))
    assert ("JPN", "warn", ("PRK",)) in got and not [x for x in got if x[1] == "accuse"]


@pytest.mark.parametrize("sentence", [
    "Germany called on Seoul and Pyongyang to return to negotiations.",
    "Germany urged Pyongyang and Seoul to exercise restraint.",
    "Germany on Friday pressed Seoul and Pyongyang to resume talks.",
])
def test_a_call_to_both_capitals_goes_to_both_sides(sentence):
    got = triples(KOREA + sentence, day=date(2020, 5, 5))
    assert ("DEU", "call_for_ceasefire", BOTH_K) in got, got


def test_a_call_to_both_capitals_survives_wrongly_inferred_parties():
    t = ("Turkey and Azerbaijan dominated the talks; Turkey backed Azerbaijan again, Turkey said. "
         "Germany called on Baku and Yerevan to return to negotiations.")
    got = triples(t)
    assert ("DEU", "call_for_ceasefire", ("ARM", "AZE")) in got, got


@pytest.mark.parametrize("subject", ["North Korea and South Korea on Sunday", "Seoul and Pyongyang"])
def test_mutual_accusations_give_both_directions(subject):
    got = triples(KOREA + f"{subject} accused each other of violating the armistice.", day=date(2020, 5, 5))
    assert got == {("PRK", "accuse", ("KOR",)), ("KOR", "accuse", ("PRK",))}, got


ELLIPTIC = KOREA + "North and South Korea's militaries accused each other of violating the armistice."


def test_mutual_accusations_with_an_elliptic_north_invent_no_speaker():
    # "North" alone names no state: nothing may be said by it, nor read as North Korea's.
    x = extract_article(ELLIPTIC, url="https://example.org/t", date=date(2020, 5, 5), index=INDEX)
    assert {s.on_behalf_of or s.speaker for s in x.statements} <= {"KOR"}, x.statements
    assert "North" not in {c["name"] for c in x.candidates}


@pytest.mark.xfail(strict=True, reason="gap in the extractor: 'North and South Korea's militaries accused "
                   "each other' gives no statement at all; the South's accusation of the North is lost")
def test_mutual_accusations_with_an_elliptic_north_keep_the_souths_accusation():
    assert ("KOR", "accuse", ("PRK",)) in triples(ELLIPTIC, day=date(2020, 5, 5))


@pytest.mark.parametrize("sentence, target", [
    ("The United States urged Beijing to use its leverage to calm tensions.", ("CHN",)),
    ("The United States called on Pyongyang to stop the shelling at once.", ("PRK",)),
])
def test_a_call_to_one_capital_goes_to_it(sentence, target):
    got = triples(KOREA + sentence, day=date(2020, 5, 5))
    assert ("USA", "call_for_ceasefire", target) in got, got
    assert ("USA", "call_for_ceasefire", BOTH_K) not in got


# -- ceasefire wording, mediation by deed, evaluative condemnation, aimed concern -------------
INDIA_PAK = "Clashes between India and Pakistan along the disputed frontier went on overnight. "
BOTH_IP = ("IND", "PAK")


@pytest.mark.parametrize("sentence", [
    "Norway called for a humanitarian pause in the fighting.",
    "Norway urged a halt to the shelling along the frontier.",
    "Norway appealed for a lull in the hostilities so that aid could get through.",
    "Norway pressed for a cessation of all attacks.",
    "Norway said both sides should silence the guns.",
])
def test_ceasefire_wording_beyond_ceasefire(sentence):
    got = triples(INDIA_PAK + sentence)
    assert ("NOR", "call_for_ceasefire", BOTH_IP) in got, got


@pytest.mark.parametrize("sentence", [
    "Kazakhstan invited the foreign ministers of India and Pakistan to Astana for consultations.",
    "Kazakhstan, which borders neither country, offered Astana as a venue for negotiations.",
    "Kazakhstan offered a neutral platform for talks.",
    "Kazakhstan hosted talks between Indian and Pakistani envoys.",
    "Kazakhstan expressed its readiness to mediate between New Delhi and Islamabad.",
    "Kazakhstan signalled its willingness to act as a mediator.",
])
def test_mediation_by_invitation_venue_hosting_or_readiness(sentence):
    got = triples(INDIA_PAK + sentence)
    assert ("KAZ", "mediate", BOTH_IP) in got, got


@pytest.mark.parametrize("sentence, target", [
    ('Japan described Pyongyang\'s statements as "reckless and provocative".', ("PRK",)),
    ("Japan called the remarks by Pyongyang irresponsible.", ("PRK",)),
    ("Japan said Seoul's moves were dangerous and destabilising.", ("KOR",)),
    ("Japan branded the threats by Pyongyang as unacceptable.", ("PRK",)),
])
def test_evaluative_words_about_an_actors_acts_condemn_it(sentence, target):
    got = triples(KOREA + sentence, day=date(2020, 5, 5))
    assert ("JPN", "condemn", target) in got, got


EXTRACTOR_GAP = pytest.mark.xfail(strict=True, reason="gap in the extractor: the sentence gives no statement")
EVALUATIVE_WITHOUT_ACT = [
    # (sentence, the stance it does express)
    # the warn cue needs a named target and gives nothing: the evaluation ("dangerous") is read
    pytest.param("Japan warned that the situation was dangerous.", ("JPN", "concern", BOTH_K)),
    pytest.param("Japan urged Seoul to avoid a dangerous escalation.", ("JPN", "call_for_ceasefire", ("KOR",)),
                 marks=EXTRACTOR_GAP),  # "avoid (any|further) escalation" only: "a dangerous" breaks it
    pytest.param("Japan was concerned that the situation was dangerous.", ("JPN", "concern", BOTH_K)),
    pytest.param("Japan urged Seoul to exercise restraint and avoid a dangerous escalation.",
                 ("JPN", "call_for_ceasefire", ("KOR",))),
    pytest.param("Japan described the escalation as dangerous and urged restraint.",
                 ("JPN", "call_for_ceasefire", BOTH_K)),
]


@pytest.mark.parametrize("sentence", [p.values[0] for p in EVALUATIVE_WITHOUT_ACT])
def test_evaluative_words_without_an_actors_act_are_no_condemnation(sentence):
    got = triples(KOREA + sentence, day=date(2020, 5, 5))
    assert not [x for x in got if x[1] == "condemn"], got


@pytest.mark.parametrize("sentence, expected", EVALUATIVE_WITHOUT_ACT)
def test_evaluative_words_without_an_actors_act_keep_the_stance_they_express(sentence, expected):
    got = triples(KOREA + sentence, day=date(2020, 5, 5))
    assert got == {expected}, got


@pytest.mark.parametrize("sentence, target", [
    ('Japan said it was "deeply alarmed" by the hostile messages coming from Pyongyang.', ("PRK",)),
    ("Japan was worried about Seoul's military movements near the line.", ("KOR",)),
])
def test_concern_about_an_actors_acts_targets_that_actor(sentence, target):
    got = triples(KOREA + sentence, day=date(2020, 5, 5))
    assert ("JPN", "concern", target) in got, got
    assert ("JPN", "concern", BOTH_K) not in got, got


def test_concern_about_unnamed_acts_stays_with_the_parties():
    got = triples(KOREA + "Japan was concerned about the actions of both sides.", day=date(2020, 5, 5))
    assert ("JPN", "concern", BOTH_K) in got, got


# -- formats: a round-up of quotations, each followed by an attribution line -----------------------
ROUNDUP = ("Fighting between Russia and Ukraine went on along the whole front on Tuesday.\n\n"
           "\"We condemn Russia's aggression in the strongest terms.\" -- French Foreign Minister "
           "Jean-Yves Le Drian\n\n"
           "Russian troops in the east \"must withdraw at once, and we will support Ukraine.\" -- "
           "US Secretary of State Antony Blinken, speaking in Brussels\n\n"
           "\u201cWe urge restraint from all sides.\u201d \u2013 a spokesman for the Chinese Foreign Ministry\n")


def test_an_attribution_line_gives_the_speaker_of_its_paragraphs_quotations():
    got = triples(ROUNDUP, day=date(2022, 2, 24))
    assert ("USA", "support", ("UKR",)) in got, got
    assert ("CHN", "call_for_ceasefire", ("RUS", "UKR")) in got, got
    assert ("FRA", "condemn", ("RUS",)) in got, got
    # "Russian troops in the east" right before the quotation is no speaker: the attribution line wins.
    assert not [x for x in got if x[0] in ("RUS", "UKR")], got


def test_a_dash_inside_a_sentence_is_no_attribution_line():
    text = ("Fighting between Armenia and Azerbaijan resumed. The clashes -- the worst in years -- drew a "
            "call from France: \"We call on both sides to cease fire immediately,\" the French foreign "
            "ministry said.\n\n\"Turkey will stand by Azerbaijan,\" Ankara said -- without naming a date.\n")
    assert triples(text) == {("FRA", "call_for_ceasefire", ("ARM", "AZE")), ("TUR", "support", ("AZE",))}


def test_a_call_on_two_states_names_the_parties():
    # Only one state is named as a place in the body; the title's call names both parties.
    text = ("https://example.org/t\n2019-02-26\nWorld urges India and Pakistan to avoid escalation\n\n"
            "Jets struck a camp in Pakistan's north on Tuesday.\n\n"
            "Germany urged all sides to show restraint, its foreign ministry said.\n")
    x = extract_article(text, index=INDEX)
    assert x.parties.camps == (("IND",), ("PAK",))
    assert {(s.speaker, s.stance, s.targets) for s in x.statements} == {("DEU", "call_for_ceasefire", ("IND", "PAK"))}


# -- whom a condemnation of an act is aimed at: the one who did it, not the one it was done to -----
@pytest.mark.parametrize("sentence, expected", [
    ("Germany condemned the shelling of Armenia by Azerbaijan.", {("DEU", "condemn", ("AZE",))}),
    # no agent named: the victim's opponent in the conflict
    ("Germany condemned the attacks on Armenia.", {("DEU", "condemn", ("AZE",))}),
    ("Germany condemned Baku for shelling Armenia.", {("DEU", "condemn", ("AZE",))}),
    # acts done to people: the one arrested or killed is no target
    ("Germany condemned the detention of Azerbaijani journalists by Armenia.", {("DEU", "condemn", ("ARM",))}),
    ("Germany denounced the killing of Armenian civilians.", {("DEU", "condemn", ("AZE",))}),
])
def test_a_condemned_act_targets_its_agent(sentence, expected):
    got = triples("Fighting between Armenia and Azerbaijan resumed. " + sentence)
    assert got == expected, got


def test_a_condemned_act_with_an_unknown_agent_gives_no_statement():
    # The victim is no party and no agent is named: better nothing than a condemnation of the victim.
    got = triples("Fighting between Armenia and Azerbaijan resumed. Germany condemned the attacks on Iran.")
    assert not [x for x in got if x[1] == "condemn"], got
    got = triples("Fighting between Armenia and Azerbaijan resumed. Germany condemned the arrest of Iranian diplomats.")
    assert not [x for x in got if x[1] == "condemn"], got


def test_a_second_predicate_keeps_its_own_target():
    got = triples("Fighting between Armenia and Azerbaijan resumed. "
                  "Turkey condemned the attacks and stands with Azerbaijan, Ankara said.")
    assert ("TUR", "support", ("AZE",)) in got and ("TUR", "condemn", ("AZE",)) not in got, got


# -- evaluative language: VADER's word ratings where no cue fired (kg.ingest.article.evaluation) ----
def evaluation(text: str):
    from kg.ingest.article.evaluation import evaluate

    return evaluate(text)


@pytest.mark.parametrize("text, stance", [
    ("a flagrant violation of the truce", "condemn"),        # words VADER lacks, from extract.yaml
    ("nothing more than a land grab", "condemn"),            # "nothing more than" negates nothing
    ("this step is not acceptable", "oppose"),               # a denied norm is a rejection
    ("it will never be recognised", "oppose"),
    ("we are not satisfied with the reply", "concern"),      # a denied positive word: mildly negative
    ("we are deeply disappointed", "concern"),               # an intensifier makes no concern a condemnation
    ("we appreciate their restraint", "praise"),
    ("a trusted and reliable friend", "support"),
    ("the talks resumed in the capital on Monday", None),
    ("dozens were killed when the war spread to the border", None),   # events, not judgements
    ("peace and security in the region", None),
])
def test_evaluation_stance_of_a_span(text, stance):
    assert evaluation(text).stance == stance


def test_evaluation_intensifiers_and_negation_move_a_rating():
    plain, deep = evaluation("troubling").words[0], evaluation("deeply troubling").words[0]
    assert deep.valence < plain.valence < 0 and deep.base == plain.base
    negated = evaluation("not helpful").words[0]
    assert negated.negated and negated.valence == pytest.approx(-0.74 * negated.base)
    assert evaluation("hardly helpful").words[0].negated


def test_evaluation_negation_reaches_the_coordinated_words_not_the_object():
    got = [(w.word, w.negated) for w in evaluation("does not recognise the illegal vote").words]
    assert got == [("recognise", True), ("illegal", False)]
    got = [(w.word, w.negated) for w in evaluation("it was not wise or helpful").words]
    assert got == [("wise", True), ("helpful", True)]


def test_evaluation_attitudes_are_the_evaluators_own():
    assert evaluation("we are disappointed").attitude and evaluation("we will not accept it").attitude
    assert not evaluation("a reckless step").attitude and not evaluation("it is not acceptable").attitude


def test_evaluation_word_lists_hold_only_strings():
    section = yaml.safe_load((ROOT / "kg" / "data" / "extract.yaml").read_text(encoding="utf-8"))["evaluation"]
    for key, value in section.items():
        words = value if isinstance(value, list) else list(value) if isinstance(value, dict) else []
        assert all(isinstance(w, str) for w in words), f"extract.yaml evaluation.{key}: quote {words}"
    assert all(isinstance(v, float) for v in section["ratings"].values())


def test_evaluation_reads_vaders_word_list_without_importing_its_module():
    import sys

    from kg.ingest.article.evaluation import rules, vader

    assert len(vader()) > 7000 and vader()["horrific"] < -3
    assert "war" not in rules().ratings and rules().ratings["flagrant"] < -2
    assert "vaderSentiment.vaderSentiment" not in sys.modules


@pytest.mark.parametrize("sentence, expected", [
    # the doer of an act evaluated: a possessive, the subject of an active verb, "by X"
    ('"India\'s strikes are a disgrace to every norm," the Norwegian foreign minister said.',
     ("NOR", "condemn", ("IND",))),
    ('"Pakistan has chosen a reckless path," Japan\'s foreign ministry said.', ("JPN", "condemn", ("PAK",))),
    ("Japan said Pakistan's latest steps were nothing more than a power grab.", ("JPN", "condemn", ("PAK",))),
    ("Japan said the killing of civilians by Indian troops was barbaric.", ("JPN", "condemn", ("IND",))),
    ("Japan said Pakistani troops had committed barbaric crimes.", ("JPN", "condemn", ("PAK",))),
    # negation: a denied norm rejects, a denied positive word voices concern
    ('"New Delhi\'s decision is not acceptable," Japan said.', ("JPN", "oppose", ("IND",))),
    ('"The steps taken by Islamabad will never be recognised," Japan said.', ("JPN", "oppose", ("PAK",))),
    ('"We are not satisfied with the answers Islamabad has given," a Japanese government spokesman said.',
     ("JPN", "concern", ("PAK",))),
    ("Japan said it was deeply disappointed with India.", ("JPN", "concern", ("IND",))),
    # positive: praise of an actor's conduct or with a word of praise, support otherwise
    ('"We appreciate India\'s restraint," the Norwegian foreign minister said.', ("NOR", "praise", ("IND",))),
    ("Norway said India's mediation had been constructive.", ("NOR", "praise", ("IND",))),
    ("Norway said it was grateful to Pakistan for its hospitality to the envoys.", ("NOR", "praise", ("PAK",))),
    ("Japan said India was a trusted and reliable friend.", ("JPN", "support", ("IND",))),
])
def test_an_evaluation_of_a_named_actor_gives_a_low_confidence_statement(sentence, expected):
    x = extract_article(INDIA_PAK + sentence, url="https://example.org/t", date=DAY, index=INDEX)
    got = {(s.on_behalf_of or s.speaker, s.stance, tuple(sorted(s.targets))): s.confidence for s in x.statements}
    assert set(got) == {expected}, got
    assert got[expected] < 0.5  # below every cue's: for the review queue, not the output


@pytest.mark.parametrize("sentence", [
    # neutral or descriptive
    "Norway said the talks would resume in Oslo next week.",
    "Japan said 20 people were killed in the shelling in Pakistan on Monday.",
    "Norway said Pakistan had a good chance to win the cricket match.",
    # the actor named is the one harmed, not the doer
    '"The situation is terrible for the civilians of Pakistan," Japan said.',
    '"India has suffered a horrific attack," Norway said.',
    "Japan said Pakistani troops had been hurt in the blast.",
    '"Indian villagers are living in terrible fear," Japan said.',
    # a meeting rated, not the actor met
    '"We had a constructive meeting with the Pakistani delegation," Norway said.',
    # another actor's feeling or acceptance, or its judgement, reported
    '"Pakistan will never accept the loss of its territory," Japan said.',
    "Japan said Pakistan was not satisfied with the answers.",
    "Japan said Pakistan described the strikes as a flagrant breach of the truce.",
    # two candidates, or no office on the day (Joe Biden in 2020)
    "Japan said India and Pakistan had both been reckless.",
    "Joe Biden said Pakistan had chosen a reckless path.",
])
def test_no_statement_from_an_evaluation_without_a_clear_target(sentence):
    assert triples(INDIA_PAK + sentence) == set()


def test_where_a_cue_fired_the_evaluation_adds_nothing():
    x = extract_article(INDIA_PAK + "Japan condemned Pakistan's reckless moves.", url="https://example.org/t",
                        date=DAY, index=INDEX)
    assert [(s.speaker, s.stance, s.targets, s.confidence) for s in x.statements] == \
        [("JPN", "condemn", ("PAK",), 0.8)]


# -- cue targets met on the way: a state's region, a denied responsibility, a victim as subject ------
def test_a_states_region_is_a_place_not_the_state():
    got = triples("Fighting between Russia and Ukraine went on. "
                  "Germany condemned the militias of Ukraine's eastern Donetsk region for the attack.")
    assert ("DEU", "condemn", ("UKR",)) not in got, got


@pytest.mark.parametrize("sentence, expected", [
    ("Japan said India was responsible for the attack.", {("JPN", "accuse", ("IND",))}),
    ("Japan said India was not responsible for the attack.", set()),
    ('"India has suffered a terrible attack," Japan said.', set()),
])
def test_responsibility_is_not_read_from_its_denial_or_from_the_victim(sentence, expected):
    assert triples(INDIA_PAK + sentence) == expected


@pytest.mark.parametrize("sentence", [
    # the cue ends in the act ("flagrant violation"): the one named after it is still the one harmed
    "Germany said the strike was a flagrant violation of Ukraine's sovereignty.",
    "Germany called it an unacceptable blow to Ukraine's territorial integrity.",
    # ... unless "by" names the doer
    "Germany condemned the flagrant violation of international law by Russia.",
])
def test_a_condemnation_of_a_harm_to_one_side_targets_the_other(sentence):
    got = triples("Fighting between Russia and Ukraine went on. " + sentence, day=date(2022, 3, 1))
    assert got == {("DEU", "condemn", ("RUS",))}, got


def test_a_hyphenated_pair_before_a_conflict_noun_names_the_parties():
    text = ("https://example.org/t\n2019-02-27\nWorld reacts as India-Pakistan tensions rise\n\n"
            "Jets were downed near the frontier on Wednesday.\n\n"
            "Germany urged restraint on all sides, its foreign ministry said.\n")
    x = extract_article(text, index=INDEX)
    assert x.parties.camps == (("IND",), ("PAK",))


@pytest.mark.parametrize("sentence", [
    "Many countries called for restraint after India said its jets had struck the camp.",
    "Several capitals have called for calm in a war that Pakistan says has killed dozens.",
])
def test_a_speech_verb_in_a_clause_of_its_own_speaks_for_no_earlier_cue(sentence):
    got = triples("Fighting between India and Pakistan went on. " + sentence, day=date(2019, 2, 27))
    assert not [x for x in got if x[0] in ("IND", "PAK") and x[1] == "call_for_ceasefire"], got


def test_a_trailing_speech_verb_still_gives_the_speaker():
    got = triples("Fighting between India and Pakistan went on. "
                  "Both sides must show restraint, Germany said.", day=date(2019, 2, 27))
    assert got == {("DEU", "call_for_ceasefire", ("IND", "PAK"))}, got


@pytest.mark.parametrize("sentence", [
    "\"It is essential that all exercise maximum restraint,\" Norway said.",
    "Norway urged both of the nations to avoid further military action.",
    "Norway called for an immediate halt to the escalation between the two sides.",
    "\"I appeal to all to pull back from the brink,\" the Norwegian foreign minister said.",
    "Norway called for national reconciliation.",
])
def test_more_ways_to_call_for_calm(sentence):
    got = triples(INDIA_PAK + sentence)
    assert ("NOR", "call_for_ceasefire", BOTH_IP) in got, got


def test_restraint_shown_is_no_call_for_it():
    got = triples(INDIA_PAK + "Norway said Pakistan had exercised restraint so far.")
    assert not [x for x in got if x[1] == "call_for_ceasefire"], got


def test_a_condemned_act_without_a_name_goes_to_whoever_the_article_says_did_it():
    text = ("Hamas launched a surprise attack on Israel at dawn, and Israel answered with air strikes "
            "on Gaza.\n\n\"We condemn these attacks,\" the German foreign ministry said.\n\n"
            "Norway condemned the strikes, its foreign minister said.\n")
    got = triples(text, day=date(2023, 10, 7))
    assert ("DEU", "condemn", ("HAMAS",)) in got and ("NOR", "condemn", ("ISR",)) in got, got


def test_an_act_nobody_is_said_to_have_done_gives_no_target():
    text = "Fighting between Armenia and Azerbaijan resumed.\n\nGermany condemned the attacks on civilians.\n"
    assert not [x for x in triples(text) if x[1] == "condemn"]


def test_rocket_fire_is_an_attack_whose_agent_the_article_names():
    text = "Hamas fired rockets at Israel on Saturday.\n\nBritain condemned the rocket attacks.\n"
    assert triples(text, day=date(2023, 10, 7)) == {("GBR", "condemn", ("HAMAS",))}


@pytest.mark.parametrize("verb", ["saying", "telling reporters"])
def test_the_one_an_agency_quotes_as_saying_speaks(verb):
    text = ("Fighting between Armenia and Azerbaijan went on.\n\n"
            f"The agency quoted Cavusoglu as {verb} that Turkey fully backed Azerbaijan.\n")
    assert triples(text) == {("TUR", "support", ("AZE",))}



@pytest.mark.parametrize("subject", ["The militant group Hamas has", "The Islamist movement Hamas", "Hamas"])
def test_a_group_introduced_by_what_it_is_speaks(subject):
    text = f"{subject} congratulated the Taliban on taking Kabul.\n"
    assert triples(text, day=date(2021, 8, 16)) == {("HAMAS", "praise", ("TALIBAN",))}


def test_a_subject_before_an_aside_speaks_for_a_later_cue():
    text = ("Fighting between Ethiopia and the TPLF went on.\n\n"
            "Kenya, which had kept silent for weeks, has now voiced its concern about the fighting.\n")
    assert triples(text, day=date(2020, 11, 20)) == {("KEN", "concern", ("ETH", "TPLF"))}


def test_an_aside_inside_the_subject_gives_no_speaker():
    # the subject is "the clashes between ...", not the group named before the aside
    text = ("Fighting between Ethiopia and the TPLF went on.\n\n"
            "The clashes between the army and the TPLF movement, which began a month ago, are causing "
            "growing concern.\n")
    assert triples(text, day=date(2020, 11, 20)) == set()


ROUND_UP = """Fighting between Israel and Hamas went on.

- Norway -

"We are deeply worried by what is happening," the statement said.

IRISH FOREIGN MINISTER

"Ireland stands with Israel."

"The bloodshed is alarming and dangerous."
"""


def test_a_header_line_names_who_speaks_in_the_paragraphs_under_it():
    got = triples(ROUND_UP, day=date(2023, 10, 7))
    assert got == {("NOR", "concern", ("HAMAS", "ISR")), ("IRL", "support", ("ISR",)),
                   ("IRL", "concern", ("HAMAS", "ISR"))}, got


@pytest.mark.parametrize("line", ["- Oil prices in Norway -", "– Norway's foreign minister",
                                  "The view from Norway today", "Norway."])
def test_a_line_is_no_header_when_it_is_more_than_a_speaker(line):
    text = f"Fighting between Israel and Hamas went on.\n\n{line}\n\n\"We are worried.\"\n"
    assert not [t for t in triples(text, day=date(2023, 10, 7)) if t[0] == "NOR"]


def test_concern_about_no_one_named_is_about_the_parties():
    text = ("Clashes between India and Pakistan went on.\n\n"
            "\"This could have dangerous consequences for the two countries,\" Japan's foreign minister said.\n")
    assert triples(text, day=date(2019, 2, 27)) == {("JPN", "concern", ("IND", "PAK"))}


def test_we_opening_a_statement_quoted_at_length_is_its_speaker():
    text = ("Fighting between Ethiopia and the TPLF went on.\n\n"
            "Kenya condemned the shelling of Mekelle by the TPLF.\n\n"
            "We appreciate Ethiopia's restraint. We are deeply concerned by this reckless attempt by the "
            "TPLF to widen the war.\n")
    got = triples(text, day=date(2020, 11, 20))
    assert {("KEN", "praise", ("ETH",)), ("KEN", "concern", ("TPLF",))} <= got, got


def test_we_inside_a_sentence_is_no_speaker():
    text = ("Fighting between Ethiopia and the TPLF went on.\n\n"
            "Kenya condemned the shelling of Mekelle by the TPLF.\n\n"
            "Residents said that we were all worried about the fighting.\n")
    assert not [t for t in triples(text, day=date(2020, 11, 20)) if t[1] == "concern"]


@pytest.mark.parametrize("name", ["TPLF’s", "TPLF's"])
def test_a_capitals_alias_with_a_possessive_is_named(name):
    text = ("Fighting between Ethiopia and the TPLF went on.\n\n"
            f"Britain denounced the {name} November 13 rocket attacks on the Mekelle and Adigrat airports.\n")
    assert triples(text, day=date(2020, 11, 20)) == {("GBR", "condemn", ("TPLF",))}


@pytest.mark.parametrize("sentence, expected", [
    ("Japan described the seizure of the port by the TPLF as “utterly criminal”.",
     ("JPN", "condemn", ("TPLF",))),
    ("Kenya branded the return of the TPLF to Mekelle as a disaster.", ("KEN", "condemn", ("TPLF",))),
])
def test_described_as_with_a_damning_word_condemns_the_actor_named(sentence, expected):
    text = "Fighting between Ethiopia and the TPLF went on.\n\n" + sentence + "\n"
    assert expected in triples(text, day=date(2020, 11, 20))


def test_described_as_without_a_damning_word_is_no_condemnation():
    text = ("Fighting between Ethiopia and the TPLF went on.\n\n"
            "Japan described the talks with the TPLF as a first step.\n")
    assert not [t for t in triples(text, day=date(2020, 11, 20)) if t[1] == "condemn"]


def test_what_a_state_should_have_done_accuses_it():
    text = ("Clashes between India and Pakistan went on.\n\n"
            "China said that India should have avoided unilateral action.\n")
    assert triples(text, day=date(2019, 2, 27)) == {("CHN", "accuse", ("IND",))}


def test_preventing_the_escalation_is_a_call_for_calm():
    text = ("Clashes between India and Pakistan went on.\n\n"
            "Japan hoped that Islamabad and New Delhi would work towards preventing the escalation.\n")
    assert triples(text, day=date(2019, 2, 27)) == {("JPN", "call_for_ceasefire", ("IND", "PAK"))}


def test_a_led_coalition_is_its_leader():
    text = ("Saudi Arabia and Iran traded accusations over Yemen.\n\n"
            "The Saudi-led coalition condemned the Houthi missile attacks on Riyadh.\n")
    assert ("SAU", "condemn", ("HOUTHIS",)) in triples(text, day=date(2017, 11, 5))


@pytest.mark.parametrize("text, expected", [
    ("Soldiers seized power in Niger last week.\n\nThe junta rejected the demands of ECOWAS.\n",
     {("NER", "oppose", ("ECOWAS",))}),
    ("Soldiers seized power in Niger last week.\n\nECOWAS condemned the junta.\n", {("ECOWAS", "condemn", ("NER",))}),
    ("Mali and ECOWAS argued over the elections.\n\nNiger's junta accused France of plotting an intervention.\n",
     {("NER", "accuse", ("FRA",))}),
    # no coup reported and no state named with it: the junta is nobody the alias data knows
    ("Talks went on in Abuja.\n\nThe junta rejected the demands of ECOWAS.\n", set()),
    # a state named right before it, without a possessive, owns it; across a full stop it does not
    ("Talks went on in Abuja.\n\nThe Malian junta accused France of plotting an intervention.\n",
     {("MLI", "accuse", ("FRA",))}),
    ("Talks went on in Mali.\n\nJunta leaders accused France of plotting an intervention.\n", set()),
])
def test_a_junta_is_the_state_whose_power_it_seized(text, expected):
    assert triples(text, day=date(2023, 8, 1)) == expected


def test_gold_names_fold_as_the_gold_header_says(tmp_path):
    """A military that seized power is its state and a coalition its leader, in the gold as in
    the extraction; a named group the alias data lacks stays unmatched."""
    (tmp_path / "gold.yaml").write_text(
        "a.txt:\n  parties: [[Niger junta], [ECOWAS]]\n  statements:\n"
        "    - {actor: Nigeria, stance: oppose/condemn, target: Niger's military government, quote: q}\n"
        "    - {actor: Saudi-led coalition, stance: accuse, target: Houthis, quote: q}\n"
        "    - {actor: Turkey, stance: oppose/condemn, target: Turkish coup plotters, quote: q}\n")
    g = load_gold(tmp_path / "gold.yaml", INDEX)["a.txt"]
    assert g.camps == (("NER",), ("ECOWAS",))
    assert [(set(i.actors), set(i.target)) for i in g.items] == [
        ({"NGA"}, {"NER"}), ({"SAU"}, {"HOUTHIS"}), ({"TUR"}, {"?turkish coup plotters"})]


@pytest.mark.parametrize("sentence", ["France called on Azerbaijan to halt its offensive.",
                                      "France urged Baku to immediately withdraw the troops it sent."])
def test_a_call_on_one_side_to_stop_its_acts_opposes_it(sentence):
    text = "Fighting between Armenia and Azerbaijan went on.\n\n" + sentence + "\n"
    assert triples(text) == {("FRA", "oppose", ("AZE",))}


def test_a_call_on_both_sides_to_stop_their_attacks_opposes_neither():
    text = "Fighting between Armenia and Azerbaijan went on.\n\nFrance urged Baku and Yerevan to stop their attacks.\n"
    assert not [t for t in triples(text) if t[1] == "oppose"]


@pytest.mark.parametrize("report", ["M23 rebels captured Goma on Tuesday.", "The M23 seized Goma on Tuesday."])
def test_the_agent_of_an_act_is_read_from_a_verb_too(report):
    text = report + "\n\nBritain condemned the capture of the city by the rebel group.\n"
    assert triples(text, day=date(2012, 11, 21)) == {("GBR", "condemn", ("M23",))}


def test_a_passive_act_names_no_agent():
    text = "Civilians were killed in Goma on Tuesday.\n\nBritain condemned the killing of civilians.\n"
    assert triples(text, day=date(2012, 11, 21)) == set()


@pytest.mark.parametrize("sentence, expected", [
    # the noun "call" starts no cue: the verb after it does
    ("In a phone call, Putin called for an immediate end to the hostilities.",
     {("RUS", "call_for_ceasefire", ("ARM", "AZE"))}),
    # no speaker is read in an opening phrase, even one naming an actor
    ("In a phone call with his Azerbaijani counterpart, Putin condemned the offensive by Azerbaijan.",
     {("RUS", "condemn", ("AZE",))}),
    ("In talks with his Azerbaijani counterpart, Putin urged restraint.",
     {("RUS", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("At the United Nations, France, Germany and Italy condemned the offensive by Azerbaijan.",
     {("FRA", "condemn", ("AZE",)), ("DEU", "condemn", ("AZE",)), ("ITA", "condemn", ("AZE",))}),
])
def test_an_opening_phrase_is_no_part_of_the_subject(sentence, expected):
    got = triples("Fighting between Armenia and Azerbaijan resumed.\n\n" + sentence + "\n")
    assert got == expected, got


@pytest.mark.parametrize("sentence, expected", [
    # a threat names whom it is aimed at
    ("Iran threatened to launch a new offensive unless Baghdad accepted its terms.", {("IRN", "threaten", ("IRQ",))}),
    ("Washington threatened further action against Moscow.", {("USA", "threaten", ("RUS",))}),
    # a demand made of a named actor opposes it; of nobody named, it is no statement
    ("China demanded that the US cancel its arms sales.", {("CHN", "oppose", ("USA",))}),
    ("China demanded that the arms sales be cancelled.", set()),
])
def test_threats_and_demands_aimed_at_a_named_actor(sentence, expected):
    got = triples("Relations worsened in the region.\n\n" + sentence + "\n", day=date(2019, 5, 1))
    assert got == expected, got


NK_WAR = "Fighting between Armenia and Azerbaijan resumed.\n\n"
SDF_OFFENSIVE = "Turkey launched an offensive against the Kurdish-led SDF in northern Syria.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # launching an offensive is a harm its reporter accuses the agent of
    ("Armenia's defence ministry said Azerbaijani forces had launched a new offensive in the south.",
     {("ARM", "accuse", ("AZE",))}),
    # a war it could turn into: a third party's concern
    ("Iran warned that the conflict could turn into a regional war.", {("IRN", "concern", ("ARM", "AZE"))}),
    # an aside opening with a preposition between the subject and its verb
    ("Aliyev, in an address to the nation, blamed Armenia for the escalation.", {("AZE", "accuse", ("ARM",))}),
    # the culprit named: "the aggressor", "the main instigator"
    ('"Turkey is the main instigator of this war," Pashinyan said.', {("ARM", "accuse", ("TUR",))}),
    ("Pashinyan said Azerbaijan was the aggressor.", {("ARM", "accuse", ("AZE",))}),
    ('"We are not the aggressors," Aliyev said.', set()),
    # responsibility borne, and help offered towards a solution
    ('"The Armenian leadership bears full responsibility," Aliyev said.', {("AZE", "accuse", ("ARM",))}),
    ("Iran said Tehran was ready to help both sides reach a peaceful solution.", {("IRN", "mediate", ("ARM", "AZE"))}),
    # the parties accusing each other, and a broken truce
    ("Both sides accused each other of violating the truce.",
     {("ARM", "accuse", ("AZE",)), ("AZE", "accuse", ("ARM",))}),
    ("Aliyev said Armenia had broken the truce within minutes.", {("AZE", "accuse", ("ARM",))}),
    # a second predicate: what was said is not what was rejected, and its speaker is the subject
    ('Armenia\'s foreign ministry dismissed the claims as "lies" and said Azerbaijani troops had attacked '
     "its positions.",
     {("ARM", "accuse", ("AZE",)), ("ARM", "oppose", ("AZE",))}),  # the claims a party dismisses: the other's
    ('Kenya\'s foreign ministry dismissed the claims as "lies" and said Azerbaijani troops had attacked '
     "Armenian positions.", {("KEN", "accuse", ("AZE",))}),
    ("Le Drian condemned the shelling of civilian areas and said Paris would not accept Turkish interference.",
     {("FRA", "oppose", ("TUR",))}),
    # harms reported by a party: strikes on places and people, weapons used against them, war crimes
    ("Armenia said Azerbaijani drones struck a maternity hospital in Stepanakert.", {("ARM", "accuse", ("AZE",))}),
    ("Baku said Armenian missiles hit residential areas of Ganja.", {("AZE", "accuse", ("ARM",))}),
    ("Armenia's defence ministry said Azerbaijani forces were using cluster munitions against residential areas.",
     {("ARM", "accuse", ("AZE",))}),
    ("Azerbaijan's prosecutor's office said 24 civilians had been killed by Armenian shelling.",
     {("AZE", "accuse", ("ARM",))}),
    ("Aliyev's aide said Armenia was committing war crimes.", {("AZE", "accuse", ("ARM",))}),
    ("Azerbaijan denied targeting civilians.", set()),
    ("Azerbaijani forces struck Armenian positions overnight.", set()),  # nobody reports it
])
def test_war_reporting_constructions(sentence, expected):
    got = triples(NK_WAR + sentence + "\n")
    assert got == expected, got


IRAN_STRIKE = "Iran launched hundreds of drones and missiles at Israel overnight.\n\n"


def test_who_attacked_whom_names_the_parties():
    x = extract_article(IRAN_STRIKE + "Germany condemned the attack.\n", url="https://e.org/q",
                        date=date(2024, 4, 14), index=INDEX)
    assert x.parties.camps == (("IRN",), ("ISR",))
    assert {(s.speaker, s.stance, s.targets) for s in x.statements} == {("DEU", "condemn", ("IRN",))}


@pytest.mark.parametrize("text, expected", [
    # an evaluation of the act, aimed at whoever the article says carried it out
    (IRAN_STRIKE + 'Britain said the attack was "reckless".\n', {("GBR", "condemn", ("IRN",))}),
    (IRAN_STRIKE + "Britain would continue to stand up for Israel's security, Sunak said.\n",
     {("GBR", "support", ("ISR",))}),
    (IRAN_STRIKE + "Germany reaffirmed its commitment to the security of Israel.\n", {("DEU", "support", ("ISR",))}),
])
def test_reactions_to_an_attack(text, expected):
    assert triples(text, day=date(2024, 4, 14)) == expected


def test_a_paragraphs_opening_label_names_its_speaker():
    text = (IRAN_STRIKE + "CHINA: The foreign ministry expressed deep concern.\n\n"
            "RUSSIA: The foreign ministry urged all sides to show restraint.\n\n"
            "SAUDI ARABIA: Riyadh called on all parties to exercise the utmost restraint.\n\n"
            "NOTE: The ministry said nothing more.\n")
    got = triples(text, day=date(2024, 4, 14))
    assert got == {("CHN", "concern", ("IRN", "ISR")), ("RUS", "call_for_ceasefire", ("IRN", "ISR")),
                   ("SAU", "call_for_ceasefire", ("IRN", "ISR"))}, got


GUINEA = "Special forces in Guinea detained President Alpha Conde on Sunday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # a demand for the release of the ousted president opposes who holds him (the state, after a coup)
    ("France called for the release of Alpha Conde.", {("FRA", "oppose", ("GIN",))}),
    ("France called for Alpha Conde's immediate release.", {("FRA", "oppose", ("GIN",))}),
    # "warned that ...": the warning is aimed at whom it names, and a capacity is no stance
    ("The United States warned that violence could limit Washington's ability to support Guinea.",
     {("USA", "warn", ("GIN",))}),
    # the same with a coordinated subject: the capacity claims no target, and its words are no evaluation
    ("The United States warned that violence and other measures could limit its ability to support Guinea.",
     {("USA", "warn", ("GIN",))}),
])
def test_reactions_to_a_coup(sentence, expected):
    assert triples(GUINEA + sentence + "\n", day=date(2021, 9, 6)) == expected


ANNEX = ("https://example.org/a\n2022-09-30\nRussia's annexation of four Ukrainian regions rejected worldwide\n\n"
         "Putin on Friday signed treaties to annex four regions of Ukraine.\n\n")


def test_the_title_names_the_parties_and_the_agent_of_the_act():
    x = extract_article(ANNEX + "The European Union said it condemns the illegal annexation.\n", index=INDEX)
    assert x.parties.camps == (("RUS",), ("UKR",))
    assert {(s.speaker, s.stance, s.targets) for s in x.statements} == {("EU", "condemn", ("RUS",))}


@pytest.mark.parametrize("sentence, expected", [
    ("Kazakhstan said it would not recognise the annexed regions as part of Russia.", {("KAZ", "oppose", ("RUS",))}),
    ("Ukraine's president said Kyiv would never accept the annexation.", {("UKR", "oppose", ("RUS",))}),
    # a vote's words are not the speaker's
    ("India abstained in a UN Security Council vote condemning the annexation.", set()),
    # the known members of a list ended by a name nobody knows speak
    ("France, Germany and the West condemned the annexation.",
     {("FRA", "condemn", ("RUS",)), ("DEU", "condemn", ("RUS",))}),
    # a reduced relative ("a move X denounced"): X's stance on the move's doer, never the doer's own
    ("Putin signed the treaties, a move Kyiv and the West denounced as illegal.", {("UKR", "condemn", ("RUS",))}),
    ("Putin signed the treaties, a move the West denounced as illegal.", set()),
])
def test_reactions_to_an_annexation(sentence, expected):
    x = extract_article(ANNEX + sentence + "\n", index=INDEX)
    assert {(s.on_behalf_of or s.speaker, s.stance, s.targets) for s in x.statements} == expected


def test_the_one_pass_cue_scan_finds_what_each_cue_finds_alone():
    """Lexicon.cue_matches gives, cue by cue, what finditer gives (less the nouns it skips), and
    every cue of extract.yaml is read for its first words (a cue that is not is scanned in full)."""
    from kg.ingest.article.lexicon import lexicon

    lex = lexicon()
    assert [c.stance for c in lex.cues if c.starts is None] == []

    def plain(cue, low):  # finditer, but a match at a noun is skipped and the search goes on after it
        pos, out = 0, []
        while (m := cue.rx.search(low, pos)) is not None:
            if not lex.noun_at(low, m.start()):
                out.append((id(cue), m.span()))
            pos = m.end() if not lex.noun_at(low, m.start()) else m.start() + 1
        return out

    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    texts.append("In a phone call with his counterpart, Putin called for a ceasefire and a call with Kyiv.")
    for text in texts:
        low = text.lower()
        assert [(id(c), m.span()) for c, m in lex.cue_matches(low)] == \
            [hit for c in lex.cues for hit in plain(c, low)], text[:60]


def test_a_live_blog_items_and_city_names():
    """Items of a list are sentences of their own, and a city shelled is no party: "between
    Armenia and Azerbaijan" names the parties, not "Azerbaijani forces shelled Stepanakert"."""
    text = ("https://example.org/live\n2020-10-10\nLive\n\n"
            "Fighting between Armenia and Azerbaijan went on.\n\n"
            "Armenia's defence ministry said Azerbaijani forces shelled Stepanakert overnight.\n\n"
            "Highlights:\n• Azerbaijan says Armenian forces attacked Ganja\n• Russia offers to host talks\n"
            "• France calls for an immediate ceasefire\n")
    x = extract_article(text, index=INDEX)
    assert x.parties.camps == (("ARM",), ("AZE",))
    assert {(s.speaker, s.stance, s.targets) for s in x.statements} == {
        ("ARM", "accuse", ("AZE",)), ("AZE", "accuse", ("ARM",)), ("RUS", "mediate", ("ARM", "AZE")),
        ("FRA", "call_for_ceasefire", ("ARM", "AZE"))}


@pytest.mark.parametrize("sentence, expected", [
    # the role data ends before the article's date, the text's title does not
    ("British Prime Minister Boris Johnson condemned Russia's invasion of Ukraine.", "GBR"),
    ("Former British Prime Minister Boris Johnson condemned Russia's invasion of Ukraine.", None),
    ("Boris Johnson condemned Russia's invasion of Ukraine.", None),
])
def test_a_known_person_speaks_for_the_state_of_the_title_the_text_gives(sentence, expected):
    x = extract_article("Russia's invasion of Ukraine went on.\n\n" + sentence, url="https://e.org/q",
                        date=date(2023, 1, 1), index=INDEX)
    assert [(s.speaker, s.on_behalf_of) for s in x.statements] == [("boris-johnson", expected)]


@pytest.mark.parametrize("sentence, expected", [
    ("Iran's religious leader Ruhollah Khomeini rejected Iraq's proposal.", {("IRN", "oppose", ("IRQ",))}),
    ("Mali's interim president Assimi Goita rejected the proposal of ECOWAS.", {("MLI", "oppose", ("ECOWAS",))}),
    # an opposition leader does not speak for the state
    ("Venezuela's opposition leader Maria Lopez rejected the proposal of Colombia.", set()),
])
def test_titles_with_a_qualifier_still_name_the_state(sentence, expected):
    x = extract_article("Talks stalled.\n\n" + sentence, url="https://e.org/q", date=date(2000, 1, 1), index=INDEX)
    assert {(s.on_behalf_of or s.speaker, s.stance, s.targets) for s in x.statements} == expected


def test_a_call_to_stop_the_attacks_on_a_victim_opposes_their_agent():
    text = ("A Saudi-led coalition launched air strikes on Yemen.\n\n"
            "Iran called for an immediate stop to the attacks on Yemen.\n")
    assert triples(text, day=date(2015, 3, 26)) == {("IRN", "oppose", ("SAU",))}


@pytest.mark.parametrize("sentence, expected", [
    ("Erdogan said the Minsk Group had failed to solve the conflict for nearly 30 years.",
     {("TUR", "accuse", ("OSCE_MG",))}),
    ("Pashinyan called on the world to recognise the independence of Nagorno-Karabakh.",
     {("ARM", "support", ("NKR",))}),
])
def test_more_war_reporting_constructions(sentence, expected):
    got = triples(NK_WAR + sentence + "\n")
    assert got == expected, got


@pytest.mark.parametrize("sentence, expected", [
    ("Greece castigated Ankara for its rhetoric.", {("GRC", "condemn", ("TUR",))}),
    ("The Kenyan foreign ministry censured Ethiopia over the incursion.", {("KEN", "condemn", ("ETH",))}),
    ("The United States faulted Azerbaijan for the escalation.", {("USA", "accuse", ("AZE",))}),
    ("Pakistan extolled Azerbaijan's restraint.", {("PAK", "praise", ("AZE",))}),
    ("Russia rebuffed a proposal from France.", {("RUS", "oppose", ("FRA",))}),
    # what someone is blamed or thanked for is not the speaker's stance
    ("France lambasted Turkey for backing Azerbaijan.", {("FRA", "condemn", ("TUR",))}),
    ("Pakistan thanked Turkey for its support.", {("PAK", "praise", ("TUR",))}),
    ("Thanks to Iran, the talks resumed.", set()),
])
def test_verbs_of_the_cameo_dictionary(sentence, expected):
    got = triples(NK_WAR + sentence + "\n")
    assert got == expected, got


@pytest.mark.parametrize("sentence, expected", [
    ("Armenia was condemned by the Council of Europe.", {("COE", "condemn", ("ARM",))}),
    ("Armenia was sharply criticised on Monday by France for the shelling.", {("FRA", "condemn", ("ARM",))}),
    ("Azerbaijan is backed by Turkey.", {("TUR", "support", ("AZE",))}),
    # no one named as the one who condemns or accuses: no statement, not the subject's
    ("Turkey was accused of sending mercenaries.", set()),
    ("The Armenian strikes were widely condemned.", set()),
    # an adjective, not a passive: the subject's own concern
    ("Iran was deeply concerned, its foreign ministry said.", {("IRN", "concern", ("ARM", "AZE"))}),
])
def test_a_stance_verb_in_the_passive_is_the_agents(sentence, expected):
    got = triples(NK_WAR + sentence + "\n")
    assert got == expected, got


@pytest.mark.parametrize("sentence, expected", [
    ("President Tokayev urged both sides to show restraint.", {("KAZ", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("Prime Minister Modi voiced support for Armenia.", {("IND", "support", ("ARM",))}),
    ("Emir Tamim called on Azerbaijan to halt its offensive.", {("QAT", "oppose", ("AZE",))}),
    # one name and no title, a former holder, or a title the person did not hold: no one known
    ("Tokayev urged both sides to show restraint.", set()),
    ("Former President Nazarbayev urged both sides to show restraint.", set()),
    ("Prime Minister Tokayev urged both sides to show restraint.", set()),
])
def test_a_head_of_state_named_by_title_and_one_name(sentence, expected):
    got = triples(NK_WAR + sentence + "\n")
    assert got == expected, got


@pytest.mark.parametrize("sentence, expected", [
    ("Officials in Ankara said they backed Baku in every way.", {("TUR", "support", ("AZE",))}),
    ("Senior government officials in Tehran voiced support for Armenia.", {("IRN", "support", ("ARM",))}),
    # diplomats serve abroad, residents speak for no state, and "US officials in Ankara" are not Turkey's
    ("Western diplomats in Moscow voiced support for Armenia.", set()),
    ("Residents in Ankara voiced support for Azerbaijan.", set()),
    ("US officials in Ankara voiced support for Armenia.", set()),
])
def test_officials_in_a_capital_speak_for_its_state(sentence, expected):
    got = triples(NK_WAR + sentence + "\n")
    assert got == expected, got


@pytest.mark.parametrize("sentence, expected", [
    ("France said Turkey must withdraw its troops from Syria.", {("FRA", "oppose", ("TUR",))}),
    ("Russia said on Tuesday that Azerbaijan should immediately release the prisoners.",
     {("RUS", "oppose", ("AZE",))}),
    ("Azerbaijan must halt its offensive, France said on Monday.", {("FRA", "oppose", ("AZE",))}),
    ("Germany said both sides must stop the fighting.", {("DEU", "call_for_ceasefire", ("ARM", "AZE"))}),
    # what the speaker itself must do, or a subject that is no actor: no demand of anyone
    ("France said it must withdraw its citizens.", set()),
    ("Turkey must withdraw its troops from Syria.", set()),
])
def test_what_a_named_actor_must_undo_opposes_it(sentence, expected):
    got = triples(NK_WAR + sentence + "\n")
    assert got == expected, got


@pytest.mark.parametrize("sentence, expected", [
    ("Iran warned both sides that it would not tolerate any violation of its territory.",
     {("IRN", "warn", ("ARM", "AZE"))}),
    ("Russia warned the two sides against any escalation.", {("RUS", "warn", ("ARM", "AZE"))}),
    ("Qatar praised both sides for agreeing to the truce.", {("QAT", "praise", ("ARM", "AZE"))}),
    # a party does not address "both sides" of its own conflict
    ("Armenia warned both sides.", set()),
])
def test_both_sides_named_after_a_cue_are_the_parties(sentence, expected):
    got = triples(NK_WAR + sentence + "\n")
    assert got == expected, got


@pytest.mark.parametrize("sentence, expected", [
    ("According to the Kremlin, Putin called for an end to the fighting.",
     {("RUS", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("According to Iran, Turkey voiced support for Azerbaijan.", {("TUR", "support", ("AZE",))}),
    ("According to Iran, Armenia is the aggressor.", {("IRN", "accuse", ("ARM",))}),
    ("Azerbaijan is the aggressor, according to Armenia.", {("ARM", "accuse", ("AZE",))}),
    ("Turkey is responsible for the escalation, Armenia said.", {("ARM", "accuse", ("TUR",))}),
    # a claim nobody is said to make
    ("Armenia is the aggressor.", set()),
])
def test_according_to_and_claims_about_a_subject(sentence, expected):
    got = triples(NK_WAR + sentence + "\n")
    assert got == expected, got


@pytest.mark.parametrize("sentence, expected", [
    ("The foreign ministry in Ankara said it stood by Azerbaijan.", {("TUR", "support", ("AZE",))}),
    ("Turkey's foreign ministry in Ankara said it stood by Azerbaijan.", {("TUR", "support", ("AZE",))}),
    ("In Moscow, the foreign ministry called for an immediate ceasefire.",
     {("RUS", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("In Tehran, a foreign ministry spokesman urged both sides to show restraint.",
     {("IRN", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("A statement from the Iranian presidency called for restraint.",
     {("IRN", "call_for_ceasefire", ("ARM", "AZE"))}),
    # an embassy serves abroad: it speaks for its own state, never for the one it sits in;
    # an office named by no state after an opening phrase of no place
    ("China's embassy in Baku voiced support for Azerbaijan.", {("CHN", "support", ("AZE",))}),
    ("In a statement, the foreign ministry voiced support for Armenia.", set()),
])
def test_offices_named_by_their_capital_or_their_statement(sentence, expected):
    got = triples(NK_WAR + sentence + "\n")
    assert got == expected, got


@pytest.mark.parametrize("text, expected", [
    ("Russia's foreign ministry issued a statement. It called for an immediate ceasefire.",
     {("RUS", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("Iran's foreign minister spoke to his Azerbaijani counterpart. He urged restraint.",
     {("IRN", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("Putin phoned Aliyev on Monday. He called for an end to the fighting.",
     {("RUS", "call_for_ceasefire", ("ARM", "AZE"))}),
])
def test_he_or_it_after_a_sentence_of_contact(text, expected):
    got = triples(NK_WAR + text + "\n")
    assert got == expected, got


@pytest.mark.parametrize("sentence, expected", [
    # the country an intervention or an attack would happen in is its place, not the one opposed
    ("Algeria rejected any foreign military intervention in Guinea.", set()),
    ("Mali warned that any military intervention in Guinea would be a declaration of war.", set()),
])
def test_the_country_an_act_happens_in_is_no_target(sentence, expected):
    assert triples(GUINEA + sentence + "\n", day=date(2021, 9, 6)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The EU said it would not recognise the coup leaders.", {("EU", "oppose", ("GIN",))}),
    ("The African Union condemned the putschists.", {("AU", "condemn", ("GIN",))}),
])
def test_coup_leaders_and_putschists_are_the_junta(sentence, expected):
    lead = "Soldiers seized power in Guinea on Sunday and detained President Alpha Conde.\n\n"
    assert triples(lead + sentence + "\n", day=date(2021, 9, 6)) == expected


HAMAS_ATTACK = "Hamas fighters attacked Israel on Saturday, and Israel struck Gaza in response.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    ("Iran praised the attack.", {("IRN", "praise", ("HAMAS",))}),
    ("Iran condemned the attack.", {("IRN", "condemn", ("HAMAS",))}),
    ("Qatar held Israel solely responsible for the escalation.", {("QAT", "accuse", ("ISR",))}),
])
def test_the_agent_of_a_praised_act_and_who_is_held_responsible(sentence, expected):
    assert triples(HAMAS_ATTACK + sentence + "\n", day=date(2023, 10, 8)) == expected


ANNEXATION = "Russia annexed four regions of Ukraine on Friday after staged referendums.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    ("Hungary said it would veto any new sanctions against Russia.", set()),
    ("Hungary blocked new sanctions on Russia.", set()),
    ("The EU imposed new sanctions on Russia.", {("EU", "warn", ("RUS",))}),
])
def test_sanctions_vetoed_or_blocked_are_no_warning(sentence, expected):
    assert triples(ANNEXATION + sentence + "\n", day=date(2022, 9, 30)) == expected


def test_a_partys_fighters_attacking_name_the_parties():
    text = HAMAS_ATTACK + "Saudi Arabia called for an immediate halt to the escalation.\n"
    assert triples(text, day=date(2023, 10, 8)) == {("SAU", "call_for_ceasefire", ("HAMAS", "ISR"))}


@pytest.mark.parametrize("sentence, expected", [
    # what the accused is said to have done names no one accused
    ("Russia accused Western countries of arming Ukraine.", set()),
    ("Israel accused Iran of funding Hamas.", {("ISR", "accuse", ("IRN",))}),
    # whom a supported right is defended against is no one supported
    ("The US said it supported Israel's right to defend itself against Hamas.", {("USA", "support", ("ISR",))}),
])
def test_the_object_of_an_accused_act_or_of_a_defence_is_no_target(sentence, expected):
    assert triples(HAMAS_ATTACK + sentence + "\n", day=date(2023, 10, 8)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Iran's foreign ministry said it was following events closely. "
     "The ministry urged both sides to exercise restraint.", {("IRN", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("Turkish President Recep Tayyip Erdogan addressed parliament. "
     "The president voiced full support for Azerbaijan.", {("TUR", "support", ("AZE",))}),
    # no one spoke before: "the ministry" is nobody's
    ("The ministry urged both sides to exercise restraint.", set()),
])
def test_the_office_named_again_is_the_last_speaker(text, expected):
    assert triples(NK_WAR + text + "\n") == expected


@pytest.mark.parametrize("sentence, expected", [
    ('Pashinyan said: "Turkey is behind this war."', {("ARM", "accuse", ("TUR",))}),
    ("Iran said Azerbaijan was a threat to regional peace.", {("IRN", "accuse", ("AZE",))}),
    ('Iran\'s foreign minister tweeted: "We are ready to help both neighbours reach a lasting peace."',
     {("IRN", "mediate", ("ARM", "AZE"))}),
    ("Armenia said it was behind the efforts of the co-chairs.", set()),
])
def test_the_culprit_behind_a_war_and_help_to_reach_peace(sentence, expected):
    assert triples(NK_WAR + sentence + "\n") == expected


def test_the_african_unions_peace_and_security_council_is_the_african_union():
    text = ("Fighting erupted between Sudan's army and the Rapid Support Forces in Khartoum on Saturday.\n\n"
            "The African Union's Peace and Security Council condemned the fighting.\n")
    assert triples(text, day=date(2023, 4, 16)) == {("AU", "condemn", ("RSF", "SDN"))}


SOLEIMANI = "A US drone strike killed Iranian general Qassem Soleimani in Baghdad on Friday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    ("Iraq's caretaker prime minister called the strike an act of aggression against Iraq.",
     {("IRQ", "condemn", ("USA",))}),
    ("Iran's foreign minister called the killing an act of international terrorism.",
     {("IRN", "condemn", ("USA",))}),
    ("Iran condemned the strike.", {("IRN", "condemn", ("USA",))}),
])
def test_an_act_named_a_crime_and_an_adjectival_agent(sentence, expected):
    assert triples(SOLEIMANI + sentence + "\n", day=date(2020, 1, 3)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The United States said it had no plans to recognise the Taliban.", {("USA", "oppose", ("TALIBAN",))}),
    ("Russia said it was in no hurry to recognise the Taliban.", {("RUS", "oppose", ("TALIBAN",))}),
])
def test_no_plans_to_recognise_is_opposition(sentence, expected):
    text = "The Taliban seized Kabul on Sunday as the Afghan government collapsed.\n\n" + sentence + "\n"
    assert triples(text, day=date(2021, 8, 16)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ('Japan voiced "grave concern" over the fighting.', {("JPN", "concern", ("ARM", "AZE"))}),
    ('Pakistan voiced "full support" for Azerbaijan.', {("PAK", "support", ("AZE",))}),
    ("Sweden said the fighting must stop now.", {("SWE", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("Argentina urged both sides to refrain from the use of force.",
     {("ARG", "call_for_ceasefire", ("ARM", "AZE"))}),
])
def test_scare_quotes_and_more_ways_to_ask_for_calm(sentence, expected):
    assert triples(NK_WAR + sentence + "\n") == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The European Union suspended its budget support to Conakry.", set()),
    ("ECOWAS said it did not rule out the use of force.", {("ECOWAS", "threaten", ("GIN",))}),
    ("Nigeria said the region would not accept the coup.", {("NGA", "oppose", ("GIN",))}),
])
def test_support_withdrawn_force_kept_open_and_the_coups_agent(sentence, expected):
    lead = "Soldiers seized power in Guinea on Sunday and detained President Alpha Conde.\n\n"
    assert triples(lead + sentence + "\n", day=date(2021, 9, 6)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Mr. Putin called for a ceasefire.", {("RUS", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("“We call on both sides to stop,” said Josep Borrell, the EU’s foreign policy chief.",
     {("EU", "call_for_ceasefire", ("ARM", "AZE"))}),
])
def test_an_abbreviated_title_and_a_bare_call_to_stop(sentence, expected):
    assert triples(NK_WAR + sentence + "\n") == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The coalition accused Iran of supplying missiles to the Houthi rebels.", {("SAU", "accuse", ("IRN",))}),
    # the lead's parties: the coalition and the Houthis it struck
    ("The UN envoy for Yemen urged the warring parties to engage in talks.",
     {("UN", "call_for_ceasefire", ("HOUTHIS", "SAU"))}),
])
def test_the_coalition_named_again_and_an_envoy_for_a_country(sentence, expected):
    lead = "The Saudi-led coalition launched air strikes on Houthi positions in Yemen on Monday.\n\n"
    assert triples(lead + sentence + "\n", day=date(2019, 9, 16)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Beijing lodged a strong protest with Washington over the visit.", {("CHN", "oppose", ("USA",))}),
    ("Taiwan thanked the United States for its unwavering support.", {("TWN", "praise", ("USA",))}),
])
def test_a_protest_lodged_and_what_someone_is_thanked_for(sentence, expected):
    lead = "US House Speaker Nancy Pelosi visited Taiwan on Tuesday, and China launched drills.\n\n"
    assert triples(lead + sentence + "\n", day=date(2022, 8, 3)) == expected


INVASION = "Russian forces invaded Ukraine from the north on Thursday, and Russia launched missile strikes on Kyiv.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    ("British Prime Minister Boris Johnson called Putin a dictator.", {("GBR", "condemn", ("RUS",))}),
    ("Beijing said it understood Russia's legitimate security concerns.", {("CHN", "support", ("RUS",))}),
    ("France said the invasion was totally unacceptable.", {("FRA", "condemn", ("RUS",))}),
    # an aside between the subject and its verb negates nothing
    ("China, which has declined to criticise Moscow, urged all parties to exercise restraint.",
     {("CHN", "call_for_ceasefire", ("RUS", "UKR"))}),
    # whose envoy to the United Nations the sentence does not say: not the United Nations'
    ("India abstained. Its envoy to the United Nations called for an immediate cessation of violence.", set()),
])
def test_reactions_to_an_invasion(sentence, expected):
    assert triples(INVASION + sentence + "\n", day=date(2022, 2, 24)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # an act done in retaliation is no warning
    ("Iran launched drones at Israel in retaliation for a strike on its consulate, Israeli officials said.",
     set()),
    ("The attack was condemned by the Group of Seven, whose leaders said they stood with Israel.",
     {("G7", "condemn", ("IRN",)), ("G7", "support", ("ISR",))}),
])
def test_retaliation_a_passive_condemnation_of_an_act_and_whose_leaders(sentence, expected):
    lead = "Iran launched drones and missiles at Israel overnight.\n\n"
    assert triples(lead + sentence + "\n", day=date(2024, 4, 14)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("India's army said Pakistani forces had opened fire without provocation.", {("IND", "accuse", ("PAK",))}),
    # the role data ends in 2023; the title before the name is the one of his latest role
    ('"India will bear the consequences," Prime Minister Shehbaz Sharif wrote.', {("PAK", "warn", ("IND",))}),
    ('"India will bear the consequences," former Prime Minister Shehbaz Sharif wrote.', set()),
])
def test_opened_fire_and_a_title_the_role_data_has_not_caught_up_with(sentence, expected):
    lead = "Troops from India and Pakistan exchanged fire along the Line of Control overnight.\n\n"
    assert triples(lead + sentence + "\n", day=date(2025, 5, 8)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Spain said it would formally recognise a Palestinian state.", {("ESP", "support", ("PSE",))}),
    ("China did not answer whether it would recognise the Taliban.", set()),
    ("Russia said it would not recognise the Taliban.", {("RUS", "oppose", ("TALIBAN",))}),
])
def test_recognising_a_state_or_a_government_supports_it(sentence, expected):
    lead = "The Taliban seized Kabul on Sunday as the Afghan government collapsed.\n\n"
    assert triples(lead + sentence + "\n", day=date(2021, 8, 16)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Iran promised swift retaliation against Israel.", {("IRN", "warn", ("ISR",))}),
    ("Iran warned Israel of retaliation for any further strike.", {("IRN", "warn", ("ISR",))}),
    ("Iran launched drones at Israel in retaliation for the strike.", set()),
])
def test_retaliation_promised_is_a_warning(sentence, expected):
    text = "Iran launched drones and missiles at Israel overnight.\n\n" + sentence + "\n"
    assert triples(text, day=date(2024, 4, 14)) == expected


OFFENSIVE = "Ethiopian forces launched an offensive against the rebels in the north on Saturday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # the article reports one act of war: "this attack" is that offensive, whatever it is called
    ('"We condemn this attack in the strongest terms," said Kenya\'s foreign minister.',
     {("KEN", "condemn", ("ETH",))}),
    # a question is no stance
    ("A spokesman for Sudan's foreign ministry declined to say whether Khartoum backed Ethiopia.", set()),
    ("Egypt said it would take all necessary measures against Ethiopia.", {("EGY", "warn", ("ETH",))}),
    ("Sudan said it would not hesitate to defend its borders against Ethiopia.", {("SDN", "warn", ("ETH",))}),
    ("Kenya said it would take all necessary measures to help the displaced.", set()),
])
def test_one_act_of_war_by_any_name_a_question_and_measures_vowed(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


def test_a_siege_is_done_to_the_place_named_after_it():
    text = NK_WAR + "Azerbaijani drones attacked Stepanakert overnight. Armenia condemned the siege of Stepanakert.\n"
    assert triples(text, day=date(2020, 10, 2)) == {("ARM", "condemn", ("AZE",))}


@pytest.mark.parametrize("sentence, expected", [
    # who launched the offensive is a party, though the other side is named by no alias
    ("The Kenyan president called for an immediate ceasefire.", {("KEN", "call_for_ceasefire", ("ETH",))}),
    # "he" after a sentence whose subject travelled
    ("Kenyan President William Ruto flew to Addis Ababa on Sunday. He called for an immediate ceasefire.",
     {("KEN", "call_for_ceasefire", ("ETH",))}),
    ('"The offensive must stop now," Kenya\'s foreign minister told reporters.', {("KEN", "oppose", ("ETH",))}),
    # the Foreign Office of another state than the one the alias data calls so
    ("The German Foreign Office urged Ethiopia to halt the offensive.", {("DEU", "oppose", ("ETH",))}),
    ("Germany's Federal Foreign Office urged Ethiopia to halt the offensive.", {("DEU", "oppose", ("ETH",))}),
    ("The British Foreign Office urged Ethiopia to halt the offensive.", {("GBR", "oppose", ("ETH",))}),
])
def test_the_agent_of_an_act_is_a_party_and_speakers_of_wire_copy(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


def test_tigray_rebels_are_the_tplf():
    lead = "Ethiopian forces launched an offensive against Tigray rebels in the north on Saturday.\n\n"
    text = lead + "UN Secretary-General Antonio Guterres called for an immediate ceasefire.\n"
    assert triples(text, day=date(2023, 8, 1)) == {("UN", "call_for_ceasefire", ("ETH", "TPLF"))}


@pytest.mark.parametrize("sentence, expected", [
    ("Kenya described the offensive as unacceptable.", {("KEN", "condemn", ("ETH",))}),
    # an adjective in -ed after "was" is no passive
    ("Kenya said the offensive was unjustified.", {("KEN", "condemn", ("ETH",))}),
    ("Kenya was outraged by the offensive.", {("KEN", "condemn", ("ETH",))}),
    ("The offensive was condemned by Kenya.", {("KEN", "condemn", ("ETH",))}),
    ("Kenya expressed its deep regret over the offensive.", {("KEN", "oppose", ("ETH",))}),
    ("Kenya regretted Ethiopia's decision.", {("KEN", "oppose", ("ETH",))}),
])
def test_an_act_judged_inside_the_cue_by_a_feeling_or_with_regret(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


def test_an_armed_group_attacked_is_a_party_and_criticism_drawn_is_no_stance():
    text = ("Ethiopian forces launched an offensive against Tigray rebels on Saturday, drawing sharp "
            "criticism from across the region.\n\n"
            "The African Union appealed to both sides to cease hostilities.\n")
    x = extract_article(text, date=date(2023, 8, 1))
    assert x.parties.camps == (("ETH",), ("TPLF",))
    assert {(s.speaker, s.stance, s.targets) for s in x.statements} == {
        ("AU", "call_for_ceasefire", ("ETH", "TPLF"))}


ELECTION = ("Venezuela's electoral council declared President Nicolas Maduro the winner of Sunday's "
            "disputed election.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # an election's results are the state's that held it
    ("The United States said it did not recognise the results.", {("USA", "oppose", ("VEN",))}),
    ("Argentina's foreign ministry rejected the results.", {("ARG", "oppose", ("VEN",))}),
    ("The EU said the election was neither free nor fair.", {("EU", "oppose", ("VEN",))}),
    ("Lithuania said the elections were fraudulent.", {("LTU", "oppose", ("VEN",))}),
    ("Mexico said it would wait for the official results before taking a position.", set()),
])
def test_an_election_judged_is_judged_in_the_state_that_held_it(sentence, expected):
    assert triples(ELECTION + sentence + "\n", day=date(2024, 7, 30)) == expected


NIGER_COUP = "Soldiers seized power in Niger on Wednesday and detained President Mohamed Bazoum.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # the leader a coup ousted is held by the junta, which the gold folds into its state
    ("France demanded the immediate release of the president.", {("FRA", "oppose", ("NER",))}),
    ("The EU called for the release of Mohamed Bazoum.", {("EU", "oppose", ("NER",))}),
    # an ultimatum warns whom it is set
    ("The African Union gave the coup leaders 15 days to return to their barracks.", {("AU", "warn", ("NER",))}),
    ("ECOWAS issued an ultimatum to the junta.", {("ECOWAS", "warn", ("NER",))}),
    ("Spain gave the money to Niger.", set()),
    # whose stance a speaker reports is no target of it
    ("Nigeria's President Bola Tinubu said ECOWAS would not accept any action that disrupts "
     "constitutional order.", set()),
])
def test_a_release_demanded_an_ultimatum_and_a_stance_reported(sentence, expected):
    assert triples(NIGER_COUP + sentence + "\n", day=date(2023, 7, 30)) == expected


DRILLS = ("China launched live-fire military drills around Taiwan on Thursday after a visit by US House "
          "Speaker Nancy Pelosi.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # drills are China's: the "by" after "after a visit" is the visit's, and the next sentence's
    # first name is no agent of anything in this one
    ("Japan condemned the drills.", {("JPN", "condemn", ("CHN",))}),
    ("Washington said China's reaction was disproportionate.", {("USA", "condemn", ("CHN",))}),
])
def test_drills_a_reaction_and_who_did_what_stays_in_its_phrase(sentence, expected):
    assert triples(DRILLS + sentence + "\n", day=date(2022, 8, 5)) == expected


def test_the_agent_after_by_stays_in_its_sentence():
    from kg.ingest.article.mentions import Matcher, tokenize
    from kg.ingest.article.parties import infer_agents
    text = "Rockets were fired by Hamas fighters. Israel said the attacks by the group would be answered."
    toks = tokenize(text)
    assert infer_agents(toks, Matcher.of(ActorIndex.default()).mentions(text, toks), ActorIndex.default()) == {
        "attack": "HAMAS"}
    text = "Strikes hit the city overnight, carried out by\n\nIsrael said nothing."
    toks = tokenize(text)
    assert infer_agents(toks, Matcher.of(ActorIndex.default()).mentions(text, toks), ActorIndex.default()) == {}


@pytest.mark.parametrize("sentence, expected", [
    ("Azerbaijani presidential aide Hikmet Hajiyev said Armenian forces had shelled Ganja.",
     {("AZE", "accuse", ("ARM",))}),
    ("Armenia's defence ministry said Azerbaijani forces had struck Stepanakert.", {("ARM", "accuse", ("AZE",))}),
    ("The two sides struck a deal on Saturday.", set()),
    ("Russia and Turkey struck a new agreement on the corridor.", set()),
    ("Armenia said it was struck by the scale of destruction.", set()),
    ("Iran's President Hassan Rouhani warned that the conflict must not turn into a regional war.",
     {("IRN", "concern", ("ARM", "AZE"))}),
])
def test_a_presidential_aide_a_city_struck_and_a_war_that_must_not_spread(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 10, 11)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The Armenian defence ministry said Azerbaijan had resumed its offensive in the south.",
     {("ARM", "accuse", ("AZE",))}),
    ("Armenia said Turkey had sent F-16 fighter jets to Azerbaijan.", {("ARM", "accuse", ("TUR",))}),
    ("Israel has supplied Azerbaijan with weapons, Armenia said.", {("ARM", "accuse", ("ISR",))}),
    # the European Parliament is the European Union's
    ("The European Parliament called on Azerbaijan to stop its aggression.", {("EU", "oppose", ("AZE",))}),
    ("Amnesty International accused Armenia of using cluster munitions.", {("AMNESTY", "accuse", ("ARM",))}),
])
def test_an_offensive_resumed_arms_supplied_and_two_more_voices(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 10, 11)) == expected


KREMENCHUK = ("A Russian missile strike hit a shopping centre in the Ukrainian city of Kremenchuk on Monday, "
              "killing at least 18 people.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    ("Zelenskiy called the strike a terrorist act.", {("UKR", "condemn", ("RUS",))}),
    ("Ukraine's foreign minister Dmytro Kuleba said Russia must be held accountable.", {("UKR", "warn", ("RUS",))}),
    # what a statement someone blocked says is nobody's stance
    ("Hungary blocked an EU statement condemning the strike.", set()),
    ("Belarus said it stood shoulder to shoulder with Russia.", {("BLR", "support", ("RUS",))}),
])
def test_a_terrorist_act_accountability_a_blocked_statement_shoulder_to_shoulder(sentence, expected):
    assert triples(KREMENCHUK + sentence + "\n", day=date(2022, 6, 28)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a second verb with no subject of its own has the sentence's speaker
    ('Iran\'s mission to the United Nations said the matter "can be deemed concluded", but warned that if '
     "Israel made another mistake, the response would be more severe.", {("IRN", "warn", ("ISR",))}),
    ("Iran's mission to the United Nations said the matter was concluded but warned Israel against another "
     "mistake.", {("IRN", "warn", ("ISR",))}),
])
def test_a_second_verb_without_a_subject_keeps_the_sentences_speaker(sentence, expected):
    assert triples(IRAN_STRIKE + sentence + "\n", day=date(2024, 4, 14)) == expected


GOMA = "M23 rebels captured the eastern Congolese city of Goma on Monday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # "Congo" in wire copy is the Democratic Republic of the Congo
    ("Congo's government accused Rwanda of backing the rebels.", {("COD", "accuse", ("RWA",))}),
    # the group that captured the city and the state whose city it was are the two sides
    ("The Republic of Congo called for calm.", {("COG", "call_for_ceasefire", ("COD", "M23"))}),
    ("Kinshasa said the fall of Goma was a declaration of war by Rwanda.", {("COD", "accuse", ("RWA",))}),
    # a feeling about an act is aimed at whoever did it
    ("Britain said it was appalled by the capture of Goma.", {("GBR", "condemn", ("M23",))}),
])
def test_congo_a_war_declared_by_its_doer_and_a_feeling_about_an_act(sentence, expected):
    assert triples(GOMA + sentence + "\n", day=date(2025, 1, 28)) == expected


RED_SEA = ("Yemen's Houthi rebels attacked a commercial ship in the Red Sea on Thursday, the latest in a series "
           "of attacks on shipping.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    ("China called on the Houthis to stop harassing civilian ships.", {("CHN", "oppose", ("HOUTHIS",))}),
    # a call to end attacks opposes whoever the article says carries them out
    ("Egypt urged an end to the attacks on shipping.", {("EGY", "oppose", ("HOUTHIS",))}),
    # a hyphenated name before the act names its agents, not the victim's opponents
    ("Iran condemned the US-British strikes as a violation of Yemen's sovereignty.",
     {("IRN", "condemn", ("GBR", "USA"))}),
])
def test_a_call_to_stop_harassing_an_end_to_attacks_and_joint_strikes(sentence, expected):
    assert triples(RED_SEA + sentence + "\n", day=date(2024, 1, 12)) == expected


SYRIA_STRIKES = "Israel carried out air strikes on targets in Syria and Lebanon on Monday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # "by" in the next sentence names no agent of the strikes, and a statement by a ministry is its
    ("A statement by Egypt's foreign ministry condemned the strikes.", {("EGY", "condemn", ("ISR",))}),
    # the words before a quotation are what was said too
    ('The strikes were "a flagrant violation of international law", Iran\'s foreign ministry said.',
     {("IRN", "condemn", ("ISR",))}),
])
def test_a_statement_by_a_ministry_and_the_subject_before_a_quotation(sentence, expected):
    assert triples(SYRIA_STRIKES + sentence + "\n", day=date(2024, 4, 2)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("France has been accused by Baku of bias.", {("AZE", "accuse", ("FRA",))}),
    ("France, home to a large Armenian diaspora, has been accused by Baku of bias.", {("AZE", "accuse", ("FRA",))}),
])
def test_a_perfect_passive_and_a_subject_before_an_aside(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 10, 11)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Fighting intensified on Sunday, with both sides accusing each other of shelling civilian areas.",
     {("ARM", "accuse", ("AZE",)), ("AZE", "accuse", ("ARM",))}),
    ("Azerbaijan said Armenian forces had fired missiles at Ganja, its second-largest city.",
     {("AZE", "accuse", ("ARM",))}),
])
def test_both_sides_after_a_comma_and_missiles_fired_at_a_city(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 10, 5)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The separatist authorities in Nagorno-Karabakh accused Azerbaijan of targeting civilians.",
     {("NKR", "accuse", ("AZE",))}),
    # a harm denied is no accusation
    ("Azerbaijan's defence ministry said it had destroyed Armenian tanks and denied shelling civilians.", set()),
    ("Armenia's foreign ministry said Turkey was directly involved in the fighting.", {("ARM", "accuse", ("TUR",))}),
])
def test_authorities_in_karabakh_a_denied_harm_and_a_state_involved(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 10, 5)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Greece called on Turkey to stay out of the conflict.", {("GRC", "oppose", ("TUR",))}),
    # concern about a third state's acts is aimed at that state
    ("Canada's foreign minister said Ottawa was concerned about reports of Turkish involvement.",
     {("CAN", "concern", ("TUR",))}),
    ("Canada said it was concerned about the fighting.", {("CAN", "concern", ("ARM", "AZE"))}),
])
def test_a_call_to_stay_out_and_concern_about_a_third_states_acts(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 10, 5)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a call someone rejected is not theirs
    ("Azerbaijan rejected a call by the co-chairs for an immediate ceasefire.", set()),
    ("France rejected Turkey's claims and called for a ceasefire.",
     {("FRA", "oppose", ("TUR",)), ("FRA", "call_for_ceasefire", ("ARM", "AZE"))}),
])
def test_a_call_rejected_is_not_the_rejecters(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 10, 5)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "military action", "the operation" and "the intervention" are the offensive's other names
    ("Kenya called on Ethiopia to cease its unilateral military action.", {("KEN", "oppose", ("ETH",))}),
    ("Uganda voiced support for the operation.", {("UGA", "support", ("ETH",))}),
    ("Egypt condemned the intervention.", {("EGY", "condemn", ("ETH",))}),
    # the act inside a judgement whose object names the victim
    ("Egypt described the operation as a flagrant attack on the sovereignty of a neighbour.",
     {("EGY", "condemn", ("ETH",))}),
    ("Egypt called the offensive a blatant violation of Eritrea's sovereignty.", {("EGY", "condemn", ("ETH",))}),
    # "end it" when a sentence has named the act
    ("Sudan said the offensive risked a catastrophe and urged Ethiopia to end it.",
     {("SDN", "oppose", ("ETH",))}),
])
def test_an_offensive_by_its_other_names(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("name, actor", [
    ("the Kurdish-led Syrian Democratic Forces", "SDF"), ("the SDF", "SDF"), ("the YPG militia", "YPG"),
    ("the Kurdistan Workers Party", "PKK"), ("Hayat Tahrir al-Sham", "HTS"),
])
def test_armed_groups_of_the_syrian_war_are_known(name, actor):
    lead = "Turkish troops pushed into north-eastern Syria on Thursday.\n\n"
    assert triples(f"{lead}{name[0].upper() + name[1:]} accused Turkey of shelling civilian areas.\n",
                   day=date(2019, 10, 10)) == {(actor, "accuse", ("TUR",))}


def test_an_offensive_against_an_armed_group_of_our_own():
    # Written before its rules (first contact: P 1.00 R 0.47, 8 of 17); still out of reach: a
    # spokesman "for the force" (an armed group named by what it is) and a threat to "Europe".
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)["syria_offensive.txt"]
    s = score(reduce(extract_file(ARTICLES / "syria_offensive.txt", index=INDEX), INDEX), gold)
    assert s.precision == 1.0 and sorted(m.quote for m in s.misses) == [
        "a stab in the back", "threatening to send millions of refugees to Europe"], (s.misses, s.false)


@pytest.mark.parametrize("sentence, expected", [
    # "According to X, ..." opens what X said, a cue or an evaluation
    ("According to Kenya's foreign ministry, the offensive was reckless.", {("KEN", "condemn", ("ETH",))}),
    ('According to Uganda, the operation was "unacceptable".', {("UGA", "condemn", ("ETH",))}),
    # the content's own subject still speaks for itself, and a fact reported gives nothing
    ("According to the Kremlin, Putin called on Ethiopia to halt its offensive.", {("RUS", "oppose", ("ETH",))}),
    ("According to the UN, more than 100,000 people have fled the fighting.", set()),
])
def test_according_to_names_who_said_it(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a judgement of the act without "as": "called the offensive a (blatant) invasion"
    ('Kenya called the offensive a "blatant invasion".', {("KEN", "condemn", ("ETH",))}),
    ("Kenya called the operation an act of aggression.", {("KEN", "condemn", ("ETH",))}),
    # not a call on someone, nor a judgement of something else
    ("Kenya called the talks a success.", set()),
])
def test_a_judgement_of_the_act_without_as(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


def test_a_name_before_an_office_in_an_aside_speaks_for_it_later():
    # "Mazloum Abdi, the commander of the SDF, said ...": the later "Abdi" is the SDF's too
    text = ("Turkish troops pushed into north-eastern Syria on Thursday.\n\n"
            "Mazloum Abdi, the commander of the SDF, said his forces would abide by the pause. "
            "Abdi accused Turkey of violating it within hours.\n")
    assert triples(text, day=date(2019, 10, 17)) == {("SDF", "accuse", ("TUR",))}


def test_a_later_day_of_the_offensive_of_our_own():
    # Written before its rules (first contact: P 1.00 R 0.36, 4 of 11); still out of reach:
    # "vowed to respond to it" and two states that "echoed the criticism".
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)["syria_pause.txt"]
    s = score(reduce(extract_file(ARTICLES / "syria_pause.txt", index=INDEX), INDEX), gold)
    missed = ["echoed the criticism", "echoed the criticism", "vowed to respond to it everywhere on Syrian territory"]
    assert s.precision == 1.0 and sorted(m.quote for m in s.misses) == missed, (s.misses, s.false)


@pytest.mark.parametrize("sentence, expected", [
    # an office named without its state speaks for the state that spoke or acted just before
    ("Pakistan denied the claims. Foreign ministry spokesman Zahid Rana accused India of shelling villages.",
     {("PAK", "accuse", ("IND",))}),
    # ... and for none when no state did
    ("Foreign ministry spokesman Zahid Rana accused India of shelling villages.", set()),
    # "observe it" is the truce a call names before
    ("Japan called on both sides to strictly observe it.", {("JPN", "call_for_ceasefire", BOTH_IP)}),
    # taking part in the war: its subject, not the ally it fights beside
    ("India said China was fighting alongside Pakistan.", {("IND", "accuse", ("CHN",))}),
    # banned means of war, by whoever used them
    ("Amnesty International said it had verified the use of cluster munitions by India.",
     {("AMNESTY", "accuse", ("IND",))}),
    ("Pakistan denied using cluster munitions.", set()),
    # "Afghan mercenaries" says where they come from, not who sent them
    ("India said Afghan mercenaries were fighting for Pakistan.", {("IND", "accuse", ("PAK",))}),
])
def test_wire_shapes_of_a_two_sided_war(sentence, expected):
    assert triples(INDIA_PAK + sentence + "\n") == expected


def test_a_later_day_of_the_karabakh_war_of_our_own():
    # Written before its rules (first contact: P 0.80 R 0.57, 8 of 14, "Syrian mercenaries" read
    # as Syria); still out of reach: France's evidence of fighters passing through Turkey, and the
    # UN's "attacks on civilian areas", aimed at both sides but read as the one side whose strike
    # the article reports.
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)["nk_ganja.txt"]
    s = score(reduce(extract_file(ARTICLES / "nk_ganja.txt", index=INDEX), INDEX), gold)
    assert sorted(m.quote for m in s.misses) == [
        "deplored the attacks on civilian areas", "jihadist fighters were passing through Turkey"]
    assert [(f.speaker, f.stance, f.targets) for f in s.false] == [("UN", "oppose/condemn", ("ARM",))]


@pytest.mark.parametrize("sentence, expected", [
    # an act judged by what it is: its agent is the target ("the offensive was an invasion of")
    ("Kenya said the offensive was an invasion of a sovereign state.", {("KEN", "condemn", ("ETH",))}),
    ('"India\'s strikes are a flagrant breach of every norm," the Norwegian foreign minister said.', None),
    # a condition is no stance: "if the EU called the operation an invasion"
    ("Ethiopia threatened to expel aid agencies if Kenya called the operation an invasion.",
     {("ETH", "threaten", ("KEN",))}),
    # whom a speaker calls terrorists
    ("Ethiopia says the TPLF is a terrorist group.", {("ETH", "accuse", ("TPLF",))}),
    ("Addis Ababa regards the TPLF as a terrorist organisation.", {("ETH", "accuse", ("TPLF",))}),
    # "count on X to" and "expected X to" are calls too
    ('"I count on Ethiopia to act with restraint," Kenya\'s president said.',
     {("KEN", "call_for_ceasefire", ("ETH",))}),
])
def test_judgements_conditions_and_calls(sentence, expected):
    if expected is None:  # the evaluation's example, now a cue of its own
        assert triples(INDIA_PAK + sentence) == {("NOR", "condemn", ("IND",))}
        return
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


def test_every_cue_match_ends_at_a_word_end():
    """A cue that stops inside a word ("oppose" of "opposed") reads the wrong words after it:
    "China opposed the offensive" found no act to aim at."""
    from kg.ingest.article.lexicon import lexicon

    lex = lexicon()
    texts = [p.read_text(encoding="utf-8").lower() for p in sorted(ARTICLES.glob("*.txt"))]
    texts.append("china opposed it, opposes it and is opposing it. they accused, blamed, designated, "
                 "filed, provoked, ruled out, faced, invited and eased.")
    cut = [(c.stance, m.group()) for low in texts for c, m in lex.cue_matches(low)
           if m.end() < len(low) and low[m.end()].isalpha() and low[m.end() - 1].isalpha()]
    assert cut == []


@pytest.mark.parametrize("sentence, expected", [
    ("China said it opposed the offensive.", {("CHN", "oppose", ("ETH",))}),
    # "a spokesman for X" speaks for X; "the envoy for Yemen" still serves Yemen (test_review)
    ("A spokesman for the UN said it condemned the offensive.", {("UN", "condemn", ("ETH",))}),
])
def test_opposition_to_an_act_and_a_spokesman_for(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Kenya hit out at Addis Ababa.", {("KEN", "condemn", ("ETH",))}),
    ("Kenya blasted the offensive as reckless.", {("KEN", "condemn", ("ETH",))}),
    ("A bomb blasted the market.", set()),
    ("Kenya summoned Ethiopia's ambassador to protest the offensive.", {("KEN", "oppose", ("ETH",))}),
    ("Kenya summoned its ambassador for consultations.", set()),
    ("Kenya welcomed Ethiopia's decision to halt the offensive.", {("KEN", "praise", ("ETH",))}),
    ("Kenya sided with Ethiopia.", {("KEN", "support", ("ETH",))}),
    ("Kenya pledged military aid to Ethiopia.", {("KEN", "support", ("ETH",))}),
    ("Kenya said it would send troops to help Ethiopia.", {("KEN", "support", ("ETH",))}),
    ('Kenya described the offensive as "deeply troubling".', {("KEN", "concern", ("ETH",))}),
])
def test_more_wordings_of_reactions(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the act judged by name, in either order: "called the offensive reckless", "the attacks were reckless"
    ('An Egyptian foreign ministry statement called the offensive "reckless".', {("EGY", "condemn", ("ETH",))}),
    ("Egypt said the attacks were reckless and irresponsible.", {("EGY", "condemn", ("ETH",))}),
    ("Egypt called the operation a success.", set()),
])
def test_an_act_judged_by_name(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # who rules from a capital is the state, and the call may name it at length
    ("Kenya urged the government in Addis Ababa to halt the offensive.", {("KEN", "oppose", ("ETH",))}),
    ("Kenya condemned the authorities in Addis Ababa.", {("KEN", "condemn", ("ETH",))}),
    # a place is still a place
    ("Kenya voiced concern about the situation in Addis Ababa.", {("KEN", "concern", ("ETH",))}),
])
def test_the_government_in_a_capital(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("text, expected", [
    # the state a sentence opened with is the one "the country's" office and an office named
    # without its state speak for in the next
    ("Tanzania's position was different. The country's foreign minister, January Makamba, said "
     "Ethiopia had the right to restore order.", {("TZA", "support", ("ETH",))}),
    ('Burundi was also critical. "This is a grave mistake by Addis Ababa," a foreign ministry statement said.',
     {("BDI", "condemn", ("ETH",))}),
    # a diplomat named so may be anyone's; and the topic reaches one sentence only
    ("Kenya was silent. A Western diplomat said Ethiopia must stop the offensive.", set()),
    ("Burundi was also critical. Fighting went on. A foreign ministry statement condemned the offensive.", set()),
    # an aside that opens with a participle: "X, asked about the fighting, said"
    ("Rwanda's President Paul Kagame, asked about the fighting, said Ethiopia must stop this offensive.",
     {("RWA", "oppose", ("ETH",))}),
])
def test_the_state_just_named_and_asides(text, expected):
    assert triples(OFFENSIVE + text + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "according to a statement from X" and "a joint statement by X and Y" name who spoke
    ("Ethiopia must halt the offensive, according to a statement from the Kenyan foreign ministry.",
     {("KEN", "oppose", ("ETH",))}),
    ("A joint statement by Kenya and Uganda condemned the offensive.",
     {("KEN", "condemn", ("ETH",)), ("UGA", "condemn", ("ETH",))}),
    # the one joined in a stance is no target of it
    ("Kenya joined Uganda in condemning the offensive.", {("KEN", "condemn", ("ETH",))}),
])
def test_statements_from_and_stances_joined(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a stance an act or an actor drew, from those named after "from"
    ("The offensive drew sharp criticism from Kenya and Uganda.",
     {("KEN", "condemn", ("ETH",)), ("UGA", "condemn", ("ETH",))}),
    ("Ethiopia's move sparked condemnation from the African Union.", {("AU", "condemn", ("ETH",))}),
    # every actor after a passive's "by", and the subject as the target
    ("Ethiopia was condemned by Kenya and Uganda.", {("KEN", "condemn", ("ETH",)), ("UGA", "condemn", ("ETH",))}),
    ("The offensive has been widely condemned, including by Kenya and Uganda.",
     {("KEN", "condemn", ("ETH",)), ("UGA", "condemn", ("ETH",))}),
])
def test_stances_drawn_and_passives_of_several(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a stance as a noun, with the act after "of" or "to"
    ("Kenya voiced its opposition to the offensive.", {("KEN", "oppose", ("ETH",))}),
    ("Kenya expressed its rejection of the offensive.", {("KEN", "oppose", ("ETH",))}),
    ("Kenya expressed its strong condemnation of the offensive.", {("KEN", "condemn", ("ETH",))}),
])
def test_a_stance_named_as_a_noun(sentence, expected):
    x = extract_article(OFFENSIVE + sentence + "\n", url="https://example.org/t", date=date(2023, 8, 1), index=INDEX)
    assert {(s.speaker, s.stance, s.targets, s.all_parties) for s in x.statements} == {e + (False,) for e in expected}


def test_opposed_to_is_the_subjects_own_stance():
    # "is opposed to" is no passive (the whole word "opposed" is matched since the cue was mended)
    assert triples(OFFENSIVE + "Kenya is opposed to the offensive.\n", day=date(2023, 8, 1)) == \
        {("KEN", "oppose", ("ETH",))}


@pytest.mark.parametrize("sentence, expected", [
    # from the tuning half of PLOVER's gold sentences, in words of our own
    ("The United States on Thursday defended the right of Eritrea to respond.", {("USA", "support", ("ERI",))}),
    ("Kenya's president has refused to meet Ethiopia's visiting foreign minister.", {("KEN", "oppose", ("ETH",))}),
    ("Kenya refused to recognise the new government in Addis Ababa.", {("KEN", "oppose", ("ETH",))}),
    ("Kenya refused to comment.", set()),
])
def test_a_right_defended_and_a_meeting_refused(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "the military actions" are the offensive's; a promise broken accuses who broke it
    ("Kenya told Abiy that the military actions must stop immediately.", {("KEN", "oppose", ("ETH",))}),
    ("Kenya said Addis Ababa had broken its promise to refrain from military action.",
     {("KEN", "accuse", ("ETH",))}),
])
def test_military_actions_and_promises_broken(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # what the subject is told: it plays with fire, crossed a red line, will pay a price
    ('"Ethiopia is playing with fire," Kenya\'s foreign minister said.', {("KEN", "warn", ("ETH",))}),
    ('"The Ethiopian government has crossed a red line," Kenya\'s foreign minister said.',
     {("KEN", "condemn", ("ETH",))}),
    ('"Ethiopia\'s leaders will pay a heavy price," Kenya\'s foreign minister said.', {("KEN", "warn", ("ETH",))}),
    # the subject of a demand through who acts for it
    ("Kenya said the Ethiopian government must halt the offensive.", {("KEN", "oppose", ("ETH",))}),
])
def test_what_the_subject_is_told(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a body's size before its name is part of the subject
    ("The 15-member Security Council called on Ethiopia to halt the offensive.", {("UNSC", "oppose", ("ETH",))}),
    ("The six-nation Gulf Cooperation Council condemned the offensive.", {("GCC", "condemn", ("ETH",))}),
    ("The 27-member bloc condemned the offensive.", {("EU", "condemn", ("ETH",))}),
    # a court's order is a demand; UN agencies speak for themselves
    ("The International Court of Justice ordered Ethiopia to halt the offensive.", {("ICJ", "oppose", ("ETH",))}),
    ("UNICEF condemned the offensive.", {("UNICEF", "condemn", ("ETH",))}),
])
def test_bodies_by_their_size_courts_and_agencies(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Kenya as well as Uganda condemned the offensive.",
     {("KEN", "condemn", ("ETH",)), ("UGA", "condemn", ("ETH",))}),
    ("France, Germany as well as Britain condemned the offensive.",
     {("FRA", "condemn", ("ETH",)), ("DEU", "condemn", ("ETH",)), ("GBR", "condemn", ("ETH",))}),
])
def test_as_well_as_joins_speakers(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


ATTACK = ("Gunmen opened fire at a concert hall near Ankara on Friday, killing dozens. Turkey declared a day "
          "of mourning, and Turkish officials vowed to find those responsible.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # an attack nobody is said to have done: its condemnation is aimed at no one, not at its victim
    ("France condemned the attack.", set()),
    # whoever claimed it did it, with the act named or not
    ("The Islamic State group claimed responsibility for the attack. France condemned the attack.",
     {("FRA", "condemn", ("ISIS",))}),
    ("The Islamic State group claimed responsibility. France condemned the attack.", {("FRA", "condemn", ("ISIS",))}),
    ('The Islamic State group claimed responsibility for the attack. Greece condemned "the heinous and cowardly '
     'terrorist attack".',
     {("GRC", "condemn", ("ISIS",))}),
    # condolences go to whom they are sent
    ("Xi Jinping sent a message of condolence to Erdogan.", {("CHN", "support", ("TUR",))}),
    # a national security council is a state's, not the UN's; an unknown speaker's "said X condemned" is X's
    ("National Security Council spokesman John Kirby said the United States condemned the attack.", set()),
    ("The Islamic State group claimed responsibility for the attack. National Security Council spokesman John "
     "Kirby said the United States condemned the attack.", {("USA", "condemn", ("ISIS",))}),
])
def test_a_terror_attack(sentence, expected):
    assert triples(ATTACK + sentence + "\n", day=date(2024, 3, 23)) == expected


def test_a_terror_attack_of_our_own():
    # Written before its rules (first contact: P 0.17 R 0.11, 1 of 9: the attack's condemnations were
    # aimed at the state attacked, and the US National Security Council read as the UN's).
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)["concert_hall_attack.txt"]
    s = score(reduce(extract_file(ARTICLES / "concert_hall_attack.txt", index=INDEX), INDEX), gold)
    assert s.precision == 1.0 and s.recall == 1.0, (s.misses, s.false)


@pytest.mark.parametrize("lead, expected", [
    # condolences that name no one go to the party the one agent of the violence struck ...
    ("Gunmen attacked a concert hall near Moscow. The Islamic State group claimed responsibility for the "
     "attack, and Russia vowed revenge. Russian officials said 130 people died.\n\n",
     {("TUR", "support", ("RUS",)), ("KAZ", "support", ("RUS",))}),
    # ... and nowhere in a war both sides wage
    ("Fighting between Armenia and Azerbaijan went on.\n\n", set()),
])
def test_condolences_that_name_no_one(lead, expected):
    got = triples(lead + "Turkey and Kazakhstan also expressed their condolences.\n", day=date(2024, 3, 23))
    assert {t for t in got if t[1] == "support"} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Erdogan called Israel a terrorist state.", {("TUR", "condemn", ("ISR",))}),
    ("Kenya called Abiy a war criminal.", {("KEN", "condemn", ("ETH",))}),
])
def test_an_actor_called_names(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # an account demanded of someone (a shape of PLOVER's tuning half, in our words)
    ("Kenya demanded an explanation from Addis Ababa.", {("KEN", "oppose", ("ETH",))}),
    ("Uganda's parliament demanded an immediate admission by Ethiopia that its troops fired first.",
     {("UGA", "oppose", ("ETH",))}),
    ("Kenya demanded an apology.", set()),
])
def test_an_account_demanded(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "..., saying ...": the sentence's subject says it, not the name after the verb
    ('The United States ordered Ethiopian diplomats to leave, saying the offensive was a "reckless attempt" '
     "by Addis Ababa to redraw borders.", {("USA", "condemn", ("ETH",))}),
    ("Kenya accused Ethiopia of recklessness, saying Eritrea had pushed Addis Ababa to launch the offensive.",
     {("KEN", "accuse", ("ETH",))}),
])
def test_saying_is_the_subjects_speech(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("lead, camps", [
    # what only the two sides of a fight do together names them, whoever brokered it
    ("Armenia and Azerbaijan agreed on Tuesday to halt six weeks of fighting under a deal signed with "
     "Russia. Putin said Russia would send peacekeepers. Russia's defence ministry said Russia was ready. "
     "Armenia's parliament was stormed.\n\n", (("ARM",), ("AZE",))),
    ("India and Pakistan traded fire across the frontier. Russia said Russia was worried.\n\n",
     (("IND",), ("PAK",))),
    # two speakers who agree on something else are no pair
    ("France and Germany agreed to send aid to Ukraine. Russia attacked Ukraine.\n\n", (("RUS",), ("UKR",))),
])
def test_the_two_sides_of_a_fight_name_the_parties(lead, camps):
    x = extract_article(lead + "Kenya said nothing.\n", url="https://e.org/q", date=date(2020, 11, 10), index=INDEX)
    assert x.parties.camps == camps


@pytest.mark.parametrize("sentence, expected", [
    # fire "from X territory" is X's
    ("The Russian defence ministry said the crew had been killed by fire from Azerbaijani territory.",
     {("RUS", "accuse", ("AZE",))}),
    # a settlement called for, not only a ceasefire
    ("The European Union urged both sides to work towards a lasting settlement.",
     {("EU", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("The UN called on the parties to seek a negotiated solution.", {("UN", "call_for_ceasefire", ("ARM", "AZE"))}),
    # whose interests a deal must protect is whom the speaker backs
    ("France said the deal had to protect the interests of Armenia.", {("FRA", "support", ("ARM",))}),
    ("France said any deal must safeguard Armenia's legitimate interests.", {("FRA", "support", ("ARM",))}),
    ("Russia vowed to defend its national interests.", set()),
])
def test_the_end_of_a_war(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 11, 10)) == expected


def test_the_last_day_of_the_karabakh_war_of_our_own():
    # Written before its rules (first contact: P 0.83 R 0.62, 5 of 8: the parties were read as
    # Russia and Armenia, so Russia's complaint of fire from Azerbaijani territory went to Armenia).
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)["nk_armistice.txt"]
    s = score(reduce(extract_file(ARTICLES / "nk_armistice.txt", index=INDEX), INDEX), gold)
    assert s.precision == 1.0 and s.recall == 1.0, (s.misses, s.false)


@pytest.mark.parametrize("sentence, expected", [
    # two passives joined: each names its own speakers, about the same subject
    ("Ethiopia was condemned by Kenya and praised by Eritrea.",
     {("KEN", "condemn", ("ETH",)), ("ERI", "praise", ("ETH",))}),
    ("The offensive was condemned by Kenya and praised by Eritrea.",
     {("KEN", "condemn", ("ETH",)), ("ERI", "praise", ("ETH",))}),
    ("The strikes were condemned by Kenya and Uganda but backed by Eritrea.",
     {("KEN", "condemn", ("ETH",)), ("UGA", "condemn", ("ETH",)), ("ERI", "support", ("ETH",))}),
    # whose act it is, before the passive; an act praised is its agent's praise
    ("Ethiopia's offensive was condemned by Kenya.", {("KEN", "condemn", ("ETH",))}),
    ("The offensive was praised by Eritrea.", {("ERI", "praise", ("ETH",))}),
    # one act with two judgements is no second passive
    ("Kenya said the TPLF suffered an unprovoked and unjustified attack by Ethiopian forces.",
     {("KEN", "condemn", ("ETH",))}),  # the attack condemned: one condemnation, no accusation besides
])
def test_passives_joined_and_acts_judged_by_passive(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


def test_a_passive_names_no_agent_of_the_act_nor_a_party():
    # "the strikes were condemned by Kenya": Kenya condemns, it did not strike, and is no party
    x = extract_article(OFFENSIVE + "Ethiopia's strikes were condemned by Kenya.\n", url="https://e.org/q",
                        date=date(2023, 8, 1), index=INDEX)
    assert x.parties.camps == (("ETH",),)
    assert {(s.speaker, s.stance, s.targets) for s in x.statements} == {("KEN", "condemn", ("ETH",))}


@pytest.mark.parametrize("sentence, expected", [
    # an alias with a possessive inside it ("UN children's agency") is one name
    ("The UN children's agency UNICEF said it was alarmed by the fighting.",
     {("UNICEF", "concern", ("ETH",))}),
    # "the offensive must stop" demands it of its agent; it is no call on every party as well
    ("Kenya said the offensive must stop.", {("KEN", "oppose", ("ETH",))}),
    ("Kenya said the fighting must stop.", {("KEN", "call_for_ceasefire", ("ETH",))}),
    ("Kenya said the offensive must stop. Uganda said the offensive must stop too.",
     {("KEN", "oppose", ("ETH",)), ("UGA", "oppose", ("ETH",))}),
])
def test_an_agency_named_with_a_possessive_and_a_demand_that_an_act_stop(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "a move/an idea X <verb>ed": X's stance on whoever made the move
    ("Germany proposed a security zone in northern Syria, an idea Turkish Foreign Minister Mevlut "
     "Cavusoglu dismissed as unrealistic.", {("TUR", "oppose", ("DEU",))}),
    ("Turkey launched the offensive, a move France condemned.", {("FRA", "condemn", ("TUR",))}),
    # a proposal dismissed, rebuffed or spurned is rejected; a minister dismissed is not
    ("Cavusoglu dismissed the German proposal as unrealistic.", {("TUR", "oppose", ("DEU",))}),
    ("Turkey rebuffed the German proposal.", {("TUR", "oppose", ("DEU",))}),
    ("Erdogan dismissed his finance minister.", set()),
    # names called
    ("Syrian President Bashar al-Assad called Erdogan a thief who had stolen Syria's factories.",
     {("SYR", "condemn", ("TUR",))}),
])
def test_moves_dismissed_and_names_called(sentence, expected):
    assert triples(SDF_OFFENSIVE + sentence + "\n", day=date(2019, 10, 23)) == expected


def test_the_deal_that_ended_the_offensive_of_our_own():
    # Written before its rules (first contact: P 1.00 R 0.78, 7 of 9: "called Erdogan a thief"
    # and "an idea Cavusoglu dismissed as unrealistic" gave nothing).
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)["syria_sochi.txt"]
    s = score(reduce(extract_file(ARTICLES / "syria_sochi.txt", index=INDEX), INDEX), gold)
    assert s.precision == 1.0 and s.recall == 1.0, (s.misses, s.false)


@pytest.mark.parametrize("sentence, expected", [
    # rockets fired at a town, a few words on
    ("Azerbaijan said 21 civilians were killed when Armenian forces fired Smerch rockets carrying cluster "
     "munitions at the town of Barda.", {("AZE", "accuse", ("ARM",))}),
    # a truce's commitments; a verb negated before "and" is another verb
    ("The US said it was disappointed that the truce had not held and called on both sides to honour their "
     "commitments.", {("USA", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("Russia urged Iran to honour its commitments under the nuclear deal.", set()),
    # troops offered, treaty obligations to someone; "would not hesitate" negates nothing
    ("Erdogan said Turkey would not hesitate to send troops if Azerbaijan asked for them.",
     {("TUR", "support", ("AZE",))}),
    ("Putin said Moscow would honour its treaty obligations to Armenia if its territory came under attack.",
     {("RUS", "support", ("ARM",))}),
    # an attack on a condition is no accusation
    ("Russia would respond if Armenia came under attack.", set()),
    # a peace plan presented is an offer to mediate
    ("Iran's deputy foreign minister, Abbas Araghchi, presented a peace plan to both sides.",
     {("IRN", "mediate", ("ARM", "AZE"))}),
    ("Turkey did not send troops.", set()),
])
def test_a_later_day_of_the_war_in_wire_shapes(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 10, 28)) == expected


def test_a_strike_on_a_town_of_our_own():
    # Written before its rules (first contact: P 0.71 R 0.50, 5 of 10). Still false: the UN's
    # "shelling of populated areas could amount to war crimes", a warning to both sides read as
    # one to the side whose strike the article reports.
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)["nk_barda.txt"]
    s = score(reduce(extract_file(ARTICLES / "nk_barda.txt", index=INDEX), INDEX), gold)
    assert s.misses == [] and [(f.speaker, f.stance, f.targets) for f in s.false] == [
        ("OHCHR", "warn/threaten", ("ARM",))]


@pytest.mark.parametrize("sentence, expected", [
    # an act defended or backed is its agent's backing, whoever the call was with
    ("Qatar's emir defended the operation in a telephone call with Putin.", {("QAT", "support", ("TUR",))}),
    ("Qatar backed the offensive in a call with Putin.", {("QAT", "support", ("TUR",))}),
    ("Russia defended its decision.", set()),
    # another's "legitimate security concern" is no concern of the speaker's; lives put at risk are
    ("Pompeo said Turkey had a legitimate security concern but that the offensive put civilians at risk.",
     {("USA", "concern", ("TUR",))}),
    ("Pompeo said Turkey's offensive put thousands of civilians in danger.", {("USA", "concern", ("TUR",))}),
    ("Pompeo said the United States had a legitimate security concern.", set()),
])
def test_acts_defended_and_lives_put_at_risk(sentence, expected):
    assert triples(SDF_OFFENSIVE + sentence + "\n", day=date(2019, 10, 10)) == expected


def test_the_second_day_of_the_offensive_of_our_own():
    # Written before its rules (first contact: P 1.00 R 0.90, 9 of 10, one found for the wrong
    # reason: "Turkey had a legitimate security concern" read as the US's concern; Qatar's
    # defence of the operation missed).
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)["syria_unsc.txt"]
    s = score(reduce(extract_file(ARTICLES / "syria_unsc.txt", index=INDEX), INDEX), gold)
    assert s.precision == 1.0 and s.recall == 1.0, (s.misses, s.false)


@pytest.mark.parametrize("sentence, expected", [
    # an envoy recalled is a protest to the state
    ("Armenia recalled its ambassador to Israel for consultations over Israeli arms sales to Azerbaijan.",
     {("ARM", "oppose", ("ISR",))}),
    ("Russia recalled its ambassador from Kyiv for consultations.", {("RUS", "oppose", ("UKR",))}),
    # a demonym before fighters says where they come from, not who sent them; troops are the state's
    ("Iran congratulated Palestinian fighters.", set()),
    ("Armenia accused Syrian mercenaries of atrocities.", set()),
    ("France condemned Russian troops.", {("FRA", "condemn", ("RUS",))}),
])
def test_envoys_recalled_and_fighters_from_abroad(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 10, 5)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "the enemy" shelling, in a party's words: the other side
    ('"The enemy continues to shell peaceful settlements," Armenian defence ministry spokeswoman Shushan '
     "Stepanyan wrote on Facebook.", {("ARM", "accuse", ("AZE",))}),
    # a party against an act nobody is named for: the other side's act
    ('"We will never accept the occupation of our lands," Aliyev said.', {("AZE", "oppose", ("ARM",))}),
    # a third party's stance on it is aimed at no one
    ('"We will never accept the occupation of these lands," Kenya\'s president said.', set()),
])
def test_a_party_against_the_other_sides_acts(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 10, 5)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a state's office named with lower-case words between
    ("Armenia's health ministry accused Azerbaijan of targeting civilians.", {("ARM", "accuse", ("AZE",))}),
    ("The Armenian human rights ombudsman accused Azerbaijan of targeting civilians.",
     {("ARM", "accuse", ("AZE",))}),
    ("Azerbaijan's prosecutor-general's office accused Armenia of war crimes.", {("AZE", "accuse", ("ARM",))}),
    # lies and war crimes called; claims a party dismisses are the other side's
    ("The Armenian foreign ministry called the Azerbaijani statements a blatant lie.", {("ARM", "condemn", ("AZE",))}),
    ("Azerbaijan's foreign ministry called the shelling of Ganja a war crime.", {("AZE", "condemn", ("ARM",))}),
    ("Armenia dismissed the claims as disinformation.", {("ARM", "oppose", ("AZE",))}),
    # a demand to stay out, or to stop provocations
    ("Pompeo said Turkey should stay out of the conflict.", {("USA", "oppose", ("TUR",))}),
    ("Baku called on Yerevan to stop its provocations.", {("AZE", "oppose", ("ARM",))}),
    # shot down by another is an attack; by the speaker's own forces, or by each other, no accusation
    ("Pashinyan said a Turkish F-16 had shot down an Armenian Su-25 jet.", {("ARM", "accuse", ("TUR",))}),
    ("Armenia said it had shot down three Azerbaijani drones.", set()),
    ("Azerbaijan said its forces had shot down an Armenian drone.", set()),
    ("Armenia and Azerbaijan said they had shot down each other's drones.", set()),
    ("Armenia said it had come under heavy shelling overnight.", {("ARM", "accuse", ("AZE",))}),
])
def test_offices_lies_demands_and_downed_aircraft(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 10, 5)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # concerns, plural, about an act: its agent's; another's concerns are no concern of the speaker's
    ("Stoltenberg expressed serious concerns about the offensive.", {("NATO", "concern", ("TUR",))}),
    ("Japan voiced concerns over the fighting.", {("JPN", "concern", ("SDF", "TUR"))}),
    ("Japan said it understood Turkey's concerns.", {("JPN", "support", ("TUR",))}),
    # a call rejected is no call of the one who rejects it
    ("Erdogan rejected Trump's call for a ceasefire.", {("TUR", "oppose", ("USA",))}),
    # an arms embargo called for; dialogue pushed for
    ("Sweden called for an EU arms embargo on Turkey.", {("SWE", "warn", ("TUR",))}),
    ("Moscow said it would push for dialogue between the two sides.", {("RUS", "call_for_ceasefire", ("SDF", "TUR"))}),
    # the aggression "of" an army is its doing
    ("Saudi Arabia denounced the aggression of the Turkish army.", {("SAU", "condemn", ("TUR",))}),
    # ", with Athens calling ...": Athens speaks in its clause
    ("Greece and Cyprus condemned Turkey, with Athens calling the offensive a flagrant violation of "
     "international law.", {("GRC", "condemn", ("TUR",)), ("CYP", "condemn", ("TUR",))}),
])
def test_concerns_rejected_calls_embargoes_and_absolute_clauses(sentence, expected):
    assert triples(SDF_OFFENSIVE + sentence + "\n", day=date(2019, 10, 14)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "Asked about ..." is a question put, no call
    ("Asked about the fighting, Lavrov urged both sides to show restraint.",
     {("RUS", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("Lavrov urged both sides to stop shooting.", {("RUS", "call_for_ceasefire", ("ARM", "AZE"))}),
    # a dash-bounded aside: the list in it speaks, or the subject before it when it names no one known
    ("Germany, France and Britain - the E3 - said in a joint statement that they were gravely concerned.",
     {("DEU", "concern", ("ARM", "AZE")), ("FRA", "concern", ("ARM", "AZE")), ("GBR", "concern", ("ARM", "AZE"))}),
    ("The co-chairs of the OSCE Minsk Group - Russia, France and the United States - condemned the escalation.",
     {("RUS", "condemn", ("ARM", "AZE")), ("FRA", "condemn", ("ARM", "AZE")), ("USA", "condemn", ("ARM", "AZE"))}),
])
def test_questions_put_and_dash_asides(sentence, expected):
    assert triples(NK_WAR + sentence + "\n", day=date(2020, 10, 5)) == expected


HANIYEH = "An Israeli strike killed Hamas political leader Ismail Haniyeh in Tehran.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # revenge vowed for an act is a warning to its agent
    ("Iran vowed severe revenge for the killing of Haniyeh.", {("IRN", "warn", ("ISR",))}),
    ("Iran vowed revenge.", set()),
    # a price to pay, by forces somewhere
    ("Hezbollah said Israeli forces in the region would pay the price.", {("HEZBOLLAH", "warn", ("ISR",))}),
])
def test_revenge_vowed(sentence, expected):
    assert triples(HANIYEH + sentence + "\n", day=date(2024, 7, 31)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The EU said Turkey's actions posed a threat to regional security.", {("EU", "accuse", ("TUR",))}),
    ("The EU said Turkey posed a serious threat to regional stability.", {("EU", "accuse", ("TUR",))}),
    ("The EU said the offensive posed no threat.", set()),
])
def test_a_threat_posed(sentence, expected):
    assert triples(SDF_OFFENSIVE + sentence + "\n", day=date(2019, 10, 11)) == expected


def test_a_show_of_force_of_our_own():
    # Written before its rules (first contact: P 1.00 R 0.67, 8 of 12: "it launched its largest
    # exercises" gave the drills no agent, and an earlier rule read the mention two words before
    # "launched" as it, whatever stood between). Still out of reach: Japan's "grave problem", the
    # G7's "no justification for", Blinken's "significant escalation".
    gold = load_gold(ARTICLES / "gold.yaml", INDEX)["taiwan_drills.txt"]
    s = score(reduce(extract_file(ARTICLES / "taiwan_drills.txt", index=INDEX), INDEX), gold)
    assert sorted(m.quote for m in s.misses) == [
        "called the launches a grave problem for Japan's security",
        "no justification for aggressive military activity in the Taiwan Strait",
        "the launches were a significant escalation"]
    assert s.false == []


@pytest.mark.parametrize("text, agents", [
    # "X fired missiles as it launched exercises": X launched them
    ("China fired ballistic missiles into waters around Taiwan as it launched its largest military exercises.",
     {"attack": "CHN", "exercise": "CHN"}),
    # the words between an agent and its verb of doing must be words of its phrase or adverbs
    ("Israel then carried out strikes on Gaza.", {"strike": "ISR"}),
    ("Missiles hit Taiwan as China launched exercises.", {"exercise": "CHN"}),
])
def test_who_launched_what(text, agents):
    from kg.ingest.article.mentions import Matcher, tokenize
    from kg.ingest.article.parties import infer_agents
    toks = tokenize(text)
    assert infer_agents(toks, Matcher.of(INDEX).mentions(text, toks), INDEX, text) == agents


MISSILE_DRILLS = ("China fired ballistic missiles into waters around Taiwan as it launched its largest military "
                  "exercises around the island.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # no justification for an act condemns its agent
    ("Australia said there could be no justification for the drills.", {("AUS", "condemn", ("CHN",))}),
    ("Australia said there was no justification for China to fire missiles.", {("AUS", "condemn", ("CHN",))}),
    # a name before a capitalised strait or sea is a place
    ("The G7 said there was no justification for the drills in the Taiwan Strait.", {("G7", "condemn", ("CHN",))}),
    ("Japan voiced concern about tensions in the Taiwan Strait.", {("JPN", "concern", ("CHN", "TWN"))}),
])
def test_no_justification_and_places_named_after_states(sentence, expected):
    assert triples(MISSILE_DRILLS + sentence + "\n", day=date(2022, 8, 5)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # an envoy speaks for the state named before the office, not for the one it is posted to
    ("Georgia's envoy to Moscow condemned the offensive.", {("GEO", "condemn", ("ETH",))}),
    ("The US ambassador to Russia condemned the offensive.", {("USA", "condemn", ("ETH",))}),
    ("Russia's ambassador to Armenia condemned the offensive.", {("RUS", "condemn", ("ETH",))}),
    ("Britain's ambassador to the UN condemned the offensive.", {("GBR", "condemn", ("ETH",))}),
    ("The UN envoy for Yemen condemned the offensive.", {("UN", "condemn", ("ETH",))}),
])
def test_an_envoy_speaks_for_its_own_state(sentence, expected):
    assert triples(OFFENSIVE + sentence + "\n", day=date(2023, 8, 1)) == expected


GALWAN = ("Indian and Chinese troops clashed in the Galwan Valley. Clashes between India and China left "
          "soldiers dead.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # a peaceful resolution supported is a call on the parties
    ("The United States said it supported a peaceful resolution of the border dispute.",
     {("USA", "call_for_ceasefire", ("CHN", "IND"))}),
    # a party's warning of a reply that names no one is aimed at the other side; a third party's is not
    ("Indian Prime Minister Narendra Modi warned that India would give a befitting reply if provoked.",
     {("IND", "warn", ("CHN",))}),
    ("Russia warned that it would give a befitting reply if provoked.", set()),
    ("India warned that the monsoon would make patrols harder.", set()),
])
def test_a_border_clash(sentence, expected):
    assert triples(GALWAN + sentence + "\n", day=date(2020, 6, 17)) == expected


SHAYRAT = ("The United States fired dozens of cruise missiles at a Syrian air base on Friday. Russia said the "
           "strike dealt a blow to relations between Moscow and Washington.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # "relations between X and Y" are two states' ties, not the two sides; the base struck is Syria's
    ("China urged all sides to exercise restraint.", {("CHN", "call_for_ceasefire", ("SYR", "USA"))}),
    # an act welcomed: whoever did it is backed
    ("Turkey welcomed the strike as a positive response.", {("TUR", "praise", ("USA",))}),
    ("Iran strongly condemned the unilateral action.", {("IRN", "condemn", ("USA",))}),
    # the welcome is of the act's end, not of the act
    ("Turkey welcomed the end of the strikes.", set()),
])
def test_a_strike_on_a_base_welcomed_and_condemned(sentence, expected):
    assert triples(SHAYRAT + sentence + "\n", day=date(2017, 4, 7)) == expected


TRIPOLI = ("Forces loyal to eastern commander Khalifa Haftar pressed an offensive on Tripoli on Monday against "
           "the Libyan government.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # a leader's forces are his side; a group named with a state's demonym is not that state's camp
    ("The United States called for an immediate halt to military operations against the Libyan capital.",
     {("USA", "call_for_ceasefire", ("LNA",))}),
    # "peace to Libya": where peace is wanted; no military solution is a call on both sides
    ("Italy said a military solution would not bring peace to Libya.",
     {("ITA", "call_for_ceasefire", ("LBY", "LNA"))}),
    ("The Emirates urged a return to the political process.", {("ARE", "call_for_ceasefire", ("LBY", "LNA"))}),
    # a defence against the attack accuses no one
    ("The Libyan government said its forces would repel the attack.", set()),
    # a denial of backing is no backing
    ("France denied it was backing the offensive.", set()),
    ("France said it was backing the offensive.", {("FRA", "support", ("LNA",))}),
])
def test_an_offensive_by_a_commanders_forces(sentence, expected):
    assert triples(TRIPOLI + sentence + "\n", day=date(2019, 4, 8)) == expected


SPY = ("Britain expelled 23 Russian diplomats over the poisoning of a former spy. Prime Minister Theresa May "
       "accused Russia of the attack.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # the accusations rejected are those of whoever made them
    ("Moscow rejected the accusations as groundless.", {("RUS", "oppose", ("GBR",))}),
    # a warning sent to someone is aimed at them
    ("NATO said the move sends a clear message to Russia.", {("NATO", "warn", ("RUS",))}),
    # the speaker's own dialogue with someone is no call on the sides
    ("Austria said it wanted to keep channels of dialogue open with Moscow.", set()),
])
def test_accusations_rejected_and_a_message_sent(sentence, expected):
    got = triples(SPY + sentence + "\n", day=date(2018, 3, 27))
    assert got - {("GBR", "accuse", ("RUS",))} == expected


ALEPPO = ("Syrian opposition fighters led by Hayat Tahrir al-Sham captured most of Aleppo, the second city of "
          "Syria, on Saturday, the worst setback for Syria's government in years. Residents said Syria's troops "
          "had pulled out of the city overnight.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # the group that did the act of war is a side, however rarely it is named
    ("Qatar called for a political solution.", {("QAT", "call_for_ceasefire", ("HTS", "SYR"))}),
    ("Moscow described the assault as an attack on Syria's sovereignty.", {("RUS", "condemn", ("HTS",))}),
])
def test_rebels_that_seized_a_city_are_a_side(sentence, expected):
    assert triples(ALEPPO + sentence + "\n", day=date(2024, 12, 1)) == expected


KERCH = ("Russian border guards fired on and seized three Ukrainian navy vessels off Crimea on Sunday, in the "
         "worst clash at sea between the two countries in years.\n\n")


@pytest.mark.parametrize("text, expected", [
    # an attribution line whose dash was lost on the way: a spaced hyphen
    ('"Russia must return the vessels." - Polish Foreign Minister Jacek Czaputowicz',
     {("POL", "oppose", ("RUS",))}),
    # "It" after a ministry's statement is the ministry; a provocation staged by someone accuses them
    ("In a statement, the Russian foreign ministry said the boats had entered Russian waters. It called the "
     "incident a dangerous provocation staged by Kyiv.", {("RUS", "condemn", ("UKR",))}),
    # "He" after "X proposed ..." is X, not whoever spoke before
    ("German Foreign Minister Heiko Maas said Russia's use of force was unacceptable.\n\nUkrainian President Petro "
     "Poroshenko proposed imposing martial law. He accused Moscow of an act of open aggression.",
     {("DEU", "condemn", ("RUS",)), ("UKR", "accuse", ("RUS",))}),
    # demands to undo what was done
    ("A spokeswoman for the European Union's diplomatic service said the bloc expected Russia to restore "
     "freedom of passage.", {("EU", "oppose", ("RUS",))}),
    ("NATO called on Russia to ensure unhindered access to Ukrainian ports.", {("NATO", "oppose", ("RUS",))}),
    # what must be condemned, the speaker condemns: the aggressor, not the one it is against
    ("Britain's foreign secretary said Russia's aggression against Ukraine must be condemned.",
     {("GBR", "condemn", ("RUS",))}),
])
def test_a_seizure_at_sea_attribution_lines_pronouns_and_demands(text, expected):
    assert triples(KERCH + text + "\n", day=date(2018, 11, 26)) == expected


def test_border_guards_act_for_their_state():
    text = ("Russian border guards seized three Ukrainian navy vessels off Crimea on Sunday.\n\n"
            "Germany condemned the seizure.\n")
    assert triples(text, day=date(2018, 11, 26)) == {("DEU", "condemn", ("RUS",))}


DIVERSION = ("Belarus scrambled a fighter jet on Sunday to force a passenger flight between two EU capitals to "
             "land in Minsk, where police detained a dissident on board.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # the party the story opens with as the doer of an act is a side, however often others are named
    ("The EU's aviation agency said it was strongly concerned by the forced landing.",
     {("EU", "concern", ("BLR",))}),
    # an act called by the story's event: its one doer
    ("Poland's prime minister called it an unprecedented act of state terrorism.", {("POL", "condemn", ("BLR",))}),
    ('"This is a state-sponsored hijacking," said Lithuania\'s foreign minister.', {("LTU", "accuse", ("BLR",))}),
    ("Germany said those responsible must be sanctioned.", {("DEU", "warn", ("BLR",))}),
])
def test_a_story_of_one_doer(sentence, expected):
    assert triples(DIVERSION + sentence + "\n", day=date(2021, 5, 24)) == expected


def test_criticism_rejected_is_the_critics():
    text = (DIVERSION + "Germany condemned the forced landing. Britain accused Belarus of piracy.\n\n"
            "The Belarusian foreign ministry rejected the criticism as unfounded.\n")
    got = triples(text, day=date(2021, 5, 24))
    assert ("BLR", "oppose", ("DEU", "GBR")) in got


LAUNCH = "North Korea fired a ballistic missile over northern Japan early on Tuesday.\n\n"


@pytest.mark.parametrize("text, expected", [
    # a launch and a provocation are the launcher's acts
    ("British Prime Minister Theresa May condemned the reckless provocation.", {("GBR", "condemn", ("PRK",))}),
    ("Japan's prime minister said the launch was an unprecedented, serious and grave threat.",
     {("JPN", "condemn", ("PRK",))}),
    # a state's news agency speaks for it, and "It" after it is the agency
    ("The Kremlin said it was concerned.\n\nNorth Korea's official news agency KCNA said the drill was a "
     "meaningful prelude to containing the US territory of Guam. It warned Japan that more launches would follow.",
     {("RUS", "concern", ("JPN", "PRK")), ("PRK", "warn", ("JPN",))}),
    # "Pressure" is no call; the call after "she said," is hers
    ("China's foreign ministry spokeswoman Hua Chunying said Beijing opposed the launch. Pressure and sanctions "
     "could not solve the issue, she said, urging all parties to return to talks.",
     {("CHN", "oppose", ("PRK",)), ("CHN", "call_for_ceasefire", ("JPN", "PRK"))}),
])
def test_a_missile_launch_and_a_state_news_agency(text, expected):
    assert triples(LAUNCH + text + "\n", day=date(2017, 8, 29)) == expected


WIDER_WAR = "Azerbaijan launched an offensive against Armenia on Monday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # a warning of a wider war is a third party's concern about both sides
    ("Jordan's King Abdullah warned of a wider war.", {("JOR", "concern", ("ARM", "AZE"))}),
    # "condemned it": the one doer of the story's acts of war
    ("Asked about the offensive, Russian Foreign Minister Sergei Lavrov said Moscow condemned it.",
     {("RUS", "condemn", ("AZE",))}),
    # "the move" is whatever was named last, not the story's event
    ("France accused Turkey of sending fighters, describing the move as reckless.",
     {("FRA", "accuse", ("TUR",))}),
])
def test_a_warning_of_war_and_an_event_called_it(sentence, expected):
    assert triples(WIDER_WAR + sentence + "\n", day=date(2023, 5, 1)) == expected


ROW = ("Saudi Arabia expelled Canada's ambassador and froze new trade with Ottawa on Monday after Canada called "
       "for the release of jailed activists.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    ("The Saudi foreign ministry described Canada's position as a blatant interference in the kingdom's internal "
     "affairs.", {("SAU", "condemn", ("CAN",))}),
    # "the two allies" are both sides; resolving a dispute is a call on them
    ("The United States urged the two allies to resolve the dispute diplomatically.",
     {("USA", "call_for_ceasefire", ("CAN", "SAU"))}),
])
def test_a_diplomatic_row_interference_and_a_dispute_to_resolve(sentence, expected):
    got = triples(ROW + sentence + "\n", day=date(2018, 8, 7))
    assert got - {("CAN", "oppose", ("SAU",))} == expected


BOTH_FIRE = ("Fighting between Armenia and Azerbaijan over Nagorno-Karabakh raged on Saturday despite a "
             "humanitarian ceasefire.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # one missile fired at a city is an accusation as much as many
    ("Hikmet Hajiyev, an aide to President Ilham Aliyev, said Armenian forces had fired a Scud missile at the "
     "city of Ganja.", {("AZE", "accuse", ("ARM",))}),
])
def test_one_missile_fired_at_a_city(sentence, expected):
    assert triples(BOTH_FIRE + sentence + "\n", day=date(2020, 10, 17)) == expected


def test_the_military_of_a_coup_story_is_its_junta():
    text = ("Myanmar's military seized power in a coup on Monday and detained the country's civilian leader.\n\n"
            "\u201cThe military must release all those detained.\u201d \u2013 British Prime Minister Boris Johnson\n")
    assert triples(text, day=date(2021, 2, 2)) == {("GBR", "oppose", ("MMR",))}



def test_three_who_sign_a_deal_are_no_pair_of_sides():
    from kg.ingest.article.mentions import Matcher, tokenize
    from kg.ingest.article.parties import infer_parties
    text = "Armenia, Azerbaijan and Russia signed a deal on Tuesday to end six weeks of fighting."
    toks = tokenize(text)
    assert "RUS" not in infer_parties(toks, Matcher.of(INDEX).mentions(text, toks), INDEX).heads


DEAL = ("Fighting between Armenia and Azerbaijan ended on Tuesday with a deal brokered by Russia.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # a deal welcomed is no stance toward either side
    ("Iran welcomed the deal.", set()),
    # a destructive role played is an accusation of the one who played it
    ("The Armenian foreign ministry said Turkey had played a destructive role throughout the conflict.",
     {("ARM", "accuse", ("TUR",))}),
    # the interests of X to be protected: a warning to whoever threatens them
    ("France warned that the interests of Armenians must be protected.", {("FRA", "warn", ("AZE",))}),
])
def test_a_deal_welcomed_a_role_played_and_interests_to_protect(sentence, expected):
    assert triples(DEAL + sentence + "\n", day=date(2020, 11, 10)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a group's members in an apposition explain the group; the group speaks
    ("The co-chairs of the Minsk Group, the United States, France and Russia, urged the two sides to implement "
     "the humanitarian truce.", {("OSCE_MG", "call_for_ceasefire", ("ARM", "AZE"))}),
    ("The United States, France and Russia urged the two sides to implement the humanitarian truce.",
     {("USA", "call_for_ceasefire", ("ARM", "AZE")), ("FRA", "call_for_ceasefire", ("ARM", "AZE")),
      ("RUS", "call_for_ceasefire", ("ARM", "AZE"))}),
])
def test_a_groups_members_in_an_apposition(sentence, expected):
    assert triples(BOTH_FIRE + sentence + "\n", day=date(2020, 10, 31)) == expected


BORDER = "Kyrgyzstan and Tajikistan clashed on their disputed border on Wednesday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    ("Russia threw its weight behind a negotiated settlement.", {("RUS", "call_for_ceasefire", ("KGZ", "TJK"))}),
    ("The United States called Tajikistan's shelling of the villages a grave mistake.",
     {("USA", "condemn", ("TJK",))}),
])
def test_weight_thrown_behind_a_settlement_and_a_grave_mistake(sentence, expected):
    assert triples(BORDER + sentence + "\n", day=date(2022, 9, 14)) == expected


MUTINY = "A mutiny by the Wagner group shook Russia on Saturday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # an aside that opens with whose ally the speaker is, before an auxiliary
    ("Belarus, Russia's treaty ally and closest partner, has offered full support for Moscow.",
     {("BLR", "support", ("RUS",))}),
    # a state's post abroad speaks for the state, not for the place it sits in
    ("The Syrian embassy in Moscow in a post condemned the rebellion.", {("SYR", "condemn", ("WAGNER",))}),
    ("Japan's chargé d'affaires in Moscow condemned the mutiny.", {("JPN", "condemn", ("WAGNER",))}),
    # a commitment to facilitate dialogue is an offer to mediate between the two sides
    ("The European Union said it remained fully committed to facilitating dialogue between the two sides.",
     {("EU", "mediate", ("RUS", "WAGNER"))}),
])
def test_a_mutiny_its_allies_and_posts_abroad(sentence, expected):
    assert triples(MUTINY + sentence + "\n", day=date(2023, 6, 24)) == expected


def test_outsiders_asked_to_intervene_and_a_pair_across_a_full_stop_are_no_sides():
    from kg.ingest.article.mentions import Matcher, tokenize
    from kg.ingest.article.parties import infer_parties
    text = ("The Wagner group rose against the army. The EU offered talks between Moscow and the group. "
            "Turkey urged Britain and France to intervene.")
    toks = tokenize(text)
    heads = infer_parties(toks, Matcher.of(INDEX).mentions(text, toks), INDEX).heads
    assert not {"TUR", "GBR", "FRA"} & set(heads)


@pytest.mark.parametrize("text, heads", [
    # an operation in a place that is a party: the two sides
    ("Azerbaijan's military operation in Nagorno-Karabakh drew wide concern. Russia urged restraint.",
     {"AZE", "NKR"}),
    ("Azerbaijan launched a military operation in the breakaway Nagorno-Karabakh region on Tuesday. "
     "Russia urged restraint.", {"AZE", "NKR"}),
    # Kosovo is a state, though ISO 3166 has no code for it
    ("Serbia and Kosovo traded accusations after the clash.", {"SRB", "XKX"}),
])
def test_an_operation_waged_in_a_party_and_kosovo(text, heads):
    from kg.ingest.article.mentions import Matcher, tokenize
    from kg.ingest.article.parties import infer_parties
    toks = tokenize(text)
    assert set(infer_parties(toks, Matcher.of(INDEX).mentions(text, toks), INDEX).heads) == heads


OPERATION = "Azerbaijan launched a military operation in the breakaway Nagorno-Karabakh region on Tuesday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # an end to the operation called for: opposition to whoever wages it
    ("Canada called for an immediate end to the military operation.", {("CAN", "oppose", ("AZE",))}),
    # outsiders asked to step in: no stance on them, nor on anyone
    ("Armenia urged Russia and France to intervene and stop the bloodshed.", set()),
    # a warning that goes on from a condemnation names no one: it is aimed where the condemnation was
    ("Armenia condemned the violation of its borders by Azerbaijan, warning that such acts could have "
     "serious consequences.", {("ARM", "condemn", ("AZE",)), ("ARM", "warn", ("AZE",))}),
])
def test_an_end_to_an_operation_help_asked_and_a_warning_after_a_condemnation(sentence, expected):
    assert triples(OPERATION + sentence + "\n", day=date(2023, 9, 20)) == expected


REFERENDUM = ("A vote on a disputed region\n\n"
              "Venezuela held a referendum on annexing a third of Guyana's territory on Sunday.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # "both" opens a list of speakers, after an opening phrase too; they are no pair of sides
    ("In a show of solidarity, both the United States and Britain have expressed their support for Guyana.",
     {("USA", "support", ("GUY",)), ("GBR", "support", ("GUY",))}),
    # the subject of a reported clause is no speaker: the sentence's subject is
    ("Both France and Spain have expressed their support for Guyana.\n\nCanada voiced its concern about "
     "Venezuela's recent moves, stating that they are \"unjustified\".",
     {("FRA", "support", ("GUY",)), ("ESP", "support", ("GUY",)), ("CAN", "concern", ("VEN",)),
      ("CAN", "condemn", ("VEN",))}),
    # a vote's legitimacy contested: opposition to the state that held it
    ("Guyana contested the legitimacy of the vote.", {("GUY", "oppose", ("VEN",))}),
])
def test_both_as_speakers_a_reported_clause_and_a_contested_vote(sentence, expected):
    assert triples(REFERENDUM + sentence + "\n", day=date(2023, 12, 5)) == expected


DOWNING = "Turkish jets shot down a Russian warplane near the Syrian border on Tuesday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    ("Putin described the downing of the jet by Turkish aircraft as a stab in the back.",
     {("RUS", "accuse", ("TUR",))}),
    ("Kazakhstan offered its assistance to both countries.", {("KAZ", "mediate", ("RUS", "TUR"))}),
    ("Iran said it was willing to play a constructive role.", {("IRN", "mediate", ("RUS", "TUR"))}),
    ("Azerbaijan called the downing an act of self-defence by Turkey.", {("AZE", "support", ("TUR",))}),
    # the subject of an infinitive is not the speaker of the participle after it
    ("China called on both Russia and Turkey to prioritise peace and stability, urging them to stay calm.",
     {("CHN", "call_for_ceasefire", ("RUS", "TUR"))}),
])
def test_a_stab_in_the_back_help_offered_and_self_defence(sentence, expected):
    assert triples(DOWNING + sentence + "\n", day=date(2015, 11, 24)) == expected


RAID = ("Ecuador's controversial raid on the Mexican embassy in Quito drew wide criticism on Saturday.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # a region's demonym is no state's
    ("Latin American nations united in condemnation of the raid.", set()),
    # a state and an office of another, listed: both speak
    ("The United States and the UN secretary-general expressed concern.",
     {("USA", "concern", ("ECU", "MEX")), ("UN", "concern", ("ECU", "MEX"))}),
    ("Spain called for harmony between Mexico and Ecuador.", {("ESP", "call_for_ceasefire", ("ECU", "MEX"))}),
])
def test_a_raid_on_an_embassy_a_region_and_a_listed_office(sentence, expected):
    assert triples(RAID + sentence + "\n", day=date(2024, 4, 7)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # whoever "bears responsibility" is accused, not the place named after it
    ("NATO said Russia bears responsibility for what happened in Poland.", {("NATO", "accuse", ("RUS",))}),
    ("Stoltenberg said the missile was likely Ukrainian, but that \"Russia bears responsibility for what "
     "happened in Poland\".", {("NATO", "accuse", ("RUS",))}),
])
def test_whoever_bears_responsibility_is_accused(sentence, expected):
    text = "Russian missiles pounded Ukraine on Tuesday.\n\n" + sentence + "\n"
    assert triples(text, day=date(2022, 11, 16)) == expected


def test_both_named_as_speakers_are_no_pair_of_sides():
    from kg.ingest.article.mentions import Matcher, tokenize
    from kg.ingest.article.parties import infer_parties
    text = ("Russian missiles pounded Ukraine. Both the U.S. and Polish leaders said the missile was not "
            "fired by Russia.")
    toks = tokenize(text)
    assert "POL" not in infer_parties(toks, Matcher.of(INDEX).mentions(text, toks), INDEX).heads


BORDER_CLASH = "Thailand and Cambodia clashed along their disputed border on Thursday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # who speaks in an opening clause does not speak the main one
    ("After China said it was mediating between the two, Japan's foreign minister urged both sides to exercise "
     "restraint.", {("CHN", "mediate", ("KHM", "THA")), ("JPN", "call_for_ceasefire", ("KHM", "THA"))}),
    ("China's foreign minister called the conflict deeply distressing and concerning.",
     {("CHN", "concern", ("KHM", "THA"))}),
])
def test_an_opening_clause_mediation_under_way_and_a_worrying_conflict(sentence, expected):
    assert triples(BORDER_CLASH + sentence + "\n", day=date(2025, 7, 25)) == expected


@pytest.mark.parametrize("text, expected", [
    # blame laid on someone, questions someone must answer
    ("A Russian opposition leader died in an Arctic prison on Friday.\n\nThe EU places full responsibility for "
     "this death on the Russian regime, Charles Michel said.\n", {("EU", "accuse", ("RUS",))}),
    ("A Russian opposition leader died in an Arctic prison on Friday.\n\nNATO chief Jens Stoltenberg said "
     "Russia must answer serious questions.\n", {("NATO", "accuse", ("RUS",))}),
    # respect for a state's sovereignty called for: support of that state
    ("Ethiopia signed a port deal with a breakaway region of Somalia on Monday.\n\nEgypt called for respecting "
     "Somalia's sovereignty.\n", {("EGY", "support", ("SOM",))}),
])
def test_blame_laid_questions_to_answer_and_sovereignty_to_respect(text, expected):
    assert triples(text, day=date(2024, 2, 16)) == expected


STRIKE_IN_TEHRAN = "An Israeli air strike killed Hamas leader Ismail Haniyeh in Tehran on Wednesday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # what was done to someone named in the possessive: its doer is condemned
    ("Turkey condemned Haniyeh's assassination.", {("TUR", "condemn", ("ISR",))}),
    ("China expressed strong concern over the murder.", {("CHN", "concern", ("ISR",))}),
    # a vow (a warning) to make someone regret (a threat); the regret is no stance of the speaker's
    ("Iran's president vowed to make Israel regret the strike.",
     {("IRN", "warn", ("ISR",)), ("IRN", "threaten", ("ISR",))}),
])
def test_an_assassination_its_doer_and_a_threat_of_regret(sentence, expected):
    assert triples(STRIKE_IN_TEHRAN + sentence + "\n", day=date(2024, 7, 31)) == expected


RAPPROCHEMENT = "Iran and Saudi Arabia agreed on Friday to restore diplomatic ties after talks in Beijing.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # the war in a country is a place, whatever the cue
    ("The United States said it welcomed any efforts to end the war in Yemen.", set()),
    # a participle after "while" is the sentence subject's
    ("The United Nations welcomed the deal while praising China for hosting the talks.",
     {("UN", "praise", ("CHN",))}),
])
def test_a_rapprochement_a_place_at_war_and_praise_while_welcoming(sentence, expected):
    assert triples(RAPPROCHEMENT + sentence + "\n", day=date(2023, 3, 10)) == expected


def test_two_who_agree_to_restore_ties_are_the_two_sides():
    from kg.ingest.article.mentions import Matcher, tokenize
    from kg.ingest.article.parties import infer_parties
    text = RAPPROCHEMENT + "The UN welcomed the deal and praised China, Oman and Iraq."
    toks = tokenize(text)
    assert set(infer_parties(toks, Matcher.of(INDEX).mentions(text, toks), INDEX).heads) == {"IRN", "SAU"}


SECURITY_LAW = "China moved on Thursday to impose a national security law on Hong Kong.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # "the governments of" a list: the list speaks, and the participle after the comma is theirs
    ("The governments of Japan, New Zealand and Norway issued a joint statement, expressing concern when China "
     "decided to impose the law.",
     {("JPN", "concern", ("CHN",)), ("NZL", "concern", ("CHN",)), ("NOR", "concern", ("CHN",))}),
])
def test_the_governments_of_a_list_speak(sentence, expected):
    assert triples(SECURITY_LAW + sentence + "\n", day=date(2020, 5, 29)) == expected


def test_concern_that_someone_acted_names_the_doer():
    text = BORDER_CLASH + "Japan said it was deeply concerned Thailand had decided to close its border with Cambodia.\n"
    assert triples(text, day=date(2025, 7, 25)) == {("JPN", "concern", ("THA",))}


def test_a_list_of_ministers_each_named_with_a_states_title_speaks_for_each_state():
    text = "Reactions\n\n" + SECURITY_LAW + (
        "Norwegian Foreign Minister Ola Nordmann, Danish Foreign Minister Jens Hansen and Icelandic Foreign "
        "Minister Jon Jonsson condemned Beijing's decision.\n")
    assert triples(text, day=date(2020, 5, 29)) == {
        ("NOR", "condemn", ("CHN",)), ("DNK", "condemn", ("CHN",)), ("ISL", "condemn", ("CHN",))}


RED_SEA_STRIKES = ("Italian warships launched strikes on depots used by the Houthis on Tuesday. "
                   "The Houthis attacked a tanker last week.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # "used by" names an owner, not the doer; warships act for the state named before them; a
    # name before a text ("a U.N. resolution") is no target
    ("Russia condemned the strikes and criticised the use of a U.N. resolution to justify them.",
     {("RUS", "condemn", ("ITA",))}),
    # an end to (bare) attacks, or a halt to attacks named by their doer: the doer is opposed
    ("Spain called for an end to attacks on shipping.", {("ESP", "oppose", ("HOUTHIS",))}),
    ("Malta called for an immediate halt to Houthi attacks.", {("MLT", "oppose", ("HOUTHIS",))}),
    # the speaker's own act is no accusation
    ("Italian defence officials said the Italian and French attacks were launched from two frigates.", set()),
    # "backed by" after the subject is a passive; what a warning asks to halt is no accusation
    ("Italy, backed by its European partners, warned the Houthis to stop their attacks or face further strikes.",
     {("ITA", "warn", ("HOUTHIS",))}),
    # whoever "bears responsibility" is accused by who said so after the quotation
    ("A Houthi spokesman vowed revenge.\n\n\u201cThe Italian and French enemy bears full responsibility for this "
     "crime,\u201d he said.", {("HOUTHIS", "accuse", ("FRA", "ITA"))}),
])
def test_strikes_on_sites_used_by_a_group_own_acts_and_demands(sentence, expected):
    assert triples(RED_SEA_STRIKES + sentence + "\n", day=date(2024, 1, 16)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # two states' adjectives before one office: both speak
    ("The Greek and Cypriot foreign ministers condemned the attacks by the Houthis.",
     {("GRC", "condemn", ("HOUTHIS",)), ("CYP", "condemn", ("HOUTHIS",))}),
    ("Spanish and Portuguese governments backed the strikes.",
     {("ESP", "support", ("ITA",)), ("PRT", "support", ("ITA",))}),
])
def test_two_adjectives_before_one_office(sentence, expected):
    assert triples(RED_SEA_STRIKES + sentence + "\n", day=date(2024, 1, 16)) == expected


def test_bulleted_labels_name_the_speaker_of_their_line():
    text = RED_SEA_STRIKES + (
        "Other reactions:\n\n"
        "  \u2022 Greece\u2019s Position: Condemned the Houthi attacks on shipping.\n"
        "  \u2022 Cyprus and Malta\u2019s Reaction: Supported the strikes.\n")
    assert triples(text, day=date(2024, 1, 16)) == {
        ("GRC", "condemn", ("HOUTHIS",)), ("CYP", "support", ("ITA",)), ("MLT", "support", ("ITA",))}


BOATS_SEIZED = "Russian coastguards seized two Ukrainian patrol boats near the strait on Sunday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # no justification for an act done to someone: its doer is condemned
    ("NATO said Russia had no justification to seize the Ukrainian boats.", {("NATO", "condemn", ("RUS",))}),
    ("Canada said there was no justification for the use of force against Ukrainian sailors.",
     {("CAN", "condemn", ("RUS",))}),
    # "Russian-backed": who backs the separatists, no stance of the speaker
    ("Poland has long backed Ukraine against Russian-backed separatists and the Russian occupation of its land.",
     {("POL", "support", ("UKR",))}),
])
def test_no_justification_for_an_act_and_a_backed_compound(sentence, expected):
    assert triples(BOATS_SEIZED + sentence + "\n", day=date(2018, 11, 26)) == expected


COUP_BID = "Soldiers led by a dismissed general stormed the palace of Bolivian President Luis Arce on Wednesday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # a person named again by the last word of the full name given before
    ("Chile voiced its firm support for Arce.", {("CHL", "support", ("BOL",))}),
])
def test_a_person_named_again_by_surname(sentence, expected):
    assert triples(COUP_BID + sentence + "\n", day=date(2024, 6, 26)) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the words of a judgement quoted after the act they judge: its doer is condemned
    ("Greece\u2019s prime minister called the strikes \u201ca reckless and illegal use of force.\u201d",
     {("GRC", "condemn", ("ITA",))}),
    ("Iran described the strikes as a \u201cflagrant breach of Yemen\u2019s sovereignty.\u201d",
     {("IRN", "condemn", ("ITA",))}),
    # an act that will not go unanswered: a warning to the speaker's opponent
    ("A Houthi spokesman said the strikes would \u201cnot go unanswered.\u201d", {("HOUTHIS", "warn", ("ITA",))}),
])
def test_a_judged_act_and_a_vow_not_to_leave_it_unanswered(sentence, expected):
    assert triples(RED_SEA_STRIKES + sentence + "\n", day=date(2024, 1, 16)) == expected


def test_the_north_atlantic_council_speaks_for_nato():
    text = BOATS_SEIZED + "The North Atlantic Council called on Russia to release the boats without delay.\n"
    assert triples(text, day=date(2018, 11, 27)) == {("NATO", "oppose", ("RUS",))}


@pytest.mark.parametrize("sentence, expected", [
    # an act named by a harm noun inside a condemnation is that condemnation, no accusation besides
    ("Saudi Arabia said it \u201ccondemns in the strongest terms the brutal Italian aggression and the blatant "
     "violation of the sovereignty\u201d of Yemen.", {("SAU", "condemn", ("ITA",))}),
    # a concern about every party is dropped where the same speaker names whom its concern is about
    ("Egypt\u2019s president said the strikes were \u201ca dangerous precedent and a direct attack on the "
     "sovereignty\u201d of Yemen.", {("EGY", "concern", ("ITA",))}),
])
def test_what_a_stronger_statement_of_the_sentence_already_says(sentence, expected):
    assert triples(RED_SEA_STRIKES + sentence + "\n", day=date(2025, 9, 10)) == expected


def test_a_title_before_a_name_is_remembered_when_the_text_is_read():
    from kg.ingest.article.speakers import Doc
    doc = Doc.of("Incoming UN General Assembly President Annalena Baerbock spoke to reporters.", INDEX,
                 date(2025, 9, 10))
    assert doc.fold("baerbock") == "UN"
    doc = Doc.of("Soldiers in Niger detained President Mohamed Bazoum.", INDEX, date(2023, 7, 28))
    assert doc.fold("bazoum") is None  # a title with no state of its own names none


DEVICES_EXPLODED = ("Hundreds of pagers carried by Hezbollah members exploded across Lebanon on Tuesday in an "
                    "Israeli attack.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # the names a party's foes give Israel
    ("Iran said the Zionist regime bore full responsibility for the crime.", {("IRN", "accuse", ("ISR",))}),
    # the one attacked is not the doer of the violation that follows
    ("Cuba said it strongly condemned the attack on friendly Lebanon and its citizens, which constitutes a grave "
     "violation of its sovereignty.", {("CUB", "condemn", ("ISR",))}),
])
def test_a_foes_name_for_israel_and_a_victim_before_a_violation(sentence, expected):
    assert triples(DEVICES_EXPLODED + sentence + "\n", day=date(2024, 9, 18)) == expected


DAM_BLOWN = ("Russian forces attacked a dam on the Dnipro river on Tuesday, and the Russian attacks on Ukrainian "
             "towns went on.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    # a part of a country named after "in" is a place, whatever the cue
    ("Brussels condemned the shelling in eastern Ukraine.", {("EU", "condemn", ("RUS",))}),
])
def test_a_part_of_a_country_is_a_place(sentence, expected):
    assert triples(DAM_BLOWN + sentence + "\n", day=date(2023, 6, 6)) == expected


def test_people_of_a_state_are_not_the_state_as_the_doer_of_an_act():
    from kg.ingest.article.mentions import Matcher, tokenize
    from kg.ingest.article.parties import infer_agents
    text = "The coup attempt by Brazilian conservatives failed. The attack by Russian forces went on."
    toks = tokenize(text)
    assert infer_agents(toks, Matcher.of(INDEX).mentions(text, toks), INDEX, text) == {"attack": "RUS"}


RIOTS = "Thousands of rioters carried out attacks on Brazil's Congress and Supreme Court on Sunday.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # the one party is only ever the one harmed: a condemnation or a concern naming no one is not
    # aimed at it, nor is one that names it as the place of the harm
    ("India said it was deeply concerned about the news of rioting.", set()),
    ("Chile condemned the violence and said it stood with Brazil.", {("CHL", "support", ("BRA",))}),
    ("Spain condemned the assault on democracy and on the peaceful transfer of power in Brazil.", set()),
])
def test_a_party_only_harmed_is_not_condemned(sentence, expected):
    assert triples(RIOTS + sentence + "\n", day=date(2023, 1, 9)) == expected
