"""The database guard and the lock retry that keep the event loop free (issue 18)."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from tracker.db import Database, SessionOnEventLoop


def _count(db: Database, extra: int = 0) -> int:
    with db.session() as session:
        return int(session.exec(text("SELECT 1")).scalar_one()) + extra  # type: ignore[call-overload]


def test_a_session_held_across_an_await_on_the_loop_fails_in_strict_mode(db_url: str) -> None:
    db = Database(db_url, strict=True)

    async def handler_that_holds_a_transaction() -> None:
        with db.session():
            await asyncio.sleep(0)  # e.g. waiting for Telegram with the transaction open

    async def handler_that_uses_a_service() -> int:
        return await db.run(_count, 1)

    with pytest.raises(SessionOnEventLoop):
        asyncio.run(handler_that_holds_a_transaction())
    assert asyncio.run(handler_that_uses_a_service()) == 2
    assert _count(db) == 1  # no loop on this thread: allowed (CLI, tests, worker threads)
    db.dispose()


def test_a_locked_database_is_tried_again(db_url: str) -> None:
    db = Database(db_url, strict=True)
    attempts = []

    def flaky(database: Database) -> str:
        attempts.append(1)
        if len(attempts) < 3:
            raise OperationalError("UPDATE ...", {}, sqlite3.OperationalError("database is locked"))
        return "done"

    def broken(database: Database) -> str:
        raise OperationalError("SELECT ...", {}, sqlite3.OperationalError("no such table: x"))

    assert db.call(flaky) == "done" and len(attempts) == 3
    with pytest.raises(OperationalError):
        db.call(broken)  # not a lock: not retried
    db.dispose()
