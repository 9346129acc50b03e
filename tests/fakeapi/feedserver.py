"""A loopback feed server for the feeds tests and benchmark: feeds held in memory that a test changes
between polling rounds (RSS 2.0, RSS 1.0, Atom, JSON Feed, with or without GUIDs, reordered), answering
conditional GETs with 304, failing on cue (500), or serving garbage; a site page that names its feed; and
the article page behind every item. Every request is counted by path."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

from aiohttp import web

from tests.fakeapi.loopback import LoopbackServer

SPEAKERS = ["Clara Jensen", "Tomas Ruiz", "Amira Haddad", "Owen Hughes", "Priya Natarajan", "Mark Dale"]
EVENTS = ["the new bridge will open", "the budget will be presented", "the plant will start production",
          "the talks will resume", "the vote will be held", "the rail line will reopen"]


@dataclass
class FeedItem:
    slug: str
    title: str
    published: datetime
    guid: bool = True
    summary: str = ""


@dataclass
class FeedSpec:
    kind: str = "rss"  # rss | rdf | atom | json | malformed
    title: str = "Newswire"
    items: list[FeedItem] = field(default_factory=list)
    conditional: bool = True  # answer If-None-Match with 304 when nothing changed
    fail: list[int] = field(default_factory=list)  # statuses to answer before serving again


def article_item(n: int, title: str | None = None, days_ago: int = 0, guid: bool = True) -> FeedItem:
    speaker, event = SPEAKERS[n % len(SPEAKERS)], EVENTS[n % len(EVENTS)]
    published = datetime(2026, 11, 20, 9, 0, tzinfo=UTC) - timedelta(days=days_ago) + timedelta(minutes=n)
    return FeedItem(f"story-{n}", title or f"Story {n}: {event.split(' will')[0].capitalize()} plan", published,
                    guid, f"{speaker} spoke about it on Monday.")


class FeedServer(LoopbackServer):
    def __init__(self) -> None:
        super().__init__()
        self.feeds: dict[str, FeedSpec] = {}
        self.not_modified = 0

    # ------------------------------------------------------------------ bodies
    def _link(self, item: FeedItem) -> str:
        return self.url(f"/a/{item.slug}")

    def body(self, spec: FeedSpec) -> tuple[bytes, str]:
        if spec.kind == "json":
            data = {"version": "https://jsonfeed.org/version/1.1", "title": spec.title, "items": [
                {**({"id": item.slug} if item.guid else {}), "url": self._link(item), "title": item.title,
                 "summary": item.summary, "date_published": item.published.isoformat()} for item in spec.items]}
            return json.dumps(data).encode(), "application/feed+json"
        if spec.kind == "atom":
            entries = "".join(
                f"<entry><title>{escape(i.title)}</title><link href=\"{self._link(i)}\"/>"
                + (f"<id>urn:story:{i.slug}</id>" if i.guid else "")
                + f"<updated>{i.published.isoformat()}</updated><summary>{escape(i.summary)}</summary></entry>"
                for i in spec.items)
            return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                    f"<title>{escape(spec.title)}</title>{entries}</feed>").encode(), "application/atom+xml"
        if spec.kind == "rdf":
            entries = "".join(f'<item rdf:about="{self._link(i)}"><title>{escape(i.title)}</title>'
                              f"<link>{self._link(i)}</link><description>{escape(i.summary)}</description>"
                              f"<dc:date>{i.published.isoformat()}</dc:date></item>" for i in spec.items)
            return ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                    'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                    f"<channel><title>{escape(spec.title)}</title></channel>{entries}</rdf:RDF>").encode(), \
                "application/rdf+xml"
        if spec.kind == "malformed":
            return b"<rss><channel><title>Broken</tit<item><<<\x00 not a feed", "application/rss+xml"
        entries = "".join(
            f"<item><title>{escape(i.title)}</title><link>{self._link(i)}</link>"
            + (f'<guid isPermaLink="false">{i.slug}</guid>' if i.guid else "")
            + f"<pubDate>{format_datetime(i.published)}</pubDate><description>{escape(i.summary)}</description>"
              "</item>" for i in spec.items)
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(spec.title)}'
                f"</title><link>{self.url('/')}</link>{entries}</channel></rss>").encode(), "application/rss+xml"

    def article(self, slug: str) -> str:
        n = int(slug.rsplit("-", 1)[1]) if slug.rsplit("-", 1)[-1].isdigit() else 0
        speaker, event = SPEAKERS[n % len(SPEAKERS)], EVENTS[n % len(EVENTS)]
        other = SPEAKERS[(n + 1) % len(SPEAKERS)]
        title = f"Story {n}: officials set out their plans"
        paragraphs = [
            f"{speaker}, the minister in charge, said on Monday that {event} by the end of next month.",
            "The announcement followed weeks of negotiations between the government and the regional councils, "
            "which had asked for clearer timetables and more money for the projects in their areas.",
            f"{other}, who leads the opposition group, said her party could block the plan within two weeks "
            "if the costs were not published.",
            "Officials said the details would be set out in a statement to parliament, and that the first "
            "contracts had already been signed with local builders earlier in the year.",
        ]
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        return (f"<!doctype html><html><head><title>{escape(title)}</title>"
                f'<meta property="article:published_time" content="2026-11-20T09:00:00Z"></head>'
                f"<body><article><h1>{escape(title)}</h1>{body}</article></body></html>")

    # ------------------------------------------------------------------ routes
    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path.startswith("/a/"):
            return web.Response(text=self.article(path[3:]), content_type="text/html")
        if path == "/site":
            return web.Response(text='<html><head><title>Newswire</title><link rel="alternate" '
                                     'type="application/rss+xml" href="/feeds/rss.xml"></head><body>News</body>'
                                     "</html>", content_type="text/html")
        spec = self.feeds.get(path)
        if spec is None:
            raise web.HTTPNotFound()
        if spec.fail:
            with self._lock:
                status = spec.fail.pop(0)
            return web.Response(status=status, text="<h1>Server error</h1>", content_type="text/html")
        body, kind = self.body(spec)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if spec.conditional and request.headers.get("If-None-Match") == etag:
            with self._lock:
                self.not_modified += 1
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=body, headers={"Content-Type": kind, "ETag": etag})

    def failing(self, path: str, times: int, status: int = 500) -> None:
        self.feeds[path].fail = [status] * times

    def add(self, path: str, spec: FeedSpec) -> str:
        self.feeds[path] = spec
        return self.url(path)
