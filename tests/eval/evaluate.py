"""Scores the rule-based extractor: `python -m tests.eval.evaluate [--split dev|test] [-v]`, and per language
`python -m tests.eval.evaluate --lang ru|uk [--split dev|test] [-v]`.

Two splits, labelled by GUIDE.md:
- **dev** (tuned on): articles.json (the first 46) + dev/articles_*.json, deadline phrases
  deadlines.json, deadline sentences dev/sentences.json.
- **test** (frozen, written blind by another hand, never looked at while tuning): heldout/*.json.
  Only its totals are printed; `-v` lists misses for dev alone.

Articles: a gold claim is found when an extracted statement contains its `match` text; precision =
extracted claims that match a gold claim (optional ones included) / all extracted; recall = required
gold claims found / all required; speaker and deadline accuracy are over the gold claims found.
Deadline phrases: the grammar alone. Deadline sentences: the whole extractor on one sentence, the
first claim's date and vague flag.

Russian and Ukrainian (issue 17): ru/ and uk/ hold dev.json and deadlines_dev.json (tuned on) and test.json and
deadlines_test.json (frozen, written blind, never looked at while tuning: only totals are printed, `-v` is
ignored for them). Their deadline rows are phrases or one-claim sentences; the grammar reads the time phrase
in them (none → the default horizon).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tracker.extraction.claims import Claim
from tracker.extraction.deadlines import parse_deadline_phrase
from tracker.extraction.pipeline import extract
from tracker.ingest import parse_seed
from tracker.names import name_key

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


@dataclass
class Scores:
    articles: int = 0
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


SPLITS = {
    "dev": {"articles": ["articles.json", "dev/articles_*.json"], "sentences": ["dev/sentences*.json"]},
    "test": {"articles": ["heldout/articles_*.json"], "sentences": ["heldout/sentences_*.json"]},
}


def _load(patterns: list[str]) -> list:  # type: ignore[type-arg]
    rows: list = []  # type: ignore[type-arg]
    for pattern in patterns:
        for path in sorted(HERE.glob(pattern)):
            rows.extend(json.loads(path.read_text()))
    return rows


LANG_SPLITS = {lang: {split: {"articles": f"{lang}/{split}.json", "deadlines": f"{lang}/deadlines_{split}.json"}
                       for split in ("dev", "test")} for lang in ("ru", "uk")}


def load_articles(split: str = "dev", lang: str = "en") -> list[dict]:  # type: ignore[type-arg]
    if lang != "en":
        return json.loads((HERE / LANG_SPLITS[lang][split]["articles"]).read_text())
    articles = _load(SPLITS[split]["articles"])
    for article in articles:
        if "file" in article:
            article["text"] = parse_seed((ROOT / article["file"]).read_text(), article["id"]).text
    return articles


def _speaker_ok(claim: Claim, allowed: list[str | None]) -> bool:
    names = [claim.speaker, *claim.co_speakers] if claim.speaker else [None]
    keys = {name_key(a) if a else None for a in allowed}
    return any((name_key(n) if n else None) in keys for n in names)


def score_articles(verbose: bool = False, split: str = "dev", lang: str = "en") -> Scores:
    s = Scores()
    articles = load_articles(split, lang)
    s.articles = len(articles)
    for article in articles:
        claims = extract(article["text"], date.fromisoformat(article["published"]))
        s.extracted += len(claims)
        used: set[int] = set()
        for gold in article["claims"]:
            if not gold.get("optional"):
                s.required += 1
            hit = next((i for i, c in enumerate(claims) if i not in used
                        and gold["match"].lower() in c.statement.lower()), None)
            if hit is None:
                if not gold.get("optional") and verbose:
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
                    s.absent_violations.append(f"{article['id']}: {absent!r} came out" if verbose else article["id"])
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


def score_sentences(split: str = "dev") -> tuple[float, int, list[str]]:
    """The whole extractor on single sentences: the first claim's deadline and vague flag."""
    rows = _load(SPLITS[split]["sentences"])
    ok = 0
    wrong: list[str] = []
    for text, published, expected, vague in rows:
        claims = extract(text, date.fromisoformat(published))
        got = claims[0] if claims else None
        if got is not None and got.deadline == expected and got.vague == vague:
            ok += 1
        else:
            wrong.append(f"{text!r} @ {published}: got {got.deadline if got else None} vague="
                         f"{got.vague if got else None} ({got.deadline_text if got else ''!r}), want {expected} {vague}")
    return (ok / len(rows) if rows else 0.0), len(rows), wrong


def report(split: str, verbose: bool) -> None:
    s = score_articles(verbose, split)
    sent_acc, sent_n, sent_wrong = score_sentences(split)
    print(f"== {split}: {s.articles} articles, gold claims required: {s.required}, "
          f"extracted: {s.extracted}")
    print(f"precision          {s.precision:.3f}")
    print(f"recall             {s.recall:.3f}")
    print(f"speaker accuracy   {s.speaker_accuracy:.3f}  (over {s.matched} matched claims)")
    print(f"deadline accuracy  {s.deadline_accuracy:.3f}  (over {s.matched} matched claims)")
    print(f"deadline sentences {sent_acc:.3f}  ({sent_n} sentences)")
    print(f"absent violations  {len(s.absent_violations)}")
    lines = s.misses + s.absent_violations + sent_wrong
    if split == "dev":
        d_acc, d_n, d_wrong = score_deadlines(verbose)
        print(f"deadline phrases   {d_acc:.3f}  ({d_n} phrases)")
        lines += d_wrong
    if verbose and split == "dev":
        for line in lines:
            print("  -", line)


def score_lang_deadlines(lang: str, split: str = "dev") -> tuple[float, int, list[str]]:
    """Russian or Ukrainian deadline rows through the phrase grammar alone."""
    from tracker.extraction.slavic.deadlines import parse_deadline_phrase as parse_slavic

    rows = json.loads((HERE / LANG_SPLITS[lang][split]["deadlines"]).read_text())
    ok = 0
    wrong: list[str] = []
    for phrase, published, expected, vague in rows:
        got = parse_slavic(phrase, date.fromisoformat(published), lang)
        if got.date.isoformat() == expected and got.vague == vague:
            ok += 1
        else:
            wrong.append(f"{phrase!r} @ {published}: got {got.date} vague={got.vague} ({got.text!r}), "
                         f"want {expected} vague={vague}")
    return (ok / len(rows) if rows else 0.0), len(rows), wrong


def report_lang(lang: str, split: str, verbose: bool) -> None:
    verbose = verbose and split == "dev"  # the test split's items are never printed
    s = score_articles(verbose, split, lang)
    d_acc, d_n, d_wrong = score_lang_deadlines(lang, split)
    print(f"== {lang} {split}: {s.articles} articles, gold claims required: {s.required}, extracted: {s.extracted}")
    print(f"precision          {s.precision:.3f}")
    print(f"recall             {s.recall:.3f}")
    print(f"speaker accuracy   {s.speaker_accuracy:.3f}  (over {s.matched} matched claims)")
    print(f"deadline accuracy  {s.deadline_accuracy:.3f}  (over {s.matched} matched claims)")
    print(f"absent violations  {len(s.absent_violations)}")
    print(f"deadline phrases   {d_acc:.3f}  ({d_n} phrases)")
    if verbose:
        for line in s.misses + s.absent_violations + d_wrong:
            print("  -", line)


def _option(name: str) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv[:-1] else None


def main() -> None:
    verbose = "-v" in sys.argv
    lang = _option("--lang")
    if lang:
        report_lang(lang, _option("--split") or "dev", verbose)
        return
    split = _option("--split")  # English: both splits unless one is named (or --dev-only)
    if split in (None, "dev"):
        report("dev", verbose)
    if split in (None, "test") and "--dev-only" not in sys.argv:
        report("test", False)


if __name__ == "__main__":
    main()
