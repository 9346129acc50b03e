"""Command and button handlers: parse the update, call tracker/, render HTML. Nothing else."""

from __future__ import annotations

import logging
import math

from telegram import ForceReply, Update
from telegram.constants import ChatAction
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot import conversation, keyboards, stats
from bot.common import args_text, can_manage, edit_query_message, prediction_number, reply_html, services
from bot.render import esc, fmt_date, prediction_line
from tracker import actions, pending, store
from tracker.callbacks import verify
from tracker.csvio import export_csv_text
from tracker.extraction.deadlines import DEFAULT_HORIZON_DAYS
from tracker.manual import ADD_EXAMPLE, ManualEntryError, parse_manual
from tracker.services import Services

log = logging.getLogger(__name__)
PAGE_SIZE = 10

START_TEXT = (
    "👋 I keep score of what public figures say will happen.\n"
    "Paste or forward a news article: I find the statements about the future, who made them and by when. "
    "When a deadline passes I ask this chat whether it came true, so over time you see who is right how often.\n\n"
    "<b>Try it:</b> forward me a news post, or\n<code>{example}</code>\n\n"
    "/list — open predictions · /due — waiting for an answer · /help — everything else"
)

async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply_html(update, START_TEXT.format(example=esc(ADD_EXAMPLE)))


async def add(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat = update.effective_chat
    assert chat is not None
    user = update.effective_user
    with svc.db.session() as session:
        chat_row = store.get_or_create_chat(session, chat.id, chat.title, svc.settings.default_timezone)
        today = svc.chat_today(chat_row)
    try:
        entry = parse_manual(args_text(update), today)
    except ManualEntryError as exc:
        await reply_html(update, esc(str(exc)))
        return
    if entry.speaker is None:
        if user is None:
            await reply_html(update, f"Who said it? Put the speaker first, e.g. <code>{esc(ADD_EXAMPLE)}</code>")
            return
        payload = conversation.add_missing_speaker_payload(entry.statement, entry.deadline.date, today,
                                                           entry.deadline.text or None, entry.deadline.vague,
                                                           entry.confidence)
        with svc.db.session() as session:
            pending.set_pending(session, chat.id, user.id, "add_speaker", payload=payload)
        await reply_html(update, "Who said it? Reply with the speaker's name (or /cancel). Next time you can put it "
                                 f"before a colon: <code>{esc(ADD_EXAMPLE)}</code>",
                         reply_markup=ForceReply(selective=True, input_field_placeholder="Speaker"))
        return
    with svc.db.session() as session:
        prediction = store.add_prediction(session, store.NewPrediction(
            chat_id=chat.id, speaker=entry.speaker, statement=entry.statement, deadline=entry.deadline.date,
            made_at=today, deadline_text=entry.deadline.text or None, vague=entry.deadline.vague,
            confidence=entry.confidence, created_by=user.id if user else None,
        ))
        actions.record(session, chat.id, user.id if user else None, "save", {"ids": [prediction.id]})
        speaker_name = store.speaker_names(session, {prediction.speaker_id} if prediction.speaker_id else set())
        line = prediction_line(prediction, speaker_name.get(prediction.speaker_id or -1))
    note = ""
    if not entry.deadline.text:
        note = f"\nNo deadline given, so I will ask on {fmt_date(entry.deadline.date)} ({DEFAULT_HORIZON_DAYS} days)."
    elif entry.deadline.vague:
        note = f"\n“{esc(entry.deadline.text)}” is vague, so I will ask on {fmt_date(entry.deadline.date)}."
    await reply_html(update, f"✅ Saved {line}{note}")


def _list_page(svc: Services, chat_id: int, page: int) -> tuple[str, object]:
    with svc.db.session() as session:
        total = store.count_open(session, chat_id)
        pages = max(1, math.ceil(total / PAGE_SIZE))
        page = min(max(1, page), pages)
        rows = store.describe(session, store.list_open(session, chat_id, PAGE_SIZE, (page - 1) * PAGE_SIZE))
    if total == 0:
        return f"No open predictions yet. Add one:\n<code>{esc(ADD_EXAMPLE)}</code>", None
    head = f"<b>Open predictions</b> ({total}), latest deadline first"
    if pages > 1:
        head += f" — page {page} of {pages}"
    lines = [head, *(prediction_line(r["prediction"], r["speaker"]) for r in rows)]
    return "\n".join(lines), keyboards.list_pages(svc.callback_secret, chat_id, page, pages)


async def list_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    assert chat is not None
    text, markup = _list_page(services(context), chat.id, 1)
    await reply_html(update, text, reply_markup=markup)


async def delete(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat = update.effective_chat
    assert chat is not None
    number = prediction_number(args_text(update))
    if number is None:
        await reply_html(update, "Which one? Give its number, e.g. <code>/delete 3</code> (see /list).")
        return
    with svc.db.session() as session:
        prediction = store.get_prediction(session, chat.id, number)
        if prediction is None:
            await reply_html(update, f"There is no #{number} in this chat. See /list for the numbers.")
            return
        names = store.speaker_names(session, {prediction.speaker_id} if prediction.speaker_id else set())
        line = prediction_line(prediction, names.get(prediction.speaker_id or -1))
        owner = prediction.created_by
    if not await can_manage(context, chat, update.effective_user, owner):
        await reply_html(update, f"Only the one who saved #{number} or a chat admin can delete it.")
        return
    await reply_html(update, f"Delete this prediction and its history?\n{line}",
                     reply_markup=keyboards.confirm_delete(svc.callback_secret, chat.id, number))


async def export(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat = update.effective_chat
    message = update.effective_message
    assert chat is not None and message is not None
    await context.bot.send_chat_action(chat.id, ChatAction.UPLOAD_DOCUMENT)
    with svc.db.session() as session:
        text = export_csv_text(session, chat.id)
    count = max(0, text.count("\n") - 1)
    if count == 0:
        await reply_html(update, f"Nothing to export yet. Add a prediction first:\n<code>{esc(ADD_EXAMPLE)}</code>")
        return
    await message.reply_document(text.encode("utf-8"), filename=f"calledit-{chat.id}.csv",
                                 caption=f"{count} prediction{'s' if count != 1 else ''} from this chat (CSV).")


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    command = (message.text or "").split()[0] if message and message.text else "that"
    await reply_html(update, f"I don't know {esc(command)}. See /help for what I can do.")


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every button: the data must be signed for this chat, then it goes to its verb's handler."""
    svc = services(context)
    query = update.callback_query
    chat = update.effective_chat
    assert query is not None
    parts = verify(svc.callback_secret, chat.id, query.data) if chat else None
    if parts is None or chat is None:
        await query.answer("This button does not belong to this chat.", show_alert=False)
        return
    verb = parts[0]
    if verb == "l" and len(parts) == 2 and parts[1].isdigit():
        text, markup = _list_page(svc, chat.id, int(parts[1]))
        await query.answer()
        await edit_query_message(update, text, markup)  # type: ignore[arg-type]
    elif verb == "d" and len(parts) == 3 and parts[1].isdigit():
        await _delete_button(update, context, int(parts[1]), parts[2] == "y")
    elif verb == "dq" and len(parts) == 2 and parts[1].isdigit():
        await query.answer()
        await _ask_delete(update, context, int(parts[1]))
    elif verb == "r":
        await conversation.review_button(update, context, parts)
    elif verb in {"v", "w"}:
        await conversation.outcome_button(update, context, parts)
    elif verb == "u":
        await conversation.undo_button(update, context, parts)
    elif verb == "z":
        await conversation.snooze_button(update, context, parts)
    elif verb == "e":
        await conversation.edit_button(update, context, parts)
    elif verb == "s":
        await conversation.settings_button(update, context, parts)
    elif verb == "st":
        await stats.stats_button(update, context, parts)
    else:
        await query.answer("That button is no longer valid.")


async def _ask_delete(update: Update, context: ContextTypes.DEFAULT_TYPE, number: int) -> None:
    svc = services(context)
    chat = update.effective_chat
    assert chat is not None
    with svc.db.session() as session:
        prediction = store.get_prediction(session, chat.id, number)
        if prediction is None:
            await context.bot.send_message(chat.id, f"#{number} no longer exists.")
            return
        line = prediction_line(prediction, store.speaker_names(
            session, {prediction.speaker_id} if prediction.speaker_id else set()).get(prediction.speaker_id or -1))
    await context.bot.send_message(chat.id, f"Delete this prediction and its history?\n{line}", parse_mode="HTML",
                                   reply_markup=keyboards.confirm_delete(svc.callback_secret, chat.id, number))


async def _delete_button(update: Update, context: ContextTypes.DEFAULT_TYPE, number: int, confirmed: bool) -> None:
    svc = services(context)
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    if not confirmed:
        await query.answer("Kept.")
        await edit_query_message(update, f"Kept #{number}.", None)
        return
    with svc.db.session() as session:
        prediction = store.get_prediction(session, chat.id, number)
        owner = prediction.created_by if prediction else None
    if prediction is not None and not await can_manage(context, chat, update.effective_user, owner):
        await query.answer("Only the one who saved it or a chat admin can delete it.", show_alert=True)
        return
    with svc.db.session() as session:
        deleted = store.delete_prediction(session, chat.id, number)
    await query.answer("Deleted." if deleted else "Already gone.")
    await edit_query_message(update, f"🗑 Deleted #{number}." if deleted else f"#{number} was already deleted.", None)


async def skip_seen_update(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Group -1: an update handled before a crash is redelivered by Telegram; do not act twice."""
    if isinstance(update, Update):
        with services(context).db.session() as session:
            if store.update_seen(session, update.update_id):
                raise ApplicationHandlerStop


async def mark_update_done(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Last group: the update has been handled."""
    if isinstance(update, Update):
        with services(context).db.session() as session:
            store.mark_update(session, update.update_id)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log it, tell the user in one line, keep running."""
    log.error("Error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat:
        try:
            await context.bot.send_message(update.effective_chat.id,
                                           "Sorry, something went wrong on my side. Please try again.")
        except Exception:  # the chat may be gone; the error is already logged
            log.warning("Could not tell the chat about the error")
