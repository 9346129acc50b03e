"""Registers the bot on an Application: the command table, then each feature module's buttons and
replies, then the fallbacks (stale buttons, unknown commands, errors)."""

from __future__ import annotations

from telegram import BotCommand
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot import answers, articles, basics, buttons, commands, evidence, feeds, predictions, settings, stats

FEATURES = (articles, predictions, answers, stats, settings, feeds, evidence)


def register(application: Application) -> None:
    for command in commands.COMMANDS:
        application.add_handler(CommandHandler(command.name, command.handler))
    for feature in FEATURES:
        feature.register(application)
    application.add_handler(CallbackQueryHandler(buttons.stale))  # after every feature's button patterns
    basics.register(application)


async def set_commands(application: Application) -> None:
    await application.bot.set_my_commands([BotCommand(name, description) for name, description in commands.menu()])
