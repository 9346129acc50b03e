"""Chats following feeds and channels: follow, list, unfollow, resume; which feeds are due (claimed with a
lease, SKIP LOCKED on PostgreSQL, so several workers never fetch one feed twice); what a poll found (new
items by key, kept in the database so a restart or a reordered feed never re-proposes one); backoff and
pausing after three days of failures; the stories a chat was shown (read once per chat, whichever feed)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import exists, func
from sqlmodel import Session, col, select

from tracker import schedule
from tracker.db import Database
from tracker.errors import FeedError, Problem
from tracker.feeds import Item, NotModified, Parsed
from tracker.links import canonical
from tracker.models import Chat, ChatStory, Feed, FeedItem, Follow, utcnow
from tracker.store import get_or_create_chat

DEFAULT_INTERVAL = 900  # seconds between polls of one feed
MAX_BACKOFF = timedelta(days=1)
PAUSE_AFTER = timedelta(days=3)
MAX_WORDS = 20


@dataclass(frozen=True)
class FollowView:
    number: int
    title: str
    url: str
    kind: str
    last_new_at: datetime | None
    last_error: str | None
    paused: bool
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()


@dataclass(frozen=True)
class Followed:
    """What /follow did: the chat's number for it, its title, how many items it holds now, and the latest
    few to read at once when a backfill was asked for."""

    number: int
    title: str
    items: int
    backfill: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class DueFeed:
    id: int
    url: str
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class Target:
    """A chat that follows a feed, with its filters and whether it saves claims without a review."""

    chat_id: int
    only: tuple[str, ...]
    skip: tuple[str, ...]
    auto: bool

    def wants(self, text: str) -> bool:
        """Plain words, matched case-insensitively on word boundaries (no user regexes)."""
        lowered = text.lower()

        def has(word: str) -> bool:
            return re.search(r"(?<!\w)" + re.escape(word.lower()) + r"(?!\w)", lowered) is not None

        if self.skip and any(has(w) for w in self.skip):
            return False
        return not self.only or any(has(w) for w in self.only)


@dataclass(frozen=True)
class PollResult:
    feed_id: int
    title: str
    new: list[Item] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    paused_chats: list[int] = field(default_factory=list)  # told once that the feed was paused


def words(raw: str | None) -> tuple[str, ...]:
    """"summit, ceasefire talks" → ("summit", "ceasefire talks"); refused beyond 20 or 40 characters."""
    found = tuple(w.strip() for w in (raw or "").split(",") if w.strip())
    if len(found) > MAX_WORDS or any(len(w) > 40 for w in found):
        raise FeedError(Problem.FEED_WORDS)
    return found


def _split(stored: str | None) -> tuple[str, ...]:
    return tuple(w for w in (stored or "").split("; ") if w)


def _next_number(session: Session, chat_id: int) -> int:
    top = session.exec(select(func.max(Follow.number)).where(Follow.chat_id == chat_id)).one()
    return int(top or 0) + 1


def _record_items(session: Session, feed_id: int, items: list[Item]) -> list[Item]:
    """Insert the items not seen before (by key); return them in feed order."""
    keys = [i.key for i in items]
    seen = set(session.exec(select(FeedItem.key).where(FeedItem.feed_id == feed_id,
                                                       col(FeedItem.key).in_(keys))).all()) if keys else set()
    new, added = [], set()
    for item in items:
        if item.key in seen or item.key in added:
            continue
        added.add(item.key)
        session.add(FeedItem(feed_id=feed_id, key=item.key, link=item.link, title=(item.title or "")[:500] or None,
                             published=item.published))
        new.append(item)
    return new


def _add_follow(session: Session, chat_id: int, feed: Feed, only: tuple[str, ...], skip: tuple[str, ...]) -> int:
    assert feed.id is not None
    get_or_create_chat(session, chat_id)
    if session.exec(select(Follow).where(Follow.chat_id == chat_id, Follow.feed_id == feed.id)).first():
        raise FeedError(Problem.FEED_ALREADY, title=feed.title or feed.url)
    number = _next_number(session, chat_id)
    session.add(Follow(chat_id=chat_id, feed_id=feed.id, number=number, only_words="; ".join(only) or None,
                       skip_words="; ".join(skip) or None))
    return number


def follow(db: Database, chat_id: int, parsed: Parsed, only: tuple[str, ...] = (), skip: tuple[str, ...] = (),
           backfill: int = 0, interval: int = DEFAULT_INTERVAL) -> Followed:
    """Follow a feed: everything it shows now counts as seen (nothing old is proposed), except the latest
    `backfill` items, returned to be read at once."""
    now = utcnow()
    with db.session() as session:
        feed = session.exec(select(Feed).where(Feed.url == parsed.url)).first()
        known = feed is not None
        if feed is None:
            feed = Feed(url=parsed.url, title=parsed.title, etag=parsed.etag, last_modified=parsed.last_modified,
                        interval_seconds=interval, next_check_at=now + timedelta(seconds=interval))
            session.add(feed)
            session.flush()
        assert feed.id is not None
        number = _add_follow(session, chat_id, feed, only, skip)
        latest = sorted(parsed.items, key=lambda i: i.published or datetime.min.date(), reverse=True)[:backfill]
        if known:  # other chats follow it: items new since its last poll are still theirs to get, not this one's
            for story in {canonical(i.link) for i in parsed.items if i.link and i not in latest}:
                if session.get(ChatStory, (chat_id, story)) is None:
                    session.add(ChatStory(chat_id=chat_id, story=story))
        else:
            _record_items(session, feed.id, parsed.items)
        feed.paused, feed.failures, feed.failing_since = False, 0, None
        return Followed(number, feed.title or parsed.url, len(parsed.items), latest)


def follow_channel(db: Database, chat_id: int, channel_id: int, title: str) -> Followed:
    with db.session() as session:
        url = f"tg:{channel_id}"
        feed = session.exec(select(Feed).where(Feed.url == url)).first()
        if feed is None:
            feed = Feed(url=url, kind="channel", channel_id=channel_id, title=title)
            session.add(feed)
            session.flush()
        feed.title = title
        return Followed(_add_follow(session, chat_id, feed, (), ()), title, 0)


def _follow_of(session: Session, chat_id: int, number: int) -> tuple[Follow, Feed]:
    row = session.exec(select(Follow, Feed).join(Feed, col(Feed.id) == col(Follow.feed_id))
                       .where(Follow.chat_id == chat_id, Follow.number == number)).first()
    if row is None:
        raise FeedError(Problem.FEED_NUMBER, number=number)
    return row[0], row[1]


def unfollow(db: Database, chat_id: int, number: int) -> str:
    with db.session() as session:
        follow_row, feed = _follow_of(session, chat_id, number)
        session.delete(follow_row)
        return feed.title or feed.url


def resume(db: Database, chat_id: int, number: int, at: datetime | None = None) -> str:
    """A paused feed is polled again at once."""
    with db.session() as session:
        _follow_row, feed = _follow_of(session, chat_id, number)
        feed.paused, feed.failures, feed.failing_since = False, 0, None
        feed.next_check_at = at or utcnow()
        return feed.title or feed.url


def follows(db: Database, chat_id: int) -> list[FollowView]:
    with db.session() as session:
        rows = session.exec(select(Follow, Feed).join(Feed, col(Feed.id) == col(Follow.feed_id))
                            .where(Follow.chat_id == chat_id).order_by(col(Follow.number))).all()
        return [FollowView(f.number, feed.title or feed.url, feed.url, feed.kind, feed.last_new_at, feed.last_error,
                           feed.paused, _split(f.only_words), _split(f.skip_words)) for f, feed in rows]


def claim_due(db: Database, at: datetime, lease_seconds: float, limit: int = 50) -> list[DueFeed]:
    """Feeds whose time has come and that someone follows, leased to this worker; rows another worker
    holds locked are skipped (PostgreSQL), and a lease keeps them off until it expires."""
    followed = exists().where(col(Follow.feed_id) == col(Feed.id))
    with db.session() as session:
        rows = session.exec(
            select(Feed).where(Feed.kind == "feed", col(Feed.paused).is_(False), col(Feed.next_check_at) <= at,
                               (col(Feed.lease_until).is_(None)) | (col(Feed.lease_until) < at), followed)
            .order_by(col(Feed.next_check_at)).limit(limit).with_for_update(skip_locked=True)).all()
        for feed in rows:
            feed.lease_until = at + timedelta(seconds=lease_seconds)
        return [DueFeed(f.id or 0, f.url, f.etag, f.last_modified) for f in rows]


def release_feeds(session: Session) -> int:
    """At the start of the only worker (SQLite): feed leases of a killed process are void."""
    rows = session.exec(select(Feed).where(col(Feed.lease_until).is_not(None))).all()
    for feed in rows:
        feed.lease_until = None
    return len(rows)


def _targets(session: Session, feed_id: int) -> list[Target]:
    rows = session.exec(select(Follow, Chat).join(Chat, col(Chat.chat_id) == col(Follow.chat_id))
                        .where(Follow.feed_id == feed_id, col(Chat.active).is_(True))).all()
    return [Target(f.chat_id, _split(f.only_words), _split(f.skip_words), c.feeds_auto) for f, c in rows]


def _failed(session: Session, feed: Feed, error: str, at: datetime) -> list[int]:
    feed.failures += 1
    feed.failing_since = feed.failing_since or at
    feed.last_error = error
    wait = min(timedelta(seconds=feed.interval_seconds) * 2 ** min(feed.failures, 10), MAX_BACKOFF)
    feed.next_check_at = at + wait
    if at - schedule.aware(feed.failing_since) >= PAUSE_AFTER and not feed.paused:
        feed.paused = True
        return [t.chat_id for t in _targets(session, feed.id or 0)]
    return []



def record(db: Database, feed_id: int, result: Parsed | NotModified | str, at: datetime) -> PollResult:
    """What a poll brought (a parsed feed, a 304, or an error code): new items recorded, the next check
    scheduled (backing off on errors, doubling up to a day), the lease released."""
    with db.session() as session:
        feed = session.get(Feed, feed_id)
        if feed is None:
            return PollResult(feed_id, "")
        feed.lease_until = None
        title = feed.title or feed.url
        if isinstance(result, str):
            return PollResult(feed_id, title, paused_chats=_failed(session, feed, result, at))
        feed.failures, feed.failing_since, feed.last_error = 0, None, None
        feed.next_check_at = at + timedelta(seconds=feed.interval_seconds)
        if isinstance(result, NotModified):
            return PollResult(feed_id, title)
        feed.etag, feed.last_modified = result.etag, result.last_modified
        feed.title = result.title or feed.title
        new = _record_items(session, feed_id, result.items)
        if new:
            feed.last_new_at = at
        return PollResult(feed_id, feed.title or feed.url, new, _targets(session, feed_id) if new else [])


def channel_post(db: Database, channel_id: int, item: Item) -> PollResult:
    """A post in a followed channel (its key "post:<message id>"): who follows it, nobody if it was seen."""
    with db.session() as session:
        feed = session.exec(select(Feed).where(Feed.kind == "channel", Feed.channel_id == channel_id)).first()
        if feed is None or feed.id is None:
            return PollResult(0, "")
        new = _record_items(session, feed.id, [item])
        if new:
            feed.last_new_at = utcnow()
        return PollResult(feed.id, feed.title or feed.url, new, _targets(session, feed.id) if new else [])


def first_showing(db: Database, chat_id: int, story: str) -> bool:
    """True the first time a chat is shown this story (canonical link), False after: read once per chat."""
    with db.session() as session:
        if session.get(ChatStory, (chat_id, story)) is not None:
            return False
        session.add(ChatStory(chat_id=chat_id, story=story))
        return True


def is_auto(db: Database, chat_id: int) -> bool:
    with db.session() as session:
        chat = session.get(Chat, chat_id)
        return bool(chat and chat.feeds_auto)


def set_auto(db: Database, chat_id: int, auto: bool) -> None:
    with db.session() as session:
        get_or_create_chat(session, chat_id).feeds_auto = auto
