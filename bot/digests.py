"""Sending a feed digest (presentation shared by jobs/feeds.py and the channel-post handler): each part of
the review with its buttons, or, for a chat that saves feed claims automatically, what was saved."""

from __future__ import annotations

from telegram import Bot
from telegram.constants import ParseMode

from bot import keyboards
from bot.render import digest_head, digest_html, esc, prediction_line
from bot.texts import _
from tracker import reviews
from tracker.db import Database
from tracker.digests import ChatDigest


def paused_html(title: str) -> str:
    return _("📡 {title} has failed for 3 days, so I paused it; /feeds shows it and /resume brings it back.").format(
        title=esc(title))


def saved_digest_html(digest: ChatDigest) -> str:
    view = digest.views[0]
    saved = digest.saved.saved if digest.saved else []
    lines = [digest_head(view), "💾 " + (_("Saved 1 prediction.") if len(saved) == 1 else
                                        _("Saved {n} predictions.").format(n=len(saved)))]
    lines += [prediction_line(v) for v in saved]
    lines.append(_("This chat saves statements from its feeds by itself (/settings feeds review to see them "
                   "first); /undo takes this back."))
    return "\n".join(lines)


async def send(bot: Bot, db: Database, secret: bytes, digest: ChatDigest) -> None:
    """One message per part (a digest of up to 8 statements is one message)."""
    if digest.saved is not None:
        await bot.send_message(digest.chat_id, saved_digest_html(digest), parse_mode=ParseMode.HTML,
                               disable_web_page_preview=True)
        return
    for view in digest.views:
        sent = await bot.send_message(digest.chat_id, digest_html(view), parse_mode=ParseMode.HTML,
                                      disable_web_page_preview=True,
                                      reply_markup=keyboards.for_review(secret, digest.chat_id, view))
        await db.run(reviews.set_message, view.id, sent.message_id)
