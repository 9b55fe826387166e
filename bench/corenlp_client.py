"""A client of a local Stanford CoreNLP server: sentences, tokens, lemmas, POS and basic dependencies.

A benchmark's tool, not part of the package (moved out of ``kg.ingest.article``): bench/parser_eval.py
measured that the parse does not pay, so ``kg extract`` keeps its one rule-based extractor. CoreNLP
(GPL) is not shipped with kg; ``tools/corenlp/corenlpctl.py start`` runs it on 127.0.0.1 and
``corenlpctl.py env`` prints ``KG_CORENLP_URL`` for this client. One server serves a whole folder of articles
(:func:`parse_many`, with a progress bar for many).

Offsets are those of the text given (Python string indices, also past characters outside the
Basic Multilingual Plane, which Java counts twice). Long texts go to the server in chunks of at
most :data:`CHUNK` characters cut at paragraph breaks; every request has a time limit and an
article a time budget, so that a 2 MB article ends in bounded time (a :class:`ParserError`).

Examples
--------
>>> s = Sentence(0, (Token(1, "France", 0, 6, "France", "NNP"), Token(2, "objected", 7, 15, "object", "VBD")),
...              (Dep("root", 0, 2), Dep("nsubj", 2, 1)))
>>> [s.token(d).word for d in s.children(2, "nsubj")], s.head(1), s.start, s.end
(['France'], 2, 0, 15)
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CHUNK", "Dep", "Parser", "ParserError", "Sentence", "Token", "parse", "parse_many"]

ANNOTATORS = "tokenize,ssplit,pos,lemma,depparse"
CHUNK = 40_000
"""Most characters sent in one request (the server refuses more than 100 000)."""
DEFAULT_TIMEOUT = 60.0
"""Seconds one request may take (the server's own limit is set by ``corenlpctl.py start --timeout``)."""
DEFAULT_BUDGET = 300.0
"""Seconds one article may take in all."""


class ParserError(RuntimeError):
    """The server is missing, died, refused a text or took too long: one line saying which."""


@dataclass(frozen=True)
class Token:
    index: int
    """1-based, as in the dependencies."""
    word: str
    start: int
    end: int
    lemma: str
    pos: str


@dataclass(frozen=True)
class Dep:
    rel: str
    head: int
    """0 for the root."""
    dep: int


@dataclass(frozen=True)
class Sentence:
    index: int
    tokens: tuple[Token, ...]
    deps: tuple[Dep, ...]
    """Basic (Universal) dependencies: a tree."""

    @property
    def start(self) -> int:
        return self.tokens[0].start if self.tokens else 0

    @property
    def end(self) -> int:
        return self.tokens[-1].end if self.tokens else 0

    def token(self, i: int) -> Token:
        return self.tokens[i - 1]

    def head(self, i: int) -> int:
        """The head of token ``i`` (0: the root)."""
        return next((d.head for d in self.deps if d.dep == i), 0)

    def rel(self, i: int) -> str:
        """The relation of token ``i`` to its head."""
        return next((d.rel for d in self.deps if d.dep == i), "")

    def children(self, i: int, *rels: str) -> list[int]:
        """Dependents of token ``i`` (with one of ``rels``, matched on the part before ':', when given)."""
        return [d.dep for d in self.deps
                if d.head == i and (not rels or d.rel in rels or d.rel.split(":")[0] in rels)]

    def subtree(self, i: int) -> tuple[int, int]:
        """Character span (start, end) of token ``i`` with everything under it."""
        todo, seen = [i], set()
        while todo:
            k = todo.pop()
            if k not in seen:
                seen.add(k)
                todo.extend(self.children(k))
        toks = [self.token(k) for k in seen]
        return min(t.start for t in toks), max(t.end for t in toks)

    def at(self, offset: int) -> int | None:
        """The token holding character ``offset``, or None."""
        for t in self.tokens:
            if t.start <= offset < t.end:
                return t.index
        return None


def server_url() -> str:
    """``$KG_CORENLP_URL``; a :class:`ParserError` saying how to start the server when unset."""
    url = os.environ.get("KG_CORENLP_URL")
    if not url:
        raise ParserError("no CoreNLP server: run tools/corenlp/corenlpctl.py start, then "
                          'eval "$(tools/corenlp/corenlpctl.py env)" (sets KG_CORENLP_URL)')
    return url.rstrip("/")


def _chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """(offset, piece) covering ``text``, pieces of at most ``size`` characters cut at paragraph
    breaks, else at a line or sentence end, else anywhere."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            window = text[start:end]
            for rx in (r"\n\s*\n", r"\n", r"[.!?]\s"):
                cuts = [m.end() for m in re.finditer(rx, window)]
                if cuts and cuts[-1] > size // 4:
                    end = start + cuts[-1]
                    break
        yield start, text[start:end]
        start = end


def _java_to_py(piece: str):
    """Map Java (UTF-16) offsets of ``piece`` to Python indices; identity when all are in the BMP."""
    if all(ord(c) < 0x10000 for c in piece):
        return lambda k: k
    table, j = [], 0
    for i, c in enumerate(piece):
        table.append(i)
        if ord(c) >= 0x10000:
            table.append(i)
        j += 1
    table.append(len(piece))
    return lambda k: table[min(k, len(table) - 1)]


class Parser:
    """One server, many texts. ``timeout``: seconds per request; ``budget``: seconds per text."""

    def __init__(self, url: str | None = None, timeout: float | None = None, budget: float = DEFAULT_BUDGET,
                 chunk: int = CHUNK):
        self.url = (url or server_url()).rstrip("/")
        host = urllib.parse.urlsplit(self.url).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ParserError(f"the CoreNLP server must be a loopback one (127.0.0.1), not {host}")
        self.timeout = timeout or float(os.environ.get("KG_CORENLP_TIMEOUT") or DEFAULT_TIMEOUT)
        self.budget = budget
        self.chunk = chunk
        props = {"annotators": ANNOTATORS, "outputFormat": "json", "ssplit.newlineIsSentenceBreak": "two",
                 "timeout": str(int(self.timeout * 1000))}
        self._endpoint = f"{self.url}/?properties={urllib.parse.quote(json.dumps(props))}"

    def _post(self, piece: str) -> dict:
        req = urllib.request.Request(self._endpoint, data=piece.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "text/plain; charset=utf-8"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout + 5) as r:
                return json.loads(r.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8", "replace").strip().splitlines()
            raise ParserError(f"CoreNLP refused the text (HTTP {e.code}): {(body or [''])[0][:160]}") from None
        except TimeoutError:
            raise ParserError(f"CoreNLP took more than {self.timeout:.0f} s on {len(piece)} characters") from None
        except (urllib.error.URLError, ConnectionError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise ParserError(f"CoreNLP server at {self.url} is not answering ({reason})") from None
        except ValueError as e:
            raise ParserError(f"CoreNLP answered something that is not JSON ({e})") from None

    def parse(self, text: str) -> list[Sentence]:
        """The sentences of ``text`` with tokens (offsets into ``text``), lemmas, POS and basic dependencies."""
        out: list[Sentence] = []
        t0 = time.monotonic()
        for offset, piece in _chunks(text, self.chunk):
            if time.monotonic() - t0 > self.budget:
                raise ParserError(f"parsing took more than {self.budget:.0f} s (stopped after {offset} of "
                                  f"{len(text)} characters)")
            if not piece.strip():
                continue
            conv = _java_to_py(piece)
            for s in self._post(piece).get("sentences", []):
                toks = tuple(Token(t["index"], t["word"], offset + conv(t["characterOffsetBegin"]),
                                   offset + conv(t["characterOffsetEnd"]), t.get("lemma", t["word"]),
                                   t.get("pos", "")) for t in s["tokens"])
                deps = tuple(Dep(d["dep"].lower(), d["governor"], d["dependent"]) for d in s["basicDependencies"])
                out.append(Sentence(len(out), toks, deps))
        return out


def parse(text: str, url: str | None = None, timeout: float | None = None) -> list[Sentence]:
    """Parse one text through the running server (see :class:`Parser`)."""
    return Parser(url, timeout).parse(text)


def _to_json(sents: list[Sentence]) -> list:
    return [[[list(t.__dict__.values()) for t in s.tokens], [[d.rel, d.head, d.dep] for d in s.deps]] for s in sents]


def _from_json(raw: list) -> list[Sentence]:
    return [Sentence(n, tuple(Token(*t) for t in toks), tuple(Dep(*d) for d in deps))
            for n, (toks, deps) in enumerate(raw)]


def parse_many(items: Iterable[tuple[str, str]], parser: Parser | None = None, *, progress: bool | None = None,
               cache: str | os.PathLike | None = None) -> Iterator[tuple[str, list[Sentence]]]:
    """(name, sentences) for each (name, text), in order, through one server.

    A progress bar (on stderr) shows for more than 3 texts unless ``progress`` is False. With
    ``cache`` (a folder), parses are kept there by the text's SHA-256, so a batch cut short (the
    server died: a :class:`ParserError` naming how many were parsed) keeps what was parsed and a
    rerun only parses the rest. What was yielded before an error stays the caller's."""
    items = list(items)
    parser = parser or Parser()
    folder = Path(cache).expanduser() if cache else None
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
    bar = None
    if progress or (progress is None and len(items) > 3):
        from rich.console import Console
        from rich.progress import Progress

        bar = Progress(console=Console(stderr=True), transient=True)
        task = bar.add_task("parsing", total=len(items))
        bar.start()
    try:
        for done, (name, text) in enumerate(items):
            key = hashlib.sha256(f"{ANNOTATORS}\0{text}".encode()).hexdigest()[:32]
            hit = folder / f"{key}.json" if folder else None
            if hit and hit.is_file():
                sents = _from_json(json.loads(hit.read_text(encoding="utf-8")))
            else:
                try:
                    sents = parser.parse(text)
                except ParserError as e:
                    raise ParserError(f"{name}: {e} ({done} of {len(items)} parsed before)") from None
                if hit:
                    hit.write_text(json.dumps(_to_json(sents)), encoding="utf-8")
            if bar:
                bar.advance(task)
            yield name, sents
    finally:
        if bar:
            bar.stop()
