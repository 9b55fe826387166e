"""An experiment: repair an :class:`~kg.ingest.article.result.Extraction` with a dependency parse.

Applied after the rule-based extractor, on its output and the article body's parse
(bench/corenlp_client.py, CoreNLP's basic dependencies). Nothing in ``kg extract`` uses it:
``bench/parser_eval.py`` measures whether it pays (it does not: see tools/corenlp/README.md), so it
lives in bench/ beside its client, importing the package's article modules.

- **negation on the governing verb** (b): a statement whose cue word, or the verb governing it,
  has a ``not``/``never``/``n't`` dependent (or whose speech verb has one) is dropped;
- **speaker through the tree** (a): for a stance cue (the extractor's own cue patterns) that
  produced no statement, the speaker is the actor named in the subject of the cue's verb, else in
  the subject of the speech verb whose complement holds the cue ("X said that ... condemned"),
  appositions and possessives included ("Britain's foreign secretary, Dominic Raab, ...");
- **target as object or oblique** (c): the actor named in the object, oblique or nominal modifier
  of the cue word (one hop down), not the speaker. Without both, nothing is added.
"""
from __future__ import annotations

import dataclasses

from corenlp_client import Sentence
from kg.ingest.article.lexicon import lexicon
from kg.ingest.article.mentions import Matcher, Mention, tokenize
from kg.ingest.article.result import Extracted, Extraction

from kg.actors import ActorIndex

__all__ = ["repair"]

NEGATORS = frozenset({"not", "never", "n't", "no"})
SUBJECTS = ("nsubj", "nsubj:pass", "csubj")
ARGUMENTS = ("obj", "obl", "nmod", "iobj", "xcomp")
CLOSE = ("nmod:poss", "compound", "amod", "appos", "conj", "flat")
UP = ("ccomp", "xcomp", "conj", "advcl", "acl", "parataxis")
PARSE_CONFIDENCE = 0.55


def _negated(s: Sentence, i: int) -> bool:
    """Token i, or the verb it hangs from (for a noun or an xcomp), has a negator."""
    for k in (i, s.head(i)):
        if k and any(s.token(c).lemma.lower() in NEGATORS for c in s.children(k, "advmod", "neg", "det")):
            return True
    return False


def _actors_in(mentions: list[Mention], span: tuple[int, int]) -> list[Mention]:
    return [m for m in mentions if span[0] <= m.start and m.end <= span[1]]


def _speaker(s: Sentence, i: int, mentions: list[Mention]) -> Mention | None:
    """The actor named in the subject of i, or of the verbs above it through complements (3 hops)."""
    k = i
    for _ in range(4):
        for subj in s.children(k, *SUBJECTS):
            found = _actors_in(mentions, s.subtree(subj))
            if found:
                return found[0]
        if s.rel(k).split(":")[0] not in UP or not s.head(k):
            return None
        k = s.head(k)
    return None


def _near(s: Sentence, k: int, mentions: list[Mention]) -> list[Mention]:
    """Actors named by token k itself or its closest modifiers (a name, a possessive, an apposition),
    not deeper in the phrase ("the forces of Ethiopia's Tigray region" names no Ethiopia target)."""
    toks = [s.token(j) for j in (k, *s.children(k, *CLOSE))]
    return [m for m in mentions if any(m.start < t.end and t.start < m.end for t in toks)]


def _target(s: Sentence, i: int, mentions: list[Mention], speaker: str, index: ActorIndex) -> Mention | None:
    for arg in s.children(i, *ARGUMENTS):
        for m in _near(s, arg, mentions):
            if m.actor != speaker and index.speaks_for(m.actor) == m.actor:  # a state or organisation
                return m
    return None


def repair(ex: Extraction, body: str, sentences: list[Sentence], index: ActorIndex) -> Extraction:
    """A copy of ``ex`` with negated statements dropped and parse-found statements added."""
    lex = lexicon()
    mentions = Matcher.of(index).mentions(body, tokenize(body))
    kept: list[Extracted] = []
    for st in ex.statements:
        sent = next((s for s in sentences if s.start <= st.span[0] < s.end), None)
        i = sent.at(st.span[0]) if sent else None
        if sent and i and not st.negated and _negated(sent, i) and sent.token(i).pos.startswith("VB"):
            continue
        kept.append(st)
    have = {(st.speaker, st.stance, st.targets) for st in kept}
    covered = {(st.span[0], st.stance) for st in kept}
    added: list[Extracted] = []
    for s in sentences:
        low = body[s.start:s.end].lower()
        for cue, m in lex.cue_matches(low):
            i = s.at(s.start + m.start())
            if not i or any(s.start <= a < s.end and stance == cue.stance for a, stance in covered) \
                    or _negated(s, i):
                continue
            who = _speaker(s, i, mentions)
            if who is None:
                continue
            speaker = who.actor
            on_behalf = index.speaks_for(speaker, ex.date)
            tgt = _target(s, i, mentions, on_behalf or speaker, index)
            if tgt is None or tgt.actor in (speaker, on_behalf):
                continue
            key = (speaker, cue.stance, (tgt.actor,))
            if key in have:
                continue
            have.add(key)
            a, b = min(who.start, s.start + m.start()), max(tgt.end, s.start + m.end())
            added.append(Extracted(speaker=speaker, on_behalf_of=on_behalf if on_behalf != speaker else None,
                                   stance=cue.stance, targets=(tgt.actor,), quote=body[a:b][:400], span=(a, b),
                                   sentence=s.index, confidence=PARSE_CONFIDENCE))
    return dataclasses.replace(ex, statements=kept + added)
