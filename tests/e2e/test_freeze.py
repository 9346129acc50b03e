"""Issue 18: the bot keeps answering while reminders go out and while a long article is read. Database work
runs on worker threads (never on the event loop), SQLite collisions are retried, and updates of different
chats are handled side by side."""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import wait_until
from tests.fakeapi.server import FakeTelegram
from tests.jobs.test_due import prompts_in
from tracker.ingest import parse_seed
from tracker.store import NewPrediction, add_prediction

ROOT = Path(__file__).resolve().parents[2]
READER = 777
CHATS = range(50_001, 50_101)  # 100 chats × 3 overdue predictions = 300 prompts in one batch


def seed_text() -> str:
    return parse_seed((ROOT / "seeds" / "000_budapest_summit.txt").read_text(encoding="utf-8"), "seed").text


def add_overdue(db) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    with db.session() as session:
        for chat in CHATS:
            for i in range(3):
                add_prediction(session, NewPrediction(
                    chat_id=chat, speaker="Donald Trump", statement=f"summit {i} in chat {chat} is held",
                    deadline=today - timedelta(days=3 + i), made_at=today - timedelta(days=30)))


def test_save_is_answered_within_2s_while_300_prompts_go_out(tg: FakeTelegram, db) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import BotThread
    from tests.fakeapi.runner import make_settings

    add_overdue(db)
    tg.method_delays["answerCallbackQuery"] = 0.5  # Telegram answering the button slowly
    bot = BotThread(make_settings(tg, db.url), db).start()
    try:
        review = tg.reply(READER, seed_text(), contains="forward-looking statement")
        wait_until(lambda: sum(len(prompts_in(tg, c)) for c in CHATS) >= 30, timeout=20)
        sent_before = sum(len(prompts_in(tg, c)) for c in CHATS)
        assert sent_before < 300, "the reminder batch should still be going out"
        pressed = time.monotonic()
        query = tg.click(review, "Save")
        tg.wait_answer(query, timeout=10)
        tg.wait_edit(review, 0, timeout=10)
        acknowledged = tg.answered_at[query] - pressed
        assert acknowledged < 2.0, f"Save acknowledged after {acknowledged:.1f}s"
        assert "Saved" in review.text
        wait_until(lambda: sum(len(prompts_in(tg, c)) for c in CHATS) >= 300, timeout=60)
        time.sleep(1.5)  # a further tick must not ask again
        for chat in CHATS:
            statements = sorted(m.text for m in prompts_in(tg, chat))
            assert len(statements) == 3, (chat, len(statements))
            assert all(f"summit {i} in chat {chat}" in statements[i] for i in range(3))
        assert not [e for e in tg.errors if "locked" in e[1]]
    finally:
        bot.stop()


def test_start_answers_within_1s_while_another_chat_reads_30000_characters(tg: FakeTelegram, bot) -> None:  # type: ignore[no-untyped-def]
    base = seed_text()
    parts, n = [], 0
    while sum(len(p) for p in parts) < 30_000:
        n += 1
        parts.append(base.replace("two weeks", f"{n + 2} weeks").replace("Budapest", f"Budapest-{n}"))
    article = "\n\n".join(parts)[:30_000]
    mark = len(tg.messages)
    tg.send(READER, article)
    tg.wait_for(lambda m: m.chat_id == READER and "Reading" in m.text, after=mark)
    asked = time.monotonic()
    welcome = tg.reply(READER + 1, "/start", contains="keep score")
    latency = time.monotonic() - asked
    review = tg.wait_for(lambda m: m.chat_id == READER and "forward-looking statement" in m.text, timeout=60,
                         after=mark)
    assert latency < 1.0, f"/start answered after {latency:.2f}s"
    assert welcome.message_id < review.message_id, "/start waited for the other chat's article"
    assert review.buttons()
