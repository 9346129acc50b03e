"""Webhook mode: Telegram posts updates to WEBHOOK_URL; the secret token is checked on every request,
so several identical workers can sit behind a load balancer. /healthz answers for the balancer."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from urllib.parse import urlparse

from aiohttp import web
from sqlalchemy import text
from telegram import Update
from telegram.ext import Application

from tracker.config import Settings
from tracker.services import Services

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def listen_address(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    return host or "0.0.0.0", int(port)


def make_web_app(application: Application, secret: str, path: str) -> web.Application:
    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            log.warning("Webhook request with a wrong or missing secret token refused")
            return web.json_response({"ok": False, "error": "forbidden"}, status=403)
        try:
            data = await request.json()
            update = Update.de_json(data, application.bot)
        except (json.JSONDecodeError, ValueError, TypeError, KeyError):
            return web.json_response({"ok": False, "error": "not an update"}, status=400)
        if update is None:
            return web.json_response({"ok": False, "error": "not an update"}, status=400)
        await application.update_queue.put(update)
        return web.json_response({"ok": True})

    async def health(request: web.Request) -> web.Response:
        svc: Services = application.bot_data["services"]

        def ping() -> None:
            with svc.db.engine.connect() as conn:
                conn.execute(text("SELECT 1"))

        try:
            await asyncio.to_thread(ping)
        except Exception as exc:  # any database failure makes this worker unhealthy
            return web.json_response({"status": "unhealthy", "database": type(exc).__name__}, status=503)
        return web.json_response({"status": "ok", "database": "ok", "running": application.running})

    app = web.Application(client_max_size=2 * 1024 * 1024)
    app.router.add_post(path, receive)
    app.router.add_get("/healthz", health)
    return app


async def serve(application: Application, settings: Settings) -> None:
    assert settings.webhook_url and settings.webhook_secret
    secret = settings.webhook_secret.get_secret_value()
    path = urlparse(settings.webhook_url).path or "/telegram"
    host, port = listen_address(settings.webhook_listen)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with application:
        if application.post_init:
            await application.post_init(application)
        await application.start()
        await application.bot.set_webhook(settings.webhook_url, secret_token=secret,
                                          allowed_updates=Update.ALL_TYPES)
        runner = web.AppRunner(make_web_app(application, secret, path), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, host, port).start()
        log.info("Webhook server listening on %s:%s%s", host, port, path)
        await stop.wait()
        log.info("Shutting down: no new updates; finishing the updates and the reminder batch in hand")
        await runner.cleanup()
        await application.stop()  # drains the update queue and waits for the running due check
