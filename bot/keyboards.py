"""Inline keyboards. Callback data is 'verb:args' signed for the chat (tracker.callbacks)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from tracker.callbacks import sign


def _button(secret: bytes, chat_id: int, label: str, payload: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=sign(secret, chat_id, payload))


def pages(secret: bytes, chat_id: int, page: int, count: int, payload: str,
          back: str = "◀ Back", forward: str = "More ▶") -> InlineKeyboardMarkup | None:
    """◀ n/N ▶ for a paged answer; `payload` has one {} for the page number."""
    if count <= 1:
        return None
    row = []
    if page > 1:
        row.append(_button(secret, chat_id, back, payload.format(page - 1)))
    row.append(_button(secret, chat_id, f"{page} / {count}", payload.format(page)))
    if page < count:
        row.append(_button(secret, chat_id, forward, payload.format(page + 1)))
    return InlineKeyboardMarkup([row])


def list_pages(secret: bytes, chat_id: int, page: int, count: int) -> InlineKeyboardMarkup | None:
    return pages(secret, chat_id, page, count, "l:{}", "◀ Newer", "Older ▶")


def confirm_delete(secret: bytes, chat_id: int, number: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        _button(secret, chat_id, f"🗑 Delete #{number}", f"d:{number}:y"),
        _button(secret, chat_id, "Keep it", f"d:{number}:n"),
    ]])


def from_spec(secret: bytes, chat_id: int, rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
    """Buttons described by the domain as (label, payload) rows, signed for this chat."""
    return InlineKeyboardMarkup([[_button(secret, chat_id, label, payload) for label, payload in row] for row in rows])


def review(secret: bytes, chat_id: int, review_id: int, selected: list[bool]) -> InlineKeyboardMarkup:
    toggles = [_button(secret, chat_id, f"{'✅' if on else '⬜'} {i + 1}", f"r:{review_id}:t:{i}")
               for i, on in enumerate(selected)]
    rows = [toggles[i:i + 4] for i in range(0, len(toggles), 4)]
    count = sum(selected)
    rows.append([
        _button(secret, chat_id, f"💾 Save all ({count})" if count == len(selected) else f"💾 Save {count}",
                f"r:{review_id}:s"),
        _button(secret, chat_id, "✏️ Edit", f"r:{review_id}:e"),
        _button(secret, chat_id, "✖️ Discard", f"r:{review_id}:x"),
    ])
    return InlineKeyboardMarkup(rows)


def review_pick_claim(secret: bytes, chat_id: int, review_id: int, n: int) -> InlineKeyboardMarkup:
    picks = [_button(secret, chat_id, f"✏️ {i + 1}", f"r:{review_id}:c:{i}") for i in range(n)]
    rows = [picks[i:i + 4] for i in range(0, len(picks), 4)]
    rows.append([_button(secret, chat_id, "◀ Back", f"r:{review_id}:b")])
    return InlineKeyboardMarkup(rows)


def review_pick_field(secret: bytes, chat_id: int, review_id: int, index: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([
        [_button(secret, chat_id, "👤 Speaker", f"r:{review_id}:f:{index}:sp"),
         _button(secret, chat_id, "💬 Statement", f"r:{review_id}:f:{index}:st"),
         _button(secret, chat_id, "📅 Deadline", f"r:{review_id}:f:{index}:dl")],
        [_button(secret, chat_id, "◀ Back", f"r:{review_id}:b")],
    ])


def prediction_actions(secret: bytes, chat_id: int, number: int, is_open: bool) -> InlineKeyboardMarkup:
    mark = "v" if is_open else "w"
    return InlineKeyboardMarkup([
        [_button(secret, chat_id, "✅ Fulfilled", f"{mark}:{number}:f"),
         _button(secret, chat_id, "❌ Not fulfilled", f"{mark}:{number}:n"),
         _button(secret, chat_id, "◐ Partly", f"{mark}:{number}:p")],
        [_button(secret, chat_id, "🤷 Unclear", f"{mark}:{number}:u"),
         _button(secret, chat_id, "⊘ Annulled", f"{mark}:{number}:a")],
        [_button(secret, chat_id, "✏️ Edit", f"e:{number}"),
         _button(secret, chat_id, "🗑 Delete", f"dq:{number}")],
    ])


def edit_fields(secret: bytes, chat_id: int, number: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([
        [_button(secret, chat_id, "👤 Speaker", f"e:{number}:sp"),
         _button(secret, chat_id, "💬 Statement", f"e:{number}:st")],
        [_button(secret, chat_id, "📅 Deadline", f"e:{number}:dl"),
         _button(secret, chat_id, "🎯 Confidence", f"e:{number}:cf")],
    ])


def settings_menu(secret: bytes, chat_id: int, heads_up: bool) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([
        [_button(secret, chat_id, "🕐 Timezone", "s:tz"), _button(secret, chat_id, "🌙 Quiet hours", "s:q")],
        [_button(secret, chat_id, f"🔔 Day-before heads-up: {'on' if heads_up else 'off'}", "s:h")],
    ])
