"""The due check: one repeating job that asks each chat about the deadlines that passed.

Exactly once across crashes: a prompt is marked sent only after Telegram accepted it, so a kill -9
mid-batch loses nothing and repeats at most the few messages in flight (SEND_CONCURRENCY).
Speed and manners: every send goes through the application's rate limiter (about 30 a second
overall, 20 a minute per group) which also retries 429, 5xx and timeouts; a chat that blocked the
bot is marked inactive and skipped without stopping the batch.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from datetime import timedelta
from typing import cast

from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, ContextTypes

from bot import i18n, prompts
from bot.keyboards import from_spec
from tracker import chats, reminders, schedule
from tracker.config import Settings
from tracker.reminders import Outgoing
from tracker.services import Services

log = logging.getLogger(__name__)
SEND_CONCURRENCY = 8
CLAIM_CHATS = 50


def chunk_size(lease_seconds: float, per_second: float) -> int:
    """How many chats to claim at once so their prompts (at most 3 each) go out well inside the lease even
    when this worker gets only a share of the bot-wide pace: at most a quarter of what the whole pace could
    send in the lease, and never more than CLAIM_CHATS."""
    return max(1, min(CLAIM_CHATS, int(lease_seconds * per_second / (reminders.MAX_PER_CHAT * 4))))
GONE = ("chat not found", "bot was kicked", "user is deactivated", "group chat was upgraded", "have no rights")


def _render(item: Outgoing) -> tuple[str, list[prompts.Row]]:
    """The words and buttons of one outgoing message, rendered after the claiming transaction closed."""
    if item.kind == "summary":
        return prompts.summary_html(item.more), []
    assert item.view is not None
    if item.kind == "heads_up":
        return prompts.heads_up_html(item.view), []
    return prompts.prompt_html(item.view, item.view.remind_count), prompts.prompt_buttons(item.view.number)


def _round_robin(items: list[Outgoing]) -> list[Outgoing]:
    """Chat A's first, chat B's first, …, then everyone's second: one chat's prompts spread out."""
    queues: dict[int, list[Outgoing]] = {}
    for item in items:
        queues.setdefault(item.chat_id, []).append(item)
    out: list[Outgoing] = []
    while queues:
        for chat_id in list(queues):
            out.append(queues[chat_id].pop(0))
            if not queues[chat_id]:
                del queues[chat_id]
    return out


async def _deliver(context: ContextTypes.DEFAULT_TYPE, svc: Services, item: Outgoing) -> tuple[int | None, bool]:
    """Send one message: (its id, or None if it did not go out; whether the chat is gone for good)."""
    text, buttons = _render(item)
    try:
        message = await context.bot.send_message(
            item.chat_id, text, parse_mode=ParseMode.HTML, disable_web_page_preview=True,
            reply_markup=from_spec(svc.callback_secret, item.chat_id, buttons) if buttons else None)
    except Forbidden:
        return None, True
    except BadRequest as exc:
        if any(reason in str(exc).lower() for reason in GONE):
            return None, True
        log.error("Telegram refused a reminder for chat %s: %s", item.chat_id, exc)
        return None, False
    except TelegramError as exc:  # retries exhausted: asked again once its lease runs out
        log.warning("Reminder for chat %s not sent this time: %s", item.chat_id, exc)
        return None, False
    return message.message_id, False


async def _record(svc: Services, item: Outgoing, on_sent: str, message_id: int) -> None:
    """Only after Telegram accepted it: a prompt counts as asked, a heads-up as given."""
    if on_sent == "prompt":
        await svc.db.run(reminders.sent, item.prediction_id, message_id, schedule.now())
    elif on_sent == "heads_up":
        await svc.db.run(reminders.heads_up_sent, item.prediction_id)


async def _send_all(context: ContextTypes.DEFAULT_TYPE, svc: Services, items: Iterable[Outgoing],
                    on_sent: str) -> int:
    """Send each item in its chat's language (each send is its own task, so the language set for one
    chat's message is that message's alone)."""
    items = list(items)
    languages = await svc.db.run(chats.languages, [item.chat_id for item in items])
    semaphore = asyncio.Semaphore(SEND_CONCURRENCY)
    gone: set[int] = set()
    sent = 0

    async def send(item: Outgoing) -> None:
        nonlocal sent
        if item.chat_id in gone:
            return
        async with semaphore:
            with i18n.speaking(languages.get(item.chat_id)):
                message_id, is_gone = await _deliver(context, svc, item)
        if message_id is not None:
            await _record(svc, item, on_sent, message_id)
            sent += 1
        if is_gone and item.chat_id not in gone:
            gone.add(item.chat_id)
            await svc.db.run(reminders.chat_gone, item.chat_id)
            log.info("Chat %s blocked the bot or is gone; marked inactive", item.chat_id)

    await asyncio.gather(*(send(item) for item in items))
    return sent


async def due_check(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Claim a chunk, send it, claim the next, until nothing is due. A chunk (`chunk_size` chats, at most
    3 prompts each) goes out well inside its lease even at a share of the bot-wide pace, so no other
    worker ever takes over a prompt that this one is still about to send."""
    svc = cast(Services, context.application.bot_data["services"])
    await svc.db.run(reminders.prepare)
    lease = timedelta(seconds=svc.settings.claim_lease_seconds)
    total = 0
    while True:
        at = schedule.now()
        chunk = chunk_size(svc.settings.claim_lease_seconds, svc.settings.messages_per_second)
        batch = await svc.db.run(reminders.claim, at, chunk, lease)  # committed before sending
        if batch.chats == 0:
            break
        if batch.prompts:
            sent = await _send_all(context, svc, _round_robin(batch.prompts), "prompt")
            total += sent
            if sent == 0:
                break  # Telegram is failing: the leases hold these until the next attempt
        if batch.summaries:
            summaries = [Outgoing(0, chat_id, "summary", more=more)
                         for chat_id, more in batch.summaries.items()]
            await _send_all(context, svc, summaries, "summary")
    if total:
        log.info("Due check: %d prompt(s) sent", total)
    heads_ups = await svc.db.run(reminders.heads_ups, schedule.now())
    if heads_ups:
        await _send_all(context, svc, heads_ups, "heads_up")


def register(application: Application, settings: Settings) -> None:
    """One repeating job; APScheduler never runs two at once, and a missed tick is simply the next one."""
    assert application.job_queue is not None, "install python-telegram-bot[job-queue]"
    application.job_queue.run_repeating(
        due_check, interval=settings.due_check_seconds, first=1.0, name="due-check",
        job_kwargs={"max_instances": 1, "coalesce": True, "misfire_grace_time": None},
    )
