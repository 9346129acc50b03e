"""What a polling round (or a channel post) brings each following chat: the new items read as articles —
the page behind each item through the safe fetcher, else the item's own text — their claims extracted,
then per chat its keep/skip words applied, stories it was shown before dropped, and one digest review
opened (or saved at once in auto mode)."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tracker import following, links, reviews
from tracker.db import Database
from tracker.errors import LinkError
from tracker.extraction.backends import extract_with_backend
from tracker.extraction.claims import Claim
from tracker.feeds import Item
from tracker.fetch import Limits
from tracker.language import readable
from tracker.plaintext import html_to_text
from tracker.predictions import SaveResult
from tracker.store import get_or_create_source

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadItem:
    """An item read as an article: its story key (canonical link, else a hash of its text), the words the
    chat filters look at, and the article with its claims."""

    story: str
    words: str
    article: reviews.DigestArticle
    text: str = ""


@dataclass(frozen=True)
class ChatDigest:
    chat_id: int
    feed: str
    views: list[reviews.ReviewView] = field(default_factory=list)
    saved: SaveResult | None = None
    read: list[ReadItem] = field(default_factory=list)  # every new article the chat got, with or without claims


def _store_text(db: Database, text: str, title: str | None, published: date) -> int | None:
    with db.session() as session:
        return get_or_create_source(session, text, title=title, published=published).id


async def read_item(db: Database, item: Item, limits: Limits, today: date, settings: Any) -> ReadItem | None:
    """The article behind an item (its page, dated by the page, else by the item), or the item's own
    title and summary when the page cannot be read; None when there is nothing English to read."""
    text, title, url, source_id, published = "", item.title, item.link, None, item.published
    if item.link:
        try:
            article = await links.read(db, item.link, limits, today)
            text, title, url, source_id = article.text, item.title or article.title, article.url, article.source_id
            published = article.published or item.published
        except LinkError as exc:
            log.info("feed item %s: page not read (%s); using the item's text", item.link, exc.code.value)
    if not text:
        text = "\n\n".join(p for p in (item.title or "", html_to_text(item.summary)) if p.strip())
        if text:
            source_id = await db.run(_store_text, text, item.title, published or today)
    if not text.strip() or not readable(text):
        return None
    if not title:  # a channel post: its first line, as a reader would name it
        first = text.strip().split("\n", 1)[0]
        title = first if len(first) <= 90 else first[:89].rsplit(" ", 1)[0] + "…"
    day = published if published and published <= today else today
    claims: list[Claim] = await asyncio.to_thread(extract_with_backend, text, day, settings)
    story = links.canonical(url) if url else "text:" + hashlib.sha256(text.encode()).hexdigest()
    words = " ".join(p for p in (item.title or "", title or "", item.summary, text[:2000]) if p)
    return ReadItem(story, words, reviews.DigestArticle(source_id, title, url, day, claims), text)


async def for_chats(db: Database, feed: str, read: list[ReadItem], targets: list[following.Target]) -> list[ChatDigest]:
    """Per following chat: its items (filters, each story once), one digest of those with claims."""
    out = []
    for target in targets:
        mine = [r for r in read if target.wants(r.words)]
        fresh = [r for r in mine if await db.run(following.first_showing, target.chat_id, r.story)]
        with_claims = [r.article for r in fresh if r.article.claims]
        if not with_claims:  # articles without claims are counted in a digest, never a digest of their own
            out.append(ChatDigest(target.chat_id, feed, read=fresh))  # (they may still settle something)
            continue
        views, saved = await db.run(reviews.open_digest, target.chat_id, feed, with_claims,
                                    len(fresh) - len(with_claims), target.auto)
        out.append(ChatDigest(target.chat_id, feed, views, saved, fresh))
    return out


async def gather(db: Database, result: following.PollResult, limits: Limits, today: date,
                 settings: Any) -> list[ChatDigest]:
    """Read a round's new items once, then build each following chat's digest."""
    if not result.new or not result.targets:
        return []
    read = [r for r in [await read_item(db, item, limits, today, settings) for item in result.new] if r]
    return await for_chats(db, result.title, read, result.targets)
