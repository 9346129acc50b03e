"""Telegram redelivers updates a crashed worker had not confirmed; these remember which were handled."""

from __future__ import annotations

from tracker.db import Database
from tracker.store import mark_update, update_seen


def seen(db: Database, update_id: int) -> bool:
    with db.session() as session:
        return update_seen(session, update_id)


def done(db: Database, update_id: int) -> None:
    with db.session() as session:
        mark_update(session, update_id)
