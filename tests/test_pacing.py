"""The shared send pace (calledit/pacing.py): slots handed out to concurrent senders are one interval apart
overall, and a group gets its burst of 20 and then one slot per 3 seconds. Redis when it answers
(REDIS_URL or localhost), the database variant on PostgreSQL (CALLEDIT_TEST_PG)."""

from __future__ import annotations

import asyncio
import itertools
import os
import time
import uuid

import pytest
import redis

from calledit.pacing import DatabasePacer, Pacer, RedisPacer
from tests.conftest import PG_BASE
from tracker.db import Database

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"


def _redis_up() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


async def _delays(pacer: Pacer, groups: list[int | None]) -> list[float]:
    """When each message may go, in seconds from the start (the time it was told, plus the delay)."""
    start = time.monotonic()

    async def target(group: int | None) -> float:
        delay = await pacer.delay(group)
        return time.monotonic() - start + delay

    return sorted(await asyncio.gather(*(target(g) for g in groups)))


def _check(pacer: Pacer) -> None:
    async def both() -> tuple[list[float], list[float]]:
        overall = await _delays(pacer, [None] * 60)  # 60 private messages at 30 a second
        await asyncio.sleep(overall[-1] + 0.1)  # the queue drains
        return overall, await _delays(pacer, [-100123] * 22)

    overall, group = asyncio.run(both())
    # What Telegram counts: never more than 30 in any one second. Each time is measured when the call
    # returns, so one slow round trip under load shifts a single time by a few ms; a window of 30 absorbs
    # that where a gap between two neighbours would not.
    windows = [overall[i + 30] - overall[i] for i in range(len(overall) - 30)]
    gaps = [b - a for a, b in itertools.pairwise(overall)]
    assert min(windows) >= 1.0 - 0.03 and 1.9 <= overall[-1] <= 2.6, (min(windows), overall[-1])
    assert sum(gaps) / len(gaps) >= 1 / 30 - 0.002, gaps
    assert group[19] - group[0] < 1.0 and group[20] - group[0] >= 2.9 and group[21] >= group[20] + 2.9, group


@pytest.mark.skipif(not _redis_up(), reason="no Redis")
def test_redis_pace_is_shared_and_bursts_per_group() -> None:
    _check(RedisPacer(REDIS_URL, 30, 20, prefix=f"test:{uuid.uuid4().hex}"))


@pytest.mark.skipif(not PG_BASE, reason="the database pace is for PostgreSQL (CALLEDIT_TEST_PG)")
def test_database_pace_is_shared_and_bursts_per_group(db: Database) -> None:
    _check(DatabasePacer(db, 30, 20))
