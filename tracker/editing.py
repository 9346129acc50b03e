"""Changing a saved prediction, and recording outcomes, with the undo log kept."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from tracker import actions
from tracker.confidence import parse_confidence
from tracker.models import Prediction, Resolution, Status
from tracker.names import clean_name
from tracker.reviews import EditError, parse_new_deadline
from tracker.store import get_or_create_speaker, resolve

FIELDS = {"speaker", "statement", "deadline", "confidence"}


def _snapshot(p: Prediction, fields: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields:
        value = getattr(p, f)
        out[f] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


def edit_field(session: Session, p: Prediction, field: str, value: str, user_id: int | None) -> str:
    """Apply one edit; returns a one-line confirmation or raises EditError."""
    value = value.strip()
    if field == "speaker":
        name = clean_name(value)
        if not name or len(name) > 120:
            raise EditError("A speaker is a name of up to 120 characters, e.g. Vladimir Putin.")
        before = _snapshot(p, ["speaker_id"])
        p.speaker_id = get_or_create_speaker(session, name).id
        done = f"speaker is now {name}"
    elif field == "statement":
        if not value or len(value) > 1000:
            raise EditError("A statement is 1 to 1000 characters long.")
        before = _snapshot(p, ["statement"])
        p.statement = value
        done = "statement updated"
    elif field == "deadline":
        day, text, vague = parse_new_deadline(value, p.made_at)
        before = _snapshot(p, ["deadline", "deadline_text", "vague", "original_deadline", "deadline_moves",
                               "next_remind_at", "remind_count"])
        move_deadline(p, day, text, vague)
        done = f"deadline is now {day.isoformat()}"
    elif field == "confidence":
        try:
            confidence = parse_confidence(value)
        except ValueError:
            raise EditError("A confidence is a percentage from 0 to 100, e.g. 70%.") from None
        before = _snapshot(p, ["confidence"])
        p.confidence = confidence
        done = f"confidence is now {round(p.confidence * 100)}%"
    else:
        raise EditError("You can edit the speaker, statement, deadline or confidence.")
    actions.record(session, p.chat_id, user_id, "edit", {"id": p.id, "before": before})
    return done


def move_deadline(p: Prediction, day: date, text: str | None, vague: bool) -> None:
    """A new deadline; the first one is kept and the move counted, and reminders start afresh."""
    if day != p.deadline:
        if p.original_deadline is None:
            p.original_deadline = p.deadline
        p.deadline_moves += 1
    p.deadline, p.deadline_text, p.vague = day, text or None, vague
    p.remind_count = 0
    p.heads_up_sent = False
    p.next_remind_at = None  # the due check sets the new first reminder in the chat's timezone


def record_outcome(session: Session, p: Prediction, outcome: Status, user_id: int | None, user_name: str | None,
                   only_if_open: bool) -> Resolution | None:
    """Resolve (or re-resolve) a prediction. With only_if_open, a second answer to the same prompt
    changes nothing: the first one to reach the database wins, deterministically."""
    if only_if_open and p.status != Status.OPEN:
        return None
    before = _snapshot(p, ["status", "resolved_at", "next_remind_at", "note"])
    resolution = resolve(session, p, outcome, by=user_id, by_name=user_name)
    actions.record(session, p.chat_id, user_id, "resolve", {"id": p.id, "resolution_id": resolution.id,
                                                            "before": before})
    return resolution


def history(session: Session, p: Prediction) -> list[Resolution]:
    return list(session.exec(select(Resolution).where(Resolution.prediction_id == p.id)
                             .order_by(col(Resolution.resolved_at), col(Resolution.id))))


def latest_resolution(session: Session, p: Prediction) -> Resolution | None:
    return session.exec(select(Resolution).where(Resolution.prediction_id == p.id, col(Resolution.undone_at).is_(None))
                        .order_by(col(Resolution.id).desc())).first()
