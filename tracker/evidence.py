"""Later news that may settle an open prediction: every article a chat reads is matched against the chat's
open predictions made before it (tracker/matching.py, off the event loop). A likely match becomes a
suggestion a person confirms — never an automatic verdict — and a confirmation records the outcome with
the article as evidence (its URL and the quote). "Not related" is remembered per prediction and article;
weaker matches are kept as related news, which the due prompt shows ("📎 Related news since")."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from tracker import editing
from tracker.db import Database
from tracker.errors import Problem, Refusal
from tracker.matching import DEFAULT, LaterArticle, Match, Matcher, OpenClaim, in_window
from tracker.models import Prediction, Source, SpeakerAlias, Status, Suggestion
from tracker.store import get_or_create_source, speaker_names
from tracker.views import PredictionView, RelatedNews

RELATED_FLOOR = 0.15  # below the suggestion threshold, still worth a "related news" line in a prompt (dev: most
# "related" pairs score 0.1–0.7, other-topic and unrelated ones under 0.1)
MAX_RELATED = 2
MAX_CANDIDATES = 20_000  # a chat's open predictions considered per article (newest first)


@dataclass(frozen=True)
class SuggestionView:
    id: int
    number: int
    speaker: str | None
    statement: str
    quote: str
    outcome: str | None
    title: str | None
    url: str | None


def _aliases(session: Session, speaker_ids: set[int]) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    if speaker_ids:
        for a in session.exec(select(SpeakerAlias).where(col(SpeakerAlias.speaker_id).in_(speaker_ids))):
            out.setdefault(a.speaker_id, []).append(a.alias)
    return {k: tuple(v) for k, v in out.items()}


def open_claims(db: Database, chat_id: int, text: str, published: date,
                title: str | None) -> tuple[int, list[OpenClaim]]:
    """The article's source id, and the chat's open predictions made by its date that it was not matched
    against before."""
    with db.session() as session:
        source = get_or_create_source(session, text, title=title, published=published)
        assert source.id is not None
        seen = select(Suggestion.prediction_id).where(Suggestion.source_id == source.id)
        rows = session.execute(  # plain columns, not rows: a chat may hold tens of thousands
            sa_select(col(Prediction.id), col(Prediction.speaker_id), col(Prediction.statement),
                      col(Prediction.made_at), col(Prediction.deadline))
            .where(col(Prediction.chat_id) == chat_id, col(Prediction.status) == Status.OPEN,
                   col(Prediction.made_at) <= published, col(Prediction.id).not_in(seen),
                   or_(col(Prediction.source_id).is_(None), col(Prediction.source_id) != source.id))  # not its own
            .order_by(col(Prediction.id).desc()).limit(MAX_CANDIDATES)).all()
        ids = {speaker for _id, speaker, *_rest in rows if speaker}
        names, aliases = speaker_names(session, ids), _aliases(session, ids)
        return source.id, [OpenClaim(pid or 0, names.get(speaker) if speaker else None, statement, made_at, deadline,
                                     aliases.get(speaker or 0, ()))
                           for pid, speaker, statement, made_at, deadline in rows]


def _store(db: Database, chat_id: int, source_id: int, suggested: list[Match],
           related: list[Match]) -> list[SuggestionView]:
    with db.session() as session:
        source = session.get(Source, source_id)
        made: list[tuple[Suggestion, Prediction]] = []
        for match, status in [(m, "open") for m in suggested] + [(m, "related") for m in related]:
            p = session.get(Prediction, match.claim_id)
            if p is None or p.chat_id != chat_id:
                continue
            row = Suggestion(chat_id=chat_id, prediction_id=match.claim_id, source_id=source_id,
                             quote=match.quote[:1000], outcome=match.outcome, score=match.score, status=status)
            session.add(row)
            if status == "open":
                made.append((row, p))
        session.flush()
        names = speaker_names(session, {p.speaker_id for _r, p in made if p.speaker_id})
        return [SuggestionView(r.id or 0, p.number, names.get(p.speaker_id) if p.speaker_id else None, p.statement,
                               r.quote, r.outcome, source.title if source else None, source.url if source else None)
                for r, p in made]


async def find(db: Database, chat_id: int, text: str, published: date, title: str | None = None,
               matcher: Matcher = DEFAULT) -> list[SuggestionView]:
    """Match an article the chat just read against its open predictions; store and return the suggestions
    (best first). Matches too weak to suggest, or outside the window, are kept as related news."""
    source_id, claims = await db.run(open_claims, chat_id, text, published, title)
    if not claims:
        return []
    article = LaterArticle(text, published, title)
    found = await asyncio.to_thread(matcher.match, claims, article, False, RELATED_FLOOR)
    in_time = {c.id for c in claims if in_window(c, published)}
    suggested = [m for m in found if m.claim_id in in_time and m.score >= matcher.threshold]
    related = [m for m in found if m not in suggested and m.score >= RELATED_FLOOR]
    if not suggested and not related:
        return []
    return await db.run(_store, chat_id, source_id, suggested, related)


def set_message(db: Database, suggestion_ids: list[int], message_id: int | None) -> None:
    with db.session() as session:
        for sid in suggestion_ids:
            row = session.get(Suggestion, sid)
            if row is not None:
                row.message_id = message_id


def _open_suggestion(session: Session, chat_id: int, suggestion_id: int) -> tuple[Suggestion, Prediction]:
    row = session.get(Suggestion, suggestion_id)
    if row is None or row.chat_id != chat_id:
        raise Refusal(Problem.SUGGESTION_GONE)
    p = session.get(Prediction, row.prediction_id)
    if p is None:
        raise Refusal(Problem.PREDICTION_GONE, number=None)
    if row.status != "open":
        raise Refusal(Problem.SUGGESTION_DONE, number=p.number)
    return row, p


def confirm(db: Database, chat_id: int, suggestion_id: int, outcome: Status, by: int | None,
            by_name: str | None) -> tuple[int, bool]:
    """A person confirmed what the article says: the outcome is recorded with the article as evidence.
    Returns the prediction's number and whether this answer was recorded (False: answered meanwhile)."""
    with db.session() as session:
        row, p = _open_suggestion(session, chat_id, suggestion_id)
        row.status = "confirmed"
        resolution = editing.record_outcome(session, p, outcome, by, by_name, only_if_open=True)
        if resolution is None:
            return p.number, False
        source = session.get(Source, row.source_id)
        resolution.evidence_url = source.url if source else None
        resolution.evidence_quote = row.quote
        resolution.note = resolution.note or (source.title if source else None)
        return p.number, True


def dismiss(db: Database, chat_id: int, suggestion_id: int) -> int:
    """Not related: remembered, so this article is never suggested for this prediction again."""
    with db.session() as session:
        row, p = _open_suggestion(session, chat_id, suggestion_id)
        row.status = "dismissed"
        return p.number


def attach_related(session: Session, items: list[PredictionView]) -> list[PredictionView]:
    """Each prediction's best two related articles (not dismissed), for its due prompt."""
    ids = [v.id for v in items if v.id]
    if not ids:
        return items
    rows = session.exec(select(Suggestion, Source).join(Source, col(Source.id) == col(Suggestion.source_id))
                        .where(col(Suggestion.prediction_id).in_(ids),
                               col(Suggestion.status).in_(["open", "related", "confirmed"]))
                        .order_by(col(Suggestion.score).desc())).all()
    found: dict[int, list[RelatedNews]] = {}
    for row, source in rows:
        if len(found.setdefault(row.prediction_id, [])) < MAX_RELATED:
            found[row.prediction_id].append(RelatedNews(source.published, source.title, source.url, row.quote))
    return [replace(v, related=tuple(found.get(v.id, ()))) if v.id in found else v for v in items]
