"""The question the bot asks when a deadline passes, the day-before heads-up and what an answered prompt
becomes. Rendered from `tracker.reminders.PredictionView` (plain data the domain hands over), so both the
handlers (/due, /show) and jobs/ (reminders) show the same words without jobs/ importing the handlers."""

from __future__ import annotations

from bot.render import esc, fmt_date, shorten
from tracker.models import STATUS_LABELS, Status
from tracker.reminders import PredictionView

OUTCOME_CODES: dict[str, Status] = {
    "f": Status.FULFILLED, "n": Status.NOT_FULFILLED, "u": Status.UNCLEAR, "p": Status.PARTLY,
    "a": Status.ANNULLED,
}
Button = tuple[str, str]  # (label, callback payload before signing)
QUESTION = "Did it happen?"


def _who(v: PredictionView) -> str:
    return f"<b>{esc(shorten(v.speaker, 80))}</b>" if v.speaker else "Someone (unattributed)"


def _body(v: PredictionView, asked_before: int) -> str:
    head = "Deadline passed" if asked_before == 0 else "Still waiting for an answer"
    text = (f"⏰ <b>{head}</b> · #{v.number}\n{_who(v)} said on {fmt_date(v.made_at)} that "
            f"<i>{esc(shorten(v.statement, 600))}</i> (by {fmt_date(v.deadline)}"
            f"{', ' + esc(shorten(v.deadline_text, 60)) if v.deadline_text else ''}).")
    if v.source:
        text += f"\nSource: {esc(shorten(v.source, 200))}"
    return text


def prompt_body(v: PredictionView, asked_before: int = 0) -> str:
    """The prompt without its question: what a snoozed or answered prompt keeps."""
    return _body(v, asked_before)


def prompt_html(v: PredictionView, asked_before: int = 0) -> str:
    return f"{_body(v, asked_before)}\n\n{QUESTION}"


def prompt_buttons(number: int, from_due: bool = False) -> list[list[Button]]:
    tail = ":d" if from_due else ""
    return [
        [("✅ Fulfilled", f"v:{number}:f{tail}"), ("❌ Not fulfilled", f"v:{number}:n{tail}")],
        [("🤷 Unclear", f"v:{number}:u{tail}"), ("⏰ Snooze", f"z:{number}")],
    ]


def answered_html(v: PredictionView, by_name: str | None) -> str:
    label = STATUS_LABELS.get(v.status, v.status)
    who = f" — answered by {esc(by_name)}" if by_name else ""
    return f"{_body(v, v.remind_count)}\n\n<b>{esc(label)}</b>{who}"


def heads_up_html(v: PredictionView) -> str:
    return (f"🔔 <b>Deadline tomorrow</b> · #{v.number}\n{_who(v)}: <i>{esc(shorten(v.statement, 600))}</i> "
            f"(by {fmt_date(v.deadline)}). I'll ask here once it has passed.")


def summary_html(more: int) -> str:
    return (f"…and {more} more deadline{'s have' if more != 1 else ' has'} passed here. "
            "/due walks through them one at a time.")


def undo_buttons(number: int) -> list[list[Button]]:
    return [[("↩️ Undo", f"u:{number}")]]
