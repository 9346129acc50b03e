"""Changing a saved prediction, and recording outcomes, with the undo log kept."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from tracker import actions
from tracker.confidence import parse_confidence
from tracker.errors import EditError, Problem
from tracker.extraction.typed import parse_typed_deadline
from tracker.models import ActionKind, Prediction, Resolution, Status
from tracker.names import clean_name
from tracker.schedule import LATEST, in_range
from tracker.store import get_or_create_speaker, resolve

FIELDS = ("speaker", "statement", "deadline", "confidence")
MAX_SPEAKER = 120
MAX_STATEMENT = 1000


def check_speaker(value: str) -> str:
    """The one speaker check (reviews, /edit, the "who said it?" reply): a cleaned name, 1–120 characters."""
    name = clean_name(value)
    if not name or len(name) > MAX_SPEAKER:
        raise EditError(Problem.SPEAKER_INVALID)
    return name


def check_statement(value: str) -> str:
    value = value.strip()
    if not value or len(value) > MAX_STATEMENT:
        raise EditError(Problem.STATEMENT_LENGTH)
    return value


def parse_new_deadline(value: str, published: date) -> tuple[date, str, bool]:
    """A typed deadline: an ISO date or a phrase counted from `published`; (day, phrase, vague)."""
    value = value.strip()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):  # the shape of a date, not a day that exists
            raise EditError(Problem.DATE_INVALID, value=value) from None
    else:
        return check_deadline(day), value, False
    parsed = parse_typed_deadline(value, published)
    if parsed is None:
        raise EditError(Problem.DEADLINE_UNREADABLE, value=value[:60])
    return check_deadline(parsed.date), parsed.text, parsed.vague


def check_deadline(day: date) -> date:
    if not in_range(day):
        raise EditError(Problem.DEADLINE_OUT_OF_RANGE, latest=LATEST.isoformat())
    return day


def check_confidence(value: str) -> float:
    try:
        return parse_confidence(value)
    except ValueError:
        raise EditError(Problem.CONFIDENCE_RANGE) from None


def _snapshot(p: Prediction, fields: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields:
        value = getattr(p, f)
        out[f] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


def edit_field(session: Session, p: Prediction, field: str, value: str, user_id: int | None,
               today: date | None = None) -> None:
    """Apply one edit, recorded for /undo; raises EditError when the value cannot be used. A new deadline
    typed by a user counts from `today` (the chat's) and may not lie before it; without `today` (CSV, tests)
    it counts from the day the prediction was made."""
    if field not in FIELDS:
        raise EditError(Problem.FIELD_UNKNOWN)
    apply = _APPLY.get(field)
    before = apply(session, p, value) if apply else _set_deadline(session, p, value, today)
    actions.record(session, p.chat_id, user_id, ActionKind.EDIT, {"id": p.id, "before": before})


def _set_speaker(session: Session, p: Prediction, value: str) -> dict[str, Any]:
    name = check_speaker(value)
    before = _snapshot(p, ["speaker_id"])
    p.speaker_id = get_or_create_speaker(session, name).id
    return before


def _set_statement(session: Session, p: Prediction, value: str) -> dict[str, Any]:
    text = check_statement(value)
    before = _snapshot(p, ["statement"])
    p.statement = text
    return before


def _set_deadline(session: Session, p: Prediction, value: str, today: date | None) -> dict[str, Any]:
    day, text, vague = parse_new_deadline(value, today or p.made_at)
    if today is not None and day < today:
        raise EditError(Problem.DEADLINE_PAST, value=day.isoformat(), today=today.isoformat())
    before = _snapshot(p, ["deadline", "deadline_text", "vague", "original_deadline", "deadline_moves",
                           "next_remind_at", "remind_count"])
    move_deadline(p, day, text, vague)
    return before


def _set_confidence(session: Session, p: Prediction, value: str) -> dict[str, Any]:
    confidence = check_confidence(value)
    before = _snapshot(p, ["confidence"])
    p.confidence = confidence
    return before


_APPLY = {"speaker": _set_speaker, "statement": _set_statement, "confidence": _set_confidence}


def move_deadline(p: Prediction, day: date, text: str | None, vague: bool) -> None:
    """A new deadline; the first one is kept and the move counted, and reminders start afresh."""
    if day != p.deadline:
        if p.original_deadline is None:
            p.original_deadline = p.deadline
        p.deadline_moves += 1
    p.deadline, p.deadline_text, p.vague = day, text or None, vague
    p.remind_count = 0
    p.heads_up_sent = False
    p.reminder_error = None
    p.next_remind_at = None  # the due check sets the new first reminder in the chat's timezone


def record_outcome(session: Session, p: Prediction, outcome: Status, user_id: int | None, user_name: str | None,
                   only_if_open: bool) -> Resolution | None:
    """Resolve (or re-resolve) a prediction. With only_if_open, a second answer to the same prompt
    changes nothing: the database settles who was first, on every backend and across workers, with a
    conditional UPDATE (… WHERE status = 'open') whose row count says whether this answer won."""
    before = _snapshot(p, ["status", "resolved_at", "next_remind_at", "note"])
    if only_if_open:
        still_open = (col(Prediction.id) == p.id) & (col(Prediction.status) == Status.OPEN)
        claimed = session.exec(update(Prediction).where(still_open).values(status=outcome))
        if claimed.rowcount != 1:
            session.refresh(p)
            return None
        before["status"] = Status.OPEN
    resolution = resolve(session, p, outcome, by=user_id, by_name=user_name)
    actions.record(session, p.chat_id, user_id, ActionKind.RESOLVE, {"id": p.id, "resolution_id": resolution.id,
                                                            "before": before})
    return resolution


def history(session: Session, p: Prediction) -> list[Resolution]:
    return list(session.exec(select(Resolution).where(Resolution.prediction_id == p.id)
                             .order_by(col(Resolution.resolved_at), col(Resolution.id))))


def latest_resolution(session: Session, p: Prediction) -> Resolution | None:
    return session.exec(select(Resolution).where(Resolution.prediction_id == p.id, col(Resolution.undone_at).is_(None))
                        .order_by(col(Resolution.id).desc())).first()
