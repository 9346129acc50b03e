"""Reading a link: a URL a user shared becomes a stored, dated article, read once however often it is
shared. Looked up by its canonical URL first (no request at all for a link read before), else fetched
safely (tracker/fetch.py), its article found (tracker/pages.py, on a thread) and stored with its text."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass
from datetime import date

from courlan import normalize_url
from sqlmodel import col, or_, select

from tracker.db import Database
from tracker.errors import LinkError, Problem
from tracker.fetch import Limits, Resolver, fetch, host_of
from tracker.models import Source
from tracker.pages import PageArticle, read_page
from tracker.store import get_or_create_source, source_text


@dataclass(frozen=True)
class LinkArticle:
    """A link's article as stored: what the review and the saved predictions refer to."""

    source_id: int
    url: str
    title: str | None
    outlet: str | None
    published: date | None
    text: str
    cached: bool = False  # read from the database, not fetched

    @property
    def host(self) -> str:
        return host_of(self.url)


def canonical(url: str) -> str:
    """The URL without tracking parameters, fragment, default port or upper-case host (courlan)."""
    try:
        return str(normalize_url(url.strip(), strict=False))
    except (ValueError, AttributeError):
        return url.strip()


def _article(source: Source, cached: bool) -> LinkArticle:
    assert source.id is not None
    return LinkArticle(source.id, source.url or source.canonical_url or "", source.title, source.outlet,
                       source.published, source_text(source), cached)


def known(db: Database, url: str) -> LinkArticle | None:
    """The article behind `url` if it was read before (by its own URL or its page's canonical one)."""
    key = canonical(url)
    with db.session() as session:
        source = session.exec(select(Source).where(
            or_(Source.canonical_url == key, Source.url == url.strip(), Source.url == key),
            col(Source.text_z).is_not(None)).order_by(col(Source.id))).first()
        return _article(source, cached=True) if source is not None else None


def remember(db: Database, requested: str, article: PageArticle) -> LinkArticle:
    """Store the page's article (once: the same text from another URL is the same source)."""
    with db.session() as session:
        source = get_or_create_source(session, article.text, title=article.title, url=canonical(requested),
                                      published=article.published, canonical_url=canonical(article.canonical_url),
                                      outlet=article.outlet)
        session.flush()
        return _article(source, cached=False)


class LinkBudget:
    """At most `per_minute` fetches a chat may cause in any minute (this process's count), so one user
    cannot make the bot a fetching proxy. Links read before cost nothing."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._seen: dict[int, deque[float]] = {}

    def take(self, chat_id: int, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        times = self._seen.setdefault(chat_id, deque())
        while times and now - times[0] >= 60:
            times.popleft()
        if len(times) >= self.per_minute:
            raise LinkError(Problem.LINK_BUSY, limit=self.per_minute, seconds=max(1, round(60 - (now - times[0]))))
        times.append(now)


async def read(db: Database, url: str, limits: Limits, today: date, budget: LinkBudget | None = None,
               chat_id: int = 0, resolver: Resolver | None = None) -> LinkArticle:
    """The article at `url`: from the database when read before, else fetched, extracted and stored.
    Raises LinkError (nothing stored) when the link cannot be read as an article."""
    stored = await db.run(known, url)
    if stored is not None:
        return stored
    if budget is not None:
        budget.take(chat_id)
    page = await fetch(url, limits, resolver)
    article = await asyncio.to_thread(read_page, page, today)
    return await db.run(remember, url, article)
