"""Alias resolution: from the names people type to canonical actors.

States come from pycountry (every ISO 3166 country), with the names people use,
demonyms, capitals and metonyms from ``kg/data/states.yaml`` and the Correlates of
War codes from ``kg/data/cow_states.csv`` (see :func:`cow_states`). Organisations,
armed groups and authorities come from ``kg/data/organizations.yaml``; office
holders and their dated roles from ``kg/data/people.yaml``. A dataset may add
its own actors and roles on top (:meth:`ActorIndex.extend`).

Examples
--------
>>> idx = ActorIndex.default()
>>> idx.resolve("Ankara").id, idx.resolve("the Kremlin").id, idx.resolve("Türkiye").id
('TUR', 'RUS', 'TUR')
>>> idx.resolve("Erdoğan").id
'erdogan'
>>> from datetime import date
>>> idx.speaks_for("erdogan", date(2020, 9, 27))
'TUR'
"""
from __future__ import annotations

import csv
import difflib
import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import date as Date
from functools import cache
from importlib import resources

import pycountry
import yaml

from kg.errors import UnknownActorError
from kg.model import Actor, Role

_MONARCHS = frozenset({"king", "queen", "emir", "amir", "sultan", "emperor", "prince", "crown prince"})
"""Titles whose holders go by a given name ("King Salman", "Emir Tamim")."""


@cache
def normalize(name: str) -> str:
    """Fold case, accents, apostrophes and a leading "the" so that names compare equal (remembered:
    a store's actors mostly bear the shipped names)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").casefold()
    text = re.sub(r"[^\w' -]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def person_id(name: str) -> str:
    """The id of a person kg has no curated id for: their folded name.

    >>> person_id("Nikos Anastasiadis"), person_id("Lars Løkke Rasmussen"), person_id("Beji Caid Essebsi")
    ('nikos-anastasiadis', 'lars-løkke-rasmussen', 'beji-caid-essebsi')
    """
    return normalize(name).replace(" ", "-").replace("'", "")


def _read(name: str):
    text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
    if name.endswith(".json"):  # generated data (leaders.json): read fast
        return json.loads(text)["people"]
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def cow_states() -> dict[int, tuple[str | None, str]]:
    """Every Correlates of War state code as ``{code: (kg id or None, COW name)}``.

    From ``kg/data/cow_states.csv``: COW's state codes, abbreviations and names (facts of the
    COW State System list, plus five codes Archigos uses: Serbia 340, Transvaal 563, Orange Free
    State 564, Tibet 711, Vietnam (Annam) 815), matched to ISO 3166 by name. ``iso3`` is the
    country the COW state is; ``continued_by`` the country that continues a state COW codes
    apart (the German Federal Republic, 260, is Germany); with neither, the state is dissolved
    and has no kg id (the German Democratic Republic, Czechoslovakia). Kosovo, 347, which ISO
    3166 has no code for, is XKX, the code ``states.yaml`` gives it.

    >>> cow_states()[260], cow_states()[265]
    (('DEU', 'German Federal Republic'), (None, 'German Democratic Republic'))
    """
    return {int(r["ccode"]): (r["iso3"] or r["continued_by"] or None, r["name"]) for r in _cow_rows()}


@cache
def _cow_rows() -> tuple[dict, ...]:
    """The rows of ``kg/data/cow_states.csv``, read once for :func:`cow_states` and the index."""
    text = resources.files("kg.data").joinpath("cow_states.csv").read_text(encoding="utf-8")
    return tuple(csv.DictReader(text.splitlines()))


@cache
def _base() -> tuple[tuple[Actor, ...], tuple[Role, ...]]:
    """The actors and roles every index starts from (built once)."""
    return shipped_records(leaders=True)


def shipped_records(leaders: bool = True) -> tuple[tuple[Actor, ...], tuple[Role, ...]]:
    """The shipped actors and roles: states, organisations, the curated people.yaml and, with
    ``leaders``, the heads of state and government of leaders.json (from the CIA World Factbook)."""
    extra = _read("states.yaml")
    cow = {r["iso3"]: int(r["ccode"]) for r in _cow_rows() if r["iso3"]}
    actors: list[Actor] = []
    for country in pycountry.countries:
        iso3 = country.alpha_3
        info = extra.get(iso3, {})
        names = [country.name, getattr(country, "official_name", None),
                 getattr(country, "common_name", None)]
        name = info.get("name") or getattr(country, "common_name", None) or country.name
        dropped = set(info.get("not_aliases", ()))  # pycountry names the wires give another state
        aliases = [n for n in names + list(info.get("aliases", [])) if n and n != name and n not in dropped]
        actors.append(Actor(id=iso3, name=name, kind="state", iso3=iso3,
                             wikidata=info.get("wikidata"), cow=cow.get(iso3),
                             aliases=tuple(dict.fromkeys(aliases))))
    # a state ISO 3166 has no code for, under the code its users give it (Kosovo: XKX)
    known = {a.id for a in actors}
    for code, info in extra.items():
        if code not in known:
            actors.append(Actor(id=code, name=info["name"], kind="state", iso3=code, wikidata=info.get("wikidata"),
                                cow=info.get("cow"), aliases=tuple(info.get("aliases", ()))))
    for org in _read("organizations.yaml"):
        actors.append(Actor(**{**org, "aliases": tuple(org.get("aliases", ()))}))
    roles: list[Role] = []
    ids = {a.id for a in actors}
    # people.yaml (curated) first; leaders.json (the Factbook's heads, tools/factbook_leaders.py)
    # adds people it lacks, and under a curated id only roles with other holders
    for person in [*_read("people.yaml"), *(_read("leaders.json") if leaders else [])]:
        person = dict(person)
        for r in person.pop("roles", []):
            roles.append(Role.create(person=person["id"], **r))
        if person["id"] not in ids:
            ids.add(person["id"])
            actors.append(Actor(kind="person", **{**person, "aliases": tuple(person.get("aliases", ()))}))
    return tuple(actors), tuple(roles)


@cache
def _default_index() -> ActorIndex:
    return ActorIndex(*_base())


class ActorIndex:
    """Every actor by id and by each of its names, and every person's dated roles."""

    def __init__(self, actors: Iterable[Actor] = (), roles: Iterable[Role] = ()):
        self.actors: dict[str, Actor] = {}
        self.roles: dict[str, list[Role]] = {}
        self._names: dict[str, str] = {}
        self._name_words: tuple[dict, dict] | None = None
        self.add(actors, roles)

    @classmethod
    def default(cls) -> ActorIndex:
        """The index of the shipped alias data alone (a copy of one built once per process)."""
        return _default_index().extend()

    def extend(self, actors: Iterable[Actor] = (), roles: Iterable[Role] = ()) -> ActorIndex:
        """A new index with ``actors`` and ``roles`` added (later records win)."""
        new = ActorIndex()
        new.actors = dict(self.actors)
        new.roles = {k: list(v) for k, v in self.roles.items()}
        new._names = dict(self._names)
        new.add(actors, roles)
        return new

    def add(self, actors: Iterable[Actor], roles: Iterable[Role] = ()) -> None:
        self._name_words = None
        for actor in actors:
            self.actors[actor.id] = actor
            for name in (actor.name, *actor.aliases):
                key = normalize(name)
                # The first actor to claim a name keeps it, except that a dataset's own
                # actor may take over a name from the base data by declaring it.
                if key and (key not in self._names or self._names[key] == actor.id
                            or name in actor.aliases or name == actor.name):
                    self._names[key] = actor.id
        for role in roles:
            held = self.roles.setdefault(role.person, [])
            if all(r.id != role.id for r in held):
                held.append(role)

    def lookup(self, name: str) -> Actor | None:
        """The actor ``name`` (an id, a name or an alias) stands for, or None."""
        if name in self.actors:
            return self.actors[name]
        aid = self._names.get(normalize(name))
        if aid is None and normalize(name).endswith("'s"):
            aid = self._names.get(normalize(name)[:-2])
        return self.actors.get(aid) if aid else None

    def resolve(self, name: str) -> Actor:
        """Like :meth:`lookup`, but raises ``UnknownActorError`` with the closest names."""
        actor = self.lookup(name)
        if actor is None:
            raise UnknownActorError(name, self.suggest(name))
        return actor

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Up to ``n`` known names close to ``name``."""
        keys = difflib.get_close_matches(normalize(name), list(self._names), n=3 * n, cutoff=0.6)
        names = dict.fromkeys(self.actors[self._names[k]].name for k in keys)
        return list(names)[:n]

    def titled(self, title: str, word: str, on: Date | None = None) -> str | None:
        """The one person who held an office called ``title`` on ``on`` and whose name ends
        with ``word`` (or, for a monarch, holds it anywhere): "President Tokayev", "Emir Tamim".
        None when no one or several do.

        >>> idx = ActorIndex.default()
        >>> idx.titled("president", "Tokayev", Date(2020, 9, 28))
        'kasym-zhomart-tokayev'
        >>> idx.titled("prime minister", "Tokayev", Date(2020, 9, 28)) is None
        True
        """
        title, word = normalize(title), normalize(word)
        monarch = title in _MONARCHS
        found = {r.person for pid in self._by_name_word(word, monarch)
                 for r in self.roles_of(pid, on) if title in normalize(r.title)
                 or (monarch and normalize(r.title) in _MONARCHS)}
        return found.pop() if len(found) == 1 else None

    def _by_name_word(self, word: str, anywhere: bool) -> list[str]:
        if self._name_words is None:
            last: dict[str, list[str]] = {}
            every: dict[str, list[str]] = {}
            for a in self.actors.values():
                if a.kind == "person":
                    words = [w for w in re.split(r"[ -]", normalize(a.name)) if len(w) > 2]
                    if words:
                        last.setdefault(words[-1], []).append(a.id)
                    for w in dict.fromkeys(words):
                        every.setdefault(w, []).append(a.id)
            self._name_words = (last, every)
        return self._name_words[1 if anywhere else 0].get(word, [])

    def roles_of(self, person: str, on: Date | None = None) -> list[Role]:
        """The roles ``person`` held on ``on`` (current roles when ``on`` is None)."""
        return [r for r in self.roles.get(person, []) if r.active_on(on)]

    def speaks_for(self, actor_id: str, on: Date | None = None) -> str | None:
        """The state or organisation ``actor_id`` speaks for on ``on``.

        A state or organisation speaks for itself; a person for the holder of the
        role they held that day (the earliest-started one when several), or None.
        """
        actor = self.actors.get(actor_id)
        if actor is None:
            return None
        if actor.kind != "person":
            return actor.id
        roles = sorted(self.roles_of(actor_id, on), key=lambda r: (r.start or Date.min))
        return roles[0].holder if roles else None
