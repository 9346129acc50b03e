"""Issue 16: later news that may settle an open prediction — suggested, never decided, by the bot."""

from __future__ import annotations

from tests.conftest import BotThread, wait_until
from tests.e2e.test_conversation import SEED
from tests.e2e.test_links import link_bot  # noqa: F401  (the fixture: FETCH_ALLOW_PRIVATE on)
from tests.fakeapi.pageserver import PageServer
from tests.fakeapi.server import FakeTelegram, SentMessage

CHAT = 1717


def save_seed(tg: FakeTelegram) -> None:
    review = tg.reply(CHAT, "/ingest 2025-10-17\n" + SEED, "forward-looking statement")
    tg.click(review, "Save")
    wait_until(lambda: "Saved" in review.text)
    assert "Budapest" in tg.reply(CHAT, "/show 1").text


def suggestions(tg: FakeTelegram, after: int = 0) -> list[SentMessage]:
    return [m for m in tg.messages[after:] if m.chat_id == CHAT and (m.history[:1] or [m.text])[0].startswith("🔎")]


def read_link(tg: FakeTelegram, url: str) -> int:
    """Send a link; wait until its review (or its no-statements line) is out. Returns the mark."""
    mark = len(tg.messages)
    tg.send(CHAT, url)
    tg.wait_for(lambda m: m.chat_id == CHAT and ("forward-looking statement" in m.text or "no forward" in m.text),
                after=mark)
    return mark


def test_the_shelved_summit_settles_the_budapest_claim_with_evidence(tg: FakeTelegram, pages: PageServer,
                                                                     link_bot: BotThread) -> None:  # noqa: F811
    save_seed(tg)
    url = pages.url("/later?story=shelved")
    mark = read_link(tg, url)
    suggestion = tg.wait_for(lambda m: m.chat_id == CHAT and m.text.startswith("🔎 This may settle #1 "), after=mark)
    assert "Donald Trump" in suggestion.text and "Budapest" in suggestion.text
    assert "put on hold" in suggestion.text and "It looks like ❌ — it did not happen." in suggestion.text
    assert suggestion.buttons()[0]["text"] == "👉 ❌ It did not" and f'href="{url}"' in suggestion.html
    assert len(suggestions(tg, mark)) == 1  # the other seed claims are not settled by it
    due = tg.reply(CHAT, "/due", "Deadline passed")
    assert "#1" in due.text and "📎 Related news since:" in due.text and "put on hold" in due.text
    tg.click(suggestion, "It did not")
    wait_until(lambda: "is settled" in suggestion.text)
    assert suggestion.text.startswith("❌ Not fulfilled: #1 is settled, with this article as evidence")
    shown = tg.reply(CHAT, "/show 1", "#1 ·")
    assert "❌ not fulfilled" in shown.text and "🔎 «Plans for a second meeting" in shown.text
    assert f'href="{url}"' in shown.html


def test_an_unrelated_article_suggests_nothing_and_not_related_is_never_repeated(
        tg: FakeTelegram, pages: PageServer, link_bot: BotThread) -> None:  # noqa: F811
    save_seed(tg)
    mark = read_link(tg, pages.url("/later?story=football"))
    tg.reply(CHAT, "/help")  # handled after the article: its suggestions would be out by now
    assert suggestions(tg, mark) == []
    mark = read_link(tg, pages.url("/later?story=shelved"))
    suggestion = tg.wait_for(lambda m: m.chat_id == CHAT and m.text.startswith("🔎"), after=mark)
    tg.click(suggestion, "Not related")
    wait_until(lambda: "won't suggest it again" in suggestion.text)
    mark = len(tg.messages)
    tg.send(CHAT, pages.url("/later?story=shelved"))  # the same article again
    tg.wait_for(lambda m: m.chat_id == CHAT and m.text.startswith("🔗 Trump-Putin"), after=mark)
    tg.reply(CHAT, "/help")
    assert suggestions(tg, mark) == []
    assert "History" not in tg.reply(CHAT, "/show 1", "#1 ·").text  # still open: nothing was decided for anyone


def test_calledit_match_batch_shares_the_bots_matcher(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import os
    import subprocess
    import sys

    from tests.fakeapi.pageserver import LATER

    item = {"id": "seed", "claims": [
        {"id": 1, "speaker": "Donald Trump", "statement": "Trump and Putin will hold a summit in Budapest within two "
                                                          "weeks", "made_at": "2025-10-17", "deadline": "2025-10-31"},
        {"id": 2, "speaker": "Christine Lagarde", "statement": "the ECB will cut rates in December",
         "made_at": "2025-10-01", "deadline": "2025-12-31"}],
        "article": {"text": LATER["shelved"]["text"], "published": "2025-10-22", "title": LATER["shelved"]["title"]}}
    lines = json.dumps(item) + "\nnot json\n"
    done = subprocess.run([sys.executable, "-m", "calledit", "match", "--batch"], input=lines, text=True,
                          capture_output=True, timeout=120, cwd=tmp_path,
                          env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})
    assert done.returncode == 0, done.stderr
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert first["id"] == "seed" and [m["claim_id"] for m in first["matches"]] == [1]
    assert first["matches"][0]["outcome"] == "not_fulfilled" and "put on hold" in first["matches"][0]["quote"]
    assert second["error"].startswith("bad input line")


RU_CHAT = 1718
RU_SHELVED = """Встречу Путина и Трампа в Будапеште отложили

ВАШИНГТОН, 21 октября. /ТАСС/. Запланированная встреча президентов России и США в Будапеште отложена на \
неопределённый срок, сообщил представитель Белого дома.

По его словам, Трамп не хочет «пустой встречи» и пока не видит для неё оснований."""
RU_FOOTBALL = """«Зенит» обыграл «Спартак» со счётом 2:1

САНКТ-ПЕТЕРБУРГ, 21 октября. «Зенит» обыграл «Спартак» в матче 12-го тура чемпионата России по футболу. \
Победный мяч забил нападающий Педро на 87-й минуте."""


def test_a_russian_chat_gets_russian_evidence(tg: FakeTelegram, bot: BotThread) -> None:
    from tests.e2e.test_languages import RU_ARTICLE

    tg.user_languages[RU_CHAT] = "ru"
    review = tg.reply(RU_CHAT, "/ingest 2025-10-17\n" + RU_ARTICLE, "о будущем")
    tg.click(review, "Сохранить")
    wait_until(lambda: "Сохранён 1 прогноз." in review.text)
    mark = len(tg.messages)
    tg.reply(RU_CHAT, "/ingest 2025-10-21\n" + RU_FOOTBALL)
    tg.reply(RU_CHAT, "/help")  # handled after the article: a suggestion would be out by now
    assert [m for m in tg.messages[mark:] if m.chat_id == RU_CHAT and m.text.startswith("🔎")] == []
    mark = len(tg.messages)
    tg.send(RU_CHAT, "/ingest 2025-10-21\n" + RU_SHELVED)
    suggestion = tg.wait_for(lambda m: m.chat_id == RU_CHAT and m.text.startswith("🔎 Это может закрыть #1 "),
                             after=mark)
    assert "Дмитрий Песков" in suggestion.text and "отложили" in suggestion.text
    assert "Похоже на ❌ — не произошло." in suggestion.text
    tg.click(suggestion, "Не произошло")
    wait_until(lambda: "подтверждение" in suggestion.text)
    assert suggestion.text.startswith("❌") and "#1 закрыт, эта статья — подтверждение" in suggestion.text
    assert tg.errors == []
