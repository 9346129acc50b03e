"""Issue 11 below the bot: impossible deadlines, answers settled once across workers, symbol-only speakers,
hostile CSV files, and chats that cannot see each other's speakers. SQLite here, PostgreSQL in CI."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from tests.tracker.test_csv_cli import cli
from tracker import answers, chats, predictions, reminders, schedule, scores
from tracker.db import Database
from tracker.errors import Problem, Refusal
from tracker.models import Prediction, Resolution, Status
from tracker.store import Draft, NewPrediction, add_prediction
from tracker.views import PredictionView

TODAY = date(2025, 10, 17)


def draft(speaker: str, statement: str, deadline: date = TODAY + timedelta(days=14)) -> Draft:
    return Draft(speaker=speaker, statement=statement, deadline=deadline, made_at=TODAY)


def test_impossible_deadlines_are_refused_and_an_old_one_does_not_stop_reminders(db: Database) -> None:
    with pytest.raises(Refusal) as refused:
        predictions.add(db, 1, draft("Trump", "summit", date(9999, 12, 31)), by=None)
    assert refused.value.code == Problem.DEADLINE_OUT_OF_RANGE
    added = predictions.add(db, 1, draft("Trump", "a summit is held"), by=None).saved[0]
    with pytest.raises(Refusal):
        predictions.edit(db, 1, added.number, "deadline", "9999-12-31", None)
    # A row written before the bound existed (as an old database may hold) is skipped, marked and shown.
    with db.session() as session:
        add_prediction(session, NewPrediction(chat_id=2, speaker="Putin", statement="x", deadline=TODAY,
                                              made_at=TODAY - timedelta(days=30)))
        session.exec(update(Prediction).where(Prediction.chat_id == 2)  # type: ignore[call-overload]
                     .values(deadline=date(9999, 12, 31), next_remind_at=None))
        add_prediction(session, NewPrediction(chat_id=3, speaker="Putin", statement="y", deadline=TODAY,
                                              made_at=TODAY - timedelta(days=30)))
    reminders.prepare(db)  # does not raise
    batch = db.call(reminders.claim, schedule.now(), 50, timedelta(seconds=60))
    assert 3 in {item.chat_id for item in batch.prompts} and 2 not in {item.chat_id for item in batch.prompts}
    bad = predictions.card(db, 2, 1).prediction
    assert bad.reminder_error and "range" in bad.reminder_error.lower()
    fixed = predictions.edit(db, 2, 1, "deadline", "2026-01-31", None).prediction
    assert fixed.reminder_error is None


def test_two_workers_answering_at_once_settle_exactly_one_outcome(db: Database, db_url: str) -> None:
    workers = [Database(db_url), Database(db_url)]  # two processes' engines on one database
    numbers = [predictions.add(db, 7, draft("Trump", f"event {i} happens"), by=None).saved[0].number
               for i in range(50)]
    for number in numbers:
        barrier = threading.Barrier(2)
        results: list[answers.Answered] = []

        def answer(worker: Database, outcome: Status, user: int, n: int = number, barrier: threading.Barrier = barrier,
                   results: list[answers.Answered] = results) -> None:
            barrier.wait()
            results.append(worker.call(answers.record, 7, n, outcome, user, f"user {user}", True))

        threads = [threading.Thread(target=answer, args=(workers[0], Status.FULFILLED, 1)),
                   threading.Thread(target=answer, args=(workers[1], Status.NOT_FULFILLED, 2))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(r.recorded for r in results) == [False, True], number
        winner = next(r for r in results if r.recorded)
        loser = next(r for r in results if not r.recorded)
        assert loser.by == winner.by and loser.prediction.status == winner.prediction.status
    with db.session() as session:
        counts = [len(session.exec(Resolution.__table__.select().where(  # type: ignore[attr-defined]
            Resolution.prediction_id == p.id)).all()) for p in session.exec(
            Prediction.__table__.select().where(Prediction.chat_id == 7)).all()]  # type: ignore[attr-defined]
    assert counts == [1] * 50
    for worker in workers:
        worker.dispose()


def test_symbol_only_speakers_are_two_speakers(db: Database) -> None:
    a = predictions.add(db, 1, draft("🦄🚀", "the rocket flies"), by=None).saved[0]
    b = predictions.add(db, 1, draft("🐉", "the dragon wakes"), by=None).saved[0]
    assert (a.speaker, b.speaker) == ("🦄🚀", "🐉")
    assert scores.speaker_report(db, 1, "🐉").record.made == 1


def test_a_chat_sees_only_its_own_speakers(db: Database) -> None:
    predictions.add(db, 1, draft("Christine Lagarde", "rates fall"), by=None)
    predictions.add(db, 2, draft("Jerome Powell", "rates hold"), by=None)
    assert scores.speaker_report(db, 2, "Powell").record.made == 1
    for name in ("Lagarde", "Christine Lagarde"):
        with pytest.raises(Refusal):
            scores.speaker_report(db, 2, name)
        with pytest.raises(Refusal):
            scores.chart_input(db, 2, name)
    assert scores.chart_input(db, 1, "Lagarde").speaker == "Christine Lagarde"


HEADER = "chat_id,speaker,statement,deadline\n"


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("latin1", (HEADER + "1,José,café opens,2026-01-01\n").encode("latin-1"), "not UTF-8"),
    ("huge-chat-id", (HEADER + f"{2**70},A,b,2026-01-01\n").encode(), "not a Telegram chat id"),
    ("far-deadline", (HEADER + "1,A,b,9999-12-31\n").encode(), "must fall between"),
    ("nul", (HEADER + "1,A,b\x00c,2026-01-01\n").encode(), "NUL"),
    ("huge-field", (HEADER + "1,A," + "x" * 10_000_000 + ",2026-01-01\n").encode(), "line 2"),
])
def test_hostile_csv_files_get_one_line_and_nothing_is_imported(tmp_path: Path, databases, name: str,  # type: ignore[no-untyped-def]
                                                              content: bytes, expected: str) -> None:
    src = tmp_path / f"{name}.csv"
    src.write_bytes(content)
    out = cli(["import", str(src)], databases.new(name), tmp_path)
    assert out.returncode in {1, 2}
    assert "Traceback" not in out.stderr and expected in out.stderr, out.stderr[-500:]


def test_utf16_with_a_bom_and_symbol_speakers_import(tmp_path: Path, databases) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "utf16.csv"
    src.write_bytes((HEADER + "1,🦄🚀,the rocket flies,2026-01-01\n1,🐉,the dragon wakes,2026-02-01\n")
                    .encode("utf-16"))
    out = cli(["import", str(src)], databases.new("utf16"), tmp_path)
    assert out.returncode == 0 and "Imported 2" in out.stdout, out.stderr


def test_views_carry_the_reminder_error() -> None:
    assert "reminder_error" in PredictionView.__dataclass_fields__


def test_20_turning_quiet_hours_off_releases_the_prompts_they_held(db: Database,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    night = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    monkeypatch.setattr(schedule, "now", lambda: night)
    chats.set_quiet(db, 9, None, "UTC", "22-08")
    with db.session() as session:
        add_prediction(session, NewPrediction(chat_id=9, speaker="A", statement="x", deadline=date(2026, 11, 20),
                                              made_at=date(2026, 11, 1)))
    batch = db.call(reminders.claim, night, 50, timedelta(seconds=60))
    assert not batch.prompts  # held until 08:00
    chats.set_quiet(db, 9, None, "UTC", "off")
    assert {item.chat_id for item in db.call(reminders.claim, night, 50, timedelta(seconds=60)).prompts} == {9}


def test_2_a_question_expires_after_15_minutes(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from tracker import pending
    from tracker.models import PendingKind
    from tracker.pending import Question

    start = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    monkeypatch.setattr(schedule, "now", lambda: start)
    pending.ask(db, 1, 2, Question(PendingKind.EDIT, ref=1, field="statement"))
    assert pending.waiting(db, 1, 2) is not None
    monkeypatch.setattr(schedule, "now", lambda: start + timedelta(minutes=16))
    assert pending.waiting(db, 1, 2) is None
    assert pending.forget(db, 1, 2) is False  # gone, nothing changed
