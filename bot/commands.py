"""The one table of commands: each command's handler, its line in Telegram's command menu and its line in
/help. `bot/setup.py` registers the handlers and the menu from it and /help is rendered from it, so adding
a command means adding one row here."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from bot import answers, articles, basics, feeds, predictions, replies, settings, stats
from bot.common import reply_html
from bot.texts import N_, _, days_phrase
from tracker.extraction.deadlines import DEFAULT_HORIZON_DAYS

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, Any]]


@dataclass(frozen=True)
class Command:
    name: str
    handler: Handler
    menu: str  # the description in Telegram's command menu
    section: str = ""  # the /help section that lists it ("" for none)
    usage: str = ""  # its /help line (HTML)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply_html(update, help_text())


COMMANDS: tuple[Command, ...] = (
    Command("add", predictions.add, N_("Track a statement: /add Speaker: statement by <when>")),
    Command("ingest", articles.ingest, N_("Read an article: /ingest [YYYY-MM-DD] then the text or a link")),
    Command("list", predictions.list_command, N_("Open predictions"), N_("Browsing and changing"),
            N_("/list — open predictions, latest deadline first")),
    Command("due", answers.due, N_("Deadlines passed, waiting for an answer"), N_("Browsing and changing"),
            N_("/due — past their deadline, one at a time")),
    Command("show", predictions.show, N_("Everything about one: /show N"), N_("Browsing and changing"),
            N_("/show N — everything about #N, with buttons to answer")),
    Command("edit", predictions.edit, N_("Change one: /edit N"), N_("Browsing and changing"),
            N_("/edit N — change speaker, statement, deadline or confidence (e.g. "
            "<code>/edit 3 deadline in 2 weeks</code>)")),
    Command("delete", predictions.delete, N_("Delete one: /delete N"), N_("Browsing and changing"),
            N_("/delete N — remove #N (asks first)")),
    Command("undo", predictions.undo, N_("Take back the last save, edit or answer"), N_("Browsing and changing"),
            N_("/undo — take back the last save, edit or answer")),
    Command("stats", stats.stats, N_("Accuracy per speaker: /stats, /stats 2025, /stats Name"), N_("Scores"),
            N_("/stats — accuracy per speaker with a 95% interval and Brier score; /stats 2025 for one year")),
    Command("chart", stats.chart, N_("Calibration and accuracy charts: /chart [Name]"), N_("Scores"),
            N_("/chart [Name] — calibration and accuracy pictures")),
    Command("speaker", stats.speaker, N_("One speaker's record: /speaker Name"), N_("Scores"),
            N_("/stats Name or /speaker Name — one speaker's record")),
    Command("settings", settings.settings, N_("Timezone, quiet hours, heads-up, language"), N_("Settings"),
            N_("/settings — timezone, quiet hours, day-before heads-up, language")),
    Command("follow", feeds.follow_command, N_("Follow a news feed or channel: /follow URL"), N_("Following the news"),
            N_("/follow URL — bring the statements of a feed's new articles here as one digest per round "
            "(<code>--backfill 5</code>, <code>only: summit</code>, <code>skip: sport</code>); "
            "<code>/follow @channel</code> when I am its admin")),
    Command("feeds", feeds.feeds_command, N_("What this chat follows"), N_("Following the news"),
            N_("/feeds — followed feeds and channels, their last news and errors")),
    Command("unfollow", feeds.unfollow_command, N_("Stop following one: /unfollow N"), N_("Following the news"),
            N_("/unfollow N — stop one; /resume N — poll a paused one again")),
    Command("resume", feeds.resume_command, N_("Poll a paused feed again: /resume N")),
    Command("export", predictions.export, N_("All predictions as a CSV file"), N_("Settings"),
            N_("/export — a CSV file of this chat's predictions")),
    Command("cancel", replies.cancel, N_("Stop what I asked you for")),
    Command("help", help_command, N_("What I do and how")),
    Command("start", basics.start, N_("Introduction")),
)

HELP_INTRO = N_(
    "<b>Reading articles</b>\n"
    "Paste or forward an article, or send a link to one (in groups: mention me, reply to me, or use /ingest). "
    "Deadlines count from the article's date: the one you give with <code>/ingest 2025-10-17</code>, the "
    "page's own date, a forwarded post's date, a dateline, or today. Nothing is stored until you tap 💾.\n\n"
    "<b>Tracking one statement</b>\n"
    "<code>/add Speaker: statement by &lt;when&gt; [70%]</code>\n"
    "The deadline may be a date (<i>by 31 October</i>, <i>2026-03-01</i>) or a phrase "
    "(<i>within two weeks</i>, <i>by the end of the year</i>, <i>next spring</i>, <i>soon</i>). "
    "Without one I use {days} and mark it vague. Without a percentage I read the confidence "
    "from the hedge (<i>will</i> ≈ 85%, <i>could</i> ≈ 40%)."
)
HELP_OUTRO = N_("Everything saved here belongs to this chat and is visible only here. In groups anyone may save and "
              "answer; editing and deleting are for the one who saved it and the admins.")


def help_text() -> str:
    """/help: the fixed introduction, then every command's line grouped by section, in table order."""
    sections: dict[str, list[str]] = {}
    for command in COMMANDS:
        if command.section:
            sections.setdefault(_(command.section), []).append(_(command.usage))
    body = "\n\n".join(f"<b>{title}</b>\n" + "\n".join(lines) for title, lines in sections.items())
    return f"{_(HELP_INTRO).format(days=days_phrase(DEFAULT_HORIZON_DAYS))}\n\n{body}\n\n{_(HELP_OUTRO)}"


def menu() -> list[tuple[str, str]]:
    """(command, description) pairs for Telegram's command menu, in table order."""
    return [(command.name, _(command.menu)) for command in COMMANDS]
