"""One reading of a confidence typed by a person or a file, so "1" never means 100% in one place and 1% in
another. In the chat a plain number is a percentage ("70", "70%", "1" = 1%; "0.7" with its decimal point
is the fraction 70%); in CSV files a plain number is the fraction the export writes ("0.7"), and "70%"
is a percentage. Returns a probability from 0 to 1 or raises ValueError."""

from __future__ import annotations

import re
from typing import Literal


def parse_confidence(text: str, plain: Literal["percent", "fraction"] = "percent") -> float:
    value = text.strip().replace(",", ".")
    m = re.fullmatch(r"(\d{1,3}(?:\.\d+)?|\.\d+)\s*(%?)", value)
    if not m:
        raise ValueError(text)
    number = float(m.group(1))
    if m.group(2) or (plain == "percent" and not (number < 1 and "." in m.group(1))):
        number /= 100
    if not 0 <= number <= 1:
        raise ValueError(text)
    return number
