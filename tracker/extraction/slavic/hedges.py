"""Confidence words per language → the probability the speaker gave the event (the English scale, see
tracker/extraction/hedges.py for its published anchors).

Basis labels as in English: "survey" where the word translates a "Perceptions of Probability" survey phrase
(наверняка / напевно ≈ "almost certainly"/"highly likely", вероятно / ймовірно "likely" 0.70, скорее всего /
найімовірніше "probably" 0.75, вряд ли / навряд чи "unlikely" 0.20); "ours" for the rest — no published table
gives Russian or Ukrainian numbers, so these are calledit's own choices: the translations of the English
modal values (будет / буде "will" 0.85, может / може "could" 0.40, планирует / планує "plans to" 0.65,
должен / повинен "should" 0.65, пообещал / пообіцяв "promised" 0.80, ожидается / очікується "expected" 0.75),
"possibly" (возможно / можливо, не исключил / не виключив) at 0.45 like "may".
"""

from __future__ import annotations

import re

from tracker.extraction.hedges import DEFAULT, Hedge

# (phrase regex, probability, basis) — the more specific phrases first.
HEDGES: dict[str, list[tuple[str, float, str]]] = {
    "ru": [
        (r"практически исключено|почти исключено", 0.05, "ours"),
        (r"маловероятно|вряд ли|едва ли|навряд ли", 0.20, "survey"),
        (r"сомневаюсь|сомневается|сомневаемся|сомнительно", 0.25, "survey"),
        (r"скорее всего нет|вероятно,? нет", 0.265, "survey"),
        (r"пятьдесят на пятьдесят|50 на 50", 0.50, "survey"),
        (r"почти наверняка|практически наверняка", 0.95, "survey"),
        (r"несомненно|без сомнения|непременно|обязательно|гарантированно|точно|неизбежно", 0.95, "ours"),
        (r"наверняка|уверен[аы]?|убежден[аы]?", 0.90, "survey"),
        (r"скорее всего|вероятнее всего|по всей видимости|по всей вероятности|видимо", 0.75, "survey"),
        (r"вероятно|вероятнее", 0.70, "survey"),
        (r"возможно|может быть|не исключ\w*|допуска\w*|допусти\w*", 0.45, "ours"),
        (r"пообещал[аи]?|обещает|обещают|гарантир\w+|поклял\w+", 0.80, "ours"),
        (r"ожидается|ожида\w+|прогнозир\w+|рассчитыва\w+", 0.75, "ours"),
        (r"планир\w+|намерен\w*|собира\w+", 0.65, "ours"),
        (r"долж(?:ен|на|но|ны)|обязан\w*", 0.65, "ours"),
        (r"надеется|надеются|надеемся|надеюсь", 0.50, "ours"),
        (r"может|могут|сможет|смогут|мог", 0.40, "ours"),
    ],
    "uk": [
        (r"практично виключено|майже виключено", 0.05, "ours"),
        (r"малоймовірно|навряд чи|навряд", 0.20, "survey"),
        (r"сумніваюся|сумнівається|сумніваємося|сумнівно", 0.25, "survey"),
        (r"п'ятдесят на п'ятдесят|50 на 50", 0.50, "survey"),
        (r"майже напевно|практично напевно", 0.95, "survey"),
        (r"безперечно|безсумнівно|неодмінно|обов'язково|гарантовано|точно|неминуче", 0.95, "ours"),
        (r"напевно|напевне|переконан(?:ий|а|і)|впевнен(?:ий|а|і)|упевнен(?:ий|а|і)", 0.90, "survey"),
        (r"найімовірніше|швидше за все|скоріше за все|найпевніше|мабуть", 0.75, "survey"),
        (r"ймовірно|імовірно|певно", 0.70, "survey"),
        (r"можливо|не виключ\w*|допуска\w*|допусти\w*", 0.45, "ours"),
        (r"пообіця\w+|обіцяє|обіцяють|гаранту\w+|запевни\w+", 0.80, "ours"),
        (r"очікується|очіку\w+|прогноз\w+|розрахову\w+", 0.75, "ours"),
        (r"план\w+|має намір|мають намір|збира\w+", 0.65, "ours"),
        (r"повин(?:ен|на|но|ні)|має|мають|мусить|мусять|зобов'яз\w+", 0.65, "ours"),
        (r"сподівається|сподіваються|сподіваємося|сподіваюся", 0.50, "ours"),
        (r"може|можуть|зможе|зможуть|міг", 0.40, "ours"),
    ],
}
FUTURE = Hedge(0.85, "", "ours")  # a plain future tense: "will"

_COMPILED = {lang: [(re.compile(rf"(?<![\w'])(?:{p})(?![\w'])", re.IGNORECASE), prob, basis)
                    for p, prob, basis in table] for lang, table in HEDGES.items()}


def hedge_confidence(text: str, lang: str, future: bool) -> Hedge:
    """The most specific hedge word in the clause (or its frame), else "will" for a future verb, else the
    English default."""
    low = text.lower().replace("’", "'").replace("ʼ", "'")
    for rx, prob, basis in _COMPILED[lang]:
        hit = rx.search(low)
        if hit:
            return Hedge(prob, hit.group(0), basis)
    return FUTURE if future else DEFAULT
