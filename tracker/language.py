"""Which texts the extractor can read. Only English today (Russian and Ukrainian are the next issue), so a
text mostly in another script gets a plain "I read English news for now" instead of "no statements"."""

from __future__ import annotations

LATIN_MAX = 0x024F  # Basic Latin to Latin Extended-B


def mostly_latin(text: str, share: float = 0.5) -> bool:
    """True when at least `share` of the letters are Latin (Cyrillic, Greek, Arabic… are not)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    return sum(1 for ch in letters if ord(ch) <= LATIN_MAX) / len(letters) >= share
