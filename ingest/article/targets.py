"""Whom a cue is aimed at: the targets of a stance, from the sentence and the parties.

:class:`TargetFinder` answers, for one cue of one speaker, the actors it targets: those
named right after the cue ("blamed Yerevan"), the addressees of a call ("urged Ankara
to ..."), the agent of a harm ("shelled by Azerbaijani forces"), a pair of states ("Armenia
and Azerbaijan"), or, failing names, the speaker's opponents or every party of the conflict
(:class:`~kg.ingest.article.parties.Parties`). A target is never the speaker, a person or a
place ("in Yerevan"). An actor named as the one harmed ("the attack on X", "X's sovereignty")
is no target of a condemnation, nor is one arrested, held or killed ("the arrest of X").
:meth:`TargetFinder.evaluated` finds the actor a speaker's evaluative words are about, named in
them, or none.
"""
from __future__ import annotations

import bisect
import re
from functools import cached_property

from kg.ingest.article.evaluation import Evaluation
from kg.ingest.article.lexicon import Cue
from kg.ingest.article.mentions import Matcher, Mention
from kg.ingest.article.parties import ACT_NOUNS, ADJECTIVAL, CONFLICT_NOUNS, HARM_NOUNS, Parties, act_agent
from kg.ingest.article.scan import Scanner, Sent
from kg.ingest.article.speakers import Speaker
from kg.ingest.article.stance import addresses_all_parties

_GENERIC = re.compile(r"\b(?:fighting|violence|clashes|hostilities|escalation|bloodshed|war)\b", re.I)
# Between a subject and its verb: auxiliaries, a negation, adverbs ("X will never accept", "X firmly rejects").
_SUBJECT_OF = re.compile(r"\s+(?:(?:will|would|can|could|shall|should|must|does|do|did|has|have|had|not|never|"
                         r"also|firmly|strongly|still|again|categorically|flatly|once)\s+)*")
# A cue that is a judgement by its subject: "described the strikes as", "called the move".
_AND_PASSIVE = re.compile(r",?\s(?:and|but|while|yet)\s+(?:\w+ly\s+)?\w+ed\s+by\b")
"""Where a second passive starts: "(was condemned by Kenya) and praised by Eritrea"."""
_JUDGING = re.compile(r"(?:describ|call|brand|term|label)\w*\s")
_SUBJECT_HEAD = re.compile(r"(?:\s+(?:government|leaders?|leadership|authorities|regime|forces|army|troops|"
                           r"military|officials)(?:\s+(?:in|across)\s+(?:the\s+)?[\w-]+)?)?")
"""Who acts for the actor named in a subject: "the Ethiopian government", "Ethiopia's leaders", "US
forces in the region"."""
# The sides of the conflict named right after a cue: "warned both sides", "accused all parties".
_BOTH_SIDES_AFTER = re.compile(r"\s+(?:both|all|the\s+two|the\s+warring)\s+(?:sides|parties|countries|"
                               r"neighbou?rs|belligerents)\b")
# What the accused is said to have done, after the accused: "accused X of arming Y", "for shelling Y".
_ACCUSED_OF = re.compile(r"\s(?:of|for)\s+(?:\w+ly\s+)?\w+ing\b")
# A name right after "against" is whom the supported acts against: "its right to defend itself against X".
_AGAINST_BEFORE = re.compile(r"\bagainst\s+(?:the\s+)?$")
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose)\b")
_PASSIVE = re.compile(r"\b(?:were|was|been|are|is|be|being)\s+(?:\w+\s+)?$", re.I)
_AGAINST = ("condemn", "oppose", "accuse", "concern", "warn", "threaten")
"""Stances aimed against their target: the ones a victim or an act's agent can decide."""
# An act named right after a cue: "condemned the (deadly, surprise) attacks", "these strikes",
# "attacks" (a bare plural), "outraged by the attack", "its condemnation of the offensive", "its
# opposition to the strikes".
_ACT_AFTER = re.compile(r"\s*(?:(?:by|at|over|about|with|for|of|to)\s+)?[\"“”]?\s*"
                        r"(?:(?:the|this|these|that|those|such|its|their|today's|yesterday's)\s+"
                        r"(?:[\w-]+\s+){0,4}?|(?=(?:attacks|strikes|air\s*strikes|raids|bombings|shelling)\b))"
                        r"(?P<noun>" + ACT_NOUNS + r")\b")
# An act as the subject right before a cue: "the attack was (completely) "unprovoked"", or right
# before a cue that holds the verb ("the offensive" + "was an invasion of").
_ACT_SUBJECT = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?(?P<noun>"
                          + ACT_NOUNS
                          + r")\s+(?:(?:was|is|were|are|has\s+been|had\s+been|remains?)\s+"
                            r"[\"“]?(?:\w+\s+){0,2}?[\"“]?)?$")
_JOINED = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?$")
"""Before a co-speaker: "joined Uganda in condemning"."""
_RULERS = frozenset({"government", "authorities", "regime", "junta", "leadership", "administration", "rulers",
                     "officials"})
"""Who rules from a capital: "the government in Addis Ababa" is no place but the state."""
_ACT_NOUN = re.compile(r"(?P<noun>" + ACT_NOUNS + r")\b")
# An act right before a demand of its subject: "the offensive must stop".
_ACT_BEFORE = re.compile(r"\b(?:the|this|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?(?P<noun>"
                         + ACT_NOUNS + r")\s+$")
_AT_VICTIM = re.compile(r"\s+(?:against|on|upon|targeting)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?")
"""Between an act that ends a cue and whom it is done to: "operations against the (Libyan) capital"."""
_LIST_GLUE = re.compile(r"\s*(?:,|and|,\s*and)?\s*(?:the\s+)?")
_TO_HELP = re.compile(r"\s+to\s+(?:intervene|help|mediate|step\s+in|assist|join|broker)\b")
"""After the ones a call names: asked to help ("urged Russia and France to intervene"), not to stop."""
# What a cue condemns is an act done TO the actor named next: "condemned the attacks on Israel",
# "the invasion of Ukraine", "blows against the territorial integrity of Ukraine", "a violation of
# Iraq's sovereignty". That actor is the victim; the stance is aimed at whoever did it.
_VICTIM = re.compile(
    r"\b(?:attacks?|(?:air\s*)?strikes?|airstrikes?|raids?|assaults?|invasion|incursions?|offensive|"
    r"aggression|bombing|bombardment|shelling|occupation|annexation|blockade|sieges?|blows?|violations?|"
    r"interference|intervention|rocket\s+fire|rockets?|missiles?|drones?|capture|seizure|coup|"
    # acts done to people: "condemned the arrest of X", "the killing of X's citizens"
    r"arrests?|detention|killings?|murder|assassination|abduction|kidnapping|execution|imprisonment|"
    r"jailing|sentencing|persecution|harassment|expulsion|deportation|disappearance|torture|poisoning|"
    r"use\s+of\s+(?:military\s+|armed\s+)?force)\b"
    # "the attack on (the capital of) X"; "the intervention in X" (the place named right after "in")
    r"[^.;,]{0,30}?(?:\b(?:on|against|of|into|at|targeting|upon)\s+(?:[\w'’-]+\s+){0,4}|\bin\s+(?:the\s+)?)$"
    # "condemned X for attacking Eritrea", "for firing rockets at Asmara": the object of the act
    r"|\bfor\s+(?:attack|invad|bomb|shell|strik|target|occup|annex|fir|launch|shoot)\w*\s+"
    r"(?:[\w'’-]+\s+){0,3}(?:(?:at|on|against|into)\s+(?:[\w'’-]+\s+){0,3})?$"
    # "no justification to seize three Ukrainian vessels": the object of an act in the infinitive
    r"|\bto\s+(?:attack|invade|seize|bomb|shell|strike|occupy|annex|capture|target)\s+(?:[\w'’-]+\s+){0,3}$", re.I)

# A region of a state named through the state ("Ethiopia's northern Tigray region"): a place.
_REGION = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}?(?:region|province|oblast|governorate|enclave|district|prefecture)\b")
# The actors of an evaluation (TargetFinder.evaluated). A name used as an adjective ("Russian",
# "Israeli", "Afghan") ends as demonyms end, or is an abbreviation ("US strikes", "U.S. moves").
_REPLY = re.compile(r"\b(?:befitting|fitting|strong|forceful|decisive|crushing|harsh|appropriate|resolute)\s+"
                    r"(?:reply|response|answer|retaliation)\b|\bretaliat\w*|\brespond\w*\s+(?:forcefully|"
                    r"decisively|firmly|in\s+kind|with\s+force)\b")
"""What a party threatens the other side with, naming no one: "would give a befitting reply"."""
_CLAIMS_AFTER = re.compile(r"\s*(?:the|these|those|such)\s+(?:[\w-]+\s+)?(?:claims?|accusations?|allegations?|"
                           r"statements?|reports?|criticism|condemnation|charges?)\b")
"""What a party rejects, said by someone it does not name: "dismissed the claims as lies"."""
_DOERS_GAP = re.compile(r"(?:'s|’s)?\s*(?:(?:,|and)\s*)?(?:(?:air|drone|missile|military|naval|retaliatory|"
                        r"surprise|latest|new)\s+)*")
"""Between names of doers, or after the last of them, before their act: "the U.S. and British"."""
_OWN_ACT = re.compile(r"\b(?:it|we|its\s+(?:[\w-]+\s+)?(?:forces|troops|army|military|jets|drones|air\s+force)|"
                      r"our\s+(?:[\w-]+\s+)?(?:forces|troops|army|military))\s+"
                      r"(?:(?:had|has|have|would|will|also|then|successfully)\s+)*$")
"""The speaker's own forces before an act: "said it had shot down", "said its forces struck"."""
_REPELLED = re.compile(r"\b(?:repel\w*|repuls\w*|thwart\w*|resist\w*|fend\w*\s+off|beat\w*\s+back|push\w*\s+back|"
                       r"foil\w*|defend\w*\s+against)\s+(?:the\s+|an?\s+|this\s+|their\s+|its\s+|any\s+)?(?:[\w-]+\s+)?$")
"""Before a harm cue, a defence against it: "vowed to repel the attack"."""
_CLAIMED_FOR = re.compile(r"\bclaim\w*\s+(?:full\s+)?responsibility\s+for\s+"
                          r"(?:the\s+|this\s+|its\s+|an?\s+)?(?:[\w-]+\s+)?$")
"""Before a harm cue, its doer's own claim: "claimed responsibility for the attack"."""
_JUNTA = re.compile(r"\bthe\s+(?:(?:ruling|new)\s+)?(?:military|junta|generals|army|coup\s+leaders|putschists|"
                    r"military\s+(?:junta|rulers|authorities|government))\s+(?:\w+\s+)?$")
"""The subject of a demand in a coup story: "the military must release those detained"."""
_DONE_TO = re.compile(r"\s+(?:[\w-]+\s+)?(?:assassination|killing|murder|arrest|detention|abduction|kidnapping|"
                      r"execution|death|imprisonment|jailing|poisoning)\b(?!\s+of\b)")
"""After a possessive name: an act done to it, not by it ("X's assassination"; "X's killing of Y" is X's act)."""
_SUBJECT_RESPONSIBLE = re.compile(r"(?:is|are|was|were|be|bears?|bore)\s+(?:\w+\s+){0,3}?responsib")
"""A cue that holds its subject responsible: "Russia bears responsibility for ...", "X is responsible"."""
_RESPONSIBLE = re.compile(r"\b(?:those|whoever\s+(?:is|was|were))\s+(?:responsible|behind\s+(?:it|this|the\s+\w+))\s+"
                          r"(?:(?:for\s+)?(?:it|this|the\s+\w+)\s+)?$|\bthe\s+(?:perpetrators|culprits)\s+$")
"""The subject of a demand that names the doer by his deed: "those responsible (for it) must"."""
_JUDGED_AS = re.compile(r"\b(?:is|was|were|are|been)\s+[\"“]?(?:an?\s+)?(?:[\w-]+\s+){0,2}$")
"""Before a harm cue, the judgement that names the event by it: "this is a state-sponsored hijacking"."""
_THE_EVENT = re.compile(r"[\w-]+\s+(?:it|this|the\s+(?:incident|episode|affair))\b")
"""A cue whose object is the story's event itself: "called it an act of terrorism", "called the incident"."""
_EVENT_AFTER = re.compile(r"\s+(?:it|this)\s*(?:[.;,]|$|\s+(?:on|in|as|and)\b)")
"""The story's event as the object right after a cue: "said Moscow condemned it"."""
_PEACE_IN = re.compile(r"\b(?:peace|stability|calm|normalcy|normality)\s+(?:to|in|for)\s+(?:the\s+)?$")
_SUFFERED = re.compile(r"c[ao]me\s+under\b")
"""A harm cue the subject suffers: "it had come under shelling"."""
_FORCES_OF = re.compile(r"\bof\s+(?:the\s+)?$")
_FORCES = re.compile(r"['’]?s?\s+(?:army|armed\s+forces|forces|troops|military|militias?|regime)\b")
_EACH_OTHER = re.compile(r"\s+(?:each\s+other|one\s+another)")
_GEOGRAPHY = frozenset({"strait", "straits", "sea", "gulf", "peninsula", "coast", "river", "valley", "mountains",
                        "islands", "basin", "canal"})
"""Capitalised after a name, a place named after it: "the Taiwan Strait"."""
_COMPASS = frozenset({"southern", "northern", "eastern", "western", "central", "south", "north", "east", "west",
                      "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
                      "north-western", "south-eastern", "south-western"})
"""Before a country's name after "in", a part of it: "in southern Ukraine"."""
_DOCUMENTS = frozenset({"resolution", "resolutions", "charter", "convention", "conventions", "mandate",
                        "report", "rules", "law", "treaty"})
"""After a name, a text it adopted or holds: "the use of a U.N. resolution" aims at no one in the UN."""
_RECRUITS = frozenset({"fighters", "mercenaries", "jihadists", "militants", "volunteers", "recruits"})
"""After a demonym, men who come from a state, not its forces: "Syrian fighters"."""
_FIRE = frozenset({"fire", "fired", "shelling", "shells", "rockets", "missiles", "launched", "artillery"})
"""What comes "from" the one who shoots: "killed by fire from Azerbaijani territory"."""
_BY = re.compile(r"\bby\s+(?:the\s+)?$")
# Between an evaluative word and the actor it is about: "disappointed with X", "relations with X",
# "thank X", "a friend of X". "To", "for" and "of" name whom a harm befalls ("a blow to X"): about
# only in a positive one.
# The words between may not name a meeting: "a constructive meeting with X" rates the meeting.
_NOUNS = r"(?:(?!(?:between|among|on|in|of|against|from|to|into|over|at|with|for|by|and|or)\s)[\w-]+\s+){0,2}?"
_WORDS = (r"(?:(?!(?:meetings?|talks|calls?|conversations?|discussions?|sessions?|visits?|exchanges?|consultations|"
          r"dialogue|negotiations|phone)\b)[\w'’“”\"-]+\s+){0,3}?")
_ABOUT_AGAINST = re.compile(r"[\"”’]?\s+" + _WORDS + r"(?:with|at|over|about|by|toward|towards)\s+"
                            r"(?:(?:the|all|its|their|our|this|these)\s+)?" + _NOUNS)
_ABOUT_FOR = re.compile(r"[\"”’]?\s+(?:" + _WORDS + r"(?:with|to|for|toward|towards|of)\s+"
                        # "a prelude to containing X": what is done to X, not X rated
                        r"(?!(?!ongoing|growing|neighbou?ring|ruling)[\w-]+ing\s)"
                        r"(?:(?:the|all|its|their|our|this|these)\s+)?" + _NOUNS + ")?")
# A subject that judges or speaks ("X described the strikes as ...") is the evaluator, not the evaluated.
_JUDGES = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:describ|call|term|brand|label|consider|regard|"
                     r"view|saw|see|believ|think|thought|argu|accus|blam|condemn|denounc|welcom|prais|criticis|"
                     r"criticiz|dismiss|reject|decr|slam|hail|warn|urg|insist|express|voic|feel|felt)\w*\b")
# A positive word about a subject needs a copula: "X is a reliable friend", not "X had a good chance".
_COPULA = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:(?:has|have|had)\s+(?:always\s+)?been|is|was|are|were|remains|remained|"
                     r"(?:will|would)\s+(?:always\s+)?be)\b")
# Before a clause's subject: nothing but an article or a conjunction.
_SUBJECT_START = re.compile(r"[\W_]*(?:(?:the|and|but|so|yet)\s+)?")
# After a subject (and its head noun: "Xian troops"): a passive, a verb of suffering or a state it is in
# makes it the one harmed ("X was attacked", "X suffered", "X's people live in fear").
_UNDERGOES = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:(?:has|have|had|is|was|were|are|will|would|could|may|might|must|"
                        r"should)\s+)?(?:(?:not|never|also|again|now|still|badly|reportedly)\s+)?"
                        r"(?:(?:been|be|being|is|was|were|are)\s+(?:\w+ly\s+)?(?:\w+ed|hurt|hit|shot|struck|taken|held|"
                        r"beaten|caught|forced|driven|thrown|torn|stolen|seized|left|cut)\b|"
                        r"(?:suffer\w*|fac(?:e|es|ed|ing)|endur\w*|los(?:e|es|t|ing)|mourn\w*|c[ao]me\s+under|"
                        r"f[ae]ll\w*\s+victim|liv(?:e|es|ed|ing)\s+(?:in|under|through|with)|fear\w*|feel\w*|felt|"
                        r"(?:is|are|was|were|remain\w*)\s+in)\b)")


class TargetFinder(Scanner):
    """The target rules; ``parties`` (the inferred :class:`Parties`) is set before they run."""

    parties: Parties
    agents: dict[str, str]  # kind of act -> who did it (infer_agents)
    out: list  # the statements made so far, in order (StatementBuilder)

    def eligible(self, m: Mention, speaker: Speaker, folded: str, places: bool = True,
                 cue_end: int = -1) -> str | None:
        """The folded target a mention stands for, or None (the speaker, a person, a place).

        After "in", "at", ... a mention is a place: always for a city ("in Yerevan"); for a
        country's own name only when ``places`` (ceasefire calls: "the developments in Sudan").
        A "from" that ends the cue itself (``cue_end``) names a source, not a place: "alarmed
        by the messages coming from Ankara"; "the government in Addis Ababa" is the state. A
        state's region named through it is a place too: "the forces of Ethiopia's northern
        Tigray region" are not Ethiopia's.
        """
        doc = self.doc
        if speaker.start <= m.start < speaker.end:
            return None
        if m.poss and _REGION.match(self.low, m.end):
            return None
        if m.i > 1 and doc.tokens[m.i - 1].norm in _COMPASS and doc.tokens[m.i - 2].norm in self.lex.locative:
            return None  # "the dam in southern Ukraine": a part of a country is a place, whatever the cue
        if m.i > 0 and doc.tokens[m.i - 1].norm in self.lex.locative and doc.tokens[m.i - 1].end != cue_end \
                and not (m.i > 1 and doc.tokens[m.i - 1].norm == "in" and doc.tokens[m.i - 2].norm in _RULERS):
            a = doc.index.actors.get(m.actor)
            if places or a is None or m.surface.replace("'s", "") != a.name \
                    or (m.i > 1 and doc.tokens[m.i - 1].norm == "in" and doc.tokens[m.i - 2].norm in CONFLICT_NOUNS) \
                    or (self.parties.heads == (m.actor,) and self.lone_party_harmed):
                return None  # "the war in Yemen", "the assault on democracy in Brazil": a place, whatever the cue
        if self.adjectival(m) and doc.tokens[m.j].norm in _RECRUITS:
            return None  # "Syrian fighters": where they come from, not who sent them
        if m.j < len(doc.tokens) and doc.tokens[m.j].cap and doc.tokens[m.j].norm in _GEOGRAPHY:
            return None  # "the Taiwan Strait", "the Korean Peninsula": a place
        if m.j < len(doc.tokens) and not m.poss and doc.tokens[m.j].norm in _DOCUMENTS:
            return None  # "a U.N. resolution", "the UN Charter": a text, not whom the cue aims at
        if _PEACE_IN.search(self.low, max(0, m.start - 30), m.start):
            return None  # "would not bring peace to Libya": where peace is wanted, not whom it is asked of
        f = doc.fold(m.actor)
        if f is None or f == folded:
            return None
        if doc.kind(f) == "person":
            return None
        return f

    def targets(self, st: Sent, cue: Cue, cs, ce, ca, cb, speaker: Speaker, folded: str,
                own: int | None, content_start: int, complement_subject: Speaker | None):
        """(targets, all_parties, explicit) or "reciprocal" or None."""
        doc = self.doc
        P = self.parties
        if cue.target == "reciprocal":
            return "reciprocal" if speaker.joint else None
        if cue.target == "victim":  # condolences: to whom they go, else to those the war's one agent struck
            named = [f for m in self.mentions_in(ce, cb) for f in [self.eligible(m, speaker, folded)] if f]
            if named:
                return (named[0],), False, True
            agent = act_agent(self.agents, "attack")
            struck = tuple(h for h in P.heads if h != agent and h != folded and P.camp_of(h) != P.camp_of(agent))
            return (struck, False, False) if agent is not None and struck else None
        in_sent = self.mentions_in(ca, cb)
        if cue.target == "subject":  # "Turkey must withdraw its troops": the one the demand is of
            before = [m for m in in_sent if content_start <= m.start and m.end <= cs]
            head = _SUBJECT_HEAD.match(self.low, before[-1].end).end() if before else 0
            if before and _SUBJECT_OF.fullmatch(self.low, head, cs):
                f = self.eligible(before[-1], speaker, folded)
                if f:
                    return (f,), False, True
            # "the offensive must stop": whoever the article says carries it out
            agent = self.agent_before(content_start, cs, folded)
            if agent is None and _JUNTA.search(self.low, content_start, cs):
                agent = self.agents.get("coup")  # "the military must release ...": the junta of the coup
                agent = agent if agent != folded else None
            if agent is None and _RESPONSIBLE.search(self.low, content_start, cs):
                agent = self.story_doer()  # "those responsible must be held to account"
                agent = agent if agent != folded else None
            if agent is None and before and before[-1].poss \
                    and _ACT_NOUN.fullmatch(self.low[before[-1].end:cs].strip()):
                agent = self.eligible(before[-1], speaker, folded)  # "Turkey's offensive put civilians at risk"
            return ((agent,), False, False) if agent is not None else None
        # the subject of a reported or passive stance, as the targets it may name
        subjects = tuple(f for f in (doc.fold(a) or a for a in complement_subject.actors) if f != folded) \
            if complement_subject is not None else ()
        if subjects and speaker.start >= ce and cue.stance in _AGAINST + ("praise", "support"):
            # "Ethiopia was condemned by Kenya (and praised by Eritrea)", "the offensive drew
            # criticism from Kenya": the one who speaks comes after the cue, the subject is the target
            return subjects, False, True
        if cue.stance == "accuse" and _SUBJECT_RESPONSIBLE.match(self.low, cs):
            # "said (that) Russia bears responsibility for what happened in Poland": its subject
            if subjects:
                return subjects, False, True
            # the names that end right before the cue, or before one noun: "the X and Y enemy bears"
            chain = self.mentions_in(ca, cs)
            tail = self.low[chain[-1].end:cs].split() if chain else []
            if chain and (not tail or (len(tail) == 1 and tail[0].isalpha() and not chain[-1].poss)):
                found = [chain[-1]]
                for m in reversed(chain[:-1]):
                    if not _LIST_GLUE.fullmatch(self.doc.body[m.end:found[0].start]):
                        break
                    found.insert(0, m)
                fs = tuple(dict.fromkeys(f for m in found for f in [self.eligible(m, speaker, folded)] if f))
                if fs:
                    return fs, False, True
        rel = _RELATIVE.search(doc.body[ce:cb])
        if rel and rel.group() == "that" and not doc.body[ce:ce + rel.start()].strip():
            rel = _RELATIVE.search(doc.body[ce:cb], rel.end())  # "warned that ...": what was said
        after_end = ce + rel.start() if rel else cb
        # "rejected the claims and said X had attacked": X is in what was said, not what was rejected
        said = self.lex.and_speech.search(self.low, ce, after_end)
        if said:
            after_end = said.start()
        second = _AND_PASSIVE.search(self.low, ce, after_end)  # "... by Kenya and praised by Eritrea"
        if second:
            after_end = second.start()
        # "condemns the attacks and stands with Israel": Israel is the next cue's, not this one's
        claimed = [e for other, c, e in self.cue_hits.get(st.sent.index, ())
                   if ce < c and " and " in doc.body[ce:c] and not self.embedded(other, ca, c)] \
            if cue.target != "parties" else []
        if cue.stance == "accuse":  # "accused Western countries of arming Ukraine": Ukraine is armed
            act = _ACCUSED_OF.search(self.low, ce, after_end)
            if act:
                after_end = act.start()
        places = cue.target == "parties"
        after = [(m, f) for m in in_sent if cs <= m.start < after_end
                 and not (cue.stance in ("support", "praise") and _AGAINST_BEFORE.search(self.low, ce, m.start))
                 and not any(e <= m.start and _LIST_GLUE.fullmatch(doc.body[e:m.start]) for e in claimed)
                 for f in [self.eligible(m, speaker, folded, places, ce)] if f]
        if cue.kind == "harm":
            if _EACH_OTHER.match(self.low, ce):
                return None  # "had shot down each other's warplanes": no one side's act
            if _OWN_ACT.search(self.low, max(ca, cs - 40), cs) and not _SUFFERED.match(self.low, cs):
                return None  # "India said it had shot down a Pakistani jet": its own act, no accusation
            if folded in self.named_doers(ca, cs):
                return None  # "officials said the U.S. and British attacks were launched": its own act
            if _REPELLED.search(self.low, max(ca, cs - 40), cs):
                return None  # "vowed to repel the attack": the speaker's defence, not an accusation
            if _CLAIMED_FOR.search(self.low, max(ca, cs - 40), cs):
                return None  # "claimed responsibility for the attack": its own act
            k = self.tok_at(ce)
            agent = None
            near = [m for m in doc.mentions[bisect.bisect_left(self.mention_tokens, k):
                                            bisect.bisect_right(self.mention_tokens, k + 4)]
                    if m.start < cb]
            if near and (doc.tokens[near[0].i - 1].norm == "by" or (
                    doc.tokens[near[0].i - 1].norm == "from" and doc.tokens[near[0].i - 2].norm in _FIRE)):
                agent = near[0]  # "killed by X", "killed by fire from X territory"
            passive = _PASSIVE.search(doc.body[max(ca, cs - 30):cs])
            if agent is None and not passive:
                before = [m for m in in_sent if content_start <= m.start < cs and m.end <= cs]
                before = [m for m in before if not (speaker.start <= m.start < speaker.end)
                          and not (m.actor in speaker.actors and doc.fold(m.actor) != folded)]
                # (a co-speaker, as in a label "X and Y's Stance:", did not do the act)
                if before and self.low[cs:ce] == "mercenaries" and not doc.body[before[-1].end:cs].strip():
                    before.pop()  # "Syrian mercenaries": where they come from, not who sent them
                if before and not _UNDERGOES.match(self.low, before[-1].end) and (  # "X suffered an attack"
                        doc.fold(before[-1].actor) == folded or not self.victim(before[-1], content_start)):
                    agent = before[-1]  # (nor "the attack on X, which is a violation of its sovereignty")
            if agent is not None:
                f = doc.fold(agent.actor)
                if f is None or f == folded or (own is not None and P.camp_of(f) == own):
                    return None
                if own is None and P.camp_of(f) is None and doc.kind(f) != "state":
                    return None
                return (f,), False, True
            if own is not None and P.opponents(folded):
                return P.opponents(folded), False, False
            if own is None and self.lone_lead() is not None and _JUDGED_AS.search(self.low, max(ca, cs - 30), cs) \
                    and not any(x.sentence == st.sent.index for x in self.out):
                return P.heads, False, False  # "this is a state-sponsored hijacking", in a story of one doer
            return None
        if cue.target == "parties":
            if cue.stance == "concern":  # "concerned about reports of Turkish involvement"
                doers = list(dict.fromkeys(f for m, f in after if P.camp_of(f) is None and self.doer(m)))
                if len(doers) == 1:
                    return tuple(doers), False, True
                agent = self.agent_of_act(ce, after[0][0].start if after else cb, folded)
                if agent is not None:  # "concerns about the offensive": whoever the article says wages it
                    return (agent,), False, False
            # "an immediate halt to military operations against the capital of X": the call is on
            # whoever wages them, not on the one they are waged against
            if after and cue.stance == "call_for_ceasefire" and _ACT_NOUN.search(self.low, cs, ce) \
                    and _AT_VICTIM.fullmatch(self.low, ce, after[0][0].start):
                found = self.agent_of_harm(after, folded)
                if found is not None:
                    return found
            # a call aimed at named actors goes to them, parties or not ("urged Ankara to ..."); when
            # it asks outsiders to help ("urged Russia and France to intervene"), it takes no side
            addressed, end = self.addressees(cs, cb, speaker, folded)
            if addressed and _TO_HELP.match(self.low, end) and all(P.camp_of(f) is None for f in addressed):
                return None
            if addressed and not addresses_all_parties(doc.body[ca:cb]):
                camps = {P.camp_of(f) for f in addressed}
                return addressed, len(P.camps) > 1 and camps >= set(range(len(P.camps))), True
            named = [f for m, f in after if P.camp_of(f) is not None]
            pair = self.pair(after)
            if pair and {P.camp_of(f) for f in named} != set(range(len(P.camps))) \
                    and not addresses_all_parties(doc.body[ca:cb]):
                # "host the foreign ministers of Armenia and Azerbaijan": the two named are the
                # sides meant, even where the parties were inferred otherwise
                camps = {P.camp_of(f) for f in pair}
                return pair, len(P.camps) > 1 and camps >= set(range(len(P.camps))), True
            if named and not addresses_all_parties(doc.body[ca:cb]):
                camps = {P.camp_of(f) for f in named}
                return tuple(named), len(camps) == len(P.camps) and len(P.camps) > 1, True
            if cue.stance == "concern" and own is None and self.lone_party_harmed:
                return None  # concern about what was done to the one party is not concern about it
            return self.fallback(own, folded)
        # "after"
        if after and cue.stance in _AGAINST and self.victim(after[0][0], cs):
            named = self.compound_agents(ce, cb, folded)  # "the US-British strikes on Yemen"
            if named:
                return named, False, True
            found = self.agent_of_harm(after, folded)
            if found is None:  # "called the strike an act of aggression against Iraq": the striker
                agent = self.agent_of_act(ce, cb, folded) or self.act_in_cue(cs, ce, folded) \
                    or self.agent_of_subject(content_start, cs, folded) \
                    or (self.story_doer() if after[0][0].poss else None)  # "condemned X's assassination"
                found = ((agent,), False, False) if agent is not None else None
            return found
        if after and cue.stance in ("support", "praise"):  # "defended the operation in a call with Putin"
            agent = self.agent_of_act(ce, after[0][0].start, folded)
            if agent is not None:
                return (agent,), False, False
        if after:
            first, f0 = after[0]
            out = [f0]
            last = first
            for m, f in after[1:]:
                between = doc.body[last.end:m.start]
                if _LIST_GLUE.fullmatch(between):
                    out.append(f)
                    last = m
                else:
                    break
            return tuple(out), False, True
        if own is None and self.parties.heads and _BOTH_SIDES_AFTER.match(self.low, ce, cb):
            return self.parties.heads, True, True  # "warned both sides that ...": every party, named
        if subjects:
            if (cue.stance in ("oppose", "support", "praise", "mediate") or _JUDGING.match(self.low, cs)) \
                    and _SUBJECT_OF.fullmatch(self.low, complement_subject.end, cs):
                # "X said ECOWAS would not accept ...", "X said Y described the strikes as ...":
                # the subject's stance, reported; no target
                return None
            return subjects, False, True
        # between the verb and the cue: "promised Baku its full support"
        win_start = max(speaker.end if speaker.end <= cs else ca, ca)
        seg = doc.body[win_start:cs]
        cut = max(seg.rfind(","), seg.rfind(" and "))
        if cut >= 0:
            win_start += cut + 1
        before = [m for m in in_sent if win_start <= m.start and m.end <= cs]
        for m in reversed(before):
            if cue.stance == "oppose" and _SUBJECT_OF.fullmatch(self.low, m.end, cs):
                break  # "Pakistan will never accept ...": who rejects is no target
            if self.low[m.end:cs].strip() == "in" and _JOINED.search(self.low, max(ca, m.start - 20), m.start):
                continue  # "Kenya joined Uganda in condemning": Uganda condemns too, it is no target
            if cue.stance in _AGAINST and self.victim(m, win_start):
                continue  # "Russia's aggression against Ukraine must be condemned": Russia's, not Ukraine
            f = self.eligible(m, speaker, folded)
            if f:
                return (f,), False, True
        named = self.compound_agents(ce, cb, folded) if cue.stance in _AGAINST else ()
        if named:  # "condemned the US-British strikes"
            return named, False, True
        # "condemns the attacks": whoever the article says carried them out
        # "praised the attack": who carried it out is praised
        agent = self.agent_of_act(ce, cb, folded) if cue.stance in _AGAINST + ("praise", "support") else None
        if agent is None and cue.stance in _AGAINST:
            agent = self.act_in_cue(cs, ce, folded)
        if agent is None and (cue.stance in ("condemn", "oppose")  # "the attack was unprovoked"
                              or (speaker.start >= ce and cue.stance in ("praise", "support"))):
            agent = self.agent_of_subject(content_start, cs, folded)  # "the offensive was praised by"
        if agent is None and cue.stance in _AGAINST and (_THE_EVENT.match(self.low, cs, ce)
                                                          or _EVENT_AFTER.match(self.low, ce)):
            agent = self.story_doer()  # "called it an act of state terrorism", "condemned it"
        if agent is not None and agent != folded:
            return (agent,), False, False
        if own is not None and cue.stance == "warn" and P.opponents(folded) \
                and _REPLY.search(self.low, ce, cb):  # a party's "befitting reply if provoked"
            return P.opponents(folded), False, False
        if own is not None and cue.stance == "oppose" and not P.opponents(folded) \
                and _CLAIMS_AFTER.match(self.low, ce, cb):  # "rejected the accusations": of whoever made them
            accusers = tuple(dict.fromkeys(
                a for x in self.out if x.stance in ("accuse", "condemn", "oppose")
                and folded in x.targets
                for a in [x.on_behalf_of or doc.fold(x.speaker) or x.speaker] if a != folded))
            if accusers:
                return accusers, False, False
        if own is not None and cue.stance in _AGAINST and P.opponents(folded) and (
                _ACT_AFTER.match(self.low, ce, cb) or self.act_named_in_cue(cs, ce)
                or (cue.stance == "oppose" and _CLAIMS_AFTER.match(self.low, ce, cb))):
            return P.opponents(folded), False, False  # a party against "the occupation of our lands", "the claims"
        if cue.explicit:
            return None
        # a third party's condemnation or warning that names no one is aimed at no one known
        # (a warning of war, which a third party voices as concern, is about every party)
        aimed = cue.stance in ("condemn", "oppose") or (cue.stance == "warn" and not cue.third_party)
        if aimed and own is None and len(P.camps) > 1 and not _GENERIC.search(doc.body[ce:min(cb, ce + 45)]):
            return None
        if aimed and own is None and _ACT_AFTER.match(self.low, ce, cb):
            return None  # "condemned the attack" nobody is said to have done: not its victim
        if (aimed or cue.stance == "concern") and own is None and self.lone_party_harmed:
            return None  # the one party is only ever the one harmed ("the attacks on Brazil's Congress")
        return self.fallback(own, folded)

    def act_named_in_cue(self, cs: int, ce: int) -> bool:
        """Whether the cue names an act right after its verb ("called the shelling of Ganja a war crime")."""
        space = self.low.find(" ", cs, ce)
        return space >= 0 and _ACT_AFTER.match(self.low, space, ce) is not None

    def act_in_cue(self, cs: int, ce: int, folded: str) -> str | None:
        """The agent of an act named inside the cue, right after its verb ("described the
        offensive as illegal", "called the operation a flagrant attack on Syria") or opening it
        ("the attack was reckless")."""
        opening = _ACT_NOUN.match(self.low, cs, ce)  # "attacks were reckless": the cue opens with it
        if opening is not None:
            return self._agent_of(opening, folded)
        if " " not in self.low[cs:ce]:
            return None
        return self._agent_of(_ACT_AFTER.match(self.low, self.low.index(" ", cs), ce), folded)

    def lone_lead(self) -> str | None:
        """The party the article opens with as a doer, when it is the one side the frame has: a
        story of one doer (a forced landing, a poisoning), or None."""
        P = self.parties
        return P.lead if len(P.camps) == 1 and P.heads[0] == P.lead else None

    def story_doer(self) -> str | None:
        """Who did the story's event: the one agent of every act of war it reports, else the doer
        of a story of one doer (:meth:`lone_lead`), or None."""
        return act_agent(self.agents, "attack") or self.lone_lead()

    def owner_before(self, a: int, b: int) -> str | None:
        """Whose act ends right before ``b`` ("Ethiopia's offensive" + "was condemned"), or None."""
        owner = [m for m in self.mentions_in(a, b) if m.poss and len(self.low[m.end:b].split()) <= 2]
        return owner[-1].actor if owner else None

    def agent_before(self, a: int, b: int, folded: str = "") -> str | None:
        """The agent of the act named right before offset ``b`` ("the offensive" drew ...)."""
        return self._agent_of(_ACT_BEFORE.search(self.low, a, b), folded)

    def listed_from(self, first: Mention, b: int) -> list[Mention]:
        """``first`` and the mentions listed with it before offset ``b``: "Kenya, Uganda and Tanzania"."""
        out = [first]
        for m in self.mentions_in(first.end, b):
            if not _LIST_GLUE.fullmatch(self.doc.body, out[-1].end, m.start):
                break
            out.append(m)
        return out

    def agent_of_subject(self, a: int, cs: int, folded: str) -> str | None:
        """The agent of an act that is the subject of the cue: "the attack was unprovoked",
        "this invasion is unjustified" (the article's account of who did it), or None."""
        return self._agent_of(_ACT_SUBJECT.search(self.low, a, cs), folded)

    def named_doers(self, ca: int, cs: int) -> set[str]:
        """The actors named as adjectives or owners right before an act at ``cs``, a list
        allowed: "the U.S. and British attacks", "Israel's air strikes"."""
        doers, end = set(), cs
        for m in reversed(self.mentions_in(ca, cs)):
            if not _DOERS_GAP.fullmatch(self.low, m.end, end):
                break
            doers.add(self.doc.fold(m.actor) or m.actor)
            end = m.start
        return doers

    def embedded(self, cue: Cue, ca: int, cs: int) -> bool:
        """Whether a cue states what someone else is blamed for, not the speaker's stance.

        "accusing France of supporting the occupation" is no support; "any attack on its
        embassy would ..." reports no attack; "its ability to support X" is a capacity; "a vote
        condemning X" is what the vote says. Accusation cues are kept: "accused Baku of
        shelling" is an accusation either way.
        """
        if cue.stance == "accuse" and cue.kind != "harm":
            return False
        if cue.kind == "harm":
            return bool(self.lex.hypothetical_harm.search(self.low, max(ca, cs - 20), cs))
        tail = self.low[max(ca, cs - 40):cs]
        if self.lex.not_a_stance_before.search(tail):
            return True
        if not any(hint in tail for hint in self.lex.reported_act_hints):
            return False  # the cheap test first: most cues follow no "of", "for" or "with"
        return bool(self.lex.reported_act.search(self.low[max(ca, cs - 90):cs]))

    def agent_of_harm(self, after: list[tuple[Mention, str]], folded: str):
        """The target of a stance on an act done to ``after[0]`` (the victim): its agent, named
        with "by" ("attacks on Israel by Hamas"), else the victim's opponents; None if unknown."""
        victim_mention, victim = after[0]
        for m, f in after[1:]:
            if self.low[max(victim_mention.end, m.start - 4):m.start].strip() == "by" and f != victim:
                return (f,), False, True
        opponents = tuple(f for f in self.parties.opponents(victim) if f != folded)
        return (opponents, False, False) if opponents else None

    # -- the actors of an evaluation -----------------------------------------------------------
    def adjectival(self, m: Mention) -> bool:
        """Whether a mention is a name used as an adjective ("Russian moves", "Israeli civilians")."""
        if m.poss or m.j - m.i != 1 or m.j >= len(self.doc.tokens):
            return False
        a = self.doc.index.actors.get(m.actor)
        nxt = self.doc.tokens[m.j]
        return (a is not None and m.surface != a.name and bool(ADJECTIVAL.search(m.surface))
                and not nxt.cap and nxt.start - m.end <= 1)

    def victim(self, m: Mention, lo: int) -> bool:
        """Whether mention ``m`` is named as the one harmed ("the attack on X", "X's sovereignty").

        ``lo`` is where its clause starts: the words before the mention are read from there. A
        name right after "by" is the doer ("the shelling of the city by X").
        """
        if _BY.search(self.low, max(lo, m.start - 8), m.start):
            return False
        if _FORCES_OF.search(self.low, max(lo, m.start - 8), m.start) and _FORCES.match(self.low, m.end):
            return False  # "the aggression of the Turkish army": the army does it
        if (m.poss or self.adjectival(m)) and self.lex.victim_after.match(self.low, m.end):
            return True
        if m.poss and _DONE_TO.match(self.low, m.end):
            return True  # "condemned Haniyeh's assassination": what was done to him
        before = self.low[max(lo, m.start - 120):m.start]
        return bool(_VICTIM.search(before) or self.lex.victim_before.search(before))

    def doer(self, m: Mention) -> bool:
        """Whether a possessive or adjectival mention names the doer of what follows ("X's moves")."""
        return (m.poss or self.adjectival(m)) and bool(self.lex.act_after.match(self.low, m.end))

    def evaluated(self, a: int, b: int, ev: Evaluation, speaker: Speaker,
                  folded: str) -> tuple[str, tuple[str, ...]] | None:
        """(stance, targets) of the evaluation ``ev`` of body span [a, b) by ``speaker``, or None.

        The evaluated actor must be named in the span. For a negative evaluation: the doer
        ("X's moves", "Xian strikes", "... by X", the clause's subject unless a passive or a
        verb of suffering follows it, "disappointed with X"); never the one named as harmed
        ("a blow to the sovereignty of X", "Xian civilians"), whose opponent is not guessed
        either: the parties of an article are inferred, and an evaluation is weak evidence
        already. For a positive one: whose conduct is praised ("X's restraint": praise), whom
        the evaluative words are about ("friendly relations with X", "thank X"), or the subject
        of a copula ("X is a reliable partner"). Words of feeling or acceptance ("disappointed",
        "will not accept") say how their subject evaluates: with them only the actor they are
        about counts ("disappointed with X"), and nothing when another actor is their subject.
        A subject that judges ("X described ... as") is no doer. Two or more candidates, or
        clearly positive and negative words together, give nothing. With no actor named, a
        negative evaluation of an act the span opens with ("the attack was reckless"), or a
        feeling about an act named right after it ("appalled by the capture of Goma"), is aimed
        at its agent, when the article says who carried it out.
        """
        stance = ev.stance
        if stance is None or ev.mixed:
            return None
        low = self.low
        against = stance not in ("support", "praise")
        about = _ABOUT_AGAINST if against else _ABOUT_FOR
        rated = [a + w.end for w in ev.words if (w.valence < 0) == against]
        attitude = ev.attitude
        doers, conduct = [], False
        subject_end = -1  # where the subject named so far ends: "X and Y were ..." has two
        for m in self.mentions_in(a, b):
            if m.end > b:
                break
            first = _SUBJECT_START.fullmatch(low, a, m.start) or (
                subject_end >= 0 and _LIST_GLUE.fullmatch(low, subject_end, m.start))
            subject = bool(first) and not m.poss and not _JUDGES.match(low, m.end)
            subject_end = m.end if first else -1
            f = self.eligible(m, speaker, folded, places=False)
            if f is None:
                continue
            if attitude and subject:
                return None  # "Xland is disappointed ...": Xland's feeling, not the speaker's
            by = _BY.search(low, max(a, m.start - 8), m.start)
            if against and not by and (self.victim(m, a) or ((subject or m.poss or self.adjectival(m))
                                                             and _UNDERGOES.match(low, m.end))):
                continue  # the one harmed: "the attack on X", "Xian troops were hurt"
            if not attitude and not against and self.doer(m):
                doers.append(f)
                # "X's restraint was exemplary": X's conduct is praised
                conduct = conduct or bool(self.lex.conduct_after.match(low, m.end))
            elif (not attitude and (self.doer(m) or by)) \
                    or any(e <= m.start and about.fullmatch(low, e, m.start) for e in rated) \
                    or (subject and not attitude and (against or _COPULA.match(low, m.end))):
                doers.append(f)
        doers = list(dict.fromkeys(doers))
        if not doers and against and attitude:
            # "appalled by the capture of Goma": a feeling about an act, aimed at whoever did it
            doers = list(dict.fromkeys(x for x in (self.agent_of_act(e, b, folded) for e in rated) if x))
        elif not doers and against:
            # "the attack was reckless": whoever the article says carried it out
            agent = self.agent_of_act(a, b, folded)
            doers = [agent] if agent is not None else []
        if len(doers) != 1:
            return None
        return ("praise" if conduct else stance), (doers[0],)

    def agent_of_act(self, ce: int, cb: int, folded: str) -> str | None:
        """The agent of the act named right after a cue ("condemned the attacks"), from the
        article's account of who did what (:func:`~kg.ingest.article.parties.infer_agents`)."""
        return self._agent_of(_ACT_AFTER.match(self.low, ce, cb), folded)

    def compound_agents(self, ce: int, cb: int, folded: str) -> tuple[str, ...]:
        """The actors of a hyphenated name before the act named right after a cue: "the
        US-British strikes", "a Saudi-Emirati offensive" (no alias names the compound)."""
        m = _ACT_AFTER.match(self.low, ce, cb)
        if m is None:
            return ()
        lookup = Matcher.of(self.doc.index).lookup
        for word in self.doc.body[m.start():m.start("noun")].split():
            parts = word.strip("\"“”").split("-")
            actors = [lookup(p) for p in parts] if len(parts) > 1 else []
            if actors and all(a is not None and a.kind != "person" for a in actors):
                return tuple(dict.fromkeys(f for a in actors for f in [self.doc.fold(a.id) or a.id]
                                           if f != folded))
        return ()

    def _agent_of(self, m: re.Match | None, folded: str) -> str | None:
        """Who did the act a match's ``noun`` group names, unless the speaker (``folded``) did."""
        if m is None:
            return None
        agent = act_agent(self.agents, HARM_NOUNS.get(m.group("noun"), ""))
        if agent is None or agent == folded or self.doc.fold(agent) == folded:
            return None
        return agent

    @cached_property
    def lone_party_harmed(self) -> bool:
        """Whether the article has one party, and names it as the one harmed by an act and never
        as the doer of one: a condemnation or a concern that names no one is then not aimed at it.
        Read once ``parties`` and ``agents`` are known."""
        if len(self.parties.camps) != 1:
            return False
        actor = self.parties.heads[0]
        return actor not in self.agents.values() and any(
            m.actor == actor and self.victim(m, max(0, m.start - 120)) for m in self.doc.mentions)

    def fallback(self, own, folded: str):
        """No target in the sentence: a party's opponents, else every party (flagged as all parties)."""
        if own is not None:
            opp = self.parties.opponents(folded)
            return (opp, False, False) if opp else None
        if self.parties.heads:
            return self.parties.heads, True, False
        return None

    def addressees(self, cs: int, cb: int, speaker: Speaker, folded: str) -> tuple[tuple[str, ...], int]:
        """The actors a call is addressed to ("urged Ankara to", "called on Baku and Yerevan to"),
        and where their names end."""
        m = self.lex.addressee_verbs.match(self.low, cs)
        if m is None:
            return (), cs
        out, pos = [], m.end()
        for men in self.mentions_in(m.end(), cb):
            if men.start != pos and not (out and _LIST_GLUE.fullmatch(self.doc.body[pos:men.start])):
                break
            f = self.eligible(men, speaker, folded)
            if f is None:
                return (), pos
            out.append(f)
            pos = men.end
        return (tuple(out), pos) if out and self.low.startswith(" to ", pos) else ((), pos)

    def pair(self, after: list[tuple[Mention, str]]) -> tuple[str, ...]:
        """The first actors after a cue when they are a list of two or more states ("A and B")."""
        if len(after) < 2:
            return ()
        (m0, f0), (m1, f1) = after[0], after[1]
        if f0 == f1 or " and " not in self.doc.body[m0.end:m1.start] \
                or not _LIST_GLUE.fullmatch(self.doc.body[m0.end:m1.start]) \
                or self.doc.kind(f0) != "state" or self.doc.kind(f1) != "state":
            return ()
        return f0, f1

