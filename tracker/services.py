"""What every entry point shares: settings, the database, the keys that sign and check buttons."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.config import Settings
from tracker.db import Database


@dataclass
class Services:
    settings: Settings
    db: Database
    callback_secret: bytes  # signs new buttons (tracker/secrets.py)
    accepted_secrets: tuple[bytes, ...] = ()  # also accepted when checking: keys of buttons sent earlier
