"""The language machinery: Telegram's language codes, the per-task language, dates and numbers per locale
(English exactly as before), and the words the /settings buttons carry."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

from bot import i18n
from bot.buttons import SettingsOp, sign
from bot.texts import _, fmt_date, fmt_moment, fmt_number


def test_telegram_language_codes() -> None:
    assert [i18n.telegram_language(c) for c in ("uk", "ru-RU", "en-GB", "RU", "be", "", None)] == [
        "uk", "ru", "en", "ru", None, None, None]


def test_dates_and_numbers_per_language() -> None:
    day, moment = date(2025, 10, 31), datetime(2025, 10, 17, 14, 5, tzinfo=UTC)
    assert (fmt_date(day), fmt_moment(moment), fmt_number(30000), fmt_number(0.442, 3)) == (
        "Fri 31 Oct 2025", "17 Oct 14:05", "30,000", "0.442")
    with i18n.speaking("ru"):
        assert fmt_date(day) == "пт, 31 окт. 2025 г."
        assert fmt_moment(moment) == "17 окт. 14:05"
        assert fmt_number(30000) == "30\xa0000" and fmt_number(0.442, 3) == "0,442"
    with i18n.speaking("uk"):
        assert fmt_date(day) == "пт, 31 жовт. 2025 р." and fmt_date(date(2025, 5, 2)) == "пт, 2 трав. 2025 р."
    with i18n.speaking("xx"):  # an unknown code speaks English
        assert fmt_date(day) == "Fri 31 Oct 2025" and _("Deadline passed") == "Deadline passed"


async def test_each_task_keeps_its_own_language() -> None:
    """Two chats' updates handled at once (each its own task) never swap languages."""

    async def speak(language: str) -> str:
        i18n.use(language)
        await asyncio.sleep(0.01)
        return _("Deadline passed")

    assert await asyncio.gather(speak("uk"), speak("ru"), speak("en")) == [
        "Термін минув", "Срок прошёл", "Deadline passed"]
    assert i18n.current() == "en"


def test_language_buttons_fit_telegrams_64_bytes() -> None:
    for code in i18n.LANGUAGES:
        assert len(sign(b"k" * 32, -1001234567890, SettingsOp("l", code).payload()).encode()) <= 64
    assert SettingsOp.parse(["s", "l", "uk"]) == SettingsOp("l", "uk")
    assert SettingsOp.parse(["s", "h"]) == SettingsOp("h")  # the old buttons still read
