"""The undo log: the last save, edit or resolution in a chat can be taken back."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from tracker.models import Action, Prediction, Resolution, Status, utcnow


def record(session: Session, chat_id: int, user_id: int | None, kind: str, payload: dict[str, Any]) -> Action:
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


def undo(session: Session, action: Action) -> str:
    """Take the action back; returns a short description of what was undone (plain text)."""
    payload = json.loads(action.payload)
    action.undone_at = utcnow()
    if action.kind == "save":
        ids = payload["ids"]
        numbers = [p.number for p in session.exec(select(Prediction).where(col(Prediction.id).in_(ids)))]
        session.exec(delete(Resolution).where(col(Resolution.prediction_id).in_(ids)))
        session.exec(delete(Prediction).where(col(Prediction.id).in_(ids)))
        listed = ", ".join(f"#{n}" for n in sorted(numbers)) or "nothing left"
        return f"Undid the save of {listed}."
    prediction = session.get(Prediction, payload["id"])
    if prediction is None:
        return "That prediction has since been deleted; nothing to undo."
    if action.kind == "edit":
        for field, value in payload["before"].items():
            _restore(prediction, field, value)
        return f"Undid the edit of #{prediction.number}."
    if action.kind == "resolve":
        resolution = session.get(Resolution, payload["resolution_id"])
        if resolution is not None:
            resolution.undone_at = utcnow()
        for field, value in payload["before"].items():
            _restore(prediction, field, value)
        label = "reopened" if prediction.status == Status.OPEN else f"back to {prediction.status}"
        return f"Undid the answer on #{prediction.number}; it is {label}."
    return "Nothing to undo."
