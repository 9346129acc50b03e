"""The tables. Schema changes go through an Alembic migration in tracker/migrations."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Column, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Aware UTC; SQLModel stores it as UTC on SQLite and PostgreSQL alike."""
    return datetime.now(UTC)


class Status(StrEnum):
    OPEN = "open"
    FULFILLED = "fulfilled"
    NOT_FULFILLED = "not_fulfilled"
    PARTLY = "partly"
    UNCLEAR = "unclear"
    ANNULLED = "annulled"
    WITHDRAWN = "withdrawn"


class ReviewStatus(StrEnum):
    PENDING = "pending"
    SAVED = "saved"
    DISCARDED = "discarded"


class PendingKind(StrEnum):
    """Which question the bot asked and is waiting for a reply to."""

    REVIEW = "review"  # a field of a claim in a review
    EDIT = "edit"  # a field of a saved prediction
    ADD_SPEAKER = "add_speaker"  # /add without a speaker
    TIMEZONE = "settings_tz"
    QUIET = "settings_quiet"
    SNOOZE = "snooze"  # a new deadline from the Snooze menu
    CONFIRM_PAST = "confirm_past"  # /add with a deadline that has passed: track it anyway?


class ActionKind(StrEnum):
    SAVE = "save"
    EDIT = "edit"
    RESOLVE = "resolve"
    DELETE = "delete"


class Chat(SQLModel, table=True):
    chat_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    title: str | None = None
    timezone: str = "UTC"
    quiet_start: int | None = None
    quiet_end: int | None = None
    heads_up: bool = False
    active: bool = True
    last_number: int = 0  # the highest #N ever given here: numbers are never reused, so old buttons stay true
    feeds_auto: bool = False  # /settings feeds auto: claims from followed feeds are saved without a review
    language: str | None = None  # en, ru or uk; None until someone first uses the bot here (bot/languages.py)
    created_at: datetime = Field(default_factory=utcnow)


class Speaker(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    key: str = Field(index=True, unique=True)
    created_at: datetime = Field(default_factory=utcnow)


class SpeakerAlias(SQLModel, table=True):
    __tablename__ = "speaker_alias"
    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", index=True)
    alias: str
    key: str = Field(index=True, unique=True)


class Source(SQLModel, table=True):
    """An article the bot read, once however often it is shared: found again by its text's hash or by
    its canonical URL (links are looked up before they are fetched). The text is kept, zlib-compressed,
    so later articles can be matched against earlier ones."""

    id: int | None = Field(default=None, primary_key=True)
    text_hash: str = Field(index=True, unique=True)
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = Field(default=None, index=True)
    outlet: str | None = None
    published: date | None = None
    text_z: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)


class Prediction(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("chat_id", "number", name="uq_prediction_chat_number"),
        Index("ix_prediction_due", "status", "next_remind_at"),
        Index("ix_prediction_chat_status", "chat_id", "status"),
        Index("ix_prediction_status_deadline", "status", "deadline"),
        Index("ix_prediction_scores", "chat_id", "speaker_id", "status", "confidence"),  # covers /stats
        Index("ix_prediction_moved", "chat_id", "original_deadline"),  # the few moved deadlines, by range
    )
    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    number: int
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", index=True)
    statement: str
    sentence: str | None = None
    co_speakers: str | None = None  # names who said it together with the speaker, "; "-separated
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    made_at: date
    created_at: datetime = Field(default_factory=utcnow)
    created_by: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    deadline: date
    deadline_text: str | None = None
    original_deadline: date | None = None
    deadline_moves: int = 0
    vague: bool = False
    confidence: float = 0.5
    conditional: bool = False
    status: str = Field(default=Status.OPEN)
    resolved_at: datetime | None = None
    note: str | None = None
    # Reminder bookkeeping: the due check claims rows whose next_remind_at has passed.
    next_remind_at: datetime | None = None
    remind_count: int = 0
    last_prompt_message_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    last_prompted_at: datetime | None = None
    heads_up_sent: bool = False
    # Set while a worker sends this prompt; another worker takes it over only after it expires.
    lease_until: datetime | None = None
    # Why its reminder could not be scheduled (an old row with an impossible deadline); shown in /show,
    # cleared by a new deadline. Such a row is skipped, so it never stops the reminders of other chats.
    reminder_error: str | None = None
    snoozed_until: datetime | None = None  # ⏰ Snooze: /due skips it until then


class Resolution(SQLModel, table=True):
    """Every outcome ever recorded; the newest one not undone is the prediction's status."""

    id: int | None = Field(default=None, primary_key=True)
    prediction_id: int = Field(foreign_key="prediction.id", index=True)
    outcome: str
    resolved_by: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    resolved_by_name: str | None = None
    resolved_at: datetime = Field(default_factory=utcnow)
    note: str | None = None
    evidence_url: str | None = None
    evidence_quote: str | None = None  # the sentence of the later article that settled it
    undone_at: datetime | None = None


class ProcessedUpdate(SQLModel, table=True):
    """Telegram redelivers updates not yet confirmed when the bot dies; these are skipped."""

    __tablename__ = "processed_update"
    update_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    processed_at: datetime = Field(default_factory=utcnow, index=True)


class Review(SQLModel, table=True):
    """Claims found in one pasted article, waiting for the user to save, edit or discard them.
    Lives in the database so the review survives a restart and any worker can continue it."""

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    user_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    message_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    source_message_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))  # user's
    published: date
    date_basis: str
    source_id: int | None = Field(default=None, foreign_key="source.id")
    claims_json: str
    selected_json: str
    part: int = 1
    parts: int = 1
    status: str = ReviewStatus.PENDING
    # A feed digest holds claims of several articles: [{"source_id", "title", "url", "published"}], and each
    # claim in claims_json carries "article", its index here. None for a single article's review.
    articles_json: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class PendingInput(SQLModel, table=True):
    """The bot asked a user to reply with a value (a new deadline, a speaker, a timezone)."""

    __tablename__ = "pending_input"
    __table_args__ = (UniqueConstraint("chat_id", "user_id", name="uq_pending_chat_user"),)
    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    user_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    kind: str
    ref: int | None = None
    field: str | None = None
    index: int | None = None
    payload: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Action(SQLModel, table=True):
    """What /undo can take back: a save, an edit or a resolution, newest first per chat."""

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    user_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    kind: str
    payload: str
    created_at: datetime = Field(default_factory=utcnow)
    undone_at: datetime | None = None


class AppSecret(SQLModel, table=True):
    """Secrets the bot made for itself, shared by every worker through the database."""

    __tablename__ = "app_secret"
    name: str = Field(primary_key=True)
    value: str


class PaceSlot(SQLModel, table=True):
    """When the next message may go (seconds, the database's clock), per key: the whole bot, or one group."""

    __tablename__ = "pace_slot"
    key: str = Field(primary_key=True)
    tat: float


class Feed(SQLModel, table=True):
    """A source chats follow: an RSS/Atom/JSON feed (polled) or a Telegram channel (posts pushed to the bot).
    Polled feeds are claimed with a lease (and SKIP LOCKED on PostgreSQL) so one worker fetches each."""

    __table_args__ = (Index("ix_feed_due", "kind", "paused", "next_check_at"),)
    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True)  # the feed's address, or "tg:<channel id>"
    kind: str = "feed"  # feed | channel
    channel_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True, index=True))
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    interval_seconds: int = 900
    next_check_at: datetime | None = None
    lease_until: datetime | None = None
    failures: int = 0
    failing_since: datetime | None = None
    last_error: str | None = None
    last_new_at: datetime | None = None
    paused: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class Follow(SQLModel, table=True):
    """A chat following a feed, numbered per chat for /unfollow N, with its plain keep/skip words."""

    __table_args__ = (UniqueConstraint("chat_id", "feed_id", name="uq_follow_chat_feed"),)
    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    feed_id: int = Field(foreign_key="feed.id", index=True)
    number: int
    only_words: str | None = None  # "; "-separated
    skip_words: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class FeedItem(SQLModel, table=True):
    """An item a feed has shown, by GUID, else canonical link, else title hash: never proposed twice."""

    __tablename__ = "feed_item"
    __table_args__ = (UniqueConstraint("feed_id", "key", name="uq_feed_item_key"),)
    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(foreign_key="feed.id")
    key: str
    link: str | None = None
    title: str | None = None
    published: date | None = None
    seen_at: datetime = Field(default_factory=utcnow)


class ChatStory(SQLModel, table=True):
    """A story a chat was shown from a feed (its canonical link), so two feeds carrying it show it once."""

    __tablename__ = "chat_story"
    chat_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    story: str = Field(primary_key=True)
    seen_at: datetime = Field(default_factory=utcnow)


class Suggestion(SQLModel, table=True):
    """A later article the matcher linked to an open prediction: shown as "🔎 This may settle #N" (status
    open → confirmed or dismissed, and "Not related" is never suggested again), or kept as related news
    for the due prompt (status related). One row per prediction and article."""

    __table_args__ = (UniqueConstraint("prediction_id", "source_id", name="uq_suggestion_pair"),)
    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    prediction_id: int = Field(foreign_key="prediction.id", index=True)
    source_id: int = Field(foreign_key="source.id")
    quote: str
    outcome: str | None = None  # what the quote suggests: fulfilled / not_fulfilled, or None
    score: float = 0.0
    status: str = "open"  # open | confirmed | dismissed | related
    message_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)
