"""A chat's own settings (timezone, quiet hours, day-before heads-up, language) and its clock."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import update
from sqlmodel import col, select

from tracker import schedule
from tracker.db import Database
from tracker.errors import EditError, Problem
from tracker.models import Chat, Prediction, Status
from tracker.store import get_or_create_chat, retime_chat

LANGUAGES = ("en", "ru", "uk")  # what the bot speaks (its catalogues are in bot/locale)
DEFAULT_LANGUAGE = "en"
LANGUAGE_ALIASES = {"ua": "uk", "ukr": "uk", "ukrainian": "uk", "українська": "uk", "украинский": "uk",
                    "rus": "ru", "russian": "ru", "русский": "ru", "російська": "ru",
                    "eng": "en", "english": "en", "английский": "en", "англійська": "en"}


@dataclass(frozen=True)
class ChatSettings:
    timezone: str
    quiet_start: int | None
    quiet_end: int | None
    heads_up: bool
    language: str = DEFAULT_LANGUAGE


def _view(row: Chat) -> ChatSettings:
    return ChatSettings(row.timezone, row.quiet_start, row.quiet_end, row.heads_up, row.language or DEFAULT_LANGUAGE)


def _settings(db: Database, chat_id: int, title: str | None, default_tz: str, **changes: object) -> ChatSettings:
    with db.session() as session:
        row = get_or_create_chat(session, chat_id, title, default_tz)
        for name, value in changes.items():
            setattr(row, name, value)
        if "timezone" in changes:
            retime_chat(session, chat_id, row.timezone)
        return _view(row)


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
        return _view(row)


def set_heads_up(db: Database, chat_id: int, title: str | None, default_tz: str, on: bool | None) -> ChatSettings:
    """Turn the heads-up on or off; None flips it."""
    if on is None:
        on = not get(db, chat_id, title, default_tz).heads_up
    return _settings(db, chat_id, title, default_tz, heads_up=on)


def check_language(value: str) -> str:
    """en, ru or uk, from the code ("RU", "uk-UA") or the language's name in any of the three."""
    word = value.strip().lower()
    code = LANGUAGE_ALIASES.get(word, word.replace("_", "-").split("-", 1)[0])
    if code not in LANGUAGES:
        raise EditError(Problem.LANGUAGE_UNKNOWN, value=value.strip()[:40])
    return code


def set_language(db: Database, chat_id: int, title: str | None, default_tz: str, value: str) -> ChatSettings:
    """/settings language: the chat speaks this language from now on (prompts and digests too)."""
    return _settings(db, chat_id, title, default_tz, language=check_language(value))


def language_for(db: Database, chat_id: int, title: str | None, default_tz: str, candidate: str | None,
                 adopt: bool) -> str:
    """The chat's language. A chat that has none yet takes `candidate` (the language of the person using
    the bot, English if theirs is not one of ours) when `adopt` says they are using it: a private chat
    starts in its user's language, a group in the first user's. Otherwise nothing is stored."""
    with db.session() as session:
        row = session.get(Chat, chat_id)
        if row is not None and row.language:
            return row.language
        language = candidate if candidate in LANGUAGES else DEFAULT_LANGUAGE
        if adopt:
            get_or_create_chat(session, chat_id, title, default_tz).language = language
        return language


def languages(db: Database, chat_ids: list[int]) -> dict[int, str]:
    """The language of each of these chats (a job about to write to them), English where none is set."""
    if not chat_ids:
        return {}
    with db.session() as session:
        rows = session.exec(select(Chat.chat_id, Chat.language).where(col(Chat.chat_id).in_(set(chat_ids))))
        found = {chat_id: language for chat_id, language in rows if language}
    return {chat_id: found.get(chat_id, DEFAULT_LANGUAGE) for chat_id in chat_ids}
