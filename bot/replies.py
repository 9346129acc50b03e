"""Questions the bot asks ("Reply with the new deadline…") and the replies that answer them.

A feature asks with `ask()` and registers, in its `register(app)`, the function that takes the answer
for its kind of question (`on_answer`). `take()` is called first for every plain message: if the user
owes the bot an answer, the message goes to that function."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Chat, ForceReply, Message, ReplyParameters, Update
from telegram.ext import Application, ContextTypes

from bot.common import chat_of, refuse, reply_html, services
from bot.render import esc
from bot.texts import _
from tracker import pending
from tracker.errors import Problem, Refusal
from tracker.models import PendingKind
from tracker.pending import Question

Answerer = Callable[[Update, ContextTypes.DEFAULT_TYPE, Question, str], Coroutine[Any, Any, Any]]
KEY = "reply_handlers"
BUTTON_ONLY = {PendingKind.CONFIRM_PAST}


def on_answer(application: Application, kind: PendingKind, answerer: Answerer) -> None:
    application.bot_data.setdefault(KEY, {})[kind] = answerer


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE, question: Question, text: str) -> None:
    """Remember the question, then ask it with a reply field opened for the user."""
    user = update.effective_user
    if user is None:
        return
    chat = chat_of(update)
    await services(context).db.run(pending.ask, chat.id, user.id, question)
    body = esc(text + " " + _("(/cancel to stop)"))
    reply_to = None
    if chat.type != Chat.PRIVATE:
        # A selective ForceReply opens the reply field only for users mentioned or replied to: name the
        # asker, and answer their message when there is one (a command), so it reaches them in a group.
        body = f'<a href="tg://user?id={user.id}">{esc(user.first_name)}</a>, {body}'
        if update.message is not None:
            reply_to = ReplyParameters(message_id=update.message.message_id, allow_sending_without_reply=True)
    await context.bot.send_message(chat.id, body, parse_mode="HTML", reply_parameters=reply_to,
                                   reply_markup=ForceReply(selective=True, input_field_placeholder=_("Your reply")))


async def take(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """If this message answers the bot's open question to its author, hand it over and return True."""
    chat, message, user = update.effective_chat, update.effective_message, update.effective_user
    if chat is None or message is None or user is None:
        return False
    if not _could_answer(message):
        return False  # handled as usual; the question stays open
    question = await services(context).db.run(pending.waiting, chat.id, user.id)
    if question is None:
        return False
    if chat.type != Chat.PRIVATE and message.reply_to_message is None:
        await _hint_once(update, context, question)
        return False
    if question.kind in BUTTON_ONLY:
        return False  # answered with its buttons; a message meanwhile is handled as usual
    value = (message.text or "").strip()
    if not value:
        await reply_html(update, _("Reply with text, or /cancel."))
        return True
    answerer: Answerer | None = context.application.bot_data.get(KEY, {}).get(question.kind)
    try:
        if answerer is None:
            await services(context).db.run(pending.forget, chat.id, user.id)
            raise Refusal(Problem.QUESTION_LOST)
        await answerer(update, context, question, value)
    except Refusal as exc:
        await refuse(update, exc, " " + _("Or /cancel."))
    return True


async def _hint_once(update: Update, context: ContextTypes.DEFAULT_TYPE, question: Question) -> None:
    """In a group a question is answered by replying to it; say so once, to someone who typed instead."""
    user = update.effective_user
    hinted = context.chat_data.setdefault("hinted", set()) if context.chat_data is not None else set()
    key = (user.id if user else 0, question.kind, question.ref, question.field, question.index)
    if key in hinted:
        return
    hinted.add(key)
    await reply_html(update, _("To answer my question, reply to it (swipe it left, or tap Reply); /cancel drops "
                               "it."))


MAX_ANSWER = 500


def _could_answer(message: Message) -> bool:
    """Only a typed reply can answer the bot's question: not a forward, a document or photo, or a text
    longer than any answer (an article pasted while a question was open is read as an article)."""
    text = message.text or ""
    return (message.forward_origin is None and message.text is not None and len(text) <= MAX_ANSWER
            and message.effective_attachment is None)


async def answered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The answer was used: the question is closed."""
    user = update.effective_user
    if user is not None:
        await services(context).db.run(pending.forget, chat_of(update).id, user.id)


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = update.effective_user
    dropped = user is not None and await services(context).db.run(pending.forget, chat_of(update).id, user.id)
    await reply_html(update, _("Cancelled.") if dropped else _("There was nothing to cancel."))
