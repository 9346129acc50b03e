"""A loopback web server of news pages for the links tests and benchmark: the saved HTML fixtures in
tests/fixtures/pages (at the paths expected.json gives), plus the awkward answers real sites give —
redirect chains, a 404, a 500, a slow drip, a 10 MB page, a PDF — and a count of every request by path,
so a test can prove a refused address was never asked."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

from aiohttp import web

from tests.fakeapi.loopback import LoopbackServer

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
HTML = "text/html; charset=utf-8"
LATER = {
    "shelved": {"title": "Trump-Putin summit in Budapest put on hold, White House says", "published": "2025-10-22",
                "text": "Plans for a second meeting between U.S. President Donald Trump and Russian President "
                        "Vladimir Putin in Budapest have been put on hold, a White House official said on "
                        "Tuesday, days after Trump announced the summit.\n\n\"There are no plans for President "
                        "Trump to meet President Putin in the immediate future,\" the official said. Trump told "
                        "reporters he did not want a \"wasted meeting\".\n\nSecretary of State Marco Rubio and "
                        "Russian Foreign Minister Sergei Lavrov spoke by phone on Monday, but preparations for "
                        "the meeting in the Hungarian capital stalled over Moscow's demands for a ceasefire on "
                        "its own terms. European officials welcomed the pause and said pressure on Moscow "
                        "should continue."},
    "football": {"title": "Harbourside United win the cup final", "published": "2025-10-25",
                 "text": "Harbourside United beat Millbrook 3-1 in the cup final on Saturday, with two goals from "
                         "striker Dev Patel and a late header from captain Owen Hughes.\n\nCoach Helen Marsh "
                         "said the team had earned the win after a difficult season and would now focus on the "
                         "league, where they sit fourth. Around 30,000 fans watched the game at the old docks "
                         "stadium, the last final to be played there before its renovation."},
}


def expected() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
    return data


class PageServer(LoopbackServer):
    """Serves on 127.0.0.1 from its own thread; `url(path)` is the address of a path."""

    def __init__(self) -> None:
        super().__init__()
        self.fixtures = expected()
        self.by_path = {info["path"]: name for name, info in self.fixtures.items()}

    def path_of(self, name: str) -> str:
        return str(self.fixtures[name]["path"])

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path in self.by_path:
            return web.Response(body=(PAGES / self.by_path[path]).read_bytes(), headers={"Content-Type": HTML})
        m = re.fullmatch(r"/redirect/(\d+)/(\w+)", path)
        if m:  # /redirect/N/name: N hops, then the fixture `name`.html
            n, name = int(m.group(1)), m.group(2)
            target = f"/redirect/{n - 1}/{name}" if n > 1 else self.path_of(f"{name}.html")
            raise web.HTTPFound(target)
        if path == "/to":  # /to?url=…: a redirect anywhere (the SSRF test's public-looking first hop)
            raise web.HTTPFound(request.query["url"])
        handler = getattr(self, "_" + path.strip("/").replace("-", "_").replace(".", "_"), None)
        if handler is None:
            raise web.HTTPNotFound(text="<h1>Page not found</h1>", content_type="text/html")
        response: web.StreamResponse = await handler(request)
        return response

    async def _broken(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPInternalServerError(text="<h1>Internal error</h1>", content_type="text/html")

    async def _nodate(self, request: web.Request) -> web.StreamResponse:
        """plain.html with every date taken out: the page gives none, the forward's date must serve."""
        html = (PAGES / "plain.html").read_text(encoding="utf-8")
        html = re.sub(r"(?is)<time\b.*?</time>", "", html)
        html = re.sub(r"(?i)<meta[^>]+(?:date|time)[^>]*>", "", html)
        html = re.sub(r"\b(?:19|20)\d\d\b", "", html)
        return web.Response(text=html, content_type="text/html")

    async def _slow(self, request: web.Request) -> web.StreamResponse:
        """Headers at once, then a byte every half second for a minute: no read ever times out."""
        response = web.StreamResponse(headers={"Content-Type": HTML})
        await response.prepare(request)
        for _ in range(120):
            await response.write(b" ")
            await asyncio.sleep(0.5)
        return response

    async def _huge(self, request: web.Request) -> web.StreamResponse:
        """10 MB of article, streamed without a Content-Length (so only counting the bytes stops it)."""
        response = web.StreamResponse(headers={"Content-Type": HTML})
        response.enable_chunked_encoding()
        await response.prepare(request)
        await response.write(b"<html><body><article>")
        paragraph = b"<p>" + b"The minister said the talks will resume next week. " * 20 + b"</p>\n"
        for _ in range(10_000_000 // len(paragraph)):
            await response.write(paragraph)
        await response.write(b"</article></body></html>")
        return response

    async def _report_pdf(self, request: web.Request) -> web.StreamResponse:
        return web.Response(body=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
                            headers={"Content-Type": "application/pdf"})

    async def _later(self, request: web.Request) -> web.StreamResponse:
        """/later?story=shelved|football: a later article (issue 16's end-to-end test), dated by OpenGraph."""
        story = LATER[request.query.get("story", "shelved")]
        paragraphs = "".join(f"<p>{p}</p>" for p in story["text"].split("\n\n"))
        html = (f"<!doctype html><html><head><title>{story['title']}</title><meta property=\"og:title\" "
                f"content=\"{story['title']}\"><meta property=\"article:published_time\" "
                f"content=\"{story['published']}T09:00:00Z\"></head><body><article><h1>{story['title']}</h1>"
                f"{paragraphs}</article></body></html>")
        return web.Response(text=html, content_type="text/html")

    async def _secret(self, request: web.Request) -> web.StreamResponse:
        return web.Response(text="internal admin page", content_type="text/html")
