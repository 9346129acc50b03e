"""Plain, typed copies of rows, made inside a transaction and read after it closed. Handlers and jobs
render these (bot/render.py, bot/prompts.py); they never hold a session or a live row while they await
Telegram."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session

from tracker.models import Prediction, Source
from tracker.store import source_titles, speaker_names


@dataclass(frozen=True)
class RelatedNews:
    """A later article the chat read that relates to a prediction (tracker/evidence.py)."""

    published: date | None
    title: str | None
    url: str | None
    quote: str


@dataclass(frozen=True)
class PredictionView:
    """One prediction with its speaker's name and its source resolved."""

    number: int
    statement: str
    speaker: str | None
    made_at: date
    deadline: date
    deadline_text: str = ""
    status: str = "open"
    remind_count: int = 0
    vague: bool = False
    confidence: float = 0.5
    conditional: bool = False
    sentence: str | None = None
    original_deadline: date | None = None
    deadline_moves: int = 0
    source_title: str | None = None
    source_url: str | None = None
    id: int = 0
    created_by: int | None = None
    reminder_error: str | None = None
    co_speakers: tuple[str, ...] = ()
    related: tuple[RelatedNews, ...] = ()  # filled for due prompts only

    @property
    def source(self) -> str | None:
        """The one line a prompt shows for the source: its address, else its title."""
        return self.source_url or self.source_title

    @classmethod
    def of(cls, p: Prediction, speaker: str | None, source: Source | None = None) -> PredictionView:
        return cls(
            number=p.number, statement=p.statement, speaker=speaker, made_at=p.made_at, deadline=p.deadline,
            deadline_text=p.deadline_text or "", status=p.status, remind_count=p.remind_count, vague=p.vague,
            confidence=p.confidence, conditional=p.conditional, sentence=p.sentence,
            original_deadline=p.original_deadline, deadline_moves=p.deadline_moves,
            source_title=source.title if source else None, source_url=source.url if source else None,
            id=p.id or 0, created_by=p.created_by, reminder_error=p.reminder_error,
            co_speakers=tuple(p.co_speakers.split("; ")) if p.co_speakers else (),
        )


def views(session: Session, predictions: list[Prediction]) -> list[PredictionView]:
    """Predictions as views, with speaker names and sources looked up in one query each."""
    names = speaker_names(session, {p.speaker_id for p in predictions if p.speaker_id})
    sources = source_titles(session, {p.source_id for p in predictions if p.source_id})
    return [PredictionView.of(p, names.get(p.speaker_id) if p.speaker_id else None,
                              sources.get(p.source_id) if p.source_id else None) for p in predictions]


@dataclass(frozen=True)
class HistoryEntry:
    outcome: str
    by: str | None
    at: datetime
    undone: bool
    evidence_url: str | None = None
    evidence_quote: str | None = None
    evidence_title: str | None = None


@dataclass(frozen=True)
class Card:
    """Everything /show says about one prediction."""

    prediction: PredictionView
    history: list[HistoryEntry] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.prediction.status == "open"
