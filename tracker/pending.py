"""'Reply with the new value' state, one per user per chat, in the database (survives restarts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from tracker import schedule
from tracker.db import Database
from tracker.models import PendingInput, PendingKind


@dataclass(frozen=True)
class Question:
    """What the bot asked a user and is waiting for: the kind of answer and what it refers to."""

    kind: PendingKind
    ref: int | None = None  # a review's or a prediction's id
    field: str | None = None
    index: int | None = None  # a claim's place in its review
    payload: str | None = None  # JSON the answer completes (the /add without a speaker)


def set_pending(session: Session, chat_id: int, user_id: int, kind: PendingKind, ref: int | None = None,
                field: str | None = None, index: int | None = None, payload: str | None = None) -> PendingInput:
    current = get_pending(session, chat_id, user_id)
    if current is not None:
        session.delete(current)
        session.flush()
    pending = PendingInput(chat_id=chat_id, user_id=user_id, kind=kind, ref=ref, field=field, index=index,
                           payload=payload, created_at=schedule.now())  # the clock its expiry is read by
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


def ask(db: Database, chat_id: int, user_id: int, question: Question) -> None:
    """Remember the question (replacing any earlier one from this user in this chat)."""
    with db.session() as session:
        set_pending(session, chat_id, user_id, question.kind, question.ref, question.field, question.index,
                    question.payload)


EXPIRES = timedelta(minutes=15)


def waiting(db: Database, chat_id: int, user_id: int) -> Question | None:
    """The open question to this user, if any; one older than 15 minutes has expired (nothing changed)."""
    with db.session() as session:
        row = get_pending(session, chat_id, user_id)
        if row is None:
            return None
        asked = schedule.aware(row.created_at)
        if schedule.now() - asked > EXPIRES:
            session.delete(row)
            return None
        try:
            kind = PendingKind(row.kind)
        except ValueError:  # a question from a version that no longer exists
            session.delete(row)
            return None
        return Question(kind, row.ref, row.field, row.index, row.payload)


def forget(db: Database, chat_id: int, user_id: int) -> bool:
    """/cancel, or the question was answered: True if there was one."""
    with db.session() as session:
        return clear_pending(session, chat_id, user_id)
