"""Links: pages per second through the whole path a shared link takes — safe fetch over loopback HTTP,
main text and date (trafilatura + htmldate), claims — alongside a bare `trafilatura.extract` of the same
pages in the same run; and how often the page's date is right on the fixtures.

    python bench/links_bench.py [--rounds N]

The pages are the outlet-shaped fixtures in tests/fixtures/pages, served by the tests' loopback server.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakeapi.pageserver import PAGES, PageServer  # noqa: E402
from tracker.errors import LinkError  # noqa: E402
from tracker.extraction.pipeline import extract as extract_claims  # noqa: E402
from tracker.fetch import Limits, Page, fetch  # noqa: E402
from tracker.pages import read_page  # noqa: E402

TODAY = date(2026, 11, 26)


PHASES = ("fetch", "text+date", "claims")


def full_path(server: PageServer, names: list[str], rounds: int) -> tuple[float, int, dict[str, float]]:
    """Seconds per page (median over rounds) for fetch + read_page + extract_claims, claims found, and
    the median seconds per page of each phase."""
    limits = Limits(allow_private=True)

    async def one_round(spent: dict[str, float]) -> int:
        found = 0
        for name in names:
            t0 = time.perf_counter()
            page = await fetch(server.url(server.path_of(name)), limits)
            t1 = time.perf_counter()
            spent["fetch"] += t1 - t0
            try:
                article = read_page(page, TODAY)
            except LinkError:
                continue
            finally:
                spent["text+date"] += time.perf_counter() - t1
            t2 = time.perf_counter()
            found += len(extract_claims(article.text, article.published or TODAY))
            spent["claims"] += time.perf_counter() - t2
        return found

    samples, claims, phases = [], 0, {p: [] for p in PHASES}  # type: ignore[var-annotated]
    for _ in range(rounds):
        spent = dict.fromkeys(PHASES, 0.0)
        start = time.perf_counter()
        claims = asyncio.run(one_round(spent))
        samples.append((time.perf_counter() - start) / len(names))
        for p in PHASES:
            phases[p].append(spent[p] / len(names))
    return statistics.median(samples), claims, {p: statistics.median(v) for p, v in phases.items()}


def bare_trafilatura(names: list[str], rounds: int) -> float:
    import trafilatura

    bodies = [(PAGES / n).read_text(encoding="utf-8") for n in names]
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for body in bodies:
            trafilatura.extract(body)
        samples.append((time.perf_counter() - start) / len(bodies))
    return statistics.median(samples)


def date_accuracy(server: PageServer) -> list[tuple[str, str | None, str | None, str, str]]:
    """Per fixture: the true date, htmldate's date as read_page asks for it, right or not, and what the
    bot does with the page (reads it, or refuses it as a paywall or an empty page)."""
    from tracker.pages import _html, _published

    rows = []
    for name, info in sorted(server.fixtures.items()):
        page = Page(server.url(info["path"]), "", "text/html", "utf-8", (PAGES / name).read_bytes())
        got = _published(_html(page), page.url, TODAY)
        shown = got.isoformat() if got else None
        try:
            read_page(page, TODAY)
            outcome = "read"
        except LinkError as exc:
            outcome = f"refused ({exc.code.value})"
        rows.append((name, info["published"], shown, "✓" if shown == info["published"] else "✗", outcome))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    server = PageServer().start()
    try:
        names = sorted(server.fixtures)
        extract_claims("warm up: the minister said the talks will resume next week.", TODAY)
        fulls, bares, split = [], [], {p: [] for p in PHASES}  # type: ignore[var-annotated]
        for _ in range(args.rounds):  # alternating, so both see the same machine load
            one, claims, phases = full_path(server, names, 1)
            fulls.append(one)
            bares.append(bare_trafilatura(names, 1))
            for p in PHASES:
                split[p].append(phases[p])
        full, bare = statistics.median(fulls), statistics.median(bares)
        phases = {p: statistics.median(v) for p, v in split.items()}
        print(f"{len(names)} fixture pages, median of {args.rounds} alternating rounds")
        print(f"fetch + text + date + claims: {full * 1000:7.1f} ms/page  {1 / full:6.1f} pages/s  "
              f"({claims} claims per round)")
        print(f"bare trafilatura.extract:     {bare * 1000:7.1f} ms/page  {1 / bare:6.1f} pages/s")
        print(f"ratio (whole path / bare extract): {full / bare:.2f}")
        print("  of which " + ", ".join(f"{p} {phases[p] * 1000:.1f} ms" for p in PHASES))
        print("\npublication date per fixture (expected → read):")
        rows = date_accuracy(server)
        for name, want, got, mark, outcome in rows:
            print(f"  {mark} {name:18} {want!s:12} → {got!s:12} {outcome}")
        dated = [r for r in rows if r[1] is not None]
        right = sum(r[3] == "✓" for r in dated)
        print(f"dates right: {right}/{len(dated)} pages that have one; "
              f"{sum(r[3] == '✓' for r in rows if r[1] is None)}/{len(rows) - len(dated)} undated pages left undated")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
