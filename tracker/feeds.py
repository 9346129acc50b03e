"""Feeds as data: fetch one (conditionally, through the safe fetcher), parse it (feedparser for RSS 0.9x/1.0/
2.0 and Atom, over bytes we fetched — feedparser's own HTTP has no timeout; JSON Feed read here, it is plain
JSON), and find a site's feed from its page (`<link rel="alternate">`). No database here: following.py
stores what these return."""

from __future__ import annotations

import calendar
import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
import lxml.html

from tracker.errors import LinkError, Problem
from tracker.fetch import HTML_TYPES, Limits, fetch, host_of
from tracker.links import canonical

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                        "text/xml", "application/feed+json", "application/json"})
ALTERNATE_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
                   "application/rdf+xml")


@dataclass(frozen=True)
class Item:
    """One entry: its dedup key (GUID, else canonical link, else a hash of the title), link, title,
    summary and date."""

    key: str
    link: str | None
    title: str | None
    summary: str
    published: date | None


@dataclass(frozen=True)
class Parsed:
    url: str
    title: str | None
    items: list[Item]
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class NotModified:
    """304: nothing new, nothing downloaded."""


@dataclass(frozen=True)
class Discovered:
    """A page, not a feed, that names feeds in <link rel="alternate">."""

    feeds: list[str] = field(default_factory=list)


def item_key(guid: str | None, link: str | None, title: str | None) -> str:
    if guid and guid.strip():
        return "id:" + guid.strip()[:500]
    if link and link.strip():
        return "url:" + canonical(link)[:500]
    return "title:" + hashlib.sha256((title or "").strip().lower().encode()).hexdigest()


def _struct_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC).date()
    except (TypeError, ValueError, OverflowError):
        return None


def _iso_date(value: Any) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC).date()
    except ValueError:
        return None


def _json_feed(body: bytes, url: str) -> Parsed | None:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith("https://jsonfeed.org/version/"):
        return None
    items = []
    for entry in data.get("items") or []:
        if not isinstance(entry, dict):
            continue
        link = entry.get("url") or entry.get("external_url")
        link = urljoin(url, link) if isinstance(link, str) else None
        title = entry.get("title") if isinstance(entry.get("title"), str) else None
        summary = str(entry.get("summary") or entry.get("content_text") or "")
        guid = str(entry["id"]) if entry.get("id") is not None else None
        items.append(Item(item_key(guid, link, title), link, title, summary,
                          _iso_date(entry.get("date_published"))))
    return Parsed(url, data.get("title") if isinstance(data.get("title"), str) else None, items)


def _xml_feed(body: bytes, url: str, content_type: str) -> Parsed | None:
    doc = feedparser.parse(body, response_headers={"content-type": content_type or "application/xml",
                                                   "content-location": url})
    if not doc.entries and (doc.get("bozo") or not doc.get("version")):
        return None  # garbage, or not a feed at all (an empty but well-formed feed is fine)
    items = []
    for entry in doc.entries:
        link = entry.get("link")
        link = urljoin(url, link) if link else None
        title = entry.get("title")
        published = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        items.append(Item(item_key(entry.get("id"), link, title), link, title,
                          str(entry.get("summary") or ""), published))
    return Parsed(url, doc.feed.get("title"), items)


def alternates(body: bytes, url: str) -> list[str]:
    """The feeds a page names in <link rel="alternate" type="…rss/atom/json…">, absolute."""
    try:
        tree = lxml.html.fromstring(body)
    except (ValueError, lxml.etree.ParserError):
        return []
    found = []
    for link in tree.xpath('//link[@href]'):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().strip()
        if "alternate" in rel and kind in ALTERNATE_TYPES:
            found.append(urljoin(url, link.get("href").strip()))
    return list(dict.fromkeys(found))


def parse(body: bytes, url: str, content_type: str = "") -> Parsed | Discovered:
    """A feed's items, or the feeds an HTML page names; LinkError(LINK_NOT_FEED) for anything else."""
    parsed = _json_feed(body, url) if body.lstrip()[:1] == b"{" else None
    if parsed is None and content_type not in HTML_TYPES:
        parsed = _xml_feed(body, url, content_type)
    if parsed is not None:
        return parsed
    found = alternates(body, url)
    if found:
        return Discovered(found)
    raise LinkError(Problem.LINK_NOT_FEED, host=host_of(url))


FEED_LIMITS = FEED_TYPES | HTML_TYPES


async def poll(url: str, limits: Limits, etag: str | None = None,
               last_modified: str | None = None) -> Parsed | NotModified:
    """Fetch a feed (If-None-Match / If-Modified-Since when known) and parse it."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    page = await fetch(url, replace(limits, accept=FEED_LIMITS), headers=headers)
    if page.status == 304:
        return NotModified()
    result = parse(page.body, page.url, page.content_type)
    if isinstance(result, Discovered):
        raise LinkError(Problem.LINK_NOT_FEED, host=host_of(url))
    return replace(result, etag=page.headers.get("etag"), last_modified=page.headers.get("last-modified"))


async def discover(url: str, limits: Limits) -> Parsed:
    """The feed at `url`, or the first feed its page names (autodiscovery)."""
    page = await fetch(url, replace(limits, accept=FEED_LIMITS))
    result = parse(page.body, page.url, page.content_type)
    if isinstance(result, Discovered):
        page = await fetch(result.feeds[0], replace(limits, accept=FEED_LIMITS))
        result = parse(page.body, page.url, page.content_type)
        if isinstance(result, Discovered):
            raise LinkError(Problem.LINK_NOT_FEED, host=host_of(url))
    return replace(result, etag=page.headers.get("etag"), last_modified=page.headers.get("last-modified"))
