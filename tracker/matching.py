"""Which open predictions a later article may settle, with the quote that suggests it and, when the quote
says so, the outcome ("fulfilled" / "not_fulfilled").

Retrieval is BM25 (`bm25s` with the Snowball stemmer from PyStemmer): the claims are the corpus — so a
word common to many of the chat's predictions ("summit") counts for little — and every sentence of the
article (the headline too) is a query; each claim keeps its best sentence. The claim-matching literature
(CheckThat! lab; Shaar et al. 2020) finds BM25 a strong baseline within one language. The candidates are
then re-ranked by a small logistic model over what the domain knows: how much of the claim's own content
the sentence, its neighbours and the article cover, the speaker (or an alias or surname) named, shared names
and numbers, a settling cue nearby ("was held", "called off", "put on hold"…: the settling article usually
says *what became of* the event, often in other words than the claim's) or in the headline, whether the
sentence still looks forward ("are due to sign", "talks", "could") — the mark of a related article rather
than a settling one — and how much of the claim's time has passed. The weights are fitted on the evaluation
set's dev split (`tests/eval/match_fit.py`), not set by hand. The outcome comes from figures against the
claim's target ("3.4%" against "below 3%"), a contest's result ("Vestra beat FC Lindholm" against "Lindholm
will win"), then the cue phrases — a completed verb only when it can report the claim's kind of event
(`tracker/predicates.py`: shareholders "approved" a takeover the claim says will be *completed*) and does
not act on a step on the way ("began the final phase of trials", "turned down an opening bid").

`Matcher` is the interface the bot and `calledit match` share; a better model can replace `Bm25Matcher`."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Protocol

from tracker import slavic_cues as slavic
from tracker.extraction.sentences import split_sentences
from tracker.predicates import a_step, reports
from tracker.predicates import stemmer as _stemmer

GRACE = timedelta(days=30)  # an article may settle what fell due up to 30 days before it
THRESHOLD = 0.3  # the re-ranker's probability that the article settles the claim, chosen by cross-validation
RUNNER_UP = 0.05  # a suggestion must also be within this of the article's best match: one article seldom
                   # settles several predictions, and the runner-up is usually a related one
# A logistic re-ranker over `Bm25Matcher.features`, fitted on the evaluation set's five dev files (235
# articles, 1,018 pairs, five writers) by `python -m tests.eval.match_fit --threshold 0.3` (L2 1.0). Leaving one
# article out at a time, at this threshold: precision 0.886, recall 0.895, outcome right 0.959.
WEIGHTS: dict[str, float] = {
    "cover_best": 0.487, "cover_window": 0.730, "cover_article": 1.093, "speaker": 1.487, "names": 0.810,
    "not_happened": 0.053, "not_yet": 0.504, "happened": 0.545, "past_deadline": -0.070, "elapsed": 5.836,
    "outcome": 1.290, "bm25_share": 1.303, "event": 0.174, "unsettled": -1.910, "names_best": 0.617, "title": 0.607,
}
BIAS = -9.086
STOP_WORDS = (  # words too common to tell claims apart
    "a an the and or but of to in on at by for with from as is are was were be been being will would could should "
    "may might can shall has have had do does did not no nor that this these those it its their his her they them "
    "he she we you i our your than then so such into over under about after before within during between up down "
    "out off said says say told tell also just more most very there here what which who whom whose when where why "
    "how all any both each few other some own same only new next last year years month months week weeks day days "
    "time end one two three first second mr ms mrs "
)
STOP = frozenset(STOP_WORDS.split()) | slavic.STOP


def _stopwords(texts: list[str]) -> str | list[str]:
    """BM25's stop words: bm25s's English list, with the Russian and Ukrainian ones when the texts have Cyrillic
    (bm25s builds a set of a list once a text: the short English list costs least)."""
    return "en" if not any(IS_CYRILLIC.search(t) for t in texts) else _slavic_stopwords()


@cache
def _slavic_stopwords() -> list[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return sorted(set(STOPWORDS_EN) | slavic.STOP)

# Cues that a sentence reports what became of an event (looked for near the best sentence).
NOT_HAPPENED = re.compile(  # definitive: whenever the article comes, the event will not happen as said
    r"(?i)\b(?:call(?:ed|s|ing)? off|cancel(?:l?ed|s|ling)?|scrap(?:ped|s|ping)?|shel(?:ved|ving)|"
    r"(?<!the )(?<!on )(?<!store )shelves|"  # not "on the shelves"
    r"no plans?|not (?:go ahead|take place|happen|be held|proceed)|won't|will not|would not|"
    r"rul(?:ed|es|ing) out|reject(?:ed|s|ing)|vot(?:ed|es|ing) (?:it |the \w+ )?down|voted against|block(?:ed|s|ing)|"
    r"fail(?:ed|s|ing)? to|collaps(?:ed|es|ing)|abandon(?:ed|s|ing)|withdr(?:ew|awn|aws)|pull(?:ed|s|ing)? out|"
    r"fell through|broke down|dropp(?:ed|ing)|refus(?:ed|es|ing)(?! to)|derail(?:ed|s)|"
    r"(?:declin(?:ed|es)|refus(?:ed|es|ing)) to (?!(?:comment|say|discuss|elaborate|repeat|confirm|specify|"
    r"disclose|answer|respond|reply|give|name|speculate|be drawn)\b)|"  # declining to comment is no outcome
    r"(?:ended|left|closed|broke up|came away|adjourned|finished|wrapped up)(?: \w+){0,5} without|"
    r"averted|back(?:ed|s)? (?:away|down)|walk(?:ed|s)? away|u-turn|revers(?:ed|es)|veto(?:ed|es)?|struck down|"
    r"strikes? down|overturn(?:ed|s)|crash(?:ed|es)|lost (?:to|the)|"
    r"had (?:wanted|hoped|planned|aimed|intended|promised|been due|been expected)|(?:was|were) (?:supposed|meant) to|"
    r"(?:was|were) to have|indefinitely|conceded|"
    # general English for "it did not happen", written from the language rather than from the evaluation set
    r"ditch(?:ed|es)|nix(?:ed|es)|torpedo(?:ed|es)|mothball(?:ed|s)|laps(?:ed|es)|came and went|came to nothing|"
    r"(?:did not|didn't|never|failed to) materiali[sz]e|fizzl(?:ed|es) out|thr(?:ew|own) out|turn(?:ed|s)? down|"
    r"unravel(?:l)?ed|pull(?:ed|s)? the plug|off the table|fell (?:well |far |just |slightly )?short|"
    r"short of (?:the |its |their |a |an )?(?:[\w-]+ ){0,2}(?:target|goal|forecast|expectations?|estimates?|"
    r"projections?|mark|threshold|bar|promise)|(?:less|worse|weaker|smaller|lower) than (?:hoped|promised|"
    r"targeted)|missed (?:its|the|their) (?:\w+ )?(?:goal|target|endpoint|deadline)|"
    r"says? no to|said no to|negative (?:opinion|recommendation|verdict)|(?:pushed|moved|shifted|slipped|"
    r"postponed|delayed|deferred) (?:back )?(?:to|until|into|till) (?:late |early |mid-?)?(?:19|20)\d\d|"
    r"(?:stays?|remains?|staying|remaining) in (?:place|force|effect) (?:until|till|through|into) "
    r"(?:late |early |mid-?)?(?:\w+ )?(?:19|20)\d\d|"
    r"(?:did not|didn't|has not|hasn't|have not|haven't|was not|wasn't|were not|weren't) (?!(?:immediately |yet )?"
    r"(?:respond|comment|say|elaborate|reply|return|answer|disclose|specify|give|provide|confirm|know|expect)\b)"
    r"(?:been |yet )?\w+(?:ed|en|ne|t)\b)\b")
NOT_YET = re.compile(  # soft: it has not happened yet — settling only near or past the deadline
    r"(?i)\b(?:put on (?:hold|ice)|on hold|postpon(?:ed|es|ing)|delay(?:ed|s|ing)|push(?:ed|es)? back|"
    r"slipp?(?:ed|s)? (?:to|into|again)|no date|"
    r"(?:pushed|moved|shifted|slipped)(?: it| them)? (?:back )?(?:to|until|into|till) (?:late |early |mid-?)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"suspend(?:ed|s|ing)|halt(?:ed|s|ing)|miss(?:ed|es)|"
    r"no longer (?:expected|planned|scheduled|due|likely|on track|on the (?:table|agenda))|"
    r"stall(?:ed|s)|(?:kept|held|left|keeps|holds|leaves) (?:its |the |their )?(?:\w+ ){0,2}rates? (?:at|unchanged|"
    r"on hold|steady)|(?:kept|left|keeps|leaves|leaving) (?:its |the |their )?(?:[\w-]+ ){0,3}(?:unchanged|untouched|"
    r"as (?:it was|they were))|defer(?:red|s|ring)|yet to|still (?:waiting|no)|"
    r"remains? (?:closed|shut|in (?:custody|place)))\b")
SECOND = 0.6  # a second sentence speaks for the claim if it scores this share of the best one
SOFT_DAYS = timedelta(days=21)  # a delay settles a claim only this close to its deadline (or after it)
FUTURE = re.compile(r"(?i)\b(?:will|would|could|may|might|to|shall|expected|set|plans?|hopes?|unless|if|see|sees|"
                    r"expects?|forecasts?|predicts?|projects?|estimates?)\b"
                    r"(?:\s+\w+){0,2}\s*$")
HAPPENED = re.compile(
    r"(?i)\b(?:(?:was|were|has been|have been|had been|is|are) (?:now )?(?:held|signed|opened|approved|passed|"
    r"completed|launched|elected|appointed|finali[sz]ed|sealed|unveiled|released|confirmed|delivered|cut|lowered|"
    r"raised|hiked|reached|won|sold|acquired|closed|adopted|ratified|enacted|reopened|started|disconnected|"
    r"extradited|sworn in|granted|cleared|approved|fully part)|took place|went ahead|met (?:in|on|at|for|with)|"
    r"sat down|signed|opened|inaugurat(?:ed|es)|completed|finali[sz]ed|sealed|launched|unveiled|approved|passed|"
    r"ratified|won|clinched|secured|reached (?:a|an|the)|struck (?:a|an) |cut (?:its|rates|interest|the)|"
    r"raised (?:its|rates|interest|the)|lowered|hiked|began|started|kicked off|came into force|took effect|"
    r"took office|sworn in|resigned|quit|stepped down|handed (?:in )?(?:his|her) resignation|goes? ahead|went live|"
    r"rolled out|shipped|shipping|listed|debuted|landed|touched down|lifted off|arrived|hosted|joined|agreed(?! to)|"
    r"green light|go-ahead|gave (?:its )?approval|returned to growth|expanded|grew|resumed|back online|"
    r"restarted|reopened|came off the line|rolled off the (?:assembly |production )?line|"
    r"left (?:its|the) (?:factory|facility|plant)|now (?:fully )?part of|"
    r"is now (?:open|live|available|complete)|beat|defeated|shed|laid off|axed|announced|"
    # general English for "it happened"
    r"became (?:law|official|operational)|takes? (?:the )?oath|back in the black|return(?:ed|s) to profit|"
    r"posted (?:a |net )?(?:profit|net income)|it'?s official|officially (?:opened|launched|signed|joined)|"
    r"granted (?:\w+ )?(?:approval|authori[sz]ation|permission|licen[cs]e)|"
    r"took the oath|cut the ribbon|inked|rubber-stamped|endorsed|"
    r"(?:got|is|was) under ?way|wrapped up|concluded|finished|handed over|completed the|took delivery|"
    r"(?:hit|met|exceeded|surpassed) (?:its|the|their) (?:target|goal)|entered into force|went into effect|"
    r"(?:was|were) (?:finally )?(?:built|founded|formed|created|struck|inked|enacted|implemented|introduced)|"
    r"walked out|went on strike|downed tools|(?<![-\w])backed(?! by| away| down)|voted (?:in favou?r|for|to approve)|"
    r"(?:was|were|been) (?:formally )?(?:indicted|charged|convicted|sentenced|jailed|found guilty)|indicted|"
    r"(?:was|were) (?:freed|released from)|(?:has|have) been (?:in force|binding|in effect|in operation|"
    r"operational|in service)|back (?:on the grid|in operation|in service|on the market)|"
    r"ending \d+ years)\b")
UNSETTLED = re.compile(  # the sentence still looks forward: a plan, a hope, talks, a condition, a schedule
    r"(?i)\b(?:will|would|could|might|may|shall|expects?|expected|due to|set to|plans?|planned|planning|aims?|"
    r"hopes?|hoped|intends?|talks|negotiat\w+|consider\w*|whether|if|unless|possib\w+|likely|pending|close to|"
    r"advanced|prepar\w+|propos\w+|repeat\w*|reiterat\w+|promis\w+|pledg\w+|vow\w*|forecasts?|"
    r"predict\w*|foresee\w*|projected|projections?|still|remains? (?:open|unclear|uncertain)|yet to be|on track|"
    r"ahead of)\b")
HASHTAGS = re.compile(r"(?:[#@][\w-]+[\s,.|·]*)+")
NEGATED_CLAIM = re.compile(r"(?i)\b(?:not|no|never|won't|will not|without)\b")
EVENT_WORDS = (  # what predictions are about
    "summit meeting talks deal agreement treaty ceasefire truce vote election referendum budget bill law launch "
    "release merger takeover acquisition ipo listing plant factory strike tariff tariffs rate rates sanctions visit "
    "trip match final transfer tournament resignation trial verdict ruling mission flight deployment withdrawal "
    "reopening opening contract "
)
EVENT_NOUNS = frozenset(EVENT_WORDS.split())


@dataclass(frozen=True)
class OpenClaim:
    """A prediction as the matcher sees it."""

    id: int
    speaker: str | None
    statement: str
    made_at: date
    deadline: date
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class LaterArticle:
    text: str
    published: date
    title: str | None = None


@dataclass(frozen=True)
class Match:
    claim_id: int
    score: float
    outcome: str | None  # "fulfilled", "not_fulfilled", or None: related, the person decides
    quote: str


class Matcher(Protocol):
    threshold: float

    def match(self, claims: Sequence[OpenClaim], article: LaterArticle, window: bool = True,
              floor: float | None = None) -> list[Match]:
        """Matches scoring at least `floor` (default: the threshold), best first; with `window`, only claims
        made before the article and due no later than 30 days after it."""
        ...


CYRILLIC = "А-Яа-яЁёІіЇїЄєҐґ"
WORD = re.compile(rf"[A-Za-z{CYRILLIC}][A-Za-z{CYRILLIC}'’-]*[A-Za-z{CYRILLIC}]|\d+(?:[.,]\d+)?%?")
IS_CYRILLIC = re.compile(f"[{CYRILLIC}]")


def _stem_words(words: list[str]) -> list[str]:
    """Snowball stems: English for Latin words, Russian for Cyrillic ones (it reads Ukrainian endings well
    enough to match «Зеленського» with «Зеленський»; Snowball has no Ukrainian)."""
    if not IS_CYRILLIC.search(" ".join(words)):
        return list(_stemmer().stemWords(words))
    english, russian = _stemmer(), _stemmer("russian")
    return [russian.stemWord(w) if IS_CYRILLIC.search(w) else english.stemWord(w) for w in words]


def stems(text: str) -> list[str]:
    words = [w.lower().replace("’", "'") for w in WORD.findall(text)]
    words = [w.removesuffix("'s") for w in words if w not in STOP and len(w) > 1]
    return _stem_words(words)


def _name_key(word: str) -> str:
    """A lower-cased name as it is compared: itself, or a Cyrillic one by its stem, in any case («путина» and
    «путин» are one name)."""
    return _stemmer("russian").stemWord(word) if IS_CYRILLIC.search(word) else word


NAME = re.compile(rf"(?<![.!?]\s)(?<!^)\b([A-ZА-ЯЁІЇЄҐ][a-zA-Z'’{CYRILLIC}-]{{2,}}|\d+(?:[.,]\d+)?%?)")


def _names(text: str) -> set[str]:
    """Capitalised words not at a sentence start and numbers: the names and figures a claim turns on (a
    Cyrillic name as its stem: «Путина» and «Путин» are one name)."""
    found = set()
    for m in NAME.finditer(text):
        word = m.group(1).lower()
        if word not in STOP:
            found.add(_name_key(word))
    return found


def _speaker_keys(claim: OpenClaim) -> set[str]:
    keys = set()
    for name in (claim.speaker, *claim.aliases):
        if not name:
            continue
        parts = [p for p in re.split(r"[\s.]+", name.lower()) if len(p) > 2]
        if parts:  # the surname is how articles refer back
            keys.add(_name_key(parts[-1]))
    return keys


def _named(key: str, lower: str) -> bool:
    """Whether an article (lower-cased) names a speaker key: the word itself, or a Cyrillic stem with any
    ending («зеленськ» in «Зеленського»)."""
    ending = r"\w*" if IS_CYRILLIC.search(key) else ""
    return re.search(rf"\b{re.escape(key)}{ending}\b", lower) is not None


@dataclass
class _Candidate:
    claim: OpenClaim
    bm25: float = 0.0
    best: int = 0  # index of the best sentence
    sentences: dict[int, float] = field(default_factory=dict)  # sentence → its BM25 score for this claim


def in_window(claim: OpenClaim, published: date) -> bool:
    """Made before the article, and the article no more than 30 days past the deadline (the grace news
    takes to report what happened). An early report settles too: a plant may open before its deadline."""
    return claim.made_at <= published <= claim.deadline + GRACE


@dataclass(frozen=True)
class _Cues:
    done: tuple[re.Match[str], ...]  # completed verbs, neither negated nor in the future or a condition
    against: tuple[re.Match[str], ...]  # "called off", "rejected"…
    soft: re.Match[str] | None  # "put on hold", "delayed"…


@lru_cache(maxsize=4096)
def _cues(window: str) -> _Cues:
    """A sentence's cue phrases, read once: the same sentence is weighed against many claims."""
    if IS_CYRILLIC.search(window):  # Russian or Ukrainian
        done = tuple(m for m in slavic.HAPPENED.finditer(window) if not slavic.NEGATION.search(window[:m.start()])
                     and not slavic.FUTURE.search(window[:m.start()]))
        return _Cues(done, tuple(slavic.NOT_HAPPENED.finditer(window)), slavic.NOT_YET.search(window))
    done = tuple(m for m in HAPPENED.finditer(window) if not _negated(window, m.start())
                 and not FUTURE.search(window[:m.start()]))
    return _Cues(done, tuple(NOT_HAPPENED.finditer(window)), NOT_YET.search(window))


def _outcome(window: str, claim: str, near_deadline: bool) -> str | None:
    """What the sentence says became of the event: a cancellation, rejection… reads as "did not happen"
    even beside a completed verb (the deal reached *called off* the strike); a delay only near or past the
    deadline, and only when a completed verb does not come first ("signed after two delays"); a completed
    verb in the future or conditional ("will go ahead unless…") says nothing; a claim that something will
    NOT happen is fulfilled when the event did not. A figure against the claim's target, or a contest's
    winner, decides before the words."""
    found = _figures_verdict(window, claim, near_deadline) or _contest_verdict(window, claim)
    if found is None:
        cues = _cues(window)
        positive = next((m for m in cues.done if reports(claim, window[m.start():m.end() + 20])
                         and not a_step(claim, window[m.end():])), None)
        soft = cues.soft if near_deadline and cues.soft and not a_step(claim, window[cues.soft.end():]) else None
        against = [m for m in cues.against if not a_step(claim, window[m.end():])]
        about = set(stems(claim)) if against and positive else set()
        if against and positive and _about(window, positive, about) and \
                not any(_about(window, m, about) for m in against):
            found = "fulfilled"  # the failure is another event's: "joined X, months after a move fell through"
        elif against:
            found = "not_fulfilled"
        elif positive and (soft is None or positive.start() < soft.start() or soft.group().endswith("ing")):
            found = "fulfilled"  # "signed after two delays", "a truce halting the fighting came into force"
        elif soft:  # "put on hold … days after Trump announced the summit"
            found = "not_fulfilled"
        else:  # nothing said, or another step of the story happened ("shareholders approved the takeover")
            return None
    if NEGATED_CLAIM.search(claim) or slavic.NEGATED_CLAIM.search(claim):
        return "fulfilled" if found == "not_fulfilled" else "not_fulfilled"
    return found


UNIT = (r"\s*(percentage points?|%|percent|per cent|pc|million|billion|trillion|bn|m\b|points?|seats?|votes?|jobs?|"
        r"people|units?|процент\w*|відсот\w*|млн|млрд)?")
NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"  # "100,000", "3.5", "3,5"
NOUN = r"(?:\s*(?<=\s)([a-z][a-z-]{2,}))?"  # what is counted, when no unit says it: "100,000 vehicles"
REACH = ("reach", "hit", "deliver", "sell", "build", "produce", "hire", "create", "add", "ship", "register",
         "record", "welcome", "attract", "score", "top", "cross", "pass")
TARGET = re.compile(  # a claim about a figure: "below 3%", "more than 2 million", "to 4%", "deliver 100,000 cars"
    r"(?i)\b(below|under|less than|lower than|fewer than|at most|no more than|above|over|more than|higher than|"
    r"не более|не больше|не выше|не більше|не вище|не менее|не меньше|не ниже|не менше|не нижче|ниже|менее|меньше|"
    r"нижче|менше|выше|более|больше|свыше|превыс\w*|вище|більше|понад|перевищ\w*|"
    r"at least|exceed(?:s|ing)?|beyond|surpass(?:es|ing)?|to|" + "|".join(rf"{v}(?:e?s|ing)?" for v in REACH) +
    r")\s+(?:about |around |some |roughly )?[$€£]?" + NUMBER + UNIT + NOUN)
FIGURE = re.compile(r"(?i)[$€£]?(?<![\d.,])" + NUMBER + UNIT + NOUN)
BELOW, ABOVE = ("below", "under", "less", "lower", "fewer", "at most", "no more", "не более", "не больше", "не выше",
                "не більше", "не вище", "ниже", "менее", "меньше", "нижче", "менше"), \
    ("above", "over", "more", "higher", "at least", "exceed", "beyond", "surpass", "не менее", "не меньше", "не ниже",
     "не менше", "не нижче", "выше", "более", "больше", "свыше", "превыс", "вище", "більше", "понад", "перевищ")
AT_MOST, AT_LEAST = ("at most", "no more", "не более", "не больше", "не выше", "не більше", "не вище"), \
    ("at least", "не менее", "не меньше", "не ниже", "не менше", "не нижче")
MEASURES = {  # what else news calls the claim's measure (stems): inflation is "consumer prices"
    "inflat": {"price", "cpi"}, "unemploy": {"jobless", "joblessness"}, "economi": {"output", "gdp"},
    "grow": {"expand", "output", "gdp", "grew", "economi"}, "growth": {"expand", "output", "gdp", "grew", "economi"},
    "gdp": {"output", "economi", "grew", "expand"}, "deficit": {"shortfal", "gap"},
}


def _number(text: str) -> float:
    return float(text.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text) else
                 text.replace(",", "."))


def _unit(word: str | None) -> str:
    word = (word or "").lower()
    return "%" if word in ("%", "percent", "per cent", "pc") or word.startswith(("процент", "відсот")) else word


WIN = re.compile(r"(?i)^(.*?)\s+(?:will|would|is going to|are going to|is set to|are set to)\s+"
                 r"(?:not\s+|never\s+)?(?:win|be (?:re-)?elected|be chosen|become)\b")
BEATEN = (r"(?:defeat(?:ed|ing|s)?|beat(?:s|ing|en)?|overc(?:ame|oming)|edg(?:ed|ing) (?:out|past)|"
          r"knock(?:ed|ing) out|eliminat(?:ed|ing)|ousted|unseated|thrashed|routed|trounced)")
LOST = r"(?:lost|loses|conceded|was (?:beaten|defeated|eliminated|knocked out|ousted)|finished (?:second|third|runner))"


def _contest_verdict(sentence: str, claim: str) -> str | None:
    """For "X will win": whether the sentence has X beaten or losing ("Vestra beat FC Lindholm 2-1") or X
    winning. The name is the last capitalised word before "will win" (the surname, the club)."""
    subject = WIN.search(claim)
    if not subject:
        return None
    words = [w for w in re.findall(r"[A-Z][\w'’-]+", subject.group(1)) if w.lower() not in STOP]
    if not words:
        return None
    name = re.escape(words[-1].removesuffix("'s").removesuffix("’s"))
    if re.search(rf"(?i)\b{BEATEN}\s+(?:[\w'’-]+\s+){{0,4}}?{name}\b", sentence) or \
            re.search(rf"\b{name}\b[^.;]{{0,40}}?\b{LOST}\b", sentence) or \
            re.search(rf"^(?:(?!\b{name}\b)[^.;])*\b(?:won|wins|was elected|clinched)\b[^.;]{{0,60}}?\b"
                      rf"(?:to|over|against|ahead of|beating|defeating|for)\s+(?:[\w'’-]+\s+){{0,4}}?{name}\b",
                      sentence):
        return "not_fulfilled"
    if re.search(rf"\b{name}\b[^.;]{{0,40}}?\b(?:won|wins|clinched|claimed|triumphed|beat|defeated|"
                 rf"was (?:re-)?elected)\b", sentence):
        return "fulfilled"
    return None


def _figures_verdict(sentence: str, claim: str, near_deadline: bool) -> str | None:
    """A figure in the sentence, in the claim's unit, against the claim's target: "inflation ended the year at
    3.4%" does not fulfil "below 3%"; "handed over 87,400 vehicles" does not "deliver 100,000 vehicles". A figure
    short of a target only settles near or past the deadline."""
    target = TARGET.search(claim)
    if not target:
        return None
    word, value, unit = target.group(1).lower(), _number(target.group(2)), _unit(target.group(3))
    noun = "" if unit else " ".join(stems(target.group(4) or ""))
    measure = set(stems(" ".join(w for w in WORD.findall(claim[:target.start()]) if w[0].islower() or
                                 w.isupper() or any(c.isdigit() or c.isupper() for c in w[1:]))))  # GDP, HbA1c
    measure |= set().union(*(MEASURES.get(m, set()) for m in measure))
    subject = measure | _names(" " + claim[:target.start()])  # who counts, for a count without a unit
    for figure in FIGURE.finditer(sentence):
        before = sentence[:figure.start()]
        if unit:
            same = _unit(figure.group(2)) == unit and bool(measure & set(stems(before[-60:])))
        else:  # a count: the same thing counted, by the claim's subject or measure
            same = bool(noun) and " ".join(stems(figure.group(3) or "")) == noun and \
                bool(subject & (set(stems(before[-60:])) | _names(" " + before)))
        if not same or UNSETTLED.search(before):
            continue  # another quantity, or a figure still to come
        number = _number(figure.group(1))
        if word.startswith(BELOW):
            met = number < value if not word.startswith(AT_MOST) else number <= value
        elif word.startswith(ABOVE):
            met = number > value if not word.startswith(AT_LEAST) else number >= value
        elif word.startswith(REACH):  # a level to reach: that figure or beyond it
            met = number >= value
        else:  # "to 4%": that figure
            met = number == value
        return "fulfilled" if met else ("not_fulfilled" if near_deadline else None)
    return None


PERIOD = re.compile(r"(?i)\b(?:in|for|during|throughout|over)\s+(?:fiscal\s+|the\s+(?:whole\s+)?year\s+)?"
                    r"((?:19|20)\d\d)\b")


def _period_over(claim: str, published: date) -> bool:
    """A claim about a year ("grow by 2% in 2025") is as good as due once that year is over: the year's
    figure is final even if the deadline was set later, when the figure comes out."""
    found = PERIOD.search(claim)
    return found is not None and int(found.group(1)) < published.year


CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\s(?:as|after|while|before|but|although|though|when|whereas|"
                    r"because|since|until|despite)\s")


def _about(text: str, at: re.Match[str], claim: set[str]) -> bool:
    """Whether the clause around a cue names something of the claim: in "X joined Y, five months after a
    move to Portugal fell through", the failure is another move's."""
    starts = [m.end() for m in CLAUSE.finditer(text, 0, at.start())]
    end = CLAUSE.search(text, at.end())
    return bool(claim & set(stems(text[starts[-1] if starts else 0:end.start() if end else len(text)])))


def _negated(text: str, at: int) -> bool:
    return re.search(r"(?i)\b(?:not|never|no|yet to|without)\b[^.]{0,25}$", text[:at]) is not None


@dataclass(frozen=True)
class _ArticleView:
    published: date
    stems: set[str]
    names: set[str]
    lower: str
    top_bm25: float  # the best BM25 score any claim got from this article
    title: str = ""
    title_stems: frozenset[str] = frozenset()  # stemmed once an article, not once a candidate


def _sentences(text: str) -> list[str]:
    """English sentences, or Russian and Ukrainian ones by razdel (line by line, footers dropped)."""
    from tracker.language import detect

    if detect(text) in ("ru", "uk"):
        from tracker.extraction.slavic.sentences import split_sentences as slavic_sentences

        return [s.text.strip() for s in slavic_sentences(text)]
    return [s.text.strip() for s in split_sentences(text)]


def _happened(text: str) -> bool:
    """A completed verb that is neither negated nor in the future or a condition."""
    return bool(_cues(text).done)


class Bm25Matcher:
    """BM25 retrieval over the claims, re-ranked by coverage, speaker, names and a settling cue."""

    def __init__(self, threshold: float = THRESHOLD, per_sentence: int = 10) -> None:
        self.threshold = threshold
        self.per_sentence = per_sentence

    def _retrieve(self, claims: Sequence[OpenClaim], queries: list[str]) -> dict[int, _Candidate]:
        import bm25s

        corpus = [" ".join(filter(None, (c.statement, c.speaker, *c.aliases))) for c in claims]
        index = bm25s.BM25()
        index.index(bm25s.tokenize(corpus, stopwords=_stopwords(corpus), stemmer=_stem_words, show_progress=False),
                    show_progress=False)
        tokens = bm25s.tokenize(queries, stopwords=_stopwords(queries), stemmer=_stem_words, show_progress=False)
        k = min(self.per_sentence, len(claims))
        docs, scores = index.retrieve(tokens, k=k, show_progress=False, n_threads=1)
        found: dict[int, _Candidate] = {}
        for q in range(len(queries)):
            for doc, score in zip(docs[q], scores[q], strict=True):
                if score <= 0:
                    continue
                candidate = found.setdefault(int(doc), _Candidate(claims[int(doc)]))
                candidate.sentences[q] = float(score)
                if score > candidate.bm25:
                    candidate.bm25, candidate.best = float(score), q
        return found

    def features(self, c: _Candidate, queries: list[str], article: _ArticleView) -> tuple[dict[str, float], str | None]:
        """What the re-ranker weighs for one retrieved claim, and the outcome its best sentences name."""
        claim_stems = set(stems(c.claim.statement))
        if not claim_stems:
            return {}, None
        window = set(stems(" ".join(queries[max(0, c.best - 1):c.best + 2])))
        best = set(stems(queries[c.best]))
        names = _names(c.claim.statement)
        near = article.published >= c.claim.deadline - SOFT_DAYS or _period_over(c.claim.statement, article.published)
        others = sorted(((v, q) for q, v in c.sentences.items() if q != c.best), reverse=True)
        second = queries[others[0][1]] if others and others[0][0] >= SECOND * c.bm25 else ""
        both = queries[c.best] + " " + second
        outcome = _outcome(queries[c.best], c.claim.statement, near)
        if outcome is None and second:  # the next-best sentence about the same claim may say what became of it
            outcome = _outcome(second, c.claim.statement, near)
        headline = (_outcome(article.title, c.claim.statement, near)  # a headline says what became of it
                    if claim_stems & article.title_stems else None)
        if outcome is None:
            outcome = headline
        found = {
            "cover_best": len(claim_stems & best) / len(claim_stems),
            "cover_window": len(claim_stems & window) / len(claim_stems),
            "cover_article": len(claim_stems & article.stems) / len(claim_stems),
            "speaker": float(any(_named(k, article.lower) for k in _speaker_keys(c.claim))),
            "names": len(names & article.names) / len(names) if names else 0.0,
            "not_happened": float(bool(_cues(both).against)),
            "not_yet": float(bool(_cues(both).soft) and near),
            "happened": float(_happened(both)),
            "past_deadline": float(article.published > c.claim.deadline),
            "elapsed": min(1.5, max(0.0, (article.published - c.claim.made_at).days
                                    / max(1, (c.claim.deadline - c.claim.made_at).days))),
            "outcome": float(outcome is not None),
            "bm25_share": c.bm25 / article.top_bm25 if article.top_bm25 else 0.0,
            "event": float(bool({w for w in claim_stems if w in EVENT_NOUNS or w in slavic.EVENT_STEMS} & window)),
            "unsettled": min(len(UNSETTLED.findall(queries[c.best])) + len(slavic.UNSETTLED.findall(queries[c.best])),
                             3) / 3,
            "names_best": len(names & _names(" " + both)) / len(names) if names else 0.0,
            "title": float(headline is not None),
        }
        return found, outcome

    def _score(self, c: _Candidate, queries: list[str], article: _ArticleView) -> tuple[float, str, str | None]:
        found, outcome = self.features(c, queries, article)
        if not found:
            return 0.0, "", None
        z = BIAS + sum(WEIGHTS[k] * v for k, v in found.items())
        return 1.0 / (1.0 + math.exp(-z)), queries[c.best], outcome

    def candidates(self, claims: Sequence[OpenClaim], article: LaterArticle,
                   window: bool = True) -> tuple[list[_Candidate], list[str], _ArticleView]:
        """The claims BM25 retrieves for the article's sentences (the headline too), with what the re-ranker
        needs to know about the article."""
        claims = [c for c in claims if in_window(c, article.published) or (not window and
                                                                           c.made_at <= article.published)]
        text = article.text.strip()
        queries = ([article.title.strip()] if article.title and article.title.strip() not in text[:300] else [])
        queries += [s for s in _sentences(text) if len(s) > 15
                    and not HASHTAGS.fullmatch(s)]  # a channel post's "#Politics #Roth" line
        if not claims or not queries:
            return [], queries, _ArticleView(article.published, set(), set(), "", 0.0)
        found = list(self._retrieve(claims, queries).values())
        whole = text + " " + (article.title or "")
        view = _ArticleView(article.published, set(stems(whole)), _names(whole), text.lower(),
                            max((c.bm25 for c in found), default=0.0), (article.title or "").strip(),
                            frozenset(stems(article.title or "")))
        return found, queries, view

    def match(self, claims: Sequence[OpenClaim], article: LaterArticle, window: bool = True,
              floor: float | None = None) -> list[Match]:
        """Matches scoring at least `floor` (default: the threshold), best first; with `window`, only claims
        made before the article whose deadline is at most 30 days before it. At the threshold, only the best
        match and those within RUNNER_UP of it: one article seldom settles several predictions."""
        floor = self.threshold if floor is None else floor
        found, queries, view = self.candidates(claims, article, window)
        scored = []
        for candidate in found:
            score, quote, outcome = self._score(candidate, queries, view)
            scored.append(Match(candidate.claim.id, round(score, 3), outcome, quote))
        best = max((m.score for m in scored), default=0.0)
        out = [m for m in scored if m.score >= floor and (floor < self.threshold or m.score >= best - RUNNER_UP)]
        return sorted(out, key=lambda m: -m.score)


DEFAULT = Bm25Matcher()
