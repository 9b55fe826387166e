"""The parties of the conflict an article reports, inferred from the article itself.

First from explicit pairings ("between X and Y", "both X and Y", "X and Y accused each
other", "urged X and Y to", "X and Y clashed", "X and Y agreed to halt the fighting", "X's
invasion of Y", "X attacked Y", "X launched missiles at Y (or at a Yian air base)", "the X-Y
war", in the body or the title; "relations between X and Y" are no pairing), else from the
most-mentioned states and armed groups, with an armed group that did an act of war as a side
however rarely it is named. A leader's forces ("forces loyal to X", "X's troops") are his side's.
Each party heads a camp; an actor named with a party's demonym ("Armenian
separatists") joins that party's camp.

Examples
--------
>>> from kg.actors import ActorIndex
>>> from kg.ingest.article.mentions import Matcher, tokenize
>>> idx = ActorIndex.default()
>>> text = "Fighting between Armenia and Azerbaijan went on. Armenian separatists fired."
>>> toks = tokenize(text)
>>> p = infer_parties(toks, Matcher.of(idx).mentions(text, toks), idx)
>>> p.camps, p.camp_of("NKR")
((('ARM', 'NKR'), ('AZE',)), 0)
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from kg.ingest.article.mentions import Matcher, Mention, Token, fold

from kg.actors import ActorIndex

PARTY_KINDS = frozenset({"state", "armed_group", "authority"})
"""The kinds of actor that can be a side of a conflict."""
_PLACE = {"in", "at", "near", "from", "inside", "outside", "across", "around", "via", "within", "into"}
POSTS = frozenset({"embassy", "mission", "consulate", "delegation", "ambassador", "envoy", "d'affaires"})
"""A state's posts abroad, named with their place: "the Syrian embassy in Moscow" is Syria's."""
_SKIP = {"and", "the", "also", "too", "has", "have", "had", "already", "on", "president", "minister",
         "foreign", "ministry", "spokesman", "spokeswoman", "secretary", "of", "state", "government",
         "charge"} | POSTS
_ASIDE = {"a", "an", "its", "his", "her", "their", "tweet", "post", "statement", "message", "letter",
          "separate", "joint", "televised", "address", "speech", "interview", "briefing"}
"""How an aside between a speaker and its verb reads: "X in a tweet condemned"."""
_AUX = {"is", "was", "has", "have", "had", "will", "would", "were", "are"}
# "urged X and Y to ...", "called on X and Y to ...": a call addressed to the two parties.
_CALLS = {"urge", "urges", "urged", "urging", "call", "calls", "called", "calling", "appeal", "appeals",
          "appealed", "appealing", "press", "presses", "pressed", "pressing", "ask", "asks", "asked",
          "asking", "tell", "tells", "told", "telling"}
# "X and Y clashed", "X and Y traded fire": what only the two sides of a fight do together.
_MUTUAL = {"clashed", "clash", "fought", "fight", "traded", "trade", "exchanged"}
# "X and Y agreed to halt the fighting / to a ceasefire": the two sides of it, not two speakers.
_AGREED = {"agreed", "agree", "signed", "sign"}
_SPOKESPEOPLE = {"leaders", "officials", "authorities", "diplomats", "governments", "ministers"}
"""After "both X and Y": the two speak ("both the US and Polish leaders said"), they are no sides."""
# "urged X and Y to intervene": two outsiders asked to act, not the two sides of the fight
_HELP = {"intervene", "help", "mediate", "step", "assist", "join", "broker"}
_TIES = {"relations", "ties", "relationship", "cooperation", "trade", "friendship"}
_FIGHT_ENDS = {"ceasefire", "cease-fire", "truce", "armistice", "fighting", "hostilities", "war"}


@dataclass(frozen=True)
class Parties:
    """The camps of the conflict: each a tuple of actor ids, the party first."""

    camps: tuple[tuple[str, ...], ...]
    lead: str | None = None
    """The party the text (else its title) opens with as the doer of an act (:func:`lead_actor`)."""

    @property
    def heads(self) -> tuple[str, ...]:
        return tuple(c[0] for c in self.camps)

    def camp_of(self, actor: str | None) -> int | None:
        for i, camp in enumerate(self.camps):
            if actor in camp:
                return i
        return None

    def opponents(self, actor: str) -> tuple[str, ...]:
        """The heads of the other camps (empty for a third party)."""
        mine = self.camp_of(actor)
        if mine is None or len(self.camps) < 2:
            return ()
        return tuple(c[0] for i, c in enumerate(self.camps) if i != mine)


def _kind(index: ActorIndex, aid: str) -> str | None:
    a = index.actors.get(aid)
    return a.kind if a else None


def _speaker_or_place(tokens: list[Token], m: Mention, index: ActorIndex) -> bool:
    """Whether a mention is the subject of a verb ("Turkey said", "Russia, Nato and the EU also
    appealed", "Algeria offers help") or a place ("in Washington"): neither makes a party."""
    if m.i > 0 and tokens[m.i - 1].norm in _PLACE:
        a = index.actors.get(m.actor)
        return a is None or m.surface.replace("'s", "") != a.name  # a city, not the country
    k, aside = m.j, False
    while k < len(tokens) and k < m.j + 8:
        t = tokens[k]
        # "Japan's envoy in Kabul in a tweet condemned": the post's place and the aside are skipped
        aside = t.norm == "in" and k + 1 < len(tokens) and (
            tokens[k - 1].norm in POSTS or tokens[k + 1].norm in _ASIDE) or (aside and t.norm in _ASIDE)
        if t.cap or t.norm in _SKIP or aside:
            k += 1
            continue
        return t.norm in _AUX or (t.norm.endswith(("ed", "es")) and len(t.norm) > 4) \
            or t.norm in {"says", "said", "speaks", "urges", "calls", "warns", "told", "offers"}
    return False


def _and_pairs(tokens: list[Token], ok: list[Mention], pairs: Counter, index: ActorIndex) -> None:
    """Count "X and Y" pairings of two parties: after "between", "both" or a call ("urged X and
    Y to"), before "each other", or as the subject of what only the two sides of a fight do
    ("X and Y clashed", "X and Y agreed to halt the fighting")."""
    at = {m.i: m for m in ok}
    ends = {m.end for m in ok}
    for m in ok:
        for k in range(m.j, min(m.j + 5, len(tokens))):
            if tokens[k].norm == "and":
                for q in range(k + 1, min(k + 6, len(tokens))):
                    if tokens[q].start - tokens[q - 1].end > 1:
                        break  # "and the group. Turkey ...": punctuation ends the pair
                    y = at.get(q)
                    if y is not None:
                        # "A, B and C signed a deal": a list of three holds the broker, not two sides
                        listed = any(q2 in at for q2 in range(m.j, k)) \
                            or bool(ends & {m.start - 2, m.start - 1, m.start})
                        if y.actor != m.actor and not listed:
                            before = {t.norm for t in tokens[max(0, m.i - 5):m.i]}
                            follow = [t.norm for t in tokens[y.j:y.j + 3]]
                            after = set(follow)
                            asked = follow[follow.index("to") + 1] if "to" in follow[:-1] else None
                            # "relations between X and Y" are two states' ties, not two sides
                            between = "between" in before and not before & _TIES
                            # "both X and Y have expressed support": two speakers, not two sides
                            both = "both" in before and not _speaker_or_place(tokens, y, index) \
                                and not (y.j < len(tokens) and tokens[y.j].norm in _SPOKESPEOPLE)
                            if (between or both or {"each", "other"} <= after
                                    or (before & _CALLS and "to" in after and asked not in _HELP)
                                    or after & _MUTUAL
                                    or (after & _AGREED and _ends_fight(tokens, y.j))):
                                pairs[tuple(sorted((m.actor, y.actor)))] += 1
                        break
                break


_MENDS = {"restore", "reestablish", "re-establish", "resume", "normalise", "normalize", "mend", "renew"}
"""Before "ties" or "relations": two who agree to mend them were the two sides of a rift."""


def _ends_fight(tokens: list[Token], k: int) -> bool:
    """Whether a word of what a deal ends ("ceasefire", "the fighting") is among the twelve words
    from ``k`` on, or ties mended ("agreed to restore diplomatic ties")."""
    words = {t.norm for t in tokens[k:k + 12]}
    return bool(words & _FIGHT_ENDS) or (bool(words & _MENDS) and bool(words & {"ties", "relations"}))


_VICTIM_BEFORE = {"of", "on", "against", "into", "in", "upon", "to"}
_POSS_ACTS = {"invasion", "offensive", "attack", "attacks", "annexation", "occupation", "incursion", "blockade",
              "bombing", "bombardment", "shelling", "strikes", "war", "aggression", "operation", "raid", "raids",
              "intrusion", "storming"}
_OPERATIONS = {"operation", "operations", "offensive", "campaign"}
"""What is waged in a place: "launched a military operation in Y" is an act against Y."""


_COUNTED = {"the", "a", "an", "two", "three", "four", "five", "six", "several", "dozens", "its"}
"""Between a verb of an act and the adjective of what it was done to: "seized two Ukrainian boats"."""


def _act_pairs(tokens: list[Token], ok: list[Mention], pairs: Counter, index: ActorIndex) -> None:
    """Count who attacked whom as a pairing: "X's invasion of Y", "X's annexation of four Yian
    regions", "X attacked Y", "X seized two Yian boats", "X launched (hundreds of drones) at Y",
    "X fired missiles at a Yian air base" (what a state owns is the state). The object of a verb counts
    by its own name only ("shelled Stepanakert" names a city, not the party that holds it), or
    by any name of an armed group ("against Tigray rebels")."""
    at = {m.i: m for m in ok}

    def by_name(m: Mention) -> Mention | None:
        a = index.actors.get(m.actor)
        if a is not None and a.kind == "armed_group":  # "against Tigray rebels": a group is no place
            return m
        return m if a is not None and m.surface.replace("'s", "").replace("’s", "") == a.name else None

    def owned(m: Mention) -> bool:  # "a Syrian air base": a state's name as an adjective, then a noun
        a = index.actors.get(m.actor)
        return (a is not None and a.kind == "state" and m.j - m.i == 1 and m.j < len(tokens)
                and bool(ADJECTIVAL.search(m.surface)) and m.surface != a.name and not tokens[m.j].cap)

    for m in ok:
        if m.j >= len(tokens):
            continue
        j = m.j
        while not m.poss and j < min(m.j + 2, len(tokens) - 1) and tokens[j].norm in _MEMBERS:
            j += 1  # "Hamas fighters attacked Israel"
        found = None
        while m.poss and j < min(m.j + 3, len(tokens) - 1) and tokens[j].norm not in _POSS_ACTS \
                and not tokens[j].cap and tokens[j].norm.isalpha() and tokens[j].norm not in _AUX \
                and tokens[j + 1].start - tokens[j].end == 1:
            j += 1  # "X's military operation in Y", "X's controversial raid on Y"
        v = tokens[j].norm
        if m.poss and v in _POSS_ACTS:  # "X's invasion of (four) Y", not "X's offensive was condemned by Y"
            found = next((at[q] for q in range(j + 1, min(j + 5, len(tokens))) if q in at
                          and at[q].actor != m.actor
                          and any(tokens[r].norm in _VICTIM_BEFORE for r in range(j + 1, q))
                          and all(tokens[r].norm != "by" for r in range(j + 1, q))), None)
        elif not m.poss and v in ACT_VERBS and ACT_VERBS[v] not in ("killing", "detention"):
            counted = j + 1 < len(tokens) and (tokens[j + 1].norm in _COUNTED or tokens[j + 1].norm.isdigit())
            y = at.get(j + 1) or (at.get(j + 2) if counted else None)
            # "X attacked (the) Y", or "X seized two Yian boats": what a state owns is the state
            found = (by_name(y) or (y if counted and y.i == j + 2 and owned(y) else None)) \
                if y is not None and y.actor != m.actor else None
        elif not m.poss and v in _DOING:
            found = None
            for q in range(j + 1, min(j + 10, len(tokens) - 1)):
                # "launched a military operation in the breakaway Y region": where it is waged
                waged = tokens[q].norm == "in" and tokens[q - 1].norm in _OPERATIONS
                if tokens[q].norm not in _AIMED and not waged:
                    continue
                r = q + 2 if tokens[q + 1].norm in {"a", "an", "the"} else q + 1
                if waged and r not in at and r + 1 < len(tokens) and not tokens[r].cap:
                    r += 1  # "in the breakaway Y"
                y = at.get(r)
                if y is not None and y.actor != m.actor:
                    # "at Y", or "at a Yian air base": what a state owns is the state struck
                    found = by_name(y) or (y if r == q + 2 and owned(y) else None) \
                        or (y if waged and not ADJECTIVAL.search(y.surface) else None)
                break
        if found is not None:
            pairs[tuple(sorted((m.actor, found.actor)))] += 2


CONFLICT_NOUNS = {"war", "wars", "conflict", "conflicts", "fighting", "clashes", "tensions", "crisis", "standoff",
                   "stand-off", "escalation", "hostilities", "dispute", "border", "ceasefire", "truce", "talks"}


def _hyphen_pairs(tokens: list[Token], index: ActorIndex, pairs: Counter) -> None:
    """Count "the X-Y war" (a hyphenated pair of parties before a conflict noun) as a pairing."""
    lookup = Matcher.of(index).lookup
    for k, t in enumerate(tokens[:-1]):
        if "-" not in t.text or tokens[k + 1].norm not in CONFLICT_NOUNS:
            continue
        parts = t.text.split("-")
        if len(parts) != 2:
            continue
        found = [lookup(p) for p in parts]
        if all(a is not None and a.kind in PARTY_KINDS for a in found) and found[0].id != found[1].id:
            pairs[tuple(sorted((found[0].id, found[1].id)))] += 1


def _led(tokens: list[Token], mentions: list[Mention], index: ActorIndex) -> list[Mention]:
    """The mentions, a leader's forces read as the side he leads: "forces loyal to (eastern
    commander) Khalifa Haftar", "Assad's troops" name the group or state he speaks for."""
    out = []
    for m in mentions:
        if _kind(index, m.actor) == "person":
            loyal = any(tokens[q].norm == "loyal" and tokens[q + 1].norm == "to"
                        and not any(t.cap for t in tokens[q + 2:m.i]) for q in range(max(0, m.i - 5), m.i - 1))
            forces = m.poss and m.j < len(tokens) and tokens[m.j].norm in _MEMBERS
            side = index.speaks_for(m.actor) if loyal or forces else None
            if side is not None and side != m.actor:
                m = m._replace(actor=side)
        out.append(m)
    return out


_REACTIONS = {"said", "says", "condemned", "condemns", "urged", "urges", "called", "calls", "welcomed", "welcomes",
              "warned", "warns", "accused", "accuses", "denied", "denies", "expressed", "expresses", "voiced",
              "criticised", "criticized", "praised", "backed", "supported", "rejected", "rejects", "demanded",
              "appealed", "announced", "reacted", "responded", "offered", "asked", "told", "added", "stated",
              "declared", "insisted", "argued", "claimed", "noted", "stressed", "hailed", "slammed", "blamed",
              "denounced", "deplored", "protested", "summoned", "recalled", "suspended", "voted", "joined",
              "led", "based", "allied", "aligned", "opposed", "hoped", "feared", "agreed"}
"""Verbs of a subject that reacts or speaks, not one that acts: the lead's subject of one of them is
no party ("Turkey condemned the attack on Friday")."""
_IRREGULAR_ACTS = {"struck", "shot", "sent", "took", "began", "fought", "hit", "overran", "drove", "made", "broke",
                   "threw", "sank", "flew", "forced", "forces", "seizes", "strikes", "downs"}


def lead_actor(tokens: list[Token], ok: list[Mention]) -> str | None:
    """The party the text opens with, as the subject of an act ("Belarus scrambled a jet", "The
    United States fired missiles", "Russian border guards seized ships"): the story's doer.
    ``ok``: the text's mentions of parties.

    >>> from kg.ingest.article.mentions import tokenize
    >>> idx = ActorIndex.default()
    >>> def lead(text):
    ...     toks = tokenize(text)
    ...     return lead_actor(toks, Matcher.of(idx).mentions(text, toks))
    >>> lead("Belarus scrambled a fighter jet to force a flight to land."), lead("Turkey condemned the strike.")
    ('BLR', None)
    """
    first = next((m for m in ok if m.i <= 2), None)
    if first is None or first.poss or any(tokens[q].norm not in {"the", "a", "an"} for q in range(first.i)):
        return None
    k = first.j
    while k < min(len(tokens), first.j + 4) and (tokens[k].norm in _DESCRIPTORS or tokens[k].cap):
        k += 1
    if k >= len(tokens) or tokens[k].cap or tokens[k].start - tokens[k - 1].end > 1:
        return None  # "Turkey, a NATO member, ...": no verb right after
    v = tokens[k].norm
    if v in _REACTIONS or not (v.endswith("ed") or v in _IRREGULAR_ACTS):
        return None
    return first.actor


def _top(counts: Counter) -> list[str]:
    """The most counted actor, and the next one when it is counted nearly as often."""
    top = counts.most_common(2)
    heads = [a for a, _ in top[:1]]
    if len(top) == 2 and top[1][1] >= max(3, 0.6 * top[0][1]):
        heads.append(top[1][0])
    return heads


def infer_parties(tokens: list[Token], mentions: list[Mention], index: ActorIndex,
                  title_mentions: list[Mention] = (), title_tokens: list[Token] = (),
                  agents: Iterable[str] | None = None) -> Parties:
    """The camps of the conflict (see the module docstring). ``agents``: who did the acts the
    article reports, once for the body and once for the title (the values of
    :func:`infer_agents` for each), when the caller has them already."""
    ok = [m for m in _led(tokens, mentions, index) if _kind(index, m.actor) in PARTY_KINDS]
    # Speakers are not parties: leave out subjects of a verb and places (see _speaker_or_place).
    counted = [m for m in ok if not _speaker_or_place(tokens, m, index)]
    pairs: Counter = Counter()
    title_ok = [m for m in title_mentions if _kind(index, m.actor) in PARTY_KINDS]
    # the party a text opens with as the doer of an act: "Belarus scrambled a jet to force a flight to land"
    leads = [a for a in (lead_actor(tokens, ok), lead_actor(list(title_tokens), title_ok)) if a is not None]
    for toks, ms in ((tokens, ok), (list(title_tokens), title_ok)):  # the body, then the title
        _and_pairs(toks, ms, pairs, index)
        _hyphen_pairs(toks, index, pairs)
        _act_pairs(toks, ms, pairs, index)
    if pairs:
        heads = list(pairs.most_common(1)[0][0])
    else:
        counts: Counter = Counter(m.actor for m in counted)
        for m in title_mentions:  # a speaker in the title ("Algeria offers help") is no party
            if _kind(index, m.actor) in PARTY_KINDS and not (
                    title_tokens and _speaker_or_place(title_tokens, m, index)):
                counts[m.actor] += 2
        # who did an act of war is a party, whoever it was done to ("X launched an offensive
        # against the rebels"): the subject of its verb, which the count above leaves out
        if agents is None:
            agents = [a for toks, ms in ((tokens, ok), (list(title_tokens), title_ok))
                      for a in set(infer_agents(toks, ms, index).values())]
        for agent in agents:  # once for the body, once more for the title
            counts[agent] += 2
        heads = _top(counts)
        # the lead's doer, when the count leaves it out (it is the subject of the verbs, never counted)
        if leads and not set(leads) & set(heads):
            for lead in leads:
                counts[lead] += 2
            heads = _top(counts)
        # an armed group that did an act of war is a side of it, however rarely it is named
        # ("rebels led by X captured the city" in a story about the state that lost it)
        doers = [a for a in dict.fromkeys(agents) if _kind(index, a) == "armed_group" and a not in heads]
        if len(heads) == 1 and len(doers) == 1:
            heads.append(doers[0])
        # and such a group fights a state: the state named most ("M23 captured the Congolese city of Goma")
        if len(heads) == 1 and _kind(index, heads[0]) == "armed_group" and heads[0] in agents:
            states = [a for a, _ in counts.most_common() if a != heads[0] and _kind(index, a) == "state"]
            if states:
                heads.append(states[0])
    lead = leads[0] if leads else None
    if not heads:
        return Parties((), lead)
    camps = [[h] for h in heads]
    # An actor named with a party's demonym joins that party's camp.
    lookup = Matcher.of(index).lookup
    for m in mentions:
        if m.actor in heads or _kind(index, m.actor) not in PARTY_KINDS:
            continue
        actor = index.actors.get(m.actor)
        name = {fold(w)[0] for w in actor.name.split()} if actor is not None else set()
        for t in tokens[m.i:m.j]:
            a = lookup(t.norm)
            if a is not None and t.norm in name:
                break  # "Libyan National Army", "Syrian Democratic Forces": rebels, named so
            if a is not None and a.id in heads and a.id != m.actor:
                camp = camps[heads.index(a.id)]
                if m.actor not in camp and all(m.actor not in c for c in camps):
                    camp.append(m.actor)
                break
    return Parties(tuple(tuple(c) for c in camps), lead)


# -- who did what: the agent of each kind of act the article reports ---------------------------------
HARM_NOUNS = {
    "attack": "attack", "attacks": "attack", "assault": "attack", "raid": "attack", "raids": "attack",
    "strike": "strike", "strikes": "strike", "airstrike": "strike", "airstrikes": "strike",
    "bombing": "strike", "bombardment": "strike", "shelling": "strike",
    "invasion": "invasion", "incursion": "invasion", "incursions": "invasion", "offensive": "invasion",
    "intervention": "invasion", "aggression": "attack",
    # "launched a military operation", then "condemned the operation", "the military actions must stop"
    "operation": "invasion", "operations": "invasion", "military action": "invasion",
    "unilateral action": "invasion", "unilateral actions": "invasion",
    "military actions": "invasion", "military activities": "invasion", "military activity": "invasion",
    "annexation": "annexation", "occupation": "occupation", "coup": "coup", "takeover": "coup", "capture": "capture",
    # an armed rising against a state is its coup: "a mutiny by the group", "condemned the rebellion"
    "mutiny": "coup", "rebellion": "coup", "uprising": "coup", "insurrection": "coup", "revolt": "coup",
    "seizure": "capture", "blockade": "blockade", "siege": "blockade", "killing": "killing",
    "assassination": "killing", "murder": "killing",
    "rocket": "attack", "rockets": "attack", "missile": "attack", "missiles": "attack", "drone": "attack",
    "launches": "attack", "launch": "attack",  # "the (missile) launches were a grave problem"
    "provocation": "attack", "provocations": "attack",  # "condemned the reckless provocation"
    "downing": "attack",  # "the downing of a jet by Turkish aircraft"
    "intrusion": "invasion", "storming": "attack",  # "the police intrusion in the embassy"
    "drones": "attack",
    # an election's results are the state's that held it ("did not recognise the results")
    "election": "election", "elections": "election", "results": "election", "re-election": "election",
    "reelection": "election",
    # shows of force: "China launched drills", then "condemned the drills"
    "drills": "exercise", "exercises": "exercise", "manoeuvres": "exercise", "maneuvers": "exercise",
    # who is held is released by whoever holds them ("demanded the release of X")
    "release": "detention", "detention": "detention",
}
ACT_NOUNS = "|".join(sorted(HARM_NOUNS, key=len, reverse=True))
"""The nouns of :data:`HARM_NOUNS` as one regex alternation, longest first."""
ADJECTIVAL = re.compile(r"(?:an|ese|i|ish|ch|ic)$|^(?:[A-Z]\.?){2,}$")
"""How a name used as an adjective ends ("Russian", "Israeli", "Turkish"), or an acronym ("US")."""
_ACT_MODIFIERS = {"drone", "missile", "air", "rocket", "artillery", "military", "deadly", "new", "latest",
                  "overnight", "surprise", "naval", "ground", "cross-border", "retaliatory", "massive", "fresh"}
"""Words between an adjectival name and its act: "a US drone strike", "Israeli air strikes"."""
_MEMBERS = {"forces", "troops", "army", "military", "militants", "rebels", "militia", "militias", "fighters",
            "gunmen", "soldiers", "jets", "warplanes", "aircraft", "drones", "navy", "units", "artillery",
            "guards", "police", "marines", "commandos", "paratroopers", "militaries", "armies", "warships",
            "coastguards"}
"""Who acts for a party, named right after it: "Hamas fighters attacked", "Russian troops shelled"."""
_DESCRIPTORS = {"the", "a", "an", "armed", "group", "militant", "rebel", "movement", "of", "its", "their",
                "air", "force", "border", "coast", "special", "security", "naval"} | _MEMBERS
# Verbs that report an act of a HARM_NOUNS kind done by their subject: "M23 captured Goma".
ACT_VERBS = {"attacked": "attack", "attacks": "attack", "raided": "attack", "stormed": "attack",
             "bombed": "strike", "shelled": "strike", "struck": "strike", "strikes": "strike",
             "downed": "attack", "downs": "attack",
             "invaded": "invasion", "invades": "invasion", "annexed": "annexation", "annexes": "annexation",
             "captured": "capture", "captures": "capture", "seized": "capture", "overran": "capture",
             "blockaded": "blockade", "killed": "killing", "detained": "detention", "arrested": "detention"}
_AIMED = {"at", "on", "against", "into", "toward", "towards"}
_DOING = {"launched", "launches", "launch", "carried", "carries", "staged", "stages", "mounted", "mounts",
          "began", "begins", "started", "starts", "conducted", "conducts", "unleashed", "unleashes", "fired", "fires",
          "answered", "responded", "retaliated", "replied", "pressed", "presses", "pushed", "waged", "wages"}


_PERPETRATED = {"perpetrated", "committed", "done", "ordered", "authorised", "authorized", "being"}
"""After "was": the act's doer follows ("the attack was perpetrated by X")."""
_ADVERBS = {"then", "also", "later", "again", "reportedly", "allegedly", "subsequently", "already", "now"}
"""Words between an agent and its verb of doing: "Israel then carried out strikes"."""
_CLAIMED = {"claimed", "claims", "claiming", "claim"}
"""Before "responsibility for the attack": whoever claims it did it."""
_SENTENCE_END = re.compile(r"[.!?;:]|\n")
_PEOPLE_OF = re.compile(r"\s+(?:conservatives|liberals|nationalists|supporters|rioters|protesters|protestors|"
                        r"demonstrators|settlers|extremists|radicals|activists|loyalists|hardliners|plotters|"
                        r"coup\s+plotters|mobs?|crowds?|citizens|nationals|civilians)\b")
"""After a state's adjective, people of that state who act on their own: no act of the state's."""
_HELD_BY = {"used", "owned", "controlled", "held", "run", "operated", "occupied", "backed", "supported",
            "funded", "armed", "inhabited", "administered", "governed", "built", "protected"}
"""Participles whose "by" names an owner, not a doer: "strikes on sites used by X" are not X's."""
_NEW_PHRASE = {"after", "before", "following", "during", "since", "amid", "when", "while", "despite"}
"""Words that start a phrase of its own after an act: a "by" after them is not the act's."""
_BEFORE_ACT_VERB = _DESCRIPTORS | _ACT_MODIFIERS | HARM_NOUNS.keys()
"""Words between an agent and its verb of an act: "Hamas fighters attacked", "a US drone strike killed"."""


WAR_ACTS = frozenset({"attack", "strike", "invasion", "capture", "blockade", "killing"})
"""The kinds of act a report of war names one another by ("launched an offensive" ... "the attack")."""


def act_agent(agents: dict[str, str], kind: str) -> str | None:
    """Who did an act of ``kind``: the agent the article names for that kind, else, for an act
    of war, the one agent of every act of war it reports (X "launched an offensive", then
    others "condemned the attack"), and for a detention, the junta of a coup.

    >>> act_agent({"invasion": "ETH"}, "attack")
    'ETH'
    >>> act_agent({"invasion": "ETH", "strike": "ERI"}, "attack") is None
    True
    >>> act_agent({"invasion": "ETH"}, "coup") is None
    True
    >>> act_agent({"coup": "NER"}, "detention")
    'NER'
    """
    if kind in agents:
        return agents[kind]
    if kind == "detention":  # the leader a coup ousted is held by the junta
        return agents.get("coup")
    if kind not in WAR_ACTS:
        return None
    war = {a for k, a in agents.items() if k in WAR_ACTS}
    return war.pop() if len(war) == 1 else None


def infer_agents(tokens: list[Token], mentions: list[Mention], index: ActorIndex,
                 text: str = "") -> dict[str, str]:
    """Who did each kind of act the article reports: ``{"attack": "HAMAS", "strike": "ISR"}``.

    From "X's attack", "the attack by X", "attacks carried out by X", "X launched air
    strikes", "X (rebels) captured Y" and "X claimed responsibility" (an attack); the agent
    named most often for a kind of act wins.
    With the ``text`` the tokens were read from, the "by" of an act is looked for in the act's
    sentence alone.

    >>> from kg.ingest.article.mentions import Matcher, tokenize
    >>> idx = ActorIndex.default()
    >>> text = "Hamas launched a surprise attack on Israel. Israel then carried out strikes on Gaza."
    >>> toks = tokenize(text)
    >>> infer_agents(toks, Matcher.of(idx).mentions(text, toks), idx)
    {'attack': 'HAMAS', 'strike': 'ISR'}
    """
    ok = [m for m in _led(tokens, mentions, index) if _kind(index, m.actor) in PARTY_KINDS]
    by_start = {m.i: m for m in ok}
    found: dict[str, Counter] = {}

    def note(kind: str, m: Mention) -> None:
        found.setdefault(kind, Counter())[m.actor] += 1

    for k, t in enumerate(tokens):
        verb = ACT_VERBS.get(t.norm)
        if verb is not None and not t.cap:  # "M23 (rebels) captured Goma"
            subject = [m for m in ok if k - 3 <= m.j <= k and not m.poss]
            if subject and all(tokens[q].norm in _BEFORE_ACT_VERB for q in range(subject[-1].j, k)):
                note(verb, subject[-1])
        if t.norm in _CLAIMED and k + 1 < len(tokens) and tokens[k + 1].norm == "responsibility":
            subject = [m for m in ok if k - 2 <= m.j <= k and not m.poss]  # "IS (group) claimed responsibility"
            if subject:
                note("attack", subject[-1])
        kind = HARM_NOUNS.get(t.norm)
        if kind is None:
            continue
        # "X's (surprise) attack"
        for q in range(max(0, k - 3), k):
            m = by_start.get(q)
            if m is not None and m.poss and m.j <= k:
                note(kind, m)
                break
        # "a US drone strike", "Israeli air strikes": a name used as an adjective before the act
        for q in range(max(0, k - 3), k):
            m = by_start.get(q)
            if m is not None and not m.poss and m.j <= k and m.j - m.i == 1 \
                    and m.surface != getattr(index.actors.get(m.actor), "name", m.surface) \
                    and ADJECTIVAL.search(m.surface) and all(tokens[r].norm in _ACT_MODIFIERS for r in range(m.j, k)):
                note(kind, m)
                break
        # "the attack(s) (carried out) by (the armed group) X": the last party of the phrase after "by"
        for q in range(k + 1, min(k + 12, len(tokens))):
            if tokens[q].norm in HARM_NOUNS or tokens[q].norm in _NEW_PHRASE:
                break  # "drills ... after a visit by X": the visit's X
            if tokens[q].norm in _AUX and q + 1 < len(tokens) and tokens[q + 1].norm not in _DOING \
                    and tokens[q + 1].norm not in _PERPETRATED:
                break  # "the strikes were condemned by X": X condemns; "were carried out by X" did them
            if text and _SENTENCE_END.search(text, tokens[q - 1].end, tokens[q].start):
                break  # "strikes on Monday. A statement by Egypt's ...": another sentence
            if tokens[q].norm == "by":
                if tokens[q - 1].norm in _HELD_BY:
                    break  # "strikes on sites used by X": X owns the sites
                named, r = [], q + 1
                while r < min(q + 7, len(tokens)) and (r in by_start or tokens[r].cap
                                                        or tokens[r].norm in _DESCRIPTORS) \
                        and tokens[r].start - tokens[r - 1].end <= 1:  # no stop or comma between
                    if r in by_start:
                        named.append(by_start[r])
                        r = by_start[r].j
                        if _PEOPLE_OF.match(text, tokens[r - 1].end):
                            named.pop()  # "by Brazilian conservatives": people of a state, not the state
                    else:
                        r += 1
                if named:  # "attacks by land, sea and air carried out by Hamas": the next "by"
                    note(kind, named[-1])
                    break
        # "X launched (a wave of) air strikes", "X fired missiles as it launched exercises"
        for q in range(max(0, k - 5), k):
            if tokens[q].norm in _DOING:
                subject = [m for m in ok if q - 2 <= m.j <= q
                           and all(tokens[r].norm in _BEFORE_ACT_VERB or tokens[r].norm in _AUX
                                   or tokens[r].norm in _ADVERBS for r in range(m.j, q))]
                if not subject and q > 0 and tokens[q - 1].norm == "it":
                    subject = [m for m in ok if q - 20 <= m.i < q - 1 and not m.poss and (
                        not text or not _SENTENCE_END.search(text, m.end, tokens[q - 1].start))][:1]
                if subject:
                    note(kind, subject[-1])
                break
    return {kind: c.most_common(1)[0][0] for kind, c in sorted(found.items())}
