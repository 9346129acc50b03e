"""Engine, sessions and migrations. Every schema change goes through Alembic.

The bot and the jobs never touch the database on the event loop: `Database.run(service, …)` runs a
service (one short transaction) on a small pool of worker threads, retrying it when SQLite says
"database is locked". A blocked database then costs a worker thread a few milliseconds, never the loop,
so one chat's button press cannot freeze every other chat (issue 18). In strict mode (the test suite sets
CALLEDIT_STRICT_SESSIONS=1) opening a session on a thread that runs an event loop raises, so a handler
that would hold a transaction across an `await` fails its test instead of freezing the bot."""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_S = 5  # SQLite waits this long for a lock inside one attempt (in a worker thread)
LOCKED_RETRIES = 5  # then the whole transaction is tried again, with a short growing pause
DB_THREADS = 4
P = ParamSpec("P")
R = TypeVar("R")


class SessionOnEventLoop(RuntimeError):
    """A database session was opened on the event loop's thread (strict mode)."""


def _is_locked(exc: OperationalError) -> bool:
    return "locked" in str(exc.orig).lower() or "busy" in str(exc.orig).lower()


def _on_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def make_engine(url: str) -> Engine:
    """An engine; SQLite gets WAL and foreign keys so a kill -9 loses nothing committed."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_S})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migrate(url: str) -> None:
    """Bring the schema to the newest revision; safe to run on every start."""
    command.upgrade(alembic_config(url), "head")


class Database:
    """One engine and a session factory, shared by the bot, the jobs and the CLI."""

    def __init__(self, url: str, strict: bool | None = None) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.strict = os.environ.get("CALLEDIT_STRICT_SESSIONS") == "1" if strict is None else strict
        self._executor: ThreadPoolExecutor | None = None

    def migrate(self) -> None:
        migrate(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed as a whole, or rolled back as a whole."""
        if self.strict and _on_event_loop():
            raise SessionOnEventLoop("a database session on the event loop: use `await db.run(service, ...)`")
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def call(self, service: Callable[Concatenate[Database, P], R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run a service (one transaction) here and now, again if SQLite reports a lock collision: the
        failed attempt was rolled back whole, so trying again is safe."""
        for attempt in range(LOCKED_RETRIES + 1):
            try:
                return service(self, *args, **kwargs)
            except OperationalError as exc:
                if not _is_locked(exc) or attempt == LOCKED_RETRIES:
                    raise
                log.info("Database busy; trying %s again (%d)", getattr(service, "__name__", "it"), attempt + 1)
                time.sleep(0.02 * 2 ** attempt)
        raise AssertionError("unreachable")

    async def run(self, service: Callable[Concatenate[Database, P], R], *args: P.args, **kwargs: P.kwargs) -> R:
        """`call` on a worker thread: what every handler and job uses, so the event loop never waits on
        the database."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(DB_THREADS, thread_name_prefix="db")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(self.call, service, *args, **kwargs))

    def dispose(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None
        self.engine.dispose()
