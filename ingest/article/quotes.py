"""The evidence of a statement: its quote, short and in the speaker's own words when possible.

:meth:`QuoteFinder.evidence` picks, in order: the quoted words that carry the cue (a
quotation holding or right after the stance words, or the words a speech-verb cue such as
"warned" introduces), joined with " … " when the speaker has several fragments in the
sentence; otherwise the shortest clause holding the cue and its targets ("blamed Yerevan
for the flare-up"); the whole sentence only when nothing shorter is found.
``body[span[0]:span[1]]`` is the quote (for joined fragments the span runs from the first
to the last; a quote cut at :data:`MAX_QUOTE` characters ends with "…", which the span
leaves out).
"""
from __future__ import annotations

import re

from kg.ingest.article.scan import Scanner, Sent
from kg.ingest.article.speakers import Speaker

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


class QuoteFinder(Scanner):
    """The quote rules: the speaker's quoted words, else the cue's shortest clause."""

    def evidence(self, st: Sent, cs: int, ce: int, ca: int, cb: int, speaker: Speaker,
                 q: tuple[int, int] | None, content_start: int,
                 targets: tuple[str, ...]) -> tuple[str, tuple[int, int]]:
        """The quote and span of a statement: the speaker's quoted words, else the cue's clause."""
        frags = self.speaker_quotes(st, cs, ce, speaker)
        if frags:
            return self.joined(frags)
        a, b = self.cue_clause(st, cs, ce, ca, cb, speaker, q, content_start, targets)
        return self.capped(a, b)

    def speaker_quotes(self, st: Sent, cs: int, ce: int, speaker: Speaker) -> list[tuple[int, int]]:
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

    def attributed(self, st: Sent, q: tuple[int, int]) -> tuple[str, ...] | None:
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

    def cue_clause(self, st: Sent, cs: int, ce: int, ca: int, cb: int, speaker: Speaker,
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

    def sub_breaks(self, st: Sent, lo: int, hi: int):
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

