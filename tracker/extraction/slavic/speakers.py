"""Who says a Russian or Ukrainian claim: the speech frames of wire copy, channels and transcripts.

- tails: "…, заявил журналистам пресс-секретарь Кремля Дмитрий Песков", "«…», — наголосив Зеленський",
  "…, сообщили в компании", "…, говорится в пресс-релизе", "… — ТАСС";
- leads: "По словам Пескова, …", "За його словами, …", "Как сообщил X, …", "За даними МОН, …";
- subjects: "X заявил(а), что …", "X пообещал восстановить …", "X планирует / розраховує …";
- "Об этом заявил X" / "Про це заявив X" after a sentence with no frame: X said the sentence before.
The speech verbs are recognised by lemma (pymorphy3), so every person, gender, tense and aspect is one entry.
The noun phrase of a frame becomes a name through slavic.names (roles dropped, nominative, surname → the full
name met earlier); a pronoun or a bare role ("добавил он", "уточнил представитель Кремля") is the last person
of that gender; a generic organisation ("в компании", "в министерстве", "регулятор") the last organisation
named. An agency's tag ("/ТАСС/", "— Укрінформ") is the speaker only when nothing else is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.extraction.slavic import morph
from tracker.extraction.slavic.names import ACRONYM, QUOTED, WORD, Names, _cap, is_full_name, person_runs

SPEECH_LEMMAS = {
    "заявить", "заявлять", "сообщить", "сообщать", "сказать", "добавить", "уточнить", "подчеркнуть",
    "отметить", "написать", "рассказать", "пообещать", "пояснить", "заверить", "передавать", "считать",
    "полагать", "ожидать", "прогнозировать", "допустить", "допускать", "признать", "указать", "предупредить",
    "объявить", "анонсировать", "говориться", "следовать", "писать", "утверждать", "предположить",
    "напомнить", "подтвердить", "сообщаться", "обещать", "исключить", "спрогнозировать", "оценить",
    "заявити", "повідомити", "повідомляти", "сказати", "додати", "уточнити", "наголосити", "підкреслити",
    "зазначити", "написати", "розповісти", "пообіцяти", "пояснити", "запевнити", "передавати", "передати",
    "вважати", "очікувати", "прогнозувати", "допустити", "визнати", "анонсувати", "оголосити", "нагадати",
    "підтвердити", "повідомлятися", "йтися", "говорити", "обіцяти", "виключити", "заявляти", "розраховувати",
    "рассчитывать", "повідомляє", "додавати", "наголошувати", "зазначати", "підкреслювати",
    "розповідати", "пояснювати", "запевняти", "добавлять", "уточнять", "подчеркивать", "отмечать",
    "рассказывать", "пояснять", "заверять", "нагадувати", "напоминать", "оголошувати",
    "припустити", "припускати", "предполагать", "спрогнозувати", "передбачити", "передбачати", "предсказать",
}
# Verbs whose subject is the one who holds the expectation or the plan ("Минфин рассчитывает, что …").
STANCE_LEMMAS = {"рассчитывать", "ожидать", "прогнозировать", "считать", "полагать", "планировать",
                 "намереваться", "собираться", "пообещать", "обещать", "розраховувати", "очікувати",
                 "прогнозувати", "вважати", "планувати", "збиратися", "пообіцяти", "обіцяти", "доручити",
                 "поручить", "рекомендовать", "рекомендувати", "допустить", "допустити", "исключить",
                 "виключити", "намерен", "мати", "гарантувати", "гарантировать", "запевнити", "заверить"}
PRONOUNS = {"он": "masc", "она": "femn", "він": "masc", "вона": "femn", "его": "masc", "ее": "femn", "её": "femn",
            "його": "masc", "її": "femn", "они": None, "вони": None, "их": None, "їх": None}
ORG_HEADS = {
    "министерство", "міністерство", "банк", "фонд", "комиссия", "комісія", "биржа", "біржа", "служба", "компания",
    "компанія", "правительство", "уряд", "суд", "мэрия", "мерія", "рада", "дума", "агентство", "центр",
    "департамент", "управление", "управління", "академия", "академія", "университет", "університет",
    "партия", "партія", "корпорация", "корпорація", "госкорпорация", "союз", "совет", "штаб", "прокуратура",
    "адміністрація", "администрация", "кабмин", "кабмін", "клуб", "ведомство", "відомство", "регулятор",
    "пресс-служба", "пресслужба", "міськрада", "горсовет", "минфин", "мінфін", "мвф", "оон", "группа", "група",
    "авиакомпания", "авіакомпанія", "концерн", "холдинг", "инспекция", "інспекція", "совет директоров",
    "кабинет", "кабінет", "міністерства", "мэрии",
}
GENERIC_ORG = re.compile(r"^(?:в|во|у|из|із|з)?\s*(?:пресс-службе|пресслужбі|пресс-релизе|прес-релізі|сообщении|"
                         r"повідомленні|заявлении|заяві|компании|компанії|министерстве|міністерстві|ведомстве|"
                         r"відомстві|регуляторе|регуляторі|регулятора|регулятор|компания|компанія|министерство|"
                         r"міністерство|ведомство|відомство|правительстве|уряді|банке|банку|суде|суді|"
                         r"пресс-службе суда|материалах|документе|документі|релизе|релізі|мэрии|мерії|"
                         r"міськраді|горсовете|пресс-службы|пресслужби|прес-служби|регулятора|регулятору|ведомства|"
                         r"відомства|министерства|міністерства|компании|компанії)\b", re.IGNORECASE)
INTERNAL_BODIES = {"совет", "правление", "правління", "пресс-служба", "пресслужба", "компания", "компанія",
                   "регулятор", "ведомство", "відомство", "министерство", "міністерство", "уряд", "правительство",
                   "суд", "банк", "клуб", "центр", "группа", "група", "штаб", "мэрия", "мерія"}
DATELINE = re.compile(r"^[A-ZА-ЯЁІЇЄҐ'’ -]{3,},\s*\d{1,2}\s+\w+\.?\s*(?:/[^/]{1,40}/\.?)?\s*")
IN_ORG = re.compile(r"^(?:в|во|у)\s+(?P<org>[A-ZА-ЯЁІЇЄҐ][\w'’-]+)$")
ROLE_NOUNS = {
    "представитель", "представник", "пресс-секретарь", "прес-секретар", "речник", "речниця", "спикер", "глава",
    "голова", "министр", "міністр", "міністерка", "мэр", "мер", "губернатор", "сенатор", "депутат", "депутатка",
    "посол", "директор", "директорка", "президент", "премьер", "прем'єр", "прем'єрка", "прем’єрка",
    "премьер-министр", "прем'єр-міністр", "прем’єр-міністр", "вице-премьер", "віце-прем'єр", "тренер",
    "наставник", "адвокат", "прокурор", "прокурорка", "председатель", "заместитель", "заступник", "заступниця",
    "чиновник", "посадовець", "командующий", "командувач", "генерал", "дипломат", "руководитель", "керівник",
    "мэра", "губернатора", "міністра", "министра", "спікер", "очільник", "очільниця", "градоначальник",
}
DISCOURSE = re.compile(r"^(?:(?:по-первых|по-вторых|по-третьих|во-первых|во-вторых|в-третьих|по-перше|по-друге|"
                       r"по-третє|также|також|кроме того|крім того|наконец|нарешті|тем временем|тим часом|"
                       r"при этом|при цьому|сам|сама|сами|сам по собі|ранее|раніше|в свою очередь|"
                       r"у свою чергу)\W+)+", re.IGNORECASE)
QUESTION_LABELS = re.compile(r"^(?:корр|корреспондент|журналист|журналістка?|вопрос|питання|ведущ\w*|"
                             r"интервьюер|q|в|п)\.?$", re.IGNORECASE)


@dataclass
class Said:
    speaker: str | None
    co: list[str] = field(default_factory=list)
    basis: str = ""


class Context:
    """What the text has told so far: its people, the last person of each gender, the last organisation."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.names = Names(lang)
        self.speakers: list[tuple[str, str | None]] = []  # people who said something, latest last
        self.recent: list[tuple[str, str | None]] = []    # people mentioned, latest last
        self.last_org: str | None = None

    def _person(self, full: str | None) -> tuple[str, str | None] | None:
        runs = person_runs(full, self.lang) if full else []
        if not full or not runs or runs[0][0] != 0 or runs[0][1] != len(full):
            return None  # an organisation, not a person
        gender = self.names.gender(full)
        if gender is None and " " not in full:
            known = self.names.find(full)
            gender = known.gender if known else None
        return full, gender

    def spoke(self, full: str | None) -> None:
        person = self._person(full)
        if person:
            self.speakers.append(person)
            self.recent.append(person)

    def by_pronoun(self, gender: str | None) -> str | None:
        """"он", "добавила она", "уточнил представитель Кремля": the last speaker of that gender, else the
        last person of that gender mentioned."""
        for people in (self.speakers, self.recent):
            for full, g in reversed(people):
                if gender is None or g is None or g == gender:
                    return full
        return None

    def see(self, sentence: str) -> None:
        """Remember the people and organisations a sentence names, for pronouns and generic frames later."""
        sentence = DATELINE.sub("", sentence)
        org = org_in(sentence, self.lang, anywhere=True)
        if org:
            self.last_org = org
        for _, _, words in person_runs(sentence, self.lang):
            if len(words) >= 2 or self.names.find(words[-1]):
                person = self._person(self.names.resolve(words))
                if person:
                    self.recent.append(person)

    def see_subject(self, subject: str) -> None:
        """The organisation a sentence opens with ("Укрзалізниця … запустить …, повідомили в компанії")."""
        org = org_in(subject, self.lang, anywhere=True)
        if org:
            self.last_org = org


def first_word(text: str) -> str:
    m = WORD.search(text)
    return m.group(0) if m else ""


# "X уверен, что …", "X впевнений, що …": a conviction frames a claim as a speech verb does.
CONVICTION = re.compile(r"^(?:уверен[аы]?|убежд[её]н[аы]?|впевнен(?:ий|а|і)|переконан(?:ий|а|і))$")


def is_speech_verb(word: str, lang: str) -> bool:
    if not word or (word[:1].isupper() and word.lower() not in {"как", "як"}):
        return False
    if CONVICTION.match(word.lower()):
        return True
    return bool(morph.lemmas(word, lang) & SPEECH_LEMMAS) and morph.is_verb_form(word, lang) and \
        not morph.is_infinitive(word, lang)


def _nominative_phrase(words: list[str], lang: str) -> str:
    """An organisation's phrase in the nominative: leading adjectives and the head noun inflected
    ("Одеській міськраді" → "Одеська міськрада", "мэрии Верхнеозерска" → "мэрия Верхнеозерска")."""
    out: list[str] = []
    head_done = False
    for w in words:
        if head_done or w.isupper() or w.startswith("«"):
            out.append(w)
            continue
        readings = [p for p in morph.parses(w, lang) if "NOUN" in str(p.tag) or "ADJF" in str(p.tag)]
        reading = readings[0] if readings else None
        inflected = reading.inflect({"nomn"}) if reading is not None else None
        word = inflected.word if inflected else w
        out.append(word[:1].upper() + word[1:] if w[:1].isupper() else word)
        if reading is not None and "NOUN" in str(reading.tag):
            head_done = True
    return " ".join(out)


def org_in(np: str, lang: str, anywhere: bool = False) -> str | None:
    """An organisation named in a phrase: «quoted», an acronym, or a capitalised phrase headed by an
    organisation noun ("Министерство транспорта России", "Пенсійний фонд", "Укренерго")."""
    quoted = QUOTED.search(np)
    if quoted and (not anywhere or _names_an_org(np[:quoted.start()], lang)):
        return next(g for g in quoted.groups() if g)
    words = [m.group(0) for m in WORD.finditer(np)]
    for i, w in enumerate(words):
        if ACRONYM.match(w) and w not in {"ЕС", "ЄС", "США", "РФ", "ВВП", "IT", "ТЭС", "ТЕС", "ППО", "ПВО"}:
            return w
        if not w[:1].isupper() or (i > 0 and not anywhere):
            continue
        if morph.is_org(w, lang):
            return _nominative_phrase([w], lang)  # "Синоптики Гидрометцентра" → "Гидрометцентр"
        span = _org_span(words, i, lang)
        if span:
            return _nominative_phrase(span, lang)
    return None


ORG_BEFORE_QUOTE = {"агентство", "агентства", "компания", "компании", "компанія", "компанії", "фк", "пао", "оао",
                    "ооо", "ао", "тов", "пат", "ват", "холдинг", "группа", "група", "концерн", "банк", "банка",
                    "авиакомпания", "авіакомпанія", "госкорпорация", "госкорпорации", "движение", "рух",
                    "организация", "організація", "партия", "партія", "клуб", "стартап", "девелопер", "издание",
                    "видання", "центр", "центра", "социологии", "соціологічна", "групи", "аналитики",
                    "аналітики", "компанією", "компанией", "компанію", "компанию", "ресторан", "сеть", "мережа"}


def _names_an_org(before: str, lang: str) -> bool:
    """«Quoted» is an organisation when an organisation noun stands before it ("компания «Сфера»"), not a
    product or a headline ("станцию «Луна-29»")."""
    words = [m.group(0).lower() for m in WORD.finditer(before)]
    return not words or words[-1] in ORG_BEFORE_QUOTE or morph.lemma(words[-1], lang) in ORG_HEADS or \
        words[-1].endswith("-") or (len(words) > 1 and words[-2] in ORG_BEFORE_QUOTE)


def _complement(word: str, lang: str) -> bool:
    """A word that continues an organisation's name: a capital or a genitive ("транспорта", "России")."""
    if morph.is_verb_form(word, lang):
        return False
    found = morph.tags(word, lang)
    return word[:1].isupper() or (bool(found) and "gent" in found[0])


def _org_span(words: list[str], i: int, lang: str) -> list[str] | None:
    """From a capitalised word: up to five words, ending where the organisation noun's complement ends."""
    span = words[i:i + 5]
    head = next((j for j, w in enumerate(span[:3]) if morph.lemma(w, lang) in ORG_HEADS or w.lower() in ORG_HEADS),
                None)
    if head is None or not all(any("ADJF" in t for t in morph.tags(w, lang)[:2]) for w in span[:head]):
        return None  # "В октябре регулятор": only adjectives may stand before the organisation noun
    end = head + 1
    while end < len(span) and _complement(span[end], lang):
        end += 1
    named = [w for j, w in enumerate(span[:end]) if j != head and (w[:1].isupper() or ACRONYM.match(w))]
    if i > 0 and span[head][:1].isupper():  # "в Міністерстві соціальної політики": a capital mid-phrase
        named.append(span[head])
    if not named and (head > 0 or end == 1 or morph.lemma(span[head], lang) in INTERNAL_BODIES):
        return None  # "Компания", "Совет директоров": which one is for the context to tell
    return span[:end]


def np_speaker(np: str, ctx: Context, case: str | None = None, gender: str | None = None) -> Said:
    """A frame's noun phrase → the speaker it names. `gender` is what the speech verb shows ("заявила")."""
    np = DISCOURSE.sub("", np.strip(" ,.;:—–-")).strip(" ,.;:—–-")
    words = [m.group(0) for m in WORD.finditer(np)]
    if not words:
        return Said(None)
    pron = next((w.lower() for w in words if w.lower() in PRONOUNS), None)
    people = _people(np, ctx, case)
    if people is not None:
        return people
    if pron is not None and len(words) <= 3:
        return Said(ctx.by_pronoun(PRONOUNS[pron] or gender), [], "pronoun")
    quoted = QUOTED.search(np)
    if quoted:
        return Said(next(g for g in quoted.groups() if g), [], "org")
    single = IN_ORG.match(np)
    if single and not morph.is_place(single.group("org"), ctx.lang):  # "повідомили в Міненерго"
        return Said(_nominative_phrase([single.group("org")], ctx.lang), [], "org")
    generic_word = GENERIC_ORG.match(np)
    if generic_word:  # "в пресслужбі Міноборони": the organisation named after the generic word
        org = org_in(np, ctx.lang, anywhere=True) or _named_after(np[generic_word.end():], ctx.lang)
        generic = org is None or (" " not in org and morph.lemma(org, ctx.lang) in ORG_HEADS)
        return Said(ctx.last_org if generic else org, [], "org")
    if any(morph.lemma(w, ctx.lang) in ROLE_NOUNS or w.lower() in ROLE_NOUNS for w in words[:3]):
        return Said(ctx.by_pronoun(gender), [], "role")  # "уточнил представитель Кремля": a role, no name
    org = org_in(np, ctx.lang, anywhere=True)
    if org:
        return Said(org, [], "org")
    if all(not w[:1].isupper() for w in words):
        return Said(ctx.by_pronoun(gender), [], "role")
    return Said(None)


def _people(np: str, ctx: Context, case: str | None) -> Said | None:
    """The people a phrase names, the first speaking; a full name outranks an unknown capitalised word
    before it ("Глава Офису президента Андрій Єрмак": not "Офису")."""
    runs = person_runs(np, ctx.lang)
    if any(is_full_name(w, ctx.lang) for _, _, w in runs):
        runs = [r for r in runs if is_full_name(r[2], ctx.lang) or ctx.names.find(r[2][-1]) is not None]
    if not runs:
        return None
    names = [ctx.names.resolve(w, case) for _, _, w in runs]
    return Said(names[0], names[1:], "frame")


def _named_after(rest: str, lang: str) -> str | None:
    """The capitalised name right after a generic word ("пресслужбі Міноборони" → "Міноборони")."""
    words = [m.group(0) for m in WORD.finditer(rest)]
    if not words or not words[0][:1].isupper():
        return None
    return _nominative_phrase([w for w in words[:3] if w[:1].isupper()], lang)


def tail_np(tail: str) -> str:
    """The noun phrase after a tail's speech verb ("заявил журналистам X" → "журналистам X")."""
    m = WORD.search(tail)
    return tail[m.end():] if m else tail


def label_speaker(label: str, ctx: Context) -> Said | None:
    """"Захарова:", "10:20 Вице-премьер Марат Ибрагимов:", "Ибрагимов — журналистам:", "Минфин:", "БЕРГМАН:"."""
    label = re.split(r"\s+[—–-]\s+", label)[0].strip()
    if QUESTION_LABELS.match(label):
        return Said(None, [], "question")
    words = [m.group(0) for m in WORD.finditer(label)]
    if not words or len(words) > 7 or not label[:1].isupper():
        return None
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 3 and not morph.is_org(words[0], ctx.lang):
        return Said(ctx.names.resolve([_cap(words[0])]), [], "label")
    said = np_speaker(label, ctx, "nomn")
    if said.speaker:
        return said
    if len(words) == 1 and _single_org(words[0], ctx.lang):  # "Укренерго:", "Укрзалізниця:"
        return Said(words[0], [], "label")
    return None


def _single_org(word: str, lang: str) -> bool:
    """One capitalised word that is not a pronoun, a plural ("Синоптики") or a common word of a headline."""
    found = morph.tags(word, lang)
    first = found[0] if found else ""
    if any("anim" in t and "plur" in t for t in found):
        return False  # "Синоптики:", "Аналитики:" — people, unnamed
    return not any(k in first for k in ("NPRO", "Apro", "plur", "VERB", "INFN", "ADV", "PREP", "CONJ")) and \
        word.lower() not in {"итог", "итоги", "главное", "важно", "коротко", "цитата", "внимание", "підсумок",
                             "головне", "важливо", "увага", "прогноз", "срочно", "терміново", "молния",
                             "блискавка", "обновление", "оновлення"}
