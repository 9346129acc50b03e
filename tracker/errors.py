"""Typed refusals. The domain never words a message: it raises a `Refusal` whose `code` says what went
wrong and whose `params` carry the values a message needs; `bot/texts.py` turns each code into words (and a
later catalogue into other languages)."""

from __future__ import annotations

from enum import StrEnum


class Problem(StrEnum):
    SPEAKER_INVALID = "speaker_invalid"  # empty or over 120 characters
    STATEMENT_LENGTH = "statement_length"  # empty or over 1000 characters
    DEADLINE_UNREADABLE = "deadline_unreadable"  # params: value
    DEADLINE_OUT_OF_RANGE = "deadline_out_of_range"  # params: latest
    DEADLINE_PAST = "deadline_past"  # params: value, today
    DATE_INVALID = "date_invalid"  # params: value (a date that does not exist, e.g. 31 February)
    CONFIDENCE_RANGE = "confidence_range"
    FIELD_UNKNOWN = "field_unknown"
    TIMEZONE_UNKNOWN = "timezone_unknown"  # params: value
    QUIET_INVALID = "quiet_invalid"
    LANGUAGE_UNKNOWN = "language_unknown"  # params: value
    PREDICTION_GONE = "prediction_gone"  # params: number (may be None)
    NOT_OPEN = "not_open"  # params: number
    REVIEW_CLOSED = "review_closed"  # params: status
    REVIEW_GONE = "review_gone"
    CLAIM_GONE = "claim_gone"
    NOTHING_TO_UNDO = "nothing_to_undo"
    CHANGED_MEANWHILE = "changed_meanwhile"
    ANSWER_NOT_UNDOABLE = "answer_not_undoable"
    MANUAL_EMPTY = "manual_empty"
    MANUAL_NO_STATEMENT = "manual_no_statement"
    MANUAL_TOO_LONG = "manual_too_long"
    MANUAL_CONFIDENCE = "manual_confidence"
    QUESTION_LOST = "question_lost"
    SUGGESTION_GONE = "suggestion_gone"
    SUGGESTION_DONE = "suggestion_done"  # params: number (answered or dismissed already)
    FEED_NUMBER = "feed_number"  # params: number (no followed source with that number here)
    FEED_ALREADY = "feed_already"  # params: title
    FEED_WORDS = "feed_words"  # keep/skip words: plain words and phrases, at most 20, each up to 40 characters
    CHANNEL_NOT_ADMIN = "channel_not_admin"  # params: channel
    CHANNEL_UNKNOWN = "channel_unknown"  # params: channel
    # Reading a link (tracker/fetch.py, tracker/pages.py); params: host, and status for HTTP answers
    LINK_UNSAFE = "link_unsafe"  # the address is private, loopback, link-local (metadata), reserved…
    LINK_UNSUPPORTED = "link_unsupported"  # not http(s), or a port other than 80/443
    LINK_UNSAFE_REDIRECT = "link_unsafe_redirect"  # a redirect led to such an address
    LINK_REDIRECTS = "link_redirects"  # more than 5 redirects
    LINK_UNREACHABLE = "link_unreachable"  # no such host, or it refused the connection
    LINK_TIMEOUT = "link_timeout"  # params: seconds
    LINK_TOO_LARGE = "link_too_large"  # params: megabytes
    LINK_NOT_FOUND = "link_not_found"  # 404 or 410
    LINK_DENIED = "link_denied"  # 401, 402, 403, 451: a login or a paywall
    LINK_HTTP_ERROR = "link_http_error"  # any other 4xx; params: status
    LINK_SERVER_ERROR = "link_server_error"  # 5xx; params: status
    LINK_PDF = "link_pdf"
    LINK_NOT_HTML = "link_not_html"  # params: kind (the content type)
    LINK_PAYWALL = "link_paywall"  # the page holds a teaser and a subscription offer, not the article
    LINK_EMPTY = "link_empty"  # no article text on the page (a cookie wall, an index page, a video)
    LINK_NOT_FEED = "link_not_feed"  # neither a feed nor a page naming one
    LINK_BUSY = "link_busy"  # params: seconds (the chat read its links-per-minute already)


class Refusal(ValueError):
    """The request cannot be done as asked; nothing was changed."""

    def __init__(self, code: Problem, **params: object) -> None:
        super().__init__(code.value)
        self.code = code
        self.params = params


class LinkError(Refusal):
    """A link could not be read as an article; nothing was stored."""


class FeedError(Refusal):
    """Following or unfollowing cannot be done as asked."""


class EditError(Refusal):
    """A new value (speaker, statement, deadline, confidence, timezone, quiet hours) cannot be used."""


class ManualEntryError(Refusal):
    """What is wrong with a typed `/add` entry."""
