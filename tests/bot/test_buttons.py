"""The button protocol without a server: every kind packs and unpacks to itself, stays under Telegram's
64 bytes at its largest, is bound to its chat and its key, and malformed data is refused."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from bot import buttons
from bot.buttons import (
    Answer,
    AskDelete,
    Button,
    ConfirmDelete,
    ConfirmPast,
    EditField,
    ListPage,
    Reanswer,
    ReviewOp,
    SettingsOp,
    Settle,
    Snooze,
    StatsPage,
    UndoAnswer,
    sign,
    verify,
)

KEY = hashlib.sha256(b"test").digest()
BIG = 999_999_999  # prediction and review numbers far beyond any chat's
CHAT = -1001234567890  # a supergroup id, the longest kind

LARGEST: list[Button] = [
    ListPage(BIG), StatsPage(BIG, 2099), ReviewOp(BIG, "f", 99, "sp"), Answer(BIG, "n", "d"), Reanswer(BIG, "a"),
    UndoAnswer(BIG), Snooze(BIG, "1m"), EditField(BIG, "cf"), AskDelete(BIG), ConfirmDelete(BIG, "y"),
    SettingsOp("tz"), ConfirmPast("y"), Settle(BIG, "x"),
]


def test_every_kind_is_covered() -> None:
    kinds = {cls for cls in vars(buttons).values()
             if isinstance(cls, type) and issubclass(cls, Button) and cls is not Button}
    assert kinds == {type(b) for b in LARGEST}
    prefixes = [cls.PREFIX for cls in kinds]
    assert len(prefixes) == len(set(prefixes))


@pytest.mark.parametrize("target", LARGEST, ids=lambda b: type(b).__name__)
def test_round_trip_under_64_bytes_and_bound_to_chat(target: Button) -> None:
    data = target.data(KEY, CHAT)
    assert len(data.encode()) <= 64
    parts = verify((KEY,), CHAT, data)
    assert parts is not None and type(target).parse(parts) == target
    assert verify((KEY,), CHAT + 1, data) is None  # replayed in another chat
    assert verify((hashlib.sha256(b"other").digest(),), CHAT, data) is None  # another bot's key
    assert verify((b"old", KEY), CHAT, data) == parts  # any accepted key will do


def test_optional_fields_may_be_left_out_and_types_are_checked() -> None:
    assert Snooze.parse(["z", "3"]) == Snooze(3)
    assert Answer.parse(["v", "3", "f"]) == Answer(3, "f", None)
    assert Answer.parse(["v", "x", "f"]) is None  # a number that is not one
    assert Answer.parse(["v", "3"]) is None  # a required field missing
    assert Answer.parse(["v", "3", "f", "d", "extra"]) is None
    assert Answer.parse(["w", "3", "f"]) is None  # another kind's prefix
    assert ReviewOp(5, "s").payload() == "r:5:s"


def test_tampering_and_oversize_are_refused() -> None:
    data = ConfirmDelete(7, "n").data(KEY, 42)
    assert verify((KEY,), 42, data.replace(":n|", ":y|")) is None
    assert verify((KEY,), 42, None) is None and verify((KEY,), 42, "no-signature") is None
    with pytest.raises(ValueError):
        sign(KEY, 1, "x" * 60)


def test_buttons_are_immutable_values() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ListPage(1).page = 2  # type: ignore[misc]
