"""Reading an article's claims, whatever brought it (a paste, a forward, a file, a link): extract them off
the event loop, store them as reviews and show one message per review."""

from __future__ import annotations

import asyncio
from datetime import UTC, date
from zoneinfo import ZoneInfo

from telegram import Message, Update
from telegram.constants import ChatAction
from telegram.ext import ContextTypes

from bot import evidence, keyboards
from bot.common import chat_of, reply_html, services, user_id
from bot.render import esc, fmt_date, review_html
from bot.texts import ADD_EXAMPLE, N_, _, date_basis, fmt_number, ngettext
from tracker import reviews
from tracker.extraction.backends import extract_with_backend
from tracker.extraction.llm import LLMError

LONG_TEXT = 3000
UNREADABLE_LANGUAGE = N_("I read news in English, Russian and Ukrainian. Paste a version in one of them, or "
                         "track a statement yourself with /add.")


def forward_date(message: Message, tz: str) -> date | None:
    """The day, in the chat's zone, the forwarded post was first published."""
    origin = message.forward_origin
    if origin is None:
        return None
    when = origin.date if origin.date.tzinfo else origin.date.replace(tzinfo=UTC)
    return when.astimezone(ZoneInfo(tz)).date()


async def review_article(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, published: date,
                         basis: str, title: str | None) -> None:
    """Extract the claims (on a thread), store them as reviews, show one message per review."""
    svc, chat, message = services(context), chat_of(update), update.effective_message
    assert message is not None
    await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
    if len(text) > LONG_TEXT:
        await reply_html(update, ngettext("📖 Reading {n} character…", "📖 Reading {n} characters…",
                                          len(text)).format(n=fmt_number(len(text))))
    try:
        claims = await asyncio.to_thread(extract_with_backend, text, published, svc.settings)
    except LLMError as exc:
        await reply_html(update, _("The extractor failed: {error}. Try again, or use /add.").format(error=esc(exc)))
        return
    if not claims:
        await reply_html(update, _("I found no forward-looking statements in that text (dated {day}, {basis}).\n"
                                   "Track one yourself:\n<code>{example}</code>").format(
            day=fmt_date(published), basis=esc(date_basis(basis)), example=esc(ADD_EXAMPLE)))
    else:
        opened = await svc.db.run(reviews.open_reviews, chat.id, user_id(update), text, claims, published, basis,
                                  title, message.message_id)
        for review in opened:
            sent = await reply_html(update, review_html(review),
                                    reply_markup=keyboards.for_review(svc.callback_secret, chat.id, review))
            await svc.db.run(reviews.set_message, review.id, sent)
    await evidence.suggest(update, context, text, published, title)  # what this article may settle
