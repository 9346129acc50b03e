"""What every entry point shares: settings, the database, the callback-signing secret."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

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
        return datetime.now(tz).date()
