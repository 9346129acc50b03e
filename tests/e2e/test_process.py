"""`calledit run` as a real process: answers, survives kill -9, retries Telegram's failures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import TOKEN, BotProcess
from tests.fakeapi.server import FakeTelegram

CHAT = 9001


def test_run_answers_and_kill9_loses_nothing(tg: FakeTelegram, bot_process: BotProcess) -> None:
    bot_process.start()
    assert "keep score" in tg.reply(CHAT, "/start", timeout=40).text
    assert "#1" in tg.reply(CHAT, "/add Trump: a summit in Budapest will happen within two weeks", "Saved").text
    assert "#2" in tg.reply(CHAT, "/add Putin: a peace deal could come soon", "Saved").text
    bot_process.kill9()

    bot_process.start()
    listing = tg.reply(CHAT, "/list", "Open predictions", timeout=40)
    assert "#1" in listing.text and "#2" in listing.text and "Budapest" in listing.text
    assert "#3" in tg.reply(CHAT, "/add Orban: Budapest will host the summit this autumn", "Saved").text
    bot_process.stop()
    log = bot_process.output()
    assert TOKEN not in log and TOKEN.split(":")[1] not in log


def test_transient_failures_are_retried(tg: FakeTelegram, bot_process: BotProcess) -> None:
    bot_process.start()
    assert "keep score" in tg.reply(CHAT, "/start", timeout=40).text
    tg.fail_next("sendMessage", 502, "Bad Gateway")
    tg.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    reply = tg.reply(CHAT, "/help", "Tracking one statement", timeout=30)
    assert reply.chat_id == CHAT
    assert ("sendMessage", "Bad Gateway") in tg.errors
    assert ("sendMessage", "Too Many Requests: retry after 1") in tg.errors
    bot_process.stop()
    assert TOKEN not in bot_process.output()


def test_missing_token_is_one_line(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    out = subprocess.run([sys.executable, "-m", "calledit", "run"], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0
    assert "BotFather" in out.stderr and "Traceback" not in out.stderr


def test_malformed_token_never_echoed(tmp_path: Path) -> None:
    secret = "not-a-real-token-but-secret-ish-value"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TELEGRAM_BOT_TOKEN": secret}
    out = subprocess.run([sys.executable, "-m", "calledit", "run"], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 2
    assert "does not look like a bot token" in out.stderr
    assert secret not in out.stderr + out.stdout


def test_sqlite_allows_one_worker(tg: FakeTelegram, bot_process: BotProcess, db_url: str, tmp_path: Path) -> None:
    from tests.conftest import PG_BASE

    if PG_BASE:
        return  # PostgreSQL allows several workers; tests/jobs/test_workers.py runs three
    bot_process.start()
    assert "keep score" in tg.reply(CHAT, "/start", timeout=40).text
    second = subprocess.run([sys.executable, "-m", "calledit", "run"], cwd=tmp_path, env=bot_process.env,
                            capture_output=True, text=True, timeout=60)
    assert second.returncode == 2
    assert "SQLite allows one bot process" in second.stderr and "Traceback" not in second.stderr
    assert "#1" in tg.reply(CHAT, "/add A: b will happen soon", "Saved").text  # the first one is unharmed
