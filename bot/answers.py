"""Answering "did it happen?": /due, the outcome buttons of prompts and of /show, ↩️ Undo, ⏰ Snooze."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot import buttons, keyboards, prompts, replies
from bot.articles import FIELD_ASK
from bot.buttons import Answer, Reanswer, Snooze, UndoAnswer
from bot.common import chat_of, edit_query_message, reply_html, services, user_id, user_name
from bot.predictions import show_text
from bot.render import esc, fmt_date
from bot.texts import _, ngettext, problem
from tracker import answers, chats, predictions
from tracker.errors import Refusal
from tracker.models import PendingKind, Status
from tracker.pending import Question


async def due(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _send_next_due(update, context, announce_empty=True)


async def _send_next_due(update: Update, context: ContextTypes.DEFAULT_TYPE, announce_empty: bool) -> None:
    svc, chat = services(context), chat_of(update)
    today, _tz = await svc.db.run(chats.today, chat.id, chat.title, svc.settings.default_timezone)
    view, total = await svc.db.run(answers.next_due, chat.id, today)
    if view is None:
        if announce_empty:
            await context.bot.send_message(chat.id, _("Nothing is waiting for an answer. 🎉"))
        return
    text = prompts.prompt_html(view)
    if total > 1:
        text += "\n<i>" + ngettext("{n} more waiting after this one.", "{n} more waiting after this one.",
                                   total - 1).format(n=total - 1) + "</i>"
    await context.bot.send_message(chat.id, text, parse_mode="HTML", disable_web_page_preview=True,
                                   reply_markup=keyboards.from_spec(svc.callback_secret, chat.id,
                                                                    prompts.prompt_buttons(view.number, True)))


async def _record(update: Update, context: ContextTypes.DEFAULT_TYPE, number: int, code: str,
                  only_if_open: bool) -> answers.Answered | None:
    query, user = update.callback_query, update.effective_user
    assert query is not None
    outcome = prompts.OUTCOME_CODES.get(code)
    if outcome is None:
        await query.answer(_("That button is no longer valid."))
        return None
    try:
        return await services(context).db.run(answers.record, chat_of(update).id, number, outcome,
                              user.id if user else None, user_name(user), only_if_open)
    except Refusal:
        await query.answer(_("#{n} no longer exists.").format(n=number))
        await edit_query_message(update, _("#{n} was deleted.").format(n=number), None)
        return None


async def answer_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: Answer) -> None:
    """A prompt's answer: the first one wins; from /due the next waiting prediction follows."""
    svc, query, chat = services(context), update.callback_query, chat_of(update)
    assert query is not None
    answered = await _record(update, context, b.number, b.code, only_if_open=True)
    if answered is None:
        return
    text = prompts.answered_html(answered.prediction, answered.by)
    undo = keyboards.from_spec(svc.callback_secret, chat.id, prompts.undo_buttons(b.number))
    if not answered.recorded:  # the first answer stands, and its ↩️ Undo stays under it
        await query.answer(_("Already answered by {name}.").format(name=answered.by or _("someone")))
        await edit_query_message(update, text, undo if answered.prediction.status != Status.OPEN else None)
        return
    await query.answer(_("Recorded."))
    await edit_query_message(update, text, undo)
    if b.due == "d":
        await _send_next_due(update, context, announce_empty=False)


async def reanswer_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: Reanswer) -> None:
    """/show's outcome buttons on an answered prediction: the outcome changes, the card is redrawn."""
    query = update.callback_query
    assert query is not None
    if await _record(update, context, b.number, b.code, only_if_open=False) is None:
        return
    await query.answer(_("Recorded."))
    try:
        text, markup = await show_text(context, chat_of(update).id, b.number)
    except Refusal:
        return
    await edit_query_message(update, text, markup)


async def undo_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: UndoAnswer) -> None:
    """↩️ Undo under an answered prompt: reopens it if that answer is still the newest one."""
    svc, query, chat = services(context), update.callback_query, chat_of(update)
    assert query is not None
    try:
        view = await svc.db.run(answers.undo_answer, chat.id, b.number)
    except Refusal as exc:
        await query.answer(problem(exc))
        return
    await query.answer(_("Undone."))
    await edit_query_message(update, prompts.prompt_html(view),
                             keyboards.from_spec(svc.callback_secret, chat.id, prompts.prompt_buttons(b.number)))


async def snooze_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: Snooze) -> None:
    svc, query, chat = services(context), update.callback_query, chat_of(update)
    assert query is not None
    try:
        view = await svc.db.run(answers.open_one, chat.id, b.number)
    except Refusal as exc:
        await query.answer(problem(exc))
        return
    if b.choice is None:
        await query.answer(_("Snooze for how long?"))
        await query.edit_message_reply_markup(keyboards.snooze_menu(svc.callback_secret, chat.id, b.number))
    elif b.choice == "b":
        await query.answer()
        await query.edit_message_reply_markup(keyboards.from_spec(svc.callback_secret, chat.id,
                                                                  prompts.prompt_buttons(b.number)))
    elif b.choice == "w":
        await query.answer()
        await replies.ask(update, context, Question(PendingKind.SNOOZE, ref=view.id),
                          f"#{b.number}: {_(FIELD_ASK['deadline'])}")
    elif b.choice in answers.SNOOZES:
        view, when = await svc.db.run(answers.snooze, chat.id, b.number, b.choice)
        await query.answer(_("Snoozed."))
        await edit_query_message(update, prompts.prompt_body(view) + "\n\n⏰ " + _(
            "Snoozed: I'll ask again on {day}.").format(day=fmt_date(when.date())), None)
    else:
        await query.answer(_("That button is no longer valid."))


async def answer_new_deadline(update: Update, context: ContextTypes.DEFAULT_TYPE, q: Question, value: str) -> None:
    """The reply to Snooze → 📅 New deadline…"""
    svc, chat = services(context), chat_of(update)
    done = await svc.db.run(predictions.edit, chat.id, None, "deadline", value, user_id(update),
                            prediction_id=q.ref, from_today=True)  # counted from today, not the article's day
    await replies.answered(update, context)
    await reply_html(update, "⏰ " + _("#{n}: deadline is now {day}; I'll ask again after it.").format(
        n=done.number, day=esc(fmt_date(done.prediction.deadline))))


def register(application: Application) -> None:
    application.add_handler(buttons.handler(Answer, answer_button))
    application.add_handler(buttons.handler(Reanswer, reanswer_button))
    application.add_handler(buttons.handler(UndoAnswer, undo_button))
    application.add_handler(buttons.handler(Snooze, snooze_button))
    replies.on_answer(application, PendingKind.SNOOZE, answer_new_deadline)
