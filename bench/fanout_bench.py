"""Reminder fan-out and the due-check query, measured.

    python bench/fanout_bench.py [--chats 2000] [--rows 1000000]

1. Fan-out: one overdue prediction in each of --chats private chats; the real Application runs its due
   check against the loopback Bot API, which answers 429 beyond 30 messages in any one second. Prints
   the achieved rate as a fraction of 30/s (aim >= 0.9), the number of 429s (aim 0) and duplicates
   (must be 0).
2. Due-check query: --rows predictions in a SQLite file (most resolved or not yet due, 1% due), then the
   median time of the indexed claim query over 50 runs (aim: a few milliseconds).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def fanout(chats: int) -> None:
    from tests.fakeapi.runner import BotThread, make_settings
    from tests.fakeapi.server import FakeTelegram
    from tracker.db import Database
    from tracker.store import NewPrediction, add_prediction

    tmp = Path(tempfile.mkdtemp())
    url = f"sqlite:///{tmp / 'fanout.db'}"
    db = Database(url)
    db.migrate()
    today = date.today()
    with db.session() as session:
        for chat in range(1, chats + 1):
            add_prediction(session, NewPrediction(chat_id=chat, speaker=f"Speaker {chat % 97}",
                                                  statement=f"event {chat} happens", deadline=today - timedelta(days=2),
                                                  made_at=today - timedelta(days=30)))
    tg = FakeTelegram().start()
    tg.rate_limit = (30, 1.0)
    bot = BotThread(make_settings(tg, url, due_check_seconds=1.0), db).start()
    started = time.monotonic()
    deadline = started + chats / 20 + 60
    while time.monotonic() < deadline:
        prompts = [m for m in tg.messages if "Deadline passed" in m.text]
        if len({m.chat_id for m in prompts}) >= chats:
            break
        time.sleep(0.2)
    bot.stop()
    tg.stop()
    prompts = [m for m in tg.messages if "Deadline passed" in m.text]
    times = sorted(t for _, t in tg.send_log if t is not None)
    span = (times[-1] - times[0]) if len(times) > 1 else float("nan")
    rate = (len(times) - 1) / span if span else float("nan")
    per_chat: dict[int, int] = {}
    for m in prompts:
        per_chat[m.chat_id] = per_chat.get(m.chat_id, 0) + 1
    print(f"fan-out: {len(prompts)} prompts to {len(per_chat)} of {chats} chats in {span:.1f} s")
    print(f"  achieved rate {rate:.2f}/s = {rate / 30:.2f} of the 30/s limit (aim >= 0.9)")
    print(f"  429 answers: {tg.too_many} (aim 0)   duplicates: {sum(n - 1 for n in per_chat.values())} (must be 0)")


def due_query(rows: int) -> None:
    from sqlalchemy import insert, text

    from tracker import reminders
    from tracker.db import Database
    from tracker.models import Chat, Prediction

    tmp = Path(tempfile.mkdtemp())
    db = Database(f"sqlite:///{tmp / 'million.db'}")
    db.migrate()
    now = datetime.now(UTC)
    chats = 20_000
    t0 = time.monotonic()
    with db.engine.begin() as conn:
        conn.execute(insert(Chat), [{"chat_id": c, "timezone": "UTC", "heads_up": False, "active": True,
                                     "created_at": now} for c in range(chats)])
        batch = []
        for i in range(rows):
            chat = i % chats
            due = i % 100 == 0
            status = "open" if (due or i % 3 == 0) else "fulfilled"
            batch.append({
                "chat_id": chat, "number": i // chats + 1, "statement": f"s{i}", "made_at": date(2025, 1, 1),
                "created_at": now, "deadline": date(2025, 6, 1), "deadline_moves": 0, "vague": False,
                "confidence": 0.7, "conditional": False, "status": status, "remind_count": 0, "heads_up_sent": False,
                "next_remind_at": (now - timedelta(hours=1)) if due else (now + timedelta(days=30 + i % 300))
                if status == "open" else None,
            })
            if len(batch) == 50_000:
                conn.execute(insert(Prediction), batch)
                batch = []
        if batch:
            conn.execute(insert(Prediction), batch)
    load = time.monotonic() - t0
    with db.engine.connect() as conn:
        plan = conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT * FROM prediction JOIN chat ON chat.chat_id = prediction.chat_id "
            "WHERE prediction.status = 'open' AND prediction.next_remind_at <= :at AND chat.active "
            "ORDER BY prediction.next_remind_at LIMIT 500"), {"at": now}).fetchall()
    samples = []
    for _ in range(50):
        with db.session() as session:
            start = time.perf_counter()
            batch_out = reminders.claim_due(session, now, batch=500)
            samples.append((time.perf_counter() - start) * 1000)
            session.rollback()  # measure the claim, keep the data
    print(f"due-check query: {rows:,} predictions ({rows // 100:,} due) loaded in {load:.0f} s")
    print(f"  claim of a 500-row batch (query + prompt rendering): median {statistics.median(samples):.1f} ms, "
          f"p95 {sorted(samples)[int(len(samples) * 0.95) - 1]:.1f} ms; {len(batch_out.prompts)} prompts")
    print(f"  plan: {' | '.join(str(r[-1]) for r in plan)}")
    raw = []
    with db.engine.connect() as conn:
        for _ in range(50):
            start = time.perf_counter()
            conn.execute(text(
                "SELECT prediction.id FROM prediction JOIN chat ON chat.chat_id = prediction.chat_id "
                "WHERE prediction.status = 'open' AND prediction.next_remind_at <= :at AND chat.active "
                "ORDER BY prediction.next_remind_at LIMIT 500"), {"at": now.isoformat(" ")}).fetchall()
            raw.append((time.perf_counter() - start) * 1000)
    print(f"  raw indexed query alone: median {statistics.median(raw):.2f} ms")


def main() -> None:
    import logging

    logging.getLogger("apscheduler").setLevel(logging.ERROR)  # overlapping ticks are skipped by design
    parser = argparse.ArgumentParser()
    parser.add_argument("--chats", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    if args.chats:
        fanout(args.chats)
    if args.rows:
        due_query(args.rows)


if __name__ == "__main__":
    main()
