"""Extractor speed and memory, side by side with a bare dateparser.search_dates on the same texts.

    python bench/extract_bench.py [--rounds N]

Prints milliseconds per article for both, their ratio (aim: at most 2x), and the peak resident
memory of a process that only loads the extractor and runs it (aim: under 150 MB).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def articles() -> list[tuple[str, date]]:
    """Every article of the development split (the 46 short originals and the longer new sets)."""
    from tests.eval.evaluate import load_articles

    return [(a["text"], date.fromisoformat(a["published"])) for a in load_articles("dev")]


def time_per_article(fn, texts: list[tuple[str, date]], rounds: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for text, pub in texts:
            fn(text, pub)
        samples.append((time.perf_counter() - start) / len(texts) * 1000)
    return statistics.median(samples)


def memory_child() -> None:
    from tracker.extraction.pipeline import extract

    for text, pub in articles():
        extract(text, pub)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child()
        return
    from dateparser.search import search_dates

    from tracker.extraction.pipeline import extract

    texts = articles()
    settings = {"RELATIVE_BASE": datetime(2025, 10, 17)}

    def baseline(text: str, pub: date) -> object:
        return search_dates(text, languages=["en"], settings={**settings, "RELATIVE_BASE": datetime(pub.year, pub.month,
                                                                                                      pub.day)})

    # warm both (dateparser's first call builds its language data)
    baseline(texts[0][0], texts[0][1])
    extract(texts[0][0], texts[0][1])
    ours = time_per_article(extract, texts, args.rounds)
    base = time_per_article(baseline, texts, args.rounds)
    chars = statistics.mean(len(t) for t, _ in texts)
    mem = float(subprocess.run([sys.executable, __file__, "--memory-child"], capture_output=True, text=True,
                               check=True).stdout.strip())
    print(f"articles: {len(texts)} (mean {chars:.0f} characters), rounds: {args.rounds}")
    print(f"extractor             {ours:8.2f} ms/article")
    print(f"dateparser.search_dates {base:6.2f} ms/article (languages=['en'])")
    print(f"ratio extractor/baseline {ours / base:5.2f}x  (aim <= 2x)")
    print(f"extractor process peak RSS {mem:6.1f} MB  (aim < 150 MB)")


if __name__ == "__main__":
    main()
