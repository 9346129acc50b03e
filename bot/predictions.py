"""Tracked predictions: /add (and the "who said it?" reply), /list, /show, /edit, /delete, /undo, /export."""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import asdict
from datetime import date

from telegram import ForceReply, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes

from bot import buttons, keyboards, prompts, replies
from bot.articles import FIELD_ASK
from bot.buttons import AskDelete, ConfirmDelete, ConfirmPast, EditField, ListPage
from bot.common import (
    args_text,
    can_manage,
    chat_of,
    edit_query_message,
    prediction_number,
    refuse,
    reply_html,
    services,
    user_id,
)
from bot.render import esc, fmt_date, prediction_line, show_html
from bot.texts import ADD_EXAMPLE, N_, _, days_phrase, ngettext, status_label
from tracker import chats, csvio, pending, predictions, reminders, schedule
from tracker.actions import Undone
from tracker.editing import check_speaker
from tracker.errors import ManualEntryError, Problem, Refusal
from tracker.extraction.deadlines import DEFAULT_HORIZON_DAYS
from tracker.manual import parse_manual
from tracker.models import ActionKind, PendingKind
from tracker.pending import Question
from tracker.predictions import Draft

PAGE_SIZE = 10


def _no_such(number: int) -> str:
    return _("There is no #{n} in this chat. See /list for the numbers.").format(n=number)


async def add(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc, chat = services(context), chat_of(update)
    today, _tz = await svc.db.run(chats.today, chat.id, chat.title, svc.settings.default_timezone)
    try:
        entry = parse_manual(args_text(update), today)
    except ManualEntryError as exc:
        await refuse(update, exc)
        return
    draft = Draft(speaker=entry.speaker, statement=entry.statement, deadline=entry.deadline.date, made_at=today,
                  deadline_text=entry.deadline.text or None, vague=entry.deadline.vague, confidence=entry.confidence)
    if entry.speaker is None:
        await _ask_speaker(update, context, draft)
        return
    if entry.deadline.text and entry.deadline.date < today:
        await _ask_past(update, context, draft)
        return
    try:
        result = await svc.db.run(predictions.add, chat.id, draft, user_id(update))
    except Refusal as exc:
        await refuse(update, exc)
        return
    note = ""
    if not entry.deadline.text:
        note = "\n" + _("No deadline given, so I will ask on {day} ({days}).").format(
            day=fmt_date(entry.deadline.date), days=days_phrase(DEFAULT_HORIZON_DAYS))
    elif entry.deadline.vague:
        note = "\n" + _("“{phrase}” is vague, so I will ask on {day}.").format(
            phrase=esc(entry.deadline.text), day=fmt_date(entry.deadline.date))
    await reply_html(update, _("✅ Saved {line}").format(line=prediction_line(result.saved[0])) + note)


async def _ask_past(update: Update, context: ContextTypes.DEFAULT_TYPE, draft: Draft) -> None:
    """A deadline that has passed: tracking it means answering at once, so ask first."""
    svc, chat, user = services(context), chat_of(update), update.effective_user
    if user is None:
        return
    await svc.db.run(pending.ask, chat.id, user.id,
                     Question(PendingKind.CONFIRM_PAST, payload=json.dumps(asdict(draft), default=str)))
    await reply_html(update, _("{day} has passed — track it anyway and answer now?").format(
        day=fmt_date(draft.deadline)), reply_markup=keyboards.from_spec(svc.callback_secret, chat.id, [
            [(_("✅ Track and answer"), ConfirmPast("y")), (_("✖️ Drop it"), ConfirmPast("n"))]]))


async def past_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: ConfirmPast) -> None:
    svc, chat, query, user = services(context), chat_of(update), update.callback_query, update.effective_user
    assert query is not None
    question = await svc.db.run(pending.waiting, chat.id, user.id) if user else None
    if question is None or question.kind != PendingKind.CONFIRM_PAST:
        await query.answer(_("This was answered already, or it expired after 15 minutes; only the one who typed "
                             "/add can answer it."))
        return
    await svc.db.run(pending.forget, chat.id, user.id if user else 0)
    if b.answer != "y":
        await query.answer(_("Dropped."))
        await edit_query_message(update, _("✖️ Not saved."), None)
        return
    result = await svc.db.run(predictions.add, chat.id, _draft_from(question.payload), user_id(update), True)
    saved = result.saved[0]
    await query.answer(_("Saved."))
    await edit_query_message(update, _("✅ Saved {line}").format(line=prediction_line(saved)), None)
    prompt = await context.bot.send_message(chat.id, prompts.prompt_html(saved), parse_mode="HTML",
                                            reply_markup=keyboards.from_spec(svc.callback_secret, chat.id,
                                                                             prompts.prompt_buttons(saved.number)))
    await svc.db.run(reminders.sent, saved.id, prompt.message_id, schedule.now())  # asked: the job asks later


async def _ask_speaker(update: Update, context: ContextTypes.DEFAULT_TYPE, draft: Draft) -> None:
    """/add without "Speaker:" keeps the draft in the question and asks who said it."""
    user = update.effective_user
    if user is None:
        await reply_html(update, _("Who said it? Put the speaker first, e.g. <code>{example}</code>").format(
            example=esc(ADD_EXAMPLE)))
        return
    await services(context).db.run(pending.ask, chat_of(update).id, user.id,
                Question(PendingKind.ADD_SPEAKER, payload=json.dumps(asdict(draft), default=str)))
    await reply_html(update, _("Who said it? Reply with the speaker's name (or /cancel). Next time you can put it "
                               "before a colon: <code>{example}</code>").format(example=esc(ADD_EXAMPLE)),
                     reply_markup=ForceReply(selective=True, input_field_placeholder=_("Speaker")))


def _draft_from(payload: str | None) -> Draft:
    data = json.loads(payload or "{}")
    for name in ("deadline", "made_at"):
        data[name] = date.fromisoformat(data[name])
    data["speaker_aliases"] = tuple(data.get("speaker_aliases") or ())
    return Draft(**data)


async def answer_speaker(update: Update, context: ContextTypes.DEFAULT_TYPE, q: Question, value: str) -> None:
    """The reply naming the speaker of an /add that had none."""
    name = check_speaker(value)
    draft = _draft_from(q.payload)
    result = await services(context).db.run(predictions.add, chat_of(update).id,
                             Draft(**{**asdict(draft), "speaker": name}), user_id(update))
    await replies.answered(update, context)
    await reply_html(update, _("✅ Saved {line}").format(line=prediction_line(result.saved[0])))


# ------------------------------------------------------------------ /list
async def _list_page(update: Update, context: ContextTypes.DEFAULT_TYPE,
               page: int) -> tuple[str, InlineKeyboardMarkup | None]:
    svc, chat = services(context), chat_of(update)
    found = await svc.db.run(predictions.open_page, chat.id, page, PAGE_SIZE)
    if found.total == 0:
        return _("No open predictions yet. Add one:\n<code>{example}</code>").format(example=esc(ADD_EXAMPLE)), None
    head = "<b>" + _("Open predictions") + f"</b> ({found.total}), " + _("latest deadline first")
    if found.pages > 1:
        head += " — " + _("page {page} of {pages}").format(page=found.page, pages=found.pages)
    lines = [head, *(prediction_line(v) for v in found.items)]
    return "\n".join(lines), keyboards.list_pages(svc.callback_secret, chat.id, found.page, found.pages)


async def list_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    text, markup = await _list_page(update, context, 1)
    await reply_html(update, text, reply_markup=markup)


async def list_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: ListPage) -> None:
    query = update.callback_query
    assert query is not None
    text, markup = await _list_page(update, context, b.page)
    await query.answer()
    await edit_query_message(update, text, markup)


# ------------------------------------------------------------------ /show
async def show_text(context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                    number: int) -> tuple[str, InlineKeyboardMarkup | None]:
    """The card of #number with its buttons; Refusal(PREDICTION_GONE) if it does not exist."""
    svc = services(context)
    card = await svc.db.run(predictions.card, chat_id, number)
    return show_html(card), keyboards.prediction_actions(svc.callback_secret, chat_id, number, card.is_open)


async def show(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    number = prediction_number(args_text(update))
    if number is None:
        await reply_html(update, _("Which one? Give its number, e.g. <code>/show 3</code> (see /list)."))
        return
    try:
        text, markup = await show_text(context, chat_of(update).id, number)
    except Refusal:
        await reply_html(update, _no_such(number))
        return
    await reply_html(update, text, reply_markup=markup)


# ------------------------------------------------------------------ /edit
EDIT_USAGE = N_("Say what to change: speaker, statement, deadline or confidence, e.g. "
              "<code>/edit {n} deadline in 2 weeks</code>.")


CANNOT = {"edit": N_("Only the one who saved #{n} or a chat admin can edit it."),
          "delete": N_("Only the one who saved #{n} or a chat admin can delete it.")}


async def _may_change(update: Update, context: ContextTypes.DEFAULT_TYPE, number: int, verb: str) -> bool:
    """#number exists and this user may change it; otherwise says why (as a message) and returns False."""
    chat = chat_of(update)
    try:
        found = await services(context).db.run(predictions.find, chat.id, number)
    except Refusal:
        await reply_html(update, _no_such(number))
        return False
    if not await can_manage(context, chat, update.effective_user, found.created_by):
        await reply_html(update, _(CANNOT[verb]).format(n=number))
        return False
    return True


async def edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc, chat = services(context), chat_of(update)
    raw = args_text(update).strip()
    number = prediction_number(raw, whole=False)
    if number is None:
        await reply_html(update, _("Which one? e.g. <code>/edit 3</code> or <code>/edit 3 deadline by March "
                                   "2026</code>."))
        return
    if not await _may_change(update, context, number, "edit"):
        return
    rest = re.sub(r"^\s*#?\d+\s*", "", raw)
    if not rest:
        await reply_html(update, _("What should change in #{n}?").format(n=number),
                         reply_markup=keyboards.edit_fields(svc.callback_secret, chat.id, number))
        return
    m = re.match(r"(speaker|statement|deadline|confidence)\s+(.+)$", rest, re.IGNORECASE | re.DOTALL)
    if not m:
        await reply_html(update, _(EDIT_USAGE).format(n=number))
        return
    try:
        done = await svc.db.run(predictions.edit, chat.id, number, m.group(1).lower(), m.group(2), user_id(update),
                                from_today=True)
    except Refusal as exc:
        await refuse(update, exc)
        return
    await reply_html(update, edited_text(done))


def edited_text(done: predictions.Edited) -> str:
    v = done.prediction
    what = {
        "speaker": lambda: _("speaker is now {name}").format(name=esc(v.speaker)),
        "statement": lambda: _("statement updated"),
        "deadline": lambda: _("deadline is now {day}").format(day=fmt_date(v.deadline)),
        "confidence": lambda: _("confidence is now {p}%").format(p=round(v.confidence * 100)),
    }[done.field]()
    return _("✏️ #{n}: {what}. /undo takes it back.").format(n=done.number, what=what)


async def edit_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: EditField) -> None:
    svc, chat, query = services(context), chat_of(update), update.callback_query
    assert query is not None
    try:
        found = await svc.db.run(predictions.find, chat.id, b.number)
    except Refusal:
        await query.answer(_("#{n} no longer exists.").format(n=b.number))
        return
    if not await can_manage(context, chat, update.effective_user, found.created_by):
        await query.answer(_("Only the one who saved it or a chat admin can edit it."), show_alert=True)
        return
    if b.field is None:
        await query.answer()
        await context.bot.send_message(chat.id, _("What should change in #{n}?").format(n=b.number),
                                       reply_markup=keyboards.edit_fields(svc.callback_secret, chat.id, b.number))
        return
    field = keyboards.FIELD_CODES.get(b.field)
    if field is None:
        await query.answer(_("That button is no longer valid."))
        return
    await query.answer()
    await replies.ask(update, context, Question(PendingKind.EDIT, ref=found.id, field=field),
                      f"#{b.number}: {_(FIELD_ASK[field])}")


async def answer_edit(update: Update, context: ContextTypes.DEFAULT_TYPE, q: Question, value: str) -> None:
    svc, chat = services(context), chat_of(update)
    done = await svc.db.run(predictions.edit, chat.id, None, q.field or "", value, user_id(update),
                            prediction_id=q.ref, from_today=True)
    await replies.answered(update, context)
    await reply_html(update, edited_text(done))


# ------------------------------------------------------------------ /delete
async def _delete_question(context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                     number: int) -> tuple[str, InlineKeyboardMarkup | None]:
    found = await services(context).db.run(predictions.find, chat_id, number)
    return (_("Delete this prediction and its history?") + "\n" + prediction_line(found),
            keyboards.confirm_delete(services(context).callback_secret, chat_id, number))


async def delete(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    number = prediction_number(args_text(update))
    if number is None:
        await reply_html(update, _("Which one? Give its number, e.g. <code>/delete 3</code> (see /list)."))
        return
    if not await _may_change(update, context, number, "delete"):
        return
    text, markup = await _delete_question(context, chat_of(update).id, number)
    await reply_html(update, text, reply_markup=markup)


async def ask_delete_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: AskDelete) -> None:
    query, chat = update.callback_query, chat_of(update)
    assert query is not None
    await query.answer()
    try:
        text, markup = await _delete_question(context, chat.id, b.number)
    except Refusal:
        await context.bot.send_message(chat.id, _("#{n} no longer exists.").format(n=b.number))
        return
    await context.bot.send_message(chat.id, text, parse_mode="HTML", reply_markup=markup)


async def delete_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: ConfirmDelete) -> None:
    svc, query, chat = services(context), update.callback_query, chat_of(update)
    assert query is not None
    if b.answer != "y":
        await query.answer(_("Kept."))
        await edit_query_message(update, _("Kept #{n}.").format(n=b.number), None)
        return
    try:
        owner = (await svc.db.run(predictions.find, chat.id, b.number)).created_by
        if not await can_manage(context, chat, update.effective_user, owner):
            await query.answer(_("Only the one who saved it or a chat admin can delete it."), show_alert=True)
            return
    except Refusal:
        pass  # already gone: said below
    deleted = await svc.db.run(predictions.delete, chat.id, b.number, user_id(update))
    await query.answer(_("Deleted.") if deleted else _("Already gone."))
    await edit_query_message(update, (_("🗑 Deleted #{n}. /undo brings it back.") if deleted
                                      else _("#{n} was already deleted.")).format(n=b.number), None)


# ------------------------------------------------------------------ /undo
def undone_text(undone: Undone) -> str:
    if undone.kind is None:
        return _("That prediction has since been deleted; nothing to undo.")
    numbers = ", ".join(f"#{n}" for n in undone.numbers)
    if undone.kind == ActionKind.SAVE:
        return _("Undid the save of {numbers}.").format(numbers=numbers or _("nothing left"))
    if undone.kind == ActionKind.EDIT:
        return _("Undid the edit of {numbers}.").format(numbers=numbers)
    if undone.kind == ActionKind.DELETE:
        return _("Undid the delete: {numbers} is back.").format(numbers=numbers)
    state = _("reopened") if undone.status == "open" else _("back to {status}").format(
        status=status_label(undone.status or ""))
    return _("Undid the answer on {numbers}; it is {state}.").format(numbers=numbers, state=state)


async def undo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc, chat = services(context), chat_of(update)
    action = await svc.db.run(predictions.last_action, chat.id)
    if action is None:
        await refuse(update, Refusal(Problem.NOTHING_TO_UNDO))
        return
    if not await can_manage(context, chat, update.effective_user, action.user_id):
        await reply_html(update, _("Only the one who made the last change or a chat admin can undo it."))
        return
    try:
        undone = await svc.db.run(predictions.undo, chat.id, action.id)
    except Refusal as exc:
        await refuse(update, exc)
        return
    await reply_html(update, f"↩️ {esc(undone_text(undone))}")
    if undone.message_id:  # the review that said "💾 Saved" says so no longer
        with contextlib.suppress(TelegramError):
            await context.bot.edit_message_text(
                "↩️ " + esc(_("Undone with /undo: nothing from this review is saved now.")), chat_id=chat.id,
                message_id=undone.message_id, parse_mode="HTML")


# ------------------------------------------------------------------ /export
async def export(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat, message = chat_of(update), update.effective_message
    assert message is not None
    await context.bot.send_chat_action(chat.id, ChatAction.UPLOAD_DOCUMENT)
    text, count = await services(context).db.run(csvio.export_chat, chat.id)
    if count == 0:
        await reply_html(update, _("Nothing to export yet. Add a prediction first:\n<code>{example}</code>").format(
            example=esc(ADD_EXAMPLE)))
        return
    caption = ngettext("{n} prediction from this chat (CSV).", "{n} predictions from this chat (CSV).", count)
    name = f"calledit-group-{-chat.id}.csv" if chat.id < 0 else f"calledit-{chat.id}.csv"
    await message.reply_document(text.encode("utf-8"), filename=name, caption=caption.format(n=count))


def register(application: Application) -> None:
    application.add_handler(buttons.handler(ListPage, list_button))
    application.add_handler(buttons.handler(EditField, edit_button))
    application.add_handler(buttons.handler(AskDelete, ask_delete_button))
    application.add_handler(buttons.handler(ConfirmDelete, delete_button))
    application.add_handler(buttons.handler(ConfirmPast, past_button))
    replies.on_answer(application, PendingKind.EDIT, answer_edit)
    replies.on_answer(application, PendingKind.ADD_SPEAKER, answer_speaker)

