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

from bot import conversation, handlers, stats


def register(application: Application) -> None:
    application.add_handler(TypeHandler(Update, handlers.skip_seen_update), group=-1)
    application.add_handler(TypeHandler(Update, handlers.mark_update_done), group=100)
    commands = {
        "start": handlers.start, "help": handlers.help_command, "add": handlers.add, "list": handlers.list_command,
        "delete": handlers.delete, "export": handlers.export, "ingest": conversation.ingest,
        "show": conversation.show, "edit": conversation.edit, "undo": conversation.undo,
        "due": conversation.due, "speaker": stats.speaker, "settings": conversation.settings_error_wrapper,
        "stats": stats.stats, "chart": stats.chart,
        "cancel": conversation.cancel,
    }
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, callback))
    application.add_handler(CallbackQueryHandler(handlers.on_button))
    application.add_handler(MessageHandler(filters.COMMAND, handlers.unknown_command))
    application.add_handler(MessageHandler((filters.TEXT | filters.CAPTION) & ~filters.COMMAND, conversation.on_text))
    application.add_error_handler(handlers.on_error)


async def set_commands(application: Application) -> None:
    await application.bot.set_my_commands([BotCommand(c, d) for c, d in handlers.COMMANDS])
