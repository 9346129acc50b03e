"""text + publication date → claims. Rule-based, offline, on the CPU.

sentences → forward-looking triggers → clauses → speaker, statement, deadline, confidence → dedupe.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from tracker.extraction.deadlines import find_deadlines, pick_deadline
from tracker.extraction.hedges import hedge_confidence
from tracker.extraction.sentences import split_sentences
from tracker.extraction.speakers import (
    SPEECH_VERBS,
    SpeakerContext,
    aliases_for,
    remember,
    resolve_np,
)

MAX_TEXT = 200_000
MAX_STATEMENT = 240

_DET = r"(?!(?:a|an|the|this|that|these|those|his|her|their|its|our|my|your|it|him|them|me|us)\b)"
_VERBISH = rf"{_DET}[a-z][a-z-]+"
TRIGGERS = re.compile(
    r"(?<![\w'’])(?:"
    r"will(?!\s+(?:of|to)\b)|won['’]t|['’]ll|shall|would(?!\s+have\b)|wouldn['’]t|could(?!\s+have\b)|"
    r"couldn['’]t(?!\s+have\b)|might(?!\s+have\b)|may(?!\s+have\b)|should(?!\s+have\b)|"
    rf"(?:is|are|was|were|am|be)\s+(?:not\s+)?(?:going|set|expected|due|poised|scheduled|slated|likely|unlikely|"
    rf"certain|sure|projected|forecast|on track|about|bound|poised)\s+to\s+{_VERBISH}|"
    rf"gonna\s+{_VERBISH}|"
    rf"(?:plans?|planned|planning|intends?|intended|aims?|aimed|seeks?|sought|hopes?|hoped|vows?|vowed|"
    rf"promises?|promised|pledges?|pledged|agreed|agrees?|committed|commits?|threatens?|threatened|"
    rf"expects?|expected|decided)\s+to\s+{_VERBISH}|"
    r"(?:expects?|expected|predicts?|predicted|forecasts?|forecast|projects?|projected|anticipates?|anticipated)"
    r"\s+(?:that\b|(?:[\w%-]+\s+){1,5}(?:to|will|would)\b)|"
    r"(?:scheduled|slated|set)\s+for\b"
    r")(?![\w'’-])",
    re.IGNORECASE,
)
NOT_CLAIMS = re.compile(
    r"(?:declined|refused) to (?:comment|say|elaborate|confirm|speculate)[^;]*|"
    r"could not (?:be reached|immediately|confirm)|"
    r"did not (?:respond|immediately|say|comment)|would not (?:comment|say|confirm|elaborate|disclose)|"
    r"(?:would|will) (?:neither )?(?:confirm|deny) (?:or|nor) (?:confirm|deny)|no comment|"
    r"refused to (?:comment|say)|was not immediately|were not immediately",
    re.IGNORECASE,
)
PAST_MARKER = re.compile(r"\b(?:last (?:year|week|month|night|weekend|spring|summer|autumn|fall|winter)|yesterday|"
                         r"\d+ (?:days|weeks|months|years) ago|earlier this (?:year|month|week))\b", re.IGNORECASE)
PAST_TENSE_TRIGGER = re.compile(r"^(?:agreed|pledged|promised|vowed|planned|decided|committed|threatened|intended|aimed"
                                r"|hoped|expected)\b", re.IGNORECASE)
TIMED_TRIGGER = re.compile(r"(?<![\w'’])(?:expects?|forecasts?|predicts?|projects?|anticipates?|sees|targets?)\s+"
                           r"(?=\S)", re.IGNORECASE)
WILL_NOUN = re.compile(r"(?<![\w'’-])(?:the|political|free|good|ill|own|his|her|their|its|of|against|at|popular|"
                       r"last)\s+$", re.IGNORECASE)
CLAUSE_START = re.compile(
    r";|:\s|\bthat\s|,\s*which\s|,\s*while\s|\bwhile\s|,?\s*but\s|,\s*and\s|,\s*although\s|,\s*though\s|,\s*whereas\s|"
    r"\bwhether\s|,\s*saying\s|,\s*stating\s|,\s*adding\s|,\s*warning\s|\s[—–]\s|\s-\s|,\s*as\s|\bif\s|\bunless\s"
    r"|,\s*with\s",
    re.IGNORECASE,
)
CLAUSE_END = re.compile(
    rf";|,\s*which\s|,\s*while\s|\sbut\s|,\s*stating\s|,\s*saying\s|,\s*adding\s|,\s*according to\s|\s[—–]\s|"
    rf",\s*following\s|,\s*potentially\s|,\s*as well as\s|,\s*with\s|,\s*(?:[\w.'’-]+\s+){{1,6}}(?:{SPEECH_VERBS})\b"
    rf"|,[\"”]?\s*(?:said|says|added|told)\s|,\s*and\s+(?=[A-Z])",
    re.IGNORECASE,
)
SPEECH_FRAME = re.compile(
    rf"(?P<np>[A-Z\"“]?[^,;:“”\"]{{0,120}}?)\s+(?:(?:has|have|had|also|has also|reportedly|again|repeatedly|"
    rf"publicly|previously)\s+)*(?P<verb>{SPEECH_VERBS})\b(?P<obj>(?:\s+(?!that\b)[\w'’-]+){{0,3}}?)"
    rf"(?P<that>\s+(?:on\s+\w+\s+)?that\b|\s+(?=\w))",
)
APPOSITIVE = re.compile(rf",\s*(?:a|an|the|who|whose|[A-Z][\w'’-]+['’]s)\s[^,;]{{2,90}},(?=\s*(?:{SPEECH_VERBS})\b)")
TRAILING = re.compile(
    rf"[,\"”]\s*(?:(?P<np1>[^,;\"”]{{1,100}}?)\s+(?:{SPEECH_VERBS})|(?:said|says|added|told reporters)\s+"
    rf"(?P<np2>[^,;.\"”]{{1,100}}))(?:[^.;]{{0,60}})?[.!]?[\"”]?\s*$",
)
ACCORDING = re.compile(r"(?:^|,\s*)according to (?P<np>[^,;]{2,100})", re.IGNORECASE)
GENERIC_ORG = re.compile(r"^(?:the|its)\s+(?:company|group|firm|bank|carrier|airline|automaker|club|team|"
                         r"organi[sz]ation|cartel|alliance|companies)$", re.IGNORECASE)
CONDITIONAL = re.compile(r"\b(?:if|unless|provided that|as long as|in the event|in case|otherwise|without)\b",
                         re.IGNORECASE)
STOPWORDS = {
    "the", "a", "an", "to", "of", "in", "on", "and", "or", "for", "by", "with", "that", "this", "is", "are", "be",
    "will", "would", "could", "may", "might", "should", "its", "their", "his", "her", "it", "they", "he", "she",
    "as", "at", "from", "was", "were", "has", "have", "had", "not", "said", "says", "also", "into", "than",
}


@dataclass
class Claim:
    speaker: str | None
    statement: str
    sentence: str
    deadline: str | None
    deadline_text: str
    vague: bool
    confidence: float
    conditional: bool
    co_speakers: list[str] = field(default_factory=list)
    speaker_aliases: list[str] = field(default_factory=list)
    hedge: str = ""

    def deadline_date(self) -> date | None:
        return date.fromisoformat(self.deadline) if self.deadline else None


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:-—–\"“”'‘’")
    text = re.sub(r"^(?:and|but|or|so|then|that)\s+", "", text, flags=re.IGNORECASE)
    if len(text) > MAX_STATEMENT:
        cut = text[:MAX_STATEMENT].rsplit(" ", 1)[0]
        text = cut + "…"
    return text.rstrip(".")


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS and len(w) > 2}


def similar(a: str, b: str, threshold: float = 0.6) -> bool:
    """Overlap coefficient of content words: one statement said twice in other words."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= threshold


def _triggers(sentence: str, published: date) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    blocked = [m.span() for m in NOT_CLAIMS.finditer(sentence)]
    found = list(TRIGGERS.finditer(sentence))
    if not found and any(d.date > published and not d.vague for d in find_deadlines(sentence, published)):
        found = list(TIMED_TRIGGER.finditer(sentence))  # "Nvidia expects revenue of $54 billion in Q3"
    for m in found:
        word = m.group(0)
        if any(s <= m.start() < e for s, e in blocked):
            continue
        if word.lower().startswith("may") and word[0] == "M":
            continue  # the month
        if word.lower().startswith("will") and WILL_NOUN.search(sentence[: m.start()]):
            continue
        out.append(m)
    # "predicted that turnout would rise": the modal carries the claim, the reporting verb is its frame.
    return [m for i, m in enumerate(out)
            if not (m.group(0).lower().endswith(" that") and any(n.start() >= m.end() for n in out[i + 1:]))]


def _clause_bounds(sentence: str, trig_start: int, trig_end: int, next_trigger: int) -> tuple[int, int]:
    start = 0
    for m in CLAUSE_START.finditer(sentence, 0, trig_start):
        if m.end() <= trig_start:
            start = m.end()
    end = len(sentence)
    stop = CLAUSE_END.search(sentence, trig_end)
    if stop:
        end = stop.start()
    if next_trigger < end:
        # A second forward-looking verb after a boundary starts its own clause.
        b = None
        for bm in CLAUSE_START.finditer(sentence, trig_end, next_trigger):
            b = bm.start()
        if b is not None:
            end = min(end, b)
    return start, end


def _speaker(sentence: str, trig_pos: int, clause_start: int, clause_end: int,
             ctx: SpeakerContext) -> tuple[str | None, list[str], str | None, int]:
    """The speaker and where the statement starts (after a speech frame, if one governs the clause)."""
    subject = sentence[clause_start:trig_pos]
    subject = re.split(r",\s*", subject)[-1] if subject.count(",") else subject
    subj_speaker, subj_co, subj_kind = resolve_np(subject, ctx)
    # "Lopez, a Democrat from Nevada, predicted that …": blank the appositive (same length, so every
    # offset still points into `sentence`) and the frame reads "Lopez predicted that".
    masked = APPOSITIVE.sub(lambda m: " " * len(m.group(0)), sentence)
    frames = [m for m in SPEECH_FRAME.finditer(masked) if m.end("verb") <= trig_pos]
    if frames:
        frame = frames[-1]
        np = frame.group("np")
        np = re.split(r",\s*|\bthat\s|\bwhich\s|\bwho\s|:\s", np)[-1]
        speaker, co, kind = resolve_np(np, ctx)
        if speaker:
            body_start = frame.end("that") if frame.group("that").strip() else frame.end("verb")
            return speaker, co, kind, max(clause_start, body_start) if body_start <= trig_pos else clause_start
    tail: re.Match[str] | None = TRAILING.search(sentence[clause_end:]) if clause_end < len(sentence) else None
    if tail is None:
        whole = TRAILING.search(sentence)
        tail = whole if whole and whole.start() >= trig_pos else None
    if tail is not None and TRIGGERS.search(tail.group(0)):
        tail = None  # ", which Trump claims could lead to ..." is another claim, not this one's attribution
    if tail:
        tail_np = (tail.group("np1") or tail.group("np2") or "").strip()
        if GENERIC_ORG.match(tail_np) and subj_speaker and subj_kind == "org":
            return subj_speaker, subj_co, subj_kind, clause_start  # "OPEC+ will ..., the group said"
        speaker, co, kind = resolve_np(tail_np, ctx)
        if speaker:
            return speaker, co, kind, clause_start
    acc = ACCORDING.search(sentence)
    if acc:
        speaker, co, kind = resolve_np(acc.group("np"), ctx)
        if speaker:
            return speaker, co, kind, max(clause_start, acc.end() if acc.end() <= trig_pos else clause_start)
    return subj_speaker, subj_co, subj_kind, clause_start


def extract(text: str, published: date) -> list[Claim]:
    """Every checkable forward-looking statement in `text`, with deadlines relative to `published`."""
    if not text or not text.strip():
        return []
    text = text[:MAX_TEXT].replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    ctx = SpeakerContext()
    ctx.learn(text)
    claims: list[Claim] = []
    sentences = split_sentences(text)
    for index, sent in enumerate(sentences):
        s = sent.text
        if s.rstrip("\"”’' ").endswith("?"):
            continue
        if index == 0 and sent.paragraph == 0 and not re.search(r"[.!?\"”]$", s) and len(s) < 200:
            continue  # a headline
        triggers = _triggers(s, published)
        previous_subject = ""
        last_clause_end = -1
        for i, trig in enumerate(triggers):
            if trig.start() < last_clause_end:
                continue  # same clause as the previous trigger
            next_pos = triggers[i + 1].start() if i + 1 < len(triggers) else len(s)
            c_start, c_end = _clause_bounds(s, trig.start(), trig.end(), next_pos)
            last_clause_end = c_end
            speaker, co, kind, body_start = _speaker(s, trig.start(), c_start, c_end, ctx)
            if speaker is None and re.fullmatch(r"\s*(?:he|she|they|we|i)\s*", s[c_start:trig.start()], re.I):
                speaker = ctx.last_speaker
            remember(ctx, speaker, kind)
            body = s[body_start:c_end]
            subject_text = s[body_start:trig.start()].strip(" ,")
            after_conjunction = re.search(r"\b(?:but|and|or)\s*$", s[:c_start], re.IGNORECASE) is not None
            if not subject_text and previous_subject and after_conjunction and trig.group(0).split()[0].lower() in {
                    "could", "would", "might", "may", "will", "should", "won't", "wouldn't"}:
                body = f"{previous_subject} {body.strip()}"
            elif subject_text:
                previous_subject = subject_text
            statement = _tidy(body)
            if len(content_words(statement)) < 2:
                continue
            clause = s[c_start:c_end]
            if PAST_TENSE_TRIGGER.match(trig.group(0)) and PAST_MARKER.search(clause):
                continue  # "agreed to provide subsidies last year" happened already
            rel = max(0, trig.start() - c_start)
            deadline = pick_deadline(clause, published, anchor=rel)
            if deadline.text == "":
                # "..., with production to start in 2027": a precise phrase right after the clause, before
                # the next claim's clause, still governs it.
                later = [d for d in find_deadlines(s[c_end:next_pos], published) if d.date >= published and not d.vague]
                if later:
                    deadline = later[0]
            hedge = hedge_confidence(clause[rel:] if rel else clause)
            conditional = bool(CONDITIONAL.search(clause)) or (
                trig.group(0).lower().startswith(("would", "could")) and
                bool(re.match(r"\s*[A-Za-z]+ing\b", (previous_subject or subject_text or "") + " ")))
            claims.append(Claim(
                speaker=speaker, statement=statement, sentence=s, deadline=deadline.date.isoformat(),
                deadline_text=deadline.text, vague=deadline.vague, confidence=hedge.probability,
                conditional=conditional, co_speakers=co,
                speaker_aliases=aliases_for(ctx, speaker) if speaker else [], hedge=hedge.word,
            ))
    return dedupe(claims)


def dedupe(claims: list[Claim]) -> list[Claim]:
    """One prediction per statement: a repeat keeps the sharper deadline and the named speaker."""
    kept: list[Claim] = []
    for claim in claims:
        twin = next((k for k in kept if (k.speaker == claim.speaker or not k.speaker or not claim.speaker)
                     and similar(k.statement, claim.statement)), None)
        if twin is None:
            kept.append(claim)
            continue
        if not twin.speaker and claim.speaker:
            twin.speaker, twin.co_speakers, twin.speaker_aliases = claim.speaker, claim.co_speakers, \
                claim.speaker_aliases
        if twin.vague and not claim.vague:
            twin.deadline, twin.deadline_text, twin.vague = claim.deadline, claim.deadline_text, claim.vague
    return kept


def claims_to_json(claims: list[Claim]) -> list[dict[str, Any]]:
    keys = ["speaker", "statement", "sentence", "deadline", "deadline_text", "vague", "confidence", "conditional",
            "co_speakers"]
    return [{k: asdict(c)[k] for k in keys} for c in claims]


def extract_with_backend(text: str, published: date, settings: Any = None) -> list[Claim]:
    """The configured extractor: rules by default, an OpenAI-compatible endpoint with EXTRACTOR=llm."""
    if settings is not None and getattr(settings, "extractor", "rules") == "llm":
        from tracker.extraction.llm import extract_llm

        return extract_llm(text, published, settings)
    return extract(text, published)
