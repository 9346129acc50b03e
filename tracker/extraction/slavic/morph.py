"""pymorphy3 analyzers for Russian and Ukrainian, each loaded once and only when a text in that language comes
(about 15 MB and 0.1 s each), plus the few questions the rules ask of a word form."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

WORD_CHARS = "'’ʼ-"


@cache
def analyzer(lang: str) -> Any:
    """The MorphAnalyzer for 'ru' or 'uk' (typed Any: pymorphy3 ships no type information)."""
    import pymorphy3  # deferred: English-only processes never pay for the dictionaries

    return pymorphy3.MorphAnalyzer(lang=lang)


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").replace("ʼ", "'").replace("ё", "е") if word else word


@lru_cache(maxsize=65536)
def parses(word: str, lang: str) -> tuple[Any, ...]:
    """Every reading of a word form, most likely first."""
    return tuple(analyzer(lang).parse(_norm(word)))


# First names the Ukrainian dictionary knows only as something else (a city, a common noun), so that
# "Президент Володимир Зеленський" keeps its first name. Checked against 40 common Ukrainian first names:
# these two were the only ones without a first-name reading.
MISSING_NAMES = {"uk": {"володимир": "masc", "богдан": "masc"}}


def tags(word: str, lang: str) -> list[str]:
    found = [str(p.tag) for p in parses(word, lang)]
    gender = MISSING_NAMES.get(lang, {}).get(_norm(word))
    return [*found, f"NOUN,anim,{gender},Name sing,nomn"] if gender else found


def lemma(word: str, lang: str) -> str:
    found = parses(word, lang)
    return str(found[0].normal_form) if found else _norm(word)


def lemmas(word: str, lang: str) -> set[str]:
    return {str(p.normal_form) for p in parses(word, lang)}


def is_finite_future(word: str, lang: str) -> bool:
    """A finite verb in the future: Russian perfective non-past ("проведут", "состоится") and "будет";
    Ukrainian perfective future ("підпише"), "буде" and the synthetic future ("проводитиме")."""
    readings = parses(word, lang)
    if not readings or not str(readings[0].tag).startswith(("VERB", "INFN")):
        return False  # "минут", "утру": a noun first, a verb only by a stretch
    found = [str(p.tag) for p in readings]
    if any("VERB" in t and "pres" in t for t in found):
        return False  # a two-aspect verb ("фиксируем") in the present reading
    return any("VERB" in t and "futr" in t and "impr" not in t for t in found)


def is_present_verb(word: str, lang: str) -> bool:
    """A finite present-tense verb read first as a verb ("стартує", "допускает", "реконструируют")."""
    readings = parses(word, lang)
    return bool(readings) and str(readings[0].tag).startswith("VERB") and \
        any("VERB" in str(p.tag) and "pres" in str(p.tag) for p in readings)


def verb_gender(word: str, lang: str) -> str | None:
    """The gender a past-tense verb shows ("заявила" feminine), or None."""
    for p in parses(word, lang):
        t = str(p.tag)
        if "VERB" in t and "past" in t and ("femn" in t or "masc" in t):
            return "femn" if "femn" in t else "masc"
    return None


def is_infinitive(word: str, lang: str) -> bool:
    return any("INFN" in t or ("VERB" in t and "infn" in t) for t in tags(word, lang))


def is_past_verb(word: str, lang: str) -> bool:
    found = tags(word, lang)
    return bool(found) and "VERB" in found[0] and "past" in found[0]


def is_verb_form(word: str, lang: str) -> bool:
    return any(t.startswith(("VERB", "INFN", "PRTS", "GRND")) for t in tags(word, lang))


def is_proper(word: str, lang: str) -> bool:
    """A first name, patronymic or surname reading and no place reading, or a word the dictionary does not
    know ("Сибіга", "Орбан")."""
    found = tags(word, lang)
    if any("Name" in t or "Patr" in t for t in found):
        return True  # "Владимир" is also a city, "Ольга" a river
    if any("Geox" in t or "Orgn" in t or "Abbr" in t for t in found):
        return False
    if not analyzer(lang).word_is_known(_norm(word)):
        return True
    return any(("Name" in t or "Surn" in t or "Patr" in t) for t in found)


def is_place(word: str, lang: str) -> bool:
    return any("Geox" in t for t in tags(word, lang))


def is_org(word: str, lang: str) -> bool:
    return any("Orgn" in t for t in tags(word, lang))


def known(word: str, lang: str) -> bool:
    return bool(analyzer(lang).word_is_known(_norm(word)))


def is_given_name(word: str, lang: str) -> bool:
    return any("Name" in t for t in tags(word, lang))


def is_common_word(word: str, lang: str) -> bool:
    """Known to the dictionary with a common-noun, adjective or function-word reading first."""
    found = tags(word, lang)
    if not found or not analyzer(lang).word_is_known(_norm(word)):
        return False
    first = found[0]
    return not any(k in first for k in ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"))
