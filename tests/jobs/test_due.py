"""Reminders end to end through the loopback Bot API, the clock driven by the test."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

from tests.conftest import BotThread, wait_until
from tests.fakeapi.server import FakeTelegram
from tracker import schedule
from tracker.models import Chat, Prediction, Status, utcnow
from tracker.store import NewPrediction, add_prediction, get_prediction

CHAT = 4040


class Clock:
    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return utcnow() + self.offset

    def advance(self, **kw: float) -> None:
        self.offset += timedelta(**kw)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    c = Clock()
    monkeypatch.setattr(schedule, "now", c.now)
    yield c


def add_due(db, chat: int, n: int = 1, days_ago: int = 3, speaker: str = "Donald Trump") -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    with db.session() as session:
        for i in range(n):
            add_prediction(session, NewPrediction(chat_id=chat, speaker=speaker, statement=f"summit {i} is held",
                                                  deadline=today - timedelta(days=days_ago + i),
                                                  made_at=today - timedelta(days=30)))


def prompts_in(tg: FakeTelegram, chat: int) -> list:  # type: ignore[type-arg]
    """Every prompt the bot sent to the chat, answered or not (judged by what it first said)."""
    return [m for m in tg.in_chat(chat) if "Did it happen?" in (m.history[0] if m.history else m.text)]


def test_overdue_is_prompted_and_answer_recorded(tg: FakeTelegram, db, clock: Clock, bot: BotThread) -> None:  # type: ignore[no-untyped-def]
    add_due(db, CHAT)
    prompt = tg.wait_for(lambda m: m.chat_id == CHAT and "Deadline passed" in m.text, timeout=5)
    assert "Donald Trump" in prompt.text and "summit 0 is held" in prompt.text
    before = prompt.edits
    tg.click(prompt, "Not fulfilled")
    tg.wait_edit(prompt, before)
    assert "not fulfilled — answered by Ann" in prompt.text and "Undo" in str(prompt.buttons())
    with db.session() as session:
        p = get_prediction(session, CHAT, 1)
        assert p is not None and p.status == Status.NOT_FULFILLED and p.remind_count == 1
    clock.advance(days=30)
    time.sleep(2.5)
    assert len(prompts_in(tg, CHAT)) == 1  # answered: never asked again


def recorded(db, chat: int, count: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether the job has stored its n-th prompt: it sends first and records after Telegram accepted, so a
    test that sees the message must also wait for the record before it moves the clock on."""
    with db.session() as session:
        p = get_prediction(session, chat, 1)
        return p is not None and p.remind_count == count


def asked(tg: FakeTelegram, db, count: int) -> None:  # type: ignore[no-untyped-def]
    wait_until(lambda: len(prompts_in(tg, CHAT)) == count, timeout=15)
    wait_until(lambda: recorded(db, CHAT, count), timeout=15)


def test_unanswered_is_asked_again_with_growing_gaps(tg: FakeTelegram, db, clock: Clock, bot: BotThread) -> None:  # type: ignore[no-untyped-def]
    add_due(db, CHAT)
    asked(tg, db, 1)
    time.sleep(2.5)
    assert len(prompts_in(tg, CHAT)) == 1  # exactly once per due time
    clock.advance(days=1, minutes=1)
    asked(tg, db, 2)
    assert "Still waiting for an answer" in prompts_in(tg, CHAT)[-1].text
    clock.advance(days=1, minutes=1)  # the next gap is 3 days
    time.sleep(2.5)
    assert len(prompts_in(tg, CHAT)) == 2
    clock.advance(days=2)
    asked(tg, db, 3)
    clock.advance(days=7, minutes=1)
    asked(tg, db, 4)
    with db.session() as session:
        p = get_prediction(session, CHAT, 1)
        assert p is not None and p.remind_count == 4 and p.last_prompt_message_id == prompts_in(tg, CHAT)[-1].message_id


def test_snooze_and_new_deadline(tg: FakeTelegram, db, clock: Clock, bot: BotThread) -> None:  # type: ignore[no-untyped-def]
    add_due(db, CHAT)
    prompt = tg.wait_for(lambda m: m.chat_id == CHAT and "Deadline passed" in m.text, timeout=5)
    before = prompt.edits
    tg.click(prompt, "Snooze")
    tg.wait_edit(prompt, before)
    before = prompt.edits
    tg.click(prompt, "1 week")
    tg.wait_edit(prompt, before)
    assert "Snoozed: I'll ask again on" in prompt.text
    clock.advance(days=3)
    time.sleep(2.5)
    assert len(prompts_in(tg, CHAT)) == 1
    clock.advance(days=4, minutes=5)
    wait_until(lambda: len(prompts_in(tg, CHAT)) == 2, timeout=5)
    second = prompts_in(tg, CHAT)[-1]
    tg.click(second, "Snooze")
    wait_until(lambda: "New deadline" in str(second.buttons()))
    mark = len(tg.messages)
    tg.click(second, "New deadline")
    ask = tg.wait_for(lambda m: "Reply with the new deadline" in m.text, after=mark)
    moved = tg.reply(CHAT, "2099-01-31", "#1", reply_to=ask.message_id)
    assert "deadline is now Sat 31 Jan 2099" in moved.text  # the one date format
    with db.session() as session:
        p = get_prediction(session, CHAT, 1)
        assert p is not None and p.deadline == date(2099, 1, 31) and p.deadline_moves == 1
        assert p.original_deadline is not None and p.status == Status.OPEN
    clock.advance(days=30)
    time.sleep(2.5)
    assert len(prompts_in(tg, CHAT)) == 2  # the new deadline is far away


def test_blocked_chat_does_not_stop_the_others(tg: FakeTelegram, db, clock: Clock, bot: BotThread) -> None:  # type: ignore[no-untyped-def]
    chats = [5001, 5002, 5003]
    tg.blocked.add(5002)
    for chat in chats:
        add_due(db, chat)
    wait_until(lambda: prompts_in(tg, 5001) and prompts_in(tg, 5003), timeout=8)
    wait_until(lambda: _chat(db, 5002).active is False, timeout=5)
    wait_until(lambda: recorded(db, 5001, 1), timeout=5)
    tg.blocked.clear()
    clock.advance(days=2)
    wait_until(lambda: len(prompts_in(tg, 5001)) == 2, timeout=5)
    assert prompts_in(tg, 5002) == []  # inactive chats are skipped


def _chat(db, chat_id: int) -> Chat:  # type: ignore[no-untyped-def]
    with db.session() as session:
        row = session.get(Chat, chat_id)
        assert row is not None
        return row


def test_many_due_in_one_chat_get_a_summary(tg: FakeTelegram, db, clock: Clock, bot: BotThread) -> None:  # type: ignore[no-untyped-def]
    add_due(db, CHAT, n=7)
    summary = tg.wait_for(lambda m: m.chat_id == CHAT and "more deadlines have passed" in m.text, timeout=8)
    assert "…and 4 more" in summary.text and "/due" in summary.text
    sent = prompts_in(tg, CHAT)
    assert len(sent) == 3
    numbers = sorted(int(m.text.split("#")[1].split()[0].split("\n")[0]) for m in sent)
    assert numbers == [5, 6, 7]  # the oldest deadlines first (#7 is the oldest)
    walk = tg.reply(CHAT, "/due", "Deadline passed")
    assert "6 more waiting" in walk.text


def test_quiet_hours_defer_and_heads_up(tg: FakeTelegram, db, clock: Clock, bot: BotThread) -> None:  # type: ignore[no-untyped-def]
    hour = clock.now().hour
    with db.session() as session:
        session.add(Chat(chat_id=CHAT, timezone="UTC", quiet_start=hour, quiet_end=(hour + 2) % 24))
        session.add(Chat(chat_id=6006, timezone="UTC", heads_up=True))
    add_due(db, CHAT)
    tomorrow = clock.now().date() + timedelta(days=1)
    with db.session() as session:
        add_prediction(session, NewPrediction(chat_id=6006, speaker="Jerome Powell", statement="rates are cut",
                                              deadline=tomorrow, made_at=date(2025, 1, 1)))
    heads = tg.wait_for(lambda m: m.chat_id == 6006 and "Deadline tomorrow" in m.text, timeout=8)
    assert "rates are cut" in heads.text
    assert prompts_in(tg, CHAT) == []
    with db.session() as session:
        p = session.exec(__import__("sqlmodel").select(Prediction).where(Prediction.chat_id == CHAT)).one()
        assert p.next_remind_at is not None and p.next_remind_at > clock.now()
    clock.advance(hours=2, minutes=1)
    wait_until(lambda: len(prompts_in(tg, CHAT)) == 1, timeout=5)
    time.sleep(2)
    assert len([m for m in tg.in_chat(6006) if "Deadline tomorrow" in m.text]) == 1


def test_kill9_mid_batch_neither_loses_nor_repeats(tg: FakeTelegram, db, db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from jobs.due import SEND_CONCURRENCY
    from tests.conftest import BotProcess

    chats = list(range(7000, 7120))
    for chat in chats:
        add_due(db, chat)
    tg.send_delay = 0.15  # keep requests in flight when the process dies

    def sent() -> list:  # type: ignore[type-arg]
        return [m for m in tg.messages if "Deadline passed" in m.text]

    # On PostgreSQL the restarted worker waits for the killed one's leases to expire; keep them short here.
    proc = BotProcess(tg, db_url, tmp_path, CLAIM_LEASE_SECONDS="5").start()
    try:
        wait_until(lambda: len(sent()) >= 30, timeout=60)
        proc.kill9()
        time.sleep(0.5)  # let the requests in flight land
        at_kill = len(sent())
        assert at_kill < len(chats)  # really mid-batch
        proc.start()
        wait_until(lambda: {m.chat_id for m in sent()} == set(chats), timeout=90)
        time.sleep(2)
    finally:
        proc.stop()
    per_chat: dict[int, int] = {}
    for m in sent():
        per_chat[m.chat_id] = per_chat.get(m.chat_id, 0) + 1
    duplicates = sum(n - 1 for n in per_chat.values())
    print(f"kill -9 mid-batch: {at_kill} sent before the kill, {len(chats)} chats, {duplicates} duplicate(s)")
    assert set(per_chat) == set(chats)  # nothing lost
    assert duplicates <= SEND_CONCURRENCY  # at most the messages in flight at the kill
    with db.session() as session:
        from sqlmodel import select

        rows = session.exec(select(Prediction).where(Prediction.chat_id >= 7000)).all()
        assert all(p.remind_count >= 1 and p.next_remind_at is not None for p in rows)
