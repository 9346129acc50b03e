"""Scores the matcher (tracker/matching.py) on the (claim, later article) pairs in tests/eval/matching.

    python -m tests.eval.match_evaluate [--split dev|test|test4] [--verbose]

Prints precision and recall of "may settle" suggestions (a claim labelled settles_yes or settles_no is a
positive; every other category a negative), and the share of suggestions naming an outcome whose outcome is
right (a suggestion on a claim that the article does not settle is wrong whatever it names). The test splits
were written blind by helper sessions and are never printed item by item (--verbose works on dev only).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tracker.matching import DEFAULT, LaterArticle, Matcher, OpenClaim

ROOT = Path(__file__).resolve().parent / "matching"
POSITIVE = {"settles_yes", "settles_no"}


@dataclass
class MatchScores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    named: int = 0
    named_right: int = 0
    pairs: int = 0
    false_by_category: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def outcome_accuracy(self) -> float:
        return self.named_right / self.named if self.named else 1.0


SPLITS = {"dev": ["dev.jsonl", "dev2.jsonl", "dev3.jsonl", "dev4.jsonl", "dev5.jsonl"], "test": ["test.jsonl"],
          "test4": ["test4.jsonl"], "ru_dev": ["ru_dev.jsonl"], "ru_test": ["ru_test.jsonl"],
          "uk_dev": ["uk_dev.jsonl"], "uk_test": ["uk_test.jsonl"]}


def load(split: str, files: list[str] | None = None) -> list[dict]:  # type: ignore[type-arg]
    """The split's items (or those of some of its files): dev is the first set (dev.jsonl) and others written
    later to fit the re-ranker on more than one hand's wording; test is the frozen held-out set."""
    return [json.loads(line) for name in (files or SPLITS[split]) if (ROOT / name).exists()
            for line in (ROOT / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _claims(item: dict) -> list[OpenClaim]:  # type: ignore[type-arg]
    return [OpenClaim(i, c.get("speaker"), c["statement"], date.fromisoformat(c["made_at"]),
                      date.fromisoformat(c["deadline"])) for i, c in enumerate(item["claims"])]


def score(split: str, matcher: Matcher = DEFAULT, verbose: bool = False) -> MatchScores:
    s = MatchScores()
    for item in load(split):
        claims = _claims(item)
        art = item["article"]
        article = LaterArticle(art["text"], date.fromisoformat(art["published"]), art.get("title"))
        found = {m.claim_id: m for m in matcher.match(claims, article)}
        labels = {lab["claim_id"]: lab for lab in item["labels"]}
        for i, raw in enumerate(item["claims"]):
            label = labels[raw["id"]]
            s.pairs += 1
            positive = label["category"] in POSITIVE
            got = found.get(i)
            if got and positive:
                s.tp += 1
            elif got:
                s.fp += 1
                s.false_by_category[label["category"]] += 1
            elif positive:
                s.fn += 1
                s.false_by_category["missed " + label["category"]] += 1
            if got and got.outcome:
                s.named += 1
                s.named_right += int(positive and got.outcome == label.get("outcome"))
            if verbose and split.endswith("dev") and (bool(got) != positive or (got and got.outcome and
                                                                         got.outcome != label.get("outcome"))):
                print(f"{item['id']} {raw['id']} {label['category']:26} want {label.get('outcome')!s:13} "
                      f"got {(got.outcome if got else '-')!s:13} {got.score if got else ''} | {raw['statement'][:70]}"
                      f"\n      quote: {(got.quote[:140] if got else '')}")
    return s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--verbose", action="store_true", help="the misses and false suggestions (dev only)")
    args = parser.parse_args()
    for split in (list(SPLITS) if args.split == "all" else [args.split]):
        s = score(split, verbose=args.verbose)
        print(f"{split}: {s.pairs} pairs · may-settle precision {s.precision:.3f} recall {s.recall:.3f} "
              f"(tp {s.tp} fp {s.fp} fn {s.fn}) · outcome right {s.outcome_accuracy:.3f} of {s.named} named")
        if split == "dev":
            print(f"  dev errors by category: {dict(s.false_by_category)}")


if __name__ == "__main__":
    main()
