"""What every bot has: /start, unknown commands, the error handler, and skipping redelivered updates."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, ContextTypes, MessageHandler, TypeHandler, filters

from bot.common import reply_html, services
from bot.render import esc
from bot.texts import ADD_EXAMPLE, N_, _
from tracker import updates

log = logging.getLogger(__name__)

START_TEXT = N_(
    "👋 I keep score of what public figures say will happen.\n"
    "Paste or forward a news article: I find the statements about the future, who made them and by when. "
    "When a deadline passes I ask this chat whether it came true, so over time you see who is right how often.\n\n"
    "<b>Try it:</b> forward me a news post, or\n<code>{example}</code>\n\n"
    "/list — open predictions · /due — waiting for an answer · /help — everything else"
)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply_html(update, _(START_TEXT).format(example=esc(ADD_EXAMPLE)))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    command = (message.text or "").split()[0] if message and message.text else "that"
    addressee = command.partition("@")[2]
    if addressee and addressee.lower() != (context.bot.username or "").lower():
        return  # /list@other_bot in a group is for the other bot
    await reply_html(update, _("I don't know {command}. See /help for what I can do.").format(command=esc(command)))


async def skip_seen_update(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Group -2, before anything else: an update handled before a crash is redelivered by Telegram; do not
    act twice."""
    if isinstance(update, Update) and await services(context).db.run(updates.seen, update.update_id):
        raise ApplicationHandlerStop


async def mark_update_done(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Last group: the update has been handled."""
    if isinstance(update, Update):
        await services(context).db.run(updates.done, update.update_id)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log it, tell the user in one line, keep running."""
    log.error("Error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat:
        try:
            await context.bot.send_message(update.effective_chat.id,
                                           _("Sorry, something went wrong on my side. Please try again."))
        except Exception:  # the chat may be gone; the error is already logged
            log.warning("Could not tell the chat about the error")


def register(application: Application) -> None:
    """The first and last handler groups, the error handler; unknown commands go last in group 0
    (setup.py adds this module after every feature's commands). Group -1 is the chat's language
    (bot/languages.py)."""
    application.add_handler(TypeHandler(Update, skip_seen_update), group=-2)
    application.add_handler(TypeHandler(Update, mark_update_done), group=100)
    application.add_handler(MessageHandler(filters.COMMAND, unknown_command))
    application.add_error_handler(on_error)
