"""One reading of a typed confidence everywhere (chat: plain numbers are percentages; CSV: fractions)."""

from __future__ import annotations

import pytest

from tracker.confidence import parse_confidence


@pytest.mark.parametrize(("text", "expected"), [
    ("70", 0.70), ("70%", 0.70), ("70 %", 0.70), ("1", 0.01), ("2", 0.02), ("100", 1.0), ("0", 0.0),
    ("0.7", 0.70), ("12.5%", 0.125),
])
def test_in_the_chat_a_plain_number_is_a_percentage(text: str, expected: float) -> None:
    assert parse_confidence(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [("0.7", 0.7), ("1", 1.0), ("0", 0.0), ("70%", 0.7)])
def test_in_csv_a_plain_number_is_a_fraction(text: str, expected: float) -> None:
    assert parse_confidence(text, plain="fraction") == pytest.approx(expected)


@pytest.mark.parametrize("text", ["101", "150%", "-5", "seventy", "", "7 0", "2", "1.5"])
def test_out_of_range_or_not_a_number_is_refused(text: str) -> None:
    if text in {"2", "1.5"}:
        with pytest.raises(ValueError):
            parse_confidence(text, plain="fraction")  # 2 and 1.5 are no fractions
        return
    with pytest.raises(ValueError):
        parse_confidence(text)
