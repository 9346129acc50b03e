"""Feed rounds for many followed feeds on the loopback feed server: wall time per round and feed
requests per second through the bot's own path (claim with a lease → conditional fetch through the safe
fetcher → parse → record → read new items' pages → claims → digests), beside a bare `feedparser.parse` of
the same payloads in the same run.

    python bench/feeds_bench.py [--feeds 1000] [--rounds 3] [--new 10]

Round 0 is the first poll of every feed (full 200 answers, no ETag known yet); later rounds have `--new`
feeds with one new item and every other feed answering 304. Digests are built in the database but not
sent (no Bot API here), so the numbers are the polling and reading cost.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakeapi.feedserver import FeedServer, FeedSpec, article_item  # noqa: E402
from tracker import digests, following  # noqa: E402
from tracker.config import Settings  # noqa: E402
from tracker.db import Database  # noqa: E402
from tracker.errors import LinkError  # noqa: E402
from tracker.feeds import poll  # noqa: E402
from tracker.fetch import Limits  # noqa: E402
from tracker.models import utcnow  # noqa: E402

AT_ONCE = 8  # as jobs/feeds.py
TODAY = date(2026, 11, 26)


def setup(db: Database, server: FeedServer, feeds: int) -> None:
    from sqlalchemy import insert, select

    from tracker.models import Chat, Feed, Follow

    now = utcnow()
    for i in range(feeds):
        server.add(f"/f/{i}", FeedSpec("rss", f"Wire {i}", [article_item(i + j * 10_000) for j in range(20)]))
    with db.engine.begin() as conn:
        conn.execute(insert(Chat), [{"chat_id": 50_000 + i, "timezone": "UTC", "heads_up": False, "active": True,
                                     "last_number": 0, "feeds_auto": False, "created_at": now} for i in range(feeds)])
        conn.execute(insert(Feed), [{"url": server.url(f"/f/{i}"), "kind": "feed", "title": f"Wire {i}",
                                     "interval_seconds": 0, "next_check_at": now, "failures": 0, "paused": False,
                                     "created_at": now} for i in range(feeds)])
        ids = [fid for (fid,) in conn.execute(select(Feed.id).order_by(Feed.id))]  # type: ignore[call-overload]
        conn.execute(insert(Follow), [{"chat_id": 50_000 + i, "feed_id": fid, "number": 1, "created_at": now}
                                      for i, fid in enumerate(ids)])


async def one_round(db: Database, limits: Limits, settings: Settings, baseline: bool) -> tuple[int, int]:
    """Every due feed once, as the feed job does it; returns (feeds polled, digests built)."""
    semaphore = asyncio.Semaphore(AT_ONCE)
    built = 0
    polled = 0

    async def check(feed: following.DueFeed) -> None:
        nonlocal built, polled
        async with semaphore:
            try:
                result: object = await poll(feed.url, limits, feed.etag, feed.last_modified)
            except LinkError as exc:
                result = exc.code.value
            outcome = await db.run(following.record, feed.id, result, utcnow())  # type: ignore[arg-type]
            polled += 1
            if not baseline:  # round 0 stands for the follow: what is there now counts as seen
                got = await digests.gather(db, outcome, limits, TODAY, settings)
                built += len(got)  # not `built += len(await …)`: that reads `built` before awaiting

    due = await db.run(following.claim_due, utcnow(), 300.0, 100_000)
    await asyncio.gather(*(check(feed) for feed in due))
    return polled, built


def bare_parse(server: FeedServer) -> float:
    import feedparser

    bodies = [server.body(spec)[0] for spec in server.feeds.values()]
    start = time.perf_counter()
    for body in bodies:
        feedparser.parse(body)
    return time.perf_counter() - start


def main() -> None:
    import logging

    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("tracker.digests").setLevel(logging.INFO)  # an item whose page could not be read
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--new", type=int, default=10)
    args = parser.parse_args()
    server = FeedServer().start()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{tmp}/bench.db")
        db.migrate()
        setup(db, server, args.feeds)
        settings = Settings(_env_file=None, fetch_allow_private=True)  # type: ignore[call-arg]
        limits = settings.fetch_limits()
        start = time.perf_counter()
        polled, _built = asyncio.run(one_round(db, limits, settings, baseline=True))
        first = time.perf_counter() - start
        print(f"{args.feeds} feeds of 20 items, {AT_ONCE} fetched side by side")
        print(f"round 0 (every feed answers 200 in full): {first:6.2f} s  {polled / first:7.1f} feeds/s")
        walls, rates, per_feed = [], [], []
        for r in range(args.rounds):
            for i in range(args.new):
                spec = server.feeds[f"/f/{(r * args.new + i) % args.feeds}"]
                spec.items.insert(0, article_item(900_000 + r * 1000 + i))
            before = server.not_modified
            start = time.perf_counter()
            polled, built = asyncio.run(one_round(db, limits, settings, baseline=False))
            wall = time.perf_counter() - start
            walls.append(wall)
            rates.append(polled / wall)
            per_feed.append(wall / polled)
            print(f"round {r + 1}: {polled} feeds ({server.not_modified - before} answered 304, {args.new} with a "
                  f"new item), {built} digests: {wall:6.2f} s  {polled / wall:7.1f} feeds/s")
        bare = bare_parse(server)
        print(f"median later round: {statistics.median(walls):.2f} s, {statistics.median(rates):.1f} requests/s, "
              f"{statistics.median(per_feed) * 1000:.2f} ms a feed")
        print(f"bare feedparser.parse of all {len(server.feeds)} full payloads: {bare:.2f} s "
              f"({bare / len(server.feeds) * 1000:.2f} ms a feed)")
        db.dispose()
    server.stop()


if __name__ == "__main__":
    main()
