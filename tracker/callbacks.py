"""Compact, signed callback data: self-contained (works after a restart, weeks later) and bound
to one chat, so a button replayed or forged in another chat is refused. Well under 64 bytes."""

from __future__ import annotations

import base64
import hashlib
import hmac

MAX_BYTES = 64
SIG_LEN = 8


def derive_secret(token: str) -> bytes:
    return hashlib.sha256(b"calledit-callback-v1:" + token.encode()).digest()


def _sig(secret: bytes, chat_id: int, payload: str) -> str:
    mac = hmac.new(secret, f"{chat_id}|{payload}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode()[:SIG_LEN]


def sign(secret: bytes, chat_id: int, payload: str) -> str:
    data = f"{payload}|{_sig(secret, chat_id, payload)}"
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {payload!r}")
    return data


def verify(secret: bytes, chat_id: int, data: str | None) -> list[str] | None:
    """The payload's ':'-separated parts if the signature matches this chat, else None."""
    if not data or "|" not in data:
        return None
    payload, sig = data.rsplit("|", 1)
    if not hmac.compare_digest(sig, _sig(secret, chat_id, payload)):
        return None
    return payload.split(":")
