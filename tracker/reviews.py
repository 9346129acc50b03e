"""Pasted articles become reviews: claims shown to the user, stored only when saved."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session

from tracker import actions
from tracker.extraction.claims import Claim, claims_to_json
from tracker.extraction.deadlines import parse_deadline_phrase
from tracker.extraction.sentences import find_dateline_date, split_sentences
from tracker.models import Prediction, Review
from tracker.names import clean_name
from tracker.store import NewPrediction, add_prediction, already_tracked, get_or_create_source

CLAIMS_PER_REVIEW = 8
URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
DATE_BASIS = {
    "given": "the date you gave",
    "forwarded": "the original post's date",
    "dateline": "the dateline in the text",
    "today": "today, as no date was found",
}


def is_url_only(text: str) -> bool:
    return bool(URL_ONLY.match(text or ""))


def looks_like_article(text: str) -> bool:
    """More than a sentence or two: at least three sentences, or two and 200 characters."""
    text = (text or "").strip()
    if len(text) < 80:
        return False
    n = len(split_sentences(text))
    return n >= 3 or (n >= 2 and len(text) >= 200) or len(text) >= 400


def reference_date(given: date | None, forwarded: date | None, text: str, today: date) -> tuple[date, str]:
    """Which day the article's deadlines count from, and why."""
    if given:
        return given, "given"
    if forwarded:
        return forwarded, "forwarded"
    dateline = find_dateline_date(text, today)
    if dateline:
        return dateline, "dateline"
    return today, "today"


def create_reviews(session: Session, chat_id: int, user_id: int | None, text: str, claims: list[Claim],
                   published: date, basis: str, title: str | None = None) -> list[Review]:
    """One review per CLAIMS_PER_REVIEW claims, so each fits one message with its buttons."""
    source = get_or_create_source(session, text, title=title, published=published)
    data = claims_to_json(claims)
    for item, claim in zip(data, claims, strict=True):
        item["speaker_aliases"] = claim.speaker_aliases
    chunks = [data[i:i + CLAIMS_PER_REVIEW] for i in range(0, len(data), CLAIMS_PER_REVIEW)] or [[]]
    reviews = []
    for part, chunk in enumerate(chunks, 1):
        review = Review(chat_id=chat_id, user_id=user_id, published=published, date_basis=basis,
                        source_id=source.id, claims_json=json.dumps(chunk),
                        selected_json=json.dumps([True] * len(chunk)), part=part, parts=len(chunks))
        session.add(review)
        reviews.append(review)
    session.flush()
    return reviews


@dataclass
class ReviewView:
    review: Review
    claims: list[dict[str, Any]]
    selected: list[bool]


def view(review: Review) -> ReviewView:
    return ReviewView(review, json.loads(review.claims_json), json.loads(review.selected_json))


def toggle(review: Review, index: int) -> bool:
    selected = json.loads(review.selected_json)
    if not 0 <= index < len(selected):
        raise IndexError(index)
    selected[index] = not selected[index]
    review.selected_json = json.dumps(selected)
    return bool(selected[index])


class EditError(ValueError):
    """The new value cannot be used; the message says why and what works."""


DEADLINE_HELP = "Try “in 2 weeks”, “by the end of March”, “next year” or a date like 2026-03-31."


def parse_new_deadline(value: str, published: date) -> tuple[date, str, bool]:
    value = value.strip()
    try:
        return date.fromisoformat(value), value, False
    except ValueError:
        pass
    parsed = parse_deadline_phrase(value, published)
    if parsed is None:
        raise EditError(f"I couldn't read “{value[:60]}” as a deadline. {DEADLINE_HELP}")
    return parsed.date, parsed.text, parsed.vague


def set_claim_field(review: Review, index: int, field: str, value: str) -> None:
    claims = json.loads(review.claims_json)
    if not 0 <= index < len(claims):
        raise EditError("That claim is no longer in this review.")
    claim = claims[index]
    value = value.strip()
    if field == "speaker":
        name = clean_name(value)
        if not name or len(name) > 120:
            raise EditError("A speaker is a name of up to 120 characters, e.g. Vladimir Putin.")
        claim["speaker"], claim["speaker_aliases"] = name, []
    elif field == "statement":
        if not value or len(value) > 1000:
            raise EditError("A statement is 1 to 1000 characters long.")
        claim["statement"] = value
    elif field == "deadline":
        day, text, vague = parse_new_deadline(value, review.published)
        claim["deadline"], claim["deadline_text"], claim["vague"] = day.isoformat(), text, vague
    else:
        raise EditError(f"Unknown field {field}.")
    review.claims_json = json.dumps(claims)


def save_review(session: Session, review: Review, user_id: int | None) -> tuple[list[Prediction], int]:
    """Store the selected claims; returns the new predictions and how many were already tracked."""
    v = view(review)
    saved: list[Prediction] = []
    duplicates = 0
    for claim, keep in zip(v.claims, v.selected, strict=True):
        if not keep:
            continue
        if already_tracked(session, review.chat_id, claim.get("speaker"), claim["statement"]):
            duplicates += 1
            continue
        saved.append(add_prediction(session, NewPrediction(
            chat_id=review.chat_id, speaker=claim.get("speaker"), statement=claim["statement"],
            deadline=date.fromisoformat(claim["deadline"]), made_at=review.published, sentence=claim.get("sentence"),
            deadline_text=claim.get("deadline_text") or None, vague=bool(claim.get("vague")),
            confidence=float(claim.get("confidence", 0.5)), conditional=bool(claim.get("conditional")),
            created_by=user_id, source_id=review.source_id,
            speaker_aliases=tuple(claim.get("speaker_aliases") or ()),
        )))
    review.status = "saved"
    if saved:
        actions.record(session, review.chat_id, user_id, "save", {"ids": [p.id for p in saved]})
    return saved, duplicates
