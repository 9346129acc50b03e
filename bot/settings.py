"""/settings: the chat's timezone, quiet hours, day-before heads-up and language, by command, button or reply."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application, ContextTypes

from bot import buttons, i18n, keyboards, languages, replies
from bot.buttons import SettingsOp
from bot.common import args_text, chat_of, edit_query_message, refuse, reply_html, services
from bot.render import esc
from bot.texts import _, language_name, problem
from tracker import chats, following
from tracker.chats import ChatSettings
from tracker.errors import Refusal
from tracker.models import PendingKind
from tracker.pending import Question


def settings_text(s: ChatSettings) -> str:
    quiet = f"{s.quiet_start:02d}:00–{s.quiet_end:02d}:00" if s.quiet_start is not None else _("none")
    return ("<b>" + _("Settings for this chat") + "</b>\n"
            + "🕐 " + _("Timezone: {tz}").format(tz=esc(s.timezone)) + "\n"
            + "🌙 " + _("Quiet hours: {quiet}").format(quiet=quiet) + "\n"
            + "🔔 " + (_("Heads-up the day before a deadline: on") if s.heads_up
                      else _("Heads-up the day before a deadline: off")) + "\n"
            + "🌐 " + _("Language: {name}").format(name=language_name(s.language)) + "\n\n"
            + _("Change them with the buttons, or e.g. <code>/settings timezone Europe/Kyiv</code>, "
                "<code>/settings quiet 22-08</code>, <code>/settings quiet off</code>, "
                "<code>/settings feeds auto</code>, <code>/settings language uk</code>."))


def _menu(context: ContextTypes.DEFAULT_TYPE, chat_id: int, s: ChatSettings) -> InlineKeyboardMarkup:
    return keyboards.settings_menu(services(context).callback_secret, chat_id, s.heads_up, s.language)


async def _timezone(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    svc, chat = services(context), chat_of(update)
    s = await svc.db.run(chats.set_timezone, chat.id, chat.title, svc.settings.default_timezone, value)
    await replies.answered(update, context)
    now = datetime.now(ZoneInfo(s.timezone))
    await reply_html(update, "🕐 " + _("Timezone set to {tz} (it is {time} there now).").format(
        tz=esc(s.timezone), time=f"{now:%H:%M}"))


async def _quiet(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    svc, chat = services(context), chat_of(update)
    s = await svc.db.run(chats.set_quiet, chat.id, chat.title, svc.settings.default_timezone, value)
    await replies.answered(update, context)
    if s.quiet_start is None:
        await reply_html(update, "🌙 " + _("Quiet hours: off."))
        return
    await reply_html(update, "🌙 " + _("Quiet hours: {quiet}. Reminders wait until they are over.").format(
        quiet=f"{s.quiet_start:02d}:00–{s.quiet_end:02d}:00 ({esc(s.timezone)})"))


async def _heads_up(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    svc, chat = services(context), chat_of(update)
    if value.lower() not in {"on", "off"}:
        await reply_html(update, _("Say <code>/settings headsup on</code> or <code>off</code>."))
        return
    await svc.db.run(chats.set_heads_up, chat.id, chat.title, svc.settings.default_timezone, value.lower() == "on")
    await reply_html(update, "🔔 " + (_("Day-before heads-up is on.") if value.lower() == "on"
                                     else _("Day-before heads-up is off.")))


async def _feeds(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    svc, chat = services(context), chat_of(update)
    if value.lower() not in {"review", "auto"}:
        await reply_html(update, _("Say <code>/settings feeds review</code> (statements from followed feeds wait "
                                   "for 💾) or <code>/settings feeds auto</code> (saved by themselves)."))
        return
    auto = value.lower() == "auto"
    await svc.db.run(following.set_auto, chat.id, auto)
    done = (_("Statements from followed feeds are now saved by themselves; each digest says what was saved, and "
              "/undo takes it back.") if auto else _("Statements from followed feeds now wait for your 💾 in each "
                                                     "digest."))
    await reply_html(update, "📡 " + done)


async def _language(update: Update, context: ContextTypes.DEFAULT_TYPE, value: str) -> None:
    """The chat speaks another language from this answer on (prompts, digests and its command menu too)."""
    svc, chat = services(context), chat_of(update)
    s = await svc.db.run(chats.set_language, chat.id, chat.title, svc.settings.default_timezone, value)
    i18n.use(s.language)
    await reply_html(update, "🌐 " + _("From now on I speak English in this chat."))
    await languages.chat_menu(context, chat.id)


SETTERS = {"timezone": _timezone, "tz": _timezone, "quiet": _quiet, "headsup": _heads_up, "heads-up": _heads_up,
           "feeds": _feeds, "language": _language, "lang": _language}


async def settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc, chat = services(context), chat_of(update)
    raw = args_text(update).strip()
    m = re.match(r"(timezone|tz|quiet|headsup|heads-up|feeds|language|lang)\s*(.*)$", raw, re.IGNORECASE)
    if raw and not m:
        await reply_html(update, _("I know timezone, quiet, headsup, feeds and language, e.g. "
                                   "<code>/settings timezone Europe/Kyiv</code>."))
        return
    if m and not m.group(2).strip():  # "/settings timezone" alone: show what is set, with its buttons
        m = None
    if m:
        try:
            await SETTERS[m.group(1).lower()](update, context, m.group(2).strip())
        except Refusal as exc:
            await refuse(update, exc)
        return
    s = await svc.db.run(chats.get, chat.id, chat.title, svc.settings.default_timezone)
    await reply_html(update, settings_text(s), reply_markup=_menu(context, chat.id, s))


async def _flip_heads_up(update: Update, context: ContextTypes.DEFAULT_TYPE, b: SettingsOp) -> None:
    svc, query, chat = services(context), update.callback_query, chat_of(update)
    assert query is not None
    s = await svc.db.run(chats.set_heads_up, chat.id, chat.title, svc.settings.default_timezone, None)
    await query.answer(_("Heads-up on.") if s.heads_up else _("Heads-up off."))
    await edit_query_message(update, settings_text(s), _menu(context, chat.id, s))


async def _ask_timezone(update: Update, context: ContextTypes.DEFAULT_TYPE, b: SettingsOp) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    await replies.ask(update, context, Question(PendingKind.TIMEZONE), _("Reply with your timezone, e.g. Europe/Kyiv."))


async def _ask_quiet(update: Update, context: ContextTypes.DEFAULT_TYPE, b: SettingsOp) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    await replies.ask(update, context, Question(PendingKind.QUIET), _("Reply with quiet hours like 22-08, or “off”."))


async def _pick_language(update: Update, context: ContextTypes.DEFAULT_TYPE, b: SettingsOp) -> None:
    """🌐 shows the languages; a language's button sets it and redraws the settings in it."""
    svc, query, chat = services(context), update.callback_query, chat_of(update)
    assert query is not None
    if b.value is None:
        await query.answer()
        await query.edit_message_reply_markup(keyboards.language_menu(svc.callback_secret, chat.id, i18n.current()))
        return
    s = await svc.db.run(chats.set_language, chat.id, chat.title, svc.settings.default_timezone, b.value)
    i18n.use(s.language)
    await query.answer(_("From now on I speak English in this chat."))
    await edit_query_message(update, settings_text(s), _menu(context, chat.id, s))
    await languages.chat_menu(context, chat.id)


async def _back(update: Update, context: ContextTypes.DEFAULT_TYPE, b: SettingsOp) -> None:
    svc, query, chat = services(context), update.callback_query, chat_of(update)
    assert query is not None
    await query.answer()
    s = await svc.db.run(chats.get, chat.id, chat.title, svc.settings.default_timezone)
    await query.edit_message_reply_markup(_menu(context, chat.id, s))


BUTTON_OPS = {"h": _flip_heads_up, "tz": _ask_timezone, "q": _ask_quiet, "l": _pick_language, "b": _back}


async def settings_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: SettingsOp) -> None:
    query = update.callback_query
    assert query is not None
    op = BUTTON_OPS.get(b.op)
    if op is None:
        await query.answer(_("That button is no longer valid."))
        return
    try:
        await op(update, context, b)
    except Refusal as exc:
        await query.answer(problem(exc))


async def answer_timezone(update: Update, context: ContextTypes.DEFAULT_TYPE, q: Question, value: str) -> None:
    await _timezone(update, context, value)


async def answer_quiet(update: Update, context: ContextTypes.DEFAULT_TYPE, q: Question, value: str) -> None:
    await _quiet(update, context, value)


def register(application: Application) -> None:
    application.add_handler(buttons.handler(SettingsOp, settings_button))
    replies.on_answer(application, PendingKind.TIMEZONE, answer_timezone)
    replies.on_answer(application, PendingKind.QUIET, answer_quiet)
