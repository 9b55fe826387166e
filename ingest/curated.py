"""Curated YAML datasets → validated records.

A curated file names a crisis, its sources, its own actors and roles, the
memberships and alliances the analysis needs, and its statements. Speakers and
targets may be written as ids or as any name the alias data knows ("Erdogan",
"Baku", "the Kremlin"). Validation collects **every** problem, each with file,
line and field, and raises one :class:`~kg.errors.DataError`; nothing is loaded
from a file with any problem.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.ingest.yamlfile import Mapping, as_mapping, read_yaml
from pydantic import ValidationError

from kg.actors import ActorIndex
from kg.errors import DataError, Problem
from kg.model import Actor, Alliance, Dataset, Membership, Role, Source, Statement
from kg.vocab import stances

# "candidates" (names the alias data lacks, from kg extract) and "review" (the log of kg review)
# are notes for people and tools: the reader ignores them.
TOP_KEYS = {"dataset", "title", "start", "end", "expect", "sources", "actors", "roles",
            "memberships", "alliances", "statements", "candidates", "review"}
STATEMENT_KEYS = {"speaker", "on_behalf_of", "date", "stance", "targets", "quote", "source",
                  "negated", "confidence", "joint", "span", "sentence", "note"}


class _Collector:
    """Gathers problems for one file."""

    def __init__(self, path: Path):
        self.path = str(path)
        self.problems: list[Problem] = []

    def add(self, message: str, node: Any = None, field: str | None = None) -> None:
        line = None
        if isinstance(node, Mapping):
            line = node.line_of(field.split(".")[-1]) if field else node.line
        self.problems.append(Problem(message, self.path, line, field))

    def items(self, doc: Mapping, key: str):
        """``(index, mapping)`` for each item of the list ``doc[key]``; reports anything else."""
        value = doc.get(key)
        if value is None:
            return
        if not isinstance(value, list):
            self.add(f"{key} must be a list", doc, key)
            return
        for i, node in enumerate(value):
            if not isinstance(node, Mapping):
                self.add(f"each item must be a mapping, got {node!r}", doc, f"{key}[{i}]")
            elif not all(isinstance(k, str) for k in node):
                self.add("field names must be text", node, f"{key}[{i}]")
            else:
                yield i, node

    def pydantic(self, err: ValidationError, node: Any, prefix: str) -> None:
        for e in err.errors():
            loc = [str(p) for p in e["loc"]]
            field = ".".join([prefix, *loc]) if loc else prefix
            key = loc[0] if loc else None
            line = node.line_of(key) if isinstance(node, Mapping) and key else getattr(node, "line", None)
            self.problems.append(Problem(e["msg"], self.path, line, field))


def _date(value: Any, c: _Collector, node: Mapping, field: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        c.add(f"bad date {value!r} (expected YYYY-MM-DD)", node, field)
        return None


def _list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def read_dataset(path: str | Path, index: ActorIndex | None = None) -> Dataset:
    """Read and validate one curated YAML file; raise ``DataError`` listing every problem."""
    return validate(read_yaml(Path(path)), path, index)


def validate(doc: Any, where: str | Path, index: ActorIndex | None = None) -> Dataset:
    """Validate one curated document (a file's YAML, or one built in memory such as an
    extraction's); problems name ``where`` and, for a file, the line."""
    path = Path(where)
    if isinstance(doc, dict) and not isinstance(doc, Mapping):
        doc = as_mapping(doc)
    c = _Collector(path)
    if not isinstance(doc, Mapping):
        raise DataError(Problem("a dataset file must be a YAML mapping", str(path), 1))
    for key in doc:
        if not isinstance(key, str) or key not in TOP_KEYS:
            c.add(f"unknown key (known: {', '.join(sorted(TOP_KEYS))})", doc, str(key))
    name = doc.get("dataset")
    if not isinstance(name, str) or not name:
        c.add("missing dataset name", doc, "dataset")
        name = path.stem
    start = _date(doc.get("start"), c, doc, "start")
    end = _date(doc.get("end"), c, doc, "end")

    # Sources: a mapping from a short key to url, publisher, date, title.
    sources: dict[str, Source] = {}
    src_nodes = doc.get("sources") or {}
    if not isinstance(src_nodes, dict):
        c.add("sources must be a mapping of key to source", doc, "sources")
        src_nodes = {}
    for key, node in src_nodes.items():
        field = f"sources.{key}"
        if not isinstance(key, str):
            c.add("a source key must be text", src_nodes, str(key))
        elif isinstance(node, Mapping) and not all(isinstance(k, str) for k in node):
            c.add("field names must be text", node, field)
        elif isinstance(node, Mapping | str):
            try:
                sources[key] = Source(**node) if isinstance(node, Mapping) else Source(url=node)
            except ValidationError as e:
                c.pydantic(e, node, field)
        else:
            c.add(f"a source is a url or a mapping, got {node!r}", src_nodes, field)

    # Actors declared by the dataset, then the index that resolves every name.
    own_actors: list[Actor] = []
    for i, node in c.items(doc, "actors"):
        try:
            own_actors.append(Actor(**{**node, "aliases": tuple(_list(node.get("aliases")))}))
        except ValidationError as e:
            c.pydantic(e, node, f"actors[{i}]")
    base = index or ActorIndex.default()
    idx = base.extend(own_actors)

    def actor_id(value: Any, node: Mapping, field: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            c.add(f"expected an actor name or id, got {value!r}", node, field)
            return None
        actor = idx.lookup(value)
        if actor is None:
            hint = idx.suggest(value)
            more = f" (did you mean: {', '.join(hint)}?)" if hint else ""
            c.add(f"unknown actor {value!r}{more}", node, field)
            return None
        return actor.id

    def dated(create, node: Mapping, f: str, **resolved):
        """A role, membership or alliance from ``node`` with resolved ids and parsed dates."""
        try:
            return create(**{**node, **resolved,
                             "start": _date(node.get("start"), c, node, f"{f}.start"),
                             "end": _date(node.get("end"), c, node, f"{f}.end")})
        except ValidationError as e:
            c.pydantic(e, node, f)
            return None

    roles: list[Role] = []
    for i, node in c.items(doc, "roles"):
        f = f"roles[{i}]"
        person = actor_id(node.get("person"), node, f"{f}.person")
        holder = actor_id(node.get("holder"), node, f"{f}.holder")
        if person and holder and (r := dated(Role.create, node, f, person=person, holder=holder)):
            roles.append(r)
    idx = idx.extend((), roles)

    memberships: list[Membership] = []
    for i, node in c.items(doc, "memberships"):
        f = f"memberships[{i}]"
        member = actor_id(node.get("member"), node, f"{f}.member")
        org = actor_id(node.get("organization"), node, f"{f}.organization")
        if member and org and (m := dated(Membership.create, node, f, member=member, organization=org)):
            memberships.append(m)

    alliances: list[Alliance] = []
    for i, node in c.items(doc, "alliances"):
        f = f"alliances[{i}]"
        parties = [actor_id(p, node, f"{f}.parties") for p in _list(node.get("parties"))]
        if all(parties) and (a := dated(Alliance.create, node, f, parties=parties)):
            alliances.append(a)

    statements: list[Statement] = []
    seen: dict[str, int] = {}
    for i, node in c.items(doc, "statements"):
        f = f"statements[{i}]"
        for key in node:
            if key not in STATEMENT_KEYS:
                c.add(f"unknown field (known: {', '.join(sorted(STATEMENT_KEYS))})", node, f"{f}.{key}")
        speaker = actor_id(node.get("speaker"), node, f"{f}.speaker")
        targets = [actor_id(t, node, f"{f}.targets") for t in _list(node.get("targets"))]
        if not targets:
            c.add("missing targets", node, f"{f}.targets")
        stance = node.get("stance")
        if not isinstance(stance, str) or stance not in stances():
            c.add(f"unknown stance {stance!r} (known: {', '.join(stances())})", node, f"{f}.stance")
        day = _date(node.get("date"), c, node, f"{f}.date")
        if node.get("date") is None:
            c.add("missing date", node, f"{f}.date")
        elif day and ((start and day < start) or (end and day > end)):
            c.add(f"date {day} is outside the dataset's period {start}..{end}", node, f"{f}.date")
        src_key = node.get("source")
        source = sources.get(src_key) if isinstance(src_key, str) else None
        if source is None:
            known = ", ".join(sources) or "none declared"
            c.add(f"unknown source {src_key!r} (declared: {known})", node, f"{f}.source")
        behalf = node.get("on_behalf_of")
        behalf = actor_id(behalf, node, f"{f}.on_behalf_of") if behalf is not None else None
        if not (speaker and all(targets) and targets and isinstance(stance, str) and stance in stances()
                and day and source):
            continue
        if behalf is None:
            behalf = idx.speaks_for(speaker, day)
        extra = {k: node[k] for k in ("negated", "confidence", "joint", "span", "sentence")
                 if k in node}
        try:
            st = Statement.create(speaker=speaker, on_behalf_of=behalf, date=day, stance=stance,
                                  targets=targets, quote=str(node.get("quote") or ""),
                                  source=source.url, dataset=name, **extra)
        except ValidationError as e:
            c.pydantic(e, node, f)
            continue
        if st.id in seen:
            c.add(f"duplicate statement: same speaker, date, stance, targets, quote and source "
                  f"as the statement at line {seen[st.id]}", node, f)
            continue
        seen[st.id] = node.line
        statements.append(st)

    # Actors that the records use but the file did not declare come from the base data.
    used = {s.speaker for s in statements} | {t for s in statements for t in s.targets}
    used |= {s.on_behalf_of for s in statements if s.on_behalf_of}
    used |= {r.person for r in roles} | {r.holder for r in roles}
    used |= {m.member for m in memberships} | {m.organization for m in memberships}
    used |= {p for a in alliances for p in a.parties}
    declared = {a.id for a in own_actors}
    actors = own_actors + [idx.actors[a] for a in sorted(used - declared)]
    people = {a.id for a in actors if a.kind == "person"}
    base_roles = [r for p in sorted(people - {r.person for r in roles}) for r in idx.roles.get(p, [])]
    for r in base_roles:
        if r.holder not in declared and r.holder not in used:
            used.add(r.holder)
            actors.append(idx.actors[r.holder])

    _check_expectations(doc, c, actors, statements)
    if c.problems:
        raise DataError(c.problems)
    return Dataset(name=name, title=doc.get("title"), start=start, end=end, actors=tuple(actors),
                   sources=tuple(sources.values()), roles=tuple(roles + base_roles),
                   memberships=tuple(memberships), alliances=tuple(alliances),
                   statements=tuple(statements))


def _check_expectations(doc: Mapping, c: _Collector, actors: list[Actor],
                        statements: list[Statement]) -> None:
    """Dataset-level assertions: counts the curator expects, written in the file."""
    expect = doc.get("expect")
    if expect is None:
        return
    if not isinstance(expect, Mapping):
        c.add("expect must be a mapping", doc, "expect")
        return
    found = {"statements": len(statements), "actors": len(actors),
             "speakers": len({s.speaker for s in statements})}
    for key, want in expect.items():
        base, _, bound = str(key).partition("_")
        if base not in found or bound not in ("", "min", "max"):
            c.add(f"unknown expectation (use {', '.join(found)} with optional _min/_max)", expect, str(key))
            continue
        if not isinstance(want, int) or isinstance(want, bool):
            c.add(f"expected a whole number, got {want!r}", expect, str(key))
            continue
        have = found[base]
        ok = {"": have == want, "min": have >= want, "max": have <= want}[bound]
        if not ok:
            c.add(f"expected {key.replace('_', ' ')} {want}, found {have}", expect, key)


def read_datasets(paths: Iterable[str | Path], index: ActorIndex | None = None) -> list[Dataset]:
    """Read every file (folders: their ``*.yaml`` files), collecting problems from all of them."""
    files: list[Path] = []
    problems: list[Problem] = []
    for p in map(Path, paths):
        found = sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml")) if p.is_dir() else [p]
        if not found:
            problems.append(Problem("a folder with no .yaml files", str(p)))
        files.extend(found)
    out = []
    for f in files:
        try:
            out.append(read_dataset(f, index))
        except DataError as e:
            problems.extend(e.problems)
    if problems:
        raise DataError(problems)
    return out
