"""Answering the question "did it happen?": outcomes, the undo under an answer, snoozing, /due.
Each function is one short transaction returning typed views; the bot renders them afterwards."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tracker import actions, editing, schedule
from tracker.db import Database
from tracker.errors import Problem, Refusal
from tracker.evidence import attach_related
from tracker.models import ActionKind, Status
from tracker.store import count_due, due_predictions, get_prediction
from tracker.views import PredictionView, views

SNOOZES = {"1d": timedelta(days=1), "1w": timedelta(weeks=1), "1m": timedelta(days=30)}


@dataclass(frozen=True)
class Answered:
    prediction: PredictionView
    recorded: bool  # False: someone else answered first and their answer stands
    by: str | None  # who gave the answer that stands


def record(db: Database, chat_id: int, number: int, outcome: Status, by: int | None, by_name: str | None,
           only_if_open: bool) -> Answered:
    """Record an outcome. With only_if_open (a prompt's buttons) the first answer to reach the database
    wins; without it (the buttons of /show) the outcome is changed."""
    with db.session() as session:
        p = get_prediction(session, chat_id, number)
        if p is None:
            raise Refusal(Problem.PREDICTION_GONE, number=number)
        resolution = editing.record_outcome(session, p, outcome, by, by_name, only_if_open=only_if_open)
        latest = editing.latest_resolution(session, p)
        return Answered(views(session, [p])[0], resolution is not None, latest.resolved_by_name if latest else None)


def undo_answer(db: Database, chat_id: int, number: int) -> PredictionView:
    """↩️ under an answered prompt: reopens it while that answer is still the chat's newest action."""
    with db.session() as session:
        p = get_prediction(session, chat_id, number)
        action = actions.last(session, chat_id)
        if (p is None or action is None or action.kind != ActionKind.RESOLVE
                or json.loads(action.payload)["id"] != p.id):
            raise Refusal(Problem.ANSWER_NOT_UNDOABLE)
        actions.undo(session, action)
        return views(session, [p])[0]


def open_one(db: Database, chat_id: int, number: int) -> PredictionView:
    """#number if it is still open, else Refusal(NOT_OPEN)."""
    with db.session() as session:
        p = get_prediction(session, chat_id, number)
        if p is None or p.status != Status.OPEN:
            raise Refusal(Problem.NOT_OPEN, number=number)
        return views(session, [p])[0]


def snooze(db: Database, chat_id: int, number: int, choice: str) -> tuple[PredictionView, datetime]:
    """Ask again after a day, a week or a month (choice '1d', '1w', '1m'); returns when."""
    with db.session() as session:
        p = get_prediction(session, chat_id, number)
        if p is None or p.status != Status.OPEN:
            raise Refusal(Problem.NOT_OPEN, number=number)
        p.next_remind_at = p.snoozed_until = schedule.now() + SNOOZES[choice]
        return views(session, [p])[0], p.next_remind_at


def next_due(db: Database, chat_id: int, today: date) -> tuple[PredictionView | None, int]:
    """The oldest prediction past its deadline in this chat, and how many are waiting in all."""
    with db.session() as session:
        now = schedule.now()
        total = count_due(session, chat_id, today, now)
        items = attach_related(session, views(session, due_predictions(session, chat_id, today, limit=1, now=now)))
        return (items[0] if items else None), total
