"""A chat's own settings (timezone, quiet hours, day-before heads-up) and its clock."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import update
from sqlmodel import col

from tracker import schedule
from tracker.db import Database
from tracker.errors import EditError, Problem
from tracker.models import Prediction, Status
from tracker.store import get_or_create_chat, retime_chat


@dataclass(frozen=True)
class ChatSettings:
    timezone: str
    quiet_start: int | None
    quiet_end: int | None
    heads_up: bool


def _settings(db: Database, chat_id: int, title: str | None, default_tz: str, **changes: object) -> ChatSettings:
    with db.session() as session:
        row = get_or_create_chat(session, chat_id, title, default_tz)
        for name, value in changes.items():
            setattr(row, name, value)
        if "timezone" in changes:
            retime_chat(session, chat_id, row.timezone)
        return ChatSettings(row.timezone, row.quiet_start, row.quiet_end, row.heads_up)


def get(db: Database, chat_id: int, title: str | None, default_tz: str) -> ChatSettings:
    return _settings(db, chat_id, title, default_tz)


def today(db: Database, chat_id: int, title: str | None, default_tz: str) -> tuple[date, str]:
    """Today in the chat's timezone, by the scheduler's clock (tests move both at once), and that zone."""
    tz = get(db, chat_id, title, default_tz).timezone
    return schedule.today_in(tz), tz


def check_timezone(value: str) -> str:
    """An IANA zone name, matched whatever its case ("europe/kyiv" is Europe/Kyiv)."""
    name = value.strip()
    name = _zones_by_lower().get(name.lower(), name)
    try:
        if not name or "\x00" in name:
            raise ZoneInfoNotFoundError(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise EditError(Problem.TIMEZONE_UNKNOWN, value=name[:60]) from None
    return name


@functools.cache
def _zones_by_lower() -> dict[str, str]:
    return {zone.lower(): zone for zone in available_timezones()}


def set_timezone(db: Database, chat_id: int, title: str | None, default_tz: str, value: str) -> ChatSettings:
    """A new timezone; reminders not yet sent move to the new local morning."""
    return _settings(db, chat_id, title, default_tz, timezone=check_timezone(value))


def parse_quiet(value: str) -> tuple[int | None, int | None]:
    """'22-08' → (22, 8); 'off' → (None, None)."""
    value = value.strip().lower()
    if value in {"off", "none", "no"}:
        return None, None
    m = re.fullmatch(r"(\d{1,2})(?::00)?\s*[-–]\s*(\d{1,2})(?::00)?", value)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 23 or m.group(1) == m.group(2):
        raise EditError(Problem.QUIET_INVALID)
    return int(m.group(1)), int(m.group(2))


def set_quiet(db: Database, chat_id: int, title: str | None, default_tz: str, value: str) -> ChatSettings:
    """New quiet hours; prompts held back until the end of the old ones are released now if the new
    hours no longer hold them."""
    start, end = parse_quiet(value)
    with db.session() as session:
        row = get_or_create_chat(session, chat_id, title, default_tz)
        now = schedule.now()
        held_until = schedule.quiet_until(row, now)
        row.quiet_start, row.quiet_end = start, end
        if held_until is not None and schedule.quiet_until(row, now) is None:
            session.exec(update(Prediction).where(
                col(Prediction.chat_id) == chat_id, col(Prediction.status) == Status.OPEN,
                col(Prediction.next_remind_at) == held_until).values(next_remind_at=now))
        return ChatSettings(row.timezone, row.quiet_start, row.quiet_end, row.heads_up)


def set_heads_up(db: Database, chat_id: int, title: str | None, default_tz: str, on: bool | None) -> ChatSettings:
    """Turn the heads-up on or off; None flips it."""
    if on is None:
        on = not get(db, chat_id, title, default_tz).heads_up
    return _settings(db, chat_id, title, default_tz, heads_up=on)
