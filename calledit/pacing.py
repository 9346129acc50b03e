"""One pace for the whole bot, however many workers send for it.

Telegram's limits (about 30 messages a second, 20 a minute per group) are per bot, not per process: three
workers each pacing themselves at 29.5 a second drew hundreds of "429 Too Many Requests". A shared pacer
hands out send times from one schedule: every request reserves the next free slot (a GCRA reservation:
the schedule's "theoretical arrival time" moves on by one interval per message) and sleeps until it.

- `RedisPacer` (when REDIS_URL is set): the reservation is one atomic Lua script on Redis's clock.
- `DatabasePacer` (PostgreSQL, no Redis): the same reservation as one tiny transaction, the row locked
  with FOR UPDATE and the database's clock, so workers coordinate through what they already share.
- With SQLite there is one worker, and python-telegram-bot's own limiter paces it (no pacer)."""

from __future__ import annotations

from typing import Protocol

from redis.asyncio import Redis
from sqlalchemy import text

from tracker.db import Database

OVERALL_KEY = "calledit:pace:all"


class Pacer(Protocol):
    async def delay(self, group: int | None) -> float:
        """Reserve the next slot for a message (to `group` if it is a group) and return how many seconds
        from now it is."""


GROUP_BURST = 20  # Telegram lets a group receive 20 at once, then 20 a minute

# A group's slot comes first (its schedule may run up to GROUP_BURST - 1 intervals ahead of now: the burst),
# then the overall one at or after it; the group's schedule moves on from the moment this message really
# goes. The overall schedule has no burst.
_LUA = """
local now_t = redis.call('TIME')
local now = tonumber(now_t[1]) * 1000000 + tonumber(now_t[2])
local all_interval = tonumber(ARGV[1])
local start = now
if KEYS[2] then
  local g = tonumber(redis.call('GET', KEYS[2]) or '0')
  local allowed = g - (tonumber(ARGV[3]) - 1) * tonumber(ARGV[2])
  if allowed > start then start = allowed end
end
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < start then tat = start end
redis.call('SET', KEYS[1], tat + all_interval, 'PX', 60000)
if KEYS[2] then
  local group_interval = tonumber(ARGV[2])
  local g = tonumber(redis.call('GET', KEYS[2]) or '0')
  if g < tat then g = tat end
  redis.call('SET', KEYS[2], g + group_interval, 'PX', math.floor(tonumber(ARGV[3]) * group_interval / 1000) + 60000)
end
return tat - now
"""


class RedisPacer:
    def __init__(self, url: str, per_second: float, group_per_minute: float, prefix: str = "calledit:pace") -> None:
        self._redis = Redis.from_url(url)
        self._prefix = prefix
        self._script = self._redis.register_script(_LUA)
        self._all_us = round(1_000_000 / per_second)
        self._group_us = round(60_000_000 / group_per_minute)

    async def delay(self, group: int | None) -> float:
        overall = f"{self._prefix}:all"
        keys = [overall] if group is None else [overall, f"{self._prefix}:group:{group}"]
        waited = await self._script(keys=keys, args=[self._all_us, self._group_us, GROUP_BURST])
        return max(0, int(waited)) / 1_000_000


_RESERVE = text("INSERT INTO pace_slot (key, tat) VALUES (:key, 0) ON CONFLICT (key) DO NOTHING")
# Rows locked in key order, so two workers never wait on each other crosswise.
_LOCK = text("SELECT key, tat FROM pace_slot WHERE key = ANY(:keys) ORDER BY key FOR UPDATE")


class DatabasePacer:
    """The reservation in PostgreSQL: `pace_slot(key, tat)`, tat in seconds of the database's clock."""

    def __init__(self, db: Database, per_second: float, group_per_minute: float) -> None:
        self.db = db
        self._all = 1 / per_second
        self._group = 60 / group_per_minute

    def _reserve(self, db: Database, group: int | None) -> float:
        keys = [OVERALL_KEY] if group is None else [f"calledit:pace:group:{group}", OVERALL_KEY]
        with db.engine.begin() as conn:
            for key in keys:
                conn.execute(_RESERVE, {"key": key})
            now = float(conn.execute(text("SELECT extract(epoch FROM clock_timestamp())")).scalar_one())
            rows = {str(key): float(tat) for key, tat in conn.execute(_LOCK, {"keys": keys})}
            group_tat = float(rows.get(keys[0], 0)) if group is not None else 0.0
            start = max(now, group_tat - (GROUP_BURST - 1) * self._group)
            tat = max(start, float(rows[OVERALL_KEY]))
            conn.execute(text("UPDATE pace_slot SET tat = :tat WHERE key = :key"),
                         {"tat": tat + self._all, "key": OVERALL_KEY})
            if group is not None:
                conn.execute(text("UPDATE pace_slot SET tat = :tat WHERE key = :key"),
                             {"tat": max(group_tat, tat) + self._group, "key": keys[0]})
            return tat - now

    async def delay(self, group: int | None) -> float:
        return max(0.0, await self.db.run(self._reserve, group))



def make_pacer(redis_url: str | None, db: Database, per_second: float, group_per_minute: float) -> Pacer | None:
    """Redis if configured, else the database if several workers can share it (PostgreSQL), else none."""
    if redis_url:
        return RedisPacer(redis_url, per_second, group_per_minute)
    if not db.url.startswith("sqlite"):
        return DatabasePacer(db, per_second, group_per_minute)
    return None
