"""Issue 11 through the loopback Bot API: a flooded group does not hold up other chats, symbol-only
speakers and over-long arguments get answers, and one chat cannot learn another chat's speakers."""

from __future__ import annotations

import time
from datetime import date, timedelta

from sqlalchemy import update

from tests.conftest import BotThread, wait_until
from tests.fakeapi.runner import make_settings
from tests.fakeapi.server import FakeTelegram
from tests.jobs.test_due import add_due
from tracker.models import Prediction

GROUP = -100777
PRIVATE = 4242


def test_a_flooded_group_does_not_hold_up_a_private_chat(tg: FakeTelegram, db, db_url: str) -> None:  # type: ignore[no-untyped-def]
    bot = BotThread(make_settings(tg, db_url, group_messages_per_minute=600), db).start()
    try:
        start = time.monotonic()
        latency = None
        for i in range(150):  # 150 messages from 5 users in about 5 seconds
            tg.send(GROUP, f"/show {i + 1}", user_id=100 + i % 5)
            if i == 75:
                asked = time.monotonic()
                tg.reply(PRIVATE, "/start", contains="keep score", timeout=10)
                latency = time.monotonic() - asked
            time.sleep(max(0.0, start + (i + 1) * 5 / 150 - time.monotonic()))
        assert latency is not None and latency < 2.0, f"/start answered after {latency:.1f}s"
        wait_until(lambda: len(tg.in_chat(GROUP)) >= 40, timeout=30)
        numbers = [int(m.text.split("#")[1].split()[0]) for m in tg.in_chat(GROUP)[:40]]
        assert numbers == list(range(1, 41)), numbers  # the group's replies keep their order
    finally:
        bot.stop()


def test_symbol_only_speakers_and_overlong_arguments(tg: FakeTelegram, bot: BotThread) -> None:
    assert "Saved" in tg.reply(PRIVATE, "/add 🦄🚀: the rocket flies by next week").text
    assert "Saved" in tg.reply(PRIVATE, "/add 🐉: the dragon wakes by next month").text
    assert "🐉" in tg.reply(PRIVATE, "/speaker 🐉").text
    answer = tg.reply(PRIVATE, "/speaker " + "😀" * 2100)
    assert answer.text.startswith("No predictions by")
    assert not tg.errors


def test_one_chat_cannot_learn_another_chats_speakers(tg: FakeTelegram, bot: BotThread) -> None:
    tg.reply(PRIVATE, "/add Christine Lagarde: inflation falls to target by next year")
    other = PRIVATE + 1
    unknown = tg.reply(other, "/chart Nobody Atall").text
    for name in ("Lagarde", "Christine Lagarde"):
        assert tg.reply(other, f"/chart {name}").text == unknown.replace("Nobody Atall", name)
        assert tg.reply(other, f"/speaker {name}").text.startswith(f"No predictions by {name}")
    assert "Lagarde" in tg.reply(PRIVATE, "/speaker Lagarde").text


def test_an_impossible_deadline_is_refused_and_an_old_poison_row_is_shown_not_fatal(tg: FakeTelegram, db,  # type: ignore[no-untyped-def]
                                                                                   bot: BotThread) -> None:
    tg.reply(PRIVATE, "/add Trump: a summit will happen by next month")
    assert "must fall between 1900 and 2200-12-31" in tg.reply(PRIVATE, "/edit 1 deadline 9999-12-31").text
    with db.session() as session:  # a row an older version let in
        session.exec(update(Prediction).where(Prediction.chat_id == PRIVATE)  # type: ignore[call-overload]
                     .values(deadline=date(9999, 12, 31), next_remind_at=None))
    add_due(db, PRIVATE + 7)  # another chat's reminder must still go out
    tg.wait_for(lambda m: m.chat_id == PRIVATE + 7 and "Deadline passed" in m.text, timeout=10)
    wait_until(lambda: "Reminders stopped" in tg.reply(PRIVATE, "/show 1").text, timeout=10)
    fixed = tg.reply(PRIVATE, f"/edit 1 deadline {(date.today() + timedelta(days=30)).isoformat()}")
    assert "deadline is now" in fixed.text
    assert "Reminders stopped" not in tg.reply(PRIVATE, "/show 1").text
