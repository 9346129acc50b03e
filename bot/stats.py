"""/stats, /speaker and /chart: the scores, as text, table and picture."""

from __future__ import annotations

import asyncio
import re

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.ext import Application, ContextTypes

from bot import buttons, keyboards
from bot.buttons import StatsPage
from bot.charts import render_png
from bot.common import args_text, chat_of, edit_query_message, reply_html, services
from bot.render import esc, speaker_record_html, stats_html
from bot.texts import _, fmt_number, ngettext
from tracker import scores
from tracker.errors import Refusal


async def _leaderboard(update: Update, context: ContextTypes.DEFAULT_TYPE, year: int | None,
                 page: int) -> tuple[str, InlineKeyboardMarkup | None]:
    svc, chat = services(context), chat_of(update)
    board = await svc.db.run(scores.leaderboard, chat.id, year, page)
    if board is None:
        if year:
            return _("No predictions made in {year} in this chat yet. Paste an article or use /add.").format(
                year=year), None
        return _("No predictions in this chat yet. Paste an article or use /add."), None
    scope = _("this group") if chat.id < 0 else _("this chat")
    if year:
        scope += ", " + _("predictions made in {year}").format(year=year)
    if board.pages > 1:
        scope += " — " + _("page {page} of {pages}").format(page=board.page, pages=board.pages)
    text = stats_html(board.records, board.total, board.page, board.pages, scope)
    return text, keyboards.pages(svc.callback_secret, chat.id, board.page, board.pages,
                                 lambda n: StatsPage(n, year or 0))


async def _speaker_view(update: Update, context: ContextTypes.DEFAULT_TYPE, name: str) -> None:
    try:
        report = await services(context).db.run(scores.speaker_report, chat_of(update).id, name)
    except Refusal:
        await reply_html(update, _("No predictions by {name} in this chat yet. /stats lists the speakers.").format(
            name=esc(name)))
        return
    await reply_html(update, speaker_record_html(report.record, report.recent, report.open_items))


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    arg = args_text(update).strip()
    if arg and not re.fullmatch(r"(19|20)\d\d", arg):
        await _speaker_view(update, context, arg)
        return
    text, markup = await _leaderboard(update, context, int(arg) if arg else None, 1)
    await reply_html(update, text, reply_markup=markup)


async def speaker(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    name = args_text(update).strip()
    if not name:
        await reply_html(update, _("Whose record? e.g. <code>/speaker Putin</code>."))
        return
    await _speaker_view(update, context, name)


async def stats_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: StatsPage) -> None:
    query = update.callback_query
    assert query is not None
    text, markup = await _leaderboard(update, context, b.year or None, b.page)
    await query.answer()
    await edit_query_message(update, text, markup)


async def chart(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat, message = chat_of(update), update.effective_message
    assert message is not None
    name = args_text(update).strip()
    try:
        data = await services(context).db.run(scores.chart_input, chat.id, name or None)
    except Refusal:
        await reply_html(update, _("No predictions by {name} in this chat yet.").format(name=esc(name)))
        return
    total = data.total
    if total.scored == 0:
        nothing = _("Nothing has been answered yet, so there is nothing to draw.")
        if data.speaker:
            nothing = _("Nothing by {name} has been answered yet, so there is nothing to draw.").format(
                name=esc(data.speaker))
        await reply_html(update, nothing + " " + _("/due shows what is waiting for an answer."))
        return
    await context.bot.send_chat_action(chat.id, ChatAction.UPLOAD_PHOTO)
    title = (_("{name}: stated confidence vs outcome").format(name=data.speaker) if data.speaker
             else _("This chat: stated confidence vs outcome"))
    png = await asyncio.to_thread(render_png, title, data.calibration, data.speakers)
    lo, hi = total.interval
    caption = ngettext("{n} scored prediction · accuracy {acc}% ({lo}–{hi}%)",
                       "{n} scored predictions · accuracy {acc}% ({lo}–{hi}%)", total.scored).format(
        n=total.scored, acc=round((total.accuracy or 0) * 100), lo=round(lo * 100), hi=round(hi * 100))
    if total.brier is not None:
        caption += f" · Brier {fmt_number(total.brier, 2)}"
    await message.reply_photo(png, caption=esc(caption), parse_mode="HTML", filename="calledit-chart.png")


def register(application: Application) -> None:
    application.add_handler(buttons.handler(StatsPage, stats_button))
