"""Runs the real Application against the loopback Bot API on a thread (tests and benchmarks)."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from tests.fakeapi.server import FakeTelegram
from tracker.config import Settings
from tracker.db import Database

TOKEN = "123456:TEST-token-for-the-loopback-server-only"


class BotThread:
    """The real Application, polling the loopback server from its own thread and event loop."""

    def __init__(self, settings: Settings, db: Database) -> None:
        from calledit.app import build_application

        self.application = build_application(settings, db)
        self.loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="bot", daemon=True)
        self._started = threading.Event()
        self.error: BaseException | None = None

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self._main())
        except BaseException as exc:  # surfaced to the test by start()/stop()
            self.error = exc
            self._started.set()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        app = self.application
        await app.initialize()
        if app.post_init:
            await app.post_init(app)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        self._started.set()
        await self._stop.wait()
        await app.updater.stop()
        await app.stop()
        await app.shutdown()

    def start(self) -> BotThread:
        self._thread.start()
        self._started.wait(30)
        if self.error:
            raise self.error
        return self

    def stop(self) -> None:
        if self._stop is not None:
            self.loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(30)


def make_settings(tg: FakeTelegram, db_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"telegram_bot_token": TOKEN, "telegram_api_base_url": tg.base_url,
                              "database_url": db_url, "due_check_seconds": 1.0}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


