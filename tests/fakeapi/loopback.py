"""The part every loopback web server of the tests shares: an aiohttp app on 127.0.0.1 on its own thread
and event loop, one catch-all route to `_handle`, and a count of requests by path."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from typing import Self

from aiohttp import web


class LoopbackServer:
    host = "127.0.0.1"

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name=type(self).__name__, daemon=True)
        self._lock = threading.Lock()

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.host}:{self.port}{path}"

    def start(self) -> Self:
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        async def shutdown() -> None:
            if self._runner:
                await self._runner.cleanup()
        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._counted)
        self._runner = web.AppRunner(app, access_log=None)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, self.host, 0, backlog=1024)
        self._loop.run_until_complete(site.start())
        server = site._server
        assert server is not None and server.sockets
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    async def _counted(self, request: web.Request) -> web.StreamResponse:
        with self._lock:
            self.hits[request.path] += 1
        return await self._handle(request)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        raise NotImplementedError
