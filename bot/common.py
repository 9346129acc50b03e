"""Helpers every feature module shares: services, replying, arguments, permissions, refusals."""

from __future__ import annotations

import re

from telegram import Chat, ForceReply, InlineKeyboardMarkup, Update, User
from telegram.constants import ChatMemberStatus, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot.render import esc, split_message
from bot.texts import problem
from tracker.errors import Refusal
from tracker.services import Services


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    svc = context.application.bot_data["services"]
    assert isinstance(svc, Services)
    return svc


def chat_of(update: Update) -> Chat:
    chat = update.effective_chat
    assert chat is not None  # every handler registered here gets updates from a chat
    return chat


def user_id(update: Update) -> int | None:
    return update.effective_user.id if update.effective_user else None


async def reply_html(update: Update, text: str,
                     reply_markup: InlineKeyboardMarkup | ForceReply | None = None) -> int | None:
    """Answer in as many messages as it takes, each under Telegram's limit; the keyboard goes on the
    last. Returns the last message's id."""
    message = update.effective_message
    assert message is not None
    parts = split_message(text)
    last = None
    for i, part in enumerate(parts):
        keyboard = reply_markup if i == len(parts) - 1 else None
        sent = await message.reply_html(part, disable_web_page_preview=True, reply_markup=keyboard)
        last = sent.message_id
    return last


async def refuse(update: Update, exc: Refusal, suffix: str = "") -> None:
    """A typed refusal from the domain, worded in one line."""
    await reply_html(update, esc(problem(exc)) + suffix)


def args_text(update: Update) -> str:
    """Everything after the command, newlines kept (context.args would split it into words)."""
    message = update.effective_message
    text = (message.text or message.caption or "") if message else ""
    return re.sub(r"^/\S+[ \t]?", "", text, count=1)


def user_name(user: User | None) -> str | None:
    if user is None:
        return None
    return user.full_name or user.username or str(user.id)


async def can_manage(context: ContextTypes.DEFAULT_TYPE, chat: Chat, user: User | None, owner: int | None) -> bool:
    """In a group, only the one who saved a prediction and the chat's admins may edit or delete it."""
    if chat.type == Chat.PRIVATE:
        return True
    if user is None:
        return False
    if owner is not None and owner == user.id:
        return True
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError:
        return False
    return member.status in {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}


async def edit_query_message(update: Update, text: str, markup: InlineKeyboardMarkup | None) -> None:
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(split_message(text)[0], parse_mode=ParseMode.HTML, reply_markup=markup,
                                      disable_web_page_preview=True)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


def prediction_number(text: str, whole: bool = True) -> int | None:
    """'3', '#3' (whole) or the leading '3' of '3 deadline in 2 weeks' (whole=False)."""
    m = re.match(r"\s*#?(\d{1,9})(?:\s*$|\s)" if not whole else r"\s*#?(\d{1,9})\s*$", text)
    return int(m.group(1)) if m else None
