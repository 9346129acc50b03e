"""'Reply with the new value' state, one per user per chat, in the database (survives restarts)."""

from __future__ import annotations

from sqlmodel import Session, select

from tracker.models import PendingInput


def set_pending(session: Session, chat_id: int, user_id: int, kind: str, ref: int | None = None,
                field: str | None = None, index: int | None = None, payload: str | None = None) -> PendingInput:
    current = get_pending(session, chat_id, user_id)
    if current is not None:
        session.delete(current)
        session.flush()
    pending = PendingInput(chat_id=chat_id, user_id=user_id, kind=kind, ref=ref, field=field, index=index,
                           payload=payload)
    session.add(pending)
    session.flush()
    return pending


def get_pending(session: Session, chat_id: int, user_id: int) -> PendingInput | None:
    return session.exec(select(PendingInput).where(PendingInput.chat_id == chat_id,
                                                   PendingInput.user_id == user_id)).first()


def clear_pending(session: Session, chat_id: int, user_id: int) -> bool:
    current = get_pending(session, chat_id, user_id)
    if current is None:
        return False
    session.delete(current)
    return True
