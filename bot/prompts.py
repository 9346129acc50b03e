"""The question the bot asks when a deadline passes, the day-before heads-up and what an answered prompt
becomes. Rendered from `tracker.views.PredictionView` (plain data the domain hands over), so both the
handlers (/due, /show) and jobs/ (reminders) show the same words without jobs/ importing the handlers."""

from __future__ import annotations

from bot.buttons import Answer, Button, Snooze, UndoAnswer
from bot.render import article_link, esc, fmt_date, shorten
from bot.texts import _, ngettext, status_label
from tracker import schedule
from tracker.models import Status
from tracker.views import PredictionView

OUTCOME_CODES: dict[str, Status] = {
    "f": Status.FULFILLED, "n": Status.NOT_FULFILLED, "u": Status.UNCLEAR, "p": Status.PARTLY,
    "a": Status.ANNULLED,
}
Row = list[tuple[str, Button]]  # a row of (label, button)


def _who(v: PredictionView) -> str:
    return f"<b>{esc(shorten(v.speaker, 80))}</b>" if v.speaker else _("Someone (unattributed)")


def prompt_body(v: PredictionView, asked_before: int = 0, head: str | None = None) -> str:
    """The prompt without its question: what a snoozed or answered prompt keeps."""
    if head is None:
        head = _("Deadline passed") if asked_before == 0 else _("Still waiting for an answer")
    phrase = f", {esc(shorten(v.deadline_text, 60))}" if v.deadline_text else ""
    icon = "⏰" if v.status == "open" else "🏁"
    text = (f"{icon} <b>{head}</b> · #{v.number}\n"
            + _("{who} said on {made} that <i>{statement}</i> (by {deadline}{phrase}).").format(
                who=_who(v), made=fmt_date(v.made_at), statement=esc(shorten(v.statement, 600)),
                deadline=fmt_date(v.deadline), phrase=phrase))
    if v.source_url:
        text += "\n" + _("Source: {source}").format(source=article_link(v.source_title, v.source_url, 120))
    elif v.source:
        text += "\n" + _("Source: {source}").format(source=esc(shorten(v.source, 200)))
    if v.related:
        text += "\n" + _("📎 Related news since:")
        for news in v.related:
            day = fmt_date(news.published) if news.published else ""
            label = article_link(news.title, news.url, 70) if news.url or news.title else ""
            text += "\n• " + " · ".join(p for p in (day, label) if p) + f": «{esc(shorten(news.quote, 160))}»"
    return text


def prompt_html(v: PredictionView, asked_before: int = 0) -> str:
    return prompt_body(v, asked_before) + "\n\n" + _("Did it happen?")


def prompt_buttons(number: int, from_due: bool = False) -> list[Row]:
    due = "d" if from_due else None
    return [
        [(_("✅ Fulfilled"), Answer(number, "f", due)), (_("❌ Not fulfilled"), Answer(number, "n", due))],
        [(_("🤷 Unclear"), Answer(number, "u", due)), (_("⏰ Snooze"), Snooze(number))],
    ]


def answered_html(v: PredictionView, by_name: str | None) -> str:
    """An answered prompt says what happened, not that it is still waiting; an outcome given before the
    deadline is marked as such."""
    early = schedule.now().date() <= v.deadline
    head = _("Resolved early") if early else _("Answered")
    answered = " — " + _("answered by {name}").format(name=esc(by_name)) if by_name else ""
    return f"{prompt_body(v, head=head)}\n\n<b>{esc(status_label(v.status))}</b>{answered}"


def heads_up_html(v: PredictionView) -> str:
    return ("🔔 <b>" + _("Deadline tomorrow") + f"</b> · #{v.number}\n"
            + f"{_who(v)}: <i>{esc(shorten(v.statement, 600))}</i> "
            + _("(by {day}). I'll ask here once it has passed.").format(day=fmt_date(v.deadline)))


def summary_html(more: int) -> str:
    text = ngettext("…and {n} more deadline has passed here.", "…and {n} more deadlines have passed here.",
                    more).format(n=more)
    return text + " " + _("/due walks through them one at a time.")


def undo_buttons(number: int) -> list[Row]:
    return [[(_("↩️ Undo"), UndoAnswer(number))]]
