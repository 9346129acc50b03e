"""The question the bot asks when a deadline passes. Plain data (HTML text and button specs), so
both bot/ (for /due and /show) and jobs/ (for reminders) render the same prompt without importing
each other."""

from __future__ import annotations

import html
from datetime import date

from tracker.models import STATUS_LABELS, Prediction, Status

OUTCOME_CODES: dict[str, Status] = {
    "f": Status.FULFILLED, "n": Status.NOT_FULFILLED, "u": Status.UNCLEAR, "p": Status.PARTLY,
    "a": Status.ANNULLED,
}
Button = tuple[str, str]  # (label, callback payload before signing)


def esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def prompt_html(p: Prediction, speaker: str | None, source: str | None, asked_before: int = 0) -> str:
    who = f"<b>{esc(_short(speaker, 80))}</b>" if speaker else "Someone (unattributed)"
    head = "Deadline passed" if asked_before == 0 else "Still waiting for an answer"
    text = (f"⏰ <b>{head}</b> · #{p.number}\n{who} said on {day(p.made_at)} that "
            f"<i>{esc(_short(p.statement, 600))}</i> (by {day(p.deadline)}"
            f"{', ' + esc(_short(p.deadline_text, 60)) if p.deadline_text else ''}).")
    if source:
        text += f"\nSource: {esc(_short(source, 200))}"
    return text + "\n\nDid it happen?"


def prompt_buttons(number: int, from_due: bool = False) -> list[list[Button]]:
    tail = ":d" if from_due else ""
    return [
        [("✅ Fulfilled", f"v:{number}:f{tail}"), ("❌ Not fulfilled", f"v:{number}:n{tail}")],
        [("🤷 Unclear", f"v:{number}:u{tail}"), ("⏰ Snooze", f"z:{number}")],
    ]


def answered_html(p: Prediction, speaker: str | None, source: str | None, by_name: str | None) -> str:
    base = prompt_html(p, speaker, source, p.remind_count).rsplit("\n\nDid it happen?", 1)[0]
    label = STATUS_LABELS.get(p.status, p.status)
    who = f" — answered by {esc(by_name)}" if by_name else ""
    return f"{base}\n\n<b>{esc(label)}</b>{who}"


def heads_up_html(p: Prediction, speaker: str | None) -> str:
    who = f"<b>{esc(_short(speaker, 80))}</b>" if speaker else "Someone (unattributed)"
    return (f"🔔 <b>Deadline tomorrow</b> · #{p.number}\n{who}: <i>{esc(_short(p.statement, 600))}</i> "
            f"(by {day(p.deadline)}). I'll ask here once it has passed.")


def summary_html(more: int) -> str:
    return (f"…and {more} more deadline{'s have' if more != 1 else ' has'} passed here. "
            "/due walks through them one at a time.")


def undo_buttons(number: int) -> list[list[Button]]:
    return [[("↩️ Undo", f"u:{number}")]]
