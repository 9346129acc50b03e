"""Russian and Ukrainian time phrases → the day a claim falls due, on the English grammar's semantics
(tests/eval/GUIDE.md's table): "в течение двух недель" / "протягом двох тижнів" +14 days, "до конца года" /
"до кінця року" 31 Dec, "в декабре" / "у грудні" the month's last day (next year's if December is over),
"к весне" / "до весни" the first day of spring, "в ближайшее время" / "найближчим часом" +90 days vague,
no phrase → publication + 180 days, vague.

The phrases themselves are in deadlines_ru and deadlines_uk (one regex table per language with named groups);
this module holds what the two share: the handlers that turn a match into a day, numbers in words in any case
(via pymorphy3 lemmas: "двух", "трёх", "двох", "п'яти"), and the search (every phrase left to right, the
longest where two overlap). Everything counts from the publication date, never from today.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from dateutil.relativedelta import relativedelta

from tracker.extraction.deadlines import Deadline, default_deadline
from tracker.extraction.slavic import morph
from tracker.extraction.slavic.vocabulary import Vocabulary

# Numbers in words by lemma; a few inflected forms the analyzer lemmatises oddly are listed as they are.
NUMBER_LEMMAS = {
    "один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "дві": 2, "три": 3, "четыре": 4, "чотири": 4,
    "пять": 5, "п'ять": 5, "шесть": 6, "шість": 6, "семь": 7, "сім": 7, "восемь": 8, "вісім": 8,
    "девять": 9, "дев'ять": 9, "десять": 10, "одиннадцать": 11, "одинадцять": 11, "двенадцать": 12,
    "дванадцять": 12, "пятнадцать": 15, "п'ятнадцять": 15, "двадцать": 20, "двадцять": 20, "тридцать": 30,
    "тридцять": 30, "сорок": 40, "сорока": 40, "пятьдесят": 50, "п'ятдесят": 50, "шестьдесят": 60,
    "шістдесят": 60, "девяносто": 90, "дев'яносто": 90, "сто": 100, "полтора": 1, "півтора": 1,
    "несколько": 3, "кілька": 3, "пара": 2,
}
NUMBER_FORMS = {"п'яти": 5, "п'ятьох": 5, "шести": 6, "шістьох": 6, "семи": 7, "восьми": 8, "дев'яти": 9,
                "сорока": 40, "ста": 100, "полутора": 1, "півтора": 1, "двох": 2, "трьох": 3, "чотирьох": 4}


def normalise(text: str) -> str:
    """Lower case, ё → е and one apostrophe, character for character (offsets stay valid)."""
    return text.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'").replace("`", "'")


def number_value(token: str | None, lang: str) -> int | None:
    """'2', 'двух', 'дві', 'п'яти', 'две-три' (the upper bound) → the number, or None."""
    if not token:
        return None
    token = normalise(token).strip()
    if re.fullmatch(r"[\w']+\s*[-–]\s*[\w']+", token):
        token = re.split(r"\s*[-–]\s*", token)[-1]
    if token.isdigit():
        return int(token)
    if token in NUMBER_FORMS:
        return NUMBER_FORMS[token]
    if token in NUMBER_LEMMAS:
        return NUMBER_LEMMAS[token]
    return NUMBER_LEMMAS.get(morph.lemma(token, lang))


def month_end(year: int, month: int) -> date:
    return date(year, month, 1) + relativedelta(months=1, days=-1)


def lookup(table: tuple[tuple[str, object], ...], word: str | None) -> object | None:
    if not word:
        return None
    word = normalise(word)
    for stem, value in table:
        if word.startswith(stem) or stem in word:
            return value
    return None


def group(m: re.Match[str], name: str) -> str | None:
    """A named group, or its twin in another alternative of the same rule ("season2", "which2")."""
    found = m.groupdict()
    return found.get(name) or found.get(name + "2")


def _year(m: re.Match[str]) -> int | None:
    y = group(m, "year")
    return int(y) if y else None


def _is_next(m: re.Match[str], vocab: Vocabulary) -> bool:
    which = group(m, "which")
    return which is not None and any(normalise(which).startswith(w) for w in vocab.next_words)


def _roll(make: Callable[[int], date], pub: date, year: int | None) -> date:
    """The period's day in the given year; without one, this year's or (if already over) next year's."""
    if year is not None:
        return make(year)
    day = make(pub.year)
    return day if day >= pub else make(pub.year + 1)


Handler = Callable[[re.Match[str], date, Vocabulary], tuple[date | None, bool]]


def h_relative(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    unit = lookup(v.units, group(m, "unit"))
    num = group(m, "num")
    n = number_value(num, v.lang) if num else 1
    if n is None or not isinstance(unit, str):
        return None, False
    if unit == "hour":
        return pub + timedelta(days=max(1, -(-n // 24))), False
    delta = {"day": relativedelta(days=n), "week": relativedelta(weeks=n), "month": relativedelta(months=n),
             "year": relativedelta(years=n), "halfyear": relativedelta(months=6 * n),
             "decade": relativedelta(years=10 * n), "quarter": relativedelta(months=3 * n)}[unit]
    return pub + delta, False


def h_vague(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    text = normalise(m.group(0))
    horizon = next((d for stem, d in v.vague if stem in text), relativedelta(days=30))
    return pub + horizon, True


def h_period(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    """The end of this/next week (Sunday), month, quarter, half or year."""
    unit = lookup(v.units, group(m, "unit"))
    nxt = _is_next(m, v)
    if unit == "week":
        end = pub + timedelta(days=6 - pub.weekday())
        return end + timedelta(days=7 * nxt), False
    if unit == "month":
        base = pub + relativedelta(months=int(nxt))
        return month_end(base.year, base.month), False
    if unit == "quarter":
        base = pub + relativedelta(months=3 * int(nxt))
        return month_end(base.year, ((base.month - 1) // 3 + 1) * 3), False
    if unit == "halfyear":
        return month_end(pub.year, 6 if pub.month <= 6 else 12), False
    if unit == "decade":
        return date(pub.year // 10 * 10 + 9, 12, 31), False
    year = _year(m) or pub.year + int(nxt)
    return date(year, 12, 31), False


def h_year(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    return date(int(m.group("year")), 12, 31), False


def h_month(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    month = lookup(v.months, group(m, "month"))
    if not isinstance(month, int):
        return None, False
    return _roll(lambda y: month_end(y, month), pub, _year(m)), False


def h_date(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    month = lookup(v.months, group(m, "month"))
    day = int(m.group("day"))
    if not isinstance(month, int):
        return None, False
    try:
        return _roll(lambda y: date(y, month, day), pub, _year(m)), False
    except ValueError:  # 29 February in a common year, 31 April
        return None, False


def h_numeric_date(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    try:
        return date(int(m.group("year")), int(m.group("mon")), int(m.group("day"))), False
    except ValueError:
        return None, False


def h_month_part(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    """Early / mid / late November → the 10th / 15th / last day."""
    month, part = lookup(v.months, group(m, "month")), lookup(v.parts, group(m, "part"))
    if not isinstance(month, int):
        return None, False

    def make(y: int) -> date:
        return {"early": date(y, month, 10), "mid": date(y, month, 15)}.get(str(part), month_end(y, month))

    return _roll(make, pub, _year(m)), False


def h_year_part(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    """Early / mid / late 2026 or next year → 30 Apr / 30 Jun / 31 Dec."""
    part = lookup(v.parts, group(m, "part"))
    year = _year(m) or pub.year + int(_is_next(m, v))
    return {"early": date(year, 4, 30), "mid": date(year, 6, 30)}.get(str(part), date(year, 12, 31)), False


def h_quarter(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    q = lookup(v.ordinals, group(m, "ord"))
    if not isinstance(q, int):
        return None, False
    year = _year(m) or (pub.year + 1 if _is_next(m, v) else None)
    return _roll(lambda y: month_end(y, 3 * q), pub, year), False


def h_half(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    h = lookup(v.ordinals, group(m, "ord"))
    if h not in (1, 2):
        return None, False
    year = _year(m) or (pub.year + 1 if _is_next(m, v) else None)
    return _roll(lambda y: month_end(y, 6 * int(str(h))), pub, year), False


def _season_end(first_month: int, year: int) -> date:
    """Spring ends 31 May, summer 31 Aug, autumn 30 Nov, winter the last day of February after it."""
    if first_month == 12:
        return month_end(year + 1, 2)
    return month_end(year, first_month + 2)


def h_season(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    """'осенью', 'этой осенью', 'будущей весной', 'навесні наступного року' → the season's last day."""
    first = lookup(v.seasons, group(m, "season"))
    if not isinstance(first, int):
        return None, False
    if _is_next(m, v) or _year(m):
        year = _year(m) or pub.year + 1
        return _season_end(first, year), False
    end = _season_end(first, pub.year)
    if first == 12 and pub.month <= 2:
        end = _season_end(first, pub.year - 1)
    return (end if end >= pub else _season_end(first, pub.year + 1)), False


def h_season_end(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    return h_season(m, pub, v)


def h_season_by(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    """'к весне', 'до літа' → the first day of that season, the next one after publication."""
    first = lookup(v.seasons, group(m, "season"))
    if not isinstance(first, int):
        return None, False
    start = date(pub.year, first, 1)
    return (start if start > pub else date(pub.year + 1, first, 1)), False


def h_weekday(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    wd = lookup(v.weekdays, group(m, "wd"))
    if not isinstance(wd, int):
        return None, False
    ahead = (wd - pub.weekday()) % 7 or 7
    return pub + timedelta(days=ahead), False


def h_day(m: re.Match[str], pub: date, v: Vocabulary) -> tuple[date | None, bool]:
    offset = lookup(v.days, group(m, "d"))
    return (pub + timedelta(days=int(str(offset))) if offset is not None else None), False


HANDLERS: dict[str, Handler] = {
    "relative": h_relative, "vague": h_vague, "period": h_period, "year": h_year, "month": h_month,
    "date": h_date, "numeric_date": h_numeric_date, "month_part": h_month_part, "year_part": h_year_part,
    "quarter": h_quarter, "half": h_half, "season": h_season, "season_end": h_season_end,
    "season_by": h_season_by, "weekday": h_weekday, "day": h_day,
}


@cache
def _compiled(lang: str) -> tuple[Vocabulary, list[tuple[re.Pattern[str], str]]]:
    if lang == "uk":
        from tracker.extraction.slavic import deadlines_uk as table
    else:
        from tracker.extraction.slavic import deadlines_ru as table  # type: ignore[no-redef]
    rules = [(re.compile(rf"(?<![\w'])(?:{pattern})(?![\w'])"), kind) for pattern, kind in table.RULES]
    return table.VOCABULARY, rules


def find_deadlines(text: str, published: date, lang: str) -> list[Deadline]:
    """Every time phrase in `text` with its day, left to right; where two overlap, the longer."""
    vocab, rules = _compiled(lang)
    low = normalise(text)
    found: list[tuple[int, Deadline]] = []
    for order, (rx, kind) in enumerate(rules):
        for m in rx.finditer(low):
            day, vague = HANDLERS[kind](m, published, vocab)
            if day is not None:
                found.append((order, Deadline(day, text[m.start():m.end()], vague, m.start(), m.end())))
    kept: list[Deadline] = []
    for _, d in sorted(found, key=lambda f: (-(f[1].end - f[1].start), f[0], f[1].start)):
        if all(d.end <= k.start or d.start >= k.end for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: d.start)


def pick_deadline(text: str, published: date, lang: str) -> Deadline:
    """The first phrase not in the past; without one, the default horizon (publication + 180 days, vague)."""
    future = [d for d in find_deadlines(text, published, lang) if d.date >= published]
    return future[0] if future else default_deadline(published)


def parse_deadline_phrase(phrase: str, published: date, lang: str) -> Deadline:
    """A phrase or a one-claim sentence: its deadline (the default when it names no time)."""
    return replace(pick_deadline(phrase, published, lang), start=-1, end=-1)
