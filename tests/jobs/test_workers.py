"""Several bot workers against one PostgreSQL: every prompt goes out exactly once between them,
also when one of them is killed in the middle of its batch."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import PG_BASE, BotProcess, wait_until
from tests.fakeapi.server import FakeTelegram

pytestmark = pytest.mark.skipif(not PG_BASE, reason="several workers need PostgreSQL (CALLEDIT_TEST_PG)")


def start_worker(tg: FakeTelegram, db_url: str, workdir: Path, name: str, port: int, **env: str) -> BotProcess:
    proc = BotProcess(tg, db_url, workdir, TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{tg.port}/{name}/bot",
                      WEBHOOK_URL=f"https://bot.example.org/{name}", WEBHOOK_LISTEN=f"127.0.0.1:{port}",
                      WEBHOOK_SECRET="worker-secret", CLAIM_LEASE_SECONDS="4", DUE_CHECK_SECONDS="1", **env)
    proc.log = workdir / f"{name}.log"
    proc.proc = subprocess.Popen([sys.executable, "-m", "calledit", "run", "--webhook"], cwd=workdir, env=proc.env,
                                 stdout=proc.log.open("ab"), stderr=subprocess.STDOUT)
    return proc


def test_three_workers_one_killed(tg: FakeTelegram, db, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import insert

    from tests.e2e.test_webhook import free_port
    from tracker.models import Chat, Prediction, utcnow
    from tracker.schedule import first_due

    chats = list(range(20_000, 21_000))
    now = utcnow()
    deadline = date.today() - timedelta(days=3)
    with db.engine.begin() as conn:
        conn.execute(insert(Chat), [{"chat_id": c, "timezone": "UTC", "heads_up": False, "active": True,
                                     "created_at": now} for c in chats])
        conn.execute(insert(Prediction), [{
            "chat_id": c, "number": 1, "statement": f"event in chat {c}", "made_at": deadline - timedelta(days=20),
            "created_at": now, "deadline": deadline, "deadline_moves": 0, "vague": False, "confidence": 0.7,
            "conditional": False, "status": "open", "remind_count": 0, "heads_up_sent": False,
            "next_remind_at": first_due(deadline, "UTC")} for c in chats])

    def prompts() -> list:  # type: ignore[type-arg]
        return [m for m in tg.messages if "Deadline passed" in m.text]

    tg.send_delay = 0.02
    workers = {name: start_worker(tg, db_url, tmp_path, name, free_port()) for name in ("w1", "w2", "w3")}
    try:
        wait_until(lambda: len(prompts()) >= 250 and tg.sent_by.get("w2", 0) >= 30, timeout=120)
        # Kill w2 between two sends: hold its requests at the door, kill it, and never deliver them.
        tg.paused.add("w2")
        wait_until(lambda: tg.in_flight.get("w2", 0) > 0, timeout=10)
        time.sleep(0.3)
        workers["w2"].kill9()
        tg.dropped.add("w2")
        sent_by_w2 = tg.sent_by.get("w2", 0)
        wait_until(lambda: {m.chat_id for m in prompts()} >= set(chats), timeout=180)
        time.sleep(6)  # longer than the lease: anything left to repeat would be repeated by now
    finally:
        for proc in workers.values():
            if proc.proc and proc.proc.poll() is None:
                proc.proc.send_signal(signal.SIGTERM)
                proc.proc.wait(60)
    per_chat: dict[int, int] = {}
    for m in prompts():
        per_chat[m.chat_id] = per_chat.get(m.chat_id, 0) + 1
    repeats = {c: n for c, n in per_chat.items() if n > 1}
    print(f"workers: sent by {dict(tg.sent_by)}; w2 killed after {sent_by_w2}; repeats {len(repeats)}")
    assert set(per_chat) == set(chats)
    assert repeats == {}
    assert tg.sent_by.get("w1", 0) > 0 and tg.sent_by.get("w3", 0) > 0 and sent_by_w2 > 0
