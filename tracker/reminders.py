"""The due check's queries. The database decides what is due; nothing about reminders lives in memory,
so a bot that was down for a week catches up on its first tick."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from tracker.db import Database
from tracker.evidence import attach_related
from tracker.models import Chat, Prediction, Status
from tracker.schedule import first_due, next_ask, quiet_until
from tracker.views import PredictionView, views

log = logging.getLogger(__name__)
BATCH = 500
MAX_PER_CHAT = 3


@dataclass
class Outgoing:
    """One message to send: a due prompt, a day-before heads-up or a summary of how many more wait."""

    prediction_id: int
    chat_id: int
    kind: str  # "prompt", "heads_up" or "summary"
    view: PredictionView | None = None
    more: int = 0  # for a summary

    @property
    def number(self) -> int:
        return self.view.number if self.view else 0


@dataclass
class Batch:
    prompts: list[Outgoing] = field(default_factory=list)
    summaries: dict[int, int] = field(default_factory=dict)  # chat → how many more are waiting
    heads_ups: list[Outgoing] = field(default_factory=list)
    chats: int = 0  # chats claimed, including those deferred for quiet hours


def backfill(session: Session, limit: int = 1000) -> int:
    """Open predictions without a reminder time (new deadline, old rows) get their first one."""
    rows = session.exec(
        select(Prediction, Chat).join(Chat, col(Chat.chat_id) == col(Prediction.chat_id))
        .where(Prediction.status == Status.OPEN, col(Prediction.next_remind_at).is_(None),
               col(Prediction.reminder_error).is_(None)).limit(limit)
    ).all()
    for p, chat in rows:
        try:
            p.next_remind_at = first_due(p.deadline, chat.timezone)
        except (OverflowError, ValueError, KeyError) as exc:  # one bad row must not stop every chat's reminders
            p.reminder_error = f"{type(exc).__name__}: {exc}"[:200]
            log.error("Prediction %s: its reminder cannot be scheduled (%s); skipped", p.id, p.reminder_error)
    return len(rows)


def _due(at: datetime):
    return (Prediction.status == Status.OPEN, col(Prediction.next_remind_at) <= at,
            or_(col(Prediction.lease_until).is_(None), col(Prediction.lease_until) < at))


def claim_due(session: Session, at: datetime, batch: int = BATCH,
              lease: timedelta = timedelta(seconds=120)) -> Batch:
    """What to send now: per chat the oldest deadlines first, at most MAX_PER_CHAT prompts and a
    summary line for the rest; chats in their quiet hours are deferred to the hours' end.

    The chat is the unit of work. Its row is locked with FOR UPDATE SKIP LOCKED (PostgreSQL; SQLite runs
    one worker and ignores it), so concurrent workers take disjoint chats, and the prompts chosen are
    leased until `at + lease`: committed before anything is sent, a lease keeps every other worker off
    them, and if this worker dies they become due again when it expires."""
    due_chats = (select(col(Prediction.chat_id)).where(*_due(at)).group_by(col(Prediction.chat_id))
                 .order_by(func.min(col(Prediction.next_remind_at))).limit(batch))
    chat_rows = session.exec(
        select(Chat).where(col(Chat.chat_id).in_(due_chats.scalar_subquery()), col(Chat.active).is_(True))
        .with_for_update(skip_locked=True)
    ).all()
    chats: dict[int, Chat] = {c.chat_id: c for c in chat_rows}
    if not chats:
        return Batch()
    rows = session.exec(
        select(Prediction).where(*_due(at), col(Prediction.chat_id).in_(list(chats)))
        .order_by(col(Prediction.next_remind_at)).limit(batch * MAX_PER_CHAT)
    ).all()
    per_chat: dict[int, list[Prediction]] = defaultdict(list)
    for p in rows:
        per_chat[p.chat_id].append(p)
    out = Batch(chats=len(chats))
    for chat_id, items in per_chat.items():
        chat = chats[chat_id]
        quiet = quiet_until(chat, at)
        if quiet is not None:
            for p in items:
                p.next_remind_at = quiet
            continue
        items.sort(key=lambda p: (p.deadline, p.number))
        now_items, later = items[:MAX_PER_CHAT], items[MAX_PER_CHAT:]
        for p in now_items:
            p.lease_until = at + lease
        for v in attach_related(session, views(session, now_items)):
            out.prompts.append(Outgoing(v.id, chat_id, "prompt", v))
        if later:
            out.summaries[chat_id] = len(later)
            for p in later:  # not asked now; /due reaches them, and the next tick tomorrow asks again
                p.next_remind_at = at + timedelta(days=1)
    return out


def mark_sent(session: Session, prediction_id: int, message_id: int, at: datetime) -> None:
    """Called only after Telegram accepted the prompt."""
    p = session.get(Prediction, prediction_id)
    if p is None:
        return
    p.lease_until = None
    p.remind_count += 1
    p.last_prompt_message_id = message_id
    p.last_prompted_at = at
    if p.status == Status.OPEN:
        p.next_remind_at = next_ask(at, p.remind_count)


def release_all(session: Session) -> int:
    """At the start of the only worker (SQLite): leases left by a killed process are void."""
    rows = session.exec(select(Prediction).where(col(Prediction.lease_until).is_not(None))).all()
    for p in rows:
        p.lease_until = None
    return len(rows)


def mark_chat_inactive(session: Session, chat_id: int) -> None:
    chat = session.get(Chat, chat_id)
    if chat is not None:
        chat.active = False


def heads_up_due(session: Session, at: datetime, limit: int = BATCH) -> list[Outgoing]:
    """Open predictions whose deadline is tomorrow in their chat's timezone, for chats that asked."""
    today_utc = at.date()
    rows = session.exec(
        select(Prediction, Chat).join(Chat, col(Chat.chat_id) == col(Prediction.chat_id))
        .where(Prediction.status == Status.OPEN, col(Prediction.heads_up_sent).is_(False),
               col(Chat.heads_up).is_(True), col(Chat.active).is_(True),
               col(Prediction.deadline) >= today_utc, col(Prediction.deadline) <= today_utc + timedelta(days=2))
        .limit(limit)
    ).all()
    out = []
    for p, chat in rows:
        local_today = at.astimezone(ZoneInfo(chat.timezone)).date()
        if p.deadline != local_today + timedelta(days=1) or quiet_until(chat, at) is not None:
            continue
        out.append(Outgoing(p.id or 0, chat.chat_id, "heads_up", views(session, [p])[0]))
    return out


def mark_heads_up(session: Session, prediction_id: int) -> None:
    p = session.get(Prediction, prediction_id)
    if p is not None:
        p.heads_up_sent = True


# ---------------------------------------------------------------- the services jobs/ calls, one transaction each
def claim(db: Database, at: datetime, batch: int, lease: timedelta) -> Batch:
    """Claim what is due; committed before anything is sent."""
    with db.session() as session:
        return claim_due(session, at, batch=batch, lease=lease)


def prepare(db: Database) -> None:
    """Open predictions without a reminder time get one."""
    with db.session() as session:
        backfill(session)


def sent(db: Database, prediction_id: int, message_id: int, at: datetime) -> None:
    with db.session() as session:
        mark_sent(session, prediction_id, message_id, at)


def heads_up_sent(db: Database, prediction_id: int) -> None:
    with db.session() as session:
        mark_heads_up(session, prediction_id)


def chat_gone(db: Database, chat_id: int) -> None:
    with db.session() as session:
        mark_chat_inactive(session, chat_id)


def heads_ups(db: Database, at: datetime) -> list[Outgoing]:
    with db.session() as session:
        return heads_up_due(session, at)
