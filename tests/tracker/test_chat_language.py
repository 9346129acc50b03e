"""A chat's language in the database: decided by the first person who uses the bot there, changed only by
/settings language, read in bulk by the jobs that write to many chats."""

from __future__ import annotations

import pytest

from tracker import chats
from tracker.db import Database
from tracker.errors import EditError, Problem
from tracker.store import get_or_create_chat


def test_a_new_chat_takes_its_first_users_language_and_keeps_it(db: Database) -> None:
    assert chats.language_for(db, 1, None, "UTC", "uk", adopt=False) == "uk"  # seen, not used: nothing stored
    assert chats.languages(db, [1]) == {1: "en"}
    assert chats.language_for(db, 1, None, "UTC", "uk", adopt=True) == "uk"
    assert chats.language_for(db, 1, None, "UTC", "ru", adopt=True) == "uk"  # the next user changes nothing
    assert chats.language_for(db, 2, None, "UTC", None, adopt=True) == "en"  # not one of ours: English
    assert chats.language_for(db, 2, None, "UTC", "ru", adopt=True) == "en"
    assert chats.languages(db, [1, 2, 3]) == {1: "uk", 2: "en", 3: "en"}


def test_a_chat_created_before_anyone_spoke_still_takes_the_first_users_language(db: Database) -> None:
    with db.session() as session:
        get_or_create_chat(session, 5)  # e.g. by a feed or a prediction stored for it
    assert chats.get(db, 5, None, "UTC").language == "en"
    assert chats.language_for(db, 5, None, "UTC", "ru", adopt=True) == "ru"


@pytest.mark.parametrize(("value", "code"), [("ru", "ru"), ("UK", "uk"), ("uk-UA", "uk"), ("ua", "uk"),
                                             ("English", "en"), ("русский", "ru"), ("українська", "uk")])
def test_language_is_read_from_a_code_or_a_name(db: Database, value: str, code: str) -> None:
    assert chats.set_language(db, 9, None, "UTC", value).language == code
    assert chats.languages(db, [9]) == {9: code}


def test_an_unknown_language_is_refused(db: Database) -> None:
    with pytest.raises(EditError) as refused:
        chats.set_language(db, 9, None, "UTC", "de")
    assert refused.value.code == Problem.LANGUAGE_UNKNOWN and refused.value.params["value"] == "de"
