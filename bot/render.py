"""HTML for Telegram: every user- or article-supplied string is escaped here, and nothing is sent
that Telegram would refuse (empty, over 4096 characters, unbalanced tags)."""

from __future__ import annotations

import html
from datetime import date

from tracker.models import STATUS_LABELS, Prediction, Status

LIMIT = 4096
STATEMENT_CHARS = 400


def esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fmt_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def percent(p: float) -> str:
    return f"{round(p * 100)}%"


def deadline_part(p: Prediction) -> str:
    text = f"by {fmt_date(p.deadline)}"
    if p.deadline_text:
        text += f" ({esc(shorten(p.deadline_text, 60))}{', vague' if p.vague else ''})"
    elif p.vague:
        text += " (no deadline given)"
    return text


def prediction_line(p: Prediction, speaker: str | None) -> str:
    who = f"<b>{esc(shorten(speaker, 80))}</b>: " if speaker else "<i>unattributed</i>: "
    line = f"<b>#{p.number}</b> {who}{esc(shorten(p.statement, STATEMENT_CHARS))} — {deadline_part(p)}"
    line += f" · {percent(p.confidence)}"
    if p.conditional:
        line += " · conditional"
    if p.status != Status.OPEN:
        line += f" · {STATUS_LABELS.get(p.status, p.status)}"
    return line


def _plain_len(chunk: str) -> int:
    # An upper bound on what Telegram counts: escaped HTML is never shorter than its text.
    return len(chunk.encode("utf-16-le")) // 2


def split_message(text: str, limit: int = LIMIT) -> list[str]:
    """Split on line boundaries so each part fits; lines are built balanced, so parts are valid HTML."""
    text = text.strip() or "…"
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        if _plain_len(line) > limit:
            line = html.escape(shorten(html.unescape(_strip_tags(line)), limit - 10), quote=False)
        candidate = f"{current}\n{line}" if current else line
        if _plain_len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        parts.append(current)
    return parts or ["…"]


def _strip_tags(line: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", line)
