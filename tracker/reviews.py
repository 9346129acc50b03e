"""Pasted articles become reviews: claims shown to the user, stored as predictions only when saved.

The functions taking a `Database` are the services the review's buttons and replies call: each is one
short transaction returning a `ReviewView` (a typed copy) or raising a typed `Refusal`."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields
from datetime import date
from enum import StrEnum
from typing import Any

from sqlmodel import Session, select

from tracker import predictions
from tracker.db import Database
from tracker.editing import check_speaker, check_statement, parse_new_deadline
from tracker.errors import EditError, Problem, Refusal
from tracker.extraction.claims import Claim, tidy
from tracker.extraction.deadlines import dateparser_date
from tracker.extraction.hedges import hedge_confidence
from tracker.extraction.sentences import find_dateline_date, split_sentences
from tracker.models import Review, ReviewStatus
from tracker.store import get_or_create_source

CLAIMS_PER_REVIEW = 8
URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_CLAIM_FIELDS = {f.name for f in fields(Claim)}


class DateBasis(StrEnum):
    """Why an article's deadlines count from the day they do."""

    GIVEN = "given"
    PAGE = "page"  # a linked page's own publication date (tracker/pages.py)
    FORWARDED = "forwarded"
    LINE = "line"  # stored as "line:<the line>"
    DATELINE = "dateline"
    TODAY = "today"


def is_url_only(text: str) -> bool:
    return bool(URL_ONLY.match(text or ""))


def looks_like_article(text: str) -> bool:
    """More than a sentence or two: at least three sentences, or two and 200 characters."""
    text = (text or "").strip()
    if len(text) < 80:
        return False
    n = len(split_sentences(text))
    return n >= 3 or (n >= 2 and len(text) >= 200) or len(text) >= 400


_PUBLISHED_LINE = re.compile(
    r"(?im)^[ \t]*(?P<line>(?:published|posted|updated|last updated|first published)\b(?: on)?:?[ \t]*"
    r"(?P<when>[^\n]{6,40}?)|by [A-Z][^,\n]{2,60},[ \t]*(?P<when2>[^\n]{6,30}?))[ \t]*$")


def published_line(text: str, today: date) -> tuple[date, str] | None:
    """A line of the article that states its date ("Published 2 June 2025", "By Anna Smith, 5 May 2025",
    "Updated: 12.03.2025 14:05"), among its first lines or its last ones: the day and the line."""
    lines = text.strip().split("\n")
    window = "\n".join(lines[:8] + lines[-4:])
    for m in _PUBLISHED_LINE.finditer(window):
        when = (m.group("when") or m.group("when2") or "").strip()
        when = re.sub(r"\b\d{1,2}:\d{2}(?::\d{2})?\b.*$", "", when).strip(" ,|-")  # the time, the zone
        day = _dotted(when) or (dateparser_date(when, today) if re.search(r"\d", when) else None)
        if day is not None and day <= today:
            return day, m.group("line").strip()
    return None


def _dotted(when: str) -> date | None:
    """12.03.2025 is day.month.year wherever dots are written (dateparser would read 3 December)."""
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", when)
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def reference_date(given: date | None, forwarded: date | None, text: str, today: date) -> tuple[date, str]:
    """Which day the article's deadlines count from, and why: the date given, the forward's date, a line
    stating the date ("line:<the line>"), a dateline, or today."""
    if given:
        return given, DateBasis.GIVEN
    if forwarded:
        return forwarded, DateBasis.FORWARDED
    stated = published_line(text, today)
    if stated:
        return stated[0], f"{DateBasis.LINE}:{stated[1][:80]}"
    dateline = find_dateline_date(text, today)
    if dateline:
        return dateline, DateBasis.DATELINE
    return today, DateBasis.TODAY


@dataclass(frozen=True)
class ArticleRef:
    """One article of a feed digest: where its claims came from."""

    source_id: int | None
    title: str | None
    url: str | None
    published: date


@dataclass(frozen=True)
class DigestArticle:
    """An article a feed brought, with its claims (what `open_digest` is given)."""

    source_id: int | None
    title: str | None
    url: str | None
    published: date
    claims: list[Claim]


@dataclass(frozen=True)
class ReviewView:
    """A review as the user sees it: its claims, which are ticked, and where it stands. A feed digest also
    carries its articles, which article each claim is from, the feed's name and how many articles had no
    claims."""

    id: int
    chat_id: int
    claims: list[Claim]
    selected: list[bool]
    published: date
    basis: str
    part: int
    parts: int
    status: str
    message_id: int | None
    articles: tuple[ArticleRef, ...] = ()
    claim_articles: tuple[int, ...] = ()
    feed: str | None = None
    without_claims: int = 0
    article_count: int = 0

    @property
    def count(self) -> int:
        return sum(self.selected)

    @property
    def first_number(self) -> int:
        """The number its first claim shows: parts after the first go on counting (part 2 starts at 9), the
        same in the text, on the buttons and in every answer, however often claims are toggled."""
        return (self.part - 1) * CLAIMS_PER_REVIEW + 1


def _claims(review: Review) -> list[Claim]:
    return [Claim(**{k: v for k, v in item.items() if k in _CLAIM_FIELDS}) for item in json.loads(review.claims_json)]


def _digest(review: Review) -> dict[str, Any]:
    if not review.articles_json:
        return {}
    data: dict[str, Any] = json.loads(review.articles_json)
    return data


def _view(review: Review) -> ReviewView:
    digest = _digest(review)
    articles = tuple(ArticleRef(a.get("source_id"), a.get("title"), a.get("url"), date.fromisoformat(a["published"]))
                     for a in digest.get("articles", []))
    claim_articles = tuple(int(c.get("article", 0)) for c in json.loads(review.claims_json)) if digest else ()
    return ReviewView(review.id or 0, review.chat_id, _claims(review), json.loads(review.selected_json),
                      review.published, review.date_basis, review.part, review.parts, review.status,
                      review.message_id, articles, claim_articles, digest.get("feed"),
                      int(digest.get("without_claims", 0)), int(digest.get("article_count", 0)))


def _store_claims(review: Review, claims: list[Claim], articles: list[int] | None = None) -> None:
    if articles is None and review.articles_json:  # keep each claim's article through an edit
        articles = [int(c.get("article", 0)) for c in json.loads(review.claims_json)]
    rows = [asdict(c) for c in claims]
    if articles is not None:
        for row, index in zip(rows, articles, strict=True):
            row["article"] = index
    review.claims_json = json.dumps(rows)


def create_reviews(session: Session, chat_id: int, user_id: int | None, text: str, claims: list[Claim],
                   published: date, basis: str, title: str | None = None,
                   source_message_id: int | None = None) -> list[Review]:
    """One review per CLAIMS_PER_REVIEW claims, so each fits one message with its buttons."""
    source = get_or_create_source(session, text, title=title, published=published)
    claims = [tidy(c) for c in claims]
    chunks = [claims[i:i + CLAIMS_PER_REVIEW] for i in range(0, len(claims), CLAIMS_PER_REVIEW)] or [[]]
    reviews = []
    for part, chunk in enumerate(chunks, 1):
        review = Review(chat_id=chat_id, user_id=user_id, published=published, date_basis=basis,
                        source_id=source.id, claims_json="[]", selected_json=json.dumps([True] * len(chunk)),
                        part=part, parts=len(chunks), source_message_id=source_message_id)
        _store_claims(review, chunk)
        session.add(review)
        reviews.append(review)
    session.flush()
    return reviews


def open_reviews(db: Database, chat_id: int, user_id: int | None, text: str, claims: list[Claim], published: date,
                 basis: str, title: str | None, source_message_id: int | None = None) -> list[ReviewView]:
    """Store the claims found in an article as reviews, numbered on across parts."""
    with db.session() as session:
        return [_view(row) for row in create_reviews(session, chat_id, user_id, text, claims, published, basis,
                                                     title, source_message_id)]


def open_digest(db: Database, chat_id: int, feed: str, articles: list[DigestArticle], without_claims: int,
                auto: bool = False) -> tuple[list[ReviewView], predictions.SaveResult | None]:
    """One review for what a feed brought a chat in one round: claims of several articles, grouped by
    article (parts of CLAIMS_PER_REVIEW claims). With `auto` every claim is saved at once (undoable)."""
    pairs = [(i, tidy(c)) for i, a in enumerate(articles) for c in a.claims]
    size = (len(pairs) or 1) if auto else CLAIMS_PER_REVIEW  # saved at once: one save, so one /undo takes it back
    chunks = [pairs[i:i + size] for i in range(0, len(pairs), size)] or [[]]
    meta = {"feed": feed, "without_claims": without_claims, "article_count": len(articles) + without_claims,
            "articles": [{"source_id": a.source_id, "title": a.title, "url": a.url,
                          "published": a.published.isoformat()} for a in articles]}
    newest = max((a.published for a in articles), default=date.today())
    with db.session() as session:
        rows = []
        for part, chunk in enumerate(chunks, 1):
            review = Review(chat_id=chat_id, published=newest, date_basis=DateBasis.PAGE, claims_json="[]",
                            selected_json=json.dumps([True] * len(chunk)), part=part, parts=len(chunks),
                            articles_json=json.dumps(meta))
            _store_claims(review, [c for _i, c in chunk], [i for i, _c in chunk])
            session.add(review)
            rows.append(review)
        session.flush()
        result = None
        if auto:
            for review in rows:
                saved = save_review(session, review, None)
                result = saved if result is None else predictions.SaveResult(
                    result.predictions + saved.predictions, result.duplicates + saved.duplicates,
                    result.saved + saved.saved)
        return [_view(r) for r in rows], result


def replace_for_message(db: Database, chat_id: int, source_message_id: int) -> tuple[list[ReviewView], bool]:
    """The user edited the message a review was read from: its open reviews are discarded (returned, so
    their messages can say so); True if one of them had already been saved."""
    with db.session() as session:
        rows = session.exec(select(Review).where(Review.chat_id == chat_id,
                                                 Review.source_message_id == source_message_id)).all()
        saved = any(r.status == ReviewStatus.SAVED for r in rows)
        open_ones = [r for r in rows if r.status == ReviewStatus.PENDING]
        for r in open_ones:
            r.status = ReviewStatus.DISCARDED
        return [_view(r) for r in open_ones], saved


def _pending(session: Session, chat_id: int, review_id: int) -> Review:
    review = session.get(Review, review_id)
    if review is None or review.chat_id != chat_id:
        raise Refusal(Problem.REVIEW_GONE)
    if review.status != ReviewStatus.PENDING:
        raise Refusal(Problem.REVIEW_CLOSED, status=review.status)
    return review


def get(db: Database, chat_id: int, review_id: int) -> ReviewView:
    with db.session() as session:
        return _view(_pending(session, chat_id, review_id))


def set_message(db: Database, review_id: int, message_id: int | None) -> None:
    """Remember which message shows the review, so a reply that edits a claim can update it."""
    with db.session() as session:
        review = session.get(Review, review_id)
        if review is not None:
            review.message_id = message_id


def toggle(db: Database, chat_id: int, review_id: int, index: int) -> ReviewView:
    """Tick or untick one claim."""
    with db.session() as session:
        review = _pending(session, chat_id, review_id)
        selected = json.loads(review.selected_json)
        if not 0 <= index < len(selected):
            raise Refusal(Problem.CLAIM_GONE)
        selected[index] = not selected[index]
        review.selected_json = json.dumps(selected)
        return _view(review)


def discard(db: Database, chat_id: int, review_id: int) -> None:
    with db.session() as session:
        _pending(session, chat_id, review_id).status = ReviewStatus.DISCARDED


def _draft(claim: Claim, review: Review, article: ArticleRef | None = None) -> predictions.Draft:
    made_at = article.published if article else review.published
    return predictions.Draft(
        speaker=claim.speaker, statement=claim.statement, deadline=claim.deadline_date() or made_at,
        made_at=made_at, sentence=claim.sentence or None, deadline_text=claim.deadline_text or None,
        vague=claim.vague, confidence=claim.confidence, conditional=claim.conditional,
        source_id=article.source_id if article else review.source_id,
        speaker_aliases=tuple(claim.speaker_aliases), co_speakers=tuple(claim.co_speakers))


def save_review(session: Session, review: Review, user_id: int | None) -> predictions.SaveResult:
    """Store the ticked claims through the one save path; the review is closed."""
    v = _view(review)
    refs = [v.articles[i] if v.articles else None for i in (v.claim_articles or [0] * len(v.claims))]
    drafts = [_draft(claim, review, ref) for claim, keep, ref in zip(v.claims, v.selected, refs, strict=True) if keep]
    review.status = ReviewStatus.SAVED
    return predictions.save(session, review.chat_id, drafts, user_id, shown_in=review.message_id)


def save(db: Database, chat_id: int, review_id: int, by: int | None) -> predictions.SaveResult:
    with db.session() as session:
        return save_review(session, _pending(session, chat_id, review_id), by)


def _set_claim(claim: Claim, field: str, value: str, published: date) -> Claim:
    changes: dict[str, Any]
    if field == "speaker":
        changes = {"speaker": check_speaker(value), "speaker_aliases": []}
    elif field == "statement":  # the confidence follows the new wording's hedge ("could" → "will")
        statement = check_statement(value)
        changes = {"statement": statement, "confidence": hedge_confidence(statement).probability}
    elif field == "deadline":
        day, text, vague = parse_new_deadline(value, published)
        changes = {"deadline": day.isoformat(), "deadline_text": text, "vague": vague}
    else:
        raise EditError(Problem.FIELD_UNKNOWN)
    return Claim(**{**asdict(claim), **changes})


def edit_claim(db: Database, chat_id: int, review_id: int, index: int, field: str, value: str) -> ReviewView:
    """A reply correcting one claim's speaker, statement or deadline (counted from the article's date)."""
    with db.session() as session:
        review = _pending(session, chat_id, review_id)
        claims = _claims(review)
        if not 0 <= index < len(claims):
            raise EditError(Problem.CLAIM_GONE)
        claims[index] = _set_claim(claims[index], field, value, review.published)
        _store_claims(review, claims)
        return _view(review)
