"""Who speaks: the speaker noun phrase before (or after) a verb, resolved to actors.

A speaker phrase is a run of names, actor names, office words ("defense ministry
spokesman") and small words. Its head decides: a known person ("Turkish President
Recep Tayyip Erdogan") speaks as that person; an unknown name with an office and a
state or organisation ("Armenian defense ministry spokesman Artsrun Hovhannisyan",
"Olesya Vartanyan of the International Crisis Group") speaks for that state or
organisation and the name becomes a candidate; a list of actors ("France, Germany,
Italy, and the EU") speaks jointly; a pronoun ("he added") is the previous speaker.

Examples
--------
>>> from kg.actors import ActorIndex
>>> from datetime import date
>>> doc = Doc.of("But Azerbaijan's ally Turkey blamed Yerevan.", ActorIndex.default(), date(2020, 9, 27))
>>> k = next(i for i, t in enumerate(doc.tokens) if t.norm == "blamed")
>>> doc.np_left(k, 0).actors
('TUR',)
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date as Date

from kg.ingest.article.frame import frame_mentions
from kg.ingest.article.lexicon import lexicon
from kg.ingest.article.mentions import Matcher, Mention, Token, tokenize
from kg.ingest.article.parties import ADJECTIVAL, POSTS

from kg.actors import ActorIndex

_STOP_CAPS = {"the", "a", "an", "but", "and", "in", "on", "at", "both", "during", "after", "before",
              "while", "as", "when", "if", "however", "meanwhile", "earlier", "later", "he", "she",
              "it", "they", "we", "i", "this", "that", "these", "those", "his", "her", "its", "their",
              "our", "there", "sixteen", "some", "most", "many", "all", "one", "two", "three", "for",
              "with", "from", "by", "to", "of", "also", "yet", "so", "then", "raising", "monday",
              "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "detailing",
              "speaking", "reflecting", "arch", "ethnic", "political", "world", "western", "global",
              "international", "here", "said", "told", "related", "original"}
_BOUNDARY_WORDS = {"and", "but", "while", "as", "whereas", "when", "after", "that", "so", "because",
                   "though", "although", "since", "if", "meanwhile", "however", "also", "then",
                   "yesterday", "today", "earlier", "later", "where", "both"}
_GAP_OK = re.compile(r"^[\s,\-]*$")
_DASH = re.compile(r"\s-\s|[—–]")
"""A dash that opens or closes an aside ("Germany, France and Britain - the E3 - said")."""
_SUBJECT_BREAK = re.compile(r"[,;:(\"“”‘—–•]")
_QUOTE_MARK = re.compile(r"[\"“”]")
_HONORIFICS = {"mr", "mrs", "ms", "dr"}
_TITLE_ABBREVIATIONS = _HONORIFICS | {"gen", "lt", "col", "sgt", "capt", "maj", "gov", "sen", "rep", "prof", "pres"}
"""Abbreviated titles written with a stop inside a name ("Mr. Putin", "Gen. Akar")."""
_OFFICIALS = {"officials", "official", "authorities", "ministry", "government", "presidency", "spokesman",
              "spokeswoman", "spokesperson", "cabinet", "office"}
"""Who in a state's capital speaks for it ("officials in Ankara", "the foreign ministry in Ankara")."""
_OFFICIALS_OF = {"senior", "top", "government", "security", "military", "defence", "defense", "foreign",
                 "ministry", "high-ranking", "state", "interior", "presidential", "a", "an"}
"""Words that may come before them ("senior government officials in Ankara")."""
_STATEMENTS = {"statement", "statements", "communique", "communiqué", "message", "letter", "note", "readout"}
"""What an institution issues: "a statement from the Iranian presidency" is the presidency's."""
_DEFINITE_REACH = 400
"""How far back (characters) "the ministry" may name the last speaker again."""
_HEAD_TITLES = {"president", "premier", "chancellor", "king", "queen", "emir", "amir", "sultan"}
"""Titles written before a head of state's or government's name ("President Tokayev"); "prime
minister" too (see :meth:`Doc.titled_names`)."""
_SIZE = re.compile(r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|\w+ty(?:-\w+)?)"
                   r"-(?:member|nation|country|state|strong)$")
"""A body's size before its name: "the 15-member Security Council", "the six-nation GCC"."""
_OWN_OFFICES = {"ministry", "government", "presidency", "cabinet", "minister", "president", "chancellor"}
"""Offices of a government that the wires name without their state when the state was just named
(a spokesman or a statement may be any body's: "National Security Council spokesman")."""
_SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "speaking"}
"""Offices that speak for whom "for" names ("a spokesman for the UN"), not where they serve."""
_NOT_IN_OFFICE = {"former", "ex", "late", "then", "outgoing", "ousted", "deposed", "exiled"}
_SMALL = {"of", "the", "to", "for", "and", "a", "an", "his", "her", "its", "their", "on"}


_TITLE_BREAK = re.compile(r"[.;:,\"“”\n]")
"""Where a title before a name cannot reach across."""


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: one actor id, or several for a joint statement."""

    actors: tuple[str, ...]
    start: int
    end: int
    candidate: str | None = None
    pronoun: bool = False

    @property
    def joint(self) -> bool:
        return len(self.actors) > 1


@dataclass
class Doc:
    """An article body with its tokens, mentions and the running speaker memory."""

    body: str
    index: ActorIndex
    date: Date | None
    tokens: list[Token]
    mentions: list[Mention]
    by_token: dict[int, Mention]
    surnames: dict[str, str] = field(default_factory=dict)       # folded name word -> actor
    candidates: dict[str, dict] = field(default_factory=dict)     # name -> info
    last: Speaker | None = None
    topic: str | None = None  # the state the sentence before opened with ("Tanzania's position ...")
    _speaks_for: dict[str, str | None] = field(default_factory=dict)  # fold() answers so far
    titled: dict[str, str] = field(default_factory=dict)  # person -> state their title names in the text

    @classmethod
    def of(cls, body: str, index: ActorIndex, day: Date | None) -> Doc:
        tokens = tokenize(body)
        mentions = frame_mentions(tokens, Matcher.of(index).mentions(body, tokens), index)
        by_token = {}
        for m in mentions:
            for k in range(m.i, m.j):
                by_token[k] = m
        doc = cls(body, index, day, tokens, mentions, by_token)
        for m in mentions:  # "Mr Ban" after "Ban Ki Moon": every word of a person's full name
            a = index.actors.get(m.actor)
            if a is not None and a.kind == "person":
                for t in tokens[m.i:m.j]:
                    if len(t.norm) > 2:
                        doc.surnames.setdefault(t.norm, m.actor)
        doc.last_names()
        doc.titled_names()
        doc.titles_before_names()
        return doc

    def titles_before_names(self) -> None:
        """Remember, for every known person named right after a title with its state or
        organisation ("UN General Assembly President Annalena Baerbock"), whom the title names,
        wherever the person is later read (:meth:`_title_state`; a title without its state,
        "detained President X", is left to the speaker's own phrase)."""
        starts = [x.i for x in self.mentions]  # in text order
        title_words = lexicon().title_words
        for m in self.mentions:
            if self.kind(m.actor) != "person" or m.poss:
                continue
            a = m.i
            while a > max(0, m.i - 6) and not _TITLE_BREAK.search(self.gap(a - 1, a)) \
                    and (self.tokens[a - 1].cap or self.tokens[a - 1].norm in title_words):
                a -= 1  # the capitalised words of the title alone: not "in Niger and detained President X"
            if self._untitled(a, m):
                self._title_state(a, m, self.mentions[bisect.bisect_left(starts, a):bisect.bisect_left(starts, m.i)])

    def last_names(self) -> None:
        """Name a person in office by the last word of a full name given before ("support for Arce"
        after "President Luis Arce"): a mention of its own, so that a stance can be aimed at him
        too. Not one whose office ended before the article (a deposed president is not his state)."""
        last = {}
        for m in self.mentions:
            if self.kind(m.actor) == "person" and m.j - m.i > 1 and len(self.tokens[m.j - 1].norm) > 2 \
                    and self.index.speaks_for(m.actor, self.date) is not None:  # in office, not deposed
                last.setdefault(self.tokens[m.j - 1].norm, (m.actor, m.i))
        if not last:
            return
        added = []
        for k, t in enumerate(self.tokens):
            hit = last.get(t.norm) if t.cap and k not in self.by_token else None
            if hit is not None and hit[1] < k:
                poss = t.text.endswith(("'s", "’s"))
                added.append(Mention(k, k + 1, t.start, t.end, hit[0], t.text, poss))
        for m in added:
            self.by_token[m.i] = m
        self.mentions = sorted(self.mentions + added, key=lambda m: m.start)

    def titled_names(self) -> None:
        """A head of state or government named by title and one name ("President Tokayev",
        "Prime Minister Modi", "King Salman") whom no full name introduced: the one person of
        the alias data who held that office on the article's date with that name. Added to
        :attr:`surnames`, so every later "Tokayev" is that person too. Not before "former"."""
        toks = self.tokens
        for k in range(1, len(toks)):
            t = toks[k]
            if k in self.by_token or not t.cap or t.norm in self.surnames or len(t.norm) < 3:
                continue
            prev = toks[k - 1].norm
            title = "prime minister" if prev == "minister" and k > 1 and toks[k - 2].norm == "prime" \
                else prev if prev in _HEAD_TITLES else None
            if title is None or not toks[k - 1].cap:
                continue
            back = k - (3 if title == "prime minister" else 2)
            if back >= 0 and toks[back].norm in _NOT_IN_OFFICE:
                continue
            person = self.index.titled(title, t.text, self.date)
            if person is not None:
                self.surnames[t.norm] = person

    # -- helpers -----------------------------------------------------------------------------
    def kind(self, aid: str) -> str | None:
        a = self.index.actors.get(aid)
        return a.kind if a else None

    def fold(self, aid: str) -> str | None:
        """The state or organisation an actor speaks for on the article's date."""
        if self.kind(aid) != "person":
            return aid
        if aid not in self._speaks_for:  # the roles are sorted by date on every call: remember
            self._speaks_for[aid] = self.index.speaks_for(aid, self.date)
        return self._speaks_for[aid] or self.titled.get(aid)

    def gap(self, a: int, b: int) -> str:
        """Text between token ``a`` and token ``b`` (a < b)."""
        return self.body[self.tokens[a].end:self.tokens[b].start]

    def gap_ok(self, a: int) -> bool:
        """Whether tokens ``a`` and ``a + 1`` may stand in one noun phrase: only spaces, commas or
        hyphens between them, or the stop of a title's abbreviation ("Mr. Putin", "Gen. Akar")."""
        g = self.gap(a, a + 1)
        if _DASH.search(g):  # "Britain - the E3 - said": an aside, not one name
            return False
        return bool(_GAP_OK.match(g)) or (g.strip() == "." and self.tokens[a].norm in _TITLE_ABBREVIATIONS)

    def _np_token(self, k: int) -> bool:
        t = self.tokens[k]
        lex = lexicon()
        if k in self.by_token:
            return True
        if t.norm in lex.title_words or t.norm in _HONORIFICS or t.text.isdigit() or _SIZE.match(t.norm):
            return True
        return t.cap and t.norm not in lex.speech_verbs

    def _boundary_before(self, k: int, lo: int) -> bool:
        """Whether a subject may start at token ``k`` (sentence start, comma, conjunction...)."""
        if k <= lo:
            return True
        g = self.gap(k - 1, k)
        if _SUBJECT_BREAK.search(g) or _DASH.search(g):
            return True
        prev = self.tokens[k - 1].norm
        return prev in _BOUNDARY_WORDS

    # -- noun phrases ------------------------------------------------------------------------
    def np_left(self, k: int, lo: int, allow_pronoun: bool = True) -> Speaker | None:
        """The speaker phrase ending right before token ``k`` (tokens ``lo``.. are the clause)."""
        lex = lexicon()
        lo0, lo = lo, self.after_opening(lo, k)
        t = k - 1
        # skip adverbs and auxiliaries between subject and verb
        while t >= lo:
            gap = self.gap(t, t + 1) if t + 1 < len(self.tokens) else ""
            if _QUOTE_MARK.search(gap):
                if t + 1 == k:
                    return None
                break
            w = self.tokens[t].norm
            # "on Thursday" is skipped too: a weekday is capitalised but no part of the subject
            if t not in self.by_token and (not self.tokens[t].cap or w in lex.capitalised_fillers) and (
                    w in lex.filler_words or (w.endswith("ly") and len(w) > 4)):
                t -= 1
                continue
            break
        if t < lo:
            return None
        end = t
        w = self.tokens[t]
        # pronoun subject, or "his representative" / "its statement"
        if allow_pronoun:
            if w.norm in lex.pronouns and lex.pronouns[w.norm] and w.norm in {"he", "she", "it", "they"}:
                return self._pronoun(w)
            if w.norm == "we" and t == lo:  # a statement quoted at length: "We appreciate X's restraint"
                return self._pronoun(w)
            if (t - 1 >= lo and w.norm in lex.office_words
                    and self.tokens[t - 1].norm in {"his", "her", "its", "their"}):
                return self._pronoun(self.tokens[t - 1])
        s = t
        while s >= lo and self._np_token(s):
            if s < t and not self.gap_ok(s):
                break
            s -= 1
            if s - 3 >= lo and self._as_well_as(s - 2) and self._np_token(s - 3):
                s -= 3  # "Kenya as well as Uganda condemned": one list
        s += 1
        # "The Syrian embassy in Moscow condemned": the embassy's state speaks, not the place
        if (s - 2 >= lo and end == s + self._span_of(s) - 1 and self.tokens[s - 1].norm == "in"
                and self.tokens[s - 2].norm in POSTS and self.gap_ok(s - 2)):
            return self.np_left(s - 1, lo, allow_pronoun=False)
        s = self._state_before_office(s, end, lo)
        # "countries that co-chair the Minsk Group urged": a lower-case office word right before
        # an article is a verb, and what follows it its object, not the subject
        while s < end and not self.tokens[s].cap and self.tokens[s].norm in lex.title_words \
                and self.tokens[s].norm not in _SMALL and self.tokens[s + 1].norm in ("the", "a", "an"):
            s += 1
        if s > end:
            return None
        officials = self._officials_in(s, end, lo) or self._office_after_place(s, end, lo0, lo) \
            or self._whose_office(s, end)
        if officials is not None:
            return officials
        if allow_pronoun and self._definite_office(s, end, lo):
            return self._pronoun(self.tokens[end])  # "The ministry urged": the one that spoke last
        return self._resolve(s, end + 1, lo, left=True)

    def _span_of(self, s: int) -> int:
        """How many tokens the mention starting at token ``s`` covers (1 when none does)."""
        m = self.by_token.get(s)
        return m.j - m.i if m is not None and m.i == s else 1

    def _modifies_office(self, a: int, end: int) -> bool:
        """Whether tokens ``a``..``end`` are up to three lower-case words and an office word that
        ends them: "health ministry", "human rights ombudsman" (after "Armenia's")."""
        lex = lexicon()
        words = self.tokens[a:end + 1]
        return 2 <= len(words) <= 4 and words[-1].norm in lex.office_words and all(
            not t.cap and t.norm.replace("-", "").isalpha() and t.norm not in lex.speech_verbs
            and t.norm not in ("a", "an", "the") and (a + n) not in self.by_token
            and self.gap(a + n, a + n + 1).strip() == "" for n, t in enumerate(words[:-1]))

    def _state_before_office(self, s: int, end: int, lo: int) -> int:
        """Where the subject starts when an actor named as a possessive or adjective comes before
        lower-case words and an office ("Armenia's health ministry", "the Armenian human rights
        ombudsman"); ``s`` otherwise."""
        for n in (1, 2, 3):
            m = self.by_token.get(s - n - 1)
            if m is not None and m.j == s - n and s - n - 1 >= lo and (m.poss or ADJECTIVAL.search(m.surface)) \
                    and self.gap(m.j - 1, m.j).strip() == "" and self._modifies_office(s - n, end) \
                    and self.kind(m.actor) in ("state", "organization"):
                start = m.i - 1 if m.i - 1 >= lo and self.tokens[m.i - 1].norm == "the" else m.i
                return start
        return s

    def _definite_office(self, s: int, end: int, lo: int) -> bool:
        """Whether tokens ``s``..``end`` are "the" and office words alone ("The ministry", "the
        foreign minister"): they name again the speaker of a sentence or two before, as "it" or
        "he" would, when that speaker was named within :data:`_DEFINITE_REACH` characters and in
        the same paragraph (a round-up's next paragraph may be another state's)."""
        toks = self.tokens[s:end + 1]
        if len(toks) < 2 or toks[0].norm != "the" or not self._boundary_before(s, lo) \
                or any(k in self.by_token for k in range(s, end + 1)):
            return False
        lex = lexicon()
        if not all(t.norm in lex.title_words for t in toks[1:]) or toks[-1].norm not in lex.office_words:
            return False
        return self.last is not None and 0 <= toks[0].start - self.last.end <= _DEFINITE_REACH \
            and "\n\n" not in self.body[self.last.end:toks[0].start]  # a new paragraph may be a new section

    def _officials_in(self, s: int, end: int, lo: int) -> Speaker | None:
        """"(Senior) officials in Ankara", "the foreign ministry in Ankara": the state whose capital
        or name ends the subject, when officials or an office open it. Not diplomats or an
        embassy, which serve abroad; "Turkey's foreign ministry in Ankara" is Turkey's.

        "A statement from the Iranian presidency", "a statement by Egypt's foreign ministry": the
        subject after "from" or "by"."""
        if s - 2 < lo or self.tokens[s - 1].norm not in ("in", "from", "by"):
            return None
        if self.tokens[s - 1].norm in ("from", "by"):
            a = s - 2
            if self.tokens[a].norm not in _STATEMENTS:
                return None
            while a - 1 >= lo and self.tokens[a - 1].norm in ("joint", "written", "brief", "separate", "new"):
                a -= 1  # "a joint statement by Kenya and Uganda"
            if a - 1 >= lo and self.tokens[a - 1].norm in ("a", "the", "in", "its", "their"):
                a -= 1
            return self._resolve(s, end + 1, s, left=True) if self._boundary_before(a, lo) else None
        m = self.by_token.get(s)
        if m is None or m.i != s or m.j != end + 1 or self.kind(m.actor) not in ("state", "authority") \
                or self.tokens[s - 2].norm not in _OFFICIALS:
            return None
        a, owner = s - 2, m.actor
        while a - 1 >= lo and a - 1 not in self.by_token \
                and self.tokens[a - 1].norm in _OFFICIALS_OF | {"the"} | _OFFICIALS:
            a -= 1
        before = self.by_token.get(a - 1)
        if before is not None and before.poss and self.kind(before.actor) == "state":
            a, owner = before.i, before.actor  # "Turkey's foreign ministry in Ankara"
        elif before is not None and before.actor == owner:
            a = before.i  # "the separatist authorities in Nagorno-Karabakh": one actor named twice
            if a - 1 >= lo and self.tokens[a - 1].norm == "the":
                a -= 1
        if not self._boundary_before(a, lo):
            return None
        return Speaker((owner,), self.tokens[a].start, self.tokens[end].end)

    def _whose_office(self, s: int, end: int) -> Speaker | None:
        """"The Group of Seven, whose leaders said": the actor right before ", whose", when the
        subject after it is office words alone."""
        lex = lexicon()
        if s < 2 or self.tokens[s - 1].norm != "whose" or "," not in self.gap(s - 2, s - 1):
            return None
        m = self.by_token.get(s - 2)
        if m is None or not all(t.norm in lex.title_words for t in self.tokens[s:end + 1]):
            return None
        return Speaker((m.actor,), self.tokens[s - 1].start, self.tokens[end].end)

    def _office_after_place(self, s: int, end: int, lo0: int, lo: int) -> Speaker | None:
        """"In Moscow, the foreign ministry said": an office with no state named, after an opening
        phrase that is only a state's capital or name, speaks for that state."""
        if lo <= lo0 + 1 or self.tokens[lo0].norm != "in" or s != lo:
            return None
        m = self.by_token.get(lo0 + 1)
        if m is None or m.j != lo or self.kind(m.actor) != "state" or "," not in self.gap(lo - 1, lo):
            return None
        words = [t.norm for t in self.tokens[s:end + 1]]
        if any(k in self.by_token for k in range(s, end + 1)) or not any(w in _OFFICIALS for w in words) \
                or not all(w in _OFFICIALS_OF or w in _OFFICIALS or w in ("the", "a", "an") for w in words):
            return None
        return Speaker((m.actor,), self.tokens[s].start, self.tokens[end].end)

    def after_opening(self, lo: int, k: int) -> int:
        """The first token after an opening phrase of the clause ("In a call with X, ..."), or ``lo``.

        The phrase starts at ``lo`` with an opening word and ends at the first comma before token ``k``.
        """
        if lo >= k or self.tokens[lo].norm not in lexicon().opening_words:
            return lo
        for t in range(lo, k - 1):
            if "," in self.gap(t, t + 1):
                return t + 1
        return lo

    def np_right(self, k: int, hi: int) -> Speaker | None:
        """The speaker phrase starting at token ``k`` ("..., tweeted Dmitry Trenin, director of ...")."""
        e = k
        while e < hi and self._np_token(e):
            if e > k and not self.gap_ok(e - 1):
                break
            e += 1
        if e == k:
            t = self.tokens[k] if k < hi else None
            if t is not None and t.norm in {"he", "she", "it", "they"}:
                return self._pronoun(t)
            return None
        return self._resolve(k, e, k, left=False)

    def _pronoun(self, tok: Token) -> Speaker | None:
        if self.last is None:
            return None
        return Speaker(self.last.actors, tok.start, tok.end, pronoun=True)

    def _as_well_as(self, k: int) -> bool:
        """Whether tokens ``k``.. read "as well as" (a list's "and")."""
        return k >= 0 and k + 2 < len(self.tokens) and \
            [t.norm for t in self.tokens[k:k + 3]] == ["as", "well", "as"]

    def _segments(self, s: int, e: int) -> list[tuple[int, int]]:
        """Split tokens [s, e) at "and", "as well as" and at commas."""
        segs, a = [], s
        for k in range(s, e):
            if k < a:
                continue
            wide = self._as_well_as(k) and k + 3 <= e
            cut_here = (self.tokens[k].norm == "and" and k not in self.by_token) or wide
            if cut_here:
                if k > a:
                    segs.append((a, k))
                a = k + (3 if wide else 1)
            elif k + 1 < e and "," in self.gap(k, k + 1):
                segs.append((a, k + 1))
                a = k + 1
        if a < e:
            segs.append((a, e))
        # an age between commas ("Artak Bagdasaryan, 36, told") is not part of the name
        return [(x, y) for x, y in segs if not all(self.tokens[k].text.isdigit() for k in range(x, y))]

    def _title_role(self, a: int, person: Mention, ms: list[Mention]) -> None:
        """Remember the state a known person's title names ("Zimbabwean Prime Minister Robert
        Mugabe") when the role data gives them none on the article's date (it may end before it),
        else the holder of their latest role when the title is that role's."""
        if not self._untitled(a, person) or self._title_state(a, person, ms):
            return
        # "Prime Minister Shehbaz Sharif", with no state named: the holder of their latest role,
        # when the title before the name is that role's ("the role data ends before the article")
        lex = lexicon()
        title = " ".join(t.norm for t in self.tokens[a:person.i] if t.norm in lex.title_words and t.norm not in _SMALL)
        roles = sorted(self.index.roles.get(person.actor, []), key=lambda r: r.start or Date.min)
        if title and roles and (roles[-1].end is None or self.date is None or roles[-1].end < self.date) \
                and roles[-1].title.lower() == title:
            self.titled[person.actor] = roles[-1].holder

    def _untitled(self, a: int, person: Mention) -> bool:
        """Whether a known person has no state on the article's date yet, and the words from token
        ``a`` name an office held: "former British Prime Minister X" names none."""
        return self.fold(person.actor) is None and not any(
            self.tokens[k].norm in _NOT_IN_OFFICE for k in range(max(0, a - 1), person.i))

    def _title_state(self, a: int, person: Mention, ms: list[Mention]) -> bool:
        """Remember the state or organisation named before the office words of a person's title
        (``ms``, the mentions from token ``a``); whether there was one."""
        states = [m for m in ms if m.i < person.i and self.kind(m.actor) in ("state", "organization")]
        if states and any(self.tokens[k].norm in lexicon().office_words for k in range(states[-1].j, person.i)):
            self.titled[person.actor] = states[-1].actor
            return True
        return False

    def _served_by(self, m: Mention, a: int) -> int | None:
        """The token "to" or "for" right before mention ``m`` (or before "the" before it), inside
        the phrase that starts at token ``a`` and after its first word: "the envoy for Yemen"."""
        j = m.i - 1
        if j > a and self.tokens[j].norm == "the":
            j -= 1
        if j > a and self.tokens[j].norm == "for" and self.tokens[j - 1].norm in _SPEAKS_FOR:
            return None  # "a spokesman for the UN" is the UN's
        return j if j > a and self.tokens[j].norm in ("to", "for") else None

    def _seg_kind(self, a: int, b: int) -> tuple[str, object]:
        """('person', id) | ('actor', id) | ('name', (name, actors)) | ('title', actor) | ('none', None)."""
        lex = lexicon()
        ms = []
        k = a
        while k < b:
            m = self.by_token.get(k)
            if m is not None:
                ms.append(m)
                k = m.j
            else:
                k += 1
        last = self.by_token.get(b - 1)
        persons = [m for m in ms if self.kind(m.actor) == "person" and not m.poss]
        if persons:
            self._title_role(a, persons[-1], ms)
            return "person", persons[-1].actor
        # words of an earlier-introduced name ("Mr Ban", "Hovhannisyan said")
        for k in range(a, b):
            tk = self.tokens[k]
            if k not in self.by_token and tk.cap and tk.norm in self.surnames:
                prev = self.tokens[k - 1].norm if k > a else ""
                aid = self.surnames[tk.norm]
                if prev in _HONORIFICS or self.kind(aid) != "person" or k == b - 1:
                    return ("person" if self.kind(aid) == "person" else "actor"), aid
        name = self._unknown_name(a, b)
        actors = [m for m in ms if not (m.poss and self.kind(m.actor) == "person")]
        if name:
            return "name", (name, actors)
        # "the UN envoy for Yemen": the office's own state or organisation, not the place it serves
        # or the organisation it is accredited to ("its envoy to the United Nations"), nor the
        # state it is posted to when its own is named ("Georgia's envoy to Moscow", "the US
        # ambassador to Russia")
        j = self._served_by(last, a) if last is not None else None
        served = j is not None and self.tokens[j - 1].norm in lex.office_words \
            and (self.tokens[j].norm == "for" or self.kind(last.actor) != "state"
                 or any(m is not last and m.i < j for m in actors))
        if last is not None and not last.poss and not served:
            return "actor", last.actor
        # "Azerbaijan's foreign ministry", "Armenian defense ministry spokesman"
        offices = any(self.tokens[k].norm in lex.office_words or self.tokens[k].norm in lex.title_words
                      for k in range(a, b) if k not in self.by_token)
        if actors and offices:
            for m in actors:
                if m.poss and m.j < b and self.tokens[m.j].norm not in lex.office_words \
                        and self.tokens[m.j].norm not in lex.title_words and not self._modifies_office(m.j, b - 1):
                    return "none", None
            # "the ambassador to X", "the UN envoy for Yemen": X is where the office serves
            own = [m for m in actors if self._served_by(m, a) is None]
            if not own and served:
                return "none", None  # "its envoy to the United Nations": whose envoy, the text says earlier
            pick = own[0] if own else actors[0]
            return "title", pick.actor
        if self.topic is not None and offices and any(
                self.tokens[k].norm in ("country", "nation") and self.tokens[k].text.lower().endswith(("'s", "’s"))
                for k in range(a, b)):
            return "title", self.topic  # "the country's foreign minister": the state just named
        for m in ms:  # "Pashinyan's spokesman": the person's state
            if m.poss and self.kind(m.actor) == "person" and m.j < b \
                    and self.tokens[m.j].norm in lex.office_words:
                f = self.fold(m.actor)
                if f:
                    return "title", f
        return "none", None

    def _unknown_name(self, a: int, b: int) -> str | None:
        lex = lexicon()
        run: list[Token] = []
        best = None
        for k in range(a, b + 1):
            t = self.tokens[k] if k < b else None
            ok = (t is not None and k not in self.by_token and t.cap and t.norm not in _STOP_CAPS
                  and t.norm not in lex.title_words and not t.text.isupper() and len(t.norm) > 1
                  and (not run or _GAP_OK.match(self.gap(k - 1, k)) and "," not in self.gap(k - 1, k)))
            if ok:
                run.append(t)
            else:
                if len(run) >= 2:
                    best = " ".join(x.text for x in run)
                run = [t] if (t is not None and ok) else []
        return best

    def _resolve(self, s: int, e: int, lo: int, left: bool) -> Speaker | None:
        segs = self._segments(s, e)
        if not segs:
            return None
        kinds = [self._seg_kind(a, b) for a, b in segs]
        order = range(len(segs) - 1, -1, -1) if left else range(len(segs))
        order = list(order)
        head = order[0]
        hk, hv = kinds[head]
        if hk == "none":
            known = self._known_before_unknown(segs, kinds, order) if left else ()
            span = (self.tokens[segs[0][0]].start, self.tokens[segs[-1][1] - 1].end)
            if not known and len(segs) == 1 and self.tokens[segs[0][0]].norm in ("a", "an"):
                # "Burundi was critical. A foreign ministry statement said": the state just named
                owner = self._office_of_topic(segs[0])
                known = (owner,) if owner is not None else ()
            return Speaker(known, *span) if known and self._boundary_before(segs[0][0], lo) else None
        listed = self._people_listed(segs, kinds, order, lo) if left and hk in ("person", "name") else None
        if listed is not None:
            return listed
        chosen = [head]
        for n in order[1:]:
            k, v = kinds[n]
            joiner = self._joiner(segs, n, left)
            if hk in ("person",) and k == "person" and (joiner == "and" or len(chosen) > 1 or not left):
                chosen.append(n)
            elif hk in ("person", "name") and k in ("title", "actor") and joiner == "," \
                    and len(chosen) == 1:
                chosen.append(n)
                if hk == "name":
                    break
            elif hk == "actor" and k == "actor":
                chosen.append(n)
            elif left and hk == "title" and k == "actor" and joiner == "and" and n == head - 1 \
                    and self.tokens[segs[head][0]].norm == "the":
                chosen.append(n)  # "the United States and the UN secretary-general expressed"
            elif left and hk == "title" and k == "actor" and joiner == "and" and n == chosen[-1] - 1 \
                    and self._adjective_alone(segs[n]) and self._adjective_first(segs[head]):
                chosen.append(n)  # "the British and French foreign ministers": one title, two states
            else:
                if hk in ("title", "actor") and k == "name" and joiner == "," and left and hv \
                        and self.kind(hv) != "person" and self.tokens[segs[head][0]].norm == "the":
                    # "Mazloum Abdi, the commander of the SDF, said": a later "Abdi" speaks for it too
                    self._candidate(v[0], hv)
                break
        chosen.sort()
        first = kinds[chosen[0]]
        if left and hk == "actor" and len(chosen) >= 3 and first[0] == "actor" \
                and self.kind(first[1]) == "organization" and e < len(self.tokens) and "," in self.gap(e - 1, e):
            chosen = chosen[:1]  # "the co-chairs of the Minsk Group, the US, France and Russia, urged": the group
        a0, b0 = segs[chosen[0]][0], segs[chosen[-1]][1]
        if left and not self._boundary_before(a0, lo):
            return None
        span = (self.tokens[a0].start, self.tokens[b0 - 1].end)
        if hk == "person":
            ids = tuple(dict.fromkeys(kinds[n][1] for n in chosen if kinds[n][0] == "person"))
            return Speaker(ids, *span)
        if hk == "name":
            name, actors = hv
            owners = [kinds[n][1] for n in chosen if kinds[n][0] in ("title", "actor")]
            owners += [m.actor for m in actors]
            owners = [o for o in owners if o and self.kind(o) != "person"]
            self._candidate(name, owners[0] if owners else None)
            if not owners:
                # "EU chiefs Donald Tusk and Jean-Claude Juncker": the known persons of the list;
                # "Kyiv and the West": the known actors of a list ended by a name nobody knows
                people = []
                for n in order[1:]:
                    if kinds[n][0] == "person" and self._joiner(segs, n, left) == "and":
                        people.append(kinds[n][1])
                    else:
                        break
                if not people and left:
                    people = list(self._known_before_unknown(segs, kinds, order))
                if people:
                    return Speaker(tuple(dict.fromkeys(people)), *span)
                owner = self._office_of_topic((segs[0][0], segs[-1][1]))
                if owner is not None:  # "Armenia denied it. Defence ministry spokeswoman X said"
                    self._candidate(name, owner)
                    return Speaker((owner,), *span, candidate=name)
                self.last = None  # an unknown speaker: "he" after this is not the previous one
                return None
            return Speaker((owners[0],), *span, candidate=name)
        ids = tuple(dict.fromkeys(kinds[n][1] for n in chosen if kinds[n][1]))
        # an office speaks alone, or with its plural list, not with a state before it: "the United
        # States and the UN secretary-general" (both speak) is kept whole
        if hk == "title" and not (len(chosen) == 2 and kinds[chosen[0]][0] == "actor"):
            ids = ids[:1] + self._plural_office_list(segs, kinds, head) if left else ids[:1]
        return Speaker(ids, *span) if ids else None

    def _people_listed(self, segs, kinds, order, lo: int) -> Speaker | None:
        """A list of people, known or named with a state's title ("Australian Foreign Minister
        Marise Payne, British Foreign Secretary Dominic Raab and Canadian Foreign Minister X said"):
        each speaks, for the state the title names when the person is unknown. None unless the
        list ends with "and" and holds someone unknown (a list of known people is read as before)."""
        members = [order[0]]
        for n in order[1:]:
            joiner = self._joiner(segs, n, True)
            if kinds[n][0] not in ("person", "name") or (len(members) == 1 and joiner != "and"):
                break
            members.append(n)
            if joiner == "and" and len(members) > 2:
                break
        if len(members) < 2 or all(kinds[n][0] == "person" for n in members):
            return None
        ids = []
        for n in sorted(members):
            k, v = kinds[n]
            if k == "person":
                ids.append(v)
                continue
            name, actors = v
            owner = next((m.actor for m in actors if self.kind(m.actor) != "person"), None)
            if owner is None:
                return None  # someone nobody can place: not a list this reads
            self._candidate(name, owner)
            ids.append(owner)
        a0, b0 = segs[min(members)][0], segs[max(members)][1]
        if not self._boundary_before(a0, lo):
            return None
        return Speaker(tuple(dict.fromkeys(ids)), self.tokens[a0].start, self.tokens[b0 - 1].end)

    def _office_of_topic(self, seg: tuple[int, int]) -> str | None:
        """The state a name introduced by an office alone ("Defence ministry spokeswoman X")
        speaks for: the one the sentence before opened with (:attr:`topic`), as the wires leave
        the state out when it is the one just named. None without an office of a government
        (a diplomat or an envoy named so may be anyone's)."""
        if self.topic is None:
            return None
        if not any(self.tokens[k].norm in _OWN_OFFICES for k in range(*seg) if k not in self.by_token):
            return None
        return self.topic

    def opening_state(self, lo: int, hi: int) -> str | None:
        """The state a sentence (tokens ``lo``..``hi``) opens with: "Tanzania's position was
        different", "Kenyan President William Ruto said" (its :attr:`topic` for the next)."""
        m = self.by_token.get(lo)
        if m is None or m.i != lo or m.j > hi:
            return None
        f = self.fold(m.actor)
        return f if f is not None and self.kind(f) == "state" else None

    def _known_before_unknown(self, segs, kinds, order) -> tuple[str, ...]:
        """The actors listed before a last member nobody knows ("Kyiv and the West"): joined to it
        by "and", each to the next by a comma or "and"."""
        if len(order) < 2 or self._joiner(segs, order[1], True) != "and":
            return ()
        out = []
        for n in order[1:]:
            if kinds[n][0] != "actor":
                return ()
            out.append(kinds[n][1])
        return tuple(dict.fromkeys(reversed(out)))

    def _plural_office_list(self, segs, kinds, head: int) -> tuple[str, ...]:
        """The states listed before "Y's foreign ministers" ("X, Y and Z's foreign ministers").

        Only for a plural office right after the possessive, so that "Germany and Britain's
        foreign minister" stays one speaker.
        """
        a, b = segs[head]
        m = self.by_token.get(a)
        lex = lexicon()
        if m is None or not m.poss or m.i != a or self.tokens[b - 1].norm not in lex.plural_offices:
            return ()
        out = []
        for n in range(head - 1, -1, -1):
            if kinds[n][0] != "actor":
                break
            out.append(kinds[n][1])
        return tuple(reversed(out))

    def np_before_apposition(self, k: int, lo: int) -> Speaker | None:
        """The subject before a comma- or dash-bounded aside that ends right before token ``k``.

        "Iran, which borders both countries, offered ...": the aside starts with a relative or
        an article ("Algeria, a neighbour of Niger, said") and is more than names, so that a
        list ("France, Germany, the UK, said") is not mistaken for one.
        """
        lex = lexicon()
        while k - 1 > lo and not self.tokens[k - 1].cap and self.tokens[k - 1].norm in lex.filler_words \
                and not self.gap(k - 1, k).strip():
            k -= 1  # "X, Y's ally, has offered": the aside ends before the auxiliary
        if k > lo and _DASH.search(self.gap(k - 1, k)):  # "X, Y and Z - the E3 - said"
            opening = next((j for j in range(k - 2, max(lo, k - 10), -1) if _DASH.search(self.gap(j - 1, j))), None)
            return self.np_left(opening, lo, allow_pronoun=False) if opening is not None else None
        if k <= lo or "," not in self.gap(k - 1, k) or _QUOTE_MARK.search(self.gap(k - 1, k)):
            return None
        for j in range(k - 1, max(lo, k - 25), -1):
            g = self.gap(j - 1, j)
            if _QUOTE_MARK.search(g) or ";" in g:
                return None
            if "," not in g:
                continue
            t = self.tokens[j]
            # "Belarus, Russia's closest ally, offered": an aside may open with whose ally it is
            m = self.by_token.get(j)
            owner = m is not None and m.i == j and m.poss
            if (t.norm not in lex.apposition_starts or j in self.by_token) and not owner:
                return None
            if not owner and t.norm not in lex.relatives and not any(
                    not x.cap and x.norm not in lex.title_words and x.norm not in lex.apposition_starts
                    for x in self.tokens[j + 1:k]):
                return None
            return self.np_left(j, lo, allow_pronoun=False)
        return None

    def _adjective_alone(self, seg: tuple[int, int]) -> bool:
        """Whether a segment is one name used as an adjective, "the" allowed: "(the) British"."""
        a, b = seg
        a += self.tokens[a].norm == "the"
        m = self.by_token.get(a)
        return m is not None and m.i == a and m.j == b and self._demonym(m)

    def _adjective_first(self, seg: tuple[int, int]) -> bool:
        """Whether a segment opens with a name used as an adjective: "French foreign ministers"."""
        m = self.by_token.get(seg[0])
        return m is not None and m.i == seg[0] and m.j < seg[1] and self._demonym(m)

    def _demonym(self, m: Mention) -> bool:
        """Whether a mention is a state's adjective ("French", "Greek"), not its name or a possessive."""
        a = self.index.actors.get(m.actor)
        return a is not None and a.kind == "state" and not m.poss and m.j - m.i == 1 and m.surface != a.name

    def _joiner(self, segs, n: int, left: bool) -> str:
        a, b = segs[n]
        nxt = segs[n + 1] if left else segs[n - 1]
        lo_tok, hi_tok = (b - 1, nxt[0]) if left else (nxt[1] - 1, a)
        between = [t.norm for t in self.tokens[lo_tok + 1:hi_tok]]
        return "and" if "and" in between or "well" in between else ","

    def _candidate(self, name: str, owner: str | None) -> None:
        info = self.candidates.setdefault(name, {"name": name, "attributed_to": owner})
        if owner and not info.get("attributed_to"):
            info["attributed_to"] = owner
        for w in name.split():
            from kg.ingest.article.mentions import fold
            f = fold(w)[0]
            if len(f) > 2 and owner:
                self.surnames.setdefault(f, owner)
