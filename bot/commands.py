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
from bot.texts import _
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
    Command("add", predictions.add, "Track a statement: /add Speaker: statement by <when>"),
    Command("ingest", articles.ingest, "Read an article: /ingest [YYYY-MM-DD] then the text or a link"),
    Command("list", predictions.list_command, "Open predictions", "Browsing and changing",
            "/list — open predictions, latest deadline first"),
    Command("due", answers.due, "Deadlines passed, waiting for an answer", "Browsing and changing",
            "/due — past their deadline, one at a time"),
    Command("show", predictions.show, "Everything about one: /show N", "Browsing and changing",
            "/show N — everything about #N, with buttons to answer"),
    Command("edit", predictions.edit, "Change one: /edit N", "Browsing and changing",
            "/edit N — change speaker, statement, deadline or confidence (e.g. "
            "<code>/edit 3 deadline in 2 weeks</code>)"),
    Command("delete", predictions.delete, "Delete one: /delete N", "Browsing and changing",
            "/delete N — remove #N (asks first)"),
    Command("undo", predictions.undo, "Take back the last save, edit or answer", "Browsing and changing",
            "/undo — take back the last save, edit or answer"),
    Command("stats", stats.stats, "Accuracy per speaker: /stats, /stats 2025, /stats Name", "Scores",
            "/stats — accuracy per speaker with a 95% interval and Brier score; /stats 2025 for one year"),
    Command("chart", stats.chart, "Calibration and accuracy charts: /chart [Name]", "Scores",
            "/chart [Name] — calibration and accuracy pictures"),
    Command("speaker", stats.speaker, "One speaker's record: /speaker Name", "Scores",
            "/stats Name or /speaker Name — one speaker's record"),
    Command("settings", settings.settings, "Timezone, quiet hours, heads-up", "Settings",
            "/settings — timezone, quiet hours, day-before heads-up"),
    Command("follow", feeds.follow_command, "Follow a news feed or channel: /follow URL", "Following the news",
            "/follow URL — bring the statements of a feed's new articles here as one digest per round "
            "(<code>--backfill 5</code>, <code>only: summit</code>, <code>skip: sport</code>); "
            "<code>/follow @channel</code> when I am its admin"),
    Command("feeds", feeds.feeds_command, "What this chat follows", "Following the news",
            "/feeds — followed feeds and channels, their last news and errors"),
    Command("unfollow", feeds.unfollow_command, "Stop following one: /unfollow N", "Following the news",
            "/unfollow N — stop one; /resume N — poll a paused one again"),
    Command("resume", feeds.resume_command, "Poll a paused feed again: /resume N"),
    Command("export", predictions.export, "All predictions as a CSV file", "Settings",
            "/export — a CSV file of this chat's predictions"),
    Command("cancel", replies.cancel, "Stop what I asked you for"),
    Command("help", help_command, "What I do and how"),
    Command("start", basics.start, "Introduction"),
)

HELP_INTRO = (
    "<b>Reading articles</b>\n"
    "Paste or forward an article, or send a link to one (in groups: mention me, reply to me, or use /ingest). "
    "Deadlines count from the article's date: the one you give with <code>/ingest 2025-10-17</code>, the "
    "page's own date, a forwarded post's date, a dateline, or today. Nothing is stored until you tap 💾.\n\n"
    "<b>Tracking one statement</b>\n"
    "<code>/add Speaker: statement by &lt;when&gt; [70%]</code>\n"
    "The deadline may be a date (<i>by 31 October</i>, <i>2026-03-01</i>) or a phrase "
    "(<i>within two weeks</i>, <i>by the end of the year</i>, <i>next spring</i>, <i>soon</i>). "
    "Without one I use {days} days and mark it vague. Without a percentage I read the confidence "
    "from the hedge (<i>will</i> ≈ 85%, <i>could</i> ≈ 40%)."
)
HELP_OUTRO = ("Everything saved here belongs to this chat and is visible only here. In groups anyone may save and "
              "answer; editing and deleting are for the one who saved it and the admins.")


def help_text() -> str:
    """/help: the fixed introduction, then every command's line grouped by section, in table order."""
    sections: dict[str, list[str]] = {}
    for command in COMMANDS:
        if command.section:
            sections.setdefault(_(command.section), []).append(_(command.usage))
    body = "\n\n".join(f"<b>{title}</b>\n" + "\n".join(lines) for title, lines in sections.items())
    return f"{_(HELP_INTRO).format(days=DEFAULT_HORIZON_DAYS)}\n\n{body}\n\n{_(HELP_OUTRO)}"


def menu() -> list[tuple[str, str]]:
    """(command, description) pairs for Telegram's command menu, in table order."""
    return [(command.name, _(command.menu)) for command in COMMANDS]
