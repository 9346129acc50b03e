"""Russian and Ukrainian extraction must not fall under its floors (issue 17; numbers in the README).

Floors sit a little under what was measured on 2026-11-27 when the rules were frozen:
- dev (tuned on): ru P 0.982 R 0.972 speaker 0.892 deadline 0.937, phrases 1.000;
                  uk P 0.959 R 0.972 speaker 0.880 deadline 0.906, phrases 1.000.
- frozen test (written blind, totals only; fourth look, after general name and frame fixes found on sentences
  written for them): ru P 1.000 R 0.984 speaker 0.662 (first look 0.569) deadline 0.954, phrases 0.969;
  uk P 0.945 R 0.969 speaker 0.783 (first look 0.754) deadline 0.870, phrases 0.969.
  Russian speakers on the test split are the weak spot (tuning overfitted the dev set's frames); the floor
  records where it is, not where it should be.
"""

from __future__ import annotations

from functools import cache

import pytest

from tests.eval.evaluate import Scores, load_articles, score_articles, score_lang_deadlines

FLOORS = {
    ("ru", "dev"): {"precision": 0.96, "recall": 0.95, "speaker": 0.87, "deadline": 0.91, "phrases": 0.98},
    ("uk", "dev"): {"precision": 0.94, "recall": 0.95, "speaker": 0.86, "deadline": 0.88, "phrases": 0.98},
    ("ru", "test"): {"precision": 0.97, "recall": 0.96, "speaker": 0.64, "deadline": 0.93, "phrases": 0.93},
    ("uk", "test"): {"precision": 0.92, "recall": 0.94, "speaker": 0.76, "deadline": 0.84, "phrases": 0.93},
}


@cache
def _articles(lang: str, split: str) -> Scores:
    return score_articles(split=split, lang=lang)  # not verbose: the test split's items are never printed


@pytest.mark.parametrize(("lang", "split"), sorted(FLOORS))
def test_language_split_meets_its_floors(lang: str, split: str) -> None:
    assert len(load_articles(split, lang)) >= 16
    s = _articles(lang, split)
    phrases, n, _ = score_lang_deadlines(lang, split)
    assert n >= 32
    scores = {"precision": s.precision, "recall": s.recall, "speaker": s.speaker_accuracy,
              "deadline": s.deadline_accuracy, "phrases": phrases}
    below = {k: round(v, 3) for k, v in scores.items() if v < FLOORS[(lang, split)][k]}
    assert not below, f"{lang} {split} under the floors: {below}"
