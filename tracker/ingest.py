"""From article text to stored predictions, and the sample articles under seeds/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session

from tracker.extraction.claims import Claim
from tracker.store import NewPrediction, add_prediction, already_tracked, get_or_create_source


@dataclass(frozen=True)
class Article:
    title: str
    text: str
    published: date
    url: str | None = None


def parse_seed(raw: str, fallback_title: str) -> Article:
    """A seed file: 'Key: value' header lines (Published, Title, URL), a blank line, then the text."""
    header, _, body = raw.partition("\n\n")
    fields = dict(re.findall(r"^(\w+):\s*(.+)$", header, flags=re.MULTILINE))
    if "Published" not in fields:
        raise ValueError(f"{fallback_title}: missing 'Published: YYYY-MM-DD' header")
    return Article(title=fields.get("Title", fallback_title).strip(), text=body.strip(),
                   published=date.fromisoformat(fields["Published"].strip()), url=fields.get("URL"))


def load_seed_files(folder: Path) -> list[Article]:
    return [parse_seed(p.read_text(encoding="utf-8"), p.stem) for p in sorted(folder.glob("*.txt"))]


def save_claims(session: Session, chat_id: int, claims: list[Claim], text: str, title: str | None,
                url: str | None, published: date, created_by: int | None = None) -> int:
    """Store claims as the chat's predictions; a statement the chat already tracks for that speaker
    (from this or another article) is not stored twice. Returns how many were new."""
    source = get_or_create_source(session, text, title=title, url=url, published=published)
    saved = 0
    for claim in claims:
        if already_tracked(session, chat_id, claim.speaker, claim.statement):
            continue
        deadline = claim.deadline_date() or published
        add_prediction(session, NewPrediction(
            chat_id=chat_id, speaker=claim.speaker, statement=claim.statement, deadline=deadline, made_at=published,
            sentence=claim.sentence, deadline_text=claim.deadline_text or None, vague=claim.vague,
            confidence=claim.confidence, conditional=claim.conditional, created_by=created_by,
            source_id=source.id, speaker_aliases=tuple(claim.speaker_aliases),
        ))
        saved += 1
    return saved
