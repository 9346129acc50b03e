"""Every Bot API call goes through here: paced under Telegram's flood limits, and retried with
backoff on 429 (honouring retry_after, all requests paused), 5xx and network errors, so one failed
request loses nothing."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter

from calledit.pacing import Pacer

log = logging.getLogger(__name__)

JSONDict = dict[str, Any]


def _group_of(data: dict[str, Any]) -> int | None:
    try:
        chat_id = int(data["chat_id"])
    except (KeyError, TypeError, ValueError):
        return None
    return chat_id if chat_id < 0 else None


class ResilientRateLimiter(AIORateLimiter):
    """AIORateLimiter's pacing plus retries for transient failures."""

    def __init__(self, max_attempts: int = 6, base_delay: float = 0.5, max_delay: float = 30.0,
                 per_second: float = 29.5, group_per_minute: float = 20, pacer: Pacer | None = None) -> None:
        # A bucket of one, refilled per_second times a second: no burst, so no window ever holds
        # more than Telegram's ~30 messages a second (aiolimiter's default bucket would allow 2x in
        # the first second). Groups keep a bucket of 20 a minute. RetryAfter is handled here, not by the
        # base class (max_retries=0), so that a retried message takes a fresh slot in the shared schedule.
        super().__init__(overall_max_rate=1, overall_time_period=1 / per_second,
                         group_max_rate=group_per_minute, group_time_period=60, max_retries=0)
        self.max_attempts = max_attempts
        self.pacer = pacer  # the pace shared with the other workers, if any
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._paused_until = 0.0  # after a 429, every request of this worker waits until then (monotonic)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        if endpoint == "getUpdates":  # the updater has its own back-off loop
            return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
        attempt = 0
        while True:
            attempt += 1
            await self._wait_for_slot(data)
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except RetryAfter as exc:
                if attempt >= self.max_attempts:
                    raise
                pause = exc.retry_after.total_seconds() if hasattr(exc.retry_after, "total_seconds") \
                    else float(exc.retry_after)
                log.info("Telegram asked to slow down (%s); every request waits %.1fs", endpoint, pause)
                self._paused_until = max(self._paused_until, time.monotonic() + pause + 0.1)
            except BadRequest:
                raise
            except NetworkError as exc:  # includes TimedOut and 5xx answers
                if attempt >= self.max_attempts:
                    raise
                delay = min(self.max_delay, self.base_delay * 2 ** (attempt - 1)) * (0.8 + 0.4 * random.random())
                log.warning("Telegram call %s failed (%s); retry %d in %.1fs", endpoint, exc, attempt, delay)
                await asyncio.sleep(delay)

    async def _wait_for_slot(self, data: dict[str, Any]) -> None:
        """After a 429, wait out the pause; then, with a shared pacer, a message to a chat reserves its slot
        in the bot-wide schedule and waits for it."""
        while (pause := self._paused_until - time.monotonic()) > 0:
            await asyncio.sleep(pause)
        if self.pacer is None or data.get("chat_id") is None:
            return
        delay = await self.pacer.delay(_group_of(data))
        if delay > 0:
            await asyncio.sleep(delay)
