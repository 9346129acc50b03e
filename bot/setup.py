"""Registers the conversation on an Application."""

from __future__ import annotations

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import commands, conversation, handlers


def register(application: Application) -> None:
    application.add_handler(TypeHandler(Update, handlers.skip_seen_update), group=-1)
    application.add_handler(TypeHandler(Update, handlers.mark_update_done), group=100)
    for command in commands.COMMANDS:
        application.add_handler(CommandHandler(command.name, command.handler))
    application.add_handler(CallbackQueryHandler(handlers.on_button))
    application.add_handler(MessageHandler(filters.COMMAND, handlers.unknown_command))
    application.add_handler(MessageHandler((filters.TEXT | filters.CAPTION) & ~filters.COMMAND, conversation.on_text))
    application.add_error_handler(handlers.on_error)


async def set_commands(application: Application) -> None:
    await application.bot.set_my_commands([BotCommand(name, description) for name, description in commands.menu()])
