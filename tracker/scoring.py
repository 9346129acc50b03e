"""Accuracy per speaker, as a forecasting researcher would compute it.

- accuracy = (fulfilled + ½·partly) / (fulfilled + partly + not_fulfilled). `partly` counts half, like
  PolitiFact's "compromise" sitting between kept and broken. `unclear` and `annulled` (the premise fell
  away, as Metaculus annuls) are shown but never scored; `withdrawn` neither.
- interval: the 95% Wilson score interval of that proportion, so 1 of 1 reads 21–100%, not 100%.
- Brier = mean (confidence − outcome)² with outcome 1, ½ or 0, on the 0–1 scale (0 is perfect; always
  saying 50% scores 0.25). From MIN_FOR_DECOMPOSITION scored predictions on, its Murphy (1973)
  decomposition Brier = reliability − resolution + uncertainty, binned by stated confidence in tenths:
  reliability (calibration error, lower is better) and resolution (how much the forecasts separate
  what happened from what did not, higher is better).
- deadlines moved: predictions whose deadline was changed after saving; lateness: the mean number of
  days a moved deadline lies beyond the first one.
- Speakers with fewer than MIN_RESOLVED_TO_RANK scored predictions are listed, not ranked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Numeric, case, cast, func
from sqlmodel import Session, col, select

from tracker.models import Prediction, Speaker, Status

MIN_RESOLVED_TO_RANK = 5
MIN_FOR_DECOMPOSITION = 10
OUTCOME_VALUE = {Status.FULFILLED: 1.0, Status.PARTLY: 0.5, Status.NOT_FULFILLED: 0.0}
UNATTRIBUTED = "(unattributed)"


def wilson(successes: float, n: float, z: float = 1.959964) -> tuple[float, float]:
    """95% Wilson score interval; (0, 1) when there is nothing to go on."""
    if n <= 0:
        return 0.0, 1.0
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(max(0.0, p * (1 - p) / n + z * z / (4 * n * n))) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class SpeakerRecord:
    speaker: str
    speaker_id: int | None = None
    made: int = 0
    fulfilled: int = 0
    not_fulfilled: int = 0
    partly: int = 0
    unclear: int = 0
    annulled: int = 0
    withdrawn: int = 0
    open: int = 0
    moved: int = 0
    squared_error: float = 0.0  # sum over scored predictions of (confidence − outcome)²
    lateness_days: list[int] = field(default_factory=list, repr=False)
    # stated confidence in tenths (0..10) → [count, sum of confidences, sum of outcomes]; loaded on request
    bins: dict[int, list[float]] = field(default_factory=dict, repr=False)

    @property
    def scored(self) -> int:
        return self.fulfilled + self.not_fulfilled + self.partly

    @property
    def resolved(self) -> int:
        return self.scored + self.unclear + self.annulled

    @property
    def accuracy(self) -> float | None:
        return (self.fulfilled + 0.5 * self.partly) / self.scored if self.scored else None

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.fulfilled + 0.5 * self.partly, self.scored)

    @property
    def brier(self) -> float | None:
        return self.squared_error / self.scored if self.scored else None

    @property
    def decomposition(self) -> tuple[float, float, float] | None:
        """(reliability, resolution, uncertainty), or None below MIN_FOR_DECOMPOSITION scored or without bins."""
        n = sum(b[0] for b in self.bins.values())
        if n < MIN_FOR_DECOMPOSITION:
            return None
        base = sum(b[2] for b in self.bins.values()) / n
        rel = sum(b[0] * (b[1] / b[0] - b[2] / b[0]) ** 2 for b in self.bins.values() if b[0]) / n
        res = sum(b[0] * (b[2] / b[0] - base) ** 2 for b in self.bins.values() if b[0]) / n
        return rel, res, base * (1 - base)

    @property
    def lateness(self) -> float | None:
        return sum(self.lateness_days) / len(self.lateness_days) if self.lateness_days else None

    @property
    def ranked(self) -> bool:
        return self.scored >= MIN_RESOLVED_TO_RANK

    def calibration(self) -> list[tuple[float, float, int]]:
        """(mean stated confidence, observed frequency, count) per bucket with data."""
        return [(b[1] / b[0], b[2] / b[0], int(b[0])) for _, b in sorted(self.bins.items()) if b[0]]

    def add(self, status: str, confidence: float, count: int = 1) -> None:
        """Count `count` predictions of one status and confidence (used by tests and small tallies)."""
        self._count(status, count)
        if status in OUTCOME_VALUE:
            outcome = OUTCOME_VALUE[Status(status)]
            self.squared_error += (confidence - outcome) ** 2 * count
            self.add_bin(confidence, outcome * count, count)

    def _count(self, status: str, count: int) -> None:
        self.made += count
        attr = STATUS_ATTR[status]  # type: ignore[index]  # a StrEnum hashes as its string
        setattr(self, attr, getattr(self, attr) + count)

    def add_bin(self, confidence: float, outcomes: float, count: int) -> None:
        b = self.bins.setdefault(min(10, max(0, round(confidence * 10))), [0.0, 0.0, 0.0])
        b[0] += count
        b[1] += confidence * count
        b[2] += outcomes

    def merge(self, other: SpeakerRecord) -> None:
        for name in ("made", "fulfilled", "not_fulfilled", "partly", "unclear", "annulled", "withdrawn", "open",
                     "moved", "squared_error"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.lateness_days += other.lateness_days
        for k, b in other.bins.items():
            mine = self.bins.setdefault(k, [0.0, 0.0, 0.0])
            for i in range(3):
                mine[i] += b[i]

    def as_dict(self) -> dict[str, object]:
        lo, hi = self.interval
        dec = self.decomposition
        return {"speaker": self.speaker, "made": self.made, "resolved": self.resolved, "scored": self.scored,
                "fulfilled": self.fulfilled, "not_fulfilled": self.not_fulfilled, "partly": self.partly,
                "unclear": self.unclear, "annulled": self.annulled, "open": self.open, "accuracy": self.accuracy,
                "interval": [round(lo, 4), round(hi, 4)] if self.scored else None, "brier": self.brier,
                "reliability": dec[0] if dec else None, "resolution": dec[1] if dec else None,
                "deadlines_moved": self.moved, "mean_lateness_days": self.lateness, "ranked": self.ranked}


STATUS_ATTR = {Status.OPEN: "open", Status.FULFILLED: "fulfilled", Status.NOT_FULFILLED: "not_fulfilled",
               Status.PARTLY: "partly", Status.UNCLEAR: "unclear", Status.ANNULLED: "annulled",
               Status.WITHDRAWN: "withdrawn"}


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), str(year))


def _filters(query, chat_id: int | None, period: Period | None, speaker_id: int | None):
    if chat_id is not None:
        query = query.where(Prediction.chat_id == chat_id)
    if period is not None:
        query = query.where(col(Prediction.made_at) >= period.start, col(Prediction.made_at) <= period.end)
    if speaker_id is not None:
        query = query.where(Prediction.speaker_id == speaker_id)
    return query


def _outcome_expr():
    return case((col(Prediction.status) == Status.FULFILLED, 1.0), (col(Prediction.status) == Status.PARTLY, 0.5),
                else_=0.0)


def _status_counts(session: Session, chat_id: int | None, period: Period | None,
                   speaker_id: int | None) -> dict[int | None, SpeakerRecord]:
    """A record per speaker with its counts by status and squared error, from one grouped query (a row per
    speaker and status, sums done by the database)."""
    error = (col(Prediction.confidence) - _outcome_expr()) * (col(Prediction.confidence) - _outcome_expr())
    # Grouped by speaker and status: the covering index ix_prediction_scores answers it without the table.
    query = _filters(select(col(Prediction.speaker_id), col(Prediction.status), func.count(), func.sum(error))
                     .group_by(col(Prediction.speaker_id), col(Prediction.status)), chat_id, period, speaker_id)
    records: dict[int | None, SpeakerRecord] = {}
    for sid, st, n, squared in session.exec(query):
        record = records.get(sid)
        if record is None:
            record = records[sid] = SpeakerRecord(UNATTRIBUTED, sid)
        record._count(st, int(n))
        if st in OUTCOME_VALUE:
            record.squared_error += float(squared or 0.0)
    return records


def _add_moved(records: dict[int | None, SpeakerRecord], session: Session, chat_id: int | None,
               period: Period | None, speaker_id: int | None) -> None:
    """Count each speaker's predictions whose deadline was moved after saving, and by how many days."""
    moved = _filters(select(col(Prediction.speaker_id), col(Prediction.deadline), col(Prediction.original_deadline))
                     .where(col(Prediction.original_deadline).is_not(None)), chat_id, period, speaker_id)
    for sid, deadline, original in session.exec(moved):
        if sid in records and original is not None and deadline != original:
            records[sid].moved += 1
            records[sid].lateness_days.append((deadline - original).days)


def _add_names(records: dict[int | None, SpeakerRecord], session: Session) -> None:
    """Name the attributed records (the unattributed one keeps its placeholder)."""
    ids = [sid for sid in records if sid is not None]
    if not ids:
        return
    for sid, name in session.exec(select(Speaker.id, Speaker.name).where(col(Speaker.id).in_(ids))):
        records[sid].speaker = name


def speaker_records(session: Session, chat_id: int | None = None, period: Period | None = None,
                    speaker_id: int | None = None, with_bins: bool | None = None) -> list[SpeakerRecord]:
    """One record per speaker from one grouped query (a row per speaker, sums done by the database);
    ranked speakers first by the lower end of their interval (a sure 9 of 10 beats a lucky 1 of 1), then
    the rest by how many they made. Confidence bins (for the decomposition) are loaded for one speaker,
    or when asked."""
    records = _status_counts(session, chat_id, period, speaker_id)
    if with_bins or (with_bins is None and speaker_id is not None):
        for sid, conf, n, outcomes in _bin_rows(session, chat_id, period, speaker_id, by_speaker=True):
            if sid in records:
                records[sid].add_bin(float(conf), float(outcomes), int(n))
    _add_moved(records, session, chat_id, period, speaker_id)
    _add_names(records, session)
    return sorted(records.values(), key=lambda r: (not r.ranked, -(r.interval[0] if r.ranked else r.made),
                                                   -r.scored, r.speaker.lower()))


def _bin_rows(session: Session, chat_id: int | None, period: Period | None, speaker_id: int | None,
              by_speaker: bool) -> list[tuple[Any, ...]]:
    """(speaker?, mean confidence, count, sum of outcomes) per confidence tenth, scored predictions only."""
    tenth = func.round(cast(col(Prediction.confidence), Numeric) * 10)
    scored = col(Prediction.status).in_([Status.FULFILLED, Status.PARTLY, Status.NOT_FULFILLED])
    keys = [col(Prediction.speaker_id), tenth] if by_speaker else [tenth]
    query = _filters(select(*keys, func.avg(col(Prediction.confidence)), func.count(),  # type: ignore[call-overload]
                            func.sum(_outcome_expr())).where(scored).group_by(*keys), chat_id, period, speaker_id)
    rows = [tuple(r) for r in session.exec(query)]
    if by_speaker:
        return [(r[0], r[2], r[3], r[4]) for r in rows]
    return [(r[1], r[2], r[3]) for r in rows]


def calibration_bins(session: Session, chat_id: int | None = None, period: Period | None = None,
                     speaker_id: int | None = None) -> SpeakerRecord:
    """A record holding only the calibration bins of everything selected (for the chart)."""
    record = SpeakerRecord("Everyone")
    for conf, n, outcomes in _bin_rows(session, chat_id, period, speaker_id, by_speaker=False):
        record.add_bin(float(conf), float(outcomes), int(n))
    return record


def overall(records: list[SpeakerRecord], label: str = "Everyone") -> SpeakerRecord:
    total = SpeakerRecord(label)
    for r in records:
        total.merge(r)
    return total


def recent_resolved(session: Session, chat_id: int | None, speaker_id: int, limit: int = 10) -> list[Prediction]:
    query = _filters(select(Prediction).where(col(Prediction.status).in_(
        [Status.FULFILLED, Status.NOT_FULFILLED, Status.PARTLY, Status.UNCLEAR, Status.ANNULLED])),
        chat_id, None, speaker_id)
    return list(session.exec(query.order_by(col(Prediction.resolved_at).desc()).limit(limit)).all())


CHART_SPEAKERS = 15


def chart_speakers(records: list[SpeakerRecord]) -> list[tuple[str, float, float, float, int]]:
    """The accuracy bars of /chart: (name, accuracy, low, high, scored) for the first speakers with scores."""
    ranked = [r for r in records if r.scored][:CHART_SPEAKERS]
    return [(r.speaker, r.accuracy or 0.0, *r.interval, r.scored) for r in ranked]
