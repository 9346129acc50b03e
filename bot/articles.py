"""Reading articles: pasted, forwarded or sent with /ingest; the review of the claims found, its
buttons, and the replies that correct a claim before it is saved."""

from __future__ import annotations

import re
from datetime import date

from telegram import Chat, Message, Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from bot import buttons, keyboards, links, replies
from bot.buttons import ReviewOp
from bot.common import args_text, chat_of, edit_query_message, reply_html, services, user_id
from bot.reading import UNREADABLE_LANGUAGE, forward_date, review_article
from bot.render import esc, fmt_date, prediction_line, review_html
from bot.texts import ADD_EXAMPLE, N_, _, ngettext, problem
from tracker import chats, reviews
from tracker.errors import Problem, Refusal
from tracker.language import readable
from tracker.models import PendingKind
from tracker.pending import Question
from tracker.plaintext import html_to_text
from tracker.predictions import SaveResult

FIELD_ASK = {
    "speaker": N_("Reply with the speaker's name, e.g. Vladimir Putin."),
    "statement": N_("Reply with the statement as it should read."),
    "deadline": N_("Reply with the new deadline. Try “in 2 weeks”, “by the end of March”, “next year” or a date like "
                   "2026-03-31."),
    "confidence": N_("Reply with a confidence from 0% to 100%, e.g. 70%."),
}
FIELD_UPDATED = {
    "speaker": N_("✏️ Updated claim {n}'s speaker. Save it from the review above."),
    "statement": N_("✏️ Updated claim {n}'s statement. Save it from the review above."),
    "deadline": N_("✏️ Updated claim {n}'s deadline. Save it from the review above."),
    "confidence": N_("✏️ Updated claim {n}'s confidence. Save it from the review above."),
}
NO_LINKS = N_("That link has no host I can read; send a link like https://example.com/news/story, or paste the "
              "text.")


def _title(text: str) -> str | None:
    first = text.strip().split("\n", 1)[0].strip()
    if first and len(first) < 150 and not re.search(r"[.!?\"”]$", first):
        return first
    return None


async def ingest_text(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str,
                      given: date | None = None, source_message: Message | None = None) -> None:
    """A pasted or forwarded article: date it (given, forward, a line in it, a dateline, today) and review it."""
    svc = services(context)
    chat, message = chat_of(update), update.effective_message
    assert message is not None
    if reviews.is_url_only(text):
        await reply_html(update, _(NO_LINKS))
        return
    if not readable(text):
        await reply_html(update, _(UNREADABLE_LANGUAGE))
        return
    today, tz = await svc.db.run(chats.today, chat.id, chat.title, svc.settings.default_timezone)
    published, basis = reviews.reference_date(given, forward_date(source_message or message, tz), text, today)
    await review_article(update, context, text, published, basis, _title(text))


DATE_WORDS = re.compile(r"(?i)(?:yesterday|today|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                        r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                        r"sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")


def _answers_someone_elses_question(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> bool:
    """A short reply to one of the bot's questions from someone it was not asked (or after it expired)."""
    message = update.effective_message
    reply = message.reply_to_message if message else None
    if reply is None or reply.from_user is None or reply.from_user.id != context.bot.id:
        return False
    asked = reply.text or ""
    return (_("(/cancel to stop)") in asked or _("Who said it?") in asked) and not reviews.looks_like_article(text)


async def _on_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited article replaces its open review; if that review was saved already, say so."""
    svc, chat, message = services(context), chat_of(update), update.effective_message
    assert message is not None
    replaced, saved = await svc.db.run(reviews.replace_for_message, chat.id, message.message_id)
    if saved and not replaced:
        await reply_html(update, _("You edited an article whose statements are already saved; /undo takes the save "
                                   "back if you want the edited version read instead."))
        return
    if not replaced:
        return  # an edit of any other message: nothing to do
    for old in replaced:
        if old.message_id:
            await context.bot.edit_message_text(_("✏️ Replaced: I read your edited text again below."), chat_id=chat.id,
                                                message_id=old.message_id)
    addressed, text = _addressed(update, context)
    if addressed:
        await ingest_text(update, context, text)


def _parse_ingest(raw: str) -> tuple[date | None, str]:
    """An optional YYYY-MM-DD on the first line, then the article. A first line that only looks like a
    date ("yesterday", "2025-13-45", "17.10.2025") is refused, not read as the article."""
    first, _sep, rest = raw.partition("\n")
    token = first.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", token):
        try:
            return date.fromisoformat(token), rest.strip()
        except ValueError:
            raise ValueError(token) from None
    if re.fullmatch(r"\S*\d\S*", token) and not rest.strip():
        raise ValueError(token)
    if DATE_WORDS.fullmatch(token):
        raise ValueError(token)
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}", token):
        raise ValueError(token)
    return None, raw.strip()


def _ingest_links(raw: str) -> tuple[date | None, list[str]]:
    """`/ingest URL` or `/ingest YYYY-MM-DD URL`: the date (if any) and the links, else no links."""
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})\s+(?=https?://)", raw, re.IGNORECASE)
    rest = raw[m.end():] if m else raw
    urls, other = links.urls_in_text(rest)
    if not urls or other > links.MAX_OTHER_TEXT:
        return None, []
    try:
        return (date.fromisoformat(m.group(1)) if m else None), urls
    except ValueError:
        raise ValueError(m.group(1) if m else "") from None


async def ingest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    try:
        given, urls = _ingest_links(args_text(update))
        text = ""
        if not urls:
            given, text = _parse_ingest(args_text(update))
    except ValueError as exc:
        await reply_html(update, _("“{value}” is not a date: use YYYY-MM-DD, e.g. <code>/ingest 2025-10-17</code> "
                                   "with the article on the next lines.").format(value=esc(exc)))
        return
    today, _tz = await services(context).db.run(chats.today, chat_of(update).id, chat_of(update).title,
                                                services(context).settings.default_timezone)
    if given is not None and given > today:
        await reply_html(update, _("{day} is in the future: an article's publication date is today or earlier "
                                   "(today is {today}).").format(day=fmt_date(given), today=fmt_date(today)))
        return
    if urls:
        await links.read_links(update, context, urls, given)
        return
    source = None
    if not text and message.reply_to_message:
        source = message.reply_to_message
        text = (source.text or source.caption or "").strip()
        urls = links.link_message(source)
        if urls:
            await links.read_links(update, context, urls, given, source)
            return
    if not text:
        await reply_html(update, _("Paste the article after /ingest on the next lines, or a link, e.g.\n"
                                   "<code>/ingest 2025-10-17\nTrump and Putin agreed to hold a summit within two "
                                   "weeks…</code>\n<code>/ingest https://example.com/news/story</code>\n"
                                   "or reply /ingest to a message that holds the article."))
        return
    await ingest_text(update, context, text, given, source)


def _addressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> tuple[bool, str]:
    """In private chats everything is for the bot; in groups only replies to it and mentions of it."""
    chat, message = chat_of(update), update.effective_message
    assert message is not None
    text = message.text or message.caption or ""
    if chat.type == Chat.PRIVATE:
        return True, text
    username = context.bot.username
    mention = f"@{username}" if username else None
    if mention and mention.lower() in text.lower():
        return True, re.sub(re.escape(mention), "", text, flags=re.IGNORECASE).strip()
    reply = message.reply_to_message
    if reply and reply.from_user and reply.from_user.id == context.bot.id:
        return True, text
    return False, text


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Plain messages: an answer to the bot's question, else an article, else a hint."""
    message = update.effective_message
    if message is None or update.effective_chat is None or update.effective_user is None:
        return
    if update.edited_message is not None:
        await _on_edit(update, context)
        return
    if await replies.take(update, context):
        return
    addressed, text = _addressed(update, context)
    if not addressed:
        return
    if _answers_someone_elses_question(update, context, text):
        await reply_html(update, _("That question was for someone else, or it has expired; /help has what I do."))
        return
    urls = links.link_message(message)
    if urls:
        await links.read_links(update, context, urls)
    elif reviews.is_url_only(text):
        await reply_html(update, _(NO_LINKS))
    elif not readable(text):
        await reply_html(update, _(UNREADABLE_LANGUAGE))
    elif message.forward_origin is not None or reviews.looks_like_article(text):
        await ingest_text(update, context, text)
    else:
        await reply_html(update, _("That is too short for an article. To track one statement:\n"
                                   "<code>{example}</code>\nTo read an article, paste the whole text or forward "
                                   "the post. /help has the rest.").format(example=esc(ADD_EXAMPLE)))


# ------------------------------------------------------------------ files and everything else
MAX_FILE = 1_000_000
TEXT_FILES = (".txt", ".html", ".htm")
TEXT_TYPES = {"text/plain", "text/html"}


def _for_me(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """A message without text is for the bot in a private chat, or in a group when it replies to the bot."""
    chat, message = chat_of(update), update.effective_message
    if chat.type == Chat.PRIVATE:
        return True
    reply = message.reply_to_message if message else None
    return bool(reply and reply.from_user and reply.from_user.id == context.bot.id)


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A .txt or .html file is read as an article (up to 1 MB)."""
    message = update.effective_message
    if message is None or message.document is None or not _for_me(update, context):
        return
    doc = message.document
    name = (doc.file_name or "").lower()
    if not name.endswith(TEXT_FILES) and doc.mime_type not in TEXT_TYPES:
        await reply_html(update, _("I read articles as text, .txt or .html files; paste the text or forward the "
                                   "post instead."))
        return
    if (doc.file_size or 0) > MAX_FILE:
        await reply_html(update, _("That file is over 1 MB; paste the article's text instead."))
        return
    data = bytes(await (await doc.get_file()).download_as_bytearray())
    if len(data) > MAX_FILE:
        await reply_html(update, _("That file is over 1 MB; paste the article's text instead."))
        return
    text = data.decode("utf-8", errors="replace")
    if name.endswith((".html", ".htm")) or doc.mime_type == "text/html":
        text = html_to_text(text)
    if message.caption and re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", message.caption):
        given, _rest = _parse_ingest(message.caption.strip())
        await ingest_text(update, context, text, given)
        return
    await ingest_text(update, context, text)


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Voice, stickers, photos without a caption…: say what the bot can read."""
    if update.effective_message is None or not _for_me(update, context):
        return
    await reply_html(update, _("I read text: paste or forward an article (a photo's caption counts), send a "
                               ".txt or .html file, or track a statement with /add."))


# ------------------------------------------------------------------ the review's buttons
def saved_text(result: SaveResult) -> str:
    n = len(result.saved)
    if not result.saved and not result.duplicates:
        lines = [_("Nothing was selected, so nothing was saved.")]
    else:
        lines = ["💾 " + ngettext("Saved {n} prediction.", "Saved {n} predictions.", n).format(n=n)]
        lines += [prediction_line(v) for v in result.saved]
        if result.duplicates:
            lines.append(ngettext("{n} already tracked here, not saved twice.",
                                  "{n} already tracked here, not saved twice.", result.duplicates).format(
                n=result.duplicates))
    lines.append(_("I'll ask here when each deadline passes. /list shows them all, /undo takes this back."))
    return "\n".join(lines)


async def _toggle(update: Update, context: ContextTypes.DEFAULT_TYPE, b: ReviewOp) -> None:
    svc, chat, query = services(context), chat_of(update), update.callback_query
    assert query is not None and b.index is not None
    review = await svc.db.run(reviews.toggle, chat.id, b.review, b.index)
    on = review.selected[b.index]
    await query.answer((_("Claim {n} included.") if on else _("Claim {n} left out.")).format(
        n=review.first_number + b.index))
    await edit_query_message(update, review_html(review),
                             keyboards.for_review(svc.callback_secret, chat.id, review))


async def _save(update: Update, context: ContextTypes.DEFAULT_TYPE, b: ReviewOp) -> None:
    svc, query = services(context), update.callback_query
    assert query is not None
    result = await svc.db.run(reviews.save, chat_of(update).id, b.review, user_id(update))
    await query.answer(_("Saved."))
    await edit_query_message(update, saved_text(result), None)


async def _discard(update: Update, context: ContextTypes.DEFAULT_TYPE, b: ReviewOp) -> None:
    query = update.callback_query
    assert query is not None
    await services(context).db.run(reviews.discard, chat_of(update).id, b.review)
    await query.answer(_("Discarded."))
    await edit_query_message(update, _("✖️ Discarded; nothing from this review was saved."), None)


async def _pick(update: Update, context: ContextTypes.DEFAULT_TYPE, b: ReviewOp) -> None:
    """e: which claim? · c: which field of claim `index`? · b: back to the review."""
    svc, chat, query = services(context), chat_of(update), update.callback_query
    assert query is not None
    review = await svc.db.run(reviews.get, chat.id, b.review)
    if b.op == "e":
        await query.answer(_("Which claim?"))
        markup = keyboards.review_pick_claim(svc.callback_secret, chat.id, b.review, len(review.claims),
                                             review.first_number)
    elif b.op == "c" and b.index is not None:
        await query.answer(_("Claim {n}: what to change?").format(n=review.first_number + b.index))
        markup = keyboards.review_pick_field(svc.callback_secret, chat.id, b.review, b.index)
    else:
        await query.answer()
        markup = keyboards.for_review(svc.callback_secret, chat.id, review)
    await query.edit_message_reply_markup(markup)


async def _ask_field(update: Update, context: ContextTypes.DEFAULT_TYPE, b: ReviewOp) -> None:
    svc, chat, query = services(context), chat_of(update), update.callback_query
    assert query is not None
    field = keyboards.FIELD_CODES.get(b.field or "")
    if field is None or b.index is None or update.effective_user is None:
        await query.answer(_("That button is no longer valid."))
        return
    review = await svc.db.run(reviews.get, chat.id, b.review)
    await query.answer()
    await query.edit_message_reply_markup(keyboards.for_review(svc.callback_secret, chat.id, review))
    await replies.ask(update, context, Question(PendingKind.REVIEW, ref=b.review, field=field, index=b.index),
                      _("Claim {n}: {ask}").format(n=review.first_number + b.index, ask=_(FIELD_ASK[field])))


REVIEW_OPS = {"t": _toggle, "s": _save, "x": _discard, "e": _pick, "c": _pick, "b": _pick, "f": _ask_field}


async def review_button(update: Update, context: ContextTypes.DEFAULT_TYPE, b: ReviewOp) -> None:
    query = update.callback_query
    assert query is not None
    op = REVIEW_OPS.get(b.op)
    if op is None or (b.op in {"t", "c"} and b.index is None):
        await query.answer(_("That button is no longer valid."))
        return
    try:
        await op(update, context, b)
    except Refusal as exc:
        await query.answer(problem(exc))


async def answer_claim_edit(update: Update, context: ContextTypes.DEFAULT_TYPE, q: Question, value: str) -> None:
    """A reply with a claim's new speaker, statement or deadline: the review message is updated."""
    svc, chat = services(context), chat_of(update)
    try:
        review = await svc.db.run(reviews.edit_claim, chat.id, q.ref or 0, q.index or 0, q.field or "", value)
    except Refusal as exc:
        if exc.code in {Problem.REVIEW_GONE, Problem.REVIEW_CLOSED}:
            await replies.answered(update, context)
            await reply_html(update, _("That review is closed already, so the question is dropped."))
            return
        raise
    await replies.answered(update, context)
    if review.message_id:
        await context.bot.edit_message_text(
            review_html(review), chat_id=chat.id, message_id=review.message_id, parse_mode="HTML",
            reply_markup=keyboards.for_review(svc.callback_secret, chat.id, review))
    await reply_html(update, _(FIELD_UPDATED.get(q.field or "", FIELD_UPDATED["statement"])).format(
        n=review.first_number + (q.index or 0)))


def register(application: Application) -> None:
    application.add_handler(buttons.handler(ReviewOp, review_button))
    people = filters.UpdateType.MESSAGES  # channel posts go to bot/feeds.py
    application.add_handler(MessageHandler(filters.Document.ALL & people, on_document))
    application.add_handler(MessageHandler((filters.TEXT | filters.CAPTION) & ~filters.COMMAND & people, on_text))
    media = ~filters.TEXT & ~filters.CAPTION & ~filters.COMMAND & ~filters.StatusUpdate.ALL & ~filters.Document.ALL
    application.add_handler(MessageHandler(media & filters.UpdateType.MESSAGE, on_other))
    replies.on_answer(application, PendingKind.REVIEW, answer_claim_edit)

