"""From sentences to statements: each cue, its speaker, the cue filters, targets and quote.

:class:`StatementBuilder` walks the sentences (boilerplate skipped), finds each one's speech
events (:mod:`kg.ingest.article.scan`), then for every stance cue in it: drops the cues that
state what someone else is blamed for or that are hypothetical ("accusing France of
supporting ...", "any attack on ..."), finds the speaker (of the quotation holding the cue,
of an earlier speech verb, or the cue's own subject), drops negated cues unless asked to
keep them, finds the targets (:mod:`kg.ingest.article.targets`) and the quote
(:mod:`kg.ingest.article.quotes`), and records one :class:`~kg.ingest.article.result.Extracted`
per (speaker, stance, targets), the first time it is seen.
"""
from __future__ import annotations

import re
from datetime import date as Date

from kg.ingest.article.lexicon import Cue
from kg.ingest.article.mentions import Matcher, tokenize
from kg.ingest.article.parties import infer_parties
from kg.ingest.article.quotes import QuoteFinder
from kg.ingest.article.result import Extracted
from kg.ingest.article.scan import QUOTE, Sent
from kg.ingest.article.speakers import Speaker
from kg.ingest.article.stance import negated
from kg.ingest.article.targets import TargetFinder

from kg.actors import ActorIndex

_QUOTE_MARK = re.compile(r"[\"“”]")


class StatementBuilder(TargetFinder, QuoteFinder):
    """One article's extraction: :meth:`run` fills ``out`` (and ``parties``, ``sentences``)."""

    def __init__(self, body: str, index: ActorIndex, day: Date, keep_negated: bool):
        super().__init__(body, index, day)
        self.keep_negated = keep_negated
        self.out: list[Extracted] = []
        self.seen: set = set()
        self.dropped = 0  # negated cues dropped

    def run(self, title: str | None) -> None:
        """Infer the parties, then extract the statements of every sentence, in order."""
        doc = self.doc
        title_mentions, tt = [], []
        if title:
            tt = tokenize(title)
            title_mentions = Matcher.of(doc.index).mentions(title, tt)
        self.parties = infer_parties(doc.tokens, doc.mentions, doc.index, title_mentions, tt)
        self.find_hits()
        prev_speaker_sentence = -2
        for sent in self.sentences:
            if self.lex.boilerplate_any.search(sent.text):
                continue
            st = Sent(sent, self.tok_at(sent.start), self.tok_at(sent.end))
            st.quotes = [(sent.start + m.start(), sent.start + m.end()) for m in QUOTE.finditer(sent.text)]
            self.find_events(st)
            continuation = (not st.events and st.quotes and st.quotes[0][0] == sent.start
                            and prev_speaker_sentence == sent.index - 1 and doc.last is not None)
            st.continuation = bool(continuation)
            self._cues(st, continuation)
            if st.events:
                prev_speaker_sentence = sent.index

    # -- cues -----------------------------------------------------------------------------------
    def _cues(self, st: Sent, continuation: bool) -> None:
        for cue, cs, ce in self.cue_hits.get(st.sent.index, ()):
            self._cue(st, cue, cs, ce, continuation)

    def _cue(self, st: Sent, cue: Cue, cs: int, ce: int, continuation: bool) -> None:
        doc = self.doc
        k = self.tok_at(cs)
        if k >= st.hi or (k in doc.by_token and doc.by_token[k].start < cs) \
                or (k in doc.by_token and cue.kind != "harm" and doc.kind(doc.by_token[k].actor) != "person"):
            return
        ca, cb = self.clause(st, cs)
        if self.embedded(cue, ca, cs):
            return
        lo = max(st.lo, self.tok_at(ca))
        q = self.in_quote(st, cs)
        speaker: Speaker | None = None
        complement_subject: Speaker | None = None
        content_start = ca
        if q is not None:
            speaker = self.quote_speaker(st, q, continuation)
            content_start = q[0]
        if speaker is None:
            prior = [e for e in st.events if e.k < k and doc.tokens[e.k].start >= ca]
            if prior:
                speaker = prior[-1].speaker
                content_start = doc.tokens[prior[-1].k].end
                complement_subject = doc.np_left(k, prior[-1].k + 1, allow_pronoun=False)
            elif cue.kind == "harm":
                trailing = [e for e in st.events if doc.tokens[e.k].start > cs]
                if trailing and trailing[-1].speaker.start > cs:
                    speaker = trailing[-1].speaker
            else:
                speaker = doc.np_left(k, lo) or doc.np_before_apposition(k, lo)
                if speaker is None:
                    speaker = self.clause_subject(k, lo)
                if speaker is None:
                    trailing = [e for e in st.events if doc.tokens[e.k].start > cs]
                    if trailing and trailing[-1].speaker.start > cs:
                        speaker = trailing[-1].speaker
        if speaker is None:
            return
        if not speaker.pronoun:
            doc.last = speaker
        neg = negated(doc.body[max(ca, cs - 40):cs])
        if neg and not self.keep_negated:
            self.dropped += 1
            return
        evidence: tuple[str, tuple[int, int]] | None = None  # one quote for every actor of the cue
        for actor in speaker.actors:
            folded = doc.fold(actor) or actor
            own = self.parties.camp_of(folded)
            found = self.targets(st, cue, cs, ce, ca, cb, speaker, folded, own, content_start,
                                 complement_subject)
            if found is None:
                continue
            if found == "reciprocal":
                others = [doc.fold(a) or a for a in speaker.actors if (doc.fold(a) or a) != folded]
                if not others:
                    continue
                found = (tuple(others[:1]), False, True)
            targets, all_parties, explicit = found
            targets = tuple(t for t in dict.fromkeys(targets) if t != folded and t != actor)
            if not targets:
                continue
            stance = cue.stance
            if cue.third_party and own is None:
                stance = cue.third_party
            conf = 0.8 if explicit else 0.6
            if cue.kind == "harm":
                conf -= 0.1
            if speaker.pronoun:
                conf -= 0.1
            if speaker.candidate:
                conf -= 0.1
            if (actor, stance, targets) in self.seen:  # said before: no need for its evidence
                continue
            if evidence is None:
                evidence = self.evidence(st, cs, ce, ca, cb, speaker, q, content_start, targets)
            self.emit(evidence, dict(
                speaker=actor, on_behalf_of=doc.fold(actor) if doc.kind(actor) == "person" else None,
                stance=stance, targets=targets, sentence=st.sent.index,
                confidence=round(max(conf, 0.1), 2), joint=speaker.joint, negated=neg,
                all_parties=all_parties))

    def embedded(self, cue: Cue, ca: int, cs: int) -> bool:
        """Whether a cue states what someone else is blamed for, not the speaker's stance.

        "accusing France of supporting the occupation" is no support; "any attack on its
        embassy would ..." reports no attack. Accusation cues are kept: "accused Baku of
        shelling" is an accusation either way.
        """
        if cue.stance == "accuse" and cue.kind != "harm":
            return False
        if cue.kind == "harm":
            return bool(self.lex.hypothetical_harm.search(self.low, max(ca, cs - 20), cs))
        tail = self.low[max(ca, cs - 20):cs]
        if not any(hint in tail for hint in self.lex.reported_act_hints):
            return False  # the cheap test first: most cues follow no "of", "for" or "with"
        return bool(self.lex.reported_act.search(self.low[max(ca, cs - 90):cs]))


    def clause_subject(self, k: int, lo: int) -> Speaker | None:
        """The subject of the nearest verb to the left ("Putin discussed ... and called for")."""
        doc = self.doc
        for j in range(k - 1, max(lo, k - 30) - 1, -1):
            t = doc.tokens[j]
            if t.norm in self.lex.relatives:
                return None
            if t.cap or j in doc.by_token or t.norm in self.lex.title_words or len(t.norm) < 3:
                continue
            if _QUOTE_MARK.search(doc.body[t.end:doc.tokens[j + 1].start] if j + 1 < len(doc.tokens) else ""):
                continue
            sp = doc.np_left(j, lo, allow_pronoun=True)
            if sp is not None:
                return sp
        return None


    def emit(self, evidence: tuple[str, tuple[int, int]], x: dict) -> None:
        """Record statement ``x`` (the fields of :class:`Extracted` but its quote and span)."""
        key = (x["speaker"], x["stance"], x["targets"])
        if key in self.seen:
            return
        self.seen.add(key)
        quote, span = evidence
        self.out.append(Extracted(**x, quote=quote, span=span))
