"""The review queue: what an extraction missed or is unsure of, as :class:`Candidate` statements.

:func:`~kg.ingest.article.extract.extract_article` writes only the statements it is sure of.
A person finds the rest faster from a queue of proposals than from the article: every
sentence that names an actor (or a candidate name, ``Extraction.candidates``) and holds a
stance cue but gave no statement becomes a candidate, and so does every statement under a
confidence threshold (:func:`split_at`). Each candidate proposes

- a **speaker**: the nearest actor named before the cue (before the last speech verb ahead of
  it when there is one: "Iran's spokesman told reporters that Tehran was ready to mediate" is
  Iran's), a candidate name's owner when the name is nearer, else the cue's subject;
- the cue's **stance** (a cue's third-party stance when the speaker is no party);
- **targets**: the nearest other actor after the cue and those listed with it ("Armenia and
  Azerbaijan"), for an attack the agent named before it ("said Armenian forces had shelled"),
  else the speaker's opponents, else every party of the conflict (``Extraction.parties``).

The quote is the sentence fragment around the cue (at most :data:`QUOTE_WORDS` words) or,
for a low-confidence statement, the extractor's quote when it is that short. A sentence
gives at most :data:`MAX_PER_SENTENCE` candidates, best first (:attr:`Candidate.score`).
Negated cues ("did not attack") and attacks no one reports (no speech verb in the sentence)
give none: nobody took a stance there.

The work is done over a fresh :class:`~kg.ingest.article.scan.Scanner` of the article body,
through its public answers (``sentences``, ``cue_hits``, ``speech_hits``, ``mentions_in``),
so the extraction's own rules stay untouched. :func:`dump_queue` and :func:`read_queue` are
the YAML file of ``kg extract --candidates`` that ``kg review`` reads.

Examples
--------
>>> from kg.ingest.article.extract import article_body, extract_article
>>> text = ("https://example.org/q\\n2020-10-02\\nTalks\\n\\n"
...         "Fighting between Armenia and Azerbaijan went on. "
...         "Officials in Ankara said they backed Baku in every way.")
>>> x = extract_article(text)
>>> x.statements
[]
>>> kept, queue = review_queue(x, article_body(text))
>>> [(c.sentence, c.speaker, c.stance, c.targets, c.quote) for c in queue]
[(1, 'TUR', 'support', ('AZE',), 'Officials in Ankara said they backed Baku in every way')]
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from kg.ingest.article.result import Extracted, Extraction
from kg.ingest.article.scan import Scanner
from kg.ingest.article.stance import negated
from kg.ingest.article.text import Sentence

from kg.actors import ActorIndex
from kg.errors import DataError, Problem

__all__ = ["MAX_PER_SENTENCE", "QUOTE_WORDS", "Candidate", "dump_queue", "fragment",
           "read_queue", "review_queue", "split_at"]

MAX_PER_SENTENCE = 3
"""Most candidates one sentence gives (the best by :attr:`Candidate.score`)."""
QUOTE_WORDS = 20
"""Longest quote of a candidate, in words."""
QUEUE_FORMAT = 1
"""The ``review_queue`` version a candidates file carries (and :func:`read_queue` checks)."""

_WORD = re.compile(r"\S+")
# Between two actors of one list: "Armenia and Azerbaijan", "France, Germany, and the EU".
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+|&\s*)(?:the\s+)?", re.I)
_TRIM = " \t\n,;:."
HEADER = """\
# Review candidates written by `kg extract --candidates`: sentences that name an actor and hold a
# stance cue but gave no statement (and, with --min-confidence, the statements under it), each
# with a proposed speaker, stance and targets. Review them one key at a time with
#   kg review THIS_FILE --out DATASET.yaml
# span and cue are character offsets in the article body, sentence its sentence index.
# text is the article's own sentence: this file holds article text; keep it out of repositories.
"""


@dataclass(frozen=True)
class Candidate:
    """One proposed statement, with the sentence it comes from, for a person to decide on."""

    id: str
    """Stable over runs of the same extraction: the article, the sentence, the cue and the proposal."""
    url: str
    date: Date
    title: str | None
    sentence: int
    span: tuple[int, int]
    """The sentence's place in the article body."""
    text: str
    """The sentence (the article's own words)."""
    cue: tuple[int, int]
    """The stance cue's place in the body (a low-confidence statement's quote)."""
    speaker: str | None
    """The proposed speaker's actor id (None: no speaker found; the person must name one)."""
    stance: str
    targets: tuple[str, ...]
    quote: str
    quote_span: tuple[int, int]
    score: float
    """How likely the proposal is right, to rank a sentence's candidates (a statement's confidence)."""
    why: str
    """Why it is a candidate: no statement from the sentence, or a confidence under the threshold."""
    confidence: float | None = None
    """The extractor's confidence, for a low-confidence statement."""
    all_parties: bool = False
    """The targets are every party of the conflict, no actor being named after the cue."""
    speaker_name: str | None = None
    """The unknown name the speaker was read from ("Shushan Stepanyan", speaking for Armenia)."""
    mentions: tuple[tuple[int, int, str], ...] = ()
    """The actors named in the sentence: (start, end, actor id), body offsets, to show the proposal."""

    def to_dict(self) -> dict:
        """The candidate as a YAML mapping (see :func:`dump_queue`)."""
        art = {"url": self.url, "date": self.date.isoformat()}
        if self.title:
            art["title"] = self.title
        proposed = {"speaker": self.speaker, "stance": self.stance, "targets": list(self.targets)}
        if self.all_parties:
            proposed["all_parties"] = True
        if self.speaker_name:
            proposed["speaker_name"] = self.speaker_name
        d = {"id": self.id, "article": art, "sentence": self.sentence, "span": list(self.span),
             "text": self.text, "why": self.why, "score": self.score}
        if self.confidence is not None:
            d["confidence"] = self.confidence
        d |= {"proposed": proposed, "quote": self.quote, "quote_span": list(self.quote_span),
              "cue": list(self.cue), "mentions": [[a, b, actor] for a, b, actor in self.mentions]}
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Candidate:
        """The candidate of a :meth:`to_dict` mapping (``KeyError``, ``TypeError`` or ``ValueError``
        when it is not one)."""
        art, p = d["article"], d["proposed"]
        day = art["date"] if isinstance(art["date"], Date) else Date.fromisoformat(str(art["date"]))
        return cls(
            id=str(d["id"]), url=str(art["url"]), date=day, title=art.get("title"),
            sentence=int(d["sentence"]), span=_pair(d["span"]), text=str(d["text"]), cue=_pair(d["cue"]),
            speaker=None if p.get("speaker") is None else str(p["speaker"]), stance=str(p["stance"]),
            targets=tuple(str(t) for t in p.get("targets") or ()), quote=str(d["quote"]),
            quote_span=_pair(d["quote_span"]), score=float(d["score"]), why=str(d["why"]),
            confidence=None if d.get("confidence") is None else float(d["confidence"]),
            all_parties=bool(p.get("all_parties", False)), speaker_name=p.get("speaker_name"),
            mentions=tuple((int(a), int(b), str(actor)) for a, b, actor in d.get("mentions") or ()))


def _pair(value) -> tuple[int, int]:
    a, b = value
    return int(a), int(b)


def fragment(body: str, sentence: tuple[int, int], cue: tuple[int, int],
             words: int = QUOTE_WORDS) -> tuple[str, tuple[int, int]]:
    """The words of a sentence around a cue, at most ``words`` of them: the quote of a candidate.

    Up to six words before the cue (where the speaker usually is), the rest after it (where
    the targets are); the whole sentence, less its closing stop, when it is short enough.

    >>> s = "Officials in Ankara said on Monday that they would back Baku in every way they could."
    >>> fragment(s, (0, len(s)), (s.index("back"), s.index("back") + 4), words=8)
    ('said on Monday that they would back Baku', (20, 60))
    >>> fragment(s, (0, len(s)), (0, len(s)), words=3)
    ('Officials in Ankara', (0, 19))
    """
    a, b = sentence
    ws = [m.span() for m in _WORD.finditer(body, a, b)]
    if not ws:
        return body[a:b], (a, b)
    first = next((i for i, (_, e) in enumerate(ws) if e > cue[0]), len(ws) - 1)
    last = max(first, next((i for i in range(len(ws) - 1, -1, -1) if ws[i][0] < cue[1]), first))
    if last - first + 1 >= words:  # a cue (a statement's quote) as long as the limit: its first words
        lo, hi = first, first + words
    else:
        lo = max(0, first - 6)
        hi = max(min(len(ws), lo + words), last + 1)
        lo = max(0, min(lo, hi - words))
    start, end = ws[lo][0], ws[hi - 1][1]
    while end > start + 1 and body[end - 1] in _TRIM:
        end -= 1
    while start < end - 1 and body[start] in _TRIM:
        start += 1
    end = min(end, start + 400)  # the longest quote a statement holds
    quote = body[start:end]
    if "\n" in quote or "\t" in quote or "  " in quote:
        quote = " ".join(quote.split())
    return quote, (start, end)


class _Reader:
    """One article's body scanned again, and the candidates read from it."""

    def __init__(self, ex: Extraction, body: str, index: ActorIndex | None):
        from kg.ingest.article.extract import default_index

        self.ex, self.body = ex, body
        self.index = index or default_index()
        self.sc = Scanner(body, self.index, ex.date)
        self.sc.find_hits()
        self.doc = self.sc.doc
        names = []  # every candidate name, and its last word alone ("Stepanyan added")
        for c in ex.candidates:
            parts = [re.escape(c["name"])] + ([re.escape(c["name"].split()[-1])] if " " in c["name"] else [])
            names.append((re.compile(r"\b(?:" + "|".join(parts) + r")\b"), c["name"], c.get("attributed_to")))
        self.names = names

    # -- the sentence's actors -------------------------------------------------------------------
    def actors_in(self, sent: Sentence) -> list[tuple[int, int, str | None, str | None]]:
        """(start, end, actor, unknown name) of every actor and candidate name in a sentence, in order."""
        found = [(m.start, m.end, m.actor, None) for m in self.sc.mentions_in(sent.start, sent.end)]
        for rx, name, owner in self.names:
            for m in rx.finditer(self.body, sent.start, sent.end):
                s, e = m.start(), m.end()
                if not any(a < e and s < b for a, b, _, _ in found):
                    found.append((s, e, owner, name))
        return sorted(found)

    def fold(self, actor: str | None) -> str | None:
        return self.doc.fold(actor) if actor else None

    # -- candidates from the sentences without a statement ---------------------------------------
    def missed(self) -> list[Candidate]:
        """The candidates of every sentence with an actor and a cue but no statement."""
        done = {s.sentence for s in self.ex.statements}
        out = []
        for sent in self.sc.sentences:
            hits = self.sc.cue_hits.get(sent.index)
            if not hits or sent.index in done or self.sc.lex.boilerplate_any.search(sent.text):
                continue
            actors = self.actors_in(sent)
            if not actors:
                continue
            found = [c for cue, cs, ce in hits if (c := self.from_cue(sent, actors, cue, cs, ce)) is not None]
            out += self.best(found)
        return out

    def from_cue(self, sent: Sentence, actors, cue, cs: int, ce: int) -> Candidate | None:
        """The candidate of one cue, or None for a negated cue, a cue inside a name or an unreported attack."""
        if any(a <= cs < b for a, b, _, _ in actors):
            return None  # "Friends of Syria": the cue is part of a name
        if negated(self.body[max(sent.start, cs - 40):cs]):
            return None
        harm = cue.kind == "harm"
        speech = [p for p in self.sc.speech_hits.get(sent.index, ()) if p < cs]
        if harm and not speech:
            return None  # "shelling killed two": the article's report, no one's stance
        score = 0.5 - 0.1 * harm
        # The speaker: the nearest actor before the last speech verb ahead of the cue, else before the cue.
        speaker, name, anchor = None, None, cs
        for anchor in ([speech[-1]] if speech else []) + [cs]:
            before = [x for x in actors if x[1] <= anchor]
            if before:
                _, _, speaker, name = before[-1]
                break
        else:
            anchor = speech[-1] if speech else cs
            sp = self.doc.np_left(self.sc.tok_at(cs), self.sc.tok_at(sent.start))
            if sp is not None and sp.actors:
                speaker, name = sp.actors[0], sp.candidate
                score -= 0.05
        if speaker is None:
            score -= 0.2
        if name:
            score -= 0.1
        own = self.fold(speaker)
        # The targets: for an attack its agent, named between the speech verb and the cue; else
        # the nearest actor after the cue and those listed with it; else the parties.
        pool = [x for x in actors if x[2] is not None]
        if harm:
            pool = [x for x in pool if anchor <= x[0] and x[1] <= cs][::-1] + [x for x in pool if x[0] >= ce]
        else:
            pool = [x for x in pool if x[0] >= ce]
        targets = self.listed(pool, {speaker, own})
        all_parties = False
        if targets:
            score += 0.1
        else:
            camps = self.ex.parties
            targets = camps.opponents(own) if own else ()
            if not targets:
                targets = tuple(h for h in camps.heads if h != own)
                all_parties = len(targets) > 1
            if not targets:
                score -= 0.2
        stance = cue.third_party if cue.third_party and self.ex.parties.camp_of(own) is None else cue.stance
        quote, qspan = fragment(self.body, (sent.start, sent.end), (cs, ce))
        return self.candidate(sent, (cs, ce), speaker, stance, targets, quote, qspan, round(score, 2),
                              "no statement from this sentence", all_parties=all_parties, speaker_name=name)

    def listed(self, pool, skip: set) -> tuple[str, ...]:
        """The first actor of ``pool`` not in ``skip`` (folded: a leader for their state) and the
        actors listed right after it."""
        out: list[str] = []
        prev_end = None
        for s, e, actor, _ in pool:
            if out and (prev_end is None or s < prev_end or not _LIST_GLUE.fullmatch(self.body[prev_end:s])):
                break
            target = self.fold(actor)
            if target is None or actor in skip or target in skip:
                if out:
                    break
                continue
            if target not in out:
                out.append(target)
            prev_end = e
        return tuple(out)

    # -- candidates from low-confidence statements -------------------------------------------------
    def from_statement(self, s: Extracted, threshold: float) -> Candidate:
        """A statement under the threshold, proposed as the extractor made it."""
        sent = self.sc.sentences[s.sentence]
        quote, qspan = s.quote, s.span
        if len(quote.split()) > QUOTE_WORDS:
            quote, qspan = fragment(self.body, (sent.start, sent.end), s.span)
        return self.candidate(sent, s.span, s.speaker, s.stance, s.targets, quote, qspan, s.confidence,
                              f"confidence {s.confidence:.2f} under {threshold:.2f}", confidence=s.confidence,
                              all_parties=s.all_parties)

    # -- both ------------------------------------------------------------------------------------
    def candidate(self, sent: Sentence, cue, speaker, stance, targets, quote, qspan, score, why, **kw) -> Candidate:
        key = "\n".join([self.ex.url, str(sent.index), str(cue[0]), speaker or "", stance, ",".join(targets)])
        mentions = tuple((a, b, actor) for a, b, actor, _ in self.actors_in(sent) if actor)
        return Candidate(id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:12], url=self.ex.url,
                         date=self.ex.date, title=self.ex.title, sentence=sent.index, span=(sent.start, sent.end),
                         text=sent.text, cue=cue, speaker=speaker, stance=stance, targets=tuple(targets),
                         quote=quote, quote_span=qspan, score=score, why=why, mentions=mentions, **kw)

    @staticmethod
    def best(found: list[Candidate]) -> list[Candidate]:
        """One sentence's candidates: one per (speaker, stance, targets), best first, at most three."""
        seen: dict[tuple, Candidate] = {}
        for c in sorted(found, key=lambda c: (-c.score, c.cue[0])):
            seen.setdefault((c.speaker, c.stance, c.targets), c)
        return list(seen.values())[:MAX_PER_SENTENCE]

    def rank(self, found: list[Candidate]) -> list[Candidate]:
        """Candidates in article order, each sentence's best first and at most three."""
        by_sentence: dict[int, list[Candidate]] = {}
        for c in found:
            by_sentence.setdefault(c.sentence, []).append(c)
        return [c for n in sorted(by_sentence) for c in self.best(by_sentence[n])]


def split_at(ex: Extraction, threshold: float, body: str,
             index: ActorIndex | None = None) -> tuple[Extraction, list[Candidate]]:
    """The extraction's statements at ``threshold`` and over it, and those under it as candidates.

    ``body`` is the article body (:func:`~kg.ingest.article.extract.article_body`) the
    statements' spans count in.
    """
    keep = [s for s in ex.statements if s.confidence >= threshold]
    low = [s for s in ex.statements if s.confidence < threshold]
    kept = dataclasses.replace(ex, statements=keep)
    if not low:
        return kept, []
    r = _Reader(ex, body, index)
    return kept, r.rank([r.from_statement(s, threshold) for s in low])


def review_queue(ex: Extraction, body: str, index: ActorIndex | None = None,
                 min_confidence: float = 0.0) -> tuple[Extraction, list[Candidate]]:
    """The extraction with its statements under ``min_confidence`` taken out, and the review queue:
    those statements and the candidates of the sentences that gave none, in article order."""
    r = _Reader(ex, body, index)
    low = [r.from_statement(s, min_confidence) for s in ex.statements if s.confidence < min_confidence]
    kept = dataclasses.replace(ex, statements=[s for s in ex.statements if s.confidence >= min_confidence])
    return kept, r.rank(low + r.missed())


def dump_queue(candidates: list[Candidate]) -> str:
    """The YAML file of a review queue: :data:`HEADER`, then every candidate."""
    import yaml

    doc = {"review_queue": QUEUE_FORMAT, "candidates": [c.to_dict() for c in candidates]}
    return HEADER + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)


def read_queue(path: str | Path) -> list[Candidate]:
    """The candidates of a file :func:`dump_queue` wrote; ``DataError`` naming the line of each bad one."""
    from kg.ingest.yamlfile import Mapping, read_yaml

    doc = read_yaml(Path(path))
    if not isinstance(doc, Mapping) or doc.get("review_queue") != QUEUE_FORMAT \
            or not isinstance(doc.get("candidates"), list):
        raise DataError(Problem("not a review queue (write one with kg extract ARTICLES --candidates FILE)",
                                str(path), 1))
    out, problems, seen = [], [], set()
    for i, node in enumerate(doc["candidates"]):
        line = node.line if isinstance(node, Mapping) else None
        try:
            c = Candidate.from_dict(node)
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            problems.append(Problem(f"not a candidate ({type(e).__name__}: {e})", str(path), line,
                                    f"candidates[{i}]"))
            continue
        if c.id in seen:
            problems.append(Problem(f"duplicate candidate id {c.id!r}", str(path), line, f"candidates[{i}]"))
        seen.add(c.id)
        out.append(c)
    if problems:
        raise DataError(problems)
    return out
