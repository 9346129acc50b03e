"""Links: a message that is mostly a URL (or a channel post that is a headline and a link) is read as the
article behind it. The page is fetched safely and dated from its own metadata (tracker/links.py); the
review is the same as for a pasted article."""

from __future__ import annotations

import re
from datetime import date

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.common import chat_of, reply_html, services
from bot.reading import UNREADABLE_LANGUAGE, forward_date, review_article
from bot.render import article_link, esc, fmt_date, shorten
from bot.texts import _, problem
from tracker import chats, links, reviews
from tracker.errors import LinkError
from tracker.fetch import host_of
from tracker.language import readable

MAX_LINKS = 3  # links read from one message
MAX_OTHER_TEXT = 300  # more text than this besides the links: the message is an article, not a link
URL_RE = re.compile(r"(?i)\bhttps?://[^\s<>\"']+")


def _absolute(url: str) -> str | None:
    url = url.strip().rstrip(".,;:!?)»”")
    if not re.match(r"(?i)https?://", url):
        if not re.match(r"(?i)[a-z0-9.-]+\.[a-z]{2,}(?:[/:?#]|$)", url):
            return None  # an e-mail address or a bare word Telegram marked as a link
        url = "https://" + url
    return url if host_of(url) else None


def _entities(message: Message) -> dict[MessageEntity, str]:
    types: list[str | None] = [MessageEntity.URL, MessageEntity.TEXT_LINK]
    return message.parse_entities(types) if message.text else message.parse_caption_entities(types)


def links_in(message: Message) -> tuple[list[str], int]:
    """The message's links in order, without repeats, and how many characters it holds besides them."""
    text = message.text or message.caption or ""
    found: list[str] = []
    other = len(text)
    for entity, shown in _entities(message).items():
        url = _absolute(entity.url or shown) if entity.type == MessageEntity.TEXT_LINK else _absolute(shown)
        if entity.type == MessageEntity.URL:
            other -= len(shown)
        if url and url not in found:
            found.append(url)
    return found, max(0, other)


def link_message(message: Message) -> list[str]:
    """The links to read if the message is mostly links (a bare URL, a headline and a link), else []."""
    found, other = links_in(message)
    return found[:MAX_LINKS] if found and other <= MAX_OTHER_TEXT else []


def urls_in_text(text: str) -> tuple[list[str], int]:
    """Links in typed text (after /ingest): http(s) URLs, and how many other characters there are."""
    found = [u for u in (_absolute(m.group(0)) for m in URL_RE.finditer(text)) if u]
    other = len(URL_RE.sub("", text).strip())
    return list(dict.fromkeys(found))[:MAX_LINKS], other


def _budget(context: ContextTypes.DEFAULT_TYPE) -> links.LinkBudget:
    budget = context.application.bot_data.get("link_budget")
    if not isinstance(budget, links.LinkBudget):
        budget = links.LinkBudget(services(context).settings.links_per_minute)
        context.application.bot_data["link_budget"] = budget
    return budget


def _dated(given: date | None, page: date | None, forwarded: date | None, text: str,
           today: date) -> tuple[date, str]:
    """/ingest DATE wins, then the page's own date, then the forward's, then what the text says."""
    if given is None and page is not None and page <= today:
        return page, reviews.DateBasis.PAGE
    return reviews.reference_date(given, forwarded, text, today)


def _read_line(article: links.LinkArticle, published: date, basis: str) -> str:
    line = "🔗 " + article_link(article.title or article.host, article.url, 150)
    if article.outlet and article.outlet.lower() not in {article.host, (article.title or "").lower()}:
        line += f" · {esc(shorten(article.outlet, 60))}"
    if basis == reviews.DateBasis.PAGE:
        line += "\n" + _("published {day} (from the page)").format(day=fmt_date(published))
    return line


async def _say(context: ContextTypes.DEFAULT_TYPE, chat_id: int, message_id: int | None, text: str) -> None:
    """Turn the "Reading…" message into what came of it (a new message if it cannot be edited)."""
    if message_id is not None:
        try:
            await context.bot.edit_message_text(text, chat_id=chat_id, message_id=message_id, parse_mode="HTML",
                                                disable_web_page_preview=True)
            return
        except TelegramError:
            pass
    await context.bot.send_message(chat_id, text, parse_mode="HTML", disable_web_page_preview=True)


async def read_link(update: Update, context: ContextTypes.DEFAULT_TYPE, url: str, given: date | None = None,
                    source_message: Message | None = None) -> None:
    """Fetch one link and review its article; any failure is one line in place of "Reading…"."""
    svc, chat, message = services(context), chat_of(update), update.effective_message
    assert message is not None
    status = await reply_html(update, _("🔗 Reading {host}…").format(host=esc(host_of(url))))
    await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
    today, tz = await svc.db.run(chats.today, chat.id, chat.title, svc.settings.default_timezone)
    try:
        article = await links.read(svc.db, url, svc.settings.fetch_limits(), today, _budget(context), chat.id)
    except LinkError as exc:
        await _say(context, chat.id, status, "⚠️ " + esc(problem(exc)))
        return
    if not readable(article.text):
        await _say(context, chat.id, status, esc(_(UNREADABLE_LANGUAGE)))
        return
    published, basis = _dated(given, article.published, forward_date(source_message or message, tz),
                              article.text, today)
    await _say(context, chat.id, status, _read_line(article, published, basis))
    await review_article(update, context, article.text, published, basis, article.title)


async def read_links(update: Update, context: ContextTypes.DEFAULT_TYPE, urls: list[str],
                     given: date | None = None, source_message: Message | None = None) -> None:
    for url in urls[:MAX_LINKS]:
        await read_link(update, context, url, given, source_message)
