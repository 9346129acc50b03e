"""Later news that may settle a prediction: after an article is read, "🔎 This may settle #N" with the
quote, the article and three buttons; a person decides, the outcome is recorded with the evidence."""

from __future__ import annotations

from datetime import date

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot import buttons, digests
from bot.buttons import Settle
from bot.common import chat_of, edit_query_message, services, user_id, user_name
from bot.texts import _, problem
from tracker import evidence
from tracker.errors import Refusal
from tracker.models import Status


async def suggest(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, published: date,
                  title: str | None) -> None:
    """Match the article the chat just read against its open predictions; say each likely match once."""
    svc, chat = services(context), chat_of(update)
    await digests.suggest(context.bot, svc.db, svc.callback_secret, chat.id, text, published, title)


async def settle_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: Settle) -> None:
    svc, chat, query = services(context), chat_of(update), update.callback_query
    assert query is not None
    try:
        if b.op == "x":
            number = await svc.db.run(evidence.dismiss, chat.id, b.suggestion)
            await query.answer(_("Noted: not related."))
            await edit_query_message(update, _("Set aside: that article is not about #{number}; I won't suggest it "
                                               "again.").format(number=number), None)
            return
        outcome = Status.FULFILLED if b.op == "f" else Status.NOT_FULFILLED
        number, recorded = await svc.db.run(evidence.confirm, chat.id, b.suggestion, outcome, user_id(update),
                                            user_name(update.effective_user))
    except Refusal as exc:
        await query.answer(problem(exc))
        return
    if not recorded:
        await query.answer(_("#{number} was answered meanwhile.").format(number=number))
        await edit_query_message(update, _("#{number} was answered meanwhile; /show {number} has it.").format(
            number=number), None)
        return
    word = _("✅ Fulfilled") if outcome == Status.FULFILLED else _("❌ Not fulfilled")
    await query.answer(word)
    await edit_query_message(update, _("{word}: #{number} is settled, with this article as evidence (/show {number}; "
                                       "/undo takes it back).").format(word=word, number=number), None)


def register(application: Application) -> None:
    application.add_handler(buttons.handler(Settle, settle_button))
