"""The evidence matcher must not fall under its measured scores (issue 16; numbers in the README).

- dev split (the re-ranker is fitted on it): precision 0.929, recall 0.839, outcome right 0.917 — floors just
  under them. Leaving one article out at a time (`python -m tests.eval.match_fit`): 0.852, 0.742, 0.909.
- frozen test split (written blind by a helper session, scored as totals only; looked at four times — the hand-set
  weights of stop 22, the re-ranker, wider general-English cue phrases, their refit): precision 0.722, recall
  0.542, outcome right 0.583 — under the
  issue's aims (precision ≥ 0.85 at recall ≥ 0.7, outcome ≥ 0.8); these floors keep it from getting worse.
"""

from __future__ import annotations

from functools import cache

from tests.eval.match_evaluate import MatchScores, score

DEV = {"precision": 0.92, "recall": 0.83, "outcome": 0.90}
TEST = {"precision": 0.72, "recall": 0.54, "outcome": 0.58}


@cache
def _scores(split: str) -> MatchScores:
    return score(split)


def test_dev_floors() -> None:
    s = _scores("dev")
    assert s.pairs >= 150
    assert s.precision >= DEV["precision"] and s.recall >= DEV["recall"] and s.outcome_accuracy >= DEV["outcome"]


def test_frozen_test_floors() -> None:
    s = _scores("test")
    assert s.pairs >= 100
    assert s.precision >= TEST["precision"] and s.recall >= TEST["recall"] and s.outcome_accuracy >= TEST["outcome"]
