"""The groundwork of every sentence: cue and speech-verb hits, clauses, quotations, speakers.

:class:`Scanner` holds one article's state (its :class:`~kg.ingest.article.speakers.Doc`, the
lexicon, the lower-cased body) and answers the questions the later steps ask of a sentence:
which token starts at an offset, which mentions lie in a span, which clause holds a
position, which quotation (if any) holds it, who speaks in the sentence (its speech
*events*: a speech verb and its speaker) and who a quotation belongs to.

:mod:`kg.ingest.article.targets` and :mod:`kg.ingest.article.quotes` build on it;
:mod:`kg.ingest.article.statements` puts them together, sentence by sentence.

Examples
--------
>>> from datetime import date
>>> from kg.actors import ActorIndex
>>> s = Scanner("Turkey said it backs Baku.", ActorIndex.default(), date(2020, 9, 27))
>>> s.find_hits()
>>> sorted(s.speech_hits), [c.stance for c, _, _ in s.cue_hits[0]]
([0], ['support'])
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date as Date

from kg.ingest.article.lexicon import lexicon
from kg.ingest.article.mentions import Mention
from kg.ingest.article.speakers import Doc, Speaker
from kg.ingest.article.text import Sentence, paragraphs, split_sentences

from kg.actors import ActorIndex

QUOTE = re.compile(r"\"[^\"]*\"|“[^”]*”")
"""A quotation, straight or curly quote marks."""
# Small patterns of the sentence-level rules, compiled once (they run thousands of times per article).
_COMMA_OR_QUOTE = re.compile(r"[,\"”]")
_COMMAS = re.compile(r"[\s,]*")
_SPACES = re.compile(r"\s*")
_DASHES = "-—–―"
_LABEL = re.compile(r"\s*(?:[•·*]\s+)?(?P<label>[A-Z][\w.'’&-]*(?:[ ][\w.'’&-]+)*):\s+(?=[A-Z\"“])")
HEADER_WORDS = 6
"""Most words of a header line naming a speaker."""
_BULLET_LINE = re.compile(r"\n(?=[ \t]*[•·*]\s)")
"""A line break before a bulleted line: each bullet of a round-up is a paragraph of its own."""
_OWNERS_GLUE = re.compile(r"\s*(?:,|and|&)\s*")
_LABEL_TOPICS = frozenset({"stance", "reaction", "reactions", "response", "position", "view", "views",
                           "condemnation", "support", "concern", "warning", "appeal", "call", "statement"})
"""What a label may add after its speaker: "France's Condemnation:", "Norway and Sweden's Stance:"."""
_STATEMENT_FROM = re.compile(r"(?:an?|the)\s+(?:joint\s+|written\s+|brief\s+)?(?:statement|communiqu[eé]|"
                             r"spokes(?:man|woman|person))\s+(?:from|by|of|for|issued\s+by)\s+", re.I)
"""What may stand between "according to" and who spoke: "a statement from", "a spokesman for"."""
_PARTICIPLES = frozenset({"saying", "adding"})
"""Speech verbs whose speaker is the subject of the sentence they end ("X accused Y, saying ...")."""
_AS_SAYING = re.compile(r"\s+as\s+(?:saying|telling|stating|writing)\b")
# A paragraph that ends in an attribution line: "“...” -- US Secretary of State John Kerry" (or a
# single spaced hyphen, where the dash was lost on the way).
_ATTRIBUTION = re.compile(r"[\"”.!?)]\s*(?:--|—|–|―|-(?=\s))\s*(?P<who>[^\n\"“”—–]{2,200}?)\s*$")


@dataclass
class Event:
    """A speech verb in a sentence and who speaks through it."""

    k: int              # token index of the speech verb
    speaker: Speaker


@dataclass
class Sent:
    """One sentence as the extractor sees it: its token range, quotations and speech events."""

    sent: Sentence
    lo: int
    hi: int
    quotes: list[tuple[int, int]] = field(default_factory=list)
    breaks: list[tuple[int, int]] | None = None  # found on first use: most sentences need none
    events: list[Event] = field(default_factory=list)
    continuation: bool = False
    attributed: dict | None = None  # quotation -> the actors it is attributed to, when asked


class Scanner:
    """One article's state and the sentence-level questions every later step asks."""

    def __init__(self, body: str, index: ActorIndex, day: Date):
        self.doc = Doc.of(body, index, day)
        self.lex = lexicon()
        self.starts = [t.start for t in self.doc.tokens]
        self.mention_starts = [m.start for m in self.doc.mentions]  # sorted, as the mentions are
        self.mention_tokens = [m.i for m in self.doc.mentions]
        self._attributions: dict | None = None  # found on first use: most articles have none
        self._headers: list | None = None
        self._labels: list | None = None

    def tok_at(self, pos: int) -> int:
        """The index of the first token starting at or after body offset ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        """The mentions starting at body offsets ``a`` <= start < ``b``, in order."""
        return self.doc.mentions[bisect.bisect_left(self.mention_starts, a):
                                 bisect.bisect_left(self.mention_starts, b)]

    def find_hits(self) -> None:
        """Split the body into sentences and find every speech verb and cue in it, once.

        Sets ``sentences``, ``low`` (the body lower-cased, same length), ``speech_hits``
        (sentence -> speech verb offsets) and ``cue_hits`` (sentence -> (cue, start, end)).
        """
        doc = self.doc
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
        # A cue listed earlier in extract.yaml wins over a later one of the same stance that
        # starts at the same place: a specific rule ("concerned by the moves of X", aimed at X)
        # then replaces the generic one ("concerned", aimed at the parties) instead of adding to it.
        taken: set[tuple[str, int]] = set()
        for cue, m in self.lex.cue_matches(low):  # = each cue's rx.finditer(low), in cue order
            if (cue.stance, m.start()) in taken:
                continue
            if cue.kind == "content" and m.start() > 0 and low[m.start() - 1] == "-":
                continue  # "Russian-backed rebels", "Saudi-led": who backs them, no one's stance here
            if cue.capital_after and m.group().startswith(cue.capital_after):
                rest = doc.body[m.end():m.end() + 40]
                rest = rest[4:] if rest.lower().startswith("the ") else rest
                if not rest[:1].isupper():
                    continue  # not this cue here, and it takes the place from no other
            taken.add((cue.stance, m.start()))
            n = bisect.bisect_right(sent_starts, m.start()) - 1
            if n >= 0 and m.end() <= self.sentences[n].end:
                self.cue_hits.setdefault(n, []).append((cue, m.start(), m.end()))

    # -- clauses -----------------------------------------------------------------------------
    def clause(self, st: Sent, pos: int) -> tuple[int, int]:
        """The clause holding ``pos``: the sentence cut at the clause breaks outside quotations."""
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

    def in_quote(self, st: Sent, pos: int) -> tuple[int, int] | None:
        """The quotation of the sentence that holds ``pos``, if any."""
        for q in st.quotes:
            if q[0] <= pos < q[1]:
                return q
        return None

    # -- speech events -------------------------------------------------------------------------
    def find_events(self, st: Sent) -> None:
        """The speech events of a sentence (a speech verb and its speaker) into ``st.events``."""
        doc = self.doc
        for pos in self.speech_hits.get(st.sent.index, ()):
            if self.in_quote(st, pos):
                continue
            k = self.tok_at(pos)
            if k >= st.hi or doc.tokens[k].start != pos:
                continue
            word = doc.tokens[k].norm
            if (doc.tokens[k].cap and not (word == "according" and k == st.lo)) or k in doc.by_token:
                continue  # a capital is a name's ("Said"), but "According to X, ..." opens a sentence
            ca, _ = self.clause(st, pos)
            lo = max(st.lo, self.tok_at(ca))
            sp = None
            if word == "according":
                if k + 2 < st.hi and doc.tokens[k + 1].norm == "to":
                    # up to a comma: "According to Iran, Turkey ..." is Iran's account of Turkey
                    end = next((j for j in range(k + 3, st.hi) if "," in doc.gap(j - 1, j)), st.hi)
                    start = k + 2
                    lead = _STATEMENT_FROM.match(doc.body, doc.tokens[start].start)
                    if lead:  # "according to a statement from the Kenyan foreign ministry"
                        start = bisect.bisect_left(self.starts, lead.end())
                    sp = doc.np_right(start, end) if start < end else None
            elif word == "quoted":  # "the agency quoted X as saying": X speaks
                sp = doc.np_right(k + 1, st.hi) if k + 1 < st.hi else None
                if sp is None or not _AS_SAYING.match(doc.body, sp.end):
                    continue
            elif word in {"read", "cited"}:
                continue
            elif word in _PARTICIPLES:  # "X did Y, saying ...": the sentence's subject says it
                sp = doc.np_right(st.lo, k) if k > st.lo else None
            else:
                sp = doc.np_left(k, lo) or doc.np_before_apposition(k, lo)
                before = doc.body[doc.tokens[k - 1].end:pos] if k > st.lo else ""
                if sp is None and (k == st.lo or _COMMA_OR_QUOTE.search(before)):
                    sp = doc.np_right(k + 1, st.hi)
                if sp is None and k - 1 > lo and doc.tokens[k - 1].norm == "and":
                    # a second predicate ("X dismissed the claims and said ..."): the clause's subject
                    sp = doc.np_right(lo, k - 1)
                if sp is None:
                    sp = self.label_speaker(pos)  # "CHINA: The foreign ministry said ..."
            if sp is None:
                continue
            if sp.pronoun:
                # "his representative said": the person named earlier in the sentence
                people = [m for m in self.mentions_in(st.sent.start, sp.start)
                          if doc.kind(m.actor) == "person"]
                if people:
                    sp = Speaker((people[-1].actor,), sp.start, sp.end, pronoun=True)
            st.events.append(Event(k, sp))
            doc.last = sp

    def quote_before(self, st: Sent, pos: int) -> tuple[int, int] | None:
        """A quotation that ends right before ``pos`` (only commas and spaces between)."""
        for q in st.quotes:
            if q[1] <= pos and _COMMAS.fullmatch(self.doc.body[q[1]:pos]):
                return q
        return None

    def attributions(self) -> dict[tuple[int, int], Speaker]:
        """Paragraphs that end in an attribution line ("“...” -- Foreign Minister X"), with their speaker.

        Wire round-ups print each reaction as quotations followed by a dash and who said them;
        every quotation of such a paragraph is that speaker's.
        """
        if self._attributions is None:
            doc, found = self.doc, {}
            for ps, pe in paragraphs(doc.body):
                m = _ATTRIBUTION.search(doc.body, ps, pe)
                if m is None or not QUOTE.search(doc.body, ps, m.start() + 1):
                    continue
                k, hi = self.tok_at(m.start("who")), self.tok_at(m.end("who"))
                sp = doc.np_right(k, hi) if k < hi else None
                if sp is not None and not sp.pronoun:
                    found[(ps, pe)] = sp
            self._attributions = found
        return self._attributions

    def attributed_speaker(self, pos: int) -> Speaker | None:
        """The speaker of the attribution line closing the paragraph that holds ``pos``, if any."""
        for (ps, pe), sp in self.attributions().items():
            if ps <= pos < pe:
                return sp
        return None

    def headers(self) -> list[tuple[int, Speaker]]:
        """Paragraphs that are a header naming who speaks next: (start, speaker), in order.

        Round-ups of reactions put each speaker on a line of its own ("IRAN", "- Turkey -",
        "GERMAN CHANCELLOR OLAF SCHOLZ") above their words. A header is a short paragraph (at most
        :data:`HEADER_WORDS` words, without a closing stop, colon or quote mark) that is a speaker
        phrase from end to end; a line opening with a dash and not closed by one is an attribution
        line, which belongs to the paragraph before (:meth:`attributions`).
        """
        if self._headers is None:
            doc, found = self.doc, []
            for ps, pe in paragraphs(doc.body):
                a, b = ps, pe
                while a < b and doc.body[a].isspace():
                    a += 1
                while b > a and doc.body[b - 1].isspace():
                    b -= 1
                if a < b and doc.body[a] in _DASHES:  # "- Turkey -"; "– Minister X" is an attribution
                    if doc.body[b - 1] not in _DASHES:
                        continue
                    while a < b and (doc.body[a] in _DASHES or doc.body[a].isspace()):
                        a += 1
                    while b > a and (doc.body[b - 1] in _DASHES or doc.body[b - 1].isspace()):
                        b -= 1
                line = doc.body[a:b]
                if not line or "\n" in line or line[-1] in ".!?:\"”" or len(line.split()) > HEADER_WORDS:
                    continue
                k, hi = self.tok_at(a), self.tok_at(b)
                sp = doc.np_right(k, hi) if k < hi else None
                if sp is not None and not sp.pronoun and sp.end >= b:
                    found.append((ps, sp))
            self._headers = found
        return self._headers

    def label_speaker(self, pos: int, right_after: bool = False) -> Speaker | None:
        """The speaker a paragraph's opening label names ("CHINA: The foreign ministry said ..."),
        for a verb or cue at ``pos`` inside that paragraph whose subject names no one (no actor
        between the label and ``pos``); None elsewhere. With ``right_after``, only for a verb
        that opens the text after the label ("Norway and Sweden's Stance: Called for ...").

        Round-ups also print each reaction as one paragraph opened by who it is from and a colon.
        A label is at most :data:`HEADER_WORDS` words and a speaker phrase from end to end.
        """
        if self._labels is None:
            doc, found = self.doc, []
            for ps, pe in self._label_lines():
                m = _LABEL.match(doc.body, ps, pe)
                if m is None or len(m.group("label").split()) > HEADER_WORDS:
                    continue
                end = m.end("label")
                words = m.group("label").split()
                if len(words) > 1 and words[-1].lower() in _LABEL_TOPICS:  # "France's Condemnation:"
                    end = m.start("label") + m.group("label").rfind(" ")
                k, hi = self.tok_at(m.start("label")), self.tok_at(end)
                sp = doc.np_right(k, hi) if k < hi else None
                if (sp is None or sp.end < end - 2) and end < m.end("label"):
                    sp = self._owners(m.start("label"), end)
                if sp is not None and not sp.pronoun and sp.end >= end - 2:  # "France's": a possessive
                    found.append((m.end(), pe, sp))
            self._labels = found
        for a, b, sp in self._labels:
            if a <= pos < b and (not right_after or pos == a):
                if any(a <= m.start < pos for m in self.mentions_in(a, pos)):
                    return None
                return Speaker(sp.actors, pos, pos, pronoun=True)
        return None

    def _owners(self, a: int, b: int) -> Speaker | None:
        """The actors a label names as owners, the only words of ``a``..``b`` besides "and":
        "France's", "Norway and Sweden's"."""
        found = self.mentions_in(a, b)
        between = "".join(self.doc.body[x.end:y.start] for x, y in zip(found, found[1:], strict=False))
        rest = _OWNERS_GLUE.sub("", between)
        if not found or found[0].start != a or found[-1].end < b - 2 or rest:
            return None
        return Speaker(tuple(dict.fromkeys(x.actor for x in found)), a, b)

    def _label_lines(self):
        """Where a label may open: each paragraph, and each bulleted line inside one ("• X: ...")."""
        body = self.doc.body
        for ps, pe in paragraphs(body):
            cut = [m.start() + 1 for m in _BULLET_LINE.finditer(body, ps, pe)]
            for a, b in zip([ps] + cut, cut + [pe], strict=True):
                yield a, b

    def header_speaker(self, pos: int) -> Speaker | None:
        """The speaker of the last header before ``pos``, if any."""
        before = [(ps, sp) for ps, sp in self.headers() if ps < pos]
        return before[-1][1] if before else None

    def quote_speaker(self, st: Sent, q: tuple[int, int], continuation: bool) -> Speaker | None:
        """Who says quotation ``q``: the speaker of an attribution line closing its paragraph,
        the subject before it, a speech event, or the last speaker."""
        doc = self.doc
        sp = self.attributed_speaker(q[0])
        if sp is not None:
            return sp
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
        header = self.header_speaker(q[0])
        if header is not None and (doc.last is None or doc.last.start < header.start):
            return Speaker(header.actors, q[0], q[0], pronoun=True)  # under a header, no one else named
        if continuation and doc.last is not None:
            return Speaker(doc.last.actors, q[0], q[0], pronoun=True)
        return None

