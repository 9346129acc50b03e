"""/stats, /speaker and /chart: the scores, as text, table and picture."""

from __future__ import annotations

import asyncio
import math
import re

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import ContextTypes

from bot import keyboards
from bot.charts import render_png
from bot.common import args_text, edit_query_message, reply_html, services
from bot.render import esc, speaker_record_html, stats_html
from tracker import scoring, store
from tracker.models import Status
from tracker.services import Services

PAGE = 10


def _leaderboard(svc: Services, chat_id: int, chat_title: str | None, year: int | None,
                 page: int) -> tuple[str, object]:
    period = scoring.Period.year(year) if year else None
    with svc.db.session() as session:
        records = scoring.speaker_records(session, chat_id, period)
    if not records:
        scope = f" made in {year}" if year else ""
        return f"No predictions{scope} in this chat yet. Paste an article or use /add.", None
    ranked = sum(1 for r in records if r.ranked)
    pages = max(1, math.ceil(ranked / PAGE))
    page = min(max(1, page), pages)
    scope = ("this group" if chat_id < 0 else "this chat") + (f", predictions made in {year}" if year else "")
    if pages > 1:
        scope += f" — page {page} of {pages}"
    text = stats_html(records, scoring.overall(records), page, pages, scope)
    return text, keyboards.pages(svc.callback_secret, chat_id, page, pages, f"st:{{}}:{year or 0}")


async def _speaker_view(update: Update, context: ContextTypes.DEFAULT_TYPE, name: str) -> None:
    svc = services(context)
    chat = update.effective_chat
    assert chat is not None
    with svc.db.session() as session:
        found = store.find_speaker(session, name)
        records = scoring.speaker_records(session, chat.id, speaker_id=found.id) if found and found.id else []
        if not records or found is None or found.id is None:
            await reply_html(update, f"No predictions by {esc(name)} in this chat yet. /stats lists the speakers.")
            return
        recent = scoring.recent_resolved(session, chat.id, found.id)
        open_items = [p for p in store.speaker_predictions(session, chat.id, found.id, limit=10)
                      if p.status == Status.OPEN]
        text = speaker_record_html(records[0], recent, open_items)
    await reply_html(update, text)


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat = update.effective_chat
    assert chat is not None
    arg = args_text(update).strip()
    if re.fullmatch(r"(19|20)\d\d", arg):
        text, markup = _leaderboard(svc, chat.id, chat.title, int(arg), 1)
    elif arg:
        await _speaker_view(update, context, arg)
        return
    else:
        text, markup = _leaderboard(svc, chat.id, chat.title, None, 1)
    await reply_html(update, text, reply_markup=markup)


async def speaker(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    name = args_text(update).strip()
    if not name:
        await reply_html(update, "Whose record? e.g. <code>/speaker Putin</code>.")
        return
    await _speaker_view(update, context, name)


async def stats_button(update: Update, context: ContextTypes.DEFAULT_TYPE, parts: list[str]) -> None:
    svc = services(context)
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
        await query.answer("That button is no longer valid.")
        return
    text, markup = _leaderboard(svc, chat.id, chat.title, int(parts[2]) or None, int(parts[1]))
    await query.answer()
    await edit_query_message(update, text, markup)  # type: ignore[arg-type]


async def chart(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat, message = update.effective_chat, update.effective_message
    assert chat is not None and message is not None
    name = args_text(update).strip()
    with svc.db.session() as session:
        if name:
            found = store.find_speaker(session, name)
            if found is None or found.id is None:
                await reply_html(update, f"No predictions by {esc(name)} in this chat yet.")
                return
            records = scoring.speaker_records(session, chat.id, speaker_id=found.id)
            bins = scoring.calibration_bins(session, chat.id, speaker_id=found.id)
            title = f"{found.name}: stated confidence vs outcome"
        else:
            records = scoring.speaker_records(session, chat.id)
            bins = scoring.calibration_bins(session, chat.id)
            title = "This chat: stated confidence vs outcome"
    total = scoring.overall(records)
    if total.scored == 0:
        await reply_html(update, "Nothing has been answered yet, so there is nothing to draw. /due shows what is "
                                 "waiting for an answer.")
        return
    await context.bot.send_chat_action(chat.id, ChatAction.UPLOAD_PHOTO)
    data = scoring.chart_data(records, bins)
    speakers = [] if name else data["speakers"]
    png = await asyncio.to_thread(render_png, title, data["calibration"], speakers)  # type: ignore[arg-type]
    lo, hi = total.interval
    caption = (f"{total.scored} scored predictions · accuracy {round((total.accuracy or 0) * 100)}% "
               f"({round(lo * 100)}–{round(hi * 100)}%)")
    if total.brier is not None:
        caption += f" · Brier {total.brier:.2f}"
    await message.reply_photo(png, caption=esc(caption), parse_mode="HTML",
                              filename="calledit-chart.png")
