"""Is a clause about the future? Read from morphology, not from lists of verbs.

A clause is forward-looking when it has
- a finite verb in the future: the Russian perfective non-past ("проведут", "состоится", "вернется"), the
  analytic future "будет/буде (+ infinitive)", the Ukrainian perfective and synthetic future ("підпише",
  "проводитиме", "застосовуватимуть") — pymorphy3 tags them all 'futr';
- or a verb of possibility, plan, expectation, obligation or commitment with an infinitive after it
  ("может провести", "планирует выйти", "намерено запросить", "має намір", "очікується відкрити",
  "повинен завершити", "пообещал восстановить", "рекомендовал выплатить", "доручила подати"). These are
  recognised by lemma (a closed class of about thirty modal and plan words per language, as the issue lists),
  the infinitive by its tag.

A present-tense verb ("стартує 20 травня", "допускает ужесточение в первом квартале", a two-aspect
"реконструируют в течение полугода") is forward-looking only with a dated future phrase beside it; the
pipeline checks that.

Not forward-looking: a verb followed by "ли" or preceded by "чи" (an indirect question: "будут ли переброшены
резервы"), a clause with the conditional particle "бы/б" ("довелося б скоротити"), an imperfective past
promise ("обещал", "обіцяв": a promise made in the past, told as history), a past plan ("планировал").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.slavic import morph

TOKEN = re.compile(r"[^\W_][\w'’ʼ-]*")

# Lemmas that carry modality or a plan and take an infinitive. Present/future forms always count; past forms
# count only for completed commitments (пообещал, рекомендовал, поручил, договорились, решили).
MODAL_LEMMAS = {
    "ru": {"мочь", "смочь", "планировать", "намереваться", "намеренный", "собираться", "рассчитывать",
           "ожидаться", "планироваться", "должный", "обязанный", "обязываться", "обязаться", "обязывать",
           "хотеть", "предполагаться", "стремиться", "пообещать", "обещать", "рекомендовать",
           "поручить", "договориться", "решить", "пригрозить", "гарантировать", "обещаться", "намерен"},
    "uk": {"могти", "змогти", "планувати", "збиратися", "розраховувати", "очікуватися", "планується",
           "повинний", "повинен", "зобов'язуватися", "зобов'язатися", "зобов'язувати", "мати",
           "хотіти", "передбачатися", "прагнути", "пообіцяти", "обіцяти", "рекомендувати",
           "доручити", "домовитися", "вирішити", "пригрозити", "гарантувати", "мусити", "намір"},
}
PAST_COMMITMENTS = {"пообещать", "рекомендовать", "поручить", "договориться", "решить", "пригрозить",
                    "обязаться", "пообіцяти", "рекомендувати", "доручити", "домовитися", "вирішити",
                    "пригрозити", "зобов'язатися"}
HISTORY_PROMISE = re.compile(r"(?<![\w])(?:обещал[аи]?|обіцяв|обіцяла|обіцяли|планировал[аи]?|планував|"
                             r"планувала|планували|собирался|собиралась|збирався|збиралася|предполагалось|"
                             r"передбачалося)(?![\w])", re.IGNORECASE)
QUESTION_BEFORE = re.compile(r"(?:(?<![\w])(?:чи|ли)|,\s*(?:коли|когда|скільки|сколько|чому|почему|куди|куда|"
                             r"де|где))\s+(?:\S+\s+){0,4}$", re.IGNORECASE)
HISTORY_MARK = re.compile(r"(?<![\w])(?:назад|тому назад|(?:рік|роки|років|тиждень|тижні|тижнів|місяць|місяці|"
                          r"місяців|день|дні|днів)\s+тому|тогдашн\w+|тодішн\w+)(?![\w])", re.IGNORECASE)
POSTPONED = {"перенести", "перенесен", "перенесенный", "отложить", "відкласти", "перенесений", "перенесено"}
CONDITIONAL = re.compile(r"(?<![\w])(?:якби|если бы)(?![\w])", re.IGNORECASE)
NOT_VERBS = {"буду", "пусть", "нехай", "давайте", "давай", "стали", "стала", "уже", "вже", "сам", "сама"}


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    word: str
    kind: str  # "future", "modal", or "present" (counts only with a dated future phrase next to it)


def _tokens(text: str) -> list[re.Match[str]]:
    return list(TOKEN.finditer(text))


def _mid_capital(text: str, m: re.Match[str]) -> bool:
    """A capitalised word inside a sentence is a name ("Захарова"), not a verb."""
    before = text[:m.start()].rstrip(" «\"“(—–-")
    return m.group(0)[:1].isupper() and bool(before) and before[-1] not in ".!?:\n"


def _modal(words: list[re.Match[str]], i: int, lang: str) -> bool:
    word = words[i].group(0)
    lemmas = morph.lemmas(word, lang)
    if not lemmas & MODAL_LEMMAS[lang] and word.lower() not in MODAL_LEMMAS[lang]:
        return False
    if morph.is_past_verb(word, lang) and not lemmas & PAST_COMMITMENTS:
        return False
    return any(morph.is_infinitive(w.group(0), lang) for w in words[i + 1:i + 6])


def _blocked(text: str, m: re.Match[str], words: list[re.Match[str]], i: int) -> bool:
    after = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
    return after == "ли" or bool(QUESTION_BEFORE.search(text[:m.start()]))


def triggers(text: str, lang: str) -> list[Trigger]:
    """Future verbs and modal + infinitive pairs in a clause, left to right."""
    words = _tokens(text)
    found: list[Trigger] = []
    for i, m in enumerate(words):
        word = m.group(0)
        low = word.lower()
        if low in NOT_VERBS or _mid_capital(text, m) or _blocked(text, m, words, i):
            continue
        if _near_conditional(words, i):
            continue
        if morph.is_finite_future(word, lang):
            found.append(Trigger(m.start(), m.end(), word, "future"))
        elif _modal(words, i, lang):
            found.append(Trigger(m.start(), m.end(), word, "modal"))
        elif morph.is_present_verb(word, lang) or morph.lemmas(word, lang) & POSTPONED:
            found.append(Trigger(m.start(), m.end(), word, "present"))  # "перенесли на наступне літо"
    return found


def _near_conditional(words: list[re.Match[str]], i: int) -> bool:
    """"мог бы", "довелося б": the conditional particle next to the verb (not "как бы ни давили")."""
    near = [w.group(0).lower() for w in words[max(0, i - 2):i + 3]]
    return ("бы" in near or "б" in near) and "как" not in near and "хотя" not in near


def conditional(text: str) -> bool:
    return bool(CONDITIONAL.search(text))


def history_promise(text: str) -> bool:
    """"обещал", "обіцяв", "еще неделю назад предупреждали": a forecast told as history."""
    return bool(HISTORY_PROMISE.search(text) or HISTORY_MARK.search(text))
