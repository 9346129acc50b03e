"""Registers the bot on an Application: the command table, then each feature module's buttons and
replies, then the fallbacks (stale buttons, unknown commands, errors); and tells Telegram the command
menu and the bot's descriptions in each of its languages."""

from __future__ import annotations

from telegram import BotCommand
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot import (
    answers,
    articles,
    basics,
    buttons,
    commands,
    evidence,
    feeds,
    i18n,
    languages,
    predictions,
    settings,
    stats,
)
from bot.texts import N_, _

FEATURES = (articles, predictions, answers, stats, settings, feeds, evidence)

DESCRIPTION = N_("I keep score of what public figures say will happen. Paste or forward a news article: I find the "
               "statements about the future, who made them and by when, and when a deadline passes I ask this chat "
               "whether it came true, so over time you see who is right how often.")
SHORT_DESCRIPTION = N_("Keeps score of what public figures say will happen: who is right how often.")


def register(application: Application) -> None:
    languages.register(application)
    languages.set_menu(application, commands.menu)
    for command in commands.COMMANDS:
        application.add_handler(CommandHandler(command.name, command.handler))
    for feature in FEATURES:
        feature.register(application)
    application.add_handler(CallbackQueryHandler(buttons.stale))  # after every feature's button patterns
    basics.register(application)


async def set_commands(application: Application) -> None:
    """The menu and descriptions for every language: English as the default (users whose Telegram speaks
    anything else), then one set per other language, which Telegram shows to users whose app speaks it."""
    bot = application.bot
    for language in i18n.LANGUAGES:
        code = None if language == i18n.DEFAULT else language
        with i18n.speaking(language):
            menu = [BotCommand(name, description) for name, description in commands.menu()]
            description, short = _(DESCRIPTION), _(SHORT_DESCRIPTION)
        await bot.set_my_commands(menu, language_code=code)
        await bot.set_my_description(description, language_code=code)
        await bot.set_my_short_description(short, language_code=code)
