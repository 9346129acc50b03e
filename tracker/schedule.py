"""When to ask: the first time when the deadline day has ended in the chat's timezone, then again
after growing gaps until someone answers, never during the chat's quiet hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tracker.models import Chat, utcnow

# Days between asking again: after 1, 3 and 7 days, then weekly.
REASK_GAPS_DAYS = [1, 3, 7]
WEEKLY = 7


def now() -> datetime:
    """The clock the scheduler reads; tests replace it to move days in milliseconds."""
    return utcnow()


EARLIEST = date(1900, 1, 1)
LATEST = date(2200, 12, 31)  # deadlines beyond are refused: the reminder arithmetic must never overflow


def aware(when: datetime) -> datetime:
    """A stored time as aware UTC: SQLite hands datetimes back naive, PostgreSQL aware."""
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def in_range(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def today_in(timezone: str) -> date:
    """Today in a chat's timezone, by the scheduler's clock (tests move both at once)."""
    return now().astimezone(ZoneInfo(timezone)).date()


def first_due(deadline: date, timezone: str) -> datetime:
    """The moment the deadline day ends in the chat's timezone, in UTC."""
    local_midnight = datetime.combine(deadline + timedelta(days=1), time(0), tzinfo=ZoneInfo(timezone))
    return local_midnight.astimezone(UTC)


def next_ask(after: datetime, times_asked: int) -> datetime:
    gap = REASK_GAPS_DAYS[times_asked - 1] if 0 < times_asked <= len(REASK_GAPS_DAYS) else WEEKLY
    return after + timedelta(days=gap)


def quiet_until(chat: Chat, at: datetime) -> datetime | None:
    """If `at` falls in the chat's quiet hours, when they end (UTC); else None."""
    if chat.quiet_start is None or chat.quiet_end is None:
        return None
    tz = ZoneInfo(chat.timezone)
    local = at.astimezone(tz)
    start, end = chat.quiet_start, chat.quiet_end
    hour = local.hour
    inside = (start <= hour < end) if start < end else (hour >= start or hour < end)
    if not inside:
        return None
    end_day = local.date() if hour < end else local.date() + timedelta(days=1)
    return datetime.combine(end_day, time(end), tzinfo=tz).astimezone(UTC)
