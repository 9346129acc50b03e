"""Deadlines and hedges in what a user types (/add, an edited deadline, a CSV row), in English, Russian or
Ukrainian: the extractor's own phrase tables, English first, then the text's language when it is Cyrillic.
Its own module because it joins the English and the Slavic tables, which must not import each other."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from tracker.extraction.deadlines import Deadline, find_deadlines
from tracker.extraction.hedges import hedge_confidence
from tracker.extraction.slavic.deadlines import find_deadlines as find_slavic
from tracker.extraction.slavic.hedges import hedge_confidence as slavic_hedge
from tracker.language import detect

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _slavic_order(text: str) -> tuple[str, str]:
    return ("uk", "ru") if detect(text) == "uk" else ("ru", "uk")


def find_typed_deadlines(text: str, published: date) -> list[Deadline]:
    """Every time phrase of the text: English ones, and when the text is in Cyrillic and English finds none,
    Russian or Ukrainian ones ("через 2 недели", "до кінця року")."""
    found = find_deadlines(text, published)
    if found or not CYRILLIC.search(text):
        return found
    for lang in _slavic_order(text):
        found = find_slavic(text, published, lang)
        if found:
            return found
    return []


def parse_typed_deadline(phrase: str, published: date) -> Deadline | None:
    """A typed phrase ("in 2 weeks", "2026-01-31", "до конца года"): its deadline, or None."""
    phrase = phrase.strip().rstrip(".")
    candidates = find_typed_deadlines(phrase, published) if phrase else []
    if not candidates:
        return None
    best = max(candidates, key=lambda d: d.end - d.start)
    return replace(best, start=-1, end=-1)


def typed_confidence(statement: str) -> float:
    """The confidence the statement's own words carry, read with its language's hedge table: a typed
    statement is a prediction, so a plain Russian or Ukrainian one counts as "will"."""
    if not CYRILLIC.search(statement):
        return hedge_confidence(statement).probability
    return slavic_hedge(statement, _slavic_order(statement)[0], True).probability
