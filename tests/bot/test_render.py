"""Rendering without a server: every card, prompt and review is HTML Telegram accepts, hostile strings
are escaped, long text is split under 4096 characters, and every status and refusal has words."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot import prompts
from bot.charts import render_png
from bot.render import fmt_date, prediction_line, review_html, show_html, split_message
from bot.texts import PROBLEMS, problem, status_label
from tests.fakeapi.html_check import plain_text, utf16_len
from tracker.errors import Problem, Refusal
from tracker.extraction.claims import Claim
from tracker.models import Status
from tracker.reviews import CLAIMS_PER_REVIEW, ReviewView
from tracker.views import Card, HistoryEntry, PredictionView

HOSTILE = '<b>Trump & "Putin"</b> <a href="x">&amp;</a> </i>'


def view(**changes: object) -> PredictionView:
    base: dict[str, object] = dict(number=7, statement=HOSTILE * 3, speaker=HOSTILE, made_at=date(2025, 10, 17),
                                   deadline=date(2025, 10, 31), deadline_text="within <two> weeks", vague=True,
                                   source_title=HOSTILE, source_url='https://example.com/a?b=1&c="2"')
    base.update(changes)
    return PredictionView(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("status", list(Status))
def test_every_status_has_a_label_and_renders(status: Status) -> None:
    assert status_label(status)
    v = view(status=status)
    for html in (prediction_line(v), show_html(Card(v)), prompts.prompt_html(v), prompts.answered_html(v, HOSTILE),
                 prompts.heads_up_html(v)):
        text = plain_text(html)  # raises on anything Telegram would refuse
        assert HOSTILE.replace("&amp;", "&") in text or "Trump & \"Putin\"" in text
        assert utf16_len(text) <= 4096


def test_card_shows_history_sentence_and_moved_deadline() -> None:
    v = view(sentence="He said: " + HOSTILE, original_deadline=date(2025, 10, 20), deadline_moves=2,
             status=Status.NOT_FULFILLED)
    history = [HistoryEntry(Status.FULFILLED, HOSTILE, datetime(2025, 11, 1, 9, 30, tzinfo=UTC), True),
               HistoryEntry(Status.NOT_FULFILLED, None, datetime(2025, 11, 2, 10, 0, tzinfo=UTC), False)]
    text = plain_text(show_html(Card(v, history)))
    assert "moved 2×" in text and "Mon 20 Oct 2025" in text
    assert "(undone)" in text and "someone" in text and "Sun 2 Nov 2025 10:00 UTC" in text


def test_one_date_format() -> None:
    assert fmt_date(date(2025, 10, 17)) == "Fri 17 Oct 2025"
    assert "Fri 31 Oct 2025" in plain_text(prompts.prompt_html(view()))


def test_the_fullest_review_fits_one_message() -> None:
    claim = Claim(speaker=HOSTILE * 4, statement=HOSTILE * 40, sentence="", deadline="2025-10-31",
                  deadline_text="by <the> end & of October " * 5, vague=True, confidence=0.85, conditional=True,
                  co_speakers=[HOSTILE, HOSTILE])
    review = ReviewView(1, 1, [claim] * CLAIMS_PER_REVIEW, [True, False] * (CLAIMS_PER_REVIEW // 2),
                        date(2025, 10, 17), "dateline", 2, 3, "pending", None)  # part 2 numbers from 9
    html = review_html(review)
    assert len(split_message(html)) == 1, utf16_len(html)
    text = plain_text(html)
    assert "part 2 of 3" in text and "16." in text and "the dateline in the text" in text


def test_long_text_is_split_into_valid_parts() -> None:
    lines = [f"<b>#{i}</b> {'x&amp;y ' * 60}" for i in range(40)]
    parts = split_message("\n".join(lines))
    assert len(parts) > 1
    for part in parts:
        assert utf16_len(plain_text(part)) <= 4096


@pytest.mark.parametrize("code", list(Problem))
def test_every_refusal_is_worded(code: Problem) -> None:
    assert code in PROBLEMS
    words = problem(Refusal(code, value="“x”", number=3, status="saved", latest="2200-12-31"))
    assert words and "{" not in words


def test_summary_counts() -> None:
    assert "1 more deadline has passed" in prompts.summary_html(1)
    assert "5 more deadlines have passed" in prompts.summary_html(5)


def test_19_a_name_that_looks_like_mathtext_does_not_break_the_chart() -> None:
    png = render_png(r"$\frac{$: stated confidence vs outcome", [(0.5, 0.5, 3)],
                     [(r"$\frac{$ Evil", 0.5, 0.3, 0.7, 4), ("A $x$ B", 0.4, 0.2, 0.6, 3)])
    assert png.startswith(b"\x89PNG")
