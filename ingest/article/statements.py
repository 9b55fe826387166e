"""From sentences to statements: each cue, its speaker, the cue filters, targets and quote.

:class:`StatementBuilder` walks the sentences (boilerplate skipped), finds each one's speech
events (:mod:`kg.ingest.article.scan`), then for every stance cue in it: drops the cues that
state what someone else is blamed for or that are hypothetical ("accusing France of
supporting ...", "any attack on ..."), finds the speaker (of the quotation holding the cue,
of an earlier speech verb, or the cue's own subject), drops negated cues unless asked to
keep them, finds the targets (:mod:`kg.ingest.article.targets`) and the quote
(:mod:`kg.ingest.article.quotes`), and records one :class:`~kg.ingest.article.result.Extracted`
per (speaker, stance, targets), the first time it is seen. Then, in what a speaker says where
no cue fired, a clear evaluation of a named actor (:mod:`kg.ingest.article.evaluation`: "X's
moves are nothing more than a land grab", "we appreciate X's restraint") gives a statement
of lower confidence (:data:`EVALUATION_CONFIDENCE`).
"""
from __future__ import annotations

import re
from datetime import date as Date

from kg.ingest.article.evaluation import evaluate
from kg.ingest.article.frame import ELECTION_WORDS, event_state
from kg.ingest.article.lexicon import Cue
from kg.ingest.article.mentions import Matcher, Mention, tokenize
from kg.ingest.article.parties import ACT_NOUNS, infer_agents, infer_parties
from kg.ingest.article.quotes import QuoteFinder
from kg.ingest.article.result import Extracted
from kg.ingest.article.scan import QUOTE, Sent
from kg.ingest.article.speakers import Speaker
from kg.ingest.article.stance import negated
from kg.ingest.article.targets import TargetFinder

from kg.actors import ActorIndex

_QUOTE_MARK = re.compile(r"[\"“”]")
# Words that open a clause of its own between a cue and a later speech verb.
_SUBORDINATE = re.compile(r"\b(?:after|before|as|while|when|because|since|that|which|who|whom|if|until|where)\b")
# Where what a speaker says divides into clauses, each evaluated on its own.
_PART_BREAK = re.compile(r"[;:]\s|\s(?:[—–]|--)\s|[.!?]\s+(?=[A-Z“\"‘'])|,?\s(?:but|while|whereas|although|though)\s")
# What comes between a speech verb and what was said: "said on Monday that", "told reporters".
_REPORTED_LEAD = re.compile(r"[\s,:]*(?:(?:[\w'’.-]+\s+){0,4}?that\b)?[\s,:]*"
                            r"(?:(?:late\s+|early\s+)?on\s+\w+day\b[\s,]*)?", re.I)
_OUGHT = re.compile(r"\b(?:must|should|ought\s+to|has\s+to|have\s+to|needs?\s+to|deserves?\s+to)\s+"
                   r"(?:(?:be|also|now|all|firmly|strongly|unequivocally|be\s+strongly)\s+)*$")
"""Before a passive cue, what ought to be done, which the speaker does: "must be condemned"."""
# A cue in the passive ("Armenia was condemned by France", "the move has been widely criticised"):
# a form of "be" and at most one adverb right before a past participle.
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?$", re.I)
# "X signed the treaties, a move Y denounced as": a reduced relative, Y's stance on X's move
_MOVE = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:move|idea|step|decision|proposal|plan|offer|suggestion|measure|"
                   r"action|demand|request)\s+(?:that\s+|which\s+)?(?=\S[^,;]*$)")
# "X was condemned by Kenya and praised by Eritrea": the second verb is a passive too, of X
_COORDINATED_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?\w+ed\s+(?:[\w-]+\s+){0,2}?"
                                  r"by\s+[^.;:]{1,60}?\s(?:and|but|while|yet)\s+(?:\w+ly\s+)?$", re.I)
_AUXILIARIES = frozenset({"has", "have", "had", "was", "were", "is", "are", "been", "being", "be"})
_SUBORDINATE_OPENERS = {"after", "before"}
"""An opening clause up to its comma ("After China said it was mediating, Japan urged"): who speaks
in it does not speak the main clause. Only the openers :meth:`Doc.after_opening` reads (its
``opening_words``); for any other it would return the clause's start and only drop the sentence's
earlier events."""
_CLAUSE_OPENERS = {"that", "which", "because", "as", "if", "whether", "since"}
"""Before the subject of a reported clause ("stating that they are ..."): it is no speaker."""
_WARNING_AFTER = re.compile(r"(?:,|\band)\s*warning\b")
"""A warning that goes on from the sentence's stance: "..., warning that it could have consequences"."""
_PASSIVE_STANCES = ("condemn", "oppose", "accuse", "praise", "support")
_FEELINGS = frozenset({"outraged", "appalled", "shocked", "dismayed", "disappointed", "horrified", "disgusted",
                       "angered", "incensed", "pleased", "delighted", "heartened", "encouraged", "gratified"})
"""Words in -ed after "was" that are the subject's own feeling, not a passive ("was outraged by")."""
# Who acts in a passive: "by" within three words after the verb ("was condemned on Monday by").
_BY_AGENT = re.compile(r"[\s,]+(?:[\w-]+[\s,]+){0,3}?by\s+(?:the\s+)?$", re.I)
# What a subject drew from others: "drew (sharp) criticism from", "sparked condemnation from".
_DREW = re.compile(r"\b(?:dr[ae]w|draws|drawn|drawing|spark(?:s|ed|ing)?|prompt(?:s|ed|ing)?|trigger(?:s|ed|ing)?|"
                   r"provok(?:e|es|ed|ing)|attract(?:s|ed|ing)?|earn(?:s|ed|ing)?|(?:met|meets?)\s+with)\s+"
                   r"(?:(?:wide|widespread|international|global|strong|sharp|fierce|harsh|swift|broad|much|some|"
                   r"the|immediate|(?:an?\s+)?(?:wave|storm|chorus)\s+of)\s+){0,3}$")
_FROM = re.compile(r"\s+(?:from|by)\s+(?:the\s+)?")
_VERB_ONLY_CLAUSE = re.compile(r"\b(?:but|and|yet)\s+(?:(?:also|later|then|again|still)\s+)?$", re.I)
"""A clause that is only its verb ("..., but warned"): its subject is the sentence's."""
_SAID_THAT_TOO = re.compile(r"\b(?:but|and)\s+that\s", re.I)
"""A second thing said ("X said A but that B"): its speaker is the sentence's."""
_SCARE_QUOTE_WORDS = 5
"""A quotation this short inside a sentence is its subject's words ('voiced "grave concern"')."""
# Verbs of contact, travel and posting that are no speech verb ("met", "flew to", "wrote on X"):
# their subject is who "he" or "it" is next.
_CONTACT_VERBS = frozenset({"spoke", "speaks", "phoned", "telephoned", "called", "met", "meets", "held",
                            "holds", "issued", "issues", "released", "hosted", "received", "visited",
                            "addressed", "addresses", "flew", "flies", "travelled", "traveled", "arrived",
                            "arrives", "returned", "landed", "toured", "attended", "chaired", "convened",
                            "summoned", "wrote", "tweeted", "posted", "denied", "denies", "rejected",
                            "dismissed", "proposed", "proposes", "announced", "announces", "signed", "signs",
                            "declared", "declares", "ordered", "orders", "imposed", "imposes"})
_JUDGED_ACT = re.compile(r"\b(?:call|describ|brand|term|label|denounc|slamm)\w*\s+"
                         r"(?:the|this|these|those|its|their|such)\s+(?:[\w-]+\s+){0,2}?(?P<noun>" + ACT_NOUNS
                         + r")\s+(?:as\s+)?(?:an?\s+)?[\"“]?$")
"""A verb of judging and the act it judges, right before the words that judge it."""
# A cue that is a claim about its subject, not its subject's act: "Armenia is the aggressor", "X bears
# full responsibility".
_CLAIM = re.compile(r"(?:is|are|was|were|be|been|has|have|had|must|should|will|would|can|could|bears?|bore)\b")
_BOTH_SIDES = re.compile(r"\W*(?:with\s+)?(?:both|the\s+two)\s+(?:sides|countries|parties|neighbou?rs|nations|armies|"
                        r"governments|capitals)(?:\s+(?:have|had|again|also|repeatedly|on\s+\w+day))*\s+", re.I)

_COMMA_AFTER = re.compile(r"[^,]*,\s*")
"""Up to the comma that ends "According to X, ...": what X said follows it."""

EVALUATION_CONFIDENCE = 0.45
"""Confidence of a statement from evaluative words (less 0.1 for a pronoun or a candidate speaker):
below a cue's (0.8 with its target named, 0.6 without, 0.5 at least for a reported attack), so that
the review queue, not the output, takes them."""


class StatementBuilder(TargetFinder, QuoteFinder):
    """One article's extraction: :meth:`run` fills ``out`` (and ``parties``, ``sentences``)."""

    def __init__(self, body: str, index: ActorIndex, day: Date, keep_negated: bool):
        super().__init__(body, index, day)
        self.keep_negated = keep_negated
        self.out: list[Extracted] = []
        self.seen: set = set()
        self.harmed: set = set()  # (speaker, stance, targets, sentence) read from a harm noun
        self.dropped = 0  # negated cues dropped

    def run(self, title: str | None) -> None:
        """Infer the parties, then extract the statements of every sentence, in order."""
        doc = self.doc
        title_mentions, tt = [], []
        if title:
            tt = tokenize(title)
            title_mentions = Matcher.of(doc.index).mentions(title, tt)
        # who did what: the body's account, else the title's ("Russia's annexation of ...")
        in_title = infer_agents(tt, title_mentions, doc.index, title or "")
        in_body = infer_agents(doc.tokens, doc.mentions, doc.index, doc.body)
        self.parties = infer_parties(doc.tokens, doc.mentions, doc.index, title_mentions, tt,
                                     agents=[*set(in_body.values()), *set(in_title.values())])
        self.agents = {**in_title, **in_body}
        if "coup" not in self.agents:  # "condemned the coup": the junta, as the frame reads it
            junta = event_state(doc.tokens, doc.mentions, doc.index)
            if junta is not None:
                self.agents["coup"] = junta
        if "election" not in self.agents:  # "rejected the results": the state that held the vote
            held = event_state(doc.tokens, doc.mentions, doc.index, ELECTION_WORDS)
            if held is not None:
                self.agents["election"] = held
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
            before = len(self.out)
            self._cues(st, continuation)
            self._evaluations(st, continuation, {x.speaker for x in self.out[before:]})
            self.drop_subsumed(before)
            if not st.events and len(self.out) == before:
                self.remember_contact(st)
            elif len(self.out) == before and not st.events[-1].speaker.pronoun:
                doc.last = st.events[-1].speaker  # "KCNA said the drill was a prelude. It warned ...": KCNA
            doc.topic = doc.opening_state(st.lo, st.hi)
            if st.events:
                prev_speaker_sentence = sent.index

    # -- cues -----------------------------------------------------------------------------------
    def _cues(self, st: Sent, continuation: bool) -> None:
        self.read = set()  # where a cue gave a statement or was read as negated: no evaluation there
        demands, calls = set(), []
        for cue, cs, ce in self.cue_hits.get(st.sent.index, ()):
            before = (len(self.out), self.dropped)
            self._cue(st, cue, cs, ce, continuation)
            if (len(self.out), self.dropped) != before or cue.kind == "harm":
                self.read.add(cs)
            if cue.target == "subject" and len(self.out) > before[0]:
                demands.add(ce)
            elif cue.target == "parties" and cue.stance == "call_for_ceasefire":
                calls.append((ce, before[0], len(self.out)))
        # "the offensive must stop" is a demand of its agent, not a call on every party as well
        drop = {n for ce, a, b in calls if ce in demands for n in range(a, b)}
        for n in sorted(drop, reverse=True):
            x = self.out.pop(n)
            self.seen.discard((x.speaker, x.stance, x.targets))  # a later call may still be made

    def _cue(self, st: Sent, cue: Cue, cs: int, ce: int, continuation: bool) -> None:
        doc = self.doc
        k = self.tok_at(cs)
        if k >= st.hi or (k in doc.by_token and doc.by_token[k].start < cs) \
                or (k in doc.by_token and cue.kind != "harm" and doc.kind(doc.by_token[k].actor) != "person"):
            return
        ca, cb = self.clause(st, cs)
        lo = max(st.lo, self.tok_at(ca))
        drawn = self.drawn_from(cue, ca, cs, ce, cb, lo)  # "the offensive drew criticism from Kenya"
        if drawn is None and self.embedded(cue, ca, cs):
            self.read.add(cs)  # no stance here, and no evaluation of these words either
            return
        q = self.in_quote(st, cs)
        speaker: Speaker | None = None
        complement_subject: Speaker | None = None
        content_start = ca
        if drawn is not None:
            speaker, complement_subject = drawn
            self.read.add(cs)
        elif q is not None:
            speaker = self.quote_speaker(st, q, continuation)
            content_start = q[0]
            if (speaker is None or speaker.start >= q[1]) \
                    and not any(ca <= doc.tokens[e.k].start < q[0] for e in st.events):
                content_start = ca  # 'The strikes were "a violation", X said': the lead-in was said too
            kq = self.tok_at(q[0])
            if speaker is None and len(doc.body[q[0]:q[1]].split()) <= _SCARE_QUOTE_WORDS and kq - 1 > lo:
                # a few words quoted inside a sentence: 'Japan voiced "grave concern"' is Japan's;
                # not the subject of a clause it reports ('stating that they are "unjustified"')
                speaker = doc.np_left(kq - 1, lo)
                opener = self.tok_at(speaker.start) - 1 if speaker is not None and speaker.pronoun else lo
                if opener > lo and doc.tokens[opener].norm in _CLAUSE_OPENERS:
                    speaker = self.sentence_subject(lo, doc.tokens[opener].start)  # the sentence's subject
                content_start = ca
        elif self.passive(cue, ca, cs, ce):
            # the one named after "by" speaks, about the subject; with no one named, no statement
            self.read.add(cs)
            speaker = self.by_agent(ce, cb)
            # "X was condemned by Kenya and praised by Eritrea": the second verb's subject is X,
            # before the first verb (and before the clause a "but" starts)
            first = self.coordinated_passive(cs)
            verb, subj_start = (self.tok_at(first.start()), min(ca, max(st.sent.start, first.start() - 100))) \
                if first is not None else (k, ca)
            subj_lo = max(st.lo, self.tok_at(subj_start))
            complement_subject = doc.np_left(verb, subj_lo, allow_pronoun=False)
            if complement_subject is None:  # "France, home to a large diaspora, has been accused by"
                j = verb
                while j - 1 > subj_lo and (doc.tokens[j - 1].norm in _AUXILIARIES
                                           or doc.tokens[j - 1].norm.endswith("ly")):
                    j -= 1
                complement_subject = doc.np_before_apposition(j, subj_lo)
                owner = self.owner_before(subj_start, doc.tokens[j].start) if j < verb else None
                if complement_subject is None and owner is not None:  # "Ethiopia's offensive was condemned by"
                    complement_subject = Speaker((owner,), subj_start, doc.tokens[verb].start)
            if complement_subject is None and first is not None:  # "the offensive was condemned by ..."
                agent = self.agent_of_subject(subj_start, first.start(), "")
                complement_subject = Speaker((agent,), subj_start, first.start()) if agent is not None else None
            if speaker is None or (complement_subject is None and self.agent_of_subject(ca, cs, "") is None):
                return  # the subject is an actor, or an act whose agent the article names
        if speaker is None:
            # "X said ... but warned Y": a clause of the verb alone has the sentence's speaker
            since = st.sent.start if _VERB_ONLY_CLAUSE.search(doc.body, max(st.sent.start, ca - 12), cs) \
                or _SAID_THAT_TOO.search(doc.body, max(st.sent.start, ca - 12), min(cs, ca + 10)) else ca
            opened = doc.after_opening(lo, k) if doc.tokens[lo].norm in _SUBORDINATE_OPENERS else 0
            prior = [e for e in st.events if opened <= e.k < k and doc.tokens[e.k].start >= since] \
                or [e for e in st.events if e.k == st.lo and doc.tokens[e.k].norm == "according"
                    and e.speaker.end <= cs]  # "According to X, the offensive was unacceptable"
            if prior and doc.tokens[prior[-1].k].norm == "according" \
                    and "," in doc.body[prior[-1].speaker.end:cs] and not _CLAIM.match(self.low, cs):
                prior = prior[:-1]  # "According to the Kremlin, Putin called for": Putin's call
            if prior:
                speaker = prior[-1].speaker
                content_start = doc.tokens[prior[-1].k].end
                complement_subject = doc.np_left(k, prior[-1].k + 1, allow_pronoun=False)
            elif cue.kind == "harm" or cue.target == "subject":  # its subject is no speaker
                speaker = self.trailing_speaker(st, ce)
            elif _CLAIM.match(self.low, cs):  # "X is the aggressor, Y said": a claim about X, Y's
                speaker = self.trailing_speaker(st, ce)
                complement_subject = doc.np_left(k, lo, allow_pronoun=False)
            elif (move := _MOVE.search(self.low, ca, cs)) is not None:
                # "X proposed a zone, an idea Y dismissed as unrealistic": Y's stance, on X
                speaker = doc.np_left(k, self.tok_at(move.end()))
                if speaker is None:
                    return  # not someone known: nobody further back said it
                complement_subject = doc.np_left(self.tok_at(move.start()), lo, allow_pronoun=False) \
                    or self.sentence_subject(lo, move.start())
            else:
                speaker = self.label_speaker(cs, right_after=True) or doc.np_left(k, lo) \
                    or doc.np_before_apposition(k, lo)
                if speaker is None:  # "Kirby said the United States condemned": Kirby is nobody known
                    said = [j for j in range(lo, k) if doc.tokens[j].norm in self.lex.speech_verbs
                            and j not in doc.by_token]
                    speaker = doc.np_left(k, said[-1] + 1, allow_pronoun=False) if said else None
                if speaker is None:  # "X condemned Y, with Athens calling it ...": Athens
                    speaker = self.with_subject(k, lo)
                if speaker is None:
                    speaker = self.clause_subject(k, lo)
                if speaker is None:
                    speaker = self.trailing_speaker(st, ce)
        if speaker is None and cue.target == "reciprocal":
            speaker = self.both_sides(st, ca, cs)
        if speaker is None and k == lo and lo > st.lo and doc.tokens[k].norm.endswith("ing") \
                and doc.tokens[k - 1].norm in ("while", "and"):
            speaker = self.sentence_subject(st.lo, cs)  # "X welcomed the deal while praising China"
        if speaker is None:
            speaker = self.label_speaker(cs)  # "CHINA: The foreign ministry urged ..."
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
                found = self.warning_after(st, cue, cs, actor)
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
            if cue.kind == "harm":
                self.harmed.add((actor, stance, targets, st.sent.index))

    def drop_subsumed(self, since: int) -> None:
        """Drop what a sentence's stronger statements already say (the ones after ``since``): an
        accusation read from a harm noun where the same speaker condemns the same target ("condemns
        the brutal Israeli aggression" is one condemnation), and a concern about every party where
        the same speaker names whom its concern is about."""
        new = self.out[since:]
        condemned = {(x.speaker, x.targets) for x in new if x.stance == "condemn"}
        named = {x.speaker for x in new if not x.all_parties and x.stance == "concern"}
        keep = [x for x in new
                if not ((x.speaker, x.stance, x.targets, x.sentence) in self.harmed
                        and (x.speaker, x.targets) in condemned)
                and not (x.all_parties and x.stance == "concern" and x.speaker in named)]
        if len(keep) != len(new):
            for x in new:
                if x not in keep:
                    self.seen.discard((x.speaker, x.stance, x.targets))
            self.out[since:] = keep

    def warning_after(self, st: Sent, cue: Cue, cs: int, actor: str):
        """The targets of a warning that names no one, in a participle after the speaker's stance
        on Y in the same sentence: Y ("X condemned the strike by Y, warning that it could have
        serious consequences"); None otherwise."""
        if cue.stance not in ("warn", "threaten") or not _WARNING_AFTER.search(self.low, max(0, cs - 2), cs + 8):
            return None
        prior = [x for x in self.out if x.sentence == st.sent.index and x.speaker == actor
                 and x.stance in ("condemn", "oppose", "accuse")]
        return (prior[-1].targets, False, True) if prior else None

    def passive(self, cue: Cue, ca: int, cs: int, ce: int) -> bool:
        """Whether the cue is a verb in the passive ("was condemned", "is widely backed"): the
        one who takes the stance is then not its subject. Only verbs of stances aimed at someone;
        "was deeply concerned" is the subject's own concern."""
        if cue.kind == "harm" or cue.stance not in _PASSIVE_STANCES:
            return False
        word = self.low[cs:ce].split(maxsplit=1)[0] if ce > cs else ""
        if word.startswith("un") or word in _FEELINGS:  # "was unjustified", "was outraged": no passive
            return False
        if self.low.startswith(" to ", ce):  # "Israel is opposed to French mediation": its own stance
            return False
        if _OUGHT.search(self.low, max(ca, cs - 30), cs):  # "the aggression must be condemned": the speaker's
            return False
        return word.endswith("ed") and (_PASSIVE_BEFORE.search(self.low, max(ca, cs - 30), cs) is not None
                                        or self.coordinated_passive(cs) is not None
                                        or self.low.startswith(" by ", ce))  # "X—backed by Y—warned"

    def coordinated_passive(self, cs: int) -> re.Match | None:
        """The first of two passives joined before the cue ("was condemned by Kenya and" before
        "praised by Eritrea"): the cue's subject is that one's."""
        return _COORDINATED_PASSIVE.search(self.low, max(0, cs - 100), cs)  # "but" may start the clause

    def drawn_from(self, cue: Cue, ca: int, cs: int, ce: int, cb: int, lo: int) -> tuple[Speaker, Speaker] | None:
        """The ones a stance came from, and what it is about, when a subject "drew" it: "the
        offensive drew sharp criticism from Kenya and Uganda" (Kenya's and Uganda's, about the
        offensive's agent), "Ethiopia's move sparked condemnation from the AU". None otherwise."""
        if cue.stance not in ("condemn", "oppose", "praise", "support"):
            return None
        drew = _DREW.search(self.low, max(ca, cs - 60), cs)
        first = next(iter(self.mentions_in(ce, cb)), None)
        if drew is None or first is None or not _FROM.fullmatch(self.low, ce, first.start):
            return None
        subject = self.doc.np_left(self.tok_at(drew.start()), lo, allow_pronoun=False)
        if subject is None:  # an act: whoever the article says did it, or whose it is ("X's move")
            agent = self.owner_before(ca, drew.start()) or self.agent_before(ca, drew.start())
            subject = Speaker((agent,), ca, drew.start()) if agent is not None else None
        if subject is None:
            return None
        return self.listed_speaker(first, cb), subject

    def by_agent(self, ce: int, cb: int) -> Speaker | None:
        """The actors named after "by" right after a passive cue ("was condemned by the UN", "was
        widely condemned, including by Kenya and Uganda")."""
        first = next(iter(self.mentions_in(ce, cb)), None)
        if first is None or not _BY_AGENT.fullmatch(self.low, ce, first.start):
            return None
        return self.listed_speaker(first, cb)

    def listed_speaker(self, first: Mention, cb: int) -> Speaker:
        """``first`` and the actors listed with it, speaking together: "by Kenya and Uganda"."""
        listed = self.listed_from(first, cb)
        return Speaker(tuple(dict.fromkeys(m.actor for m in listed)), first.start, listed[-1].end)

    def both_sides(self, st: Sent, ca: int, cs: int) -> Speaker | None:
        """The parties, jointly, when the clause before a reciprocal cue, or its words after the last
        comma, are "both sides" or "the two sides" ("Both sides accused each other of ...", "...,
        with both sides accusing each other"); None otherwise or without two parties."""
        heads = self.parties.heads
        if len(heads) != 2:
            return None
        start = max(ca, st.sent.start)
        comma = self.doc.body.rfind(",", start, cs)  # "..., with both sides accusing each other"
        if not (_BOTH_SIDES.fullmatch(self.doc.body, start, cs)
                or (comma >= 0 and _BOTH_SIDES.fullmatch(self.doc.body, comma + 1, cs))):
            return None
        return Speaker(heads, ca, cs)

    # -- evaluations ----------------------------------------------------------------------------
    def _evaluations(self, st: Sent, continuation: bool, spoken: set[str]) -> None:
        """Statements from the evaluative words of what a speaker says, where no cue fired.

        What is said is a quotation (its speaker as for a cue), the clause a speech verb
        introduces ("X said Y's moves were ...") or a sentence opening with "We" outside any
        quotation (a statement quoted at length: the last speaker's). A part of it holding a stance cue that gave a
        statement (or was read as negated) is left to the cue rules, and so is a speaker who
        already has a statement from the sentence. Each clause of the rest is rated
        (:mod:`kg.ingest.article.evaluation`) and, when its evaluation is clear and aimed at an
        actor named in it (:meth:`~kg.ingest.article.targets.TargetFinder.evaluated`), gives a
        statement of confidence :data:`EVALUATION_CONFIDENCE` or less; a clause of concern that
        names no one is, as a cue of concern, about every party (when the speaker is none).
        Only a speaker who speaks for a state or an organisation on the day counts: the
        evaluative words of a private person, or of a person whose office is unknown, are no
        diplomatic stance.
        """
        hits = [cs for cue, cs, _ in self.cue_hits.get(st.sent.index, ()) if cs in self.read and cue.kind != "harm"]
        doc = self.doc
        for q in st.quotes:
            span = self.inner(q)
            if span is None or any(span[0] <= cs < span[1] for cs in hits):
                continue
            self._evaluate_span(st, span, lambda q=q: self.quote_speaker(st, q, continuation)
                                or self.judge_of(st, q[0]), spoken)
        for e in st.events:
            verb = doc.tokens[e.k]
            if verb.norm == "according":  # "According to X, the offensive was reckless": X's account
                if e.k != st.lo:
                    continue
                a, b = e.speaker.end, st.sent.end
                a = _COMMA_AFTER.match(doc.body, a, b).end()
            elif e.speaker.end > verb.start or any(verb.start <= cs < verb.end for cs in hits):
                continue
            else:
                a, b = verb.end, self.clause(st, verb.start)[1]
                a = _REPORTED_LEAD.match(doc.body, a, b).end()
            b = min([b] + [doc.tokens[x.k].start for x in st.events if a < doc.tokens[x.k].start < b])
            while b > a and doc.body[b - 1] in " ,.;:":
                b -= 1
            if b - a < 12 or any(a <= cs < b for cs in hits) or self.in_quote(st, a):
                continue
            self._evaluate_span(st, (a, b), lambda e=e: e.speaker, spoken)
        # a statement quoted at length, without quotation marks: "We appreciate X's restraint."
        if st.lo < st.hi and doc.tokens[st.lo].norm == "we" and not st.quotes and not st.events \
                and doc.last is not None:
            a, b = st.sent.start, st.sent.end
            if not any(a <= cs < b for cs in hits):
                last = doc.last
                self._evaluate_span(st, (a, b), lambda: Speaker(last.actors, a, a, pronoun=True), spoken)

    def _evaluate_span(self, st: Sent, span: tuple[int, int], who, spoken: set[str]) -> None:
        """The statements of one speaker's words ``span``; ``who()`` finds the speaker."""
        doc, (a, b) = self.doc, span
        whole = evaluate(doc.body[a:b])
        if not whole.words:
            return
        cuts = [a] + [m.end() for m in _PART_BREAK.finditer(doc.body, a, b)] + [b]
        speaker = None
        for pa, pb in zip(cuts, cuts[1:], strict=False):
            ev = whole.part(pa - a, pb - a)
            if not ev.words or ev.stance is None:
                continue
            speaker = speaker or who()
            if speaker is None:
                return
            for actor in speaker.actors:
                if actor in spoken:
                    continue
                folded = doc.fold(actor)
                if folded is None or doc.kind(folded) == "person":
                    continue
                found = self.evaluated(pa, pb, ev, speaker, folded)
                all_parties = False
                if found is None and ev.stance in ("condemn", "oppose", "concern") and pa == a:
                    found = self.judged_act(a, folded, ev.stance)  # 'called the strikes "illegal"'
                if found is None:
                    # concern where no one is named: about the conflict, as a cue of concern is
                    if ev.stance != "concern" or self.parties.camp_of(folded) is not None \
                            or len(self.parties.heads) < 2 or self.mentions_in(pa, pb):
                        continue
                    found, all_parties = ("concern", self.parties.heads), True
                stance, targets = found
                own = self.parties.camp_of(folded)
                camp = self.parties.camp_of(targets[0])
                if own is not None and camp is not None and (camp == own) == (stance not in ("support", "praise")):
                    continue  # a party condemning its own side or praising the other: misread
                conf = EVALUATION_CONFIDENCE - 0.1 * speaker.pronoun - 0.1 * bool(speaker.candidate)
                ea, eb = (pa, pb) if len(doc.body[pa:pb].split()) >= 4 else (a, b)
                while eb > ea and doc.body[eb - 1] in " ,.;:—–-":
                    eb -= 1
                self.emit(self.capped(ea, eb), dict(
                    speaker=actor, on_behalf_of=folded if doc.kind(actor) == "person" else None,
                    stance=stance, targets=targets, sentence=st.sent.index,
                    confidence=round(max(conf, 0.1), 2), joint=speaker.joint, negated=False,
                    all_parties=all_parties))

    def judge_of(self, st: Sent, a: int) -> Speaker | None:
        """The subject of a verb of judging an act right before the quotation at ``a``: "Erdogan
        called the strikes "a disproportionate use of force"" is Erdogan's."""
        m = _JUDGED_ACT.search(self.low, max(st.sent.start, a - 80), a + 1)
        if m is None:
            return None
        k = self.tok_at(m.start())
        return self.doc.np_left(k, st.lo) or self.doc.np_before_apposition(k, st.lo)

    def judged_act(self, a: int, folded: str, stance: str) -> tuple[str, tuple[str, ...]] | None:
        """(stance, (the act's doer,)) when the words at ``a`` judge an act named right before them
        ("called the strikes "a disproportionate use of force"", "described the strikes as a
        "clear violation ...""), the doer as the article tells it; None otherwise."""
        m = _JUDGED_ACT.search(self.low, max(0, a - 80), a)
        agent = self._agent_of(m, folded)
        return (stance, (agent,)) if agent is not None else None

    def remember_contact(self, st: Sent) -> None:
        """A sentence that says who spoke to or met whom, with no speech verb ("X's foreign
        minister spoke to his counterpart", "the ministry issued a statement"): its subject is the
        one "he" or "it" stands for in the next sentence."""
        doc = self.doc
        for k in range(st.lo + 1, min(st.hi, st.lo + 12)):
            if doc.tokens[k].norm in _CONTACT_VERBS and k not in doc.by_token:
                sp = doc.np_left(k, st.lo, allow_pronoun=False)
                if sp is not None:
                    doc.last = sp
                return

    def with_subject(self, k: int, lo: int) -> Speaker | None:
        """The subject of an absolute clause that holds the cue at token ``k``: ", with Athens
        calling the offensive a flagrant violation"; None without one."""
        doc = self.doc
        w = [j for j in range(lo, k) if doc.tokens[j].norm == "with" and j > 0 and "," in doc.gap(j - 1, j)]
        if not w:
            return None
        verb = next((j for j in range(w[-1] + 2, min(k + 1, w[-1] + 7))
                     if doc.tokens[j].norm.endswith("ing") and not doc.tokens[j].cap), None)
        return doc.np_left(verb, w[-1] + 1, allow_pronoun=False) if verb is not None else None

    def sentence_subject(self, lo: int, end: int) -> Speaker | None:
        """The actor the clause from token ``lo`` opens with, before offset ``end`` ("Putin signed
        the treaties, ..."), or None."""
        first = next(iter(self.mentions_in(self.doc.tokens[lo].start, end)), None)
        if first is None or any(self.doc.tokens[j].norm not in ("the", "a", "an") for j in range(lo, first.i)):
            return None
        return Speaker((first.actor,), first.start, first.end)

    def trailing_speaker(self, st: Sent, ce: int) -> Speaker | None:
        """The speaker of a speech verb after the cue ("..., Turkey said"), unless that verb sits in
        a clause of its own: "called for calm after India said ...", "a war that Israel says ..."."""
        doc = self.doc
        trailing = [e for e in st.events if doc.tokens[e.k].start > ce and e.speaker.start > ce]
        if not trailing:
            return None
        last = trailing[-1]
        if _SUBORDINATE.search(self.low, ce, last.speaker.start):
            return None
        return last.speaker

    def clause_subject(self, k: int, lo: int) -> Speaker | None:
        """The subject of the nearest verb to the left ("Putin discussed ... and called for"), also
        before an aside ("France, which had kept silent, expressed its concern")."""
        doc = self.doc
        for j in range(k - 1, max(lo, k - 30) - 1, -1):
            t = doc.tokens[j]
            if t.norm in self.lex.relatives:
                return None
            if t.cap or j in doc.by_token or t.norm in self.lex.title_words or len(t.norm) < 3:
                continue
            if j > lo and doc.tokens[j - 1].norm == "to":
                continue  # "called on X and Y to prioritize peace, urging ...": an infinitive has no subject here
            if _QUOTE_MARK.search(doc.body[t.end:doc.tokens[j + 1].start] if j + 1 < len(doc.tokens) else ""):
                continue
            sp = doc.np_left(j, lo, allow_pronoun=True)
            if sp is None:  # "France, which ..., expressed": only a clause's first phrase
                sp = doc.np_before_apposition(j, lo)
                if sp is not None and self.tok_at(sp.start) != lo:
                    sp = None
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
