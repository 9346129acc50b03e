"""Evidence matching: one new article against 10,000 open predictions in a chat — milliseconds per article
through the matcher (BM25 over the claims + re-ranking), and through the whole service (load the chat's
open predictions from SQLite, match, store suggestions), beside the bare `bm25s` work on the same texts in
the same run (tokenize and index the claims, retrieve with the article's sentences).

    python bench/match_bench.py [--claims 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakeapi.pageserver import LATER, PAGES  # noqa: E402
from tracker import evidence  # noqa: E402
from tracker.db import Database  # noqa: E402
from tracker.extraction.sentences import split_sentences  # noqa: E402
from tracker.matching import DEFAULT, LaterArticle, OpenClaim, _stemmer  # noqa: E402

PEOPLE = ["Donald Trump", "Vladimir Putin", "Volodymyr Zelensky", "Christine Lagarde", "Jerome Powell", "Elon Musk",
          "Clara Jensen", "Tomas Ruiz", "Amira Haddad", "Owen Hughes", "Priya Natarajan", "Mark Dale", "Olaf Berg",
          "Giorgia Ferri", "Rishi Anand", "Keir Walsh", "Ursula Stein", "Xi Jinping", "Narendra Modi", "Lula Costa"]
EVENTS = ["hold a summit in {city}", "sign a peace deal with {country}", "cut interest rates", "raise tariffs on "
          "{country}", "open a factory in {city}", "launch the new rocket", "present the budget", "win the election",
          "resign as leader", "complete the takeover of {company}", "hold talks in {city}", "end the strike",
          "reopen the border with {country}", "build a stadium in {city}", "ban the app", "cut the deficit",
          "visit {city}", "agree a ceasefire with {country}", "list {company} on the stock exchange",
          "release the report"]
CITIES = ["Budapest", "Geneva", "Riyadh", "Istanbul", "Paris", "Berlin", "Warsaw", "Ohio", "Lagos", "Jakarta"]
COUNTRIES = ["Ukraine", "China", "Canada", "Mexico", "India", "Brazil", "Iran", "Turkey", "Japan", "Poland"]
COMPANIES = ["Volterra", "Kestrel Labs", "Northbank", "Castell", "Meridian Air", "Orbis", "Tidewater", "Helix"]


def claims(n: int, seed: int = 7) -> list[OpenClaim]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        event = rng.choice(EVENTS).format(city=rng.choice(CITIES), country=rng.choice(COUNTRIES),
                                          company=rng.choice(COMPANIES))
        made = date(2025, 1, 1) + timedelta(days=rng.randrange(280))
        verb = rng.choice(["will", "could", "plans to", "is expected to"])
        out.append(OpenClaim(i + 1, rng.choice(PEOPLE), f"{verb} {event}", made, made + timedelta(days=rng.randrange(
            10, 120))))
    return out


def articles() -> list[LaterArticle]:
    texts = [(story["text"], story["title"]) for story in LATER.values()]
    for name in ("seed.html", "plain.html", "jsonld.html"):
        from tracker.fetch import Page
        from tracker.pages import read_page

        page = read_page(Page("http://x/" + name, "", "text/html", "utf-8", (PAGES / name).read_bytes()),
                         date(2026, 11, 26))
        texts.append((page.text, page.title or ""))
    return [LaterArticle(text, date(2025, 10, 22), title) for text, title in texts]


def bare_bm25(corpus: list[OpenClaim], article: LaterArticle) -> None:
    import bm25s

    index = bm25s.BM25()
    index.index(bm25s.tokenize([f"{c.statement} {c.speaker}" for c in corpus], stopwords="en", stemmer=_stemmer(),
                               show_progress=False), show_progress=False)
    queries = [s.text for s in split_sentences(article.text)]
    index.retrieve(bm25s.tokenize(queries, stopwords="en", stemmer=_stemmer(), show_progress=False), k=10,
                   show_progress=False, n_threads=1)


def timed(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def service_setup(db: Database, corpus: list[OpenClaim], chat: int) -> None:
    from tracker.predictions import Draft, save

    with db.session() as session:
        drafts = [Draft(speaker=c.speaker, statement=c.statement, deadline=c.deadline, made_at=c.made_at)
                  for c in corpus]
        save(session, chat, drafts, None, skip_tracked=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    corpus, texts = claims(args.claims), articles()
    DEFAULT.match(corpus[:50], texts[0])  # warm up (imports, stemmer)
    # as the service calls it: every prediction made before the article (related news need no window)
    matcher_ms = [timed(lambda a=a: DEFAULT.match(corpus, a, False, evidence.RELATED_FLOOR), args.rounds)
                  for a in texts]
    bare_ms = [timed(lambda a=a: bare_bm25(corpus, a), args.rounds) for a in texts]
    print(f"{args.claims:,} open predictions, {len(texts)} articles, median of {args.rounds} runs each")
    print(f"matcher (BM25 + re-ranking):   {statistics.median(matcher_ms):7.1f} ms an article "
          f"(min {min(matcher_ms):.1f}, max {max(matcher_ms):.1f})")
    print(f"bare bm25s index + retrieve:   {statistics.median(bare_ms):7.1f} ms an article "
          f"(min {min(bare_ms):.1f}, max {max(bare_ms):.1f})")
    print(f"ratio: {statistics.median(matcher_ms) / statistics.median(bare_ms):.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{tmp}/bench.db")
        db.migrate()
        service_setup(db, corpus, chat=1)

        async def one(i: int, a: LaterArticle) -> None:
            await evidence.find(db, 1, a.text + f"\n\n(run {i})", a.published, a.title)  # a new article each time

        runs = []
        for i in range(args.rounds):
            for a in texts:
                start = time.perf_counter()
                asyncio.run(one(i, a))
                runs.append((time.perf_counter() - start) * 1000)
        print(f"whole service (SQLite: load 10,000 open predictions, match, store): "
              f"{statistics.median(runs):7.1f} ms an article")
        db.dispose()


if __name__ == "__main__":
    main()
