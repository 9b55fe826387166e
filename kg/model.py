"""Strict records of the knowledge model.

Every record forbids unknown fields. Ids are stable: states use ISO 3166 alpha-3,
organisations short upper-case codes, people slugs, and statements, roles,
memberships and alliances a hash of their key parts (:func:`stable_id`).

Examples
--------
>>> from datetime import date
>>> s = Statement.create(speaker="erdogan", on_behalf_of="TUR", date=date(2020, 9, 27),
...                      stance="support", targets=["AZE"], quote="full support",
...                      source="https://example.org/a")
>>> s.id == Statement.create(speaker="erdogan", on_behalf_of="TUR", date=date(2020, 9, 27),
...                          stance="support", targets=["AZE"], quote="full support",
...                          source="https://example.org/a").id
True
>>> s.valence, s.plover_type, s.cameo
(1.0, 'SUPPORT', '053')
"""
from __future__ import annotations

import hashlib
from datetime import date as Date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kg.vocab import stances

ActorKind = Literal["state", "organization", "person", "armed_group", "authority", "ngo"]
ACTOR_KINDS: tuple[str, ...] = ActorKind.__args__  # type: ignore[attr-defined]
AllianceKind = Literal["defence_pact", "strategic_partnership", "alliance", "friendship_treaty"]
Obligation = Literal["defense", "offense", "neutrality", "non_aggression", "consultation"]


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on ``parts``: the same facts always get the same id."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


MAX_NAME = 500
"""Longest actor name, in characters: Neo4j indexes names, and an index key holds about 8 KB."""
MAX_URL = 2000
"""Longest source URL, in characters (an indexed, unique key in Neo4j as well)."""


class Actor(Record):
    """A state, intergovernmental organisation, person, armed group, de-facto authority or NGO."""

    id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=MAX_NAME)
    kind: ActorKind
    iso3: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    cow: int | None = None
    aliases: tuple[str, ...] = ()
    description: str | None = None

    @model_validator(mode="after")
    def _state_has_iso(self) -> Actor:
        if self.kind == "state" and self.iso3 is None:
            raise ValueError("a state needs its ISO 3166 alpha-3 code (iso3)")
        return self


class Source(Record):
    """Where a statement was reported."""

    url: str = Field(min_length=1, max_length=MAX_URL)
    publisher: str | None = None
    date: Date | None = None
    title: str | None = None


class Role(Record):
    """A person holding an office of a state or organisation, between two dates."""

    id: str
    person: str
    holder: str = Field(description="the state or organisation the person serves")
    title: str
    start: Date | None = None
    end: Date | None = None
    source: str | None = None

    @classmethod
    def create(cls, **kw) -> Role:
        kw.setdefault("id", stable_id("role", kw.get("person"), kw.get("holder"), kw.get("title"),
                                      kw.get("start")))
        return cls(**kw)

    def active_on(self, day: Date | None) -> bool:
        """True when the role is held on ``day`` (or at any time when ``day`` is None)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Membership(Record):
    """A state belonging to an organisation (or to one of its groups), between two dates."""

    id: str
    member: str
    organization: str
    role: str | None = None
    start: Date | None = None
    end: Date | None = None
    source: str | None = None

    @classmethod
    def create(cls, **kw) -> Membership:
        kw.setdefault("id", stable_id("mem", kw.get("member"), kw.get("organization"), kw.get("role")))
        return cls(**kw)


class Alliance(Record):
    """A treaty tie between two or more parties."""

    id: str
    parties: tuple[str, ...] = Field(min_length=2)
    kind: AllianceKind
    treaty: str
    start: Date | None = None
    end: Date | None = None
    source: str | None = None
    obligations: tuple[Obligation, ...] = ()
    """What the parties promise each other (ATOP's types), where the source says."""

    @classmethod
    def create(cls, **kw) -> Alliance:
        kw["parties"] = tuple(sorted(map(str, kw.get("parties") or ())))
        kw.setdefault("id", stable_id("all", *kw["parties"], kw.get("treaty")))
        return cls(**kw)


class Statement(Record):
    """Who said what, when, toward whom: a reified statement with its evidence."""

    id: str
    speaker: str
    on_behalf_of: str | None = None
    date: Date
    stance: str
    targets: tuple[str, ...] = Field(min_length=1)
    quote: str = Field(min_length=1, max_length=400)
    source: str = Field(min_length=1, description="the source url")
    cameo: str | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    valence: float = Field(ge=-1.0, le=1.0)
    negated: bool = False
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    joint: bool = False
    span: tuple[int, int] | None = Field(default=None, description="character offsets of the evidence")
    sentence: int | None = Field(default=None, ge=0, description="index of the evidence sentence")
    dataset: str | None = None
    num_mentions: int | None = Field(default=None, ge=0, description="event data: GDELT's NumMentions")
    num_sources: int | None = Field(default=None, ge=0, description="event data: GDELT's NumSources")
    num_articles: int | None = Field(default=None, ge=0, description="event data: GDELT's NumArticles")
    avg_tone: float | None = Field(default=None, description="event data: GDELT's AvgTone (-100 .. +100)")

    @field_validator("stance")
    @classmethod
    def _known_stance(cls, v: str) -> str:
        if v not in stances():
            raise ValueError(f"unknown stance {v!r} (known: {', '.join(stances())})")
        return v

    @classmethod
    def key(cls, speaker: str, date: Date, stance: str, targets, quote: str, source: str) -> str:
        """The statement id: a hash of speaker, date, stance, targets, quote and source."""
        return stable_id("st", speaker, date.isoformat(), stance, ",".join(sorted(targets)),
                         " ".join(quote.split()).casefold(), source)

    @classmethod
    def create(cls, *, speaker: str, date: Date, stance: str, targets, quote: str, source: str,
               negated: bool = False, **kw) -> Statement:
        """Build a statement, filling id, codes and valence from the stance vocabulary."""
        targets = tuple(dict.fromkeys(targets))
        if "id" not in kw:
            kw["id"] = cls.key(speaker, date, stance, targets, quote, source)
        st = stances().get(stance)  # an unknown stance is reported by validation below
        if st is not None:
            kw.setdefault("cameo", st.cameo)
            kw.setdefault("plover_type", st.plover_type)
            kw.setdefault("plover_mode", st.plover_mode)
            # A denial is not the opposite stance: a negated statement carries no valence.
            kw.setdefault("valence", 0.0 if negated else st.valence)
        return cls(speaker=speaker, date=date, stance=stance, targets=targets, quote=quote,
                   source=source, negated=negated, **kw)


class Dataset(Record):
    """Everything one curated file (or one extraction) brings: loaded all or nothing."""

    name: str
    title: str | None = None
    start: Date | None = None
    end: Date | None = None
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    roles: tuple[Role, ...] = ()
    memberships: tuple[Membership, ...] = ()
    alliances: tuple[Alliance, ...] = ()
    statements: tuple[Statement, ...] = ()

    def counts(self) -> dict[str, int]:
        return {k: len(getattr(self, k)) for k in
                ("actors", "sources", "roles", "memberships", "alliances", "statements")}
