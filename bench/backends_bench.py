"""The due check and /stats with 1,000,000 predictions, on SQLite and PostgreSQL side by side.

    python bench/backends_bench.py [--rows 1000000] [--pg postgresql+psycopg://postgres@127.0.0.1:5432]

Data: 20,000 chats and 2,000 speakers; chat 0 holds 100,000 predictions; 1% of all are due now, two
thirds of the rest resolved. Prints, per backend, the median of: the raw indexed due query, a full claim
of 50 chats (what one step of the due check does, prompts rendered, rolled back), the /stats scoring
query for the big chat, and the scoring query over all 1,000,000 (the CLI's `calledit stats`).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHATS, SPEAKERS, BIG = 20_000, 2_000, 100_000


def load(url: str, rows: int) -> float:
    from sqlalchemy import insert

    from tracker.db import Database
    from tracker.models import Chat, Prediction, Speaker

    db = Database(url)
    db.migrate()
    now = datetime.now(UTC)
    statuses = ["fulfilled", "not_fulfilled", "partly", "unclear"]
    start = time.monotonic()
    with db.engine.begin() as conn:
        conn.execute(insert(Chat), [{"chat_id": c, "timezone": "UTC", "heads_up": False, "active": True,
                                     "created_at": now} for c in range(CHATS)])
        conn.execute(insert(Speaker), [{"id": i + 1, "name": f"Speaker {i}", "key": f"speaker {i}",
                                        "created_at": now} for i in range(SPEAKERS)])
        numbers: dict[int, int] = {}
        batch = []
        for i in range(rows):
            chat = 0 if i < BIG else i % CHATS
            numbers[chat] = numbers.get(chat, 0) + 1
            due = i % 100 == 7
            status = "open" if due or i % 3 == 0 else statuses[i % 4]
            batch.append({
                "chat_id": chat, "number": numbers[chat], "speaker_id": i % SPEAKERS + 1, "statement": f"s{i}",
                "made_at": date(2025, 1, 1), "created_at": now, "deadline": date(2025, 6, 1), "deadline_moves": 0,
                "vague": False, "confidence": (i % 9 + 1) / 10, "conditional": False, "status": status,
                "remind_count": 0, "heads_up_sent": False,
                "next_remind_at": (now - timedelta(hours=1)) if due else
                (now + timedelta(days=1 + i % 300) if status == "open" else None),
            })
            if len(batch) == 20_000:
                conn.execute(insert(Prediction), batch)
                batch = []
        if batch:
            conn.execute(insert(Prediction), batch)
    if url.startswith("postgresql"):
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            from sqlalchemy import text

            conn.execute(text("ANALYZE"))
    db.dispose()
    return time.monotonic() - start


def median_ms(fn, runs: int = 20) -> float:  # type: ignore[no-untyped-def]
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def measure(url: str) -> dict[str, float]:
    from sqlalchemy import text

    from tracker import reminders, scoring
    from tracker.db import Database

    db = Database(url)
    now = datetime.now(UTC)
    raw = text("SELECT prediction.id FROM prediction JOIN chat ON chat.chat_id = prediction.chat_id "
               "WHERE prediction.status = 'open' AND prediction.next_remind_at <= :at AND chat.active "
               "ORDER BY prediction.next_remind_at LIMIT 150")

    def raw_due() -> None:
        with db.engine.connect() as conn:
            conn.execute(raw, {"at": now}).fetchall()

    def claim() -> None:
        with db.session() as session:
            reminders.claim_due(session, now, batch=50)
            session.rollback()

    def stats_chat() -> None:
        with db.session() as session:
            scoring.speaker_records(session, 0)

    def stats_all() -> None:
        with db.session() as session:
            scoring.speaker_records(session)

    out = {"raw due query": median_ms(raw_due), "claim 50 chats": median_ms(claim),
           "/stats, 100k-row chat": median_ms(stats_chat, 10), "stats over all rows": median_ms(stats_all, 5)}
    db.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    urls = {"SQLite": f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"}
    pg_db = None
    try:
        import psycopg

        base = args.pg.replace("postgresql+psycopg://", "postgresql://")
        pg_db = f"calledit_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(base + "/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{pg_db}"')
        urls["PostgreSQL"] = f"{args.pg}/{pg_db}"
    except Exception as exc:
        print(f"PostgreSQL not measured: {type(exc).__name__}: {exc}")
    try:
        for name, url in urls.items():
            seconds = load(url, args.rows)
            print(f"{name}: {args.rows:,} predictions loaded in {seconds:.0f} s")
            results[name] = measure(url)
    finally:
        if pg_db:
            import psycopg

            with psycopg.connect(base + "/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{pg_db}" WITH (FORCE)')
    names = list(results)
    print(f"\n{'median, ms':28}" + "".join(f"{n:>14}" for n in names))
    for metric in next(iter(results.values())):
        print(f"{metric:28}" + "".join(f"{results[n][metric]:14.1f}" for n in names))


if __name__ == "__main__":
    main()
