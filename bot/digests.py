"""Sending a feed digest (presentation shared by jobs/feeds.py and the channel-post handler): each part of
the review with its buttons, or, for a chat that saves feed claims automatically, what was saved."""

from __future__ import annotations

from datetime import date

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode

from bot import buttons, i18n, keyboards
from bot.buttons import Settle
from bot.render import article_link, digest_head, digest_html, esc, prediction_line, shorten
from bot.texts import N_, _, ngettext
from tracker import chats, evidence, reviews
from tracker.db import Database
from tracker.digests import ChatDigest

MAX_SUGGESTIONS = 3  # per article; the rest wait for the due prompt's related-news lines
LOOKS = {"not_fulfilled": N_("It looks like ❌ — it did not happen."),
         "fulfilled": N_("It looks like ✅ — it happened.")}


def suggestion_html(s: evidence.SuggestionView) -> str:
    who = f"{esc(shorten(s.speaker, 60))}: " if s.speaker else ""
    lines = ["🔎 " + _("This may settle #{number} ({claim}):").format(
        number=s.number, claim=who + esc(shorten(s.statement, 160))),
        f"«{esc(shorten(s.quote, 400))}»"]
    if s.title or s.url:
        lines.append("📰 " + article_link(s.title, s.url))
    lines.append(_(LOOKS[s.outcome]) if s.outcome in LOOKS else _("It looks related; did it happen?"))
    return "\n".join(lines)


def suggestion_keyboard(key: bytes, chat_id: int, s: evidence.SuggestionView) -> InlineKeyboardMarkup:
    yes = (("👉 " if s.outcome == "fulfilled" else "") + _("✅ It happened"), Settle(s.id, "f"))
    no = (("👉 " if s.outcome == "not_fulfilled" else "") + _("❌ It did not"), Settle(s.id, "n"))
    first = [no, yes] if s.outcome == "not_fulfilled" else [yes, no]
    rows: list[list[InlineKeyboardButton]] = [[buttons.button(label, target, key, chat_id) for label, target in first],
                                             [buttons.button(_("Not related"), Settle(s.id, "x"), key, chat_id)]]
    return InlineKeyboardMarkup(rows)


async def suggest(bot: Bot, db: Database, key: bytes, chat_id: int, text: str, published: date,
                  title: str | None) -> None:
    """Match an article the chat read against its open predictions; say each likely match once (at most
    MAX_SUGGESTIONS per article; weaker ones wait in the due prompt's related-news lines)."""
    found = await evidence.find(db, chat_id, text, published, title)
    for s in found[:MAX_SUGGESTIONS]:
        sent = await bot.send_message(chat_id, suggestion_html(s), parse_mode=ParseMode.HTML,
                                      disable_web_page_preview=True, reply_markup=suggestion_keyboard(key, chat_id, s))
        await db.run(evidence.set_message, [s.id], sent.message_id)


def paused_html(title: str) -> str:
    return _("📡 {title} has failed for 3 days, so I paused it; /feeds shows it and /resume brings it back.").format(
        title=esc(title))


def saved_digest_html(digest: ChatDigest) -> str:
    view = digest.views[0]
    saved = digest.saved.saved if digest.saved else []
    lines = [digest_head(view), "💾 " + ngettext("Saved {n} prediction.", "Saved {n} predictions.",
                                                 len(saved)).format(n=len(saved))]
    lines += [prediction_line(v) for v in saved]
    lines.append(_("This chat saves statements from its feeds by itself (/settings feeds review to see them "
                   "first); /undo takes this back."))
    return "\n".join(lines)


async def _send_digest(bot: Bot, db: Database, secret: bytes, digest: ChatDigest) -> None:
    if digest.saved is not None:
        await bot.send_message(digest.chat_id, saved_digest_html(digest), parse_mode=ParseMode.HTML,
                               disable_web_page_preview=True)
        return
    for view in digest.views:
        sent = await bot.send_message(digest.chat_id, digest_html(view), parse_mode=ParseMode.HTML,
                                      disable_web_page_preview=True,
                                      reply_markup=keyboards.for_review(secret, digest.chat_id, view))
        await db.run(reviews.set_message, view.id, sent.message_id)


async def send(bot: Bot, db: Database, secret: bytes, digest: ChatDigest) -> None:
    """The digest, one message per part (up to 8 statements is one message) — none when no article had a
    statement — then what each of its articles may settle in that chat; all in that chat's language (a
    job, or a channel's post read for every chat that follows it, writes to chats of any language)."""
    language = (await db.run(chats.languages, [digest.chat_id]))[digest.chat_id]
    with i18n.speaking(language):
        if digest.views:
            await _send_digest(bot, db, secret, digest)
        for item in digest.read:
            await suggest(bot, db, secret, digest.chat_id, item.text, item.article.published, item.article.title)
