"""What kind of event a prediction's verb names, and which completed verbs report that kind of event.

A later article about the same story often reports a *neighbouring* step with a completed verb: shareholders
"approved" a takeover that a claim says will be *completed*; a party "agreed" a programme when the claim is
that it will *form* a government; a trial "opened" when the claim is a conviction; a record-chaser "won" the
race without the record. Read as "it happened", each names the wrong outcome. So each verb belongs to one or
more families of events (meeting, agreement, approval, start, completion, …); a completed verb reports the
claim's event only when their families meet. A verb in no family says nothing either way (the cue is
trusted as before). The families are general English, written from the language, not from any article.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# family: (verbs a prediction uses for the event, the completed forms and idioms that report it)
FAMILIES: dict[str, tuple[str, str]] = {
    "meet": ("hold host meet attend visit travel go sit negotiate talk talks negotiations summit meeting",
             r"held|took place|went ahead|goes ahead|go ahead|met|sat down|hosted|visited|arrived|landed|"
             r"touched down|attended|convened"),
    "agree": ("sign agree reach strike seal conclude finalise finalize clinch ink secure settle deal",
              r"signed|inked|sealed|struck|reached|agreed|finali[sz]ed|concluded|clinched|secured|settled|"
              r"put pen|shook hands|rubber-stamped"),
    "approve": ("approve pass ratify adopt back endorse vote clear authorise authorize grant allow enact "
                "legalise legalize confirm license licence accept",
                r"approv|passed|ratified|adopted|endorsed|rubber-stamped|green light|go-ahead|approval|cleared|"
                r"enacted|granted|became law|authori[sz]|licen[cs]e|permission|confirmed|accepted|backed|voted"),
    "start": ("open reopen launch start begin release debut unveil roll introduce resume restart ship list "
              "inaugurate operate run enter fly lift break produce deploy",
              r"open|launch|began|started|kicked off|inaugurat|went live|rolled out|shipped|shipping|debuted|"
              r"listed|unveiled|released|resumed|restarted|back online|cut the ribbon|under ?way|introduced|"
              r"lifted off|came off the line|left (?:its|the)|deployed|is now (?:open|live|available)|running"),
    "complete": ("complete close finish finalise finalize deliver build merge acquire buy take wrap hand",
                 r"completed|closed|finali[sz]ed|wrapped up|concluded|finished|handed over|took delivery|"
                 r"now (?:fully )?part of|acquired|delivered|built|merged|bought|took over"),
    "rate": ("cut lower raise hike reduce increase keep hold leave",
             r"\bcut|lowered|raised|hiked|reduced|increased|kept|held|left"),
    "win": ("win elect become lead retain defeat beat take capture reclaim keep",
            r"\bwon|elected|sworn in|took office|oath|clinched|\bbeat|defeated|appointed|named|became|"
            r"retained|captured|reclaimed|triumphed|finished first|came first|came top|topped"),
    "govern": ("form govern",
               r"formed|sworn in|took office|oath|appointed|installed|became"),
    "leave": ("resign quit step leave retire sack fire dismiss stand depart",
              r"resigned|quit|stepped down|resignation|sacked|fired|dismissed|left|retired|departed|ousted"),
    "join": ("join sign transfer move",
             r"joined|signed|completed|sealed|agreed|unveiled|arrived"),
    "law": ("be take come apply ban enter",
            r"took effect|came into force|entered into force|went into effect|became law|in force|in effect|binding"),
    "free": ("free release",
             r"freed|released|walked free|set free|pardoned|returned home|stepped off"),
    "court": ("convict charge sentence indict acquit jail extradite arrest try rule find prosecute imprison",
              r"convicted|guilty|sentenced|charged|indicted|extradited|arrested|acquitted|jailed|ruled|"
              r"imprisoned|prosecuted"),
    "grow": ("grow expand rise fall reach exceed return turn top surpass hit drop climb decline recover "
             "double profit",
             r"grew|expanded|growth|black|profit|reached|exceeded|hit|surpassed|topped|rose|fell|climbed|"
             r"dropped|declined|recovered|doubled|met"),
    "record": ("set break",
               r"record|broke|smashed|bettered"),
    "jobs": ("cut shed lay axe eliminate",
             r"\bcut|shed|laid off|axed|eliminated"),
    "stop": ("close shut end halt stop cease phase wind suspend scrap",
             r"closed|shut|ended|ending|halted|ceased|stopped|wound down|phased out|suspended|final|last|cold|"
             r"rolled off"),
    "strike": ("strike walk stop",
               r"walked out|went on strike|downed tools|strike|stopp|stoppage"),
}

# a later step reports the earlier ones too: a truce in force was signed, a completed takeover approved
IMPLIES: dict[str, frozenset[str]] = {
    "law": frozenset({"agree", "approve"}),
    "complete": frozenset({"agree", "approve"}),
    "govern": frozenset({"agree", "win"}),
    "join": frozenset({"leave"}),  # a player who joined a club has left the last one
    "court": frozenset(),
}

# the verb a prediction turns on: "will (not) (be) complete", "is set to open", "plans to sign"
CLAIM_VERB = re.compile(r"(?i)\b(?:will|would|shall|won't|to)\s+(?:not\s+|never\s+|also\s+|finally\s+)?"
                        r"(?:(be|have)\s+)?(?:\w+ly\s+)?([a-z]+)")
LIGHT = frozenset({"make", "take", "have", "get", "give", "do", "carry", "pay", "stage", "conduct"})
FRAME = frozenset({"resume", "hold", "start", "begin", "restart"})  # their noun first, then themselves
IRREGULAR = {"held": "hold", "met": "meet", "won": "win", "began": "begin", "begun": "begin", "went": "go",
             "took": "take", "taken": "take", "broke": "break", "broken": "break", "left": "leave", "quit": "quit",
             "cut": "cut", "set": "set", "shed": "shed", "built": "build", "bought": "buy", "found": "find",
             "sold": "sell", "ran": "run", "flew": "fly", "flown": "fly", "chosen": "choose", "struck": "strike",
             "sworn": "swear", "elected": "elect", "kept": "keep", "led": "lead", "hit": "hit", "made": "make"}


@cache
def stemmer(language: str = "english") -> Any:
    """PyStemmer's Snowball stemmer for a language, made once (the matcher uses the same ones)."""
    import Stemmer

    return Stemmer.Stemmer(language)


@cache
def _verb_families() -> dict[str, frozenset[str]]:
    """Each claim verb (as its Snowball stem) → the families it belongs to."""
    stem = stemmer().stemWord
    found: dict[str, set[str]] = {}
    for family, (verbs, _) in FAMILIES.items():
        for verb in verbs.split():
            found.setdefault(stem(verb), set()).add(family)
    return {verb: frozenset(families) for verb, families in found.items()}


@cache
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    return {family: re.compile(rf"(?i)\b(?:{cues})") for family, (_, cues) in FAMILIES.items()}


def verb_families(verb: str) -> frozenset[str]:
    """The families of one verb as a claim would use it ("complete", "be convicted" → its participle)."""
    word = verb.lower()
    word = IRREGULAR.get(word, word)
    stem = stemmer().stemWord
    found = _verb_families().get(stem(word))
    if found is None and word.endswith("ed"):  # "convicted" → "convict"
        found = _verb_families().get(stem(word[:-2])) or _verb_families().get(stem(word[:-1]))
    return found or frozenset()


@cache
def claim_families(statement: str) -> frozenset[str]:
    """The families of the event a prediction names, from its first verb after "will"/"to"; empty when the
    verb is in none (then nothing is filtered)."""
    for m in CLAIM_VERB.finditer(statement):
        verb = m.group(2).lower()
        if m.group(1) and not (verb.endswith(("ed", "en", "wn")) or verb in IRREGULAR):
            return frozenset()  # "will be back online", "will be in force": no verb to go by
        if verb in LIGHT or verb in FRAME:  # "make its first launch", "resume talks": the noun names the event
            noun = re.match(r"\s*(?:(?:a|an|the|its|his|her|their|first|new|final|formal|official|maiden|"
                            r"long-awaited|historic|state|direct|peace|\w+'s)\s+){0,3}([a-z]+)", statement[m.end():],
                            re.I)
            found = verb_families(noun.group(1)) if noun else frozenset()
            return found or (frozenset() if verb in LIGHT else verb_families(verb))
        found = verb_families(verb)
        if found or verb not in ("be", "have", "not", "never"):
            return found
    return frozenset()


def cue_families(cue: str) -> frozenset[str]:
    """The families a completed verb or idiom ("was approved", "took effect", "finished first") reports,
    with the earlier steps a later one implies."""
    found = {family for family, pattern in _cue_patterns().items() if pattern.search(cue)}
    return frozenset(found.union(*(IMPLIES.get(family, ()) for family in found)))


def reports(statement: str, cue: str) -> bool:
    """Whether a completed verb can report the prediction's event: yes unless both are known and their
    families do not meet ("approved" cannot complete a takeover; "won" does not set a record)."""
    claim, found = claim_families(statement), cue_families(cue)
    return not claim or not found or bool(claim & found)


# what a completed verb may act on that is only a step on the way to an event: "began the final phase of
# trials" (before a line opens), "turned down an opening bid" (before a player signs)
STEP = re.compile(r"(?i)^\W*(?:[\w.-]+\W+){0,3}?(tests?|testing|trials?|phases?|preparations?|groundwork|talks|"
                  r"negotiations?|consultations?|bids?|offers?|proposals?|approach|counter-?offers?|drafts?|"
                  r"framework|blueprint|programme|program|hearings?|first round)\b")


def a_step(statement: str, after: str) -> bool:
    """Whether the words after a cue make it act on a step on the way ("an opening bid", "the final phase
    of trials") that the prediction itself does not name."""
    m = STEP.search(after)
    if not m:
        return False
    stem = stemmer().stemWord
    return stem(m.group(1).lower().split()[0]) not in {stem(w) for w in re.findall(r"[a-z]+", statement.lower())}
