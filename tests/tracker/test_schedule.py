"""When reminders fall: deadline day end in the chat's timezone, growing gaps, quiet hours."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tracker import reminders, schedule, store
from tracker.models import Chat, Prediction


def test_first_due_is_the_end_of_the_deadline_day_locally() -> None:
    assert schedule.first_due(date(2025, 10, 31), "UTC") == datetime(2025, 11, 1, tzinfo=UTC)
    assert schedule.first_due(date(2025, 10, 31), "Europe/Kyiv") == datetime(2025, 10, 31, 22, tzinfo=UTC)
    assert schedule.first_due(date(2025, 10, 31), "America/New_York") == datetime(2025, 11, 1, 4, tzinfo=UTC)


def test_gaps_grow_then_stay_weekly() -> None:
    t = datetime(2025, 1, 1, tzinfo=UTC)
    assert [(schedule.next_ask(t, n) - t).days for n in range(1, 7)] == [1, 3, 7, 7, 7, 7]


def test_quiet_hours_wrap_midnight() -> None:
    chat = Chat(chat_id=1, timezone="Europe/Kyiv", quiet_start=22, quiet_end=8)
    assert schedule.quiet_until(chat, datetime(2025, 6, 1, 12, tzinfo=UTC)) is None  # 15:00 in Kyiv
    late = schedule.quiet_until(chat, datetime(2025, 6, 1, 20, tzinfo=UTC))  # 23:00 in Kyiv
    assert late == datetime(2025, 6, 2, 5, tzinfo=UTC)  # 08:00 in Kyiv
    early = schedule.quiet_until(chat, datetime(2025, 6, 2, 1, tzinfo=UTC))  # 04:00 in Kyiv
    assert early == datetime(2025, 6, 2, 5, tzinfo=UTC)
    assert schedule.quiet_until(Chat(chat_id=2), datetime(2025, 6, 2, 1, tzinfo=UTC)) is None


def test_claim_orders_caps_and_retimes(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        for i in range(5):
            store.add_prediction(session, store.NewPrediction(chat_id=9, speaker="A", statement=f"s{i}",
                                                              deadline=date(2025, 1, 10 - i), made_at=date(2025, 1, 1)))
    at = datetime(2025, 2, 1, tzinfo=UTC)
    with db.session() as session:
        batch = reminders.claim_due(session, at)
        assert [o.number for o in batch.prompts] == [5, 4, 3]  # oldest deadline first, three at most
        assert batch.summaries == {9: 2}
    with db.session() as session:
        assert store.retime_chat(session, 9, "Asia/Tokyo") == 5
        p = store.get_prediction(session, 9, 1)
        assert isinstance(p, Prediction) and p.next_remind_at == datetime(2025, 1, 10, 15, tzinfo=UTC)
