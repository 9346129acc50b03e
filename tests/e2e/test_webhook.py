"""`calledit run --webhook`: the secret token is checked, /healthz answers, logs can be JSON,
SIGTERM lets the batch in hand finish."""

from __future__ import annotations

import json
import signal
import socket
import time
from pathlib import Path

import httpx

from tests.conftest import TOKEN, BotProcess, wait_until
from tests.fakeapi.server import FakeTelegram

SECRET = "s3cret_Token-for-tests"
CHAT = 3131


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def webhook_process(tg: FakeTelegram, db_url: str, workdir: Path, port: int, **env: str) -> BotProcess:
    proc = BotProcess(tg, db_url, workdir, WEBHOOK_URL="https://bot.example.org/telegram",
                      WEBHOOK_LISTEN=f"127.0.0.1:{port}", WEBHOOK_SECRET=SECRET, **env)
    proc.proc = None
    return proc


def start_webhook(proc: BotProcess) -> BotProcess:
    import subprocess
    import sys

    proc.proc = subprocess.Popen([sys.executable, "-m", "calledit", "run", "--webhook"], cwd=proc.workdir,
                                 env=proc.env, stdout=proc.log.open("ab"), stderr=subprocess.STDOUT)
    return proc


def test_webhook_checks_the_secret(tg: FakeTelegram, db_url: str, tmp_path: Path) -> None:
    port = free_port()
    proc = start_webhook(webhook_process(tg, db_url, tmp_path, port, LOG_FORMAT="json"))
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: _get(f"{base}/healthz") == 200, timeout=60)
        health = httpx.get(f"{base}/healthz").json()
        assert health["status"] == "ok" and health["database"] == "ok"
        assert tg.webhook == {"url": "https://bot.example.org/telegram", "secret_token": SECRET}

        update = tg.message_update(CHAT, "/start")
        assert httpx.post(f"{base}/telegram", json=update).status_code == 403
        wrong = {"X-Telegram-Bot-Api-Secret-Token": "guess"}
        assert httpx.post(f"{base}/telegram", json=update, headers=wrong).status_code == 403
        time.sleep(1.0)
        assert tg.in_chat(CHAT) == []  # refused updates were not handled

        right = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        assert httpx.post(f"{base}/telegram", content=b"not json", headers=right).status_code == 400
        assert httpx.post(f"{base}/telegram", json=update, headers=right).status_code == 200
        assert "keep score" in tg.wait_for(lambda m: m.chat_id == CHAT).text
        saved = tg.message_update(CHAT, "/add Trump: the summit will happen within two weeks")
        assert httpx.post(f"{base}/telegram", json=saved, headers=right).status_code == 200
        assert "#1" in tg.wait_for(lambda m: m.chat_id == CHAT and "Saved" in m.text).text
    finally:
        assert proc.proc is not None
        proc.proc.send_signal(signal.SIGTERM)
        assert proc.proc.wait(30) == 0
    lines = [line for line in proc.output().splitlines() if line.startswith("{")]
    assert lines and all("level" in json.loads(line) for line in lines)
    assert any("refused" in json.loads(line)["message"] for line in lines)
    output = proc.output()
    assert SECRET not in output and TOKEN not in output


def _get(url: str) -> int:
    try:
        return httpx.get(url, timeout=2).status_code
    except httpx.HTTPError:
        return 0


def test_webhook_needs_its_settings(tmp_path: Path, db_url: str) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "DATABASE_URL": db_url}
    env.pop("WEBHOOK_URL", None)
    out = subprocess.run([sys.executable, "-m", "calledit", "run", "--webhook"], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "WEBHOOK_URL" in out.stderr and "Traceback" not in out.stderr


def test_sigterm_finishes_the_batch_in_hand(tg: FakeTelegram, db, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from tracker.store import NewPrediction, add_prediction

    chats = list(range(9100, 9160))
    with db.session() as session:
        for chat in chats:
            add_prediction(session, NewPrediction(chat_id=chat, speaker="A", statement="x happens",
                                                  deadline=date.today() - timedelta(days=2),
                                                  made_at=date.today() - timedelta(days=9)))
    tg.send_delay = 0.1

    def sent() -> list:  # type: ignore[type-arg]
        return [m for m in tg.messages if "Deadline passed" in m.text]

    proc = BotProcess(tg, db_url, tmp_path).start()
    try:
        wait_until(lambda: len(sent()) >= 10, timeout=60)
        assert proc.proc is not None
        proc.proc.send_signal(signal.SIGTERM)
        assert proc.proc.wait(60) == 0
        assert {m.chat_id for m in sent()} == set(chats)  # the whole batch went out before exiting
        proc.start()
        time.sleep(4)
    finally:
        proc.stop()
    assert len(sent()) == len(chats)  # and nothing is asked twice after the restart
