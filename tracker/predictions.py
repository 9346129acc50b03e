"""Predictions: the one way to save them, and what /add, /list, /show, /edit, /delete and /undo do.

`save` is the single path from a claim to a stored prediction (reviews, /add, the "who said it?" reply,
seeds, CSV import, and later links and feeds): duplicate check, insert, undo record. The functions that
take a `Database` are the services the bot calls: each is one short transaction that returns typed views
or raises a typed `Refusal`, so no handler holds a session while it talks to Telegram."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import timedelta

from sqlmodel import Session

from tracker import actions, editing, schedule
from tracker.db import Database
from tracker.editing import check_speaker
from tracker.errors import EditError, Problem, Refusal
from tracker.models import ActionKind, Chat, Prediction
from tracker.schedule import LATEST, in_range
from tracker.store import Draft, NewPrediction, add_prediction, already_tracked, count_open, get_prediction, list_open
from tracker.store import delete_prediction as _delete_row
from tracker.views import Card, HistoryEntry, PredictionView, views

ASKING_LEASE = timedelta(minutes=5)


@dataclass
class SaveResult:
    predictions: list[Prediction] = field(default_factory=list)  # the new rows, in the order given
    duplicates: int = 0  # drafts the chat already tracked, not saved twice
    saved: list[PredictionView] = field(default_factory=list)


def save(session: Session, chat_id: int, drafts: list[Draft], by: int | None, *, skip_tracked: bool = True,
         undoable: bool = True, shown_in: int | None = None) -> SaveResult:
    """Store drafts as the chat's predictions. A statement the chat already tracks for that speaker (from
    this or another article) is counted, not stored twice; the new ones are one undoable save."""
    result = SaveResult()
    if not all(in_range(d.deadline) and in_range(d.made_at) for d in drafts):  # checked first: nothing half-saved
        raise Refusal(Problem.DEADLINE_OUT_OF_RANGE, latest=LATEST.isoformat())
    for draft in drafts:
        if skip_tracked and already_tracked(session, chat_id, draft.speaker, draft.statement):
            result.duplicates += 1
            continue
        result.predictions.append(add_prediction(session, NewPrediction(**vars(draft), chat_id=chat_id,
                                                                       created_by=by)))
    if result.predictions and undoable:
        # shown_in: the message that says "Saved" (a review), so /undo can say there that it was undone
        actions.record(session, chat_id, by, ActionKind.SAVE, {"ids": [p.id for p in result.predictions],
                                                               "message_id": shown_in})
    result.saved = views(session, result.predictions)
    return result


def add(db: Database, chat_id: int, draft: Draft, by: int | None, asking_now: bool = False) -> SaveResult:
    """/add and the reply naming its speaker: one prediction, saved even if a similar one exists (the
    user typed it on purpose). `asking_now`: the caller sends its prompt at once (a past deadline), so the
    reminder job keeps off it until that prompt is marked sent."""
    if draft.speaker is not None:
        check_speaker(draft.speaker)
    with db.session() as session:
        result = save(session, chat_id, [draft], by, skip_tracked=False)
        if asking_now:
            for p in result.predictions:
                p.lease_until = schedule.now() + ASKING_LEASE
        return result


@dataclass(frozen=True)
class Page:
    items: list[PredictionView]
    total: int
    page: int
    pages: int


def open_page(db: Database, chat_id: int, page: int, size: int = 10) -> Page:
    """One page of the chat's open predictions, latest deadline first; out-of-range pages are clamped."""
    with db.session() as session:
        total = count_open(session, chat_id)
        pages = max(1, math.ceil(total / size))
        page = min(max(1, page), pages)
        return Page(views(session, list_open(session, chat_id, size, (page - 1) * size)), total, page, pages)


def _get(session: Session, chat_id: int, number: int) -> Prediction:
    p = get_prediction(session, chat_id, number)
    if p is None:
        raise Refusal(Problem.PREDICTION_GONE, number=number)
    return p


def find(db: Database, chat_id: int, number: int) -> PredictionView:
    """The prediction #number of this chat, or Refusal(PREDICTION_GONE)."""
    with db.session() as session:
        return views(session, [_get(session, chat_id, number)])[0]


def card(db: Database, chat_id: int, number: int) -> Card:
    """What /show displays: the prediction and every outcome ever recorded for it."""
    with db.session() as session:
        p = _get(session, chat_id, number)
        history = [HistoryEntry(r.outcome, r.resolved_by_name, r.resolved_at, r.undone_at is not None,
                                r.evidence_url, r.evidence_quote, r.note if r.evidence_quote else None)
                   for r in editing.history(session, p)]
        return Card(views(session, [p])[0], history)


@dataclass(frozen=True)
class Edited:
    number: int
    field: str
    prediction: PredictionView


def edit(db: Database, chat_id: int, number: int | None, field_name: str, value: str, by: int | None,
         prediction_id: int | None = None, from_today: bool = False) -> Edited:
    """Change one field (by number, or by id for a question asked earlier); undoable. With `from_today` (a
    user typing it) a new deadline counts from today in the chat's timezone and may not have passed."""
    with db.session() as session:
        p = session.get(Prediction, prediction_id) if prediction_id is not None else None
        if prediction_id is not None and (p is None or p.chat_id != chat_id):
            raise EditError(Problem.PREDICTION_GONE, number=None)
        if p is None:
            p = _get(session, chat_id, number or 0)
        chat = session.get(Chat, chat_id) if from_today else None
        editing.edit_field(session, p, field_name, value, by, schedule.today_in(chat.timezone) if chat else None)
        return Edited(p.number, field_name, views(session, [p])[0])


def delete(db: Database, chat_id: int, number: int, by: int | None = None) -> bool:
    """Remove #number and its history, undoably (the undo record keeps both); False when it was gone."""
    with db.session() as session:
        p = get_prediction(session, chat_id, number)
        if p is None:
            return False
        history = editing.history(session, p)
        actions.record(session, chat_id, by, ActionKind.DELETE,
                       {"id": p.id, "row": p.model_dump(), "resolutions": [r.model_dump() for r in history]})
        return _delete_row(session, chat_id, number) is not None


@dataclass(frozen=True)
class LastAction:
    id: int
    user_id: int | None


def last_action(db: Database, chat_id: int) -> LastAction | None:
    with db.session() as session:
        action = actions.last(session, chat_id)
        return LastAction(action.id or 0, action.user_id) if action else None


def undo(db: Database, chat_id: int, action_id: int) -> actions.Undone:
    """Take back the chat's last action if it is still the one the user saw (else CHANGED_MEANWHILE)."""
    with db.session() as session:
        action = actions.last(session, chat_id)
        if action is None or action.id != action_id:
            raise Refusal(Problem.CHANGED_MEANWHILE)
        return actions.undo(session, action)
