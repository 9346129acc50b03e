"""Inline keyboards. Callback data is 'verb:args' signed for the chat (tracker.callbacks)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from tracker.callbacks import sign


def _button(secret: bytes, chat_id: int, label: str, payload: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=sign(secret, chat_id, payload))


def list_pages(secret: bytes, chat_id: int, page: int, pages: int) -> InlineKeyboardMarkup | None:
    if pages <= 1:
        return None
    row = []
    if page > 1:
        row.append(_button(secret, chat_id, "◀ Newer", f"l:{page - 1}"))
    row.append(_button(secret, chat_id, f"{page} / {pages}", f"l:{page}"))
    if page < pages:
        row.append(_button(secret, chat_id, "Older ▶", f"l:{page + 1}"))
    return InlineKeyboardMarkup([row])


def confirm_delete(secret: bytes, chat_id: int, number: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        _button(secret, chat_id, f"🗑 Delete #{number}", f"d:{number}:y"),
        _button(secret, chat_id, "Keep it", f"d:{number}:n"),
    ]])
