"""Issue 14's SSRF evidence: with FETCH_ALLOW_PRIVATE off (the default), links to loopback, private,
link-local (the cloud metadata service) and their disguised spellings are refused with one line and no
request; so is a public-looking link whose redirect points at loopback. The refused addresses are judged
by the address check alone: the only server that could answer is the loopback page server, and its hit
counter shows it was never asked for them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import BotThread
from tests.e2e.test_links import read
from tests.fakeapi.pageserver import PageServer
from tests.fakeapi.runner import make_settings
from tests.fakeapi.server import FakeTelegram
from tracker import fetch
from tracker.db import Database

CHAT = 1515
PUBLIC_NAME = "news.example.test"  # resolved to the loopback page server by the test's resolver only


@pytest.fixture
def guarded_bot(tg: FakeTelegram, db: Database, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[BotThread]:
    real = fetch.system_resolver
    monkeypatch.setattr(fetch, "system_resolver",
                        lambda host, port: ["127.0.0.1"] if host == PUBLIC_NAME else real(host, port))
    settings = make_settings(tg, db_url, fetch_allow_hosts=PUBLIC_NAME)  # FETCH_ALLOW_PRIVATE stays off
    assert settings.fetch_allow_private is False
    runner = BotThread(settings, db).start()
    yield runner
    runner.stop()


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/admin", "http://localhost/admin", "http://[::1]/admin", "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/router", "http://2130706433/admin", "http://[::ffff:127.0.0.1]/admin", "https://0x7f.1/admin",
])
def test_private_and_loopback_links_are_refused_with_one_line(url: str, tg: FakeTelegram, pages: PageServer,
                                                               guarded_bot: BotThread) -> None:
    status, _mark = read(tg, url, chat=CHAT)
    assert status.text.startswith("⚠️ I don't open links to private or local addresses"), status.text
    assert "paste the text instead" in status.text
    assert len(tg.in_chat(CHAT)) == 1


def test_the_page_servers_own_port_on_loopback_is_refused_unasked(tg: FakeTelegram, pages: PageServer,
                                                                  guarded_bot: BotThread) -> None:
    for host in ("127.0.0.1", "localhost"):
        status, _mark = read(tg, pages.url("/secret", host=host), chat=CHAT)
        assert "⚠️" in status.text
    assert pages.hits["/secret"] == 0


def test_a_public_looking_link_that_redirects_to_loopback_is_refused_at_the_hop(
        tg: FakeTelegram, pages: PageServer, guarded_bot: BotThread) -> None:
    secret = pages.url("/secret")
    status, _mark = read(tg, pages.url(f"/to?url={secret}", host=PUBLIC_NAME), chat=CHAT)
    assert pages.hits["/to"] == 1  # the allowed first hop was fetched…
    assert pages.hits["/secret"] == 0  # …its redirect to loopback was not
    assert "redirects to a private or local address (127.0.0.1)" in status.text

