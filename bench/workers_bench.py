"""Several webhook workers, one bot: does the shared send pace keep the bot under Telegram's limit?

    python bench/workers_bench.py [--chats 900] [--workers 3] [--pg postgresql+psycopg://postgres@127.0.0.1:5432]
                                  [--redis redis://127.0.0.1:6379/14]

--chats overdue predictions, one per chat, in a fresh PostgreSQL database; --workers `calledit run --webhook`
processes; the loopback Bot API answers 429 beyond 30 messages in any one second. Once the batch is a third
through, one worker is killed with kill -9 between two sends. Three runs side by side:

  alone     each worker paces itself at 29.5/s (the baseline: how it was before the shared pace)

The claim lease is 15 s: a chunk of 50 chats must go out within it at a third of the pace.
  database  the workers share one pace through PostgreSQL (no Redis)
  redis     the workers share one pace through Redis

For each: every chat prompted?, repeats (must stay within the in-flight bound, 8), 429s (aim 0), and the
send rate while all messages were flowing, as a fraction of 30/s (aim >= 0.9 with Redis, >= 0.8 without).
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run(mode: str, chats: int, workers: int, pg: str, redis_url: str) -> dict[str, object]:
    import psycopg
    import redis
    from sqlalchemy import insert

    from tests.conftest import BotProcess
    from tests.e2e.test_webhook import free_port
    from tests.fakeapi.server import FakeTelegram
    from tracker.db import Database
    from tracker.models import Chat, Prediction, utcnow
    from tracker.schedule import first_due

    name = f"calledit_bench_{uuid.uuid4().hex[:10]}"
    plain = pg.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{pg}/{name}"
    db = Database(url)
    db.migrate()
    ids = list(range(30_000, 30_000 + chats))
    now, deadline = utcnow(), date.today() - timedelta(days=3)
    with db.engine.begin() as conn:
        conn.execute(insert(Chat), [{"chat_id": c, "timezone": "UTC", "heads_up": False, "active": True,
                                     "created_at": now} for c in ids])
        conn.execute(insert(Prediction), [{
            "chat_id": c, "number": 1, "statement": f"event in chat {c}", "made_at": deadline - timedelta(days=20),
            "created_at": now, "deadline": deadline, "deadline_moves": 0, "vague": False, "confidence": 0.7,
            "conditional": False, "status": "open", "remind_count": 0, "heads_up_sent": False,
            "next_remind_at": first_due(deadline, "UTC")} for c in ids])
    if mode == "redis":
        redis.Redis.from_url(redis_url).flushdb()
    tg = FakeTelegram().start()
    tg.rate_limit = (30, 1.0)
    tg.send_delay = 0.02
    tmp = Path(tempfile.mkdtemp())
    env = {"alone": {"SHARED_PACE": "false"}, "database": {},
           "redis": {"REDIS_URL": redis_url}}[mode]
    procs = {}
    for i in range(1, workers + 1):
        w = f"w{i}"
        proc = BotProcess(tg, url, tmp, TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{tg.port}/{w}/bot",
                          WEBHOOK_URL=f"https://bot.example.org/{w}", WEBHOOK_LISTEN=f"127.0.0.1:{free_port()}",
                          WEBHOOK_SECRET="bench-secret", CLAIM_LEASE_SECONDS="15", DUE_CHECK_SECONDS="1",
                          **env)
        proc.log = tmp / f"{w}.log"
        proc.proc = subprocess.Popen([sys.executable, "-m", "calledit", "run", "--webhook"], cwd=tmp,
                                     env=proc.env, stdout=proc.log.open("ab"), stderr=subprocess.STDOUT)
        procs[w] = proc

    def prompts() -> list:  # type: ignore[type-arg]
        return [m for m in tg.messages if "Deadline passed" in m.text]

    killed = False
    limit = time.monotonic() + chats / 10 + 120
    try:
        # Polled cheaply (a length, once a second): the loopback server runs in this process, and a busy
        # poll would delay its handling and bunch the messages it counts.
        while time.monotonic() < limit:
            sent = len(tg.send_log)
            if not killed and sent >= chats // 3 and tg.sent_by.get("w2", 0) > 10:
                tg.paused.add("w2")  # hold its requests at the door, kill it, never deliver them
                time.sleep(0.3)
                procs["w2"].kill9()
                tg.dropped.add("w2")
                killed = True
            if sent >= chats and {m.chat_id for m in prompts()} >= set(ids):
                break
            time.sleep(1.0)
        time.sleep(3)
    finally:
        for proc in procs.values():
            if proc.proc and proc.proc.poll() is None:
                proc.proc.send_signal(signal.SIGTERM)
                proc.proc.wait(60)
        tg.stop()
        db.dispose()
        with psycopg.connect(plain + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    per_chat: dict[int, int] = {}
    for m in prompts():
        per_chat[m.chat_id] = per_chat.get(m.chat_id, 0) + 1
    times = sorted(t for chat, t in tg.send_log if chat in per_chat and t is not None)
    # The rate while messages flowed: the middle 80% of the sends, so start-up and the lease wait after the
    # kill do not count as the pace.
    lo, hi = times[len(times) // 10], times[len(times) * 9 // 10]
    rate = (len(times) * 8 // 10) / (hi - lo) if hi > lo else 0.0
    return {"mode": mode, "prompted": f"{len(per_chat)}/{chats}", "repeats": sum(n - 1 for n in per_chat.values()),
            "429s": tg.too_many, "rate": rate / 30, "seconds": (times[-1] - times[0]) if times else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chats", type=int, default=900)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--modes", default="alone,database,redis")
    args = parser.parse_args()
    results = [run(mode, args.chats, args.workers, args.pg, args.redis) for mode in args.modes.split(",")]
    print(f"{args.workers} workers, {args.chats} chats, one killed mid-batch; Bot API answers 429 beyond 30/s")
    print(f"{'mode':10} {'prompted':>10} {'repeats':>8} {'429s':>6} {'rate/30':>8} {'seconds':>8}")
    for r in results:
        print(f"{r['mode']:10} {r['prompted']:>10} {r['repeats']:>8} {r['429s']:>6} {r['rate']:>8.2f} "
              f"{r['seconds']:>8.1f}")


if __name__ == "__main__":
    main()
