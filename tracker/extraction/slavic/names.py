"""People and organisations in Russian and Ukrainian noun phrases, in the nominative.

A speaker is written the way the text first introduces them, without titles and roles: "пресс-секретарь Кремля
Дмитрий Песков" → "Дмитрий Песков", "по словам Дмитрия Пескова" → "Дмитрий Песков", "Зеленським" →
"Зеленський". Names are found by morphology, not lists: a run of capitalised words that pymorphy3 reads as a
first name, patronymic or surname (or does not know at all — "Сибіга", "Орбан"); the words before it that it
knows as common words ("пресс-секретарь Кремля", "глава МЗС") are the role. The gender of a first name picks
the surname's reading, so "Захаровой" after "Мария" becomes "Захарова", "Пескова" after "Дмитрия" "Песков".
A surname alone is matched to a full name met earlier by lemma or stem ("Пескова", "Сибіги", "Кравця").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.extraction.slavic import morph

WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*")
QUOTED = re.compile(r"«([^«»]{2,60})»|\"([^\"]{2,60})\"|“([^“”]{2,60})”")
ACRONYM = re.compile(r"^[A-ZА-ЯЁІЇЄҐ]{2,6}$")


@dataclass
class Person:
    full: str
    surname: str
    gender: str | None
    keys: set[str] = field(default_factory=set)


def _cap(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not ACRONYM.match(word)


def _gender_of_name(word: str, lang: str, case: str | None = None) -> str | None:
    """The gender of a first name: its reading in the given case, else (Ukrainian, whose dictionary has no
    frequencies: "Юлія" is also the genitive of "Юлій") its nominative reading, else the likeliest."""
    found = [t for t in morph.tags(word, lang) if "Name" in t and "plur" not in t]
    preferred = [t for t in found if case and case in t]
    if not preferred and case is None and lang == "uk":  # the Ukrainian dictionary has no frequencies
        preferred = [t for t in found if "nomn" in t]
    for t in preferred or found:
        if "femn" in t or "masc" in t:
            return "femn" if "femn" in t else "masc"
    return None


def _nominative(word: str, lang: str, gender: str | None, case: str | None) -> str:
    """One name word in the nominative: the reading of the given case and gender, inflected."""
    readings = [p for p in morph.parses(word, lang)
                if (any(k in str(p.tag) for k in ("Name", "Surn", "Patr")) or "ADJF" in str(p.tag))
                and "plur" not in str(p.tag)]  # one person: "Силуанов" is not the plural of "Силуан"
    if not readings:
        return word
    if gender:
        readings = [p for p in readings if gender in str(p.tag) or "Fixd" in str(p.tag)] or readings
    if case is None and any("nomn" in str(p.tag) for p in readings):
        return word
    if case:
        readings = [p for p in readings if case in str(p.tag)] or readings
    inflected = readings[0].inflect({"nomn"})
    return _cap(inflected.word) if inflected else word


def surname_gender(word: str, lang: str) -> str | None:
    """The gender of a surname's nominative reading ("Захарова" feminine), when it has one."""
    for t in morph.tags(word, lang):
        if "Surn" in t and "nomn" in t and "Fixd" not in t:
            return "femn" if "femn" in t else "masc"
    return None


def stem_keys(word: str, lang: str) -> set[str]:
    """What a surname in any case shares with its nominative: lemmas and a short stem."""
    low = word.lower().replace("ё", "е")
    keys = {f"lemma:{lem}" for lem in morph.lemmas(word, lang)}
    keys.add(f"stem:{low[:max(4, len(low) - 2)]}")
    keys.add(f"word:{low}")
    return keys


def person_runs(text: str, lang: str) -> list[tuple[int, int, list[str]]]:
    """Runs of 1–3 capitalised name-like words (offsets and words), outside «quoted» names."""
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    runs: list[tuple[int, int, list[str]]] = []
    current: list[re.Match[str]] = []
    prev_end = -1

    def close() -> None:
        firsts = [k for k, m in enumerate(current) if _singular_given(m.group(0), lang)]
        inner = [k for k in firsts if k < len(current) - 1]
        # "Кремля Дмитрий Песков", "Верховної Ради Олег Дунда" ("Рада" is a first name too): the name starts
        # at the last first name that a surname follows
        del current[:(inner or firsts or [0])[-1 if inner else 0]]
        if current:
            runs.append((current[0].start(), current[-1].end(), [m.group(0) for m in current][:3]))
        current.clear()

    for m in WORD.finditer(text):
        word = m.group(0)
        inside_quote = any(a <= m.start() < b for a, b in quoted)
        after_given = bool(current) and len(current) < 3 and not _only_place(word, lang) and (
            morph.is_given_name(current[-1].group(0), lang) or not morph.known(current[-1].group(0), lang))
        initial = _sentence_initial_common(text, m, lang)
        name_like = _capitalised(word) and not inside_quote and (
            after_given or (morph.is_proper(word, lang) and not initial
                            and not (not current and _after_preposition(text, m))))
        gap = text[prev_end:m.start()] if prev_end >= 0 else ""
        if name_like and current and gap.strip() == "":
            current.append(m)
        else:
            close()
            if name_like:
                current.append(m)
        prev_end = m.end()
    close()
    return runs


def is_full_name(words: list[str], lang: str) -> bool:
    """A first name followed by at least a surname: one person, named in full."""
    return len(words) >= 2 and _singular_given(words[0], lang)


def _only_place(word: str, lang: str) -> bool:
    """A place and not also a surname ("Котова" is both: after "Анна" it is her surname)."""
    found = morph.tags(word, lang)
    return any("Geox" in t for t in found) and not any("Surn" in t for t in found)


def _singular_given(word: str, lang: str) -> bool:
    """A first name as one person's ("Антон"), not a plural reading of a surname ("Петров" as "Петры")."""
    return any("Name" in t and "plur" not in t for t in morph.tags(word, lang))


PREPOSITIONS = {"в", "во", "у", "на", "из", "з", "із", "зі", "до", "от", "від", "под", "під", "через", "к",
                "над", "при", "для", "о", "об", "про"}


def _after_preposition(text: str, m: re.Match[str]) -> bool:
    """"у Вашингтоні", "в Будапеште": a capitalised word right after a preposition is a place or thing."""
    before = text[:m.start()].split()
    return bool(before) and before[-1].lower() in PREPOSITIONS


def _sentence_initial_common(text: str, m: re.Match[str], lang: str) -> bool:
    """A capital that only marks the start of a sentence or line: a common word ("Врачи", "Ціни")."""
    before = text[:m.start()].rstrip(" \t«\"“(—–-🔹🔸✅•")
    initial = not before or before[-1] in ".!?:\n"
    if not initial:
        return False
    found = morph.tags(m.group(0), lang)
    return bool(found) and not any(k in t for t in found for k in ("Name", "Surn", "Patr")) and \
        morph.analyzer(lang).word_is_known(m.group(0).lower())


def _agreeing_case(words: list[str], lang: str) -> str | None:
    """The case in which a first name and a surname agree ("Павла Швеця": genitive, not "Павла" the
    feminine nominative): for the Ukrainian dictionary, which gives no frequencies to choose by."""
    if len(words) < 2:
        return None
    cases = ("nomn", "gent", "datv", "accs", "ablt", "loct")
    for case in cases:
        first = [t for t in morph.tags(words[0], lang) if "Name" in t and case in t and "plur" not in t]
        last = morph.tags(words[-1], lang)
        for t in first:
            gender = "femn" if "femn" in t else "masc"
            if not morph.known(words[-1], lang) or any(case in u and (gender in u or "Fixd" in u) for u in last):
                return case
    return None


def full_names(words: list[str], lang: str, case: str | None = None) -> str:
    """A run of name words in the nominative, gender taken from the first name when there is one."""
    if case is None and lang == "uk":
        case = _agreeing_case(words, lang)
    gender = next((g for g in (_gender_of_name(w, lang, case) for w in words) if g), None)
    return " ".join(_cap(_nominative(w, lang, gender, case)) if not w.isupper() else _cap(w) for w in words)


class Names:
    """The people a text introduces with first name and surname, to resolve a surname met later."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.people: list[Person] = []

    def learn(self, text: str) -> None:
        for _, _, words in person_runs(text, self.lang):
            if len(words) >= 2 and morph.is_given_name(words[0], self.lang):
                self.add(full_names(words, self.lang))

    def add(self, full: str) -> Person:
        words = full.split()
        known = self.find(words[-1])
        if known is not None and (len(words) == 1 or known.full == full):
            return known
        gender = _gender_of_name(words[0], self.lang) if len(words) > 1 else surname_gender(words[0], self.lang)
        person = Person(full, words[-1], gender, stem_keys(words[-1], self.lang))
        self.people.append(person)
        return person

    def find(self, surname: str) -> Person | None:
        keys = stem_keys(surname, self.lang)
        word = f"word:{surname.lower().replace('ё', 'е')}"
        exact = [p for p in self.people if word in p.keys]
        if exact:
            return exact[-1]
        matches = [p for p in self.people if len(surname) >= 3 and keys & p.keys]
        return matches[-1] if matches else None

    def resolve(self, words: list[str], case: str | None = None) -> str:
        """A run of name words → the full name known for its surname, else the run in the nominative."""
        if len(words) == 1 and words[0].isupper() and len(words[0]) > 2:  # "БЕРГМАН:" in a transcript
            words = [_cap(words[0])]
        known = self.find(words[-1])
        if known is not None and (len(words) == 1 or known.full[:3].lower() == words[0][:3].lower()):
            return known.full
        return full_names(words, self.lang, case)

    def gender(self, full: str) -> str | None:
        person = next((p for p in self.people if p.full == full), None)
        return person.gender if person else None
