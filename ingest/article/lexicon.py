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


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    title_words: frozenset[str]
    office_words: frozenset[str]
    pronouns: dict
    locative: frozenset[str]
    clause_breaks: re.Pattern
    relatives: frozenset[str]
    negators: re.Pattern
    boilerplate: tuple[re.Pattern, ...]
    cues: tuple[Cue, ...]
    speech_rx: re.Pattern
    filler_words: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """The compiled rules (read once)."""
    d = yaml.safe_load(resources.files("kg.data").joinpath("extract.yaml").read_text(encoding="utf-8"))
    known = stances()
    cues = []
    for c in d["cues"]:
        if c["stance"] not in known or (c.get("third_party") and c["third_party"] not in known):
            raise ValueError(f"extract.yaml: unknown stance in cue {c}")
        cues.append(Cue(stance=c["stance"], kind=c["kind"], target=c["target"],
                        rx=re.compile(c["re"]), third_party=c.get("third_party"),
                        explicit=bool(c.get("explicit")), capital_after=c.get("capital_after")))
    verbs = frozenset(d["speech_verbs"])
    speech_rx = re.compile(r"\b(?:" + "|".join(sorted(verbs, key=len, reverse=True)) + r")\b")
    return Lexicon(
        speech_verbs=verbs,
        title_words=frozenset(d["title_words"]),
        office_words=frozenset(d["office_words"]),
        pronouns=dict(d["pronouns"]),
        locative=frozenset(d["locative"]),
        clause_breaks=re.compile(d["clause_breaks"], re.I),
        relatives=frozenset(d["relatives"]),
        negators=re.compile(d["negators"], re.I),
        boilerplate=tuple(re.compile(p, re.I) for p in d["boilerplate"]),
        cues=tuple(cues),
        speech_rx=speech_rx,
        filler_words=frozenset(d["filler_words"]),
    )
