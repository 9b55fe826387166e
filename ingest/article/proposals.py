"""What the review queue proposes: ranked (speaker, stance, targets) guesses for a person to decide.

:func:`review_queue` walks an article's sentences again (a fresh
:class:`~kg.ingest.article.scan.Scanner`, through its public answers, so the extraction's own
rules stay untouched). A sentence gives proposals when it holds a stance cue or, failing one,
a clear evaluation (:func:`~kg.ingest.article.evaluation.evaluate`), and has someone who may
have spoken: an actor or a candidate name in it, a speech verb, or a speaker carried over from
the sentences before (the last statement's speaker, or the last speech verb's: "he said", a
quotation that follows). Each cue is then crossed over

- its likely **speakers**, best first: who says the quotation holding the cue, the speaker of
  an attribution line or of a speech verb before the cue, the nearest actor before that verb
  or the cue, the cue's subject, the sentence's first actor, the speaker of a speech verb
  after the cue, and the speaker carried over (:data:`SPEAKERS` of them);
- its likely **targets**: for an attack the agent named before it, the actors named after the
  cue and those listed with them, the agent of an act named right after it ("condemned the
  attacks", from the article's account of who did what,
  :func:`~kg.ingest.article.parties.infer_agents`), the speaker's opponents, every party of
  the conflict, an actor named before the cue (:data:`TARGETS` of them);
- the cue's **stance** (its third-party stance when the speaker is no party).

Each proposal's :attr:`~kg.ingest.article.candidates.Candidate.score` is the product of
the weights of its speaker and targets, lower for an attack, an evaluation or an unknown
speaker, and lower again (:data:`DONE_WEIGHT`) in a sentence that already gave a statement,
where a proposal the extraction made is left out. A sentence gives at most
:data:`MAX_PER_SENTENCE` proposals, best first, each scoring at least :data:`MIN_SCORE`.
Negated cues ("did not attack") and attacks nobody reports give none.

:func:`split_at` and ``review_queue(min_confidence=...)`` turn the statements under a
confidence threshold into candidates too, proposed as the extractor made them.

The numbers were chosen on the tuning half of the dev corpus (``bench/dev_split.yaml``):
three proposals a sentence, two speakers and two targets each, covered the most gold items
for fewer than three candidates per gold item; a second stance per cue took more candidates
than it found gold items; the least score cut a tenth of the candidates and no covered item.

Examples
--------
>>> from kg.ingest.article.extract import article_body, extract_article
>>> text = ("https://example.org/q\\n2020-10-02\\nTalks\\n\\n"
...         "Fighting between Armenia and Azerbaijan went on. "
...         "Crowds in Ankara said they backed Baku in every way.")
>>> x = extract_article(text)
>>> x.statements
[]
>>> kept, queue = review_queue(x, article_body(text))
>>> [(c.sentence, c.speaker, c.stance, c.targets, c.all_parties) for c in queue]
[(1, 'TUR', 'support', ('AZE',), False), (1, 'TUR', 'support', ('ARM', 'AZE'), True)]
>>> [c.score for c in queue]
[0.4, 0.2]
"""
from __future__ import annotations

import dataclasses
import hashlib
import re

from kg.ingest.article.candidates import QUOTE_WORDS, Candidate, fragment
from kg.ingest.article.evaluation import evaluate
from kg.ingest.article.parties import ACT_NOUNS, HARM_NOUNS, act_agent, infer_agents
from kg.ingest.article.result import Extracted, Extraction
from kg.ingest.article.scan import QUOTE, Scanner, Sent
from kg.ingest.article.speakers import Speaker
from kg.ingest.article.stance import negated
from kg.ingest.article.text import Sentence

from kg.actors import ActorIndex

__all__ = ["DONE_WEIGHT", "MAX_PER_SENTENCE", "MIN_SCORE", "SPEAKERS", "TARGETS", "review_queue", "split_at"]

MAX_PER_SENTENCE = 3
"""Most candidates one sentence gives by default (the best by score; ``kg extract --alternatives``)."""
SPEAKERS = 2
"""Speakers crossed over each cue, best first."""
TARGETS = 2
"""Targets crossed over each (cue, speaker), best first."""
DONE_WEIGHT = 0.6
"""Weight of a proposal in a sentence that already gave a statement."""
ANOTHER_READING = "another reading of a sentence that gave a statement"
"""Why a proposal from a sentence that gave a statement is queued."""
MIN_SCORE = 0.08
"""The least score a proposal needs to be queued."""

# Between two actors of one list: "Armenia and Azerbaijan", "France, Germany, and the EU".
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+|&\s*)(?:the\s+)?", re.I)
# An act named right after a cue: "condemned the (deadly, surprise) attacks".
_ACT_NOUN = re.compile(r"\s*[\"“”]?\s*(?:the|this|these|that|those|such|its|their)\s+(?:[\w-]+\s+){0,3}?"
                       r"(?P<noun>" + ACT_NOUNS + r")\b")


class _Proposer:
    """One article's body scanned again, and the candidates proposed from it."""

    def __init__(self, ex: Extraction, body: str, index: ActorIndex | None):
        from kg.ingest.article.extract import default_index

        self.ex, self.body = ex, body
        self.index = index or default_index()
        self.sc = Scanner(body, self.index, ex.date)
        self.sc.find_hits()
        self.doc = self.sc.doc
        names = []  # every candidate name, and its last word alone ("Stepanyan added")
        for c in ex.candidates:
            parts = [re.escape(c["name"])] + ([re.escape(c["name"].split()[-1])] if " " in c["name"] else [])
            names.append((re.compile(r"\b(?:" + "|".join(parts) + r")\b"), c["name"], c.get("attributed_to")))
        self.names = names
        # one pass tells whether a sentence holds any of them (most hold none)
        self.any_name = re.compile("|".join(rx.pattern for rx, _, _ in names)) if names else None
        self.agents = infer_agents(self.doc.tokens, self.doc.mentions, self.index, self.doc.body)
        self._actors: dict[int, list] = {}

    # -- the sentence's actors -------------------------------------------------------------------
    def actors_in(self, sent: Sentence) -> list[tuple[int, int, str | None, str | None]]:
        """(start, end, actor, unknown name) of every actor and candidate name in a sentence, in order."""
        if sent.index in self._actors:
            return self._actors[sent.index]
        found = [(m.start, m.end, m.actor, None) for m in self.sc.mentions_in(sent.start, sent.end)]
        if self.any_name is not None and self.any_name.search(self.body, sent.start, sent.end):
            for rx, name, owner in self.names:
                for m in rx.finditer(self.body, sent.start, sent.end):
                    s, e = m.start(), m.end()
                    if not any(a < e and s < b for a, b, _, _ in found):
                        found.append((s, e, owner, name))
        self._actors[sent.index] = found = sorted(found)
        return found

    def fold(self, actor: str | None) -> str | None:
        return self.doc.fold(actor) if actor else None

    # -- candidates from the sentences ----------------------------------------------------------
    def missed(self) -> list[Candidate]:
        """The proposals of every sentence with an actor (or a speaker carried over) and a cue or an
        evaluation, less the statements the extraction already made there."""
        sc, doc = self.sc, self.doc
        made = {}
        for s in self.ex.statements:
            made.setdefault(s.sentence, set()).add((self.fold(s.speaker), s.stance, tuple(s.targets)))
        spoke: dict[int, Speaker] = {}  # sentence -> the speaker of its last statement
        for s in self.ex.statements:
            spoke[s.sentence] = Speaker((s.speaker,), s.span[0], s.span[0])
        out, heard = [], -1  # heard: the sentence where doc.last was last set
        for sent in sc.sentences:
            said = [n for n in spoke if heard <= n < sent.index]
            if said:  # a statement's speaker is who speaks on ("he said", a quotation that follows)
                doc.last = spoke[max(said)]
            context = doc.last
            st = Sent(sent, sc.tok_at(sent.start), sc.tok_at(sent.end))
            st.quotes = [(sent.start + m.start(), sent.start + m.end()) for m in QUOTE.finditer(sent.text)]
            sc.find_events(st)
            if doc.last is not context:
                heard = sent.index
            if sc.lex.boilerplate_any.search(sent.text):
                continue
            actors = self.actors_in(sent)
            hits = [(cue.stance, cue, cs, ce) for cue, cs, ce in sc.cue_hits.get(sent.index, ())]
            if not hits:
                ev = evaluate(sent.text)
                if ev.stance is None or ev.mixed:
                    continue
                w = ev.words[0]
                hits = [(ev.stance, None, sent.start + w.start, sent.start + w.end)]
            if not actors and context is None and not st.events:
                continue
            done = made.get(sent.index, set())
            found = []
            for stance, cue, cs, ce in hits:
                found += [c for c in self.from_cue(sent, st, actors, context, stance, cue, cs, ce)
                          if (self.fold(c.speaker), c.stance, c.targets) not in done]
            if done:
                found = [dataclasses.replace(c, score=round(c.score * DONE_WEIGHT, 3), why=ANOTHER_READING)
                         for c in found]
            out += [c for c in found if c.score >= MIN_SCORE]
        return out

    def speakers(self, sent: Sentence, st: Sent, actors, context, cs: int, ce: int):
        """Who may have taken the stance at ``cs``: (actor, unknown name, weight), best first."""
        sc, doc = self.sc, self.doc
        out: list[tuple[str | None, str | None, float]] = []

        def add(sp, w):
            if sp is not None:
                for n, a in enumerate(sp.actors):
                    out.append((a, sp.candidate, w * (0.9 ** n)))

        q = sc.in_quote(st, cs)
        if q is not None:
            add(sc.quote_speaker(st, q, continuation=True), 1.0)
        add(sc.attributed_speaker(cs), 0.9)
        prior = [e for e in st.events if doc.tokens[e.k].start < cs]
        if prior:
            add(prior[-1].speaker, 1.0)
        anchor = doc.tokens[prior[-1].k].start if prior else cs
        before = [x for x in actors if x[1] <= anchor and x[2] is not None]
        if before:
            out.append((before[-1][2], before[-1][3], 0.8))
        add(doc.np_left(sc.tok_at(cs), st.lo), 0.7)
        first = [x for x in actors if x[2] is not None and x[1] <= cs and not sc.in_quote(st, x[0])]
        if first:  # the sentence's subject: "Chancellor Merkel described X's return as ..."
            out.append((first[0][2], first[0][3], 0.75))
        after = [e for e in st.events if doc.tokens[e.k].start > ce]
        if after:
            add(after[-1].speaker, 0.8)
        add(context, 0.6 if not st.events else 0.3)
        seen, best = set(), []
        for a, name, w in sorted(out, key=lambda x: -x[2]):
            f = self.fold(a)
            if a is None or f in seen:
                continue
            seen.add(f)
            best.append((a, name, w))
        return best[:SPEAKERS]

    def targets_of(self, sent: Sentence, actors, cue, cs: int, ce: int, speaker: str):
        """Whom the stance at ``cs`` may be aimed at: (targets, all parties, weight), best first."""
        own = self.fold(speaker)
        skip = {speaker, own}
        pool = [x for x in actors if x[2] is not None]
        out = []
        harm = cue is not None and cue.kind == "harm"
        if harm:
            t = self.listed([x for x in pool if x[1] <= cs][::-1], skip)
            if t:
                out.append((t, False, 1.0))
        t = self.listed([x for x in pool if x[0] >= ce], skip)
        if t:
            out.append((t, False, 1.0))
        m = _ACT_NOUN.match(self.sc.low, ce, sent.end)
        if m is not None:
            agent = act_agent(self.agents, HARM_NOUNS.get(m.group("noun"), ""))
            if agent and self.fold(agent) not in skip:
                out.append(((self.fold(agent),), False, 0.9))
        camps = self.ex.parties
        opp = camps.opponents(own) if own else ()
        if opp:
            out.append((tuple(opp), False, 0.6))
        heads = tuple(h for h in camps.heads if h != own)
        if len(heads) > 1:
            out.append((heads, True, 0.5))
        elif heads:
            out.append((heads, False, 0.5))
        t = self.listed([x for x in pool if x[1] <= cs][::-1], skip)
        if t:
            out.append((t, False, 0.4))
        seen, best = set(), []
        for t, ap, w in out:
            if t not in seen:
                seen.add(t)
                best.append((t, ap, w))
        return best[:TARGETS]

    def from_cue(self, sent: Sentence, st: Sent, actors, context, stance, cue, cs: int, ce: int) -> list[Candidate]:
        """The proposals of one cue (or evaluation, ``cue`` None): none for a negated cue, a cue
        inside a name or an attack nobody reports."""
        if any(a <= cs < b for a, b, _, _ in actors):
            return []  # "Friends of Syria": the cue is part of a name
        if negated(self.body[max(sent.start, cs - 40):cs]):
            return []
        harm = cue is not None and cue.kind == "harm"
        if harm and not st.events and not st.quotes:
            return []  # "shelling killed two": the article's report, no one's stance
        base = 0.5 - 0.1 * harm - 0.15 * (cue is None)
        out = []
        quote, qspan = fragment(self.body, (sent.start, sent.end), (cs, ce))
        for speaker, name, ws in self.speakers(sent, st, actors, context, cs, ce):
            own = self.fold(speaker)
            s = stance
            if cue is not None and cue.third_party and self.ex.parties.camp_of(own) is None:
                s = cue.third_party
            for targets, all_parties, wt in self.targets_of(sent, actors, cue, cs, ce, speaker):
                score = base * ws * wt - 0.1 * bool(name)
                out.append(self.candidate(sent, (cs, ce), speaker, s, targets, quote, qspan, round(score, 3),
                                          "no statement from this sentence", all_parties=all_parties,
                                          speaker_name=name))
        return out

    def listed(self, pool, skip: set) -> tuple[str, ...]:
        """The first actor of ``pool`` not in ``skip`` (folded: a leader for their state) and the
        actors listed right after it."""
        out: list[str] = []
        prev_end = None
        for s, e, actor, _ in pool:
            if out and (prev_end is None or s < prev_end or not _LIST_GLUE.fullmatch(self.body[prev_end:s])):
                break
            target = self.fold(actor)
            if target is None or actor in skip or target in skip:
                if out:
                    break
                continue
            if target not in out:
                out.append(target)
            prev_end = e
        return tuple(out)

    # -- candidates from low-confidence statements -------------------------------------------------
    def from_statement(self, s: Extracted, threshold: float) -> Candidate:
        """A statement under the threshold, proposed as the extractor made it."""
        sent = self.sc.sentences[s.sentence]
        quote, qspan = s.quote, s.span
        if len(quote.split()) > QUOTE_WORDS:
            quote, qspan = fragment(self.body, (sent.start, sent.end), s.span)
        return self.candidate(sent, s.span, s.speaker, s.stance, s.targets, quote, qspan, s.confidence,
                              f"confidence {s.confidence:.2f} under {threshold:.2f}", confidence=s.confidence,
                              all_parties=s.all_parties)

    # -- both ------------------------------------------------------------------------------------
    def candidate(self, sent: Sentence, cue, speaker, stance, targets, quote, qspan, score, why, **kw) -> Candidate:
        key = "\n".join([self.ex.url, str(sent.index), str(cue[0]), speaker or "", stance, ",".join(targets)])
        mentions = tuple((a, b, actor) for a, b, actor, _ in self.actors_in(sent) if actor)
        return Candidate(id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:12], url=self.ex.url,
                         date=self.ex.date, title=self.ex.title, sentence=sent.index, span=(sent.start, sent.end),
                         text=sent.text, cue=cue, speaker=speaker, stance=stance, targets=tuple(targets),
                         quote=quote, quote_span=qspan, score=score, why=why, mentions=mentions, **kw)

    @staticmethod
    def rank(found: list[Candidate], per_sentence: int) -> list[Candidate]:
        """Candidates in article order: one per (speaker, stance, targets), each sentence's best
        first and at most ``per_sentence`` of them."""
        by_sentence: dict[int, dict[tuple, Candidate]] = {}
        for c in sorted(found, key=lambda c: (c.sentence, -c.score, c.cue[0])):
            by_sentence.setdefault(c.sentence, {}).setdefault((c.speaker, c.stance, c.targets), c)
        return [c for n in sorted(by_sentence) for c in list(by_sentence[n].values())[:per_sentence]]


def split_at(ex: Extraction, threshold: float, body: str,
             index: ActorIndex | None = None) -> tuple[Extraction, list[Candidate]]:
    """The extraction's statements at ``threshold`` and over it, and those under it as candidates.

    ``body`` is the article body (:func:`~kg.ingest.article.extract.article_body`) the
    statements' spans count in.
    """
    keep = [s for s in ex.statements if s.confidence >= threshold]
    low = [s for s in ex.statements if s.confidence < threshold]
    kept = dataclasses.replace(ex, statements=keep)
    if not low:
        return kept, []
    r = _Proposer(ex, body, index)
    return kept, r.rank([r.from_statement(s, threshold) for s in low], MAX_PER_SENTENCE)


def review_queue(ex: Extraction, body: str, index: ActorIndex | None = None, min_confidence: float = 0.0,
                 per_sentence: int = MAX_PER_SENTENCE) -> tuple[Extraction, list[Candidate]]:
    """The extraction with its statements under ``min_confidence`` taken out, and the review queue:
    those statements and the proposals of the sentences (at most ``per_sentence`` a sentence,
    best first), in article order."""
    if per_sentence < 1:
        raise ValueError(f"per_sentence must be 1 or more, not {per_sentence}")
    r = _Proposer(ex, body, index)
    low = [r.from_statement(s, min_confidence) for s in ex.statements if s.confidence < min_confidence]
    kept = dataclasses.replace(ex, statements=[s for s in ex.statements if s.confidence >= min_confidence])
    return kept, r.rank(low + r.missed(), per_sentence)
