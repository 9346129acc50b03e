"""Accuracy per speaker: counts, accuracy with a Wilson interval, Brier score of stated confidence.

accuracy = (fulfilled + ½·partly) / (fulfilled + partly + not_fulfilled); unclear and annulled
are shown but never scored. Brier = mean (confidence − outcome)², outcome 1, ½ or 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from tracker.models import Prediction, Speaker, Status

MIN_RESOLVED_TO_RANK = 5
OUTCOME_VALUE = {Status.FULFILLED: 1.0, Status.PARTLY: 0.5, Status.NOT_FULFILLED: 0.0}


def wilson(successes: float, n: float, z: float = 1.959964) -> tuple[float, float]:
    """95% Wilson score interval; (0, 1) when there is nothing to go on."""
    if n <= 0:
        return 0.0, 1.0
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class SpeakerRecord:
    speaker: str
    made: int = 0
    fulfilled: int = 0
    not_fulfilled: int = 0
    partly: int = 0
    unclear: int = 0
    annulled: int = 0
    withdrawn: int = 0
    open: int = 0
    moved: int = 0
    _sq_errors: list[float] = field(default_factory=list, repr=False)

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
        return sum(self._sq_errors) / len(self._sq_errors) if self._sq_errors else None

    @property
    def ranked(self) -> bool:
        return self.scored >= MIN_RESOLVED_TO_RANK

    def add(self, status: str, confidence: float, moves: int) -> None:
        self.made += 1
        self.moved += 1 if moves else 0
        if status in OUTCOME_VALUE:
            self._sq_errors.append((confidence - OUTCOME_VALUE[Status(status)]) ** 2)
        attr = {Status.OPEN: "open", Status.FULFILLED: "fulfilled", Status.NOT_FULFILLED: "not_fulfilled",
                Status.PARTLY: "partly", Status.UNCLEAR: "unclear", Status.ANNULLED: "annulled",
                Status.WITHDRAWN: "withdrawn"}[Status(status)]
        setattr(self, attr, getattr(self, attr) + 1)

    def as_dict(self) -> dict[str, object]:
        lo, hi = self.interval
        return {"speaker": self.speaker, "made": self.made, "resolved": self.resolved, "fulfilled": self.fulfilled,
                "not_fulfilled": self.not_fulfilled, "partly": self.partly, "unclear": self.unclear,
                "annulled": self.annulled, "open": self.open, "accuracy": self.accuracy,
                "interval": [round(lo, 4), round(hi, 4)] if self.scored else None, "brier": self.brier,
                "deadlines_moved": self.moved, "ranked": self.ranked}


def speaker_records(session: Session, chat_id: int | None = None) -> list[SpeakerRecord]:
    """One record per speaker; ranked ones first by accuracy's lower bound, then the rest by volume."""
    query = (select(Prediction.status, Prediction.confidence, Prediction.deadline_moves, Speaker.name)
             .join(Speaker, col(Speaker.id) == col(Prediction.speaker_id), isouter=True))
    if chat_id is not None:
        query = query.where(Prediction.chat_id == chat_id)
    records: dict[str, SpeakerRecord] = {}
    for status, confidence, moves, name in session.exec(query):
        key = name or "(unattributed)"
        records.setdefault(key, SpeakerRecord(key)).add(status, confidence, moves)
    return sorted(records.values(),
                  key=lambda r: (not r.ranked, -(r.interval[0] if r.ranked else r.scored), -r.made, r.speaker))
