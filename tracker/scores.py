"""The scores services behind /stats, /speaker and /chart: one short transaction each, typed results.
The arithmetic lives in tracker/scoring.py."""

from __future__ import annotations

import math
from dataclasses import dataclass

from tracker import scoring
from tracker.db import Database
from tracker.errors import Problem, Refusal
from tracker.models import Status
from tracker.scoring import SpeakerRecord
from tracker.store import find_speaker, speaker_predictions
from tracker.views import PredictionView, views

RANKED_PER_PAGE = 10


@dataclass(frozen=True)
class Leaderboard:
    records: list[SpeakerRecord]
    total: SpeakerRecord
    page: int
    pages: int
    year: int | None


def leaderboard(db: Database, chat_id: int, year: int | None, page: int) -> Leaderboard | None:
    """Every speaker's record in the chat (None when it has no predictions); the page is clamped."""
    period = scoring.Period.year(year) if year else None
    with db.session() as session:
        records = scoring.speaker_records(session, chat_id, period)
    if not records:
        return None
    pages = max(1, math.ceil(sum(1 for r in records if r.ranked) / RANKED_PER_PAGE))
    return Leaderboard(records, scoring.overall(records), min(max(1, page), pages), pages, year)


@dataclass(frozen=True)
class SpeakerReport:
    record: SpeakerRecord
    recent: list[PredictionView]
    open_items: list[PredictionView]


def speaker_report(db: Database, chat_id: int, name: str) -> SpeakerReport:
    """One speaker's record, recent outcomes and open predictions; Refusal(PREDICTION_GONE) if none."""
    with db.session() as session:
        found = find_speaker(session, name, chat_id)
        records = scoring.speaker_records(session, chat_id, speaker_id=found.id) if found and found.id else []
        if not records or found is None or found.id is None:
            raise Refusal(Problem.PREDICTION_GONE, number=None)
        recent = views(session, scoring.recent_resolved(session, chat_id, found.id))
        open_items = views(session, [p for p in speaker_predictions(session, chat_id, found.id, limit=10)
                                     if p.status == Status.OPEN])
        return SpeakerReport(records[0], recent, open_items)


@dataclass(frozen=True)
class ChartInput:
    speaker: str | None  # None: the whole chat
    total: SpeakerRecord
    calibration: list[tuple[float, float, int]]  # (stated confidence, share that happened, n) per bin
    speakers: list[tuple[str, float, float, float, int]]  # (name, accuracy, low, high, n), whole chat only


def chart_input(db: Database, chat_id: int, name: str | None) -> ChartInput:
    """The numbers /chart draws; Refusal(PREDICTION_GONE) for a speaker the chat never quoted."""
    with db.session() as session:
        found = find_speaker(session, name, chat_id) if name else None
        if name and (found is None or found.id is None):
            raise Refusal(Problem.PREDICTION_GONE, number=None)
        speaker_id = found.id if found else None
        records = scoring.speaker_records(session, chat_id, speaker_id=speaker_id)
        bins = scoring.calibration_bins(session, chat_id, speaker_id=speaker_id)
    return ChartInput(found.name if found else None, scoring.overall(records), bins.calibration(),
                      [] if found else scoring.chart_speakers(records))
