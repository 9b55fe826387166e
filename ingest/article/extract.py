"""From a news article to evidenced statements: :func:`extract_article`, :func:`extract_file`.

The pipeline: split the header from the body and the body into sentences
(:mod:`ingest.article.text`), find every actor named (:mod:`ingest.article.mentions`),
infer the parties of the conflict (:mod:`ingest.article.parties`), then, sentence by
sentence, find speech verbs and stance cues, their speakers
(:mod:`ingest.article.speakers`) and their targets (:mod:`ingest.article.stance`).
Every statement carries the sentence index and the character span of its evidence.

The evidence (``quote``) is short and the speaker's own when possible: the quoted words
that carry the cue (a quotation holding or right after the stance words, or the words a
speech-verb cue such as "warned" introduces, joined with " … " when the speaker has several
fragments in the sentence); otherwise the shortest clause holding the cue and its targets
("blamed Yerevan for the flare-up"); the whole sentence only when nothing shorter is found.
``body[span[0]:span[1]]`` is the quote (for joined fragments the span runs from the first
to the last; a quote cut at 400 characters ends with "…", which the span leaves out).

No network, no model: rules and the alias data only. Negated cues ("did not condemn")
are dropped unless ``keep_negated=True``, then they carry ``negated: true`` (and
valence 0). A missing date is an error: statements are attributed through the roles
held on their date, so guessing "today" would attribute them wrongly.

Examples
--------
>>> from datetime import date
>>> text = ("https://example.org/a\\n2020-09-27\\nA test\\n\\n"
...         "Fighting broke out between Armenia and Azerbaijan. "
...         "Turkey blamed Yerevan for the clashes.")
>>> x = extract_article(text)
>>> [(s.speaker, s.stance, s.targets, s.quote) for s in x.statements]
[('TUR', 'accuse', ('ARM',), 'blamed Yerevan for the clashes')]
"""
from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from ingest.article.lexicon import Cue, lexicon
from ingest.article.mentions import Mention, fold, tokenize
from ingest.article.parties import Parties, infer_parties
from ingest.article.speakers import Doc, Speaker
from ingest.article.stance import addresses_all_parties, negated
from ingest.article.text import Sentence, parse_article, split_sentences
from kg.actors import ActorIndex
from kg.errors import DataError, Problem
from kg.model import Statement

MAX_BYTES = 2_000_000
"""Largest article read (bytes); longer files are refused with a clear message."""

_GENERIC = re.compile(r"\b(?:fighting|violence|clashes|hostilities|escalation|bloodshed|war)\b", re.I)
_QUOTE = re.compile(r"\"[^\"]*\"|“[^”]*”")
# Small patterns of the sentence-level rules, compiled once (they run thousands of times per article).
_COMMA_OR_QUOTE = re.compile(r"[,\"”]")
_QUOTE_MARK = re.compile(r"[\"“”]")
_COMMAS = re.compile(r"[\s,]*")
_SPACES = re.compile(r"\s*")
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose)\b")
_PASSIVE = re.compile(r"\b(?:were|was|been|are|is|be|being)\s+(?:\w+\s+)?$", re.I)
_LIST_GLUE = re.compile(r"\s*(?:,|and|,\s*and)?\s*(?:the\s+)?")
# The evidence (quote) rules: they run once per statement, never per sentence.
MAX_QUOTE = 400
"""Longest quote (characters, as :class:`kg.model.Statement` allows): longer ones are cut at a word."""
_CUE_TO_QUOTE = re.compile(r"[\s,:]*(?:(?:an?|the|its|his|her|their|for|of|to|on)\s+)?", re.I)
# Where a clause may end or start inside a sentence, besides the extractor's clause breaks:
# a comma, a colon, "and" before a verb, a relative or subordinate clause.
_SUB_BREAK = re.compile(
    r"[,:;]\s|\s[—–]\s|\s(?:while|whereas|but|meanwhile|which|who|whom|whose|if|when|after|because|"
    r"since|amid|following|saying|adding)\b|\sand\s+(?=(?:has|have|had|was|were|is|are|will|would|also|"
    r"then|later|said|says|called|urged|vowed|promised|warned|added|told|accused|blamed|condemned|"
    r"\w+ed)\b)", re.I)
_LEAD_WORDS = re.compile(r"(?:[\s,;:—–-]+|(?:that|and|but|while|whereas|also|then)\b)+", re.I)
_TRAIL = " \t\n,;:—–-"
_WORD = re.compile(r"\S+")
_TOLD_THAT = re.compile(r"[\s,]*(?:[\w'’.-]+\s+){0,4}?that\b", re.I)


def _squash(text: str) -> str:
    """Runs of white space (a line break inside a sentence) as one space."""
    return " ".join(text.split()) if "  " in text or "\n" in text or "\t" in text else text


@dataclass(frozen=True)
class Extracted:
    """One extracted statement, before it becomes a :class:`kg.model.Statement`."""

    speaker: str
    on_behalf_of: str | None
    stance: str
    targets: tuple[str, ...]
    quote: str
    span: tuple[int, int]
    sentence: int
    confidence: float
    joint: bool = False
    negated: bool = False
    all_parties: bool = False


@dataclass
class Extraction:
    """What one article yields: its statements, candidate actors and the inferred parties."""

    url: str
    date: Date
    title: str | None
    statements: list[Extracted]
    candidates: list[dict]
    parties: Parties
    sentences: int = 0
    negated_dropped: int = 0
    path: str | None = None

    @property
    def name(self) -> str:
        base = Path(self.path).stem if self.path else self.title or self.url
        slug = re.sub(r"[^a-z0-9]+", "-", fold(base or "article")[0].lower()).strip("-")[:60]
        return f"extract-{slug or 'article'}"

    def to_statements(self, index: ActorIndex | None = None) -> list[Statement]:
        """The statements as model records."""
        out = []
        for s in self.statements:
            out.append(Statement.create(
                speaker=s.speaker, on_behalf_of=s.on_behalf_of, date=self.date, stance=s.stance,
                targets=s.targets, quote=s.quote, source=self.url, negated=s.negated,
                confidence=s.confidence, joint=s.joint, span=s.span, sentence=s.sentence,
                dataset=self.name))
        return out

    def to_dataset(self) -> dict:
        """The curated-dataset form (``kg validate`` / ``kg load`` read it)."""
        stmts = []
        for s in self.statements:
            d = {"speaker": s.speaker, "date": self.date.isoformat(), "stance": s.stance,
                 "targets": list(s.targets), "quote": s.quote, "source": "article",
                 "confidence": s.confidence, "span": list(s.span), "sentence": s.sentence}
            if s.joint:
                d["joint"] = True
            if s.negated:
                d["negated"] = True
            if s.all_parties:
                d["note"] = "addressed to all parties of the conflict"
            stmts.append(d)
        src = {"url": self.url, "date": self.date.isoformat()}
        if self.title:
            src["title"] = self.title
        return {"dataset": self.name, "title": self.title or self.name,
                "start": self.date.isoformat(), "end": self.date.isoformat(),
                "sources": {"article": src}, "actors": [], "statements": stmts,
                "candidates": self.candidates}

    def to_json(self) -> dict:
        """Stable JSON: header, parties, statements (with sentence and span), candidates."""
        return {"url": self.url, "date": self.date.isoformat(), "title": self.title,
                "parties": [list(c) for c in self.parties.camps],
                "statements": [{"speaker": s.speaker, "on_behalf_of": s.on_behalf_of,
                                "stance": s.stance, "targets": list(s.targets),
                                "all_parties": s.all_parties, "joint": s.joint,
                                "negated": s.negated, "confidence": s.confidence,
                                "sentence": s.sentence, "span": list(s.span), "quote": s.quote}
                               for s in self.statements],
                "candidates": self.candidates}


@dataclass
class _Event:
    k: int              # token index of the speech verb
    speaker: Speaker
    postposed: bool


@dataclass
class _Sent:
    sent: Sentence
    lo: int
    hi: int
    quotes: list[tuple[int, int]] = field(default_factory=list)
    breaks: list[tuple[int, int]] | None = None  # found on first use: most sentences need none
    events: list[_Event] = field(default_factory=list)
    continuation: bool = False
    attributed: dict | None = None  # quotation -> the actors it is attributed to, when asked


class _Extractor:
    def __init__(self, body: str, index: ActorIndex, day: Date, keep_negated: bool):
        self.doc = Doc.of(body, index, day)
        self.lex = lexicon()
        self.keep_negated = keep_negated
        self.starts = [t.start for t in self.doc.tokens]
        self.mention_starts = [m.start for m in self.doc.mentions]  # sorted, as the mentions are
        self.mention_tokens = [m.i for m in self.doc.mentions]
        self.out: list[Extracted] = []
        self.seen: set = set()
        self.dropped = 0

    def tok_at(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        """The mentions starting at body offsets ``a`` <= start < ``b``, in order."""
        return self.doc.mentions[bisect.bisect_left(self.mention_starts, a):
                                 bisect.bisect_left(self.mention_starts, b)]

    def run(self, title: str | None) -> None:
        doc = self.doc
        title_mentions, tt = [], []
        if title:
            tt = tokenize(title)
            from ingest.article.mentions import Matcher
            title_mentions = Matcher.of(doc.index).mentions(title, tt)
        self.parties = infer_parties(doc.tokens, doc.mentions, doc.index, title_mentions, tt)
        self.sentences = split_sentences(doc.body)
        # every cue over the whole body once, then handed to its sentence
        self.cue_hits: dict[int, list] = {}
        sent_starts = [x.start for x in self.sentences]
        low = doc.body.lower()
        if len(low) != len(doc.body):  # a few characters change length when lower-cased
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in doc.body)
        self.low = low
        self.speech_hits: dict[int, list] = {}
        for m in self.lex.speech_rx.finditer(low):
            n = bisect.bisect_right(sent_starts, m.start()) - 1
            if n >= 0:
                self.speech_hits.setdefault(n, []).append(m.start())
        for cue, m in self.lex.cue_matches(low):  # = each cue's rx.finditer(low), in cue order
            if cue.capital_after and m.group().startswith(cue.capital_after):
                rest = doc.body[m.end():m.end() + 40]
                rest = rest[4:] if rest.lower().startswith("the ") else rest
                if not rest[:1].isupper():
                    continue
            n = bisect.bisect_right(sent_starts, m.start()) - 1
            if n >= 0 and m.end() <= self.sentences[n].end:
                self.cue_hits.setdefault(n, []).append((cue, m.start(), m.end()))
        prev_speaker_sentence = -2
        for sent in self.sentences:
            if self.lex.boilerplate_any.search(sent.text):
                continue
            st = _Sent(sent, self.tok_at(sent.start), self.tok_at(sent.end))
            st.quotes = [(sent.start + m.start(), sent.start + m.end()) for m in _QUOTE.finditer(sent.text)]
            self._events(st)
            continuation = (not st.events and st.quotes and st.quotes[0][0] == sent.start
                            and prev_speaker_sentence == sent.index - 1 and doc.last is not None)
            st.continuation = bool(continuation)
            self._cues(st, continuation)
            if st.events:
                prev_speaker_sentence = sent.index

    # -- clauses -----------------------------------------------------------------------------
    def clause(self, st: _Sent, pos: int) -> tuple[int, int]:
        a, b = st.sent.start, st.sent.end
        if st.breaks is None:
            low = self.low[a:b]
            if any(hint in low for hint in self.lex.clause_break_hints):
                st.breaks = [(a + m.start(), a + m.end())
                             for m in self.lex.clause_breaks.finditer(st.sent.text)]
            else:
                st.breaks = []
        for s, e in st.breaks:
            if e <= pos and not self.in_quote(st, s):
                a = max(a, e)
            elif s > pos and not self.in_quote(st, s):
                b = min(b, s)
        return a, b

    def in_quote(self, st: _Sent, pos: int) -> tuple[int, int] | None:
        for q in st.quotes:
            if q[0] <= pos < q[1]:
                return q
        return None

    # -- speech events -------------------------------------------------------------------------
    def _events(self, st: _Sent) -> None:
        doc = self.doc
        for pos in self.speech_hits.get(st.sent.index, ()):
            if self.in_quote(st, pos):
                continue
            k = self.tok_at(pos)
            if k >= st.hi or doc.tokens[k].start != pos:
                continue
            word = doc.tokens[k].norm
            if doc.tokens[k].cap or k in doc.by_token:
                continue
            ca, _ = self.clause(st, pos)
            lo = max(st.lo, self.tok_at(ca))
            sp, post = None, False
            if word == "according":
                if k + 2 < st.hi and doc.tokens[k + 1].norm == "to":
                    sp = doc.np_right(k + 2, st.hi)
            elif word in {"read", "cited", "quoted"}:
                continue
            else:
                sp = doc.np_left(k, lo) or doc.np_before_apposition(k, lo)
                before = doc.body[doc.tokens[k - 1].end:pos] if k > st.lo else ""
                if sp is None and (k == st.lo or _COMMA_OR_QUOTE.search(before)):
                    sp = doc.np_right(k + 1, st.hi)
                if sp is not None:
                    post = bool(self.quote_before(st, sp.start if sp.start < pos else pos))
            if sp is None:
                continue
            if sp.pronoun:
                # "his representative said": the person named earlier in the sentence
                people = [m for m in self.mentions_in(st.sent.start, sp.start)
                          if doc.kind(m.actor) == "person"]
                if people:
                    sp = Speaker((people[-1].actor,), sp.start, sp.end, pronoun=True)
            st.events.append(_Event(k, sp, post))
            doc.last = sp

    def quote_before(self, st: _Sent, pos: int) -> tuple[int, int] | None:
        """A quotation that ends right before ``pos`` (only commas and spaces between)."""
        for q in st.quotes:
            if q[1] <= pos and _COMMAS.fullmatch(self.doc.body[q[1]:pos]):
                return q
        return None

    def quote_speaker(self, st: _Sent, q: tuple[int, int], continuation: bool) -> Speaker | None:
        doc = self.doc
        # "<NP> "<quote>"": a subject right before the quotation
        k = self.tok_at(q[0])
        if k > st.lo and _SPACES.fullmatch(doc.body[doc.tokens[k - 1].end:q[0]]):
            sp = doc.np_left(k, st.lo, allow_pronoun=False)
            if sp is not None:
                return sp
        after = [e for e in st.events if doc.tokens[e.k].start >= q[1]]
        for e in after:
            gap = doc.body[q[1]:min(e.speaker.start, doc.tokens[e.k].start)]
            if _COMMAS.fullmatch(gap):
                return e.speaker
        before = [e for e in st.events if doc.tokens[e.k].start < q[0]]
        if before:
            return before[-1].speaker
        if after:
            return after[0].speaker
        if continuation and doc.last is not None:
            return Speaker(doc.last.actors, q[0], q[0], pronoun=True)
        return None

    # -- cues -----------------------------------------------------------------------------------
    def _cues(self, st: _Sent, continuation: bool) -> None:
        for cue, cs, ce in self.cue_hits.get(st.sent.index, ()):
            self._cue(st, cue, cs, ce, continuation)

    def _cue(self, st: _Sent, cue: Cue, cs: int, ce: int, continuation: bool) -> None:
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

    def addressees(self, cs: int, cb: int, speaker: Speaker, folded: str) -> tuple[str, ...]:
        """The actors a call is addressed to: "urged Ankara to", "called on Baku and Yerevan to"."""
        m = self.lex.addressee_verbs.match(self.low, cs)
        if m is None:
            return ()
        out, pos = [], m.end()
        for men in self.mentions_in(m.end(), cb):
            if men.start != pos and not (out and _LIST_GLUE.fullmatch(self.doc.body[pos:men.start])):
                break
            f = self.eligible(men, speaker, folded)
            if f is None:
                return ()
            out.append(f)
            pos = men.end
        return tuple(out) if out and self.low.startswith(" to ", pos) else ()

    def pair(self, after: list[tuple[Mention, str]]) -> tuple[str, ...]:
        """The first actors after a cue when they are a list of two or more states ("A and B")."""
        if len(after) < 2:
            return ()
        (m0, f0), (m1, f1) = after[0], after[1]
        if f0 == f1 or " and " not in self.doc.body[m0.end:m1.start] \
                or not _LIST_GLUE.fullmatch(self.doc.body[m0.end:m1.start]) \
                or self.doc.kind(f0) != "state" or self.doc.kind(f1) != "state":
            return ()
        return f0, f1

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

    def eligible(self, m: Mention, speaker: Speaker, folded: str, places: bool = True) -> str | None:
        """The folded target a mention stands for, or None (the speaker, a person, a place).

        After "in", "at", ... a mention is a place: always for a city ("in Yerevan"); for a
        country's own name only when ``places`` (ceasefire calls: "the developments in Sudan").
        """
        doc = self.doc
        if speaker.start <= m.start < speaker.end:
            return None
        if m.i > 0 and doc.tokens[m.i - 1].norm in self.lex.locative:
            a = doc.index.actors.get(m.actor)
            if places or a is None or m.surface.replace("'s", "") != a.name:
                return None
        f = doc.fold(m.actor)
        if f is None or f == folded:
            return None
        if doc.kind(f) == "person":
            return None
        return f

    def targets(self, st, cue: Cue, cs, ce, ca, cb, speaker: Speaker, folded: str,
                own: int | None, content_start: int, complement_subject: Speaker | None):
        """(targets, all_parties, explicit) or "reciprocal" or None."""
        doc = self.doc
        P = self.parties
        if cue.target == "reciprocal":
            return "reciprocal" if speaker.joint else None
        in_sent = self.mentions_in(ca, cb)
        rel = _RELATIVE.search(doc.body[ce:cb])
        after_end = ce + rel.start() if rel else cb
        places = cue.target == "parties"
        after = [(m, f) for m in in_sent if cs <= m.start < after_end
                 for f in [self.eligible(m, speaker, folded, places)] if f]
        if cue.kind == "harm":
            k = self.tok_at(ce)
            agent = None
            near = [m for m in doc.mentions[bisect.bisect_left(self.mention_tokens, k):
                                            bisect.bisect_right(self.mention_tokens, k + 4)]
                    if m.start < cb]
            if near and doc.tokens[near[0].i - 1].norm == "by":
                agent = near[0]
            passive = _PASSIVE.search(doc.body[max(ca, cs - 30):cs])
            if agent is None and not passive:
                before = [m for m in in_sent if content_start <= m.start < cs and m.end <= cs]
                before = [m for m in before if not (speaker.start <= m.start < speaker.end)]
                if before:
                    agent = before[-1]
            if agent is not None:
                f = doc.fold(agent.actor)
                if f is None or f == folded or (own is not None and P.camp_of(f) == own):
                    return None
                if own is None and P.camp_of(f) is None and doc.kind(f) != "state":
                    return None
                return (f,), False, True
            if own is not None and P.opponents(folded):
                return P.opponents(folded), False, False
            return None
        if cue.target == "parties":
            # a call aimed at named actors goes to them, parties or not ("urged Ankara to ...")
            addressed = self.addressees(cs, cb, speaker, folded)
            if addressed and not addresses_all_parties(doc.body[ca:cb]):
                camps = {P.camp_of(f) for f in addressed}
                return addressed, len(P.camps) > 1 and camps >= set(range(len(P.camps))), True
            named = [f for m, f in after if P.camp_of(f) is not None]
            pair = self.pair(after)
            if pair and {P.camp_of(f) for f in named} != set(range(len(P.camps))) \
                    and not addresses_all_parties(doc.body[ca:cb]):
                # "host the foreign ministers of Armenia and Azerbaijan": the two named are the
                # sides meant, even where the parties were inferred otherwise
                camps = {P.camp_of(f) for f in pair}
                return pair, len(P.camps) > 1 and camps >= set(range(len(P.camps))), True
            if named and not addresses_all_parties(doc.body[ca:cb]):
                camps = {P.camp_of(f) for f in named}
                return tuple(named), len(camps) == len(P.camps) and len(P.camps) > 1, True
            if own is not None:
                opp = P.opponents(folded)
                return (opp, False, False) if opp else None
            if P.heads:
                return P.heads, True, False
            return None
        # "after"
        if after:
            first, f0 = after[0]
            out = [f0]
            last = first
            for m, f in after[1:]:
                between = doc.body[last.end:m.start]
                if _LIST_GLUE.fullmatch(between):
                    out.append(f)
                    last = m
                else:
                    break
            return tuple(out), False, True
        if complement_subject is not None:
            fs = [doc.fold(a) or a for a in complement_subject.actors]
            fs = [f for f in fs if f != folded]
            if fs:
                return tuple(fs), False, True
        # between the verb and the cue: "promised Baku its full support"
        win_start = max(speaker.end if speaker.end <= cs else ca, ca)
        seg = doc.body[win_start:cs]
        cut = max(seg.rfind(","), seg.rfind(" and "))
        if cut >= 0:
            win_start += cut + 1
        before = [m for m in in_sent if win_start <= m.start and m.end <= cs]
        for m in reversed(before):
            f = self.eligible(m, speaker, folded)
            if f:
                return (f,), False, True
        if cue.explicit:
            return None
        if cue.stance in ("condemn", "oppose") and own is None and len(P.camps) > 1 \
                and not _GENERIC.search(doc.body[ce:min(cb, ce + 45)]):
            return None
        if own is not None:
            opp = P.opponents(folded)
            return (opp, False, False) if opp else None
        if P.heads:
            return P.heads, True, False
        return None

    # -- evidence ---------------------------------------------------------------------------------
    def evidence(self, st: _Sent, cs: int, ce: int, ca: int, cb: int, speaker: Speaker,
                 q: tuple[int, int] | None, content_start: int,
                 targets: tuple[str, ...]) -> tuple[str, tuple[int, int]]:
        """The quote and span of a statement: the speaker's quoted words, else the cue's clause."""
        frags = self.speaker_quotes(st, cs, ce, speaker)
        if frags:
            return self.joined(frags)
        a, b = self.cue_clause(st, cs, ce, ca, cb, speaker, q, content_start, targets)
        return self.capped(a, b)

    def speaker_quotes(self, st: _Sent, cs: int, ce: int, speaker: Speaker) -> list[tuple[int, int]]:
        """The inner spans of the quotations that carry this cue in the speaker's words.

        A quotation carries the cue when it holds part of the cue or follows it right away
        ('urged an "immediate ceasefire"'), or when the cue is the speech verb itself
        ('"...," Biden warned'): then every quotation the extractor attributes to the speaker
        counts. The other fragments of the same speaker in the sentence are added.
        A one-word quotation ('it "understands" Russia's concerns') says too little alone:
        the clause is used instead.
        """
        if not st.quotes:
            return []
        body = self.doc.body
        carrying = [x for x in st.quotes if x[0] < ce and cs < x[1]]
        if not carrying:
            nxt = next((x for x in st.quotes if x[0] >= ce), None)
            if nxt is not None and _CUE_TO_QUOTE.fullmatch(body[ce:nxt[0]]):
                carrying = [nxt]
        tokens = self.doc.tokens
        speech = any(tokens[e.k].start < ce and cs < tokens[e.k].end for e in st.events)
        if not carrying and not speech:
            return []
        own = [x for x in st.quotes if x not in carrying and self.attributed(st, x) == speaker.actors]
        frags = [f for f in (self.inner(x) for x in sorted(carrying + own)) if f is not None]
        if sum(len(body[a:b].split()) for a, b in frags) < 2:
            return []
        return frags

    def attributed(self, st: _Sent, q: tuple[int, int]) -> tuple[str, ...] | None:
        """The actors the extractor attributes quotation ``q`` to, with no side effect.

        Resolving a speaker may note a candidate name (and its surname) or forget the last
        speaker: all of that is undone, so asking changes no later decision.
        """
        if st.attributed is None:
            st.attributed = {}
        if q in st.attributed:
            return st.attributed[q]
        doc = self.doc
        last, n_cand, n_sur = doc.last, len(doc.candidates), len(doc.surnames)
        unowned = [(info, info.get("attributed_to")) for info in doc.candidates.values()
                   if not info.get("attributed_to")]
        try:
            sp = self.quote_speaker(st, q, st.continuation)
        finally:
            doc.last = last
            for names, n in ((doc.candidates, n_cand), (doc.surnames, n_sur)):
                while len(names) > n:  # added ones come last
                    names.popitem()
            for info, owner in unowned:
                info["attributed_to"] = owner
        st.attributed[q] = sp.actors if sp is not None else None
        return st.attributed[q]

    def inner(self, q: tuple[int, int]) -> tuple[int, int] | None:
        """The quoted words of quotation ``q``: no quote marks, no trailing comma or full stop."""
        body = self.doc.body
        a, b = q[0] + 1, q[1] - 1
        while a < b and body[a].isspace():
            a += 1
        while a < b and body[b - 1] in _TRAIL:
            b -= 1
        if b - a > 1 and body[b - 1] == "." and body[b - 2] != ".":
            b -= 1
        while a < b and body[b - 1] in _TRAIL:
            b -= 1
        return (a, b) if a < b else None

    def cue_clause(self, st: _Sent, cs: int, ce: int, ca: int, cb: int, speaker: Speaker,
                   q: tuple[int, int] | None, content_start: int,
                   targets: tuple[str, ...]) -> tuple[int, int]:
        """The shortest clause holding the cue and its named targets ("blamed Yerevan for the flare-up").

        It starts after the speaker ("Turkey blamed ...") or the speech verb ("said that
        Azerbaijan attacked ...") and at the last break before the cue; it ends at the first
        break after the cue and the targets it names: a comma, "and" before a verb, a
        relative or subordinate clause. Breaks inside quotations do not count.
        """
        doc, body = self.doc, self.doc.body
        after_subject = False
        if content_start > ca or q is not None:
            a = content_start
        elif ca <= speaker.start and speaker.end <= cs:
            a, after_subject = speaker.end, True
        else:
            a = ca
        a = min(a, cs)
        if cs - a > 2:  # (most often only a space between the subject and the cue)
            for _, e in self.sub_breaks(st, a, min(cb, cs + 30)):  # (30: "and" looks at the verb after it)
                if e > cs:
                    break
                a = e
        must, wanted = ce, set(targets)
        for m in self.mentions_in(cs, cb):  # the first mention of each target after the cue
            if not wanted:
                break
            f = doc.fold(m.actor) or m.actor
            if f in wanted and not (speaker.start <= m.start < speaker.end):
                must = max(must, m.end)
                wanted.discard(f)
        if after_subject:  # "Azerbaijan at the time threatened": the words between subject and verb
            k = self.tok_at(a)
            while k < len(doc.tokens) and doc.tokens[k].end <= cs and k not in doc.by_token \
                    and doc.tokens[k].norm in self.lex.filler_words:
                k += 1
            a = max(a, doc.tokens[k].start if k < len(doc.tokens) else a)
        elif a == content_start and q is None:  # "told reporters that ..."
            told = _TOLD_THAT.match(body, a, cs)
            if told:
                a = told.end()
        lead = _LEAD_WORDS.match(body, a, cs)
        if lead:
            a = lead.end()
        ends = self.sub_breaks(st, must, cb)
        b = next(ends, (cb,))[0]
        while b < cb and len(body[a:b].split()) < 3:  # at least three words
            b = next(ends, (cb,))[0]
        while b > a and body[b - 1] in _TRAIL:
            b -= 1
        if b == st.sent.end and b - a > 1 and body[b - 1] == "." and body[b - 3] != ".":
            b -= 1
        if b <= a:
            a, b = st.sent.start, st.sent.end
        return a, b

    def sub_breaks(self, st: _Sent, lo: int, hi: int):
        """The clause breaks in ``body[lo:hi]`` outside quotations, as (start, end), in order."""
        body = self.doc.body
        for m in _SUB_BREAK.finditer(body, lo, hi):
            if st.quotes and self.in_quote(st, m.start()):
                continue
            if m.group().startswith(","):  # a list of actors: "Russia, Belarus and Iran"
                if self.mentions_in(m.end(), m.end() + 1) or body.startswith(("and ", "or "), m.end()) \
                        and self.mentions_in(m.end(), m.end() + 8):
                    continue
            yield m.start(), m.end()

    def capped(self, a: int, b: int) -> tuple[str, tuple[int, int]]:
        """``body[a:b]`` as a quote, cut at a word and ended with "…" beyond :data:`MAX_QUOTE`."""
        body = self.doc.body
        quote = _squash(body[a:b])
        if len(quote) <= MAX_QUOTE:
            return quote, (a, b)
        e, n = a, -1
        for w in _WORD.finditer(body, a, b):
            n += 1 + len(w.group())
            if n > MAX_QUOTE - 1:
                break
            e = w.end()
        while e > a + 1 and body[e - 1] in _TRAIL:
            e -= 1
        if e <= a:  # one word longer than a quote: cut inside it
            e = a + MAX_QUOTE - 1
        return _squash(body[a:e]) + "…", (a, e)

    def joined(self, frags: list[tuple[int, int]]) -> tuple[str, tuple[int, int]]:
        """Several fragments of one speaker joined with " … " (fewer when over :data:`MAX_QUOTE`)."""
        body = self.doc.body
        while len(frags) > 1 and len(" … ".join(_squash(body[a:b]) for a, b in frags)) > MAX_QUOTE:
            frags = frags[:-1]
        if len(frags) == 1:
            return self.capped(*frags[0])
        return " … ".join(_squash(body[a:b]) for a, b in frags), (frags[0][0], frags[-1][1])

    def emit(self, evidence: tuple[str, tuple[int, int]], x: dict) -> None:
        """Record statement ``x`` (the fields of :class:`Extracted` but its quote and span)."""
        key = (x["speaker"], x["stance"], x["targets"])
        if key in self.seen:
            return
        self.seen.add(key)
        quote, span = evidence
        self.out.append(Extracted(**x, quote=quote, span=span))


def extract_article(text: str, url: str | None = None, date: Date | None = None,
                    index: ActorIndex | None = None, *, keep_negated: bool = False,
                    path: str | None = None) -> Extraction:
    """Extract the statements an article reports.

    Parameters
    ----------
    text : str
        The article: dev-corpus layout (URL, date, title, blank line, body) or plain text.
    url, date : optional
        Override (or supply) the article's URL and date.
    index : ActorIndex, optional
        The alias data; the shipped data by default.
    keep_negated : bool
        Keep negated cues as statements with ``negated: true`` instead of dropping them.
    path : str, optional
        The file the text came from, used in messages and the dataset name.

    Returns
    -------
    Extraction

    Raises
    ------
    DataError
        When no date is given or found.
    """
    if not isinstance(text, str):
        raise DataError(Problem("article text must be a string", path))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", " ")
    art = parse_article(text)
    day = date or art.date
    if day is None:
        raise DataError(Problem("no date found in the article; pass --date YYYY-MM-DD", path))
    src = url or art.url
    if not src:
        digest = hashlib.sha1(art.body.encode("utf-8", "replace")).hexdigest()[:16]
        src = Path(path).resolve().as_uri() if path else f"urn:sha1:{digest}"
    index = index or _default_index()
    ex = _Extractor(art.body, index, day, keep_negated)
    ex.run(art.title)
    candidates = []
    for name, info in ex.doc.candidates.items():
        last = name.split()[-1]
        n = len(re.findall(r"\b" + re.escape(last) + r"\b", art.body))
        candidates.append({"name": name, "mentions": n,
                           **({"attributed_to": info["attributed_to"]} if info.get("attributed_to") else {})})
    return Extraction(url=src, date=day, title=art.title, statements=ex.out, candidates=candidates,
                      parties=ex.parties, sentences=len(ex.sentences), negated_dropped=ex.dropped,
                      path=path)


_INDEX: list[ActorIndex] = []


def _default_index() -> ActorIndex:
    if not _INDEX:
        _INDEX.append(ActorIndex.default())
    return _INDEX[0]


def read_article(path: str | Path) -> str:
    """The text of an article file; ``DataError`` for a missing, binary, non-UTF-8 or huge file."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DataError(Problem("no such file", str(p))) from None
    except IsADirectoryError:
        raise DataError(Problem("is a directory, not an article", str(p))) from None
    except OSError as e:
        raise DataError(Problem(f"cannot read: {e.strerror or e}", str(p))) from None
    if len(data) > MAX_BYTES:
        raise DataError(Problem(f"too large for an article (over {MAX_BYTES // 1_000_000} MB); "
                                "split it first", str(p)))
    if b"\x00" in data[:8192]:
        raise DataError(Problem("binary file, not text", str(p)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DataError(Problem(f"not UTF-8 text (byte {e.start})", str(p))) from None
    if not text.strip():
        raise DataError(Problem("empty file", str(p)))
    return text


def extract_file(path: str | Path, url: str | None = None, date: Date | None = None,
                 index: ActorIndex | None = None, *, keep_negated: bool = False) -> Extraction:
    """Read and extract one article file (see :func:`read_article` and :func:`extract_article`)."""
    text = read_article(path)
    return extract_article(text, url, date, index, keep_negated=keep_negated, path=str(path))
