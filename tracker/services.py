"""What every entry point shares: settings, the database, the callback-signing secret."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from tracker import schedule
from tracker.config import Settings
from tracker.db import Database
from tracker.models import Chat


@dataclass
class Services:
    settings: Settings
    db: Database
    callback_secret: bytes

    def chat_today(self, chat: Chat | None) -> date:
        tz = ZoneInfo(chat.timezone if chat else self.settings.default_timezone)
        return schedule.now().astimezone(tz).date()  # the scheduler's clock, so tests can move both at once
