"""Issue 14: a news URL becomes a dated article. The real bot talks to the loopback Bot API and fetches
pages from a loopback web server of saved outlet-shaped fixtures (FETCH_ALLOW_PRIVATE=true here; the
SSRF tests in test_links_ssrf.py run with it off)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.render import fmt_date
from tests.conftest import BotThread, wait_until
from tests.fakeapi.pageserver import PageServer
from tests.fakeapi.runner import make_settings
from tests.fakeapi.server import FakeTelegram, SentMessage
from tracker.db import Database
from tracker.models import Prediction, Source
from tracker.store import source_text

CHAT = 1414
READABLE = ["jsonld.html", "opengraph.html", "byline.html", "amp.html", "liveblog.html", "urldate.html",
            "plain.html", "seed.html"]


@pytest.fixture
def link_bot(tg: FakeTelegram, db: Database, db_url: str) -> Iterator[BotThread]:
    settings = make_settings(tg, db_url, fetch_allow_private=True, fetch_timeout_seconds=3, links_per_minute=30)
    runner = BotThread(settings, db).start()
    yield runner
    runner.stop()


def day(d: date) -> str:
    return fmt_date(d)


def read(tg: FakeTelegram, text: str, chat: int = CHAT, **kw: object) -> tuple[SentMessage, int]:
    """Send a message and wait for the bot's "Reading…" line to turn into its outcome."""
    mark = len(tg.messages)
    tg.send(chat, text, **kw)  # type: ignore[arg-type]
    status = tg.wait_for(lambda m: m.chat_id == chat and m.text.startswith("🔗 Reading"), after=mark)
    tg.wait_edit(status, 0)
    return status, mark


def review_after(tg: FakeTelegram, mark: int, chat: int = CHAT) -> SentMessage:
    return tg.wait_for(lambda m: m.chat_id == chat and "forward-looking statement" in m.text, after=mark)


@pytest.mark.parametrize("name", READABLE)
def test_a_link_is_read_and_reviewed_dated_from_the_page(name: str, tg: FakeTelegram, pages: PageServer,
                                                         link_bot: BotThread) -> None:
    info = pages.fixtures[name]
    status, mark = read(tg, pages.url(info["path"]))
    assert status.history[0] == "🔗 Reading 127.0.0.1…"
    published = date.fromisoformat(info["published"])
    assert f"published {day(published)} (from the page)" in status.text, status.text
    assert info["title"][:40] in status.text
    assert 'href="http://127.0.0.1' in status.html
    review = review_after(tg, mark)
    assert f"Deadlines count from {day(published)} (the page's publication date)" in review.text
    assert any(c[0] == "sendChatAction" for c in tg.calls)
    found = [s for s in info["speakers"] if s.split()[-1] in review.text]
    assert found, (info["speakers"], review.text)


def test_a_paywall_stub_gets_one_line(tg: FakeTelegram, pages: PageServer, link_bot: BotThread) -> None:
    status, _mark = read(tg, pages.url(pages.path_of("paywall.html")))
    assert "behind a paywall" in status.text and "Paste the text instead" in status.text
    assert len(tg.in_chat(CHAT)) == 1  # no review, nothing else


def test_a_cookie_wall_is_no_article(tg: FakeTelegram, pages: PageServer, db: Database, link_bot: BotThread) -> None:
    status, _mark = read(tg, pages.url(pages.path_of("cookiewall.html")))
    assert "no article text" in status.text and "paste the text instead" in status.text
    with db.session() as session:
        assert session.query(Source).count() == 0  # nothing half-saved


def test_redirects_are_followed_up_to_five(tg: FakeTelegram, pages: PageServer, link_bot: BotThread) -> None:
    status, mark = read(tg, pages.url("/redirect/3/jsonld"))
    assert "(from the page)" in status.text
    review_after(tg, mark)
    status, _mark = read(tg, pages.url("/redirect/6/plain"))
    assert "redirected more than 5 times" in status.text
    assert pages.hits[pages.path_of("plain.html")] == 0


def test_a_404_and_a_500_each_get_one_line(tg: FakeTelegram, pages: PageServer, link_bot: BotThread) -> None:
    assert "does not exist (error 404)" in read(tg, pages.url("/gone/story"))[0].text
    assert "had an error (HTTP 500); try again later" in read(tg, pages.url("/broken"))[0].text


def test_a_slow_drip_is_cut_off_by_the_total_timeout(tg: FakeTelegram, pages: PageServer,
                                                     link_bot: BotThread) -> None:
    status, _mark = read(tg, pages.url("/slow"))
    assert "took longer than 3 seconds" in status.text
    assert "/help" not in status.text and tg.errors == []


def test_a_10_mb_page_is_refused_after_2_mb(tg: FakeTelegram, pages: PageServer, link_bot: BotThread) -> None:
    status, _mark = read(tg, pages.url("/huge"))
    assert "over 2 MB, too large" in status.text


def test_a_pdf_is_not_read(tg: FakeTelegram, pages: PageServer, link_bot: BotThread) -> None:
    status, _mark = read(tg, pages.url("/report.pdf"))
    assert "is a PDF" in status.text


def test_a_channel_post_headline_and_link_is_dated_by_the_page_else_the_forward(
        tg: FakeTelegram, pages: PageServer, link_bot: BotThread) -> None:
    forward = {"type": "channel", "date": 1760700000, "message_id": 7,  # 17 Oct 2025
               "chat": {"id": -1001, "type": "channel", "title": "Newswire"}}
    post = "⚡️ Battery plant: Volterra picks the Midlands\n\nRead more"
    offset = post.index("Read more")
    status, mark = read(tg, post, forward_origin=forward,
                        text_links=[{"type": "text_link", "offset": offset, "length": 9,
                                     "url": pages.url(pages.path_of("jsonld.html"))}])
    assert "(from the page)" in status.text
    review_after(tg, mark)
    status, mark = read(tg, "Local news, read it: " + pages.url("/nodate"), forward_origin=forward)
    tg.wait_for(lambda m: f"Deadlines count from {day(date(2025, 10, 17))} (the original post's date)" in m.text,
                after=mark)
    assert "from the page" not in status.text


def test_ingest_with_a_date_and_a_link_the_date_wins(tg: FakeTelegram, pages: PageServer,
                                                     link_bot: BotThread) -> None:
    status, mark = read(tg, "/ingest 2025-10-20 " + pages.url(pages.path_of("seed.html")))
    assert "from the page" not in status.text
    assert f"Deadlines count from {day(date(2025, 10, 20))} (the date you gave)" in review_after(tg, mark).text
    status, mark = read(tg, "/ingest " + pages.url(pages.path_of("plain.html")))
    assert "(from the page)" in status.text
    review_after(tg, mark)


def test_a_link_shared_twice_is_fetched_once_and_stored_with_its_text(
        tg: FakeTelegram, pages: PageServer, db: Database, link_bot: BotThread) -> None:
    path = pages.path_of("opengraph.html")
    read(tg, pages.url(path) + "?utm_source=telegram")
    _status, mark = read(tg, pages.url(path))
    review_after(tg, mark)
    assert pages.hits[path] == 1
    with db.session() as session:
        sources = session.query(Source).all()
        assert len(sources) == 1
        assert sources[0].url and sources[0].url.startswith("http://127.0.0.1")
        assert sources[0].text_z is not None and len(sources[0].text_z) < len(source_text(sources[0]).encode())
        assert "Kestrel" in source_text(sources[0]) or len(source_text(sources[0])) > 400


def test_saved_predictions_show_their_source_link_in_show_and_prompts(
        tg: FakeTelegram, pages: PageServer, db: Database, link_bot: BotThread) -> None:
    url = pages.url(pages.path_of("seed.html"))
    _status, mark = read(tg, url)
    review = review_after(tg, mark)
    tg.click(review, "Save")
    wait_until(lambda: "Saved" in review.text)
    shown = tg.reply(CHAT, "/show 1")
    assert f'href="{url}"' in shown.html and "📰" in shown.text
    with db.session() as session:
        assert all(p.source_id is not None for p in session.query(Prediction).filter_by(chat_id=CHAT))
    # the seed's summit "within two weeks" of 17 Oct 2025 is long past: the reminder job asks at once
    prompt = tg.wait_for(lambda m: m.chat_id == CHAT and "Deadline passed" in m.text)
    assert f'Source: <a href="{url}">' in prompt.html
    sent = [c for c in tg.calls if c[0] == "sendMessage" and "Source:" in str(c[1].get("text", ""))]
    assert sent and all(str(c[1].get("disable_web_page_preview", c[1].get("link_preview_options", "")))
                        not in {"", "False", "false"} for c in sent)


def test_only_the_first_three_links_are_read(tg: FakeTelegram, pages: PageServer, link_bot: BotThread) -> None:
    names = ["jsonld.html", "opengraph.html", "byline.html", "amp.html"]
    text = "\n".join(pages.url(pages.path_of(n)) for n in names)
    mark = len(tg.messages)
    tg.send(CHAT, text)

    def readings() -> list[SentMessage]:
        return [m for m in tg.messages[mark:] if m.chat_id == CHAT and m.history[:1] and
                m.history[0].startswith("🔗 Reading")]

    wait_until(lambda: len(readings()) >= 3)
    tg.wait_for(lambda m: "Harbourside" in m.text or "Ashworth" in m.text, after=mark)  # byline.html, the third
    tg.reply(CHAT, "/help")  # handled after the link message, in order: the link message is done
    assert len(readings()) == 3
    assert pages.hits[pages.path_of("amp.html")] == 0


def test_a_long_text_with_a_link_is_read_as_the_text(tg: FakeTelegram, pages: PageServer,
                                                     link_bot: BotThread) -> None:
    article = ("Finance Minister Clara Jensen said on Tuesday the government will present the budget by the end "
               "of November. Opposition leader Mark Dale said his party could block it within two weeks. "
               "Analysts expect markets to stay calm. ") * 2
    review = tg.reply(CHAT, article + pages.url("/report.pdf"), "forward-looking statement")
    assert "Jensen" in review.text
    assert pages.hits["/report.pdf"] == 0


def test_a_chat_may_make_the_bot_fetch_ten_links_a_minute(tg: FakeTelegram, db: Database, db_url: str,
                                                           pages: PageServer) -> None:
    runner = BotThread(make_settings(tg, db_url, fetch_allow_private=True, links_per_minute=2), db).start()
    try:
        for path in ("/gone/1", "/gone/2"):
            assert "404" in read(tg, pages.url(path))[0].text
        status, _mark = read(tg, pages.url("/gone/3"))
        assert "2 links in a minute in this chat" in status.text
        assert pages.hits["/gone/3"] == 0
        assert "404" in read(tg, pages.url("/gone/4"), chat=CHAT + 5)[0].text  # another chat is not held up
    finally:
        runner.stop()


def test_calledit_extract_url_reads_a_page_on_the_command_line(pages: PageServer, tmp_path: Path) -> None:
    env = {**os.environ, "FETCH_ALLOW_PRIVATE": "true", "DATABASE_URL": f"sqlite:///{tmp_path}/cli.db"}
    url = pages.url(pages.path_of("seed.html"))
    done = subprocess.run([sys.executable, "-m", "calledit", "extract", "--url", url, "--json"], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["published"] == "2025-10-17" and out["date_basis"] == "page"
    assert any(c["speaker"] == "Donald Trump" and c["deadline"] == "2025-10-31" for c in out["claims"]), out
    refused = subprocess.run([sys.executable, "-m", "calledit", "extract", "--url", pages.url("/report.pdf")],
                             env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and refused.stderr.strip().endswith("Paste the article's text instead.")
    assert "Traceback" not in refused.stderr
