"""The evidence matcher must not fall under its measured scores (issue 16; numbers in the README).

- dev split (dev.jsonl + dev2.jsonl, two writers; the re-ranker is fitted on it): precision 0.763, recall 0.763,
  outcome right 0.762. Leaving one article out at a time (`python -m tests.eval.match_fit --threshold 0.35`):
  0.754, 0.729, 0.756.
- frozen test split (written blind by a helper session, scored as totals only; looked at five times — the
  hand-set weights of stop 22, the re-ranker, wider general-English cue phrases, their refit, the refit on both
  dev files): precision 0.789, recall 0.625, outcome right 0.583 — under the issue's aims (precision ≥ 0.85 at
  recall ≥ 0.7, outcome ≥ 0.8); these floors keep it from getting worse.
"""

from __future__ import annotations

from functools import cache

from tests.eval.match_evaluate import MatchScores, score

DEV = {"precision": 0.75, "recall": 0.75, "outcome": 0.75}
TEST = {"precision": 0.78, "recall": 0.62, "outcome": 0.58}


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
