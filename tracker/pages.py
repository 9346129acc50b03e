"""A fetched page as an article: its main text, title, outlet and publication date.

trafilatura finds the main text (it leads the public extraction benchmarks and drops navigation, related
links and comments); htmldate, its own date library, reads the publication date from JSON-LD
`datePublished`, OpenGraph `article:published_time`, `<time>` elements, the byline text and the URL, in
that order of trust, preferring the original date to a later "updated" one. Both are CPU-bound: callers run
`read_page` on a thread so one heavy page does not stall other chats."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

import htmldate
import trafilatura

from tracker.errors import LinkError, Problem
from tracker.fetch import Page, host_of

MIN_ARTICLE_CHARS = 400  # less than this is a teaser, a consent dialog or an index page, not an article
PAYWALL_WORDS = re.compile(
    r"(?i)\b(?:subscribe|subscription|subscribers? only|continue reading|already a (?:subscriber|member)|"
    r"sign in to read|unlock (?:this|the) article|premium article|register to read)\b")
CONSENT_WORDS = re.compile(
    r"(?i)\b(?:cookies?|consent|accept all|reject all|manage (?:options|preferences|settings)|our (?:\d+ )?partners|"
    r"vendors?|legitimate interests?|personali[sz]ed (?:ads|content)|privacy (?:policy|settings)|opt[ -]out)\b")
NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*"?(?:false|False)"?')


@dataclass(frozen=True)
class PageArticle:
    """What a page holds as an article (no English words: `bot/` says what is missing)."""

    url: str
    canonical_url: str
    title: str | None
    outlet: str | None
    published: date | None
    text: str


def _html(page: Page) -> str:
    encodings = [page.charset] if page.charset else []
    for encoding in [*encodings, "utf-8"]:
        try:
            return page.body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return page.body.decode("utf-8", errors="replace")


def _published(html: str, url: str, today: date) -> date | None:
    found = htmldate.find_date(html, url=url, original_date=True, extensive_search=True,
                               max_date=today.isoformat())
    if not found:
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None


def _mostly_consent(text: str) -> bool:
    """A cookie wall: most of the 'article' is paragraphs about cookies, partners and consent."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    consent = sum(len(p) for p in paragraphs if CONSENT_WORDS.search(p))
    return consent >= 0.5 * max(1, sum(len(p) for p in paragraphs))


def _refuse_thin(html: str, text: str, host: str) -> None:
    """A page whose article text is missing: a paywall when it offers a subscription, else empty."""
    if _mostly_consent(text):
        raise LinkError(Problem.LINK_EMPTY, host=host)
    if len(text) >= MIN_ARTICLE_CHARS and not (NOT_FREE.search(html) and len(text) < 2 * MIN_ARTICLE_CHARS):
        return
    if NOT_FREE.search(html) or PAYWALL_WORDS.search(html):
        raise LinkError(Problem.LINK_PAYWALL, host=host)
    raise LinkError(Problem.LINK_EMPTY, host=host)


def read_page(page: Page, today: date) -> PageArticle:
    """The article on `page`, or LinkError(LINK_PAYWALL / LINK_EMPTY) when there is none to read."""
    html = _html(page)
    doc = trafilatura.bare_extraction(html, url=page.url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = (getattr(doc, "text", None) or "").strip()
    _refuse_thin(html, text, page.host)
    title = (getattr(doc, "title", None) or "").strip() or None
    outlet = (getattr(doc, "sitename", None) or "").strip() or page.host
    canonical = (getattr(doc, "url", None) or "").strip() or page.url
    if not canonical.startswith(("http://", "https://")):
        canonical = page.url
    return PageArticle(page.url, canonical, title, outlet, _published(html, page.url, today),
                       _with_title(title, text))


def _with_title(title: str | None, text: str) -> str:
    """The headline first, as in a pasted article: speakers and deadlines in it count too."""
    if title and not text.startswith(title):
        return f"{title}\n\n{text}"
    return text


def describe(article: PageArticle) -> str:
    """A one-line JSON summary (for logs and the command line)."""
    return json.dumps({"url": article.url, "title": article.title, "outlet": article.outlet,
                       "published": article.published.isoformat() if article.published else None,
                       "host": host_of(article.url), "chars": len(article.text)}, ensure_ascii=False)
