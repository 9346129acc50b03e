"""The undo log: the last save, edit or resolution in a chat can be taken back."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from tracker.models import Action, ActionKind, Prediction, Resolution, Suggestion, utcnow


def record(session: Session, chat_id: int, user_id: int | None, kind: ActionKind, payload: dict[str, Any]) -> Action:
    action = Action(chat_id=chat_id, user_id=user_id, kind=kind, payload=json.dumps(payload, default=str))
    session.add(action)
    session.flush()
    return action


def last(session: Session, chat_id: int) -> Action | None:
    return session.exec(select(Action).where(Action.chat_id == chat_id, col(Action.undone_at).is_(None))
                        .order_by(col(Action.id).desc())).first()


def _restore(prediction: Prediction, field: str, value: Any) -> None:
    if field in {"deadline", "original_deadline"} and value is not None:
        value = date.fromisoformat(value)
    if field in {"resolved_at", "next_remind_at"} and value is not None:
        value = datetime.fromisoformat(value)
    setattr(prediction, field, value)


@dataclass(frozen=True)
class Undone:
    """What /undo took back: `kind` is the action's kind, or None when its prediction had been deleted."""

    kind: ActionKind | None
    numbers: list[int] = field(default_factory=list)  # the predictions it concerned
    status: str | None = None  # after undoing an answer: the prediction's status now
    message_id: int | None = None  # a message that announced what was undone (a saved review)


def _undelete(session: Session, payload: dict[str, Any]) -> Undone:
    """Put a deleted prediction back as it was, with its number and its history."""
    restored = Prediction.model_validate(payload["row"])
    if session.exec(select(Prediction).where(Prediction.chat_id == restored.chat_id,
                                             Prediction.number == restored.number)).first() is not None:
        return Undone(None)  # its number has been taken since
    session.add(restored)
    session.flush()
    for row in payload["resolutions"]:
        session.add(Resolution.model_validate(row))
    return Undone(ActionKind.DELETE, [restored.number], restored.status)


def undo(session: Session, action: Action) -> Undone:
    """Take the action back."""
    payload = json.loads(action.payload)
    action.undone_at = utcnow()
    if action.kind == ActionKind.SAVE:
        ids = payload["ids"]
        numbers = [p.number for p in session.exec(select(Prediction).where(col(Prediction.id).in_(ids)))]
        session.exec(delete(Resolution).where(col(Resolution.prediction_id).in_(ids)))
        session.exec(delete(Suggestion).where(col(Suggestion.prediction_id).in_(ids)))
        session.exec(delete(Prediction).where(col(Prediction.id).in_(ids)))
        return Undone(ActionKind.SAVE, sorted(numbers), message_id=payload.get("message_id"))
    if action.kind == ActionKind.DELETE:
        return _undelete(session, payload)
    prediction = session.get(Prediction, payload["id"])
    if prediction is None:
        return Undone(None)
    if action.kind == ActionKind.RESOLVE:
        resolution = session.get(Resolution, payload["resolution_id"])
        if resolution is not None:
            resolution.undone_at = utcnow()
    for name, value in payload["before"].items():
        _restore(prediction, name, value)
    return Undone(ActionKind(action.kind), [prediction.number], prediction.status)
