"""/stats and /chart at scale: 100,000 resolved predictions over 2,000 speakers in one chat.

    python bench/stats_bench.py [--rows 100000] [--speakers 2000]

Prints the raw scoring query time (aim < 100 ms), the /stats answer time measured through the
loopback Bot API (command sent → reply received) and the chart time (aim < 1 s).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHAT = 4242


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--speakers", type=int, default=2_000)
    args = parser.parse_args()
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    from sqlalchemy import insert

    from bot.charts import render_png
    from tests.fakeapi.runner import BotThread, make_settings
    from tests.fakeapi.server import FakeTelegram
    from tracker import scoring
    from tracker.db import Database
    from tracker.models import Chat, Prediction, Speaker

    tmp = Path(tempfile.mkdtemp())
    url = f"sqlite:///{tmp / 'stats.db'}"
    db = Database(url)
    db.migrate()
    now = datetime.now(UTC)
    statuses = ["fulfilled", "not_fulfilled", "partly", "fulfilled", "not_fulfilled", "unclear", "annulled"]
    confidences = [0.35, 0.4, 0.45, 0.6, 0.7, 0.75, 0.8, 0.85, 0.95]
    with db.engine.begin() as conn:
        conn.execute(insert(Chat), [{"chat_id": CHAT, "timezone": "UTC", "heads_up": False, "active": True,
                                     "created_at": now}])
        conn.execute(insert(Speaker), [{"id": i + 1, "name": f"Speaker {i:04d}", "key": f"speaker {i:04d}",
                                        "created_at": now} for i in range(args.speakers)])
        rows = [{"chat_id": CHAT, "number": i + 1, "speaker_id": i % args.speakers + 1, "statement": f"s{i}",
                 "made_at": date(2025, 1, 1) + timedelta(days=i % 300), "created_at": now,
                 "deadline": date(2025, 6, 1), "deadline_moves": 0, "vague": False,
                 "confidence": confidences[(i * 7) % len(confidences)], "conditional": False,
                 "status": statuses[(i * 13 + i // args.speakers) % len(statuses)], "remind_count": 1,
                 "heads_up_sent": False, "resolved_at": now} for i in range(args.rows)]
        for start in range(0, len(rows), 50_000):
            conn.execute(insert(Prediction), rows[start:start + 50_000])
    samples = []
    for _ in range(10):
        with db.session() as session:
            start = time.perf_counter()
            records = scoring.speaker_records(session, CHAT)
            samples.append((time.perf_counter() - start) * 1000)
    print(f"{args.rows:,} resolved predictions, {args.speakers:,} speakers, one chat")
    print(f"  scoring query (grouped SQL + fold): median {statistics.median(samples):.1f} ms (aim < 100 ms); "
          f"{sum(r.ranked for r in records)} ranked")
    with db.session() as session:
        start = time.perf_counter()
        bins = scoring.calibration_bins(session, CHAT)
        bin_ms = (time.perf_counter() - start) * 1000
    print(f"  calibration bins query: {bin_ms:.1f} ms")
    calibration, speakers = bins.calibration(), scoring.chart_speakers(records)
    chart = []
    render_png("warm-up", calibration, speakers)
    for _ in range(5):
        start = time.perf_counter()
        png = render_png("This chat", calibration, speakers)
        chart.append((time.perf_counter() - start) * 1000)
    print(f"  chart render: median {statistics.median(chart):.0f} ms (aim < 1000 ms), {len(png) // 1024} KB PNG")

    tg = FakeTelegram().start()
    bot = BotThread(make_settings(tg, url, due_check_seconds=3600), db).start()
    tg.reply(CHAT, "/start", timeout=30)
    answers = []
    for _ in range(5):
        start = time.perf_counter()
        tg.reply(CHAT, "/stats", "Scoreboard", timeout=30)
        answers.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    mark = len(tg.messages)
    tg.send(CHAT, "/chart")
    tg.wait_for(lambda m: m.kind == "photo", after=mark, timeout=60)
    chart_answer = (time.perf_counter() - start) * 1000
    bot.stop()
    tg.stop()
    print(f"  /stats through the loopback Bot API: median {statistics.median(answers):.0f} ms")
    print(f"  /chart through the loopback Bot API: {chart_answer:.0f} ms (first call imports matplotlib)")


if __name__ == "__main__":
    main()
