"""The review queue: candidates (kg.ingest.article.candidates, .proposals), the review state machine
(kg.ingest.article.review), ``kg extract --candidates`` and ``kg review``, in CliRunner and in a
real terminal (tmux).

The article is ours, written for these tests; every expected value is read off it by hand.
"""
from __future__ import annotations

import doctest
import importlib
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from kg.ingest.article.candidates import Candidate, dump_queue, read_queue
from kg.ingest.article.extract import article_body, extract_article
from kg.ingest.article.proposals import review_queue, split_at
from kg.ingest.article.review import PROMPT, Decision, Draft, decided, new_document, read_progress, record, start, step
from typer.testing import CliRunner

from kg.actors import ActorIndex
from kg.cli import app
from kg.errors import DataError
from tests.helpers import NK2020

runner = CliRunner()
INDEX = ActorIndex.default()
URL = "https://example.org/test/review-queue"
DAY = date(2020, 10, 2)
# Sentence 0 names the parties (Armenia, Azerbaijan) and holds no cue. Sentence 2 gives the
# extractor's statement (Turkey accuses Armenia) and sentence 5 one at confidence 0.6 (Iran
# offers to mediate between the parties). Sentences 1, 3 and 4 hold an actor and a cue but
# give no statement: they are the review queue.
ARTICLE = f"""{URL}
2020-10-02
Neighbours weigh in as the Karabakh fighting goes on

Fighting between Armenia and Azerbaijan went on for a sixth day on Friday.

Crowds in Ankara said they backed Baku in every way.

Turkey blamed Yerevan for the flare-up.

The envoy to Moscow, who represents Georgia, said Ankara was sending mercenaries to the region.

Talks hosted by Moscow collapsed after Armenia rejected the proposal.

Iran's foreign ministry spokesman told reporters that Tehran was ready to mediate.
"""
BODY = ARTICLE.split("\n", 4)[4]
S1 = "Crowds in Ankara said they backed Baku in every way."
S3 = "The envoy to Moscow, who represents Georgia, said Ankara was sending mercenaries to the region."
S4 = "Talks hosted by Moscow collapsed after Armenia rejected the proposal."
# (sentence, speaker, stance, targets) of each candidate, by hand, best first in each sentence:
# the speaker is the subject of the speech verb ("Ankara said"; "The envoy to Moscow, who
# represents Georgia, said": the envoy's posting, since no state of his own is named before the
# office, the wrong speaker a person fixes) or of the cue ("Armenia rejected"), then another actor
# of the sentence ("Georgia": the right one, second) or the speaker carried over from the
# sentence before (Moscow, after the envoy's sentence); the stance is the cue's ("backed",
# "blamed", "sending mercenaries", "rejected"); the targets are the actor named after the cue
# ("Baku"), the agent of an attack named before it ("Ankara was sending"), the speaker's opponent
# (Armenia's is Azerbaijan), every party, or an actor named before the cue ("hosted by Moscow").
# Sentence 2 gave a statement (Turkey accuses Armenia): only what differs from it is proposed.
QUEUE = [(1, "TUR", "support", ("AZE",)), (1, "TUR", "support", ("ARM", "AZE")),
         (2, "TUR", "accuse", ("ARM", "AZE")),
         (3, "RUS", "accuse", ("TUR",)), (3, "GEO", "accuse", ("TUR",)), (3, "RUS", "accuse", ("ARM", "AZE")),
         (4, "ARM", "oppose", ("AZE",)), (4, "RUS", "oppose", ("ARM", "AZE")), (4, "ARM", "oppose", ("RUS",))]
BEST = [QUEUE[0], QUEUE[2], QUEUE[3], QUEUE[6]]
"""The best proposal of each sentence: ``kg extract --alternatives 1``."""


def kg(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def proposals(queue) -> list[tuple]:
    return [(c.sentence, c.speaker, c.stance, c.targets) for c in queue]


@pytest.fixture(scope="module")
def extraction():
    return extract_article(ARTICLE, index=INDEX)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "review_queue.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("module", ["candidates", "proposals", "review"])
def test_doctests(module):
    mod = importlib.import_module(f"kg.ingest.article.{module}")
    assert mod.__doc__ and doctest.testmod(mod).failed == 0


# -- candidates ----------------------------------------------------------------------------------
def test_the_article_gives_the_statements_the_queue_is_built_around(extraction):
    assert [(s.sentence, s.speaker, s.stance, s.targets, s.confidence) for s in extraction.statements] == [
        (2, "TUR", "accuse", ("ARM",), 0.8), (5, "IRN", "mediate", ("ARM", "AZE"), 0.6)]
    assert article_body(ARTICLE) == BODY


def test_sentences_with_an_actor_and_a_cue_but_no_statement_are_candidates(extraction):
    kept, queue = review_queue(extraction, BODY, INDEX)
    assert kept.statements == extraction.statements  # min_confidence 0: every statement stays
    assert proposals(queue) == QUEUE  # none from sentence 2 or 5: they gave statements
    first = queue[0]
    assert (first.url, first.date, first.title) == (URL, DAY, "Neighbours weigh in as the Karabakh fighting goes on")
    assert first.text == S1 and BODY[first.span[0]:first.span[1]] == S1
    assert first.quote == "Crowds in Ankara said they backed Baku in every way"  # the sentence, ten words
    assert BODY[first.quote_span[0]:first.quote_span[1]] == first.quote
    assert BODY[first.cue[0]:first.cue[1]] == "backed"
    assert [(BODY[a:b], actor) for a, b, actor in first.mentions] == [("Ankara", "TUR"), ("Baku", "AZE")]
    assert first.why == "no statement from this sentence" and first.confidence is None
    assert [c.text for c in queue[3:]] == [S3, S3, S3, S4, S4, S4]
    assert BODY[queue[3].cue[0]:queue[3].cue[1]] == "sending mercenaries"
    assert len({c.id for c in queue}) == 9
    assert proposals(review_queue(extraction, BODY, INDEX, per_sentence=1)[1]) == BEST
    with pytest.raises(ValueError, match="per_sentence must be 1 or more"):
        review_queue(extraction, BODY, INDEX, per_sentence=0)
    again = review_queue(extract_article(ARTICLE, index=INDEX), BODY, INDEX)[1]
    assert [c.id for c in again] == [c.id for c in queue]  # stable: a new run resumes the same review


def test_statements_under_the_threshold_become_candidates_with_their_proposal(extraction):
    kept, low = split_at(extraction, 0.7, BODY, INDEX)
    assert [(s.speaker, s.stance) for s in kept.statements] == [("TUR", "accuse")]
    [c] = low
    assert (c.sentence, c.speaker, c.stance, c.targets, c.all_parties) == (5, "IRN", "mediate", ("ARM", "AZE"), True)
    assert (c.confidence, c.score, c.why) == (0.6, 0.6, "confidence 0.60 under 0.70")
    assert c.quote == "Tehran was ready to mediate" and BODY[c.quote_span[0]:c.quote_span[1]] == c.quote
    assert split_at(extraction, 0.5, BODY, INDEX)[1] == []
    kept, queue = review_queue(extraction, BODY, INDEX, min_confidence=0.7)
    assert proposals(queue) == [*QUEUE, (5, "IRN", "mediate", ("ARM", "AZE"))]  # in article order
    assert proposals(review_queue(extraction, BODY, INDEX, min_confidence=0.7, per_sentence=1)[1]) == [
        *BEST, (5, "IRN", "mediate", ("ARM", "AZE"))]


def test_a_sentence_gives_at_most_three_candidates_best_first():
    text = (f"{URL}\n2020-10-02\nCalls\n\nFighting between Armenia and Azerbaijan went on.\n\n"
            "France, Germany, Italy and Spain called for restraint from both sides.\n")
    x = extract_article(text, index=INDEX)
    assert len(x.statements) == 4  # one for each speaker of the joint call, all 0.6
    kept, queue = split_at(x, 0.7, article_body(text), INDEX)
    assert kept.statements == [] and [c.speaker for c in queue] == ["FRA", "DEU", "ITA"]


def test_a_candidate_name_speaks_for_its_owner():
    text = (f"{URL}\n2020-10-02\nDrones\n\nFighting between Armenia and Azerbaijan went on.\n\n"
            "Armenian defence ministry spokeswoman Shushan Stepanyan said Azerbaijan had violated the "
            "truce. Stepanyan later condemned the shelling of Stepanakert.\n")
    x = extract_article(text, index=INDEX)
    assert x.candidates == [{"name": "Shushan Stepanyan", "mentions": 2, "attributed_to": "ARM"}]
    assert {s.sentence for s in x.statements} == {1}
    c, second = review_queue(x, article_body(text), INDEX)[1]
    # "Stepanyan" is the nearest name before "condemned": Armenia's spokeswoman; "Stepanakert",
    # the actor after the cue, is the first target proposed, Armenia's opponent (the right one) the second.
    assert (c.sentence, c.speaker, c.speaker_name, c.stance, c.targets) == (
        2, "ARM", "Shushan Stepanyan", "condemn", ("NKR",))
    assert (second.speaker, second.stance, second.targets) == ("ARM", "condemn", ("AZE",))
    assert c.score > second.score


def test_negated_cues_and_attacks_nobody_reports_give_no_candidate():
    text = (f"{URL}\n2020-10-02\nQuiet\n\nFighting between Armenia and Azerbaijan went on.\n\n"
            "Armenia did not condemn Georgia. Azerbaijani drones attacked Stepanakert overnight.\n")
    x = extract_article(text, index=INDEX)
    assert x.statements == [] and review_queue(x, article_body(text), INDEX)[1] == []


def test_the_queue_file_round_trips(tmp_path, extraction):
    queue = review_queue(extraction, BODY, INDEX, min_confidence=0.7)[1]
    path = tmp_path / "q.yaml"
    path.write_text(dump_queue(queue), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Review candidates written by `kg extract --candidates`")
    assert "keep it out of repositories" in text.split("review_queue:")[0]
    assert read_queue(path) == queue
    assert [Candidate.from_dict(c.to_dict()) for c in queue] == queue


def test_a_file_that_is_no_queue_is_refused(tmp_path):
    with pytest.raises(DataError, match="not a review queue"):
        read_queue(NK2020)
    bad = tmp_path / "bad.yaml"
    bad.write_text("review_queue: 1\ncandidates:\n  - {id: x, sentence: 1}\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        read_queue(bad)
    [p] = e.value.problems
    assert (p.line, p.field) == (3, "candidates[0]") and "not a candidate" in p.message


# -- the state machine ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def queue(extraction):
    """The best proposal of each sentence that gave no statement: sentences 1, 3 and 4."""
    return [c for c in review_queue(extraction, BODY, INDEX, per_sentence=1)[1] if c.sentence != 2]


def keys(state, text: str):
    for k in text:
        state = step(state, k, INDEX)
    return state


def test_accept_and_reject_decide_and_move_on(queue):
    s = start(queue)
    assert (s.pos, s.mode, s.draft, s.left) == (0, "choose", Draft("TUR", "support", ("AZE",)), 3)
    s = step(s, "a", INDEX)
    assert (s.pos, s.mode, s.message, s.left) == (1, "choose", "accepted candidate 1", 2)
    s = step(s, "R", INDEX)  # keys are case-blind
    assert (s.pos, s.message) == (2, "rejected candidate 2")
    assert [(d.candidate.sentence, d.accepted, d.draft.speaker) for d in s.decisions] == [
        (1, True, "TUR"), (3, False, "RUS")]
    s = step(s, "a", INDEX)
    assert (s.mode, s.current, s.draft, s.left) == ("done", None, None, 0)
    assert step(s, "a", INDEX) is s  # nothing left to decide


def test_the_speaker_is_named_with_the_closest_names_offered_on_a_miss(queue):
    s = step(start(queue), "r", INDEX)  # to candidate 2: Russia (the envoy's posting) accuses Turkey
    s = step(s, "s", INDEX)
    assert (s.mode, s.typed) == ("speaker", "")
    s = keys(s, "Gorgiaa\x7f")
    assert s.typed == "Gorgia"
    s = step(s, "\r", INDEX)
    assert s.mode == "speaker" and s.typed == "" and s.suggestions[0] == "Georgia"
    assert s.message.startswith("no actor 'Gorgia'; closest: 1 Georgia")
    s = keys(s, "1\r")  # the first suggestion, by number
    assert (s.mode, s.draft.speaker, s.message) == ("choose", "GEO", "speaker: Georgia")
    s = step(s, "a", INDEX)
    [_, d] = s.decisions
    assert (d.accepted, d.draft, d.edits) == (True, Draft("GEO", "accuse", ("TUR",)), ("speaker",))


def test_targets_and_stance_are_edited_and_escape_cancels(queue):
    s = keys(start(queue), "ar")  # to candidate 3: Armenia opposes Azerbaijan
    s = keys(s, "tRussia, Turkey\r")
    assert (s.mode, s.draft.targets, s.message) == ("choose", ("RUS", "TUR"), "targets: Russia, Turkey")
    s = keys(s, "k")
    assert s.mode == "stance"
    s = step(s, "x", INDEX)
    assert s.mode == "stance" and s.message.startswith("press a number (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)")
    s = step(s, "7", INDEX)  # 1 support 2 praise 3 mediate 4 call_for_ceasefire 5 concern 6 accuse 7 condemn
    assert (s.mode, s.draft.stance) == ("choose", "condemn")
    s = keys(s, "sFrance\x1b")  # Esc: back, the speaker unchanged
    assert (s.mode, s.draft.speaker) == ("choose", "ARM")
    s = keys(s, "t\r")  # Enter on nothing: back, the targets unchanged
    assert (s.mode, s.draft.targets) == ("choose", ("RUS", "TUR"))
    s = keys(s, "tArmenia\ra")
    assert s.message == "the speaker is one of its own targets: press s or t to fix it"
    assert (s.pos, len(s.decisions)) == (2, 2)  # the two decisions before it, none for it
    s = step(s, "z", INDEX)
    assert s.message == f"'z' is no command: {PROMPT}"


def test_a_proposal_without_speaker_or_target_cannot_be_accepted(queue):
    c = queue[0]
    for field, value, message in (("speaker", None, "no speaker: press s to name one"),
                                  ("targets", (), "no target: press t to name one")):
        s = start([Candidate(**{**c.__dict__, field: value})])
        s = step(s, "a", INDEX)
        assert (s.mode, s.message, s.decisions) == ("choose", message, ())


def test_q_stops_and_a_new_session_resumes_after_the_last_decided(queue):
    s = keys(start(queue), "aq")
    assert s.mode == "quit" and len(s.decisions) == 1
    assert step(s, "a", INDEX) is s
    resumed = start(queue, [queue[0].id])
    assert (resumed.pos, resumed.left) == (1, 2)
    # after the LAST decided one, even when an earlier one is undecided
    assert start(queue, [queue[1].id]).pos == 2
    assert start(queue, [c.id for c in queue]).mode == "done"
    assert start(queue, ["gone-from-the-queue"]).pos == 0


# -- the reviewed dataset ------------------------------------------------------------------------
def test_decisions_fill_a_curated_dataset(tmp_path, queue):
    from kg.ingest.curated import validate

    doc = new_document(queue, tmp_path / "Reviewed Set.yaml", "q.yaml")
    assert (doc["dataset"], doc["start"], doc["end"]) == ("reviewed-reviewed-set", "2020-10-02", "2020-10-02")
    record(doc, Decision(queue[0], True, Draft.of(queue[0])))
    record(doc, Decision(queue[1], True, Draft("GEO", "accuse", ("TUR",))))
    record(doc, Decision(queue[2], False, Draft.of(queue[2])))
    record(doc, Decision(queue[0], True, Draft.of(queue[0])))  # the same statement again: once
    assert decided(doc) == [queue[0].id, queue[1].id, queue[2].id, queue[0].id]
    assert doc["sources"] == {"a1": {"url": URL, "date": "2020-10-02",
                                     "title": "Neighbours weigh in as the Karabakh fighting goes on"}}
    assert doc["statements"] == [
        {"speaker": "TUR", "date": "2020-10-02", "stance": "support", "targets": ["AZE"],
         "quote": "Crowds in Ankara said they backed Baku in every way", "source": "a1",
         "span": list(queue[0].quote_span), "sentence": 1, "note": "kg review: accepted as proposed"},
        {"speaker": "GEO", "date": "2020-10-02", "stance": "accuse", "targets": ["TUR"],
         "quote": "The envoy to Moscow, who represents Georgia, said Ankara was sending mercenaries to the region",
         "source": "a1",
         "span": list(queue[1].quote_span), "sentence": 3, "note": "kg review: speaker corrected"}]
    assert doc["review"]["decisions"][1]["proposed"] == {"speaker": "RUS", "stance": "accuse", "targets": ["TUR"]}
    ds = validate(doc, "reviewed.yaml", INDEX)
    assert {(s.speaker, s.stance, s.targets) for s in ds.statements} == {("TUR", "support", ("AZE",)),
                                                                        ("GEO", "accuse", ("TUR",))}


def test_an_existing_dataset_of_another_kind_is_never_taken_over(tmp_path):
    assert read_progress(tmp_path / "absent.yaml") is None
    with pytest.raises(DataError, match="no dataset kg review wrote"):
        read_progress(NK2020)


# -- the command line ----------------------------------------------------------------------------
def test_extract_candidates_then_review_then_validate_and_load(tmp_path, article):
    q, out = tmp_path / "q.yaml", tmp_path / "reviewed.yaml"
    r = kg("extract", article, "--candidates", q)
    assert r.exit_code == 0, r.output
    assert f"wrote 9 review candidates from 1 article(s) to {q}" in r.output
    assert proposals(read_queue(q)) == QUEUE
    r = kg("extract", article, "--candidates", q, "--alternatives", "1")
    assert r.exit_code == 0, r.output
    assert f"wrote 4 review candidates from 1 article(s) to {q}" in r.output
    assert proposals(read_queue(q)) == BEST
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    # accept the first, reject the second, fix the speaker of the third (the envoy is Georgia's),
    # reject the fourth
    r = kg("review", q, "--out", out, input="a" + "r" + "sGeorgia\r" + "a" + "r")
    assert r.exit_code == 0, r.output
    assert PROMPT in r.output and "Crowds in Ankara said they backed Baku in every way." in r.output
    assert f"reviewed all 4 candidates: 2 accepted, 2 rejected, 2 statements in {out}" in r.output
    assert out.read_text(encoding="utf-8").startswith("# Statements reviewed with `kg review`")
    r = kg("validate", out, "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)[0]["statements"] == 2
    r = kg("load", out, "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["added"]["statements"] == 2
    rows = json.loads(kg("statements", "--json").output)
    assert sorted((s["speaker"]["id"], s["stance"], tuple(t["id"] for t in s["targets"])) for s in rows) == [
        ("GEO", "accuse", ("TUR",)), ("TUR", "support", ("AZE",))]
    r = kg("review", q, "--out", out)  # all decided: nothing asked
    assert r.exit_code == 0 and "all 4 candidates" in r.output and "are decided" in r.output
    r = kg("extract", article, "--candidates", q, "--alternatives", "0")
    assert r.exit_code == 2 and "--alternatives" in r.output


def test_review_stops_keeps_and_resumes(tmp_path, article):
    q, out = tmp_path / "q.yaml", tmp_path / "reviewed.yaml"
    assert kg("extract", article, "--candidates", q, "--alternatives", "1", "--json").exit_code == 0
    r = kg("review", q, "--out", out, input="aq")
    assert r.exit_code == 0, r.output
    assert f"stopped: 1 decisions kept in {out}" in r.output and "3 candidates left" in r.output
    r = kg("review", q, "--out", out, input="r\x03")  # Ctrl-C, as piped input or a raw terminal hands it over
    assert r.exit_code == 130
    assert f"interrupted: 2 decisions kept in {out}" in r.output
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [e["decision"] for e in doc["review"]["decisions"]] == ["accept", "reject"]
    r = kg("review", q, "--out", out, input="ar")  # resumes at the third
    assert r.exit_code == 0 and "candidate 3 of 4" in r.output and "candidate 1 of 4" not in r.output
    assert "reviewed all 4 candidates: 2 accepted, 2 rejected" in r.output
    r = kg("review", tmp_path / "q.yaml", "--out", tmp_path / "none.yaml", input="q")
    assert "not written" in r.output and not (tmp_path / "none.yaml").exists()


def test_min_confidence_moves_statements_to_the_queue(tmp_path, article):
    r = kg("extract", article, "--min-confidence", "0.7", "--json")
    assert r.exit_code == 0, r.output
    assert [(s["speaker"], s["stance"]) for s in json.loads(r.output)[0]["statements"]] == [("TUR", "accuse")]
    q = tmp_path / "q.yaml"
    r = kg("extract", article, "--min-confidence", "0.7", "--candidates", q, "--out", tmp_path / "st.yaml",
           "--alternatives", "1")
    assert r.exit_code == 0, r.output
    assert "wrote 5 review candidates, 1 of them statements under 0.7, from 1 article(s)" in r.output
    assert proposals(read_queue(q)) == [*BEST, (5, "IRN", "mediate", ("ARM", "AZE"))]
    assert len(yaml.safe_load((tmp_path / "st.yaml").read_text(encoding="utf-8"))["statements"]) == 1
    r = kg("extract", article)  # default 0: today's behaviour
    assert r.exit_code == 0 and "2 statements" in r.output and "Iran" in r.output
    r = kg("extract", article, "--min-confidence", "2")
    assert r.exit_code == 2 and "--min-confidence" in r.output
    r = kg("extract", article, "--candidates", q, "--out", q)
    assert r.exit_code == 2 and "--out and --candidates name the same file" in r.output


def test_review_refuses_what_it_did_not_write(tmp_path, article):
    q = tmp_path / "q.yaml"
    assert kg("extract", article, "--candidates", q).exit_code == 0
    mine = tmp_path / "mine.yaml"
    mine.write_text(NK2020.read_text(encoding="utf-8"), encoding="utf-8")
    r = kg("review", q, "--out", mine, input="a")
    assert r.exit_code == 2 and "no dataset kg review wrote" in r.output
    assert mine.read_text(encoding="utf-8") == NK2020.read_text(encoding="utf-8")
    r = kg("review", NK2020, "--out", tmp_path / "x.yaml")
    assert r.exit_code == 2 and "not a review queue" in r.output
    r = kg("review", q, "--out", tmp_path / "no" / "x.yaml", input="a")
    assert r.exit_code == 2 and "no such folder" in r.output and "candidate 1" not in r.output


# -- a real terminal ----------------------------------------------------------------------------
class Tmux:
    """One tmux server of its own (its socket in a fresh folder), one 100x30 session running a shell."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="kg-tmux-"))  # short: a socket path has a length limit
        self.base = ["tmux", "-S", str(self.folder / "socket")]

    def start(self, cwd: Path, env: dict[str, str]) -> None:
        envs = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        shell = f"env -i {envs} PS1='$ ' sh"
        subprocess.run([*self.base, "-f", "/dev/null", "new-session", "-d", "-s", "review", "-x", "100", "-y", "30",
                        "-c", str(cwd), shell], check=True, timeout=20)

    def send(self, *keys: str, literal: bool = False) -> None:
        subprocess.run([*self.base, "send-keys", "-t", "review", *(["-l"] if literal else []), *keys],
                       check=True, timeout=10)

    def screen(self, escapes: bool = False) -> str:
        return subprocess.run([*self.base, "capture-pane", "-p", *(["-e"] if escapes else []), "-t", "review"],
                              check=True, timeout=10, capture_output=True, text=True).stdout

    def wait(self, *texts: str, timeout: float = 30) -> str:
        """The screen once it shows every text; fails with the screen after ``timeout`` seconds."""
        end = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if all(t in screen for t in texts):
                return screen
            if time.monotonic() > end:
                pytest.fail(f"the terminal did not show {texts} in {timeout}s; it shows:\n{screen}")
            time.sleep(0.1)

    def kill(self) -> None:
        subprocess.run([*self.base, "kill-server"], timeout=10, capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def wait_file(path: Path, timeout: float = 30) -> str:
    end = time.monotonic() + timeout
    while not (path.exists() and path.read_text().strip()):
        if time.monotonic() > end:
            pytest.fail(f"{path} was not written in {timeout}s")
        time.sleep(0.1)
    return path.read_text().strip()


def styles_of(escaped: str, word: str) -> set[str]:
    """The SGR parameters in force where ``word`` first appears on a ``capture-pane -e`` screen."""
    m = re.search(r"((?:\x1b\[[0-9;]*m)+)" + re.escape(word), escaped)
    assert m, f"{word!r} is not styled on the screen"
    return {p for code in re.findall(r"\x1b\[([0-9;]*)m", m.group(1)) for p in code.split(";")}


@pytest.mark.skipif(shutil.which("tmux") is None,
                    reason="tmux is not installed (apt-get install tmux): the real-terminal test of kg review needs it")
def test_review_in_a_real_terminal(tmp_path, article, kg_home):
    q, out = tmp_path / "q.yaml", tmp_path / "reviewed.yaml"
    assert kg("extract", article, "--candidates", q, "--alternatives", "1").exit_code == 0
    kg_cmd = f"{shlex.quote(sys.executable)} -m kg review q.yaml --out reviewed.yaml"
    term = Tmux()
    try:
        term.start(tmp_path, {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "KG_HOME": str(kg_home),
                              "TERM": "xterm-256color", "LANG": "C.UTF-8"})
        term.send(f"{kg_cmd}; echo $? > rc1", "Enter")
        screen = term.wait(PROMPT, "candidate 1 of 4")
        assert S1 in screen and "speaker  Turkey" in screen and "targets  Azerbaijan" in screen
        escaped = term.screen(escapes=True)
        # the proposal highlighted in the sentence: the speaker on cyan, the cue on yellow, the target on magenta
        assert "46" in styles_of(escaped, "Ankara") and "43" in styles_of(escaped, "backed")
        assert "45" in styles_of(escaped, "Baku")
        term.send("a")
        term.wait("candidate 2 of 4", "1 decided, 3 left", "targets  Armenia, Azerbaijan")
        term.send("r")
        term.wait("candidate 3 of 4", "2 decided, 2 left", "speaker  Russia")
        term.send("s")
        term.wait("speaker name (Enter: done, Esc: back)")
        term.send("Gorgia", literal=True)
        term.send("Enter")
        term.wait("no actor 'Gorgia'; closest: 1 Georgia")
        term.send("1", literal=True)
        term.send("Enter")
        screen = term.wait("speaker  Georgia", "speaker: Georgia", PROMPT)
        assert "46" in styles_of(term.screen(escapes=True), "Georgia")  # the new speaker, highlighted
        term.send("C-c")  # in the middle: candidate 3 edited, not decided
        assert wait_file(tmp_path / "rc1") == "130"
        term.wait("interrupted: 2 decisions kept in reviewed.yaml")
        doc = yaml.safe_load(out.read_text(encoding="utf-8"))
        assert [e["decision"] for e in doc["review"]["decisions"]] == ["accept", "reject"]
        assert [(s["speaker"], s["stance"], s["targets"]) for s in doc["statements"]] == [("TUR", "support", ["AZE"])]

        term.send(f"clear; {kg_cmd}; echo $? > rc2", "Enter")  # resume
        screen = term.wait(PROMPT, "candidate 3 of 4", "2 decided, 2 left")
        assert "candidate 1 of 4" not in screen
        term.send("s")
        term.wait("speaker name")
        term.send("Georgia", literal=True)  # typed fast, then Enter at once: no key is lost
        term.send("Enter")
        term.send("a")
        term.wait("candidate 4 of 4", "3 decided, 1 left")
        term.send("r")
        assert wait_file(tmp_path / "rc2") == "0"
        term.wait("reviewed all 4 candidates: 2 accepted, 2 rejected, 2 statements in reviewed.yaml")
    finally:
        term.kill()
    r = kg("validate", out, "--json")
    assert r.exit_code == 0 and json.loads(r.output)[0]["statements"] == 2


def test_a_speaker_carries_over_to_an_evaluation_without_a_cue():
    text = (f"{URL}\n2020-10-02\nNeighbours\n\nFighting between Armenia and Azerbaijan went on.\n\n"
            "Greece backed Armenia on Friday. \"We admire the courage of the Armenian people,\" a diplomat said.\n")
    x = extract_article(text, index=INDEX)
    assert [(s.sentence, s.speaker, s.stance, s.targets) for s in x.statements] == [(1, "GRC", "support", ("ARM",))]
    queue = review_queue(x, article_body(text), INDEX)[1]
    # sentence 2: no stance cue, but "admire" and "courage" praise; "a diplomat" names no state,
    # so the speaker is Greece, the speaker of the sentence before; the target is named in it.
    # Sentence 1 gave a statement: its other reading (every party as the target) comes with less weight.
    assert [(c.sentence, c.speaker, c.stance, c.targets, c.all_parties) for c in queue] == [
        (1, "GRC", "support", ("ARM", "AZE"), True),
        (2, "GRC", "praise", ("ARM",), False), (2, "GRC", "praise", ("ARM", "AZE"), True)]
    assert queue[0].why == "another reading of a sentence that gave a statement"
    assert queue[1].why == "no statement from this sentence"
    assert queue[1].score > queue[2].score > queue[0].score
    # "a minister" is of the government just named, so the extraction reads it (at an
    # evaluation's confidence); a diplomat may be anyone's
    minister = extract_article(text.replace("a diplomat said", "a minister said"), index=INDEX)
    assert [(s.sentence, s.speaker, s.stance, s.targets, s.confidence) for s in minister.statements] == [
        (1, "GRC", "support", ("ARM",), 0.8), (2, "GRC", "praise", ("ARM",), 0.45)]
