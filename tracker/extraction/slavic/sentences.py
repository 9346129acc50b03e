"""Russian and Ukrainian text → sentences with their offsets, via razdel (rule-based, written for Russian,
good on Ukrainian): each line is split on its own, because channel posts, live blogs and transcripts put one
item per line without a full stop. Footer lines ("Подписаться | Прислать новость", "Підписатися", a row of
hashtags) are not text."""

from __future__ import annotations

import re
from dataclasses import dataclass

FOOTER = re.compile(r"^\W*(?:подписаться|подпишитесь|підписатися|підпишіться|прислать новость|надіслати новину|"
                    r"наш канал|наш телеграм|читайте также|читайте також|реклама)\b", re.IGNORECASE)
HASHTAGS = re.compile(r"^(?:\s*#[\w-]+)+\s*$")
TIMESTAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*$")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    line: int        # index of the line it is on
    line_start: bool  # the first sentence of its line


def is_noise(line: str) -> bool:
    return not line.strip() or bool(FOOTER.match(line) or HASHTAGS.match(line) or TIMESTAMP.match(line))


def split_sentences(text: str) -> list[Sentence]:
    from razdel import sentenize  # deferred: only Russian and Ukrainian texts need it

    out: list[Sentence] = []
    offset = 0
    for index, line in enumerate(text.split("\n")):
        if not is_noise(line):
            for n, s in enumerate(sentenize(line)):
                out.append(Sentence(s.text, offset + s.start, index, n == 0))
        offset += len(line) + 1
    return out
