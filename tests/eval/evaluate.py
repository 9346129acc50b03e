"""Scores the rule-based extractor on the labelled set: `python -m tests.eval.evaluate [-v]`.

Articles (articles.json): a gold claim is found when an extracted statement contains its `match`
text; precision = extracted claims that match a gold claim / all extracted; recall = required gold
claims found / all required; speaker and deadline accuracy are over the gold claims found.
Deadline phrases (deadlines.json): the deadline grammar alone, date and vague flag both right.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tracker.extraction.deadlines import parse_deadline_phrase
from tracker.extraction.pipeline import Claim, extract
from tracker.ingest import parse_seed
from tracker.names import name_key

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


@dataclass
class Scores:
    extracted: int = 0
    correct_extracted: int = 0
    required: int = 0
    found_required: int = 0
    matched: int = 0
    speaker_ok: int = 0
    deadline_ok: int = 0
    absent_violations: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct_extracted / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found_required / self.required if self.required else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.matched if self.matched else 0.0

    @property
    def deadline_accuracy(self) -> float:
        return self.deadline_ok / self.matched if self.matched else 0.0


def load_articles() -> list[dict]:  # type: ignore[type-arg]
    articles = json.loads((HERE / "articles.json").read_text())
    for article in articles:
        if "file" in article:
            article["text"] = parse_seed((ROOT / article["file"]).read_text(), article["id"]).text
    return articles


def _speaker_ok(claim: Claim, allowed: list[str | None]) -> bool:
    names = [claim.speaker, *claim.co_speakers] if claim.speaker else [None]
    keys = {name_key(a) if a else None for a in allowed}
    return any((name_key(n) if n else None) in keys for n in names)


def score_articles(verbose: bool = False) -> Scores:
    s = Scores()
    for article in load_articles():
        claims = extract(article["text"], date.fromisoformat(article["published"]))
        s.extracted += len(claims)
        used: set[int] = set()
        for gold in article["claims"]:
            if not gold.get("optional"):
                s.required += 1
            hit = next((i for i, c in enumerate(claims) if i not in used
                        and gold["match"].lower() in c.statement.lower()), None)
            if hit is None:
                if not gold.get("optional"):
                    s.misses.append(f"{article['id']}: missed {gold['match']!r}")
                continue
            used.add(hit)
            claim = claims[hit]
            if not gold.get("optional"):
                s.found_required += 1
            s.matched += 1
            if _speaker_ok(claim, gold["speaker"]):
                s.speaker_ok += 1
            elif verbose:
                s.misses.append(f"{article['id']}: speaker {claim.speaker!r}, want {gold['speaker']}")
            if claim.deadline == gold["deadline"] and claim.vague == gold["vague"]:
                s.deadline_ok += 1
            elif verbose:
                s.misses.append(f"{article['id']}: deadline {claim.deadline} vague={claim.vague} "
                                f"({claim.deadline_text!r}), want {gold['deadline']} vague={gold['vague']}")
        s.correct_extracted += len(used)
        for i, claim in enumerate(claims):
            if i not in used and verbose:
                s.misses.append(f"{article['id']}: extra {claim.speaker!r}: {claim.statement!r}")
            for absent in article.get("absent", []):
                if absent.lower() in claim.statement.lower():
                    s.absent_violations.append(f"{article['id']}: {absent!r} came out")
    return s


def score_deadlines(verbose: bool = False) -> tuple[float, int, list[str]]:
    cases = json.loads((HERE / "deadlines.json").read_text())
    ok = 0
    wrong: list[str] = []
    for phrase, published, expected, vague in cases:
        got = parse_deadline_phrase(phrase, date.fromisoformat(published))
        if got is not None and got.date.isoformat() == expected and got.vague == vague:
            ok += 1
        else:
            wrong.append(f"{phrase!r} @ {published}: got {got.date if got else None} "
                         f"vague={got.vague if got else None}, want {expected} vague={vague}")
    return ok / len(cases), len(cases), wrong


def main() -> None:
    verbose = "-v" in sys.argv
    s = score_articles(verbose)
    d_acc, d_n, d_wrong = score_deadlines(verbose)
    articles = len(load_articles())
    print(f"articles: {articles}, gold claims required: {s.required}, extracted: {s.extracted}")
    print(f"precision          {s.precision:.3f}")
    print(f"recall             {s.recall:.3f}")
    print(f"speaker accuracy   {s.speaker_accuracy:.3f}  (over {s.matched} matched claims)")
    print(f"deadline accuracy  {s.deadline_accuracy:.3f}  (over {s.matched} matched claims)")
    print(f"deadline phrases   {d_acc:.3f}  ({d_n} phrases)")
    print(f"absent violations  {len(s.absent_violations)}")
    if verbose:
        for line in s.misses + s.absent_violations + d_wrong:
            print("  -", line)


if __name__ == "__main__":
    main()
