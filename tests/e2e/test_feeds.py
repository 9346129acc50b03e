"""Issue 15: chats follow feeds and channels. The real bot polls a loopback feed server (tests/fakeapi/
feedserver.py) every half second and talks to the loopback Bot API; FETCH_ALLOW_PRIVATE lets it reach
the loopback server."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.conftest import BotProcess, BotThread, wait_until
from tests.fakeapi.feedserver import FeedServer, FeedSpec, article_item
from tests.fakeapi.runner import make_settings
from tests.fakeapi.server import FakeTelegram, SentMessage
from tracker.db import Database

CHAT = 1616
FAST = {"fetch_allow_private": True, "feed_check_seconds": 0.3, "feed_interval_seconds": 1,
        "feed_min_interval_seconds": 1}


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    server = FeedServer().start()
    yield server
    server.stop()


@pytest.fixture
def feed_bot(tg: FakeTelegram, db: Database, db_url: str) -> Iterator[BotThread]:
    runner = BotThread(make_settings(tg, db_url, **FAST), db).start()
    yield runner
    runner.stop()


def digests_in(tg: FakeTelegram, chat: int = CHAT) -> list[SentMessage]:
    return [m for m in tg.in_chat(chat) if " from " in m.text.split("\n", 1)[0] and m.text.startswith("📰")]


def polls(feeds: FeedServer, path: str, n: int) -> None:
    """Wait until the bot has asked for `path` n more times (its polling rounds)."""
    target = feeds.hits[path] + n
    wait_until(lambda: feeds.hits[path] >= target, timeout=20)


def follow(tg: FakeTelegram, url: str, chat: int = CHAT) -> SentMessage:
    return tg.reply(chat, f"/follow {url}", "Following")


def test_follow_proposes_nothing_old_then_one_digest_per_new_item(tg: FakeTelegram, feeds: FeedServer,
                                                                   feed_bot: BotThread) -> None:
    url = feeds.add("/feeds/rss.xml", FeedSpec("rss", "Newswire", [article_item(i, days_ago=3) for i in range(3)]))
    followed = follow(tg, url)
    assert "Following Newswire (#1) — 3 items; I will read new ones from now on." in followed.text
    polls(feeds, "/feeds/rss.xml", 3)
    assert digests_in(tg) == [] and feeds.hits["/a/story-0"] == 0  # nothing old proposed, nothing old read
    assert feeds.not_modified >= 2  # unchanged rounds cost a 304
    feeds.feeds["/feeds/rss.xml"].items.insert(0, article_item(7))
    digest = tg.wait_for(lambda m: m.chat_id == CHAT and m.text.startswith("📰 1 new article from Newswire"))
    assert "statements" in digest.text.split("\n")[0] and "Story 7" in digest.text
    assert digest.button("Save") and 'href="http://127.0.0.1' in digest.html
    polls(feeds, "/feeds/rss.xml", 3)
    assert len(digests_in(tg)) == 1  # a second round with no change sends nothing
    assert feeds.hits["/a/story-7"] == 1
    tg.click(digest, "Save")
    wait_until(lambda: "Saved" in digest.text)
    shown = tg.reply(CHAT, "/show 1")
    assert "Story 7" in shown.text and "/a/story-7" in shown.html


@pytest.mark.parametrize("kind", ["atom", "json", "rdf"])
def test_atom_json_feed_and_rss_1(kind: str, tg: FakeTelegram, feeds: FeedServer, feed_bot: BotThread) -> None:
    url = feeds.add(f"/feeds/{kind}", FeedSpec(kind, f"{kind} wire", [article_item(1, days_ago=2)]))
    assert f"Following {kind} wire (#1) — 1 item;" in follow(tg, url).text
    feeds.feeds[f"/feeds/{kind}"].items.append(article_item(8))
    digest = tg.wait_for(lambda m: m.chat_id == CHAT and m.text.startswith(f"📰 1 new article from {kind} wire"))
    assert "Story 8" in digest.text


def test_a_site_page_that_names_its_feed_is_followed(tg: FakeTelegram, feeds: FeedServer, feed_bot: BotThread) -> None:
    feeds.add("/feeds/rss.xml", FeedSpec("rss", "Newswire", [article_item(1)]))
    assert "Following Newswire" in follow(tg, feeds.url("/site")).text
    assert feeds.hits["/site"] == 1 and feeds.hits["/feeds/rss.xml"] >= 1
    tg.reply(CHAT, "/feeds", "Followed here")
    assert "1. 📰 Newswire" in tg.in_chat(CHAT)[-1].text


def test_a_reordered_feed_without_guids_reproposes_nothing(tg: FakeTelegram, feeds: FeedServer,
                                                           feed_bot: BotThread) -> None:
    spec = FeedSpec("rss", "No guids", [article_item(i, guid=False) for i in range(4)])
    follow(tg, feeds.add("/feeds/noguid", spec))
    spec.items.reverse()
    polls(feeds, "/feeds/noguid", 3)
    assert digests_in(tg) == []
    spec.items.append(article_item(9, guid=False))
    tg.wait_for(lambda m: m.chat_id == CHAT and m.text.startswith("📰 1 new article from No guids"))
    polls(feeds, "/feeds/noguid", 2)
    assert len(digests_in(tg)) == 1


def test_a_feed_that_fails_is_shown_failing_then_recovers(tg: FakeTelegram, feeds: FeedServer,
                                                          feed_bot: BotThread) -> None:
    spec = FeedSpec("rss", "Flaky", [article_item(1)])
    follow(tg, feeds.add("/feeds/flaky", spec))
    feeds.failing("/feeds/flaky", 2)
    wait_until(lambda: not spec.fail, timeout=30)  # both 500s served (backing off between them)
    assert "⚠️ the site has errors (5xx)" in tg.reply(CHAT, "/feeds", "Followed here").text
    spec.items.append(article_item(5))
    tg.wait_for(lambda m: m.chat_id == CHAT and m.text.startswith("📰 1 new article from Flaky"), timeout=40)
    assert "⚠️" not in tg.reply(CHAT, "/feeds", "Followed here").text


def test_a_malformed_feed_gets_one_line_and_a_broken_followed_feed_is_marked(tg: FakeTelegram, feeds: FeedServer,
                                                                             feed_bot: BotThread) -> None:
    bad = feeds.add("/feeds/bad", FeedSpec("malformed", "Broken"))
    answer = tg.reply(CHAT, f"/follow {bad}", "no RSS, Atom or JSON feed")
    assert "Following" not in answer.text
    spec = FeedSpec("rss", "Turns bad", [article_item(1)])
    follow(tg, feeds.add("/feeds/turns", spec))
    spec.kind = "malformed"
    polls(feeds, "/feeds/turns", 1)
    wait_until(lambda: "⚠️" in tg.reply(CHAT, "/feeds", "Followed here").text, timeout=10)
    assert tg.errors == []


def test_unfollow_stops_it(tg: FakeTelegram, feeds: FeedServer, feed_bot: BotThread) -> None:
    spec = FeedSpec("rss", "Newswire", [article_item(1)])
    follow(tg, feeds.add("/feeds/rss.xml", spec))
    assert "Stopped following Newswire." in tg.reply(CHAT, "/unfollow 1").text
    time.sleep(1.0)
    before = feeds.hits["/feeds/rss.xml"]
    spec.items.append(article_item(2))
    time.sleep(2.0)
    assert feeds.hits["/feeds/rss.xml"] == before and digests_in(tg) == []
    assert "no followed source #1" in tg.reply(CHAT, "/unfollow 1").text


def test_backfill_and_keep_skip_words(tg: FakeTelegram, feeds: FeedServer, feed_bot: BotThread) -> None:
    items = [article_item(3, "Rail plan approved"), article_item(2, "Football: cup final plan"),
             article_item(1, "Bridge plan for the city", days_ago=1)]  # newest first, as feeds list them
    url = feeds.add("/feeds/rss.xml", FeedSpec("rss", "Newswire", items))
    tg.send(CHAT, f"/follow {url} --backfill 2 only: plan, final skip: football")
    digest = tg.wait_for(lambda m: m.chat_id == CHAT and m.text.startswith("📰"), timeout=30)
    assert digest.text.startswith("📰 1 new article from Newswire") and "Rail plan approved" in digest.text
    assert "Football" not in digest.text and "Bridge" not in digest.text  # skipped; older than the latest 2
    assert "only articles mentioning plan, final; skipping football." in tg.in_chat(CHAT)[1].text


def test_auto_mode_saves_a_digest_by_itself(tg: FakeTelegram, feeds: FeedServer, feed_bot: BotThread) -> None:
    assert "saved by themselves" in tg.reply(CHAT, "/settings feeds auto").text
    spec = FeedSpec("rss", "Newswire", [article_item(1)])
    follow(tg, feeds.add("/feeds/rss.xml", spec))
    spec.items.append(article_item(4))
    saved = tg.wait_for(lambda m: m.chat_id == CHAT and "💾 Saved" in m.text)
    assert saved.text.startswith("📰 1 new article from Newswire") and saved.buttons() == []
    assert "#1" in tg.reply(CHAT, "/list", "Open predictions").text
    assert "Undid the save of #1" in tg.reply(CHAT, "/undo", "Undid").text
    assert not [m for m in tg.in_chat(CHAT) if m.text.startswith("🔎")]  # its own claims are not "settled" by it


def test_channel_posts_from_an_admin_channel_produce_digests(tg: FakeTelegram, feeds: FeedServer,
                                                             feed_bot: BotThread) -> None:
    tg.add_channel("worldwire", -100777, "World Wire", bot_is_admin=True)
    followed = tg.reply(CHAT, "/follow @worldwire", "Following")
    assert "Following World Wire (#1)" in followed.text
    tg.channel_post(-100777, "Finance Minister Clara Jensen said on Tuesday the government will present the "
                             "budget by the end of November. Opposition leader Mark Dale said his party could "
                             "block it within two weeks. Analysts expect markets to stay calm.")
    digest = tg.wait_for(lambda m: m.chat_id == CHAT and m.text.startswith("📰 1 new article from World Wire"))
    assert "Jensen" in digest.text
    tg.channel_post(-100777, "Read more: " + feeds.url("/a/story-2"))
    tg.wait_for(lambda m: m.chat_id == CHAT and "Story 2" in m.text and m.text.startswith("📰"))
    assert len(digests_in(tg)) == 2


def test_a_channel_without_the_bot_as_admin_is_refused(tg: FakeTelegram, feed_bot: BotThread) -> None:
    tg.add_channel("private_news", -100888, "Private News", bot_is_admin=False)
    answer = tg.reply(CHAT, "/follow @private_news")
    assert "I am not an admin of @private_news" in answer.text and "Add Admin" in answer.text
    assert "I can't see the channel @nosuchchannel" in tg.reply(CHAT, "/follow @nosuchchannel").text


def test_kill_9_and_restart_reproposes_nothing(tg: FakeTelegram, feeds: FeedServer, db_url: str,
                                               bot_process: BotProcess) -> None:
    env = {k.upper(): str(v) for k, v in FAST.items()}
    bot_process.env.update(env)
    bot_process.start()
    spec = FeedSpec("rss", "Newswire", [article_item(1)])
    follow(tg, feeds.add("/feeds/rss.xml", spec))
    spec.items.append(article_item(3))
    tg.wait_for(lambda m: m.chat_id == CHAT and m.text.startswith("📰 1 new article from Newswire"), timeout=30)
    bot_process.kill9()
    bot_process.start()
    polls(feeds, "/feeds/rss.xml", 3)
    assert len(digests_in(tg)) == 1
    spec.items.append(article_item(4))
    tg.wait_for(lambda m: m.chat_id == CHAT and "Story 4" in m.text, timeout=30)
    assert len(digests_in(tg)) == 2


def test_the_same_story_from_two_feeds_is_shown_once(tg: FakeTelegram, feeds: FeedServer,
                                                     feed_bot: BotThread) -> None:
    first, second = FeedSpec("rss", "Wire A", [article_item(1)]), FeedSpec("atom", "Wire B", [article_item(2)])
    follow(tg, feeds.add("/feeds/a", first))
    follow(tg, feeds.add("/feeds/b", second))
    first.items.append(article_item(6))
    tg.wait_for(lambda m: m.chat_id == CHAT and m.text.startswith("📰 1 new article from Wire A"))
    second.items.append(article_item(6))  # the same article, by its link
    polls(feeds, "/feeds/b", 3)
    assert len(digests_in(tg)) == 1 and feeds.hits["/a/story-6"] == 1  # shown once, fetched once


def test_a_channel_post_that_settles_a_prediction_is_suggested(tg: FakeTelegram, feed_bot: BotThread) -> None:
    tg.reply(CHAT, "/add Clara Jensen: the new Millbrook bridge will open within three weeks", "Saved")
    tg.add_channel("citydesk", -100999, "City Desk", bot_is_admin=True)
    tg.reply(CHAT, "/follow @citydesk", "Following")
    tg.channel_post(-100999, "The new bridge over the river in Millbrook was opened to traffic on Monday, weeks "
                             "ahead of schedule. Minister Clara Jensen cut the ribbon and said the crossing would "
                             "carry 20,000 cars a day. Residents lined the banks to watch the first buses cross.")
    suggestion = tg.wait_for(lambda m: m.chat_id == CHAT and m.text.startswith("🔎 This may settle #1"))
    assert "It looks like ✅ — it happened." in suggestion.text and "📰 The new bridge over the river" in suggestion.text


def test_malformed_follow_commands_get_one_line_each(tg: FakeTelegram, feed_bot: BotThread) -> None:
    assert "Follow a news feed or a channel" in tg.reply(CHAT, "/follow").text
    assert "http:// and https:// links" in tg.reply(CHAT, "/follow ftp://example.com/feed").text
    assert "I can't see the channel @ab" in tg.reply(CHAT, "/follow @ab").text
    assert "/unfollow 2" in tg.reply(CHAT, "/unfollow x").text and "/resume 2" in tg.reply(CHAT, "/resume").text
    assert "This chat follows nothing yet." in tg.reply(CHAT, "/feeds").text
    assert "/settings feeds review" in tg.reply(CHAT, "/settings feeds maybe").text
    assert "Keep and skip words" in tg.reply(CHAT, "/follow https://example.com/rss only: " + ", ".join(
        f"word{i}" for i in range(25))).text
    assert [e[0] for e in tg.errors] == ["getChat"]  # only the lookup of @ab, which Telegram refuses
