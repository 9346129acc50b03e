"""Inline keyboards, built from typed buttons (bot/buttons.py) signed for the chat."""

from __future__ import annotations

from collections.abc import Callable

from telegram import InlineKeyboardMarkup

from bot.buttons import (
    Answer,
    AskDelete,
    Button,
    ConfirmDelete,
    EditField,
    ListPage,
    Reanswer,
    ReviewOp,
    SettingsOp,
    Snooze,
    button,
)
from bot.i18n import LANGUAGES
from bot.prompts import Row
from bot.texts import _, language_name
from tracker.reviews import ReviewView

FIELD_CODES = {"sp": "speaker", "st": "statement", "dl": "deadline", "cf": "confidence"}


def from_spec(key: bytes, chat_id: int, rows: list[Row]) -> InlineKeyboardMarkup:
    """Rows of (label, button), signed for this chat."""
    return InlineKeyboardMarkup([[button(label, target, key, chat_id) for label, target in row] for row in rows])


def pages(key: bytes, chat_id: int, page: int, count: int, make: Callable[[int], Button],
          back: str | None = None, forward: str | None = None) -> InlineKeyboardMarkup | None:
    """◀ n/N ▶ for a paged answer; `make` builds the button for a page number."""
    if count <= 1:
        return None
    row: Row = []
    if page > 1:
        row.append((back or _("◀ Back"), make(page - 1)))
    row.append((f"{page} / {count}", make(page)))
    if page < count:
        row.append((forward or _("More ▶"), make(page + 1)))
    return from_spec(key, chat_id, [row])


def list_pages(key: bytes, chat_id: int, page: int, count: int) -> InlineKeyboardMarkup | None:
    return pages(key, chat_id, page, count, ListPage, _("◀ Newer"), _("Older ▶"))


def confirm_delete(key: bytes, chat_id: int, number: int) -> InlineKeyboardMarkup:
    return from_spec(key, chat_id, [[(_("🗑 Delete #{n}").format(n=number), ConfirmDelete(number, "y")),
                                     (_("Keep it"), ConfirmDelete(number, "n"))]])


def review(key: bytes, chat_id: int, review_id: int, selected: list[bool], first: int = 1) -> InlineKeyboardMarkup:
    """Toggles numbered as the claims are shown (`first` is the number of the review's first claim)."""
    toggles: Row = [(f"{'✅' if on else '⬜'} {i + first}", ReviewOp(review_id, "t", i))
                    for i, on in enumerate(selected)]
    rows = [toggles[i:i + 4] for i in range(0, len(toggles), 4)]
    count = sum(selected)
    save = _("💾 Save all ({n})") if count == len(selected) else _("💾 Save {n}")
    rows.append([(save.format(n=count), ReviewOp(review_id, "s")), (_("✏️ Edit"), ReviewOp(review_id, "e")),
                 (_("✖️ Discard"), ReviewOp(review_id, "x"))])
    return from_spec(key, chat_id, rows)


def for_review(key: bytes, chat_id: int, r: ReviewView) -> InlineKeyboardMarkup:
    return review(key, chat_id, r.id, r.selected, r.first_number)


def review_pick_claim(key: bytes, chat_id: int, review_id: int, n: int, first: int = 1) -> InlineKeyboardMarkup:
    picks: Row = [(f"✏️ {i + first}", ReviewOp(review_id, "c", i)) for i in range(n)]
    rows = [picks[i:i + 4] for i in range(0, len(picks), 4)]
    rows.append([(_("◀ Back"), ReviewOp(review_id, "b"))])
    return from_spec(key, chat_id, rows)


def review_pick_field(key: bytes, chat_id: int, review_id: int, index: int) -> InlineKeyboardMarkup:
    return from_spec(key, chat_id, [
        [(_("👤 Speaker"), ReviewOp(review_id, "f", index, "sp")),
         (_("💬 Statement"), ReviewOp(review_id, "f", index, "st")),
         (_("📅 Deadline"), ReviewOp(review_id, "f", index, "dl"))],
        [(_("◀ Back"), ReviewOp(review_id, "b"))],
    ])


def prediction_actions(key: bytes, chat_id: int, number: int, is_open: bool) -> InlineKeyboardMarkup:
    def outcome(code: str) -> Button:
        return Answer(number, code) if is_open else Reanswer(number, code)

    return from_spec(key, chat_id, [
        [(_("✅ Fulfilled"), outcome("f")), (_("❌ Not fulfilled"), outcome("n")), (_("◐ Partly"), outcome("p"))],
        [(_("🤷 Unclear"), outcome("u")), (_("⊘ Annulled"), outcome("a"))],
        [(_("✏️ Edit"), EditField(number)), (_("🗑 Delete"), AskDelete(number))],
    ])


def edit_fields(key: bytes, chat_id: int, number: int) -> InlineKeyboardMarkup:
    return from_spec(key, chat_id, [
        [(_("👤 Speaker"), EditField(number, "sp")), (_("💬 Statement"), EditField(number, "st"))],
        [(_("📅 Deadline"), EditField(number, "dl")), (_("🎯 Confidence"), EditField(number, "cf"))],
    ])


def snooze_menu(key: bytes, chat_id: int, number: int) -> InlineKeyboardMarkup:
    return from_spec(key, chat_id, [
        [(_("1 day"), Snooze(number, "1d")), (_("1 week"), Snooze(number, "1w")),
         (_("1 month"), Snooze(number, "1m"))],
        [(_("📅 New deadline…"), Snooze(number, "w")), (_("◀ Back"), Snooze(number, "b"))],
    ])


def settings_menu(key: bytes, chat_id: int, heads_up: bool, language: str) -> InlineKeyboardMarkup:
    label = _("🔔 Day-before heads-up: on") if heads_up else _("🔔 Day-before heads-up: off")
    return from_spec(key, chat_id, [
        [(_("🕐 Timezone"), SettingsOp("tz")), (_("🌙 Quiet hours"), SettingsOp("q"))],
        [(label, SettingsOp("h"))],
        [("🌐 " + _("Language: {name}").format(name=language_name(language)), SettingsOp("l"))],
    ])


def language_menu(key: bytes, chat_id: int, current: str) -> InlineKeyboardMarkup:
    """Each language in its own name (a reader who cannot read the current one still finds theirs)."""
    choices: Row = [(("✅ " if code == current else "") + language_name(code), SettingsOp("l", code))
                    for code in LANGUAGES]
    return from_spec(key, chat_id, [choices, [(_("◀ Back"), SettingsOp("b"))]])
