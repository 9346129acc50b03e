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


class Refusal(ValueError):
    """The request cannot be done as asked; nothing was changed."""

    def __init__(self, code: Problem, **params: object) -> None:
        super().__init__(code.value)
        self.code = code
        self.params = params


class EditError(Refusal):
    """A new value (speaker, statement, deadline, confidence, timezone, quiet hours) cannot be used."""


class ManualEntryError(Refusal):
    """What is wrong with a typed `/add` entry."""
