"""Sentence splitting that survives abbreviations ("Gen.", "U.S."), initials, quotes and datelines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.extraction.deadlines import dateparser_date

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "gov", "sen", "rep", "st", "jr", "sr", "lt", "col", "capt", "sgt", "prof",
    "rev", "hon", "pres", "inc", "corp", "ltd", "co", "vs", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "e.g", "i.e", "etc", "approx", "est", "fig", "dept",
    "univ", "ave", "blvd", "mt", "ft", "adm", "gens", "sens", "reps", "govs", "u.s", "u.k", "u.n", "e.u", "u.s.a",
    "d.c", "n.y", "l.a", "calif", "mass", "fla", "wash", "ariz", "mich", "minn", "penn", "ok", "op", "vol", "p",
    "pp", "al", "cf",
}
# After these abbreviations a capitalised word usually starts a new sentence only if it is a sentence starter.
SOFT_ABBREVIATIONS = {"u.s", "u.k", "u.n", "e.u", "inc", "corp", "ltd", "co", "etc", "a.m", "p.m", "d.c", "jr", "sr"}
SENTENCE_STARTERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at", "this", "that", "these",
    "those", "his", "her", "their", "its", "our", "officials", "analysts", "meanwhile", "however", "earlier", "later",
    "according", "there", "if", "when", "while", "as", "after", "before", "for", "with", "some", "many", "most", "both",
}

# A channel post strings sentences together with an emoji instead of a full stop ("… next week 🇺🇦 Kyiv
# expects …"): a run of emoji between a word and a capital ends a sentence; the emoji opens the next one.
EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2190-\u21FF\u2300-\u23FF\uFE0F\u200D"
BOUNDARY = re.compile(rf"([.!?]+)([\"'”’)\]]*)(\s+)(?=(?:[{EMOJI}]+\s+)?[\"'“‘(\[]?[A-Z0-9])")
# (its two empty groups keep BOUNDARY's group numbers: the splitting loop reads both the same way)
EMOJI_BOUNDARY = re.compile(rf"(?<=[\w,;:)\"'”’%])()()(\s+)(?=[{EMOJI}]+\s+[\"'“‘(\[]?[A-Z0-9])")
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]+)?)"
    r"(?:,?\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?|"
    r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?:[A-Za-z .]+)\))?\s*(?:[-–—]{1,2}|:)\s+"
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    paragraph: int


def strip_dateline(paragraph: str) -> tuple[str, int, str | None]:
    """Remove 'KYIV, Oct 17 (Reuters) -'; returns the rest, how much was cut, and the date text if any."""
    m = DATELINE.match(paragraph)
    if not m:
        return paragraph, 0, None
    return paragraph[m.end():], m.end(), m.group("date")


def find_dateline_date(text: str, today: date) -> date | None:
    """A dateline's date ('KYIV, Oct 17 (Reuters) -'), as the most recent such day not after today."""
    for paragraph in text.strip().split("\n")[:3]:
        _, _, when = strip_dateline(paragraph)
        if when:
            parsed = dateparser_date(when.replace(".", " "), today)
            if parsed is None:
                return None
            if not re.search(r"\d{4}", when) and parsed > today:
                parsed = parsed.replace(year=parsed.year - 1)
            return parsed
    return None


def _is_abbreviation(text: str, dot_index: int) -> bool:
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[:dot_index])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if len(word) == 1 and m.group(1).isupper():
        return True  # an initial: "George W. Bush"
    return word in ABBREVIATIONS


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    for p_index, paragraph in enumerate(text.split("\n")):
        base = offset
        offset += len(paragraph) + 1
        body, cut, _ = strip_dateline(paragraph)
        if not body.strip():
            continue
        start = 0
        for m in sorted([*BOUNDARY.finditer(body), *EMOJI_BOUNDARY.finditer(body)], key=lambda m: m.start()):
            dot = m.start(1)
            if m.group(1) == "." and _is_abbreviation(body, dot):
                word = re.search(r"([A-Za-z][A-Za-z.]*)$", body[:dot])
                nxt = re.match(r"[\"'“‘(\[]?([A-Za-z]+)", body[m.end():])
                soft = word is not None and word.group(1).lower().rstrip(".") in SOFT_ABBREVIATIONS
                numbered = word is not None and word.group(1).lower().rstrip(".") in {"no", "nos"}
                if numbered and not re.match(r"[\d#]", body[m.end():]):
                    pass  # "No. Developers tell us …" is an answer, not "No. 10"
                elif not (soft and nxt and nxt.group(1).lower() in SENTENCE_STARTERS):
                    continue
            end = m.end(2)
            chunk = body[start:end].strip()
            if chunk:
                lead = len(body[start:end]) - len(body[start:end].lstrip())
                sentences.append(Sentence(chunk, base + cut + start + lead, p_index))
            start = m.end()
        chunk = body[start:].strip()
        if chunk:
            lead = len(body[start:]) - len(body[start:].lstrip())
            sentences.append(Sentence(chunk, base + cut + start + lead, p_index))
    return sentences
