"""The extractor must not fall under its floors (numbers in the README).

- dev split (tuned on): the extraction issue's floors.
- frozen test split (written blind by another hand, never looked at while tuning, only its totals): the
  issue's floors too. Speaker accuracy there is 0.851 against a floor of 0.85 — one claim of margin — so
  a change that costs a single right speaker on text nobody tuned for fails here.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

from tests.eval.evaluate import Scores, load_articles, score_articles, score_deadlines, score_sentences
from tracker.extraction.pipeline import extract
from tracker.ingest import parse_seed

ROOT = Path(__file__).resolve().parent.parent.parent

ISSUE_FLOORS = {"precision": 0.92, "recall": 0.92, "speaker": 0.85, "deadline": 0.90, "sentences": 0.90}
# measured on the frozen test split on 2026-11-26: precision 0.928, recall 0.955, speaker 0.851, deadline 0.923,
# sentences 0.920


@cache
def _articles(split: str) -> Scores:
    """Scored once per run: two tests read the test split, and extraction is the slow part."""
    return score_articles(split=split)  # not verbose: the test split's items are never printed


def _scores(split: str) -> dict[str, float]:
    s = _articles(split)
    accuracy, n, _ = score_sentences(split)
    assert n >= 50
    return {"precision": s.precision, "recall": s.recall, "speaker": s.speaker_accuracy,
            "deadline": s.deadline_accuracy, "sentences": accuracy}


def _below(scores: dict[str, float], floors: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in scores.items() if v < floors[k]}


def test_dev_split_meets_the_issue_floors() -> None:
    assert len(load_articles("dev")) >= 150
    below = _below(_scores("dev"), ISSUE_FLOORS)
    assert not below, f"dev split under the floors: {below}"


def test_original_articles_leave_out_what_must_not_come_out() -> None:
    """The first 46 articles name text that must never become a claim; none of it may come out.
    (The newer sets' `absent` lists are counted by the scorer but not held to zero.)"""
    original = {a["id"] for a in json.loads((ROOT / "tests" / "eval" / "articles.json").read_text())}
    assert len(original) == 46
    assert [i for i in _articles("dev").absent_violations if i in original] == []


def test_test_split_meets_the_issue_floors() -> None:
    assert len(load_articles("test")) >= 50
    below = _below(_scores("test"), ISSUE_FLOORS)
    assert not below, f"test split under the floors: {below}"


def test_deadline_phrase_floor() -> None:
    accuracy, n, wrong = score_deadlines()
    assert n >= 80
    assert accuracy >= 0.95, wrong


def test_seed_article() -> None:
    article = parse_seed((ROOT / "seeds" / "000_budapest_summit.txt").read_text(), "seed")
    assert article.published == date(2025, 10, 17)
    claims = extract(article.text, article.published)
    summit = [c for c in claims if "summit" in c.statement.lower()]
    # "The summit is expected to take place within two weeks" is the Budapest claim again: one claim
    assert len(summit) == 1 and "summit in Budapest" in summit[0].statement
    assert summit[0].speaker == "Donald Trump" and "Vladimir Putin" in summit[0].co_speakers
    assert summit[0].deadline == "2025-10-31" and not summit[0].vague
    peace = next(c for c in claims if "peace deal could come soon" in c.statement)
    assert peace.speaker == "Donald Trump" and peace.vague
    tomahawk = next(c for c in claims if "would not alter the battlefield" in c.statement)
    assert tomahawk.speaker == "Vladimir Putin" and tomahawk.conditional
    assert not any("Anchorage" in c.statement or "Anchorage" in c.sentence for c in claims)
