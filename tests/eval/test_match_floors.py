"""The evidence matcher must not fall under its measured scores (issue 16; numbers in the README).

- dev split (dev.jsonl + dev2.jsonl + dev3.jsonl, three writers, 135 articles; the re-ranker is fitted on it):
  precision 0.869, recall 0.903, outcome right 0.890. Leaving one article out at a time (`python -m
  tests.eval.match_fit --threshold 0.3`): 0.858, 0.883, 0.875.
- frozen test split (written blind by a helper session, scored as totals only; looked at six times — the
  hand-set weights of stop 22, the re-ranker, wider general-English cue phrases, their refit, the refit on both
  dev files, and the matcher of stop 24: forward-looking sentences, figures against targets, contests, headline
  outcomes, the share of the claim's time elapsed, fitted on three dev files): precision 0.864, recall 0.792 —
  over the issue's aims (precision ≥ 0.85 at recall ≥ 0.7) — and outcome right 0.692, under its aim of 0.8.
"""

from __future__ import annotations

from functools import cache

from tests.eval.match_evaluate import MatchScores, score

DEV = {"precision": 0.85, "recall": 0.88, "outcome": 0.87}
TEST = {"precision": 0.85, "recall": 0.75, "outcome": 0.65}


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
