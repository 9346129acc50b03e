"""HTML for Telegram: every user- or article-supplied string is escaped here, and nothing is sent
that Telegram would refuse (empty, over 4096 characters, unbalanced tags)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date, datetime

from tracker.models import STATUS_LABELS, Prediction, Status
from tracker.reviews import DATE_BASIS
from tracker.scoring import MIN_RESOLVED_TO_RANK, SpeakerRecord

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
    return re.sub(r"<[^>]+>", "", line)


def review_html(claims: list[dict[str, object]], selected: list[bool], published: date, basis: str,
                part: int, parts: int, first_number: int = 1) -> str:
    n = len(claims)
    head = f"📰 <b>{n} forward-looking statement{'s' if n != 1 else ''}</b>"
    if parts > 1:
        head += f" (part {part} of {parts})"
    lines = [head, f"Deadlines count from <b>{fmt_date(published)}</b> ({esc(DATE_BASIS.get(basis, basis))}).", ""]
    for i, (claim, on) in enumerate(zip(claims, selected, strict=True)):
        speaker = claim.get("speaker")
        who = f"<b>{esc(shorten(str(speaker), 80))}</b>" if speaker else "<i>unattributed</i>"
        co = claim.get("co_speakers") or []
        if isinstance(co, list) and co:
            who += f" (with {esc(', '.join(str(c) for c in co))})"
        deadline = date.fromisoformat(str(claim["deadline"]))
        phrase = str(claim.get("deadline_text") or "")
        when = f"by {fmt_date(deadline)}"
        if phrase:
            when += f" ({esc(shorten(phrase, 60))}{', vague' if claim.get('vague') else ''})"
        elif claim.get("vague"):
            when += " (no time given, vague)"
        extras = " · conditional" if claim.get("conditional") else ""
        mark = "✅" if on else "⬜"
        lines.append(f"{mark} <b>{i + first_number}.</b> {who}: {esc(shorten(str(claim['statement']), 240))}")
        lines.append(f"      📅 {when} · {percent(float(str(claim.get('confidence', 0.5))))}{extras}")
    lines += ["", "Tap a number to leave it out, ✏️ to correct one, 💾 to save."]
    return "\n".join(lines)


def show_html(p: Prediction, speaker: str | None, source_title: str | None, source_url: str | None,
              history: Sequence[tuple[str, str | None, datetime, bool]]) -> str:
    lines = [f"<b>#{p.number}</b> · {STATUS_LABELS.get(p.status, p.status)}",
             f"👤 {esc(speaker) if speaker else '<i>unattributed</i>'}",
             f"💬 {esc(shorten(p.statement, 1000))}"]
    if p.sentence and p.sentence.strip() != p.statement.strip():
        lines.append(f"<blockquote>{esc(shorten(p.sentence, 1500))}</blockquote>")
    lines.append(f"🗓 said on {fmt_date(p.made_at)}")
    lines.append(f"📅 {deadline_part(p)}")
    if p.original_deadline and p.original_deadline != p.deadline:
        lines.append(f"   first deadline {fmt_date(p.original_deadline)}; moved {p.deadline_moves}×")
    lines.append(f"🎯 confidence {percent(p.confidence)}{' · conditional' if p.conditional else ''}")
    if source_title or source_url:
        label = esc(shorten(source_title or source_url or "", 120))
        if source_url:
            lines.append(f'📰 <a href="{html.escape(source_url, quote=True)}">{label}</a>')
        else:
            lines.append(f"📰 {label}")
    if history:
        lines.append("")
        lines.append("<b>History</b>")
        for outcome, who, when, undone in history:
            text = f"{STATUS_LABELS.get(outcome, outcome)} — {esc(who or 'someone')}, {when:%d %b %Y %H:%M} UTC"
            lines.append(f"<s>{text}</s> (undone)" if undone else text)
    return "\n".join(lines)


def _pct_interval(r: SpeakerRecord) -> str:
    if r.accuracy is None:
        return "no scored predictions"
    lo, hi = r.interval
    return f"{percent(r.accuracy)} ({percent(lo)}–{percent(hi)})"


def stats_html(records: list[SpeakerRecord], total: SpeakerRecord, page: int, pages: int, scope: str) -> str:
    lines = [f"📊 <b>Scoreboard</b> — {esc(scope)}"]
    brier = f" · Brier {total.brier:.2f}" if total.brier is not None else ""
    lines.append(f"All speakers: {total.made} made, {total.scored} scored, accuracy {_pct_interval(total)}{brier}")
    if total.unclear or total.annulled:
        lines.append(f"Not scored: {total.unclear} unclear, {total.annulled} annulled")
    ranked = [r for r in records if r.ranked]
    unranked = [r for r in records if not r.ranked]
    lines.append("")
    start = (page - 1) * 10
    for i, r in enumerate(ranked[start:start + 10], start + 1):
        b = f" · Brier {r.brier:.2f}" if r.brier is not None else ""
        lines.append(f"{i}. <b>{esc(shorten(r.speaker, 60))}</b> — {_pct_interval(r)} · n={r.scored}{b}")
    if not ranked:
        lines.append(f"Nobody has {MIN_RESOLVED_TO_RANK} scored predictions yet, so nobody is ranked.")
    if page == pages and unranked:
        names = ", ".join(f"{esc(shorten(r.speaker, 40))} ({r.scored}/{r.made})" for r in unranked[:30])
        more = f" and {len(unranked) - 30} more" if len(unranked) > 30 else ""
        lines += ["", f"<i>Too few to rank (under {MIN_RESOLVED_TO_RANK} scored; scored/made):</i> {names}{more}"]
    lines += ["", "Accuracy counts ◐ partly as half; 🤷 unclear and ⊘ annulled are not scored. "
                  "/stats Name for one speaker, /chart for pictures."]
    return "\n".join(lines)


def speaker_record_html(r: SpeakerRecord, recent: list[Prediction], open_items: list[Prediction]) -> str:
    lines = [f"👤 <b>{esc(r.speaker)}</b>",
             f"{r.made} made · {r.open} open · {r.fulfilled} ✅ · {r.not_fulfilled} ❌ · {r.partly} ◐ · "
             f"{r.unclear} 🤷 · {r.annulled} ⊘",
             f"Accuracy: {_pct_interval(r)}" + ("" if r.ranked else f" — too few to rank (under "
                                                                   f"{MIN_RESOLVED_TO_RANK} scored)")]
    if r.brier is not None:
        text = f"Brier score: {r.brier:.3f} (0 is perfect, 0.25 is always saying 50%)"
        dec = r.decomposition
        if dec:
            text += f"; calibration error {dec[0]:.3f}, resolution {dec[1]:.3f}"
        lines.append(text)
    if r.moved:
        late = f", on average {r.lateness:.0f} days later" if r.lateness is not None else ""
        lines.append(f"Deadlines moved: {r.moved}{late}")
    if recent:
        lines += ["", "<b>Recently resolved</b>"]
        lines += [prediction_line(p, None) for p in recent]
    if open_items:
        lines += ["", "<b>Open</b>"]
        lines += [prediction_line(p, None) for p in open_items]
    return "\n".join(lines)
