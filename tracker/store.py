"""Storage queries. Handlers and jobs call these; nothing else writes SQL."""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, or_
from sqlmodel import Session, col, select

from tracker.errors import Problem, Refusal
from tracker.extraction.claims import similar
from tracker.models import (
    Chat,
    Prediction,
    ProcessedUpdate,
    Resolution,
    Source,
    Speaker,
    SpeakerAlias,
    Status,
    Suggestion,
    utcnow,
)
from tracker.names import clean_name, name_key
from tracker.schedule import LATEST, first_due, in_range


def get_or_create_chat(session: Session, chat_id: int, title: str | None = None,
                       default_timezone: str = "UTC") -> Chat:
    chat = session.get(Chat, chat_id)
    if chat is None:
        chat = Chat(chat_id=chat_id, title=title, timezone=default_timezone)
        session.add(chat)
        session.flush()
    elif title and chat.title != title:
        chat.title = title
    return chat


SURNAME_PARTICLES = {"von", "van", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "bin", "al", "el"}


def find_speaker(session: Session, name: str, chat_id: int | None = None) -> Speaker | None:
    """By full name or any alias, forgiving case and accents; a lone surname matches one known speaker.
    Speakers are shared by all chats, so a lookup a chat makes (`chat_id`) only finds speakers that chat
    tracks: no chat learns what another one tracks."""
    key = name_key(name)
    if not key:
        return None
    if key.startswith("the "):  # "the Russian president" is stored as "Russian President"; "The Kremlin" as is
        return _find_key(session, key, chat_id) or _find_key(session, key[4:], chat_id)
    return _find_key(session, key, chat_id)


def _find_key(session: Session, key: str, chat_id: int | None) -> Speaker | None:
    scope = ((col(Speaker.id).in_(select(Prediction.speaker_id).where(Prediction.chat_id == chat_id)),)
             if chat_id is not None else ())
    speaker = session.exec(select(Speaker).where(Speaker.key == key, *scope)).first()
    if speaker:
        return speaker
    alias = session.exec(select(SpeakerAlias).join(Speaker, col(Speaker.id) == col(SpeakerAlias.speaker_id))
                         .where(SpeakerAlias.key == key, *scope)).first()
    if alias:
        return session.get(Speaker, alias.speaker_id)
    if " " not in key or key.split(" ", 1)[0] in SURNAME_PARTICLES:  # "Putin", "von der Leyen"
        matches = session.exec(select(Speaker).where(col(Speaker.key).like(f"% {key}"), *scope)).all()
        if len(matches) == 1:
            return matches[0]
    if " " not in key:  # a first name: "elon" is Elon Musk when he is the only Elon
        matches = session.exec(select(Speaker).where(col(Speaker.key).like(f"{key} %"), *scope)).all()
        if len(matches) == 1:
            return matches[0]
    return None


def _roles(name: str, aliases: list[str] | tuple[str, ...]) -> list[str]:
    """The titles the extractor saw before the name ("Russian President Vladimir Putin" → "Russian
    President"), so "/speaker the Russian president" finds him."""
    out = []
    for alias in aliases:
        if alias.endswith(" " + name):
            role = alias[: -len(name)].strip(" ,")
            if role and not any(ch.isdigit() for ch in role) and len(role.split()) <= 5:
                out.append(role)
    return out


def get_or_create_speaker(session: Session, name: str, aliases: list[str] | tuple[str, ...] = ()) -> Speaker:
    """The speaker for `name`, creating it, and remembering every alias the extractor collected."""
    name = clean_name(name)
    speaker = find_speaker(session, name)
    if speaker is None:
        for alias in aliases:
            speaker = find_speaker(session, alias)
            if speaker:
                break
    if speaker is None:
        speaker = Speaker(name=name, key=name_key(name))
        session.add(speaker)
        session.flush()
    known = {speaker.key}
    known.update(a.key for a in session.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == speaker.id)))
    for alias in (name, *aliases, *_roles(speaker.name, aliases)):
        key = name_key(alias)
        if key and key not in known:
            taken = session.exec(select(SpeakerAlias).where(SpeakerAlias.key == key)).first()
            other = session.exec(select(Speaker).where(Speaker.key == key)).first()
            if taken is None and other is None:
                assert speaker.id is not None
                session.add(SpeakerAlias(speaker_id=speaker.id, alias=clean_name(alias), key=key))
            known.add(key)
    return speaker


def text_digest(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8", "replace")).hexdigest()


def get_or_create_source(session: Session, text: str, title: str | None = None, url: str | None = None,
                         published: date | None = None, canonical_url: str | None = None,
                         outlet: str | None = None) -> Source:
    """The article with this text, stored once (with its text compressed); what a later reading knows and
    the first did not (a link's URL and title for a text pasted earlier) is filled in."""
    digest = text_digest(text)
    source = session.exec(select(Source).where(Source.text_hash == digest)).first()
    if source is None:
        source = Source(text_hash=digest, title=title, url=url, published=published, canonical_url=canonical_url,
                        outlet=outlet, text_z=zlib.compress(text.strip().encode("utf-8", "replace"), 6))
        session.add(source)
        session.flush()
        return source
    for name, value in (("title", title), ("url", url), ("canonical_url", canonical_url), ("outlet", outlet),
                        ("published", published)):
        if value is not None and getattr(source, name) is None:
            setattr(source, name, value)
    if source.text_z is None:
        source.text_z = zlib.compress(text.strip().encode("utf-8", "replace"), 6)
    return source


def source_text(source: Source) -> str:
    return zlib.decompress(source.text_z).decode("utf-8") if source.text_z else ""


def next_number(session: Session, chat_id: int) -> int:
    """The chat's next #N. Never one used before, even if that prediction was deleted or its save undone:
    a prompt or card still showing the old #N must not act on a new prediction."""
    chat = get_or_create_chat(session, chat_id)
    current = session.exec(select(func.max(Prediction.number)).where(Prediction.chat_id == chat_id)).one()
    chat.last_number = max(chat.last_number, int(current or 0)) + 1
    return chat.last_number


@dataclass(frozen=True, kw_only=True)
class Draft:
    """A claim about to become a prediction, from whichever source (predictions.save stores drafts)."""

    speaker: str | None
    statement: str
    deadline: date
    made_at: date
    sentence: str | None = None
    deadline_text: str | None = None
    vague: bool = False
    confidence: float = 0.5
    conditional: bool = False
    source_id: int | None = None
    speaker_aliases: tuple[str, ...] = ()
    co_speakers: tuple[str, ...] = ()  # "(with Putin)": said together with the speaker
    number: int | None = None  # CSV import keeps the exported numbers where they are free


@dataclass(frozen=True, kw_only=True)
class NewPrediction(Draft):
    """A draft placed in a chat: the row `add_prediction` inserts."""

    chat_id: int
    created_by: int | None = None


def add_prediction(session: Session, new: NewPrediction) -> Prediction:
    if not (in_range(new.deadline) and in_range(new.made_at)):
        raise Refusal(Problem.DEADLINE_OUT_OF_RANGE, latest=LATEST.isoformat())
    chat = get_or_create_chat(session, new.chat_id)
    speaker = get_or_create_speaker(session, new.speaker, new.speaker_aliases) if new.speaker else None
    number = new.number if new.number is not None else next_number(session, new.chat_id)
    chat.last_number = max(chat.last_number, number)
    prediction = Prediction(
        chat_id=new.chat_id,
        number=number,
        speaker_id=speaker.id if speaker else None,
        statement=new.statement,
        sentence=new.sentence,
        co_speakers="; ".join(new.co_speakers) or None,
        source_id=new.source_id,
        made_at=new.made_at,
        created_by=new.created_by,
        deadline=new.deadline,
        deadline_text=new.deadline_text,
        vague=new.vague,
        confidence=min(1.0, max(0.0, new.confidence)),
        conditional=new.conditional,
        next_remind_at=first_due(new.deadline, chat.timezone),
    )
    session.add(prediction)
    session.flush()
    return prediction


def get_prediction(session: Session, chat_id: int, number: int) -> Prediction | None:
    return session.exec(
        select(Prediction).where(Prediction.chat_id == chat_id, Prediction.number == number)
    ).first()


def count_open(session: Session, chat_id: int) -> int:
    return int(session.exec(
        select(func.count()).select_from(Prediction)
        .where(Prediction.chat_id == chat_id, Prediction.status == Status.OPEN)
    ).one())


def list_open(session: Session, chat_id: int, limit: int = 10, offset: int = 0) -> list[Prediction]:
    """Open predictions, newest (latest) deadline first."""
    return list(session.exec(
        select(Prediction)
        .where(Prediction.chat_id == chat_id, Prediction.status == Status.OPEN)
        .order_by(col(Prediction.deadline).desc(), col(Prediction.number).desc())
        .limit(limit).offset(offset)
    ).all())


def delete_prediction(session: Session, chat_id: int, number: int) -> Prediction | None:
    prediction = get_prediction(session, chat_id, number)
    if prediction is None:
        return None
    session.exec(delete(Resolution).where(col(Resolution.prediction_id) == prediction.id))
    session.exec(delete(Suggestion).where(col(Suggestion.prediction_id) == prediction.id))
    session.delete(prediction)
    session.flush()
    return prediction


def resolve(session: Session, prediction: Prediction, outcome: Status, by: int | None = None,
            by_name: str | None = None, note: str | None = None, evidence_url: str | None = None,
            at: datetime | None = None) -> Resolution:
    """Record an outcome as history and make it the prediction's status."""
    at = at or utcnow()
    assert prediction.id is not None
    resolution = Resolution(prediction_id=prediction.id, outcome=outcome, resolved_by=by, resolved_by_name=by_name,
                            resolved_at=at, note=note, evidence_url=evidence_url)
    session.add(resolution)
    prediction.status = outcome
    prediction.resolved_at = None if outcome == Status.OPEN else at
    if note:
        prediction.note = note
    prediction.next_remind_at = None
    session.flush()
    return resolution


def speaker_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {s.id: s.name for s in session.exec(select(Speaker).where(col(Speaker.id).in_(ids)))
            if s.id is not None}


def source_titles(session: Session, ids: set[int]) -> dict[int, Source]:
    if not ids:
        return {}
    return {s.id: s for s in session.exec(select(Source).where(col(Source.id).in_(ids))) if s.id is not None}


def all_predictions(session: Session, chat_id: int | None = None) -> list[Prediction]:
    query = select(Prediction).order_by(col(Prediction.chat_id), col(Prediction.number))
    if chat_id is not None:
        query = query.where(Prediction.chat_id == chat_id)
    return list(session.exec(query).all())


def update_seen(session: Session, update_id: int) -> bool:
    return session.get(ProcessedUpdate, update_id) is not None


def mark_update(session: Session, update_id: int) -> None:
    """Remember a handled update; forget ones older than two days (Telegram keeps them 24 hours)."""
    if session.get(ProcessedUpdate, update_id) is None:
        session.add(ProcessedUpdate(update_id=update_id))
    if update_id % 200 == 0:
        cutoff = utcnow() - timedelta(days=2)
        session.exec(delete(ProcessedUpdate).where(col(ProcessedUpdate.processed_at) < cutoff))


def _not_snoozed(now: datetime | None):
    return (or_(col(Prediction.snoozed_until).is_(None), col(Prediction.snoozed_until) <= now),) if now else ()


def due_predictions(session: Session, chat_id: int, today: date, limit: int = 50,
                    now: datetime | None = None) -> list[Prediction]:
    """Open predictions whose deadline day is over in the chat's timezone, oldest deadline first (with `now`:
    not those snoozed beyond it)."""
    return list(session.exec(
        select(Prediction)
        .where(Prediction.chat_id == chat_id, Prediction.status == Status.OPEN, col(Prediction.deadline) < today,
               *_not_snoozed(now))
        .order_by(col(Prediction.deadline), col(Prediction.number)).limit(limit)
    ).all())


def count_due(session: Session, chat_id: int, today: date, now: datetime | None = None) -> int:
    return int(session.exec(
        select(func.count()).select_from(Prediction)
        .where(Prediction.chat_id == chat_id, Prediction.status == Status.OPEN, col(Prediction.deadline) < today,
               *_not_snoozed(now))
    ).one())


def speaker_predictions(session: Session, chat_id: int, speaker_id: int, limit: int = 30) -> list[Prediction]:
    return list(session.exec(
        select(Prediction).where(Prediction.chat_id == chat_id, Prediction.speaker_id == speaker_id)
        .order_by(col(Prediction.status) != Status.OPEN, col(Prediction.deadline).desc()).limit(limit)
    ).all())


def retime_chat(session: Session, chat_id: int, timezone: str) -> int:
    """A new timezone moves the first reminder of every open prediction not yet asked about."""
    rows = session.exec(select(Prediction).where(Prediction.chat_id == chat_id, Prediction.status == Status.OPEN,
                                                 Prediction.remind_count == 0)).all()
    for p in rows:
        p.next_remind_at = first_due(p.deadline, timezone)
    return len(rows)


def already_tracked(session: Session, chat_id: int, speaker: str | None, statement: str) -> bool:
    """The chat already tracks this statement for this speaker (said again, or in another article)."""
    found = find_speaker(session, speaker) if speaker else None
    if speaker and found is None:
        return False  # a speaker never seen before has nothing tracked yet
    existing = session.exec(select(Prediction.statement).where(
        Prediction.chat_id == chat_id, Prediction.speaker_id == (found.id if found else None))).all()
    return any(similar(text, statement) for text in existing)
