"""Extractor speed per language (English, Russian, Ukrainian) beside a bare dateparser.search_dates on the
same texts in the same run, and the memory of a process with all three languages loaded.

    python bench/extract_lang_bench.py [--rounds N] [--en-limit N]

Texts: the development split of each language (English: the first --en-limit dev articles, so the run stays
short; Russian and Ukrainian: tests/eval/ru|uk/dev.json). Rounds alternate the two timings so a busy
machine slows both alike. The memory line is a fresh process that loads the extractor, extracts one text
per language (so pymorphy3's two dictionaries, razdel and the English tables are all loaded) and reports
its peak resident set (ru_maxrss).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def texts_for(lang: str, en_limit: int) -> list[tuple[str, date]]:
    from tests.eval.evaluate import load_articles

    rows = load_articles("dev", lang)
    if lang == "en":
        rows = rows[:en_limit]
    return [(a["text"], date.fromisoformat(a["published"])) for a in rows]


def one_round(fn: Callable[[str, date], object], texts: list[tuple[str, date]]) -> float:
    start = time.perf_counter()
    for text, pub in texts:
        fn(text, pub)
    return (time.perf_counter() - start) / len(texts) * 1000


def memory_child() -> None:
    from tracker.extraction.pipeline import extract

    for lang in ("en", "ru", "uk"):
        text, pub = texts_for(lang, 1)[0]
        extract(text, pub)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--en-limit", type=int, default=100)
    parser.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child()
        return
    from dateparser.search import search_dates

    from tracker.extraction.pipeline import extract

    print(f"rounds: {args.rounds} (alternating extractor and dateparser)")
    for lang in ("en", "ru", "uk"):
        texts = texts_for(lang, args.en_limit)

        def baseline(text: str, pub: date, lang: str = lang) -> object:
            return search_dates(text, languages=[lang],
                                settings={"RELATIVE_BASE": datetime(pub.year, pub.month, pub.day)})

        baseline(*texts[0])  # warm both: dateparser builds its language data, the extractor its analyzers
        extract(*texts[0])
        ours: list[float] = []
        base: list[float] = []
        for _ in range(args.rounds):
            ours.append(one_round(extract, texts))
            base.append(one_round(baseline, texts))
        o, b = statistics.median(ours), statistics.median(base)
        chars = statistics.mean(len(t) for t, _ in texts)
        print(f"{lang}: {len(texts):3d} articles (mean {chars:4.0f} chars)  extractor {o:7.2f} ms/article  "
              f"dateparser.search_dates(languages=['{lang}']) {b:7.2f} ms/article  ratio {o / b:5.2f}x")
    mem = float(subprocess.run([sys.executable, __file__, "--memory-child"], capture_output=True, text=True,
                               check=True).stdout.strip())
    print(f"process with en+ru+uk loaded, peak RSS {mem:6.1f} MB")


if __name__ == "__main__":
    main()
