"""Articles in, reviews out; replies to the bot's questions; browsing, editing, answering, undoing."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from telegram import Chat, ForceReply, Message, Update
from telegram.constants import ChatAction
from telegram.ext import ContextTypes

from bot import keyboards
from bot import prompts as prompts
from bot.common import (
    args_text,
    button_number,
    can_manage,
    edit_query_message,
    prediction_number,
    reply_html,
    services,
    user_name,
)
from bot.render import esc, fmt_date, prediction_line, review_html, show_html
from tracker import actions, editing, pending, reviews, schedule, store
from tracker.extraction.backends import extract_with_backend
from tracker.extraction.llm import LLMError
from tracker.manual import ADD_EXAMPLE
from tracker.models import Chat as ChatRow
from tracker.models import Prediction, Review, Source, Status
from tracker.names import clean_name
from tracker.reminders import PredictionView
from tracker.reviews import DEADLINE_HELP, EditError
from tracker.services import Services

log = logging.getLogger(__name__)
LONG_TEXT = 3000
FIELD_NAMES = {"sp": "speaker", "st": "statement", "dl": "deadline", "cf": "confidence"}
FIELD_ASK = {
    "speaker": "Reply with the speaker's name, e.g. Vladimir Putin.",
    "statement": "Reply with the statement as it should read.",
    "deadline": f"Reply with the new deadline. {DEADLINE_HELP}",
    "confidence": "Reply with a confidence from 0% to 100%, e.g. 70%.",
}


# ------------------------------------------------------------------ ingest
def _today(svc: Services, chat: Chat) -> tuple[date, str]:
    with svc.db.session() as session:
        row = store.get_or_create_chat(session, chat.id, chat.title, svc.settings.default_timezone)
        return svc.chat_today(row), row.timezone


def _forward_date(message: Message, tz: str) -> date | None:
    origin = message.forward_origin
    if origin is None:
        return None
    when = origin.date if origin.date.tzinfo else origin.date.replace(tzinfo=UTC)
    return when.astimezone(ZoneInfo(tz)).date()


def _title(text: str) -> str | None:
    first = text.strip().split("\n", 1)[0].strip()
    if first and len(first) < 150 and not re.search(r"[.!?\"”]$", first):
        return first
    return None


async def ingest_text(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str,
                      given: date | None = None, source_message: Message | None = None) -> None:
    svc = services(context)
    chat, message, user = update.effective_chat, update.effective_message, update.effective_user
    assert chat is not None and message is not None
    if reviews.is_url_only(text):
        await reply_html(update, "I can't open links yet: paste the article's text (or forward the post) and "
                                 "I'll read it.")
        return
    await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
    if len(text) > LONG_TEXT:
        await reply_html(update, f"📖 Reading {len(text):,} characters…")
    today, tz = _today(svc, chat)
    published, basis = reviews.reference_date(given, _forward_date(source_message or message, tz), text, today)
    try:
        claims = await asyncio.to_thread(extract_with_backend, text, published, svc.settings)
    except LLMError as exc:
        await reply_html(update, f"The extractor failed: {esc(exc)}. Try again, or use /add.")
        return
    if not claims:
        await reply_html(update, f"I found no forward-looking statements in that text (dated {fmt_date(published)}, "
                                 f"{esc(reviews.DATE_BASIS[basis])}).\nTrack one yourself:\n"
                                 f"<code>{esc(ADD_EXAMPLE)}</code>")
        return
    with svc.db.session() as session:
        created = reviews.create_reviews(session, chat.id, user.id if user else None, text, claims, published, basis,
                                         _title(text))
        ids = [r.id for r in created]
    first = 1
    for review_id in ids:
        assert review_id is not None
        with svc.db.session() as session:
            review = session.get(Review, review_id)
            assert review is not None
            v = reviews.view(review)
            html_text = review_html(v.claims, v.selected, review.published, review.date_basis, review.part,
                                    review.parts, first)
        sent = await reply_html(update, html_text,
                                reply_markup=keyboards.review(svc.callback_secret, chat.id, review_id, v.selected))
        with svc.db.session() as session:
            row = session.get(Review, review_id)
            assert row is not None
            row.message_id = sent
        first += len(v.claims)


def _parse_ingest(raw: str) -> tuple[date | None, str]:
    first, _, rest = raw.partition("\n")
    token = first.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", token):
        return date.fromisoformat(token), rest.strip()
    if re.fullmatch(r"\S*\d\S*", token) and not rest.strip():
        raise ValueError(token)
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}", token):
        raise ValueError(token)
    return None, raw.strip()


async def ingest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    try:
        given, text = _parse_ingest(args_text(update))
    except ValueError as exc:
        await reply_html(update, f"“{esc(exc)}” is not a date: use YYYY-MM-DD, e.g. <code>/ingest 2025-10-17</code> "
                                 "with the article on the next lines.")
        return
    source = None
    if not text and message.reply_to_message:
        source = message.reply_to_message
        text = (source.text or source.caption or "").strip()
    if not text:
        await reply_html(update, "Paste the article after /ingest on the next lines, e.g.\n"
                                 "<code>/ingest 2025-10-17\nTrump and Putin agreed to hold a summit within two "
                                 "weeks…</code>\nor reply /ingest to a message that holds the article.")
        return
    await ingest_text(update, context, text, given, source)


def _addressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> tuple[bool, str]:
    """In private chats everything is for the bot; in groups only replies to it and mentions of it."""
    chat, message = update.effective_chat, update.effective_message
    assert chat is not None and message is not None
    text = message.text or message.caption or ""
    if chat.type == Chat.PRIVATE:
        return True, text
    username = context.bot.username
    mention = f"@{username}" if username else None
    if mention and mention.lower() in text.lower():
        return True, re.sub(re.escape(mention), "", text, flags=re.IGNORECASE).strip()
    reply = message.reply_to_message
    if reply and reply.from_user and reply.from_user.id == context.bot.id:
        return True, text
    return False, text


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat, message, user = update.effective_chat, update.effective_message, update.effective_user
    if chat is None or message is None or user is None:
        return
    with svc.db.session() as session:
        waiting = pending.get_pending(session, chat.id, user.id)
        if waiting is not None:
            kind, ref, field, index, payload = waiting.kind, waiting.ref, waiting.field, waiting.index, waiting.payload
    if waiting is not None and (chat.type == Chat.PRIVATE or message.reply_to_message is not None):
        await answer_pending(update, context, kind, ref, field, index, payload, (message.text or "").strip())
        return
    addressed, text = _addressed(update, context)
    if not addressed:
        return
    if reviews.is_url_only(text):
        await reply_html(update, "I can't open links yet: paste the article's text (or forward the post) and "
                                 "I'll read it.")
        return
    if message.forward_origin is not None or reviews.looks_like_article(text):
        await ingest_text(update, context, text)
        return
    await reply_html(update, "That looks like a single sentence. To track a statement:\n"
                             f"<code>{esc(ADD_EXAMPLE)}</code>\nTo read an article, paste the whole text or forward "
                             "the post. /help has the rest.")


# ------------------------------------------------------------------ review buttons
async def review_button(update: Update, context: ContextTypes.DEFAULT_TYPE, parts: list[str]) -> None:
    svc = services(context)
    query, chat, user = update.callback_query, update.effective_chat, update.effective_user
    assert query is not None and chat is not None
    if len(parts) < 3 or not parts[1].isdigit():
        await query.answer("That button is no longer valid.")
        return
    review_id, op = int(parts[1]), parts[2]
    with svc.db.session() as session:
        review = session.get(Review, review_id)
        if review is None or review.chat_id != chat.id:
            await query.answer("This review does not belong to this chat.")
            return
        if review.status != "pending":
            await query.answer(f"This review was already {review.status}.")
            return
        secret = svc.callback_secret
        if op == "t" and len(parts) == 4 and parts[3].isdigit():
            try:
                on = reviews.toggle(review, int(parts[3]))
            except IndexError:
                await query.answer("That claim is not in this review.")
                return
            v = reviews.view(review)
            text = review_html(v.claims, v.selected, review.published, review.date_basis, review.part, review.parts)
            await query.answer(f"Claim {int(parts[3]) + 1} {'included' if on else 'left out'}.")
            await edit_query_message(update, text, keyboards.review(secret, chat.id, review_id, v.selected))
        elif op == "s":
            saved, duplicates = reviews.save_review(session, review, user.id if user else None)
            session.flush()
            rows = store.describe(session, saved)
            lines = [f"💾 Saved {len(saved)} prediction{'s' if len(saved) != 1 else ''}."]
            lines += [prediction_line(r["prediction"], r["speaker"]) for r in rows]
            if duplicates:
                lines.append(f"{duplicates} already tracked here, not saved twice.")
            if not saved and not duplicates:
                lines = ["Nothing was selected, so nothing was saved."]
            lines.append("I'll ask here when each deadline passes. /list shows them all, /undo takes this back.")
            await query.answer("Saved.")
            await edit_query_message(update, "\n".join(lines), None)
        elif op == "x":
            review.status = "discarded"
            await query.answer("Discarded.")
            await edit_query_message(update, "✖️ Discarded; nothing from this review was saved.", None)
        elif op == "e":
            await query.answer("Which claim?")
            await query.edit_message_reply_markup(
                keyboards.review_pick_claim(secret, chat.id, review_id, len(reviews.view(review).claims)))
        elif op == "c" and len(parts) == 4 and parts[3].isdigit():
            await query.answer(f"Claim {int(parts[3]) + 1}: what to change?")
            await query.edit_message_reply_markup(keyboards.review_pick_field(secret, chat.id, review_id,
                                                                              int(parts[3])))
        elif op == "b":
            await query.answer()
            await query.edit_message_reply_markup(keyboards.review(secret, chat.id, review_id,
                                                                   reviews.view(review).selected))
        elif op == "f" and len(parts) == 5 and parts[3].isdigit() and parts[4] in FIELD_NAMES and user:
            field = FIELD_NAMES[parts[4]]
            pending.set_pending(session, chat.id, user.id, "review", ref=review_id, field=field, index=int(parts[3]))
            await query.answer()
            await query.edit_message_reply_markup(keyboards.review(secret, chat.id, review_id,
                                                                   reviews.view(review).selected))
            await _ask(update, context, f"Claim {int(parts[3]) + 1}: {FIELD_ASK[field]} (/cancel to stop)")
        else:
            await query.answer("That button is no longer valid.")


async def _ask(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_message(chat.id, esc(text), parse_mode="HTML",
                                   reply_markup=ForceReply(selective=True, input_field_placeholder="Your reply"))


# ------------------------------------------------------------------ replies to the bot's questions
async def answer_pending(update: Update, context: ContextTypes.DEFAULT_TYPE, kind: str, ref: int | None,
                         field: str | None, index: int | None, payload: str | None, value: str) -> None:
    svc = services(context)
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    if not value:
        await reply_html(update, "Reply with text, or /cancel.")
        return
    try:
        if kind == "review":
            await _answer_review_edit(update, context, ref, field, index, value)
        elif kind == "edit":
            with svc.db.session() as session:
                p = session.get(Prediction, ref)
                if p is None or p.chat_id != chat.id:
                    raise EditError("That prediction no longer exists.")
                done = editing.edit_field(session, p, field or "", value, user.id)
                pending.clear_pending(session, chat.id, user.id)
                number = p.number
            await reply_html(update, f"✏️ #{number}: {esc(done)}. /undo takes it back.")
        elif kind == "add_speaker":
            data = json.loads(payload or "{}")
            name = clean_name(value)
            if not name or len(name) > 120:
                raise EditError("A speaker is a name of up to 120 characters, e.g. Vladimir Putin.")
            with svc.db.session() as session:
                p = store.add_prediction(session, store.NewPrediction(
                    chat_id=chat.id, speaker=name, statement=data["statement"],
                    deadline=date.fromisoformat(data["deadline"]), made_at=date.fromisoformat(data["made_at"]),
                    deadline_text=data.get("deadline_text"), vague=data.get("vague", False),
                    confidence=data.get("confidence", 0.5), created_by=user.id))
                actions.record(session, chat.id, user.id, "save", {"ids": [p.id]})
                pending.clear_pending(session, chat.id, user.id)
                line = prediction_line(p, name)
            await reply_html(update, f"✅ Saved {line}")
        elif kind == "settings_tz":
            await _set_timezone(update, context, value)
        elif kind == "settings_quiet":
            await _set_quiet(update, context, value)
        elif kind == "snooze":
            with svc.db.session() as session:
                p = session.get(Prediction, ref)
                if p is None or p.chat_id != chat.id:
                    raise EditError("That prediction no longer exists.")
                done = editing.edit_field(session, p, "deadline", value, user.id)
                pending.clear_pending(session, chat.id, user.id)
                number = p.number
            await reply_html(update, f"⏰ #{number}: {esc(done)}; I'll ask again after it.")
        else:
            with svc.db.session() as session:
                pending.clear_pending(session, chat.id, user.id)
            await reply_html(update, "I had lost track of that question; please start again.")
    except EditError as exc:
        await reply_html(update, f"{esc(exc)} Or /cancel.")


async def _answer_review_edit(update: Update, context: ContextTypes.DEFAULT_TYPE, ref: int | None,
                              field: str | None, index: int | None, value: str) -> None:
    svc = services(context)
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    with svc.db.session() as session:
        review = session.get(Review, ref)
        if review is None or review.chat_id != chat.id or review.status != "pending":
            pending.clear_pending(session, chat.id, user.id)
            raise EditError("That review is closed already.")
        reviews.set_claim_field(review, index or 0, field or "", value)
        pending.clear_pending(session, chat.id, user.id)
        v = reviews.view(review)
        text = review_html(v.claims, v.selected, review.published, review.date_basis, review.part, review.parts)
        message_id = review.message_id
        review_id = review.id
    assert review_id is not None
    if message_id:
        await context.bot.edit_message_text(text, chat_id=chat.id, message_id=message_id, parse_mode="HTML",
                                            reply_markup=keyboards.review(svc.callback_secret, chat.id, review_id,
                                                                          v.selected))
    await reply_html(update, f"✏️ Updated claim {(index or 0) + 1}'s {esc(field)}. Save it from the review above.")


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    with svc.db.session() as session:
        dropped = pending.clear_pending(session, chat.id, user.id)
    await reply_html(update, "Cancelled." if dropped else "There was nothing to cancel.")


# ------------------------------------------------------------------ one prediction
def _show_text(svc: Services, chat_id: int, number: int) -> tuple[str, bool] | None:
    with svc.db.session() as session:
        p = store.get_prediction(session, chat_id, number)
        if p is None:
            return None
        speaker = store.speaker_names(session, {p.speaker_id} if p.speaker_id else set()).get(p.speaker_id or -1)
        source = session.get(Source, p.source_id) if p.source_id else None
        hist = [(r.outcome, r.resolved_by_name, r.resolved_at, r.undone_at is not None)
                for r in editing.history(session, p)]
        return show_html(p, speaker, source.title if source else None, source.url if source else None, hist), \
            p.status == Status.OPEN


async def show(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat = update.effective_chat
    assert chat is not None
    number = prediction_number(args_text(update))
    if number is None:
        await reply_html(update, "Which one? Give its number, e.g. <code>/show 3</code> (see /list).")
        return
    shown = _show_text(svc, chat.id, number)
    if shown is None:
        await reply_html(update, f"There is no #{number} in this chat. See /list for the numbers.")
        return
    text, is_open = shown
    await reply_html(update, text, reply_markup=keyboards.prediction_actions(svc.callback_secret, chat.id, number,
                                                                              is_open))


async def edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None
    raw = args_text(update).strip()
    number = prediction_number(raw, whole=False)
    if number is None:
        await reply_html(update, "Which one? e.g. <code>/edit 3</code> or <code>/edit 3 deadline by March 2026</code>.")
        return
    rest = re.sub(r"^\s*#?\d+\s*", "", raw)
    with svc.db.session() as session:
        p = store.get_prediction(session, chat.id, number)
        owner = p.created_by if p else None
    if p is None:
        await reply_html(update, f"There is no #{number} in this chat. See /list for the numbers.")
        return
    if not await can_manage(context, chat, user, owner):
        await reply_html(update, f"Only the one who saved #{number} or a chat admin can edit it.")
        return
    if not rest:
        await reply_html(update, f"What should change in #{number}?",
                         reply_markup=keyboards.edit_fields(svc.callback_secret, chat.id, number))
        return
    m = re.match(r"(speaker|statement|deadline|confidence)\s+(.+)$", rest, re.IGNORECASE | re.DOTALL)
    if not m:
        await reply_html(update, "Say what to change: speaker, statement, deadline or confidence, e.g. "
                                 f"<code>/edit {number} deadline in 2 weeks</code>.")
        return
    try:
        with svc.db.session() as session:
            p = store.get_prediction(session, chat.id, number)
            assert p is not None
            done = editing.edit_field(session, p, m.group(1).lower(), m.group(2), user.id if user else None)
    except EditError as exc:
        await reply_html(update, esc(exc))
        return
    await reply_html(update, f"✏️ #{number}: {esc(done)}. /undo takes it back.")


async def undo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None
    with svc.db.session() as session:
        action = actions.last(session, chat.id)
        owner = action.user_id if action else None
    if action is None:
        await reply_html(update, "There is nothing to undo in this chat.")
        return
    if not await can_manage(context, chat, user, owner):
        await reply_html(update, "Only the one who made the last change or a chat admin can undo it.")
        return
    with svc.db.session() as session:
        fresh = actions.last(session, chat.id)
        if fresh is None or fresh.id != action.id:
            await reply_html(update, "Something changed meanwhile; send /undo again.")
            return
        text = actions.undo(session, fresh)
    await reply_html(update, f"↩️ {esc(text)}")


# ------------------------------------------------------------------ due and answers
async def due(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    assert chat is not None
    await _send_next_due(update, context, chat.id, announce_empty=True)


async def _send_next_due(update: Update, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                         announce_empty: bool) -> None:
    svc = services(context)
    chat = update.effective_chat
    assert chat is not None
    today, _ = _today(svc, chat)
    with svc.db.session() as session:
        total = store.count_due(session, chat_id, today)
        items = store.due_predictions(session, chat_id, today, limit=1)
        rows = store.describe(session, items)
    if not rows:
        if announce_empty:
            await context.bot.send_message(chat_id, "Nothing is waiting for an answer. 🎉")
        return
    row = rows[0]
    p = row["prediction"]
    text = prompts.prompt_html(PredictionView.of(p, row["speaker"], row["source"]))
    if total > 1:
        text += f"\n<i>{total - 1} more waiting after this one.</i>"
    await context.bot.send_message(chat_id, text, parse_mode="HTML", disable_web_page_preview=True,
                                   reply_markup=keyboards.from_spec(svc.callback_secret, chat_id,
                                                                    prompts.prompt_buttons(p.number, from_due=True)))


async def outcome_button(update: Update, context: ContextTypes.DEFAULT_TYPE, parts: list[str]) -> None:
    """v:N:code[:d] answers a prompt (first answer wins); w:N:code changes an outcome from /show."""
    svc = services(context)
    query, chat, user = update.callback_query, update.effective_chat, update.effective_user
    assert query is not None and chat is not None
    valid = len(parts) >= 3 and parts[2] in prompts.OUTCOME_CODES
    number = await button_number(update, parts if valid else [])
    if number is None:
        return
    outcome = prompts.OUTCOME_CODES[parts[2]]
    explicit = parts[0] == "w"
    from_due = len(parts) > 3 and parts[3] == "d"
    with svc.db.session() as session:
        p = store.get_prediction(session, chat.id, number)
        if p is None:
            await query.answer(f"#{number} no longer exists.")
            await edit_query_message(update, f"#{number} was deleted.", None)
            return
        resolution = editing.record_outcome(session, p, outcome, user.id if user else None, user_name(user),
                                            only_if_open=not explicit)
        latest = editing.latest_resolution(session, p)
        rows = store.describe(session, [p])
        by = latest.resolved_by_name if latest else None
        text = prompts.answered_html(PredictionView.of(p, rows[0]["speaker"], rows[0]["source"]), by)
    if resolution is None:
        await query.answer(f"Already answered by {by or 'someone'}.")
        await edit_query_message(update, text, None)
        return
    await query.answer("Recorded.")
    if explicit:
        shown = _show_text(svc, chat.id, number)
        if shown:
            await edit_query_message(update, shown[0], keyboards.prediction_actions(svc.callback_secret, chat.id,
                                                                                    number, shown[1]))
        return
    await edit_query_message(update, text, keyboards.from_spec(svc.callback_secret, chat.id,
                                                               prompts.undo_buttons(number)))
    if from_due:
        await _send_next_due(update, context, chat.id, announce_empty=False)


async def undo_button(update: Update, context: ContextTypes.DEFAULT_TYPE, parts: list[str]) -> None:
    """↩️ Undo under an answered prompt: reopens it if that answer is still the newest one."""
    svc = services(context)
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    number = await button_number(update, parts)
    if number is None:
        return
    with svc.db.session() as session:
        p = store.get_prediction(session, chat.id, number)
        action = actions.last(session, chat.id)
        if p is None or action is None or action.kind != "resolve" or json.loads(action.payload)["id"] != p.id:
            await query.answer("That answer can no longer be undone here; use /show to change it.")
            return
        actions.undo(session, action)
        rows = store.describe(session, [p])
        text = prompts.prompt_html(PredictionView.of(p, rows[0]["speaker"], rows[0]["source"]))
    await query.answer("Undone.")
    await edit_query_message(update, text, keyboards.from_spec(svc.callback_secret, chat.id,
                                                               prompts.prompt_buttons(number)))


SNOOZES = {"1d": timedelta(days=1), "1w": timedelta(weeks=1), "1m": timedelta(days=30)}


async def snooze_button(update: Update, context: ContextTypes.DEFAULT_TYPE, parts: list[str]) -> None:
    svc = services(context)
    query, chat, user = update.callback_query, update.effective_chat, update.effective_user
    assert query is not None and chat is not None
    number = await button_number(update, parts)
    if number is None:
        return
    with svc.db.session() as session:
        p = store.get_prediction(session, chat.id, number)
        if p is None or p.status != Status.OPEN:
            await query.answer("That one is no longer open.")
            return
        if len(parts) == 2:
            await query.answer("Snooze for how long?")
            await query.edit_message_reply_markup(keyboards.from_spec(svc.callback_secret, chat.id, [
                [("1 day", f"z:{number}:1d"), ("1 week", f"z:{number}:1w"), ("1 month", f"z:{number}:1m")],
                [("📅 New deadline…", f"z:{number}:w"), ("◀ Back", f"z:{number}:b")],
            ]))
            return
        choice = parts[2]
        if choice == "b":
            await query.answer()
            await query.edit_message_reply_markup(keyboards.from_spec(svc.callback_secret, chat.id,
                                                                      prompts.prompt_buttons(number)))
            return
        if choice == "w" and user:
            pending.set_pending(session, chat.id, user.id, "snooze", ref=p.id)
            await query.answer()
            await _ask(update, context, f"#{number}: {FIELD_ASK['deadline']} (/cancel to stop)")
            return
        if choice not in SNOOZES:
            await query.answer("That button is no longer valid.")
            return
        p.next_remind_at = schedule.now() + SNOOZES[choice]
        when = p.next_remind_at
        rows = store.describe(session, [p])
        text = prompts.prompt_body(PredictionView.of(p, rows[0]["speaker"], rows[0]["source"]))
    await query.answer("Snoozed.")
    await edit_query_message(update, f"{text}\n\n⏰ Snoozed: I'll ask again on {fmt_date(when.date())}.", None)


# ------------------------------------------------------------------ settings
def _settings_text(row: ChatRow) -> str:
    quiet = f"{row.quiet_start:02d}:00–{row.quiet_end:02d}:00" if row.quiet_start is not None else "none"
    return (f"<b>Settings for this chat</b>\n🕐 Timezone: {esc(row.timezone)}\n🌙 Quiet hours: {quiet}\n"
            f"🔔 Heads-up the day before a deadline: {'on' if row.heads_up else 'off'}\n\n"
            "Change them with the buttons, or e.g. <code>/settings timezone Europe/Kyiv</code>, "
            "<code>/settings quiet 22-08</code>, <code>/settings quiet off</code>.")


async def settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat = update.effective_chat
    assert chat is not None
    raw = args_text(update).strip()
    m = re.match(r"(timezone|tz|quiet|headsup|heads-up)\s*(.*)$", raw, re.IGNORECASE)
    if raw and not m:
        await reply_html(update, "I know timezone, quiet and headsup, e.g. "
                                 "<code>/settings timezone Europe/Kyiv</code>.")
        return
    if m:
        what, value = m.group(1).lower(), m.group(2).strip()
        if what in {"timezone", "tz"}:
            await _set_timezone(update, context, value)
        elif what == "quiet":
            await _set_quiet(update, context, value)
        else:
            if value.lower() not in {"on", "off"}:
                await reply_html(update, "Say <code>/settings headsup on</code> or <code>off</code>.")
                return
            with svc.db.session() as session:
                row = store.get_or_create_chat(session, chat.id, chat.title, svc.settings.default_timezone)
                row.heads_up = value.lower() == "on"
            await reply_html(update, f"🔔 Day-before heads-up is {value.lower()}.")
        return
    with svc.db.session() as session:
        row = store.get_or_create_chat(session, chat.id, chat.title, svc.settings.default_timezone)
        text, heads = _settings_text(row), row.heads_up
    await reply_html(update, text, reply_markup=keyboards.settings_menu(svc.callback_secret, chat.id, heads))


async def _set_timezone(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    svc = services(context)
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None
    name = value.strip()
    try:
        if not name or "\x00" in name:
            raise ZoneInfoNotFoundError(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise EditError(f"“{name[:60]}” is not a timezone I know; use an IANA name such as Europe/Kyiv or "
                        "America/New_York.") from None
    with svc.db.session() as session:
        row = store.get_or_create_chat(session, chat.id, chat.title, svc.settings.default_timezone)
        row.timezone = name
        store.retime_chat(session, chat.id, name)
        if user:
            pending.clear_pending(session, chat.id, user.id)
    now = datetime.now(ZoneInfo(name))
    await reply_html(update, f"🕐 Timezone set to {esc(name)} (it is {now:%H:%M} there now).")


async def _set_quiet(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    svc = services(context)
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None
    value = value.strip().lower()
    if value in {"off", "none", "no"}:
        start, end = None, None
    else:
        m = re.fullmatch(r"(\d{1,2})(?::00)?\s*[-–]\s*(\d{1,2})(?::00)?", value)
        if not m or int(m.group(1)) > 23 or int(m.group(2)) > 23 or m.group(1) == m.group(2):
            raise EditError("Quiet hours are two different hours from 0 to 23, e.g. 22-08, or “off”.")
        start, end = int(m.group(1)), int(m.group(2))
    with svc.db.session() as session:
        row = store.get_or_create_chat(session, chat.id, chat.title, svc.settings.default_timezone)
        row.quiet_start, row.quiet_end = start, end
        if user:
            pending.clear_pending(session, chat.id, user.id)
    text = "off" if start is None else f"{start:02d}:00–{end:02d}:00 ({esc(row.timezone)})"
    await reply_html(update, f"🌙 Quiet hours: {text}. Reminders wait until they are over.")


async def settings_button(update: Update, context: ContextTypes.DEFAULT_TYPE, parts: list[str]) -> None:
    svc = services(context)
    query, chat, user = update.callback_query, update.effective_chat, update.effective_user
    assert query is not None and chat is not None
    op = parts[1] if len(parts) > 1 else ""
    if op == "h":
        with svc.db.session() as session:
            row = store.get_or_create_chat(session, chat.id, chat.title, svc.settings.default_timezone)
            row.heads_up = not row.heads_up
            text, heads = _settings_text(row), row.heads_up
        await query.answer(f"Heads-up {'on' if heads else 'off'}.")
        await edit_query_message(update, text, keyboards.settings_menu(svc.callback_secret, chat.id, heads))
    elif op in {"tz", "q"} and user:
        with svc.db.session() as session:
            pending.set_pending(session, chat.id, user.id, "settings_tz" if op == "tz" else "settings_quiet")
        await query.answer()
        await _ask(update, context, "Reply with your timezone, e.g. Europe/Kyiv. (/cancel to stop)" if op == "tz"
                   else "Reply with quiet hours like 22-08, or “off”. (/cancel to stop)")
    else:
        await query.answer("That button is no longer valid.")


async def edit_button(update: Update, context: ContextTypes.DEFAULT_TYPE, parts: list[str]) -> None:
    svc = services(context)
    query, chat, user = update.callback_query, update.effective_chat, update.effective_user
    assert query is not None and chat is not None
    number = await button_number(update, parts)
    if number is None:
        return
    with svc.db.session() as session:
        p = store.get_prediction(session, chat.id, number)
        owner, pid = (p.created_by, p.id) if p else (None, None)
    if p is None:
        await query.answer(f"#{number} no longer exists.")
        return
    if not await can_manage(context, chat, user, owner):
        await query.answer("Only the one who saved it or a chat admin can edit it.", show_alert=True)
        return
    if len(parts) == 2:
        await query.answer()
        await context.bot.send_message(chat.id, f"What should change in #{number}?",
                                       reply_markup=keyboards.edit_fields(svc.callback_secret, chat.id, number))
        return
    field = FIELD_NAMES.get(parts[2])
    if field is None or user is None:
        await query.answer("That button is no longer valid.")
        return
    with svc.db.session() as session:
        pending.set_pending(session, chat.id, user.id, "edit", ref=pid, field=field)
    await query.answer()
    await _ask(update, context, f"#{number}: {FIELD_ASK[field]} (/cancel to stop)")


async def settings_error_wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/settings with a bad value answers in one line instead of raising."""
    try:
        await settings(update, context)
    except EditError as exc:
        await reply_html(update, esc(exc))


def add_missing_speaker_payload(statement: str, deadline: date, made_at: date, deadline_text: str | None,
                                vague: bool, confidence: float) -> str:
    return json.dumps({"statement": statement, "deadline": deadline.isoformat(), "made_at": made_at.isoformat(),
                       "deadline_text": deadline_text, "vague": vague, "confidence": confidence})
