"""The extractor's rules as data: ``kg/data/extract.yaml`` compiled once.

Examples
--------
>>> lex = lexicon()
>>> "said" in lex.speech_verbs and "spokesman" in lex.title_words
True
>>> [c.stance for c in lex.cues if c.rx.search("urged an immediate ceasefire")]
['call_for_ceasefire']
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from kg.vocab import stances


@dataclass(frozen=True)
class Cue:
    """One stance cue: a pattern, the stance it signals and how its target is found."""

    stance: str
    kind: str
    target: str
    rx: re.Pattern
    third_party: str | None = None
    explicit: bool = False
    capital_after: str | None = None
    starts: frozenset[str] | None = None
    """Literal texts every match starts with, right after a word boundary (None: unknown)."""


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    title_words: frozenset[str]
    office_words: frozenset[str]
    pronouns: dict
    locative: frozenset[str]
    clause_breaks: re.Pattern
    clause_break_hints: tuple[str, ...]
    relatives: frozenset[str]
    negators: re.Pattern
    boilerplate_any: re.Pattern
    """The boilerplate patterns as one: it finds something where any of them does."""
    cues: tuple[Cue, ...]
    speech_rx: re.Pattern
    filler_words: frozenset[str]
    capitalised_fillers: frozenset[str]
    plural_offices: frozenset[str]
    apposition_starts: frozenset[str]
    opening_words: frozenset[str]
    and_speech: re.Pattern
    """A speech verb coordinated with what went before: "... and said", "and added"."""
    reported_act: re.Pattern
    """Ends right before a cue that is the act someone is accused of ("accusing X of supporting")."""
    reported_act_hints: tuple[str, ...]
    hypothetical_harm: re.Pattern
    not_a_stance_before: re.Pattern
    """Ends right before a cue that is no stance of the speaker ("its ability to", "a vote")."""
    noun_cue: re.Pattern
    """Matches at a cue's start when its first word is a noun there ("a phone call with")."""
    noun_before_cue: re.Pattern
    """Matches the text right before a cue's start when its first word is a noun there."""
    addressee_verbs: re.Pattern
    """A call verb right before its addressees ("urged Ankara to", "called on Baku and Yerevan to")."""
    victim_before: re.Pattern
    """Ends right before an actor named as the one harmed ("the attack on X", "the sovereignty of X")."""
    victim_after: re.Pattern
    """Matches right after a possessive or adjectival actor named as the one harmed ("X's sovereignty")."""
    act_after: re.Pattern
    """Matches right after a possessive or adjectival actor named as the doer ("X's moves", "X's restraint")."""
    conduct_after: re.Pattern
    """Of those, the conduct a positive evaluation praises ("X's restraint", "X's mediation")."""
    cue_starts: re.Pattern | None
    """Finds, in one pass, every place where some cue could start (see :meth:`cue_matches`)."""
    cues_at: dict[str, tuple[int, ...]]
    """For each text ``cue_starts`` captures, the cues (by position in ``cues``) that may start there."""

    def noun_at(self, low: str, pos: int) -> bool:
        """Whether the word at ``pos`` of ``low`` is a noun, though some cue could start there."""
        return self.noun_cue.match(low, pos) is not None \
            or self.noun_before_cue.search(low, max(0, pos - 16), pos) is not None

    def cue_matches(self, low: str) -> Iterator[tuple[Cue, re.Match]]:
        """Every match of every cue in the lower-cased text ``low``: cue by cue, left to right.

        What ``cue.rx.finditer(low)`` yields for each cue in turn, less the places where
        the first word is a noun (:meth:`noun_at`: the cue is tried again after it), but faster:
        running 16 patterns over the whole text costs a full scan each, while a cue can
        only start where one of its first words (:attr:`Cue.starts`) does. One scan finds
        those places for all cues, and each cue is then tried only there (``rx.match``),
        skipping places inside its previous match as ``finditer`` does.

        >>> lex = lexicon()
        >>> [m.group() for _, m in lex.cue_matches("in a phone call, putin called for a ceasefire.")]
        ['called for a ceasefire']
        """
        candidates: list[list[int]] = [[] for _ in self.cues]
        if self.cue_starts is not None:
            for m in self.cue_starts.finditer(low):
                for i in self.cues_at[m.group(1)]:
                    candidates[i].append(m.start())
        for cue, places in zip(self.cues, candidates, strict=True):
            if cue.starts is None:
                for m in cue.rx.finditer(low):
                    if not self.noun_at(low, m.start()):
                        yield cue, m
                continue
            end = 0
            for pos in places:
                if pos < end or self.noun_at(low, pos):
                    continue
                m = cue.rx.match(low, pos)
                if m is not None:
                    yield cue, m
                    end = m.end()


_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-'’ ")
_ESCAPED = frozenset(".-'’ ")
_REPEAT = frozenset("?*+{")


def _literal(p: str, i: int) -> tuple[str, int]:
    r"""The run of plain characters of pattern ``p`` from ``i`` ("accus" of ``accus\w*``) and where it
    stops; a character a repeat follows is left out ("laude" of ``lauded?``)."""
    text = ""
    while i < len(p):
        if p[i] in _PLAIN:
            ch, nxt = p[i], i + 1
        elif p[i] == "\\" and i + 1 < len(p) and p[i + 1] in _ESCAPED:
            ch, nxt = p[i + 1], i + 2
        else:
            break
        if nxt < len(p) and p[nxt] in _REPEAT:
            break
        text, i = text + ch, nxt
    return text, i


def _alternatives(p: str, i: int = 0) -> tuple[list[str], int]:
    """The alternatives of pattern ``p`` from ``i`` up to the ``)`` that closes the group ``i`` is
    in (or the end), and where they stop."""
    alts, depth, start, k = [], 0, i, i
    while k < len(p):
        c = p[k]
        if c == "\\":
            k += 2
            continue
        if c == "[":  # a class: "]" right after "[" or "[^" is a member, not its end
            k = p.index("]", k + (3 if p.startswith("[^", k) else 2)) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
        elif c == "|" and depth == 0:
            alts.append(p[start:k])
            start = k + 1
        k += 1
    return alts + [p[start:k]], k


def _literal_starts(p: str) -> set[str] | None:
    r"""The literal texts every match of pattern ``p`` starts with, or None if unknown.

    Each is the run of plain characters an alternative starts with ("accus" for ``accus\w*``),
    continued into a group right after it ("stand", "stood" for ``st(?:and\w*|ood)``); None as
    soon as one alternative starts otherwise (a class such as ``\w``, a look-around, a group
    that may repeat or be left out). Shorter texts than possible are fine, only slower. Read
    from the pattern's text, for the subset of the syntax ``extract.yaml`` uses.

    >>> sorted(_literal_starts(r"st(?:and\w*|ood)\s+by|lauded?"))
    ['laude', 'stand', 'stood']
    >>> _literal_starts(r"(?:commit\w*\s+)?war") is None
    True
    >>> _literal_starts(r"(?<!in )retaliation")  # a look-behind consumes nothing
    {'retaliation'}
    >>> _literal_starts(r"(?<!security )(?<!legitimate )concern")
    {'concern'}
    """
    out: set[str] = set()
    for alt in _alternatives(p)[0]:
        while alt.startswith(("(?<!", "(?<=")) and ")" in alt:
            alt = alt[alt.index(")") + 1:]  # extract.yaml's look-behinds hold no group
        text, i = _literal(alt, 0)
        if alt.startswith("(?:", i):
            inner, end = _alternatives(alt, i + 3)
            repeated = end + 1 < len(alt) and alt[end + 1] in _REPEAT
            more = None if repeated else _union(_literal_starts(x) for x in inner)
            if more is not None and all(more):
                out |= {text + m for m in more}
                continue
        if not text:
            return None
        out.add(text)
    return out


def _word_starts(p: str) -> set[str] | None:
    r"""Like :func:`_literal_starts` for patterns whose every alternative begins with ``\b``."""
    out: set[str] = set()
    for alt in _alternatives(p)[0]:
        found = _literal_starts(alt[2:]) if alt.startswith(r"\b") else None
        if found is None:
            return None
        out |= found
    return out


def _union(sets) -> set[str] | None:
    out: set[str] = set()
    for s in sets:
        if s is None:
            return None
        out |= s
    return out


def cue_starts(pattern: re.Pattern) -> frozenset[str] | None:
    r"""The texts every match of a cue starts with, right after a word boundary, or None.

    >>> sorted(cue_starts(re.compile(r"\b(?:accus\w*|blam(?:ing|ed))\b|\bcease-fire")))
    ['accus', 'blamed', 'blaming', 'cease-fire']
    >>> cue_starts(re.compile(r"\w+ed\b")) is None
    True
    """
    if pattern.flags & re.IGNORECASE:
        return None  # the scan compares plain characters
    try:
        starts = _word_starts(pattern.pattern)
    except ValueError:  # a class never closed: scan this cue the plain way
        return None
    return frozenset(starts) if starts and all(starts) else None


def _starts_scan(cues: tuple[Cue, ...]) -> tuple[re.Pattern | None, dict[str, tuple[int, ...]]]:
    r"""The one-pass scan of :meth:`Lexicon.cue_matches` and, for each text it captures, the cues.

    The scan is ``\b(?=(text|...))``: a look-ahead, so that places overlapping an earlier
    hit are still found. It captures the longest text that fits; every shorter text that
    fits there is a prefix of it, so its cues are the cues of all those prefixes.
    """
    owners: dict[str, set[int]] = {}
    for i, cue in enumerate(cues):
        for text in cue.starts or ():
            owners.setdefault(text, set()).add(i)
    if not owners:
        return None, {}
    cues_at = {text: tuple(sorted({i for other, ids in owners.items() if text.startswith(other)
                                   for i in ids}))
               for text in owners}
    return re.compile(r"\b(?=(" + _alternation(owners) + "))"), cues_at


def _alternation(texts) -> str:
    """A pattern for any of ``texts``, the longest that fits, grouped by first character.

    ``a(?:ccus|larm|...)|b(?:...)`` rather than ``accus|alarm|...|b...``: at each word
    boundary the engine then tests one character per group instead of every text, which
    makes a scan 1.4 to 2.5 times faster. Longest first, so that the longest text wins.

    >>> _alternation(["said", "say", "says", "told"])
    's(?:aid|ays|ay)|t(?:old)'
    """
    groups: dict[str, list[str]] = {}
    for text in sorted(texts, key=lambda t: (-len(t), t)):
        groups.setdefault(text[0], []).append(re.escape(text[1:]))
    return "|".join(re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in sorted(groups.items()))


def verb_forms(lemma: str) -> tuple[str, ...]:
    """A regular English verb's forms: the lemma, its third person, past and present participle.

    >>> verb_forms("castigate")
    ('castigate', 'castigates', 'castigated', 'castigating')
    >>> verb_forms("admonish")
    ('admonish', 'admonishes', 'admonished', 'admonishing')
    >>> verb_forms("pillory")
    ('pillory', 'pillories', 'pilloried', 'pillorying')
    >>> verb_forms("rebuff")
    ('rebuff', 'rebuffs', 'rebuffed', 'rebuffing')
    """
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("sh", "ch", "s", "x", "z")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


def cameo_forms(verbs: list) -> list[str]:
    """Every form of a ``cameo_verbs`` group of ``extract.yaml``: a lemma stands for
    :func:`verb_forms`, ``{lemma: [forms]}`` for the forms listed.

    >>> cameo_forms(["chide", {"thank": ["thank", "thanked"]}])
    ['chide', 'chides', 'chided', 'chiding', 'thank', 'thanked']
    """
    out: list[str] = []
    for v in verbs:
        out.extend(verb_forms(v) if isinstance(v, str) else next(iter(v.values())))
    return out


@cache
def raw_rules() -> dict:
    """``kg/data/extract.yaml`` as read (once): :func:`lexicon` compiles it, and
    :mod:`kg.ingest.article.evaluation` reads its ``evaluation`` section."""
    return yaml.safe_load(resources.files("kg.data").joinpath("extract.yaml").read_text(encoding="utf-8"))


@cache
def lexicon() -> Lexicon:
    """The compiled rules (read once)."""
    d = raw_rules()
    known = stances()
    cues = []
    for c in d["cues"]:
        if c["stance"] not in known or (c.get("third_party") and c["third_party"] not in known):
            raise ValueError(f"extract.yaml: unknown stance in cue {c}")
        rx = re.compile(c["re"])
        cues.append(Cue(stance=c["stance"], kind=c["kind"], target=c["target"],
                        rx=rx, third_party=c.get("third_party"),
                        explicit=bool(c.get("explicit")), capital_after=c.get("capital_after"),
                        starts=cue_starts(rx)))
    forms = {stance: cameo_forms(verbs) for stance, verbs in d["cameo_verbs"].items()}
    for stance, words in forms.items():  # "castigated X", "rebuffed X": aimed at who is named after
        if stance not in known:
            raise ValueError(f"extract.yaml: unknown stance {stance!r} in cameo_verbs")
        rx = re.compile(r"\b(?:" + _alternation(words) + r")\b")
        cues.append(Cue(stance=stance, kind="content", target="after", rx=rx, explicit=True,
                        starts=cue_starts(rx)))
    blame = _alternation(forms["condemn"] + forms["accuse"] + forms["praise"])
    scan, cues_at = _starts_scan(tuple(cues))
    verbs = frozenset(d["speech_verbs"])
    speech_rx = re.compile(r"\b(?:" + _alternation(verbs) + r")\b")
    return Lexicon(
        speech_verbs=verbs,
        title_words=frozenset(d["title_words"]),
        office_words=frozenset(d["office_words"]),
        pronouns=dict(d["pronouns"]),
        locative=frozenset(d["locative"]),
        clause_breaks=re.compile(d["clause_breaks"], re.I),
        clause_break_hints=tuple(d["clause_break_hints"]),
        relatives=frozenset(d["relatives"]),
        negators=re.compile(d["negators"], re.I),
        boilerplate_any=re.compile("|".join(f"(?:{p})" for p in d["boilerplate"]), re.I),
        cues=tuple(cues),
        speech_rx=speech_rx,
        filler_words=frozenset(d["filler_words"]),
        capitalised_fillers=frozenset(d["capitalised_fillers"]),
        plural_offices=frozenset(d["plural_offices"]),
        apposition_starts=frozenset(d["apposition_starts"]),
        opening_words=frozenset(d["opening_words"]),
        and_speech=re.compile(r"\band\s+(?:also\s+)?(?:" + "|".join(map(re.escape, d["speech_verbs"])) + r")\b"),
        reported_act=re.compile(d["reported_act"].replace("CAMEO_VERBS", blame)),
        reported_act_hints=tuple(d["reported_act_hints"]),
        hypothetical_harm=re.compile(d["hypothetical_harm"]),
        not_a_stance_before=re.compile(d["not_a_stance_before"]),
        noun_cue=re.compile(d["noun_cue"]),
        noun_before_cue=re.compile(d["noun_before_cue"]),
        addressee_verbs=re.compile(d["addressee_verbs"]),
        victim_before=re.compile(d["victim_before"]),
        victim_after=re.compile(d["victim_after"]),
        act_after=re.compile(d["act_after"]),
        conduct_after=re.compile(d["conduct_after"]),
        cue_starts=scan,
        cues_at=cues_at,
    )
