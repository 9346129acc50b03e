"""The evidence matcher must not fall under its measured scores (issue 16; numbers in the README).

- dev split (tuned on): precision 0.846, recall 0.710, outcome right 0.808 — floors just under them.
- frozen test split (written blind by a helper session, scored as totals only): precision 0.538, recall
  0.292, outcome right 0.462 — far under the issue's aims (precision ≥ 0.85 at recall ≥ 0.7, outcome ≥ 0.8),
  which is why issue 16 stays open; these floors only keep it from getting worse.
"""

from __future__ import annotations

from functools import cache

from tests.eval.match_evaluate import MatchScores, score

DEV = {"precision": 0.84, "recall": 0.70, "outcome": 0.80}
TEST = {"precision": 0.53, "recall": 0.29, "outcome": 0.46}


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
