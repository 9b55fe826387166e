"""Stance cues and their targets, negation, and the both-sides rule.

A cue (``kg/data/extract.yaml``) marks a stance: a verb of the speaker ("blamed",
"urged ... ceasefire") or a phrase of what was said ("We strongly condemn"). The
target is the first actor named after the cue in its clause, else the nearest one
between the verb and the cue ("promised Baku its full support"); ceasefire calls,
mediation offers and concern go to the parties named after the cue, else to all
parties of the conflict; an attack reported by a party accuses its agent ("shelling
launched by X", "X attacked"), else the other side. Targets are folded to the state or
organisation they stand for (a leader to the state they lead on the article's date).

A cue after a negator ("did not condemn", "refused to back") is negated.

Examples
--------
>>> negated("Germany did not condemn")
True
>>> negated("Germany swiftly condemned")
False
"""
from __future__ import annotations

import re

from kg.ingest.article.lexicon import lexicon

_ALL_PARTIES = re.compile(r"\b(?:all|both)\s+(?:the\s+)?(?:parties|sides|actors|leaders|factions)\b|"
                          r"\bthe\s+two\s+(?:sides|parties|countries|neighbou?rs|allies|nations|governments)\b|"
                          r"\bon\s+all\s+sides\b|\beach\s+other\b", re.I)


def negated(before: str) -> bool:
    """Whether the text right before a cue (same clause) negates it: its last 30 characters,
    after the last comma (an aside between the subject and the verb negates nothing) and after
    the last "and" or "but" (a negated verb before them is another verb).

    >>> negated("Turkey did not ")
    True
    >>> negated("China, which has refused to call it an invasion, ")
    False
    >>> negated("the truce had not held and ")
    False
    """
    tail = before[-30:]
    cut = max(tail.rstrip().rfind(","), tail.rfind(" and "), tail.rfind(" but "))
    if cut >= 0:
        tail = tail[cut + 1:]
    return bool(lexicon().negators.search(tail))


def addresses_all_parties(text: str) -> bool:
    """Whether a clause addresses every party ("all sides", "both parties").

    >>> addresses_all_parties("urged all sides to show restraint")
    True
    """
    return bool(_ALL_PARTIES.search(text))
