"""Which language a text is in, and whether the extractor can read it (English, Russian, Ukrainian).

`detect` is a letter count, not a model: a text whose letters are mostly Latin is English (the extractor has
no other Latin-script rules, so a French text is read as English as before); mostly Cyrillic is Russian or
Ukrainian. The two share most letters, but each has letters the other never uses — і ї є ґ are Ukrainian
only, ы э ъ ё Russian only — so a count of those decides nearly every text of a sentence or more. A short or
mixed text (a quoted name, a headline of proper nouns) falls back to frequent function words, then to
Russian (the larger audience; and the Russian rules read Ukrainian better than the reverse). Other scripts
(Greek, Arabic, Hebrew, CJK…) are None: the bot says what it reads instead of "no statements".
"""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["en", "ru", "uk"]
LANGUAGES: tuple[Language, ...] = ("en", "ru", "uk")

LATIN_MAX = 0x024F  # Basic Latin to Latin Extended-B
UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
RUSSIAN_ONLY = set("ыэъёЫЭЪЁ")
# Short words that are common in one language and absent (or rare) in the other: the tiebreak when the
# letters alone do not decide (e.g. a headline without і/ы).
UKRAINIAN_WORDS = frozenset({"що", "як", "та", "це", "від", "до", "про", "за", "він", "вона", "вони", "був",
                             "буде", "також", "році", "року", "його", "її", "але", "чи", "щоб", "уже", "вже",
                             "й", "з", "із", "зі", "у", "між", "після", "коли", "цього", "яка", "який"})
RUSSIAN_WORDS = frozenset({"что", "как", "это", "от", "до", "про", "за", "он", "она", "они", "был", "будет",
                           "также", "году", "года", "его", "ее", "но", "ли", "чтобы", "уже", "с", "со", "в",
                           "между", "после", "когда", "этого", "какая", "какой", "и", "не", "на", "по"})
_WORD = re.compile(r"[^\W\d_]+")


def _is_cyrillic(ch: str) -> bool:
    return 0x0400 <= ord(ch) <= 0x04FF


def detect(text: str) -> Language | None:
    """'en', 'ru', 'uk', or None for a text mostly in another script. A text without letters is 'en'."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return "en"
    latin = sum(1 for ch in letters if ord(ch) <= LATIN_MAX)
    cyrillic = sum(1 for ch in letters if _is_cyrillic(ch))
    if latin >= cyrillic and latin / len(letters) >= 0.5:
        return "en"
    if cyrillic / len(letters) < 0.5:
        return None
    return _russian_or_ukrainian(text)


def _russian_or_ukrainian(text: str) -> Language:
    uk = sum(1 for ch in text if ch in UKRAINIAN_ONLY)
    ru = sum(1 for ch in text if ch in RUSSIAN_ONLY)
    if uk != ru and (uk >= 2 * ru + 1 or ru >= 2 * uk + 1):
        return "uk" if uk > ru else "ru"
    words = [w.lower() for w in _WORD.findall(text)]
    uk_words = sum(1 for w in words if w in UKRAINIAN_WORDS and w not in RUSSIAN_WORDS)
    ru_words = sum(1 for w in words if w in RUSSIAN_WORDS and w not in UKRAINIAN_WORDS)
    if uk_words != ru_words:
        return "uk" if uk_words > ru_words else "ru"
    return "uk" if uk > ru else "ru"


def readable(text: str) -> bool:
    """True when the extractor reads the text's language (English, Russian or Ukrainian)."""
    return detect(text) is not None
