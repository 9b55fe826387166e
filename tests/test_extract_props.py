"""Property tests: random text never makes the extractor raise anything but DataError."""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kg.ingest.article import extract_article
from kg.ingest.article.text import MAX_SENTENCE, split_sentences

from kg.errors import DataError

WORDS = st.sampled_from(["Turkey", "blamed", "Yerevan", "said", "\"", "“", "”", ",", ".", "and",
                         "France", "urged", "ceasefire", "he", "added", "not", "the", "Kremlin",
                         "between", "Armenia", "Azerbaijan", "Mr", "U.S.", "'s", "\n\n", "—",
                         "Erdogan", "condemned", "of", "Baku", "concern", "support", ";", "while"])
wordy = st.lists(WORDS, max_size=60).map(" ".join)
DAY = date(2020, 9, 27)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), wordy))
def test_random_text_never_raises_but_data_error(text):
    try:
        x = extract_article(text, url="https://example.org/r", date=DAY)
    except DataError:
        return
    body_len = len(text)
    for s in x.statements:
        assert 0 <= s.span[0] <= s.span[1] <= body_len + 1
        assert len(s.quote) <= 400 and s.targets
    x.to_statements()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_without_a_date_it_is_a_data_error_or_a_result(text):
    try:
        extract_article(text)
    except DataError as e:
        assert e.problems


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=400), wordy))
def test_sentences_cover_the_body_in_order(text):
    sents = split_sentences(text)
    for a, b in zip(sents, sents[1:], strict=False):
        assert a.end <= b.start
    for s in sents:
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text


@settings(max_examples=30, deadline=None)
@given(st.lists(WORDS, min_size=400, max_size=900).map(" ".join))
def test_no_sentence_is_longer_than_the_bound(text):
    # a run-on text or a stray quotation mark cannot make one sentence of the rest of an article:
    # the work per sentence stays bounded, so a 2 MB article with no stops ends in time
    sents = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE for s in sents)
    for a, b in zip(sents, sents[1:], strict=False):
        assert a.end <= b.start
    assert "".join("".join(s.text.split()) for s in sents) == "".join(text.split())  # nothing lost


def test_a_stray_quotation_mark_holds_sentences_together_only_up_to_the_bound():
    text = 'He said "we will see. ' + "Turkey blamed Armenia for the clashes. " * 200
    sents = split_sentences(text)
    assert len(sents) > 1 and max(len(s.text) for s in sents) <= MAX_SENTENCE
    assert [s.text for s in split_sentences('He said "we will see. It is over." Then he left.')] == [
        'He said "we will see. It is over."', "Then he left."]
