"""Builds the Application: bot/ handlers and jobs/ on one domain, through the resilient limiter."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.ext import Application, ApplicationBuilder

from bot import setup as bot_setup
from calledit.pacing import make_pacer
from calledit.telegram_io import ResilientRateLimiter
from calledit.updates import PerChatUpdateProcessor
from jobs import due as due_jobs
from jobs import feeds as feed_jobs
from tracker.config import Settings
from tracker.db import Database
from tracker.secrets import callback_key, legacy_key
from tracker.services import Services

log = logging.getLogger(__name__)


def file_url_for(base_url: str) -> str:
    base = base_url.rstrip("/")
    return base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file/bot"


def build_application(settings: Settings, db: Database) -> Application:
    token = settings.bot_token()
    configured = settings.callback_secret.get_secret_value() if settings.callback_secret else None
    svc = Services(settings=settings, db=db, callback_secret=callback_key(db, configured),
                   accepted_secrets=(legacy_key(token),))

    async def post_init(application: Application) -> None:
        await bot_setup.set_commands(application)

    pacer = (make_pacer(settings.redis_url, db, settings.messages_per_second, settings.group_messages_per_minute)
             if settings.shared_pace else None)  # several workers: one pace for the whole bot
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(file_url_for(settings.telegram_api_base_url))
        .rate_limiter(ResilientRateLimiter(group_per_minute=settings.group_messages_per_minute, pacer=pacer))
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(post_init)
        .build()
    )
    application.bot_data["services"] = svc
    if settings.fetch_allow_private:
        log.warning("FETCH_ALLOW_PRIVATE is on: links users send may make this bot request private and loopback "
                    "addresses (for tests and intranets only)")
    bot_setup.register(application)
    due_jobs.register(application, settings)
    feed_jobs.register(application, settings)
    return application


def run_polling(application: Application) -> None:
    """Long polling; SIGINT/SIGTERM stop it after the updates and the reminder batch in hand."""
    application.run_polling(allowed_updates=Update.ALL_TYPES)


def run_webhook(application: Application, settings: Settings) -> None:
    from calledit.webhook import serve

    asyncio.run(serve(application, settings))
