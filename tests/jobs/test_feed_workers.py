"""Issue 15: two workers on one PostgreSQL poll 200 followed feeds; each new item's page is fetched once
(counted at the feed server) and each chat gets exactly one digest."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from tests.conftest import PG_BASE, wait_until
from tests.fakeapi.feedserver import FeedServer, FeedSpec, article_item
from tests.fakeapi.server import FakeTelegram
from tests.jobs.test_workers import start_worker

pytestmark = pytest.mark.skipif(not PG_BASE, reason="several workers need PostgreSQL (CALLEDIT_TEST_PG)")
FEEDS = 200


def test_two_workers_fetch_each_item_once(tg: FakeTelegram, db, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import insert, select

    from tests.e2e.test_webhook import free_port
    from tracker.feeds import item_key
    from tracker.models import Chat, Feed, FeedItem, Follow, utcnow

    server = FeedServer().start()
    try:
        now = utcnow()
        chats = [40_000 + i for i in range(FEEDS)]
        for i in range(FEEDS):
            server.add(f"/feeds/f{i}", FeedSpec("rss", f"Wire {i}", [article_item(i)]))
        with db.engine.begin() as conn:
            conn.execute(insert(Chat), [{"chat_id": c, "timezone": "UTC", "heads_up": False, "active": True,
                                         "last_number": 0, "feeds_auto": False, "created_at": now} for c in chats])
            conn.execute(insert(Feed), [{"url": server.url(f"/feeds/f{i}"), "kind": "feed", "title": f"Wire {i}",
                                         "interval_seconds": 1, "next_check_at": now, "failures": 0,
                                         "paused": False, "created_at": now} for i in range(FEEDS)])
            ids = {url: fid for fid, url in conn.execute(select(Feed.id, Feed.url))}  # type: ignore[call-overload]
            conn.execute(insert(Follow), [{"chat_id": chats[i], "feed_id": ids[server.url(f"/feeds/f{i}")],
                                           "number": 1, "created_at": now} for i in range(FEEDS)])
            conn.execute(insert(FeedItem), [{"feed_id": ids[server.url(f"/feeds/f{i}")],
                                             "key": item_key(f"story-{i}", None, None), "seen_at": now}
                                            for i in range(FEEDS)])  # what each feed showed when followed
        for i in range(FEEDS):  # one new item in every feed
            server.feeds[f"/feeds/f{i}"].items.insert(0, article_item(1000 + i))
        env = {"FETCH_ALLOW_PRIVATE": "true", "FEED_CHECK_SECONDS": "0.5", "FEED_INTERVAL_SECONDS": "1",
               "FEED_MIN_INTERVAL_SECONDS": "1"}
        workers = {name: start_worker(tg, db_url, tmp_path, name, free_port(), **env) for name in ("w1", "w2")}

        def digests() -> list:  # type: ignore[type-arg]
            return [m for m in tg.messages if m.text.startswith("📰 1 new article from Wire")]

        try:
            wait_until(lambda: {m.chat_id for m in digests()} >= set(chats), timeout=240)
            time.sleep(3)  # several more rounds: nothing may be fetched or proposed again
        finally:
            for proc in workers.values():
                if proc.proc and proc.proc.poll() is None:
                    proc.proc.send_signal(signal.SIGTERM)
                    proc.proc.wait(60)
        pages = {f"/a/story-{1000 + i}": server.hits[f"/a/story-{1000 + i}"] for i in range(FEEDS)}
        per_chat: dict[int, int] = {}
        for m in digests():
            per_chat[m.chat_id] = per_chat.get(m.chat_id, 0) + 1
        print(f"feed workers: digests by {dict(tg.sent_by)}; page fetches {sum(pages.values())} for {FEEDS} items; "
              f"304s {server.not_modified}")
        assert all(n == 1 for n in pages.values()), {p: n for p, n in pages.items() if n != 1}
        assert set(per_chat) == set(chats) and all(n == 1 for n in per_chat.values())
        assert tg.sent_by.get("w1", 0) > 0 and tg.sent_by.get("w2", 0) > 0  # both took a share
    finally:
        server.stop()
