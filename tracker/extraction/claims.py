"""What the extractor returns and how one statement said twice becomes one: `Claim`, `dedupe` and the
content-word overlap the store also uses to refuse a duplicate prediction. Shared by the rule pipeline and
the LLM backend, so neither imports the other."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

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
    basis: str = ""  # where the speaker came from (frame, tail, label, subject, quote, author…), for evaluation

    def deadline_date(self) -> date | None:
        return date.fromisoformat(self.deadline) if self.deadline else None


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS and len(w) > 2}


def similar(a: str, b: str, threshold: float = 0.6) -> bool:
    """Overlap coefficient of content words: one statement said twice in other words."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= threshold


def dedupe(claims: list[Claim]) -> list[Claim]:
    """One prediction per statement: a repeat keeps the sharper deadline and the named speaker."""
    kept: list[Claim] = []
    for claim in claims:
        twin = next((k for k in kept if ((k.speaker == claim.speaker or not k.speaker or not claim.speaker)
                     and similar(k.statement, claim.statement)) or _refers_back(claim, k)), None)
        if twin is None:
            kept.append(claim)
            continue
        merge(twin, claim)
    return kept


def merge(twin: Claim, claim: Claim, fuller_wording: bool = False) -> None:
    """Fold a repeat into the claim kept: the named speaker and the sharper deadline of either; with
    `fuller_wording`, the longer statement too (and the hedge those words carry)."""
    if fuller_wording and len(claim.statement) > len(twin.statement):
        twin.statement, twin.sentence, twin.confidence, twin.hedge, twin.conditional = \
            claim.statement, claim.sentence, claim.confidence, claim.hedge, claim.conditional
    if not twin.speaker and claim.speaker:
        twin.speaker, twin.co_speakers, twin.speaker_aliases = claim.speaker, claim.co_speakers, \
            claim.speaker_aliases
    if twin.vague and not claim.vague:
        twin.deadline, twin.deadline_text, twin.vague = claim.deadline, claim.deadline_text, claim.vague


BACK_REFERENCE = re.compile(r"^(?:the|this|that)\s+(?:planned\s+|proposed\s+|new\s+)?(?P<noun>[a-z][a-z-]{3,})\s+"
                            r"(?:is|are|will|would|could|should|may|might|was|were)\b", re.I)


def _refers_back(later: Claim, earlier: Claim) -> bool:
    """'The summit is expected to take place within two weeks' after 'agreed to hold a summit in Budapest
    within two weeks': the definite noun names the earlier claim's event and the deadline is the same."""
    m = BACK_REFERENCE.match(later.statement)
    if not m or later.deadline != earlier.deadline or later.vague:
        return False
    if later.speaker and later.speaker != earlier.speaker and later.speaker not in earlier.co_speakers:
        return False
    noun = m.group("noun").lower()
    return noun not in STOPWORDS and re.search(rf"\b{re.escape(noun)}\b", earlier.statement, re.I) is not None


def claims_to_json(claims: list[Claim]) -> list[dict[str, Any]]:
    keys = ["speaker", "statement", "sentence", "deadline", "deadline_text", "vague", "confidence", "conditional",
            "co_speakers"]
    return [{k: asdict(c)[k] for k in keys} for c in claims]


_LEADING_SYMBOLS = re.compile(r"^[^\w\"'“‘(\[<]+")  # emoji, bullets, dashes before the first word
_ATTRIBUTION_TAIL = re.compile(
    r"[,.]?\s*[\"”’]\s*,?\s*(?:[A-Z][\w.'’-]*\s+){1,4}(?:told|said|says|added|wrote|tweeted|posted)\b.*$")
# Formatting tags pasted with the text ("<b>US President…") and what is left of one cut in half ("b>US…");
# any other tag-like text is the statement's own and is shown (escaped) as written.
_TAG = re.compile(r"</?(?:b|i|u|s|em|strong|span|p|br|a)\b[^<>]*>|^(?:b|i|u|s|em|strong|span|p)>\s*|"
                  r"\s*</?(?:b|i|u|s|em|strong|span|p)?$")
_PAIRS = (("“", "”"), ("‘", "’"), ("«", "»"))


def _balance(text: str) -> str:
    """Drop a quotation mark whose partner was cut off with the rest of the sentence."""
    if text.count('"') % 2:
        text = text.strip('"') if text.startswith('"') or text.endswith('"') else text.replace('"', "", 1)
    for left, right in _PAIRS:
        if text.count(left) > text.count(right):
            text = text.replace(left, "", text.count(left) - text.count(right))
        elif text.count(right) > text.count(left):
            text = text[::-1].replace(right, "", text.count(right) - text.count(left))[::-1]
    return text


def tidy(claim: Claim) -> Claim:
    """The statement and deadline phrase as a person would write them down: no leading emoji or bullets, no
    '," Umerov told reporters' tail, no unpaired quotation marks, no trailing full stop in the phrase. Done
    where claims are shown and stored; the extractor's own output (and its evaluation) is left as it is."""
    statement = _ATTRIBUTION_TAIL.sub("", _TAG.sub("", claim.statement))
    statement = _balance(_LEADING_SYMBOLS.sub("", statement)).strip(" ,;")
    phrase = claim.deadline_text.strip().rstrip(" .,;")
    if statement == claim.statement and phrase == claim.deadline_text:
        return claim
    return Claim(**{**asdict(claim), "statement": statement or claim.statement, "deadline_text": phrase})
