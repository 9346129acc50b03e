"""No input makes the extractor or the deadline parser raise."""

from __future__ import annotations

import contextlib
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.extraction.claims import claims_to_json
from tracker.extraction.deadlines import find_deadlines, parse_deadline_phrase
from tracker.extraction.pipeline import extract
from tracker.manual import ManualEntryError, parse_manual

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
WORDS = ["will", "would", "could", "may", "May", "by", "the end of", "within", "two", "weeks", "next", "Friday",
         "Trump", "said", "that", "Christmas", "2026", "soon", "Putin", "“", "”", ".", ",", "\n", "Q3", "mid-",
         "according to", "the Russian president", "if", "Feb. 29", "in", "years", "Easter", "fall", "he"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=2000), published=dates)
def test_any_unicode(text: str, published: date) -> None:
    claims = extract(text, published)
    assert isinstance(claims_to_json(claims), list)
    find_deadlines(text, published)
    parse_deadline_phrase(text[:200], published)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(WORDS), max_size=80), published=dates)
def test_grammar_soup(words: list[str], published: date) -> None:
    text = " ".join(words)
    for claim in extract(text, published):
        assert claim.statement
        assert claim.deadline is None or claim.deadline >= published.isoformat()
        assert 0 <= claim.confidence <= 1
    with contextlib.suppress(ManualEntryError):
        parse_manual(text, published)


@settings(max_examples=20, deadline=None)
@given(data=st.binary(max_size=5000), published=dates)
def test_binaryish(data: bytes, published: date) -> None:
    extract(data.decode("latin-1"), published)


def test_one_megabyte() -> None:
    text = ("Officials said the plan will be finished by the end of next year. " * 16000)[:1_000_000]
    claims = extract(text, date(2025, 10, 17))
    assert len(claims) == 1  # the same statement a thousand times is one prediction
    assert extract("", date(2025, 1, 1)) == [] and extract("   \n\n", date(2025, 1, 1)) == []
