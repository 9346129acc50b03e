"""The extractor must not get worse than this on the labelled set (numbers in README)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.eval.evaluate import score_articles, score_deadlines
from tracker.extraction.pipeline import extract
from tracker.ingest import parse_seed

ROOT = Path(__file__).resolve().parent.parent.parent

FLOORS = {"precision": 0.90, "recall": 0.90, "speaker": 0.90, "deadline": 0.92, "phrases": 0.95}


def test_extraction_floors() -> None:
    s = score_articles()
    assert s.precision >= FLOORS["precision"], s.precision
    assert s.recall >= FLOORS["recall"], s.recall
    assert s.speaker_accuracy >= FLOORS["speaker"], s.speaker_accuracy
    assert s.deadline_accuracy >= FLOORS["deadline"], s.deadline_accuracy
    assert s.absent_violations == []


def test_deadline_phrase_floor() -> None:
    accuracy, n, wrong = score_deadlines()
    assert n >= 80
    assert accuracy >= FLOORS["phrases"], wrong


def test_seed_article() -> None:
    article = parse_seed((ROOT / "seeds" / "000_budapest_summit.txt").read_text(), "seed")
    assert article.published == date(2025, 10, 17)
    claims = extract(article.text, article.published)
    summit = [c for c in claims if "summit in Budapest" in c.statement]
    assert summit and summit[0].speaker == "Donald Trump" and "Vladimir Putin" in summit[0].co_speakers
    assert summit[0].deadline == "2025-10-31" and not summit[0].vague
    peace = next(c for c in claims if "peace deal could come soon" in c.statement)
    assert peace.speaker == "Donald Trump" and peace.vague
    tomahawk = next(c for c in claims if "would not alter the battlefield" in c.statement)
    assert tomahawk.speaker == "Vladimir Putin" and tomahawk.conditional
    assert not any("Anchorage" in c.statement or "Anchorage" in c.sentence for c in claims)
