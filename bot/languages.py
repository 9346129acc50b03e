"""Which language an update is answered in: the chat's, looked up before any feature handles the update
(handler group -1), so every `_()` of every handler, and the error handler, speaks it.

A chat that has no language yet gets one from the person who first uses the bot there: a private chat
starts in its user's Telegram language (`language_code`, when it is English, Russian or Ukrainian; else
English), a group in the language of whoever first sends it a command, mentions or answers it, or
presses one of its buttons. Group chatter the bot merely sees decides nothing."""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import BotCommand, BotCommandScopeChat, Chat, Update
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes, TypeHandler

from bot import i18n
from bot.common import services
from tracker import chats

log = logging.getLogger(__name__)
MENU = "menu"  # bot_data key: the command menu's (command, description) pairs in the current language


def set_menu(application: Application, menu: Callable[[], list[tuple[str, str]]]) -> None:
    """Where the command menu comes from (bot/commands.py's table, which imports the features, so the
    features find it here rather than importing it)."""
    application.bot_data[MENU] = menu


async def chat_menu(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> None:
    """The command menu in the chat's language for everyone in this chat, after the chat changed its language:
    Telegram otherwise shows each user the menu of their app's language. A menu that does not go out leaves
    the old one; the answer still does."""
    menu: Callable[[], list[tuple[str, str]]] | None = context.application.bot_data.get(MENU)
    if menu is None:
        return
    try:
        await context.bot.set_my_commands([BotCommand(name, text) for name, text in menu()],
                                          scope=BotCommandScopeChat(chat_id))
    except TelegramError as exc:
        log.warning("Command menu for chat %s not set: %s", chat_id, exc)


def _uses_bot(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Whether this update is someone using the bot (not a channel post, not chatter it merely sees)."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None or chat.type == Chat.CHANNEL or update.effective_user is None:
        return False
    if chat.type == Chat.PRIVATE or update.callback_query is not None:
        return True
    if message is None:
        return False
    text = message.text or message.caption or ""
    username = (context.bot.username or "").lower()
    reply = message.reply_to_message
    return (text.startswith("/") or (bool(username) and f"@{username}" in text.lower())
            or bool(reply and reply.from_user and reply.from_user.id == context.bot.id))


async def use_chat_language(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Group -1: answer this update in its chat's language (deciding it if this is the chat's first use)."""
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    svc, chat, user = services(context), update.effective_chat, update.effective_user
    candidate = i18n.telegram_language(user.language_code if user else None)
    language = await svc.db.run(chats.language_for, chat.id, chat.title, svc.settings.default_timezone, candidate,
                                _uses_bot(update, context))
    i18n.use(language)


def register(application: Application) -> None:
    application.add_handler(TypeHandler(Update, use_chat_language), group=-1)
