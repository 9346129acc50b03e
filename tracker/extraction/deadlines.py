"""Time phrases → the last day by which a statement must have come true.

Everything is relative to the *publication* date, never to now. The grammar is built from
small named pieces (numbers, units, months, seasons, holidays, periods) and every rule says
which day it means; dateparser reads explicit calendar dates ("Nov. 3", "3 November 2026"),
where it is right, and the rules decide everything relative, where it is not (it reads
"within two weeks" backwards and has no notion of "by the end of the year").

Semantics (see README "Deadlines" for the table):
- "within/in N units", "over the next N units", "N units from now" → publication + N units.
- "by/before/no later than/until <date>" and a bare date → that date; no year → next occurrence.
- A named period ("next month", "in September", "in 2026", "this autumn", "Q1 next year",
  "the second half of the year") → its last day, rolled forward a year if already over.
- "by <season>" → the day the season starts (meteorological seasons, northern hemisphere).
- "early/mid/late <period>" → Apr 30 / Jun 30 / Dec 31 of a year; the 10th / 15th / last of a month.
- Holidays → their date (Easter computed, Thanksgiving the 4th Thursday of November).
- Weekdays ("next Tuesday", "by Friday") → the next such day strictly after publication.
- Vague phrases ("soon", "in the coming weeks", "within months") → VAGUE_HORIZONS, vague=True.
- No phrase at all → DEFAULT_HORIZON_DAYS, vague=True.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

DEFAULT_HORIZON_DAYS = 180


@dataclass(frozen=True)
class Deadline:
    date: date
    text: str
    vague: bool
    start: int = -1
    end: int = -1


# ---------------------------------------------------------------- vocabulary
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "a single": 1, "two": 2, "a couple of": 2, "a couple": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "eighteen": 18,
    "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60,
    "ninety": 90, "a hundred": 100, "one hundred": 100, "several": 3, "a few": 3,
}
FUZZY_NUMBERS = {"several", "a few"}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first month of each
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4, "last": 4}

# Vague phrases and the horizon each gets (our own choice, documented in the README).
VAGUE_HORIZONS: dict[str, relativedelta] = {
    "imminently": relativedelta(days=7),
    "any day now": relativedelta(days=14),
    "days": relativedelta(days=10),
    "soon": relativedelta(days=30),
    "weeks": relativedelta(weeks=6),
    "near": relativedelta(days=90),
    "months": relativedelta(months=6),
    "medium": relativedelta(years=2),
    "years": relativedelta(years=3),
    "long": relativedelta(years=5),
    "hours": relativedelta(days=2),
}

_NUM_ALT = "|".join(sorted((re.escape(k) for k in NUMBER_WORDS), key=len, reverse=True))
NUM = rf"(?:\d{{1,4}}|{_NUM_ALT})"
UNIT = r"(?:hours?|days?|weeks?|fortnights?|months?|years?|decades?|quarters?)"
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH = rf"(?:{_MONTH_ALT})\.?"
YEAR = r"(?:19|20)\d\d"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
SEASON = r"(?:spring|summer|autumn|fall|winter)"
BY = r"(?:by|before|until|till|through|no later than|not later than|at the latest by|in|during|within|for|on)"
REL_YEAR = r"(?:this year|next year|the year|the next year|the following year|the current year|" + YEAR + ")"


def unit_delta(unit: str, n: int) -> relativedelta:
    unit = unit.lower().rstrip("s")
    return {
        "hour": relativedelta(days=max(1, -(-n // 24))),
        "day": relativedelta(days=n),
        "week": relativedelta(weeks=n),
        "fortnight": relativedelta(weeks=2 * n),
        "month": relativedelta(months=n),
        "quarter": relativedelta(months=3 * n),
        "year": relativedelta(years=n),
        "decade": relativedelta(years=10 * n),
    }[unit]


def number_value(token: str) -> int:
    token = token.lower().strip()
    return int(token) if token.isdigit() else NUMBER_WORDS[token]


def _month_end(year: int, month: int) -> date:
    return date(year, month, 1) + relativedelta(months=1, days=-1)


def _resolve_year(word: str | None, pub: date) -> int | None:
    if word is None:
        return None
    word = word.lower()
    if re.fullmatch(YEAR, word):
        return int(word)
    if "next" in word or "following" in word:
        return pub.year + 1
    return pub.year


def _roll(make: Callable[[int], date], pub: date, explicit_year: bool) -> date:
    """The period's day in the publication year, or the next year's if that one is over."""
    day = make(pub.year)
    if not explicit_year and day < pub:
        day = make(pub.year + 1)
    return day


def _thanksgiving(year: int) -> date:
    """The fourth Thursday of November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _labor_day(year: int) -> date:
    """The first Monday of September."""
    first = date(year, 9, 1)
    return first + timedelta(days=(0 - first.weekday()) % 7)


# Holiday name prefix → its day in a year; checked in order, so "christmas eve" is tried before "christmas".
HOLIDAY_DAYS: tuple[tuple[str, Callable[[int], date]], ...] = (
    ("christmas eve", lambda year: date(year, 12, 24)),
    ("christmas", lambda year: date(year, 12, 25)),
    ("new year's eve", lambda year: date(year, 12, 31)),
    ("new year", lambda year: date(year + 1, 1, 1)),
    ("easter", lambda year: easter(year)),
    ("thanksgiving", _thanksgiving),
    ("halloween", lambda year: date(year, 10, 31)),
    ("independence day", lambda year: date(year, 7, 4)),
    ("valentine", lambda year: date(year, 2, 14)),
    ("labor day", _labor_day),
    ("labour day", _labor_day),
)


def _holiday(name: str, year: int) -> date:
    name = name.lower().replace("’", "'")
    for prefix, day in HOLIDAY_DAYS:
        if name.startswith(prefix):
            return day(year)
    raise KeyError(name)


HOLIDAY = (r"(?:christmas(?: eve| day)?|new year['’]s(?: day| eve)?|(?:the )?new year|easter(?: sunday)?|"
           r"thanksgiving(?: day)?|halloween|independence day|valentine['’]s day|labou?r day)")


# ---------------------------------------------------------------- explicit dates via dateparser
@lru_cache(maxsize=4096)
def dateparser_date(text: str, pub: date) -> date | None:
    import dateparser  # imported lazily: loading it costs ~0.3 s and /add rarely needs it

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day),
            "PREFER_DATES_FROM": "current_period",
            "REQUIRE_PARTS": ["day", "month"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed else None


def _explicit(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    body = m.group("date")
    if re.search(r"[A-Za-z]", body):
        body = re.sub(r"\b\d{1,2}(?:st|nd|rd|th)?\s*[-–]\s*(?=\d)", "", body)  # "Sept. 22-23": the last day
    cleaned = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", body, flags=re.I).replace(".", " ")
    parsed = dateparser_date(cleaned, pub)
    if parsed is None:
        return None, False
    if not re.search(YEAR, body) and parsed < pub:
        parsed = parsed.replace(year=parsed.year + 1) if not (parsed.month == 2 and parsed.day == 29) \
            else parsed + relativedelta(years=1)
    return parsed, False


# ---------------------------------------------------------------- rule handlers
Handler = Callable[[re.Match[str], date], tuple[date | None, bool]]


def _relative(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    n_text = m.group("n")
    n = number_value(m.group("n2") or n_text)
    vague = n_text.lower() in FUZZY_NUMBERS
    return pub + unit_delta(m.group("unit"), n), vague


# Which horizon a vague phrase gets: the first row whose words it contains, in this order.
VAGUE_KEYS: list[tuple[tuple[str, ...], str]] = [
    (("imminent",), "imminently"),
    (("any day",), "any day now"),
    (("hour",), "hours"),
    (("day",), "days"),
    (("week",), "weeks"),
    (("month",), "months"),
    (("medium",), "medium"),
    (("year",), "years"),
    (("near", "short term", "due course", "foreseeable"), "near"),
    (("long", "eventually", "future", "some point", "sooner or later", "down the road"), "long"),
]


def _vague(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    text = m.group(0).lower()
    key = next((k for words, k in VAGUE_KEYS if any(w in text for w in words)), "soon")
    return pub + VAGUE_HORIZONS[key], True


def _period_end(kind: str, which: str, pub: date) -> date:
    """Last day of this/next week, month, quarter, year, decade."""
    nxt = which in {"next", "following", "coming"}
    if kind == "week":
        end = pub + timedelta(days=6 - pub.weekday())
        return end + timedelta(days=7) if nxt else end
    if kind == "weekend":
        end = pub + timedelta(days=6 - pub.weekday())
        return end + timedelta(days=7) if nxt else end
    if kind == "month":
        base = pub + relativedelta(months=1) if nxt else pub
        return _month_end(base.year, base.month)
    if kind == "quarter":
        q_end_month = ((pub.month - 1) // 3 + 1) * 3
        end = _month_end(pub.year, q_end_month)
        return _month_end((end + relativedelta(months=3)).year, (end + relativedelta(months=3)).month) if nxt \
            else end
    if kind == "year":
        return date(pub.year + (1 if nxt else 0), 12, 31)
    if kind == "decade":
        return date(pub.year // 10 * 10 + 9 + (10 if nxt else 0), 12, 31)
    raise KeyError(kind)


def _named(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    text = re.sub(r"\s+", " ", m.group(0).lower())
    if "day after tomorrow" in text:
        return pub + timedelta(days=2), False
    if "tomorrow" in text:
        return pub + timedelta(days=1), False
    if re.search(r"\b(?:today|tonight|morning|afternoon|evening|noon|midday|midnight)\b", text):
        return pub, False
    if "coming year" in text or "next twelve months" in text or "next 12 months" in text:
        return pub + relativedelta(years=1), False
    if ("weekend" in text and "next" not in text) or "rest of the week" in text:
        return pub + timedelta(days=6 - pub.weekday()), False  # the Sunday ending this week
    if "rest of the year" in text or "later in the year" in text:
        return date(pub.year, 12, 31), False
    kind_m = re.search(r"(weekend|week|month|quarter|year|decade)", text)
    assert kind_m is not None
    which = "next" if re.search(r"\b(next|following|coming)\b", text) else "this"
    return _period_end(kind_m.group(1), which, pub), False


def _end_of(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    text = m.group(0).lower()
    target = m.group("target").lower().strip()
    qm = re.fullmatch(r"(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+(quarter|half)"
                      r"(?:\s+(?:of\s+)?(.+))?", target)
    if qm:
        q = ORDINALS[qm.group(1)]
        month = (6 if q == 1 else 12) if qm.group(2) == "half" else q * 3
        year = _resolve_year(qm.group(3).replace("the year", "this year") if qm.group(3) else None, pub)
        if year is not None:
            return _month_end(year, month), False
        return _roll(lambda y: _month_end(y, month), pub, False), False
    if re.fullmatch(YEAR, target):
        return date(int(target), 12, 31), False
    mm = re.fullmatch(rf"({MONTH})(?:\s+({YEAR}))?", target)
    if mm:
        month = MONTHS[mm.group(1).rstrip(".")]
        if mm.group(2):
            return _month_end(int(mm.group(2)), month), False
        return _roll(lambda y: _month_end(y, month), pub, False), False
    sm = re.fullmatch(rf"(?:(this|next|the)\s+)?({SEASON})(?:\s+(?:of\s+)?({YEAR}))?", target)
    if sm:
        return _season_end(sm.group(2), sm.group(1), sm.group(3), pub), False
    which = "next" if re.search(r"\bnext\b", target) else "this"
    kind = re.search(r"(week|month|quarter|year|decade)", target)
    if kind is None:
        return None, False
    if "year" in text and "school" in text:
        return None, False
    return _period_end(kind.group(1), which, pub), False


def _season_end(season: str, which: str | None, year_s: str | None, pub: date) -> date:
    start_month = SEASONS[season.lower()]
    if year_s:
        year = int(year_s)
        return _month_end(year + (1 if start_month == 12 else 0), (start_month + 2 - 1) % 12 + 1)

    def make(y: int) -> date:
        end = date(y, start_month, 1) + relativedelta(months=3, days=-1)
        return end

    end = min(d for d in (make(pub.year - 1), make(pub.year), make(pub.year + 1)) if d >= pub)
    if which and which.lower() == "next":
        # "next summer" when it is not summer now is the coming one; during summer, the one after.
        start = end - relativedelta(months=3) + relativedelta(days=1)
        if start <= pub:
            end = make(end.year + 1)
    return end


def _season(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    prep = (m.group("prep") or "").lower()
    if not (prep or m.group("which") or m.group("year")):
        return None, False  # a bare "fall" is a verb far more often than a season
    season = m.group("season")
    year_s = m.group("year")
    which = m.group("which") or (prep if prep in {"this", "next"} else None)
    if m.group("rel"):
        year_s = str(pub.year + (0 if "this" in m.group("rel").lower() else 1))
    start_month = SEASONS[season.lower()]
    if prep.startswith(("by", "before", "until", "till")):
        if year_s:
            return date(int(year_s), start_month, 1), False
        first = _roll(lambda y: date(y, start_month, 1), pub, False)
        if (which or "").lower() == "next" and first <= pub + relativedelta(months=1):
            first = date(first.year + 1, start_month, 1)
        return first, False
    return _season_end(season, which, year_s, pub), False


def _month(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    month = MONTHS[m.group("month").lower().rstrip(".")]
    year_s = m.group("year")
    if year_s:
        return _month_end(int(year_s), month), False
    if (m.group("which") or "").lower() == "next":
        end = _roll(lambda y: _month_end(y, month), pub, False)
        return (end if end.month != pub.month or end.year != pub.year else _month_end(pub.year + 1, month)), False
    return _roll(lambda y: _month_end(y, month), pub, False), False


def _year(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    year = int(m.group("year"))
    if m.group(0).lower().startswith("before"):
        return date(year - 1, 12, 31), False  # "before 2027": by the end of 2026
    return date(year, 12, 31), False


def _part(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    part = m.group("part").lower()
    target = m.group("target").lower()
    early = part in {"early", "the start of", "the beginning of", "start of", "beginning of", "early in"}
    mid = part in {"mid", "the middle of", "middle of", "mid-", "mid in"} or part.startswith("mid")
    mm = re.fullmatch(rf"({MONTH})(?:\s+({YEAR}))?", target)
    if mm:
        month = MONTHS[mm.group(1).rstrip(".")]
        day_of = (lambda y: date(y, month, 10)) if early else (lambda y: date(y, month, 15)) if mid \
            else (lambda y: _month_end(y, month))
        if mm.group(2):
            return day_of(int(mm.group(2))), False
        return _roll(day_of, pub, False), False
    if "month" in target:
        base = pub + relativedelta(months=1) if "next" in target else pub
        d = date(base.year, base.month, 10) if early else date(base.year, base.month, 15) if mid \
            else _month_end(base.year, base.month)
        return d, False
    year = _resolve_year(target.replace("the year", "this year"), pub)
    if year is None:
        return None, False
    if early:
        return date(year, 4, 30), False
    if mid:
        return date(year, 6, 30), False
    return date(year, 12, 31), False


def _quarter(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    text = m.group(0).lower()
    if m.group("qm"):
        q = MONTHS[m.group("qm").lower()] // 3
        text = text.replace(m.group("qm").lower(), "")
    else:
        q_word = m.group("q") or m.group("q2")
        if q_word.lower() in {"h1", "h2"}:
            q, text = int(q_word[-1]), text + " half"
        else:
            q = int(q_word[-1]) if q_word.lower().startswith("q") else ORDINALS[q_word.lower()]
    year = _resolve_year(m.group("qyear"), pub)
    explicit = year is not None
    month = (6 if q == 1 else 12) if "half" in text else q * 3
    if explicit:
        assert year is not None
        return _month_end(year, month), False
    return _roll(lambda y: _month_end(y, month), pub, False), False


def _weekday(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    wd = WEEKDAYS[m.group("wd").lower()]
    ahead = (wd - pub.weekday()) % 7 or 7
    return pub + timedelta(days=ahead), False


def _holiday_rule(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    name = m.group("hol")
    year_s = m.group("year")
    if year_s:
        return _holiday(name, int(year_s)), False
    return _roll(lambda y: _holiday(name, y), pub, False), False


def _year_end(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    year_s = m.group("year")
    return date(int(year_s) if year_s else pub.year, 12, 31), False


def _anchor_day(text: str, pub: date) -> date | None:
    """The day an event phrase ends on: 'on 1 July', 'on 9 May 2026', 'Friday' (the next one)."""
    wd = re.search(rf"\b({WEEKDAY})\b", text, re.I)
    if wd and not re.search(r"\d", text):
        ahead = (WEEKDAYS[wd.group(1).lower()] - pub.weekday()) % 7 or 7
        return pub + timedelta(days=ahead)
    cleaned = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text, flags=re.I).replace(".", " ")
    cleaned = re.sub(r"^\s*(?:on|of|the)\s+", "", cleaned, flags=re.I)
    day = dateparser_date(cleaned.strip(), pub)
    if day is not None and not re.search(YEAR, text) and day < pub:
        day = day.replace(year=day.year + 1) if not (day.month == 2 and day.day == 29) \
            else day + relativedelta(years=1)
    return day


def _after_event(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    """'within 60 days of the law taking effect on 1 July', 'ten days from Friday': counted from that day."""
    base = _anchor_day(m.group("anchor"), pub)
    if base is None:
        return None, False
    if m.group("unit").lower().startswith("hour"):
        # "within three hours of polls closing on …"
        return base + timedelta(days=number_value(m.group("n")) // 24), False
    return base + unit_delta(m.group("unit"), number_value(m.group("n"))), False


_ANCHOR = (rf"(?:on\s+)?(?:{MONTH}\s+{DAY}(?:,?\s+{YEAR})?|(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?)"
           rf"|(?:(?:on|next|this)\s+)?{WEEKDAY}")


def _next_day_of_month(day: int, pub: date) -> date | None:
    for months in range(0, 13):
        base = pub + relativedelta(months=months)
        try:
            candidate = date(base.year, base.month, day)
        except ValueError:
            continue
        if candidate > pub:
            return candidate
    return None


def _fiscal(phrase: str, year_s: str | None, pub: date, fiscal_end: tuple[int, int] | None) -> date:
    """'fiscal 2026', 'FY2026', 'the current fiscal year', 'next fiscal year': the fiscal year's last day,
    named by the calendar year it ends in; the text says when that is, else 31 December."""
    month, day = fiscal_end or (12, 31)
    if year_s:
        year = int(year_s) if len(year_s) == 4 else 2000 + int(year_s)
        return date(year, month, day)
    end = date(pub.year, month, day)
    if end < pub:
        end = date(pub.year + 1, month, day)
    if re.search(r"\b(?:next|following|coming)\b", phrase, re.I):
        end = date(end.year + 1, month, day)
    return end


FISCAL_END = re.compile(
    rf"fiscal year,?\s+(?:that\s+|which\s+)?(?:for [\w’' -]{{1,30}}?\s+)?(?:ends|ending|ended|runs through|runs to|"
    rf"closes)\s+(?:on\s+|in\s+)?"
    rf"(?:(?P<day1>{DAY})\s+(?P<month1>{MONTH})|(?P<month2>{MONTH})(?:\s+(?P<day2>{DAY}))?)", re.I)


def fiscal_year_end(text: str) -> tuple[int, int] | None:
    """(month, day) a text gives for its fiscal year's end ('a fiscal year that ends in June')."""
    m = FISCAL_END.search(text)
    if not m:
        return None
    month = MONTHS[(m.group("month1") or m.group("month2")).lower().rstrip(".")]
    day_s = m.group("day1") or m.group("day2")
    day = int(re.sub(r"\D", "", day_s)) if day_s else _month_end(2001, month).day
    return month, day


FISCAL_STATED = re.compile(
    rf",?\s*(?:(?:which|that)\s+)?(?:for [\w’' -]{{1,30}}?\s+)?(?:ends|ending|ended|closes|runs to|runs through|"
    rf"the year to|the year ending|to)\s+(?:on\s+|in\s+)?(?P<date>{MONTH}(?:\s+{DAY})?(?:,?\s+{YEAR})?|"
    rf"{DAY}\s+{MONTH}(?:,?\s+{YEAR})?)(?![\w])", re.I)
FISCAL = re.compile(
    rf"(?<![\w-])(?:(?:by|before|in|during|for|through|until)\s+)?(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?"
    rf"(?P<fy>{YEAR})|FY\s?-?(?P<fy2>{YEAR}|\d\d)|(?:current|this|next|coming|following)\s+(?:fiscal|financial)\s+year"
    rf"|(?:the\s+)?(?:fiscal|financial)[- ]year(?=\s+ending\b|\s*,?\s+which\b)"
    rf"|(?:fiscal|financial)[- ]year[- ]end)(?![\w])",
    re.I)


# ---------------------------------------------------------------- the rules, most specific first
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.IGNORECASE)


RULES: list[tuple[str, re.Pattern[str], Handler]] = [
    ("after_event", _rx(
        rf"(?:(?:within|in|no later than|no more than)\s+)?(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+"
        rf"(?:of|after|from|following)\s+(?!now\b|today\b)(?:[^;.]{{0,80}}?\s)??(?P<anchor>{_ANCHOR})"
    ), _after_event),
    ("after_undated_event", _rx(
        rf"(?:within|in|no later than|no more than)\s+(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?:of|after|following)\s+"
        rf"(?!now\b|today\b|the\s+(?:date|start|end)\b)(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+(?:ing|ion|al|ence|ance|ment|vote|"
        rf"referendum|election|deal|launch|ceasefire|office|power|ruling|verdict|signing|return)\b"
    ), lambda m, pub: (pub + timedelta(days=DEFAULT_HORIZON_DAYS), True)),
    ("before_event_on", _rx(
        rf"(?:before|by|until|ahead of)\s+[^,;.]{{3,50}}?\s+on\s+(?P<anchor>{MONTH}\s+{DAY}(?:,?\s+{YEAR})?|"
        rf"(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?)"
    ), lambda m, pub: (_anchor_day(m.group("anchor"), pub), False)),
    ("decade", _rx(r"(?:over|within|in|during|for)\s+(?:the\s+)?(?:next|coming|a|at least another|another)\s+decade"),
     lambda m, pub: (pub + relativedelta(years=10), False)),
    ("next_unit", _rx(r"(?:in|within|over|during)\s+the\s+(?:next|coming)\s+(?P<unit>fortnight|week|month|year)"),
     lambda m, pub: (pub + unit_delta(m.group("unit"), 1), False)),
    ("period_stated", _rx(
        rf"(?:fiscal\s+)?(?:first|second|third|fourth|final)[\s-]+(?:fiscal\s+)?(?:quarter|half)\s*,?\s+which\s+"
        rf"(?:for\s+\w+\s+)?(?:closes|ends)\s+(?:on\s+)?(?P<anchor>{MONTH}\s+{DAY}(?:,?\s+{YEAR})?|{DAY}\s+{MONTH}(?:,?\s+{YEAR})?)"
    ), lambda m, pub: (_anchor_day(m.group("anchor"), pub), False)),
    ("first_day", _rx(r"(?:on|by|from)\s+the\s+first\s+day\s+of\s+(?:the|next)\s+year"),
     lambda m, pub: (date(pub.year + 1, 1, 1), False)),
    ("day_of_month", _rx(r"(?:on|by|before|until|from)\s+the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?"
                         + MONTH + r")"), lambda m, pub: (_next_day_of_month(int(m.group("d")), pub), False)),
    ("that_date", _rx(
        rf"(?P<anchor>{_ANCHOR})[^.;]{{0,120}}?(?:within|in)\s+(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?:of|after)\s+"
        rf"(?:that|this|the same)\s+(?:date|day)"), _after_event),
    ("full_year", _rx(r"(?:for|in|over)\s+the\s+(?:full|whole|entire)\s+year|full-year"),
     lambda m, pub: (date(pub.year, 12, 31), False)),
    ("clock", _rx(r"(?:by|before|after|at|until|from|around)\s+(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2})"
                  r"(?!\s+on\b)"),
     lambda m, pub: (pub, False)),
    ("midyear", _rx(r"(?:by|in|before|at)\s+mid-?year"),
     lambda m, pub: (_roll(lambda y: date(y, 6, 30), pub, False), False)),
    ("explicit", _rx(
        rf"(?:{BY}\s+(?:the\s+)?)?(?:{WEEKDAY},?\s+)?(?P<date>{YEAR}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/{YEAR}|"
        rf"{MONTH}\s+(?:{DAY}\s*[-–]\s*)?{DAY}(?:,?\s+{YEAR})?|(?:the\s+)?(?:{DAY}\s*[-–]\s*)?{DAY}\s+(?:of\s+)?{MONTH}"
        rf"(?:,?\s+{YEAR})?)"
    ), _explicit),
    ("end_of", _rx(
        rf"(?:{BY}\s+|at\s+)?(?:the\s+)?(?:very\s+)?end(?:\s+of|-)\s*(?P<target>(?:the|this|next)\s+"
        rf"(?:week|month|quarter|year|decade|calendar year|fiscal year|{SEASON})|{MONTH}(?:\s+{YEAR})?|"
        rf"{YEAR}|{SEASON}(?:\s+{YEAR})?|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|half)"
        rf"(?:\s+(?:of\s+)?(?:this year|next year|the year|{YEAR}))?)"
    ), _end_of),
    ("year_end", _rx(rf"(?:{BY}\s+)?(?:(?P<year>{YEAR})\s+)?(?:the\s+)?(?:year[- ]end|year['’]s end|end[- ]year)"),
     _year_end),
    ("part", _rx(
        rf"(?:{BY}\s+)?(?P<part>early|late|mid|the middle of|middle of|the start of|the beginning of|"
        rf"start of|beginning of)(?:\s+|-)(?:in\s+)?(?P<target>(?:this|next|the)\s+(?:year|month)|{YEAR}|"
        rf"{MONTH}(?:\s+{YEAR})?)"
    ), _part),
    ("quarter", _rx(
        rf"(?:{BY}\s+)?(?:the\s+)?(?:(?:calendar\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
        rf"[\s-]+(?:quarter|half)|(?P<q2>q[1-4]|h[12])|(?P<qm>march|june|september|december)[\s-]+quarter)"
        rf"(?:\s+(?:of\s+)?(?P<qyear>{REL_YEAR}))?"
    ), _quarter),
    ("range", _rx(
        rf"(?:within|in|inside|over the next|in the next|during the next|the next)\s+(?P<n>{NUM})"
        rf"(?:\s*(?:to|-|–|or)\s*(?P<n2>{NUM}))\s+(?P<unit>{UNIT})"
    ), _relative),
    ("relative", _rx(
        rf"(?:(?:within|in|inside|over the next|in the next|during the next|over the coming|in the coming|"
        rf"the next|for the next|no more than|less than)\s+)(?P<n>{NUM})(?P<n2>)\s+(?P<unit>{UNIT})(?:['’]s?\s+time)?"
        rf"|(?P<n_b>{NUM})\s+(?P<unit_b>{UNIT})\s+from\s+(?:now|today)"
    ), lambda m, pub: _relative_b(m, pub)),
    ("vague", _rx(
        r"soon|shortly|imminently|imminent|before long|any day now|anytime soon|in the near(?:er)? future|"
        r"in the near term|near-term|in the short term|in the medium term|in the long(?:er)? (?:run|term)|"
        r"eventually|in the future|at some point|sooner or later|down the road|in due course|"
        r"in the foreseeable future|(?:in|over|during|within) the (?:coming|next (?:few|several)|following) "
        r"(?:hours|days|weeks|months|years)|(?:in|over|during) (?:the )?(?:next|coming) few (?:hours|days|weeks|"
        r"months|years)|within (?:hours|days|weeks|months|years)|in (?:a matter of )?(?:hours|days|weeks|months)"
    ), _vague),
    ("named", _rx(
        r"(?:by|before|until|within|in|during|over|for)?\s*(?:the\s+)?(?:day after tomorrow|"
        r"tomorrow(?: (?:morning|afternoon|evening|night))?|tonight|later today|today|the rest of the week|"
        r"(?:through|over|into|during|by)\s+the\s+weekend|"
        r"this (?:morning|afternoon|evening)|(?:by|before|until) (?:the )?(?:afternoon|evening)|"
        r"(?:at|by|before|until) (?:noon|midday|midnight)(?!\s+on\b)|"
        r"later (?:this|in the) (?:week|month|year)|the rest of the year|"
        r"(?:this|next|the following|the coming|the current)\s+(?:weekend|week|month|quarter|year|decade)|"
        r"next\s+(?:twelve|12)\s+months)"
    ), _named),
    ("holiday", _rx(
        rf"(?:(?:by|before|until|at|for|on|over|around|ahead of|in time for)\s+)?(?P<hol>{HOLIDAY})"
        rf"(?:\s+(?P<year>{YEAR}))?"
    ), _holiday_rule),
    ("season", _rx(
        rf"(?:(?P<prep>by|before|until|till|in|during|over|through|this|next)\s+)?(?:(?P<which>this|next)\s+|the\s+)?"
        rf"(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR})"
        rf"|\s+of\s+(?P<rel>next year|the following year|this year))?"
        rf"(?!\s+(?:recess|break|holidays?|transfer window|window|session|term|months|schedule|timetable)\b)"
    ), _season),
    ("season_for", _rx(rf"for\s+the\s+(?P<season>{SEASON})\s+of\s+(?P<rel>next year|the following year|this year)"),
     lambda m, pub: (_season_end(m.group("season"), None, str(pub.year + (0 if "this" in m.group("rel").lower()
                                                                           else 1)), pub), False)),
    ("month", _rx(
        rf"(?:by|before|until|till|in|during|through|for|this|next|come|from|starting in|starting|into|"
        rf"as early as|as soon as|as late as|around|no later than)\s+"
        rf"(?:(?P<which>this|next)\s+)?(?P<month>{MONTH})(?:\s+(?P<year>{YEAR}))?(?!\s+\d)"
    ), _month),
    ("year", _rx(rf"(?:by|before|until|till|in|during|through|throughout|for|into|in the year|by the year|"
                 rf"over the course of|in the course of|across)\s+(?:at\s+least\s+)?"
                 rf"(?P<year>{YEAR})"),
     _year),
    ("half_month", _rx(rf"(?:in|by|during)?\s*(?:the\s+)?(?P<half>first|second)\s+half\s+of\s+(?P<month>{MONTH})"),
     lambda m, pub: (_roll(lambda y: date(y, MONTHS[m.group("month").lower().rstrip(".")], 15)
                           if m.group("half").lower() == "first"
                           else _month_end(y, MONTHS[m.group("month").lower().rstrip(".")]), pub, False), False)),
    ("event_which", _rx(rf"before\s+[A-Z][\w'’ -]{{2,40}},\s+which\s+(?:begins|starts|falls|opens|is due)\s+"
                        rf"(?:around\s+|on\s+)?(?P<anchor>{MONTH}\s+{DAY}(?:,?\s+{YEAR})?|{DAY}\s+{MONTH}(?:,?\s+{YEAR})?)"),
     lambda m, pub: (_anchor_day(m.group("anchor"), pub), False)),
    ("month_adjective", _rx(rf"(?:in|at|by|before|until)\s+(?:the|its|their)\s+(?P<month>{MONTH})\s+(?=[A-Z])"),
     lambda m, pub: (_roll(lambda y: _month_end(y, MONTHS[m.group("month").lower().rstrip(".")]), pub, False), False)),
    ("month_event", _rx(rf"(?:at|before|after|by|until|in)\s+(?:(?:the|its|their)\s+)?(?P<month>{MONTH})\s+"
                        rf"(?:meeting|session|summit|vote|election|review|sitting|auction|hearing|board meeting|"
                        rf"policy meeting)"),
     lambda m, pub: (_roll(lambda y: _month_end(y, MONTHS[m.group("month").lower().rstrip(".")]), pub, False), False)),
    ("weekday", _rx(rf"(?:(?:by|before|until|on|next|this|coming|this coming|from|starting|as of|beginning|"
                    rf"at least)\s+)+"
                    rf"(?P<wd>{WEEKDAY})(?!,?\s+(?:\d|{MONTH}\b))"), _weekday),
]


def _relative_b(m: re.Match[str], pub: date) -> tuple[date | None, bool]:
    if m.group("n_b"):
        n_text = m.group("n_b")
        return pub + unit_delta(m.group("unit_b"), number_value(n_text)), n_text.lower() in FUZZY_NUMBERS
    return _relative(m, pub)


def _needs_capital_may(m: re.Match[str], text: str) -> bool:
    """'may' is a modal unless written 'May' (the month)."""
    body = m.group(0)
    idx = body.lower().find("may")
    return idx >= 0 and re.search(r"\bmay\b", body.lower()) is not None and "May" not in body


def _fiscal_day(m: re.Match[str], text: str, published: date, fiscal_end: tuple[int, int] | None) -> date | None:
    """The last day of a fiscal year phrase: the end the text states right after it ("fiscal 2027, which ends
    in December"), else the one the text's fiscal calendar gives, else None (no calendar known)."""
    fy = m.group("fy") or m.group("fy2")
    stated = FISCAL_STATED.match(text, m.end())
    if not stated:
        return _fiscal(m.group(0), fy, published, fiscal_end) if fiscal_end is not None else None
    when = stated.group("date")
    if not re.search(YEAR, when) and fy:
        when = f"{when} {fy if len(fy) == 4 else '20' + fy}"  # "fiscal 2027, which ends in December"
    day = _anchor_day(when, published)
    if day is not None and not re.search(r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b",
                                         re.sub(YEAR, "", when)):
        day = _month_end(day.year, day.month)  # "which ends in March 2028"
    return day


def _fiscal_phrases(text: str, published: date,
                    fiscal_end: tuple[int, int] | None) -> list[tuple[int, int, str, Deadline]]:
    """Fiscal year phrases whose last day is known, as (start, end, rule name, deadline) candidates."""
    found: list[tuple[int, int, str, Deadline]] = []
    for m in FISCAL.finditer(text):
        day = _fiscal_day(m, text, published, fiscal_end)
        if day is not None:
            found.append((m.start(), m.end(), "fiscal", Deadline(day, m.group(0).strip(), False, m.start(), m.end())))
    return found


def _rule_deadline(m: re.Match[str], text: str, published: date, handler: Handler) -> Deadline | None:
    """What one grammar rule's match means, or None when it means no day (a modal 'may', a day that does
    not exist, a rule that declines)."""
    if m.group(0).strip() == "" or _needs_capital_may(m, text):
        return None
    try:
        day, vague = handler(m, published)
    except (KeyError, ValueError, OverflowError):
        return None
    if day is None:
        return None
    start, end = m.span()
    phrase = text[start:end].strip()
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    return Deadline(day, phrase, vague, start + lead, end)


def _rule_phrases(text: str, published: date) -> list[tuple[int, int, str, Deadline]]:
    """Every match of every grammar rule that resolves to a day, overlapping ones included."""
    found: list[tuple[int, int, str, Deadline]] = []
    for name, rx, handler in RULES:
        for m in rx.finditer(text):
            d = _rule_deadline(m, text, published, handler)
            if d is not None:
                found.append((d.start, d.end, name, d))
    return found


def _longest_first(found: list[tuple[int, int, str, Deadline]]) -> list[Deadline]:
    """Longest match wins where phrases overlap; rules are ordered so ties go to the more specific one.
    The winners, left to right."""
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    chosen: list[tuple[int, int, str, Deadline]] = []
    for cand in found:
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda f: f[0])
    return [c[3] for c in chosen]


def find_deadlines(text: str, published: date, fiscal_end: tuple[int, int] | None = None) -> list[Deadline]:
    """Every time phrase in `text` with its resolved day, left to right, non-overlapping."""
    found = _fiscal_phrases(text, published, fiscal_end) + _rule_phrases(text, published)
    if fiscal_end is not None:
        for i, (start, end, name, d) in enumerate(found):
            if name == "end_of" and "fiscal" in d.text.lower():  # "by the end of the fiscal year"
                found[i] = (start, end, name, replace(d, date=_fiscal(d.text, None, published, fiscal_end)))
    return _longest_first(found)


def default_deadline(published: date) -> Deadline:
    return Deadline(published + timedelta(days=DEFAULT_HORIZON_DAYS), "", True)


def pick_deadline(text: str, published: date, anchor: int = 0, fiscal_end: tuple[int, int] | None = None,
                  skip: Callable[[str, Deadline], bool] | None = None) -> Deadline:
    """The phrase that governs a claim: the first one from `anchor` on that is not in the past,
    else the nearest one before it; without any, the default horizon. `skip` drops phrases that
    are times of speech or of past events ("said on Tuesday", "the forecast it gave in May")."""
    future = [d for d in find_deadlines(text, published, fiscal_end) if d.date >= published
              and not (skip and skip(text, d))]
    after = [d for d in future if d.start >= anchor]
    if len(after) > 1 and re.match(r"for\s", after[0].text, re.I):
        after = after[1:]  # "cut its forecast for this year at the next meeting in August"
    if after:
        return after[0]
    if future:
        return future[-1]
    return default_deadline(published)


def parse_deadline_phrase(phrase: str, published: date) -> Deadline | None:
    """An English phrase ("in 2 weeks", "by March 2026", "2026-01-31"): its deadline, or None. What users
    type in any language goes through tracker.extraction.typed."""
    phrase = phrase.strip().rstrip(".")
    if not phrase:
        return None
    candidates = find_deadlines(phrase, published)
    if not candidates:
        return None
    best = max(candidates, key=lambda d: d.end - d.start)
    return replace(best, start=-1, end=-1)
