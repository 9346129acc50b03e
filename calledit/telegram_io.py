"""Every Bot API call goes through here: paced under Telegram's flood limits, and retried with
backoff on 429 (honouring retry_after, all requests paused), 5xx and network errors, so one failed
request loses nothing."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

JSONDict = dict[str, Any]


class ResilientRateLimiter(AIORateLimiter):
    """AIORateLimiter's pacing plus retries for transient failures."""

    def __init__(self, max_attempts: int = 6, base_delay: float = 0.5, max_delay: float = 30.0,
                 per_second: float = 29.5, group_per_minute: float = 20) -> None:
        # A bucket of one, refilled per_second times a second: no burst, so no window ever holds
        # more than Telegram's ~30 messages a second (aiolimiter's default bucket would allow 2x in
        # the first second). Groups keep a bucket of 20 a minute.
        # RetryAfter is handled by the base class, which pauses *every* request for retry_after.
        super().__init__(overall_max_rate=1, overall_time_period=1 / per_second,
                         group_max_rate=group_per_minute, group_time_period=60, max_retries=max_attempts)
        self.max_attempts = max_attempts
        self.base_delay = base_delay
        self.max_delay = max_delay

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
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except (BadRequest, RetryAfter):
                raise
                raise
            except NetworkError as exc:  # includes TimedOut and 5xx answers
                if attempt >= self.max_attempts:
                    raise
                delay = min(self.max_delay, self.base_delay * 2 ** (attempt - 1)) * (0.8 + 0.4 * random.random())
                log.warning("Telegram call %s failed (%s); retry %d in %.1fs", endpoint, exc, attempt, delay)
                await asyncio.sleep(delay)
