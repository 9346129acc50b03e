"""What a language's deadline table tells the shared handlers: word stems and what they stand for."""

from __future__ import annotations

from dataclasses import dataclass

from dateutil.relativedelta import relativedelta


@dataclass(frozen=True)
class Vocabulary:
    """Word stems → values for one language; the handlers read matched groups through it."""
    lang: str
    months: tuple[tuple[str, int], ...]       # stem → month number
    weekdays: tuple[tuple[str, int], ...]     # stem → 0 (Monday) … 6
    seasons: tuple[tuple[str, int], ...]      # stem → first month of the season
    units: tuple[tuple[str, str], ...]        # stem → day/week/month/year/hour/halfyear/decade
    ordinals: tuple[tuple[str, int], ...]     # stem → 1…4 (quarters, halves)
    parts: tuple[tuple[str, str], ...]        # stem → early/mid/late
    next_words: tuple[str, ...]               # stems meaning "next" (следующ-, будущ-, наступн-)
    vague: tuple[tuple[str, relativedelta], ...]  # stem in the phrase → horizon
    days: tuple[tuple[str, int], ...]         # завтра → 1 …
