"""The button protocol: one small class per kind of inline button, packed into callback data and back.

Callback data is `prefix:field:field|signature`: self-contained (it works after a restart, weeks later),
HMAC-signed for one chat (a button replayed or forged in another chat is refused) and under Telegram's
64 bytes. Each feature registers one `CallbackQueryHandler` per button class with `handler()`, whose
pattern is the class's prefix; the callback receives the unpacked, typed button."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, ClassVar, Self, TypeVar

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler, ContextTypes

from bot.texts import _
from tracker.services import Services

MAX_BYTES = 64
SIG_LEN = 8


def _sig(key: bytes, chat_id: int, payload: str) -> str:
    mac = hmac.new(key, f"{chat_id}|{payload}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode()[:SIG_LEN]


def sign(key: bytes, chat_id: int, payload: str) -> str:
    data = f"{payload}|{_sig(key, chat_id, payload)}"
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {payload!r}")
    return data


def verify(keys: tuple[bytes, ...], chat_id: int, data: str | None) -> list[str] | None:
    """The payload's ':'-separated parts if it was signed for this chat with one of the keys, else None."""
    if not data or "|" not in data:
        return None
    payload, sig = data.rsplit("|", 1)
    if not any(hmac.compare_digest(sig, _sig(key, chat_id, payload)) for key in keys):
        return None
    return payload.split(":")


@dataclass(frozen=True)
class Button:
    """Base of every button kind: its fields, in order, are the payload after the prefix. Fields typed
    `int` must be digits; trailing fields with a default of None may be left out."""

    PREFIX: ClassVar[str]

    def payload(self) -> str:
        values = [getattr(self, f.name) for f in dataclasses.fields(self)]
        while values and values[-1] is None:
            values.pop()
        return ":".join([self.PREFIX, *(str(v) for v in values)])

    def data(self, key: bytes, chat_id: int) -> str:
        return sign(key, chat_id, self.payload())

    @classmethod
    def parse(cls, parts: list[str]) -> Self | None:
        """The button from verified payload parts, or None if they do not fit this class."""
        fields = dataclasses.fields(cls)
        if not parts or parts[0] != cls.PREFIX or len(parts) - 1 > len(fields):
            return None
        values: dict[str, Any] = {}
        for f, raw in zip(fields, parts[1:], strict=False):
            if "int" in str(f.type):
                if not raw.isdigit():
                    return None
                values[f.name] = int(raw)
            else:
                values[f.name] = raw
        try:
            return cls(**values)
        except TypeError:  # a required field is missing
            return None


def button(label: str, target: Button, key: bytes, chat_id: int) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=target.data(key, chat_id))


# ---------------------------------------------------------------- the kinds of buttons
@dataclass(frozen=True)
class ListPage(Button):
    PREFIX = "l"
    page: int


@dataclass(frozen=True)
class StatsPage(Button):
    PREFIX = "st"
    page: int
    year: int  # 0 for all years


@dataclass(frozen=True)
class ReviewOp(Button):
    """t toggle claim · s save · x discard · e pick a claim · c pick a field · f ask for a field · b back."""

    PREFIX = "r"
    review: int
    op: str
    index: int | None = None
    field: str | None = None


@dataclass(frozen=True)
class Settle(Button):
    """A "🔎 This may settle #N" suggestion: f it happened · n it did not · x not related."""

    PREFIX = "ev"
    suggestion: int
    op: str


@dataclass(frozen=True)
class Answer(Button):
    """A prompt's answer (first answer wins); `due` is "d" when it came from /due (the next one follows)."""

    PREFIX = "v"
    number: int
    code: str
    due: str | None = None


@dataclass(frozen=True)
class Reanswer(Button):
    """/show's outcome buttons on an answered prediction: change the outcome."""

    PREFIX = "w"
    number: int
    code: str


@dataclass(frozen=True)
class UndoAnswer(Button):
    PREFIX = "u"
    number: int


@dataclass(frozen=True)
class Snooze(Button):
    """No choice: show the menu · 1d/1w/1m · w ask for a new deadline · b back."""

    PREFIX = "z"
    number: int
    choice: str | None = None


@dataclass(frozen=True)
class EditField(Button):
    PREFIX = "e"
    number: int
    field: str | None = None


@dataclass(frozen=True)
class AskDelete(Button):
    PREFIX = "dq"
    number: int


@dataclass(frozen=True)
class ConfirmDelete(Button):
    PREFIX = "d"
    number: int
    answer: str  # y or n


@dataclass(frozen=True)
class ConfirmPast(Button):
    """/add with a deadline that has passed: y tracks it and asks for the outcome now, n drops it."""

    PREFIX = "p"
    answer: str


@dataclass(frozen=True)
class SettingsOp(Button):
    """tz ask for a timezone · q ask for quiet hours · h flip the heads-up · l pick a language (`value`: the
    language picked; none: show the choice) · b back to the settings."""

    PREFIX = "s"
    op: str
    value: str | None = None


B = TypeVar("B", bound=Button)
ButtonCallback = Callable[[Update, ContextTypes.DEFAULT_TYPE, B], Coroutine[Any, Any, Any]]


def _services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    svc = context.application.bot_data["services"]
    assert isinstance(svc, Services)
    return svc


def handler(kind: type[B], callback: ButtonCallback[B]) -> CallbackQueryHandler[Any, Any]:
    """The handler for one kind of button: checks the signature for this chat, unpacks, calls back."""

    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query, chat = update.callback_query, update.effective_chat
        assert query is not None
        svc = _services(context)
        parts = verify((svc.callback_secret, *svc.accepted_secrets), chat.id, query.data) if chat else None
        if parts is None:
            await query.answer(_("This button does not belong to this chat."))
            return
        target = kind.parse(parts)
        if target is None:
            await query.answer(_("That button is no longer valid."))
            return
        await callback(update, context, target)

    return CallbackQueryHandler(handle, pattern=f"^{kind.PREFIX}:")


async def stale(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Last resort for callback data no feature knows (an old version's button, a forged one)."""
    query = update.callback_query
    assert query is not None
    await query.answer(_("That button is no longer valid."))
