"""Shared fixtures: a database per test, the loopback Bot API, and the real bot talking to it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fakeapi.runner import TOKEN, BotThread, make_settings
from tests.fakeapi.server import FakeTelegram
from tracker.db import Database

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'calledit.db'}"


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
