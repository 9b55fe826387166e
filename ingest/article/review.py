"""Reviewing candidates one key at a time: a pure state machine and the dataset it fills.

``kg review`` shows a person each :class:`~kg.ingest.article.candidates.Candidate` of a queue
and reads one key: ``a`` accepts the proposal (as edited), ``s`` and ``t`` ask for the speaker
and the targets by name (resolved through :class:`~kg.actors.ActorIndex`, the closest names
offered on a miss, picked by number), ``k`` offers the stances by number, ``r`` rejects, ``q``
stops. :func:`step` takes a :class:`State` and a key and returns the next state, nothing else:
no terminal, no file, so every path is a unit test. The command line only draws the state,
reads keys and writes the dataset after each decision.

The output is a curated dataset (:mod:`kg.ingest.curated`) that ``kg validate`` and
``kg load`` read: one source per article, one statement per accepted candidate, the quote the
candidate's fragment of the sentence. Its ``review`` section (ignored by the reader) logs every
decided candidate, so that :func:`decided` tells a new session where to resume and a decision
is never asked twice.

Examples
--------
>>> from datetime import date
>>> from kg.actors import ActorIndex
>>> from kg.ingest.article.candidates import Candidate
>>> c = Candidate(id="c1", url="https://example.org/a", date=date(2020, 10, 2), title=None,
...               sentence=0, span=(0, 30), text="Ankara said it backed Baku.", cue=(15, 21),
...               speaker="TUR", stance="support", targets=("AZE",), quote="Ankara said it backed Baku",
...               quote_span=(0, 26), score=0.6, why="no statement from this sentence")
>>> idx = ActorIndex.default()
>>> s = start([c])
>>> s = step(s, "s", idx)
>>> for key in "Russia\\r":
...     s = step(s, key, idx)
>>> s.draft.speaker, s.mode
('RUS', 'choose')
>>> s = step(s, "a", idx)
>>> s.mode, [(d.accepted, d.draft.speaker) for d in s.decisions]
('done', [(True, 'RUS')])
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from kg.ingest.article.candidates import Candidate

from kg.actors import ActorIndex
from kg.errors import DataError, Problem

__all__ = ["ENTER", "ESCAPE", "PROMPT", "Decision", "Draft", "State", "decided", "dump", "new_document",
           "read_progress", "record", "stance_keys", "start", "step"]

PROMPT = "[a]ccept [s]peaker [t]arget [k] stance [r]eject [q]uit"
ENTER = ("\r", "\n")
BACKSPACE = ("\x7f", "\x08")
ESCAPE = "\x1b"
MODES = ("choose", "speaker", "target", "stance", "quit", "done")
"""``choose``: waiting for a command key; ``speaker``, ``target``: typing a name; ``stance``:
picking one by number; ``quit``: stopped by ``q``; ``done``: every candidate decided."""
HEADER = """\
# Statements reviewed with `kg review` from {queue}: `kg validate` and `kg load` this file.
# The review section logs each decided candidate, so that `kg review` resumes where it stopped;
# kg load ignores it. The quotes are the articles' own words: keep this file out of repositories.
"""


@dataclass(frozen=True)
class Draft:
    """The proposal of the candidate shown, as the person has edited it so far."""

    speaker: str | None
    stance: str
    targets: tuple[str, ...]

    @classmethod
    def of(cls, c: Candidate) -> Draft:
        return cls(c.speaker, c.stance, c.targets)


@dataclass(frozen=True)
class Decision:
    """A decided candidate: accepted with ``draft`` (its final speaker, stance, targets) or rejected."""

    candidate: Candidate
    accepted: bool
    draft: Draft

    @property
    def edits(self) -> tuple[str, ...]:
        """What the person changed: "speaker", "stance", "targets"."""
        c, d = self.candidate, self.draft
        return tuple(f for f, old, new in (("speaker", c.speaker, d.speaker), ("stance", c.stance, d.stance),
                                          ("targets", c.targets, d.targets)) if old != new)


@dataclass(frozen=True)
class State:
    """Where a review stands: the queue, the candidate shown, its draft and what is being typed."""

    queue: tuple[Candidate, ...]
    pos: int
    draft: Draft | None
    mode: str = "choose"
    typed: str = ""
    message: str = ""
    suggestions: tuple[str, ...] = ()
    """The names offered after a miss; typing a number picks one."""
    decided: frozenset[str] = frozenset()
    """The ids of every candidate decided, in earlier sessions too."""
    decisions: tuple[Decision, ...] = ()
    """The decisions of this session, in order."""

    @property
    def current(self) -> Candidate | None:
        return self.queue[self.pos] if self.pos < len(self.queue) else None

    @property
    def left(self) -> int:
        """Candidates not yet decided."""
        return sum(c.id not in self.decided for c in self.queue)


def stance_keys() -> dict[str, str]:
    """The key of each stance in the stance list: 1..9, then 0 (the vocabulary has ten)."""
    from kg.vocab import STANCE_NAMES

    return dict(zip("1234567890", STANCE_NAMES, strict=False))


def start(queue, decided_ids=()) -> State:
    """The state of a new session: at the candidate after the last one decided (by id)."""
    queue = tuple(queue)
    done = frozenset(decided_ids)
    last = max((i for i, c in enumerate(queue) if c.id in done), default=-1)
    return _at(State(queue=queue, pos=0, draft=None, decided=done), last + 1)


def _at(state: State, pos: int, message: str = "") -> State:
    """The state showing the first undecided candidate from ``pos`` on (``done`` past the last)."""
    while pos < len(state.queue) and state.queue[pos].id in state.decided:
        pos += 1
    if pos >= len(state.queue):
        return dataclasses.replace(state, pos=len(state.queue), draft=None, mode="done", typed="",
                                   message=message, suggestions=())
    return dataclasses.replace(state, pos=pos, draft=Draft.of(state.queue[pos]), mode="choose", typed="",
                               message=message, suggestions=())


def step(state: State, key: str, index: ActorIndex) -> State:
    """The state after one key (``key`` is one character: ``"a"``, ``"\\r"``, ``"\\x1b"``...)."""
    if state.mode in ("done", "quit"):
        return state
    if state.mode == "choose":
        return _choose(state, key.lower(), index)
    if state.mode == "stance":
        return _stance(state, key)
    if key == ESCAPE:
        return dataclasses.replace(state, mode="choose", typed="", message="", suggestions=())
    if key in BACKSPACE:
        return dataclasses.replace(state, typed=state.typed[:-1])
    if key in ENTER:
        return _named(state, index)
    if len(key) == 1 and key.isprintable():
        return dataclasses.replace(state, typed=state.typed + key)
    return state


def _choose(state: State, key: str, index: ActorIndex) -> State:
    if key == "a":
        problem = _problem(state.draft, index)
        if problem:
            return dataclasses.replace(state, message=problem)
        return _decide(state, True)
    if key == "r":
        return _decide(state, False)
    if key == "q":
        return dataclasses.replace(state, mode="quit", message="")
    modes = {"s": "speaker", "t": "target", "k": "stance"}
    if key in modes:
        return dataclasses.replace(state, mode=modes[key], typed="", message="", suggestions=())
    if key in ENTER or key == ESCAPE or not key.strip():
        return state
    return dataclasses.replace(state, message=f"{key!r} is no command: {PROMPT}")


def _problem(draft: Draft, index: ActorIndex) -> str:
    """Why the draft cannot be accepted yet ("" when it can)."""
    if draft.speaker is None:
        return "no speaker: press s to name one"
    speaker = index.lookup(draft.speaker)
    if speaker is None:
        return f"the speaker {draft.speaker!r} is no known actor: press s to name one"
    if not draft.targets:
        return "no target: press t to name one"
    unknown = [t for t in draft.targets if index.lookup(t) is None]
    if unknown:
        return f"unknown target {unknown[0]!r}: press t to name the targets"
    if speaker.id in {index.lookup(t).id for t in draft.targets}:
        return "the speaker is one of its own targets: press s or t to fix it"
    return ""


def _decide(state: State, accepted: bool) -> State:
    c = state.current
    d = Decision(c, accepted, state.draft)
    names = "accepted" if accepted else "rejected"
    new = dataclasses.replace(state, decided=state.decided | {c.id}, decisions=(*state.decisions, d))
    return _at(new, state.pos + 1, f"{names} candidate {state.pos + 1}")


def _stance(state: State, key: str) -> State:
    keys = stance_keys()
    if key in keys:
        draft = dataclasses.replace(state.draft, stance=keys[key])
        return dataclasses.replace(state, draft=draft, mode="choose", message=f"stance: {keys[key]}")
    if key == ESCAPE or key in ENTER:
        return dataclasses.replace(state, mode="choose", message="")
    return dataclasses.replace(state, message=f"press a number ({', '.join(keys)}) or Esc")


def _named(state: State, index: ActorIndex) -> State:
    """Enter after typing a speaker's or the targets' names: resolve them, or offer the closest."""
    typed = state.typed.strip()
    if not typed:
        return dataclasses.replace(state, mode="choose", typed="", message="", suggestions=())
    parts = [typed] if state.mode == "speaker" else [p.strip() for p in re.split(r"[,;]", typed) if p.strip()]
    found, missed = [], []
    for p in parts:
        if p.isdigit() and 1 <= int(p) <= len(state.suggestions):
            p = state.suggestions[int(p) - 1]
        actor = index.lookup(p)
        if actor is None:
            missed.append(p)
        elif actor.id not in found:
            found.append(actor.id)
    if missed:
        close = tuple(index.suggest(missed[0]))
        offer = ", ".join(f"{i} {n}" for i, n in enumerate(close, 1))
        hint = f"; closest: {offer} (type the number)" if close else "; no close name"
        return dataclasses.replace(state, typed="", suggestions=close,
                                   message=f"no actor {missed[0]!r}{hint}")
    if state.mode == "speaker":
        draft = dataclasses.replace(state.draft, speaker=found[0])
        message = f"speaker: {index.actors[found[0]].name}"
    else:
        draft = dataclasses.replace(state.draft, targets=tuple(found))
        message = "targets: " + ", ".join(index.actors[a].name for a in found)
    return dataclasses.replace(state, draft=draft, mode="choose", typed="", message=message, suggestions=())


# -- the dataset a review fills ----------------------------------------------------------------------
def new_document(queue: list[Candidate], out: str | Path, queue_path: str | Path) -> dict:
    """An empty reviewed dataset for ``out``, reviewing the queue of file ``queue_path``."""
    from kg.ingest.article.mentions import fold

    slug = re.sub(r"[^a-z0-9]+", "-", fold(Path(out).stem)[0].lower()).strip("-")[:60] or "review"
    days = sorted(c.date for c in queue) or [Date.today()]
    return {"dataset": f"reviewed-{slug}", "title": f"statements reviewed from {Path(queue_path).name}",
            "start": days[0].isoformat(), "end": days[-1].isoformat(), "sources": {}, "actors": [],
            "statements": [], "review": {"queue": str(queue_path), "decisions": []}}


def _source_key(doc: dict, c: Candidate) -> str:
    """The key of the candidate's article among the sources, added when new."""
    for key, src in doc["sources"].items():
        if isinstance(src, dict) and src.get("url") == c.url:
            return key
    n = len(doc["sources"]) + 1
    while f"a{n}" in doc["sources"]:
        n += 1
    src = {"url": c.url, "date": c.date.isoformat()}
    if c.title:
        src["title"] = c.title
    doc["sources"][f"a{n}"] = src
    return f"a{n}"


def record(doc: dict, d: Decision) -> dict:
    """``doc`` with decision ``d`` logged and, accepted, its statement added (once); returns ``doc``."""
    c = d.candidate
    entry = {"id": c.id, "decision": "accept" if d.accepted else "reject", "sentence": c.sentence,
             "url": c.url}
    if d.accepted:
        key = _source_key(doc, c)
        st = {"speaker": d.draft.speaker, "date": c.date.isoformat(), "stance": d.draft.stance,
              "targets": list(d.draft.targets), "quote": c.quote, "source": key,
              "span": list(c.quote_span), "sentence": c.sentence}
        edits = d.edits
        note = "kg review: " + (f"{', '.join(edits)} corrected" if edits else "accepted as proposed")
        if c.all_parties and "targets" not in edits:
            note += "; addressed to all parties of the conflict"
        st["note"] = note
        same = ("speaker", "date", "stance", "targets", "quote", "source")
        if not any(all(s.get(k) == st[k] for k in same) for s in doc["statements"]):
            doc["statements"].append(st)
        day = c.date.isoformat()
        doc["start"] = min(str(doc.get("start") or day), day)
        doc["end"] = max(str(doc.get("end") or day), day)
        if edits:
            entry["proposed"] = {"speaker": c.speaker, "stance": c.stance, "targets": list(c.targets)}
    doc["review"]["decisions"].append(entry)
    return doc


def decided(doc: dict) -> list[str]:
    """The ids of the candidates a reviewed dataset has decided, in order."""
    return [str(e["id"]) for e in doc["review"]["decisions"]]


def dump(doc: dict) -> str:
    """The reviewed dataset as YAML, with its header."""
    import yaml

    return HEADER.format(queue=doc["review"].get("queue", "a review queue")) + yaml.safe_dump(
        doc, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)


def read_progress(path: str | Path) -> dict | None:
    """The reviewed dataset at ``path`` to resume, or None when there is no file yet.

    ``DataError`` for a file that is not one (a curated dataset of its own is never overwritten).
    """
    from kg.ingest.yamlfile import Mapping, read_yaml

    p = Path(path)
    if not p.exists():
        return None
    if p.is_dir():
        raise DataError(Problem("is a directory; --out needs a file name", str(p)))
    doc = read_yaml(p)
    review = doc.get("review") if isinstance(doc, Mapping) else None
    if not isinstance(review, Mapping) or not isinstance(review.get("decisions"), list) \
            or not all(isinstance(e, Mapping) and "id" in e for e in review["decisions"]) \
            or not isinstance(doc.get("statements"), list) or not isinstance(doc.get("sources"), Mapping):
        raise DataError(Problem("exists and is no dataset kg review wrote; give another --out file", str(p), 1))
    return _plain(doc)


def _plain(value):
    """YAML read with lines as plain dicts and lists (to write back)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
