"""Feed polling: one repeating job (every FEED_CHECK_SECONDS) that claims the feeds due — through the
(kind, paused, next_check_at) index, leased, SKIP LOCKED on PostgreSQL, so several workers never fetch one
feed twice — fetches each conditionally, records what is new (in the database, before anything is sent, so
a crash or restart never proposes an item twice) and sends each following chat one digest for the round."""

from __future__ import annotations

import asyncio
import logging
from typing import cast

from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes

from bot import digests as digest_messages
from bot import i18n
from tracker import chats, digests, following, schedule
from tracker.config import Settings
from tracker.errors import LinkError
from tracker.feeds import poll
from tracker.services import Services

log = logging.getLogger(__name__)
FEEDS_AT_ONCE = 8  # feeds fetched side by side by one worker
CLAIM = 50  # feeds claimed per transaction
LEASE_SECONDS = 300.0


async def _send(context: ContextTypes.DEFAULT_TYPE, svc: Services, digest: digests.ChatDigest) -> None:
    try:
        await digest_messages.send(context.bot, svc.db, svc.callback_secret, digest)
    except TelegramError as exc:  # retries exhausted: the review stays in the database, /feeds still works
        log.warning("Digest for chat %s not sent: %s", digest.chat_id, exc)


async def _paused(context: ContextTypes.DEFAULT_TYPE, svc: Services, chat_ids: list[int], title: str) -> None:
    languages = await svc.db.run(chats.languages, chat_ids)
    for chat_id in chat_ids:
        try:
            with i18n.speaking(languages.get(chat_id)):
                text = digest_messages.paused_html(title)
            await context.bot.send_message(chat_id, text, parse_mode="HTML")
        except TelegramError as exc:
            log.warning("Pause notice for chat %s not sent: %s", chat_id, exc)


async def check_feed(context: ContextTypes.DEFAULT_TYPE, svc: Services, feed: following.DueFeed) -> None:
    """Poll one claimed feed, record the round, send its digests."""
    limits = svc.settings.fetch_limits()
    try:
        result: object = await poll(feed.url, limits, feed.etag, feed.last_modified)
    except LinkError as exc:
        result = exc.code.value
    except Exception as exc:  # a malformed feed must not stop the others
        log.warning("Feed %s could not be read: %s", feed.url, type(exc).__name__)
        result = "malformed"
    outcome = await svc.db.run(following.record, feed.id, result, schedule.now())  # type: ignore[arg-type]
    if outcome.paused_chats:
        await _paused(context, svc, outcome.paused_chats, outcome.title)
    today = schedule.now().date()
    for digest in await digests.gather(svc.db, outcome, limits, today, svc.settings):
        await _send(context, svc, digest)


async def feed_check(context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = cast(Services, context.application.bot_data["services"])
    semaphore = asyncio.Semaphore(FEEDS_AT_ONCE)

    async def one(feed: following.DueFeed) -> None:
        async with semaphore:
            await check_feed(context, svc, feed)

    while True:
        due = await svc.db.run(following.claim_due, schedule.now(), LEASE_SECONDS, CLAIM)
        if not due:
            return
        await asyncio.gather(*(one(feed) for feed in due))


def register(application: Application, settings: Settings) -> None:
    assert application.job_queue is not None, "install python-telegram-bot[job-queue]"
    application.job_queue.run_repeating(
        feed_check, interval=settings.feed_check_seconds, first=2.0, name="feed-check",
        job_kwargs={"max_instances": 1, "coalesce": True, "misfire_grace_time": None},
    )
