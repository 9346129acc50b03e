"""Updates of different chats are handled at the same time; one chat's updates one after another.

python-telegram-bot handles updates one at a time by default, so a 30,000-character article being read in
one chat, or a group whose replies wait for its 20-a-minute limit, would make every other chat wait. Fully
concurrent handling would let two presses in one chat overtake each other. This processor does both:
concurrent across chats, in arrival order within a chat.

The bound on concurrent work is taken *after* a chat's turn comes: python-telegram-bot's own semaphore
(taken first) is set out of reach, because otherwise a flooded group's queued updates would fill every
slot while waiting for their chat, and a private chat's /start would wait behind them."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MAX_CONCURRENT = 64  # updates being handled at once, across chats
MAX_WAITING = 100_000  # updates accepted and waiting for their chat's turn


class PerChatUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, max_concurrent: int = MAX_CONCURRENT) -> None:
        super().__init__(MAX_WAITING)
        self._running = asyncio.BoundedSemaphore(max_concurrent)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}  # how many updates of the chat hold or wait for its lock

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            async with self._running:
                await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._users[chat.id] = self._users.get(chat.id, 0) + 1
        try:
            async with lock, self._running:  # FIFO per chat, then a slot
                await coroutine
        finally:
            self._users[chat.id] -= 1
            if not self._users[chat.id]:  # forget idle chats, so the table stays small
                del self._users[chat.id], self._locks[chat.id]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down: the application waits for running updates itself."""
