"""Shared fixtures: a database per test, the loopback Bot API, and the real bot talking to it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fakeapi.pageserver import PageServer
from tests.fakeapi.runner import TOKEN, BotThread, make_settings
from tests.fakeapi.server import FakeTelegram
from tracker import fetch
from tracker.db import Database

ROOT = Path(__file__).resolve().parent.parent
# No database session may be opened on an event loop's thread: a handler or job that tried (and so could
# hold a transaction across an await, freezing the bot) fails its test. Subprocesses inherit it.
os.environ["CALLEDIT_STRICT_SESSIONS"] = "1"


PG_BASE = os.environ.get("CALLEDIT_TEST_PG")  # e.g. postgresql+psycopg://postgres@127.0.0.1:5432


class Databases:
    """Fresh, empty databases for one test: SQLite files, or throwaway PostgreSQL databases when
    CALLEDIT_TEST_PG names a server (CI runs the whole suite both ways)."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.created: list[str] = []

    def new(self, name: str = "calledit") -> str:
        if not PG_BASE:
            return f"sqlite:///{self.tmp_path / (name + '.db')}"
        import uuid

        import psycopg

        db_name = f"calledit_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(_plain(PG_BASE) + "/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{db_name}"')
        self.created.append(db_name)
        return f"{PG_BASE}/{db_name}"

    def drop_all(self) -> None:
        if not PG_BASE or not self.created:
            return
        import psycopg

        with psycopg.connect(_plain(PG_BASE) + "/postgres", autocommit=True) as conn:
            for db_name in self.created:
                conn.execute(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[Databases]:
    dbs = Databases(tmp_path)
    yield dbs
    dbs.drop_all()


@pytest.fixture
def db_url(databases: Databases) -> str:
    return databases.new()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    database.migrate()
    yield database
    database.dispose()


@pytest.fixture
def tg() -> Iterator[FakeTelegram]:
    server = FakeTelegram().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def no_public_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests fetch from loopback only: a link to a public name fails as unreachable instead of going out."""
    real = fetch.system_resolver

    def loopback_only(host: str, port: int) -> list[str]:
        if host == "localhost" or re.fullmatch(r"[0-9a-fA-Fx.:]+", host):
            return real(host, port)  # literals (127.0.0.1, 2130706433, ::1, 0x7f.1) need no lookup
        raise OSError(f"tests resolve no public names ({host})")

    monkeypatch.setattr(fetch, "system_resolver", loopback_only)


@pytest.fixture
def pages() -> Iterator[PageServer]:
    """The loopback web server of news-page fixtures (tests/fakeapi/pageserver.py)."""
    server = PageServer().start()
    yield server
    server.stop()


@pytest.fixture
def bot(tg: FakeTelegram, db: Database, db_url: str) -> Iterator[BotThread]:
    runner = BotThread(make_settings(tg, db_url), db).start()
    yield runner
    runner.stop()


class BotProcess:
    """`calledit run` as a user would start it, pointed at the loopback server."""

    def __init__(self, tg: FakeTelegram, db_url: str, workdir: Path, **env: str) -> None:
        self.env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": tg.base_url,
                    "DATABASE_URL": db_url, "DUE_CHECK_SECONDS": "1", "LOG_LEVEL": "INFO", **env}
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = workdir / "bot.log"

    def start(self) -> BotProcess:
        self.proc = subprocess.Popen([sys.executable, "-m", "calledit", "run"], cwd=self.workdir, env=self.env,
                                     stdout=self.log.open("ab"), stderr=subprocess.STDOUT)
        return self

    def kill9(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@pytest.fixture
def bot_process(tg: FakeTelegram, db_url: str, tmp_path: Path) -> Iterator[BotProcess]:
    proc = BotProcess(tg, db_url, tmp_path)
    yield proc
    proc.stop()


def wait_until(predicate: Any, timeout: float = 20.0, interval: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise AssertionError("condition not met in time")
