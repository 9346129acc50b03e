"""Following feeds, below the bot: backoff and pausing, keep/skip words, item keys, parsing and discovery."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from tracker import following
from tracker.db import Database
from tracker.errors import FeedError, LinkError, Problem
from tracker.feeds import Discovered, Item, Parsed, item_key, parse
from tracker.models import Feed, utcnow


def _followed(db: Database, chat_id: int = 77) -> int:
    parsed = Parsed("https://news.example/feed.xml", "Newswire",
                    [Item(item_key("g1", None, None), "https://news.example/a", "A", "", None)])
    following.follow(db, chat_id, parsed, interval=900)
    with db.session() as session:
        feed = session.exec(select(Feed)).one()
        return feed.id or 0


def test_failures_back_off_doubling_up_to_a_day_and_pause_after_three_days_telling_once(db: Database) -> None:
    feed_id = _followed(db)
    start = utcnow()
    gaps = []
    at = start
    for _ in range(7):
        result = following.record(db, feed_id, "link_server_error", at)
        with db.session() as session:
            feed = session.get(Feed, feed_id)
            assert feed is not None and feed.next_check_at is not None
            nxt = feed.next_check_at if feed.next_check_at.tzinfo else feed.next_check_at.replace(tzinfo=at.tzinfo)
            gaps.append(nxt - at)
        assert result.paused_chats == []
        at = nxt
    assert gaps[0] == timedelta(seconds=1800) and gaps[1] == timedelta(seconds=3600)
    assert max(gaps) == timedelta(days=1)
    told = following.record(db, feed_id, "link_server_error", start + timedelta(days=3, minutes=1))
    assert told.paused_chats == [77]
    again = following.record(db, feed_id, "link_server_error", start + timedelta(days=4))
    assert again.paused_chats == []  # told once
    rows = following.follows(db, 77)
    assert rows[0].paused and rows[0].last_error == "link_server_error"
    assert following.resume(db, 77, 1) == "Newswire"
    assert not following.follows(db, 77)[0].paused
    assert following.claim_due(db, utcnow() + timedelta(seconds=1), 60)  # due again at once


def test_a_success_clears_the_error_and_records_only_new_items(db: Database) -> None:
    feed_id = _followed(db)
    following.record(db, feed_id, "link_timeout", utcnow())
    items = [Item(item_key("g1", None, None), "https://news.example/a", "A", "", None),
             Item(item_key("g2", None, None), "https://news.example/b", "B", "", None)]
    result = following.record(db, feed_id, Parsed("https://news.example/feed.xml", "Newswire", items), utcnow())
    assert [i.key for i in result.new] == ["id:g2"] and [t.chat_id for t in result.targets] == [77]
    assert following.follows(db, 77)[0].last_error is None
    assert following.record(db, feed_id, Parsed("u", "Newswire", items[::-1]), utcnow()).new == []


def test_keep_and_skip_words_are_plain_whole_words() -> None:
    target = following.Target(1, ("summit", "cease fire"), ("sport",), False)
    assert target.wants("Summit in Budapest shelved")
    assert target.wants("A cease fire was agreed")
    assert not target.wants("Summitry and sport")  # "sport" skips; "Summitry" is not "summit"
    assert not target.wants("Markets rallied")
    with pytest.raises(FeedError) as refused:
        following.words(", ".join(f"w{i}" for i in range(21)))
    assert refused.value.code == Problem.FEED_WORDS
    assert following.words("a(b+)+c, [x") == ("a(b+)+c", "[x")  # taken literally, never as a pattern


def test_item_keys_prefer_guid_then_canonical_link_then_title() -> None:
    assert item_key("abc", "https://x.example/a", "T") == "id:abc"
    assert item_key(None, "https://x.example/a?utm_source=rss", "T") == item_key("", "https://x.example/a", "U")
    assert item_key(None, None, " Title ").startswith("title:") and item_key(None, None, "title") == \
        item_key(None, None, "TITLE")


def test_parse_feeds_pages_and_garbage() -> None:
    page = b'<html><head><link rel="alternate" type="application/atom+xml" href="/atom"></head></html>'
    found = parse(page, "https://site.example/news", "text/html")
    assert isinstance(found, Discovered) and found.feeds == ["https://site.example/atom"]
    with pytest.raises(LinkError) as refused:
        parse(b"<html><body>no feed here</body></html>", "https://site.example/", "text/html")
    assert refused.value.code == Problem.LINK_NOT_FEED
    with pytest.raises(LinkError):
        parse(b"<rss><channel><title>x</tit<item><<<", "https://site.example/rss", "application/rss+xml")
    empty = parse(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
                  "https://site.example/rss", "application/rss+xml")
    assert isinstance(empty, Parsed) and empty.title == "Quiet" and empty.items == []
