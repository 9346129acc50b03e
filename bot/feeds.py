"""Following the news: /follow a feed (or a site that names one) or a channel, /feeds, /unfollow N,
/resume N; posts of followed channels read as they arrive. Polling is jobs/feeds.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from telegram import Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from bot import digests as digest_messages
from bot.common import args_text, chat_of, refuse, reply_html, services
from bot.links import link_message
from bot.render import esc, shorten
from bot.texts import N_, _, fmt_moment, ngettext
from tracker import digests, following, schedule
from tracker.db import Database
from tracker.errors import FeedError, LinkError, Problem, Refusal
from tracker.feeds import Item, discover
from tracker.fetch import host_of

MAX_BACKFILL = 10
FOLLOW_USAGE = N_("Follow a news feed or a channel:\n<code>/follow https://example.com/feed.xml</code>\n"
                "<code>/follow https://example.com</code> (a site that names its feed)\n"
                "<code>/follow https://example.com/rss --backfill 5</code> (read the latest 5 now)\n"
                "<code>/follow https://example.com/rss only: summit, ceasefire skip: sport</code>\n"
                "<code>/follow @channelname</code> (add me to the channel as an admin first)")
ERROR_WORDS = {
    "link_not_found": N_("the feed is gone (404)"), "link_server_error": N_("the site has errors (5xx)"),
    "link_timeout": N_("too slow to answer"), "link_unreachable": N_("unreachable"),
    "link_not_feed": N_("not a feed any more"), "link_too_large": N_("too large"),
    "link_denied": N_("access refused"), "malformed": N_("unreadable (malformed)"),
}


@dataclass(frozen=True)
class FollowArgs:
    target: str
    backfill: int
    only: tuple[str, ...]
    skip: tuple[str, ...]


def parse_follow(raw: str) -> FollowArgs | None:
    """`URL|@channel [--backfill N] [only: a, b] [skip: c]`: None when there is no target."""
    raw = raw.strip()
    backfill = 0
    m = re.search(r"--backfill(?:\s+|=)(\d{1,3})", raw)
    if m:
        backfill = min(int(m.group(1)), MAX_BACKFILL)
        raw = (raw[:m.start()] + raw[m.end():]).strip()
    only = re.search(r"(?i)\bonly:\s*(.*?)(?=\s+skip:|$)", raw, re.S)
    skip = re.search(r"(?i)\bskip:\s*(.*?)(?=\s+only:|$)", raw, re.S)
    target = re.split(r"\s+|(?i:only:|skip:)", raw, maxsplit=1)[0] if raw else ""
    if not target or target.lower().startswith(("only:", "skip:")):
        return None
    return FollowArgs(target, backfill, following.words(only.group(1) if only else ""),
                      following.words(skip.group(1) if skip else ""))


def _channel_name(target: str) -> str | None:
    """"@name" or a t.me/name link; any "@…" counts, so a mistyped one gets "I can't see the channel"."""
    if target.startswith("@"):
        return target
    m = re.fullmatch(r"(?:https?://)?t\.me/([A-Za-z][A-Za-z0-9_]{3,31})/?", target)
    return "@" + m.group(1) if m else None


def _filters_line(only: tuple[str, ...], skip: tuple[str, ...]) -> str:
    parts = []
    if only:
        parts.append(_("only articles mentioning {words}").format(words=esc(", ".join(only))))
    if skip:
        parts.append(_("skipping {words}").format(words=esc(", ".join(skip))))
    return ("\n" + "; ".join(parts) + ".") if parts else ""


async def _follow_channel(update: Update, context: ContextTypes.DEFAULT_TYPE, name: str) -> None:
    svc, chat = services(context), chat_of(update)
    try:
        channel = await context.bot.get_chat(name)
    except TelegramError:
        raise FeedError(Problem.CHANNEL_UNKNOWN, channel=name) from None
    try:
        member = await context.bot.get_chat_member(channel.id, context.bot.id)
    except TelegramError:
        raise FeedError(Problem.CHANNEL_NOT_ADMIN, channel=name) from None
    if member.status not in {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}:
        raise FeedError(Problem.CHANNEL_NOT_ADMIN, channel=name)
    followed = await svc.db.run(following.follow_channel, chat.id, channel.id, channel.title or name)
    await reply_html(update, "📡 " + _("Following {title} (#{number}): I will read its new posts and bring their "
                                       "statements here.").format(title=esc(followed.title), number=followed.number))


async def _follow_feed(update: Update, context: ContextTypes.DEFAULT_TYPE, args: FollowArgs) -> None:
    svc, chat = services(context), chat_of(update)
    if re.match(r"(?i)[a-z][a-z0-9+.-]*://", args.target) and not re.match(r"(?i)https?://", args.target):
        raise LinkError(Problem.LINK_UNSUPPORTED, host=args.target.split("://", 1)[0])
    url = args.target if re.match(r"(?i)https?://", args.target) else "https://" + args.target
    await reply_html(update, "📡 " + _("Looking for a feed at {host}…").format(host=esc(host_of(url))))
    parsed = await discover(url, svc.settings.fetch_limits())
    followed = await svc.db.run(following.follow, chat.id, parsed, args.only, args.skip, args.backfill,
                                svc.settings.feed_interval())
    text = "📡 " + ngettext("Following {title} (#{number}) — {n} item; I will read new ones from now on.",
                           "Following {title} (#{number}) — {n} items; I will read new ones from now on.",
                           followed.items).format(
        title=esc(shorten(followed.title, 80)), number=followed.number, n=followed.items)
    text += _filters_line(args.only, args.skip)
    if args.backfill:
        text += "\n" + ngettext("Reading the latest {n} now…", "Reading the latest {n} now…",
                                len(followed.backfill)).format(n=len(followed.backfill))
    await reply_html(update, text)
    if followed.backfill:
        auto = await svc.db.run(following.is_auto, chat.id)
        result = following.PollResult(0, followed.title, followed.backfill,
                                      [following.Target(chat.id, args.only, args.skip, auto)])
        found = await digests.gather(svc.db, result, svc.settings.fetch_limits(), schedule.now().date(),
                                     svc.settings)
        for digest in found:
            await digest_messages.send(context.bot, svc.db, svc.callback_secret, digest)
        if not any(d.views for d in found):
            await reply_html(update, _("No forward-looking statements in those; I'll bring new ones as they come."))


async def follow_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    try:
        args = parse_follow(args_text(update))
        if args is None:
            await reply_html(update, _(FOLLOW_USAGE))
            return
        name = _channel_name(args.target)
        if name:
            await _follow_channel(update, context, name)
        else:
            await _follow_feed(update, context, args)
    except (Refusal, LinkError) as exc:
        await refuse(update, exc)


def _when(moment: datetime | None) -> str:
    return f"{fmt_moment(moment)} UTC" if moment else _("nothing new yet")


async def feeds_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc, chat = services(context), chat_of(update)
    rows = await svc.db.run(following.follows, chat.id)
    if not rows:
        await reply_html(update, _("This chat follows nothing yet.") + "\n" + _(FOLLOW_USAGE))
        return
    lines = ["📡 <b>" + _("Followed here") + "</b>"]
    for f in rows:
        kind = "📢" if f.kind == "channel" else "📰"
        line = f"{f.number}. {kind} {esc(shorten(f.title, 70))} — " + _("last new: {when}").format(
            when=_when(f.last_new_at))
        if f.paused:
            line += " · ⏸ " + _("paused after 3 days of errors; /resume {n}").format(n=f.number)
        elif f.last_error:
            line += " · ⚠️ " + esc(_(ERROR_WORDS.get(f.last_error, f.last_error)))
        line += _filters_line(f.only, f.skip)
        lines.append(line)
    lines.append(_("/unfollow N stops one."))
    await reply_html(update, "\n".join(lines))


def _number(update: Update) -> int | None:
    raw = args_text(update).strip().lstrip("#")
    return int(raw) if raw.isdigit() else None


async def _on_numbered(update: Update, context: ContextTypes.DEFAULT_TYPE, command: str,
                       service: Callable[[Database, int, int], str], done: str) -> None:
    """/unfollow N and /resume N: the number, the one service call, one line either way."""
    number = _number(update)
    if number is None:
        await reply_html(update, _("Say which: <code>/{command} 2</code> (/feeds lists the numbers).").format(
            command=command))
        return
    try:
        title = await services(context).db.run(service, chat_of(update).id, number)
    except Refusal as exc:
        await refuse(update, exc)
        return
    await reply_html(update, "📡 " + done.format(title=esc(title)))


async def unfollow_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _on_numbered(update, context, "unfollow", following.unfollow, _("Stopped following {title}."))


async def resume_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _on_numbered(update, context, "resume", following.resume, _("Resumed {title}: I'll check it now."))


async def on_channel_post(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A post in a channel where the bot is an admin: read for every chat that follows the channel."""
    post = update.channel_post or update.edited_channel_post
    if post is None:
        return
    svc = services(context)
    urls = link_message(post)
    text = post.text or post.caption or ""
    item = Item(f"post:{post.message_id}", urls[0] if urls else None, None, "" if urls else text,
                post.date.date())
    result = await svc.db.run(following.channel_post, post.chat.id, item)
    found = await digests.gather(svc.db, result, svc.settings.fetch_limits(), schedule.now().date(), svc.settings)
    for digest in found:
        try:
            await digest_messages.send(context.bot, svc.db, svc.callback_secret, digest)
        except TelegramError:
            continue  # one chat's failure does not keep the others from their digest


def register(application: Application) -> None:
    application.add_handler(MessageHandler(filters.UpdateType.CHANNEL_POSTS, on_channel_post))
