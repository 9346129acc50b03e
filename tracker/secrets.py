"""The key that signs inline buttons. Its own setting (CALLBACK_SECRET), so rotating a leaked bot token
keeps every old button working; when unset, one is generated on first start and kept in the database,
where every worker finds the same one."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy.exc import IntegrityError

from tracker.db import Database
from tracker.models import AppSecret

NAME = "callback_secret"


def _key(text: str) -> bytes:
    return hashlib.sha256(b"calledit-callback-v2:" + text.encode()).digest()


def callback_key(db: Database, configured: str | None) -> bytes:
    """The signing key: from the setting if given, else the stored one (made now if there is none)."""
    if configured:
        return _key(configured)
    with db.session() as session:
        row = session.get(AppSecret, NAME)
        if row is not None:
            return _key(row.value)
    try:
        with db.session() as session:
            session.add(AppSecret(name=NAME, value=secrets.token_urlsafe(32)))
    except IntegrityError:  # another worker made it first: use theirs
        pass
    with db.session() as session:
        row = session.get(AppSecret, NAME)
        assert row is not None
        return _key(row.value)


def legacy_key(token: str) -> bytes:
    """The key buttons were signed with before CALLBACK_SECRET existed (derived from the bot token);
    still accepted, so buttons sent before the upgrade keep working."""
    return hashlib.sha256(b"calledit-callback-v1:" + token.encode()).digest()
