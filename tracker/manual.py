"""`/add Speaker: statement by <when> [70%]` — manual entry through the extractor's deadline code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.confidence import parse_confidence
from tracker.errors import ManualEntryError, Problem
from tracker.extraction.deadlines import Deadline, default_deadline
from tracker.extraction.typed import find_typed_deadlines, typed_confidence
from tracker.names import clean_name
from tracker.schedule import LATEST, in_range


@dataclass(frozen=True)
class ManualEntry:
    speaker: str | None
    statement: str
    deadline: Deadline
    confidence: float
    confidence_given: bool


_PERCENT = re.compile(r"(?:^|\s)(?P<open>[(\[]?)(?P<num>\d{1,3}(?:\.\d+)?)\s?%(?P<close>[)\]]?)"
                      r"(?P<word>\s+(?:sure|confident|certain|likely|chance))?\s*$", re.IGNORECASE)
_SET_APART = re.compile(r"[—–-]\s*$")  # "… within two weeks — 70%"


def _confidence_at_end(body: str, today: date) -> re.Match[str] | None:
    """A trailing percentage is the user's confidence only when it stands apart from the statement:
    bracketed ("[70%]"), after a dash ("— 70%"), followed by "sure"/"likely", or right after the deadline
    phrase ("within two weeks 70%"). "inflation will fall to 2%" keeps its 2%."""
    m = _PERCENT.search(body)
    if m is None:
        return None
    before = body[: m.start()].rstrip()
    if (m.group("open") and m.group("close")) or m.group("word") or _SET_APART.search(before):
        return m
    deadlines = find_typed_deadlines(before, today)
    if deadlines and deadlines[-1].end >= len(before.rstrip(" .,;")) - 1:
        return m
    return None


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_DAYS_IN = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
_ISO_LIKE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY_MONTH = re.compile(rf"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}")
_MONTH_DAY = re.compile(rf"(?i)\b{_MONTH}\s+(\d{{1,2}})\b")


def _impossible_date(body: str) -> str | None:
    """A date written out that does not exist ("2027-13-45", "31 February"): the deadline code would
    quietly read something else, so it is refused instead."""
    for m in _ISO_LIKE.finditer(body):
        try:
            date.fromisoformat(_padded(m.group()))
        except ValueError:
            return m.group()
    pairs = [(m, m.group(1), m.group(2)) for m in _DAY_MONTH.finditer(body)]
    pairs += [(m, m.group(2), m.group(1)) for m in _MONTH_DAY.finditer(body)]
    for m, day, month in pairs:
        if not 1 <= int(day) <= _DAYS_IN[_MONTHS[month.lower()[:3]]]:
            return m.group().strip()
    return None


_FAR_YEAR = re.compile(r"\b(?:by|in|until|before)\s+(?:\d{1,2}\s+\w+\s+)?(2[2-9]\d\d|[3-9]\d\d\d)\b", re.IGNORECASE)


def _refuse_impossible_date(body: str) -> None:
    impossible = _impossible_date(body)
    if impossible:
        raise ManualEntryError(Problem.DATE_INVALID, value=impossible)
    far = [m.group() for m in _ISO_LIKE.finditer(body) if not in_range(date.fromisoformat(_padded(m.group())))]
    if far or any(int(m.group(1)) > LATEST.year for m in _FAR_YEAR.finditer(body)):
        raise ManualEntryError(Problem.DEADLINE_OUT_OF_RANGE, latest=LATEST.isoformat())


def _padded(iso: str) -> str:
    return "-".join(f"{int(x):02d}" if i else x for i, x in enumerate(iso.split("-")))


def _split_confidence(body: str, today: date) -> tuple[str, float | None]:
    """The text without a confidence that stands apart at its end, and that confidence (or None)."""
    pm = _confidence_at_end(body, today)
    if pm is None:
        return body, None
    try:
        confidence = parse_confidence(pm.group("num") + "%")
    except ValueError:
        raise ManualEntryError(Problem.MANUAL_CONFIDENCE) from None
    return _SET_APART.sub("", body[: pm.start()]).strip(), confidence


def _split_speaker(body: str) -> tuple[str | None, str]:
    """'Speaker: statement' → (speaker, statement); a missing speaker is allowed (the bot asks for one)."""
    if re.match(r"^[^:\s][^:]{120,}:\s*\S", body) and not re.search(r"https?:$", body.split(":", 1)[0]):
        raise ManualEntryError(Problem.SPEAKER_INVALID)  # a "name" before the colon too long to be one
    m = re.match(r"^([^:]{1,80}):\s*(.*)$", body)
    if m and not re.match(r"^\d", m.group(1)) and "//" not in m.group(2)[:2]:
        return clean_name(m.group(1)) or None, m.group(2).strip()
    return None, body


def parse_manual(text: str, today: date) -> ManualEntry:
    """Parse the text after /add. A missing speaker is allowed (the bot asks for one)."""
    body = re.sub(r"\s+", " ", text or "").strip()
    if not body:
        raise ManualEntryError(Problem.MANUAL_EMPTY)
    body, given = _split_confidence(body, today)
    speaker, body = _split_speaker(body)
    if not body:
        raise ManualEntryError(Problem.MANUAL_NO_STATEMENT)
    _refuse_impossible_date(body)
    candidates = find_typed_deadlines(body, today)
    deadline = default_deadline(today)
    statement = body
    if candidates:
        # The phrase nearest the end governs ("will win by March"); it is cut from the statement.
        deadline = candidates[-1]
        if deadline.end >= len(body.rstrip(" .!")) - 1:
            statement = body[: deadline.start].rstrip(" ,;-—")
    statement = statement.rstrip(" .") or body
    if len(statement) > 1000:
        raise ManualEntryError(Problem.MANUAL_TOO_LONG)
    confidence = given if given is not None else typed_confidence(statement)
    return ManualEntry(speaker, statement, deadline, confidence, given is not None)

