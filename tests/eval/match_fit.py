"""Fits the matcher's re-ranker (`tracker.matching.WEIGHTS`, `BIAS`) on the dev split and estimates how it
does on articles it was not fitted on, by leaving one article out at a time:

    python -m tests.eval.match_fit [--l2 1.0] [--threshold 0.3] [--hold dev3.jsonl] [--drop a,b] [--verbose]

`--hold FILE` also fits on the other dev files and scores FILE (another writer's wording, unseen by the
weights); `--drop` leaves features out to compare; `--verbose` lists the false and wrong suggestions.
Logistic regression by plain gradient descent on numpy (sixteen features, ~400 candidates: no library
needed). It prints the cross-validated precision, recall and outcome accuracy at the threshold (at most the
best match per article, as `Bm25Matcher.match` suggests) and the weights to paste into tracker/matching.py.
The test split is never read here.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date

import numpy as np

from tests.eval.match_evaluate import POSITIVE, SPLITS, _claims, load
from tracker.matching import DEFAULT, RUNNER_UP, THRESHOLD, LaterArticle


@dataclass
class Row:
    item: str
    features: dict[str, float]
    positive: bool
    outcome: str | None
    wanted: str | None
    claim: str = ""


def rows(split: str = "dev", files: list[str] | None = None) -> tuple[list[Row], int]:
    """Every retrieved (claim, article) candidate with its features and label; and the number of positives."""
    out: list[Row] = []
    positives = 0
    for item in load(split, files):
        art = item["article"]
        article = LaterArticle(art["text"], date.fromisoformat(art["published"]), art.get("title"))
        labels = {lab["claim_id"]: lab for lab in item["labels"]}
        positives += sum(lab["category"] in POSITIVE for lab in item["labels"])
        found, queries, view = DEFAULT.candidates(_claims(item), article)
        for candidate in found:
            features, outcome = DEFAULT.features(candidate, queries, view)
            if features:
                label = labels[item["claims"][candidate.claim.id]["id"]]
                out.append(Row(item["id"], features, label["category"] in POSITIVE, outcome, label.get("outcome"),
                               f'{label["claim_id"]} {label["category"]}: {candidate.claim.statement}'))
    return out, positives


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 3000, rate: float = 0.5) -> tuple[np.ndarray, float]:
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= rate * (x.T @ (p - y) + l2 * w) / len(y)
        b -= rate * float((p - y).mean())
    return w, b


def matrix(data: list[Row], keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The features (in `keys` order) and the labels of the rows."""
    return np.array([[r.features[k] for k in keys] for r in data]), np.array([r.positive for r in data], dtype=float)


def cross_validate(data: list[Row], positives: int, keys: list[str], l2: float, threshold: float,
                   show: bool = False) -> str:
    x, y = matrix(data, keys)
    items = np.array([r.item for r in data])
    probs = np.zeros(len(data))
    for item in sorted(set(items)):
        held = items == item
        w, b = fit(x[~held], y[~held], l2)
        probs[held] = 1 / (1 + np.exp(-(x[held] @ w + b)))
    return "leave-one-article-out on dev: " + _suggested(data, probs, positives, threshold, show)


def held_out(train: list[Row], data: list[Row], positives: int, keys: list[str], l2: float, threshold: float,
             show: bool = False) -> str:
    """Fitted on some dev files, scored on another writer's file it has not seen."""
    w, b = fit(*matrix(train, keys), l2)
    probs = 1 / (1 + np.exp(-(matrix(data, keys)[0] @ w + b)))
    return _suggested(data, probs, positives, threshold, show)


def _suggested(data: list[Row], probs: np.ndarray, positives: int, threshold: float, show: bool) -> str:
    """Precision, recall and outcome accuracy of what the matcher would suggest at the threshold."""
    items = np.array([r.item for r in data])
    tp = fp = named = right = 0
    for item in sorted(set(items)):
        idx = [int(i) for i in np.where(items == item)[0]]
        top = max(probs[i] for i in idx)
        for i in idx:
            if probs[i] >= threshold and probs[i] >= top - RUNNER_UP:
                if show and (not data[i].positive or data[i].outcome != data[i].wanted):
                    print(f"  {item} {probs[i]:.2f} {data[i].outcome} (want {data[i].wanted}) {data[i].claim[:90]}")
                tp, fp = tp + data[i].positive, fp + (not data[i].positive)
                if data[i].outcome:
                    named += 1
                    right += int(data[i].positive and data[i].outcome == data[i].wanted)
    precision = tp / (tp + fp) if tp + fp else 1.0
    return (f"precision {precision:.3f} recall {tp / positives:.3f} "
            f"(tp {tp} fp {fp} of {positives}) · outcome right {right / named if named else 1:.3f} of {named}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--drop", default="", help="features to leave out, comma-separated (to compare)")
    parser.add_argument("--verbose", action="store_true", help="the false or wrong suggestions")
    parser.add_argument("--hold", default="", help="a dev file to fit without and score on (another writer's)")
    args = parser.parse_args()
    data, positives = rows("dev")
    keys = [k for k in data[0].features if k not in args.drop.split(",")]
    if args.hold:
        train, _ = rows("dev", [f for f in SPLITS["dev"] if f != args.hold])
        held, held_positives = rows("dev", [args.hold])
        print(f"fitted without {args.hold}, scored on it: "
              + held_out(train, held, held_positives, keys, args.l2, args.threshold, args.verbose))
    print(cross_validate(data, positives, keys, args.l2, args.threshold, args.verbose))
    w, b = fit(*matrix(data, keys), args.l2)
    print("WEIGHTS = {" + ", ".join(f'"{k}": {v:.3f}' for k, v in zip(keys, w, strict=True)) + "}")
    print(f"BIAS = {b:.3f}")


if __name__ == "__main__":
    main()
