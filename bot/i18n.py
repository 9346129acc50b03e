"""The bot's three languages: gettext catalogues (bot/locale/<lang>/LC_MESSAGES/calledit.po) compiled in
memory with Babel when first needed, the language of the update or job being handled, and dates and
numbers written the way that language writes them.

The .po files are the only form the catalogues take in the repository: they are compiled at run time
(a few milliseconds, once per language) so no compiled .mo can go stale or be forgotten by an install.
The current language is a context variable: each update and each job runs in its own asyncio task (a
copy of the context), so setting it at the start of an update's handling (bot/languages.py) or around
one chat's message in a job never leaks into another chat's."""

from __future__ import annotations

import functools
import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from tracker.chats import DEFAULT_LANGUAGE as DEFAULT
from tracker.chats import LANGUAGES  # English is the source language: its msgids are the words

DOMAIN = "calledit"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
NATIVE_NAMES = {"en": "English", "ru": "Русский", "uk": "Українська"}

# "пт, 31 окт. 2025 г." / "пт, 31 жовт. 2025 р.": CLDR's abbreviated day and month with the year word.
DATE_PATTERNS = {"ru": "EEE, d MMM y 'г.'", "uk": "EEE, d MMM y 'р.'"}
SHORT_MOMENT_PATTERNS = {"ru": "d MMM HH:mm", "uk": "d MMM HH:mm"}

_language: ContextVar[str] = ContextVar("calledit_language", default=DEFAULT)


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translation(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language (English and unknown codes: the source strings)."""
    if language == DEFAULT or language not in LANGUAGES:
        return gettext.NullTranslations()
    with po_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def current() -> str:
    """The language of the update or job being handled."""
    return _language.get()


def use(language: str) -> None:
    """Speak `language` for the rest of this task (an update's handling: its own task)."""
    _language.set(language if language in LANGUAGES else DEFAULT)


@contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Speak `language` inside the block: a job rendering one chat's message among others'."""
    token = _language.set(language if language in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _language.reset(token)


def telegram_language(code: str | None) -> str | None:
    """One of ours from a Telegram user's IETF language_code ("ru", "ru-RU", "uk", "en-GB"), else None."""
    if not code:
        return None
    base = code.replace("_", "-").split("-", 1)[0].lower()
    return base if base in LANGUAGES else None


def gettext_(text: str) -> str:
    return translation(_language.get()).gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a count-dependent phrase for n (Russian and Ukrainian have three)."""
    return translation(_language.get()).ngettext(singular, plural, n)


def fmt_date(day: date) -> str:
    """The one way a day is written: 'Fri 17 Oct 2025', 'пт, 17 окт. 2025 г.', 'пт, 17 жовт. 2025 р.'."""
    language = _language.get()
    if language in DATE_PATTERNS:
        return format_date(day, DATE_PATTERNS[language], locale=language)
    return f"{day:%a} {day.day} {day:%b %Y}"


def fmt_moment(moment: datetime) -> str:
    """A day and time in short: '17 Oct 14:05', '17 окт. 14:05' (the caller says which zone)."""
    language = _language.get()
    if language in SHORT_MOMENT_PATTERNS:
        return format_datetime(moment, SHORT_MOMENT_PATTERNS[language], tzinfo=moment.tzinfo, locale=language)
    return f"{moment:%d %b %H:%M}"


def fmt_number(n: float, digits: int = 0) -> str:
    """A number with the language's separators: '30,000' and '0.442' in English, '30 000' and '0,442' in
    Russian and Ukrainian."""
    language = _language.get()
    if language == DEFAULT or language not in LANGUAGES:
        return f"{n:,.{digits}f}"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(n, format=pattern, locale=language)
