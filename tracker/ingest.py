"""From article text to stored predictions, and the sample articles shipped in the `seeds` package."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from importlib import resources

from sqlmodel import Session

from tracker import predictions
from tracker.extraction.claims import Claim, tidy
from tracker.store import get_or_create_source


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


def load_seed_files() -> list[Article]:
    """The sample articles, read as package data so an installed wheel has them too."""
    files = sorted((f for f in resources.files("seeds").iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
    return [parse_seed(f.read_text(encoding="utf-8"), f.name.removesuffix(".txt")) for f in files]


def save_claims(session: Session, chat_id: int, claims: list[Claim], text: str, title: str | None,
                url: str | None, published: date, created_by: int | None = None) -> int:
    """Store an article's claims through the one save path; returns how many were new."""
    source = get_or_create_source(session, text, title=title, url=url, published=published)
    claims = [tidy(c) for c in claims]
    drafts = [predictions.Draft(
        speaker=claim.speaker, statement=claim.statement, deadline=claim.deadline_date() or published,
        made_at=published, sentence=claim.sentence, deadline_text=claim.deadline_text or None, vague=claim.vague,
        confidence=claim.confidence, conditional=claim.conditional, source_id=source.id,
        speaker_aliases=tuple(claim.speaker_aliases)) for claim in claims]
    return len(predictions.save(session, chat_id, drafts, created_by).predictions)
