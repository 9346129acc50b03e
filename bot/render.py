"""HTML for Telegram: every user- or article-supplied string is escaped here, and nothing is sent
that Telegram would refuse (empty, over 4096 characters, unbalanced tags). One date format for the
whole bot: `fmt_date`."""

from __future__ import annotations

import html
import re
from datetime import date

from bot.texts import _, date_basis, fmt_date, fmt_number, ngettext, status_label
from tracker import schedule
from tracker.extraction.claims import Claim
from tracker.reviews import ReviewView
from tracker.scoring import MIN_RESOLVED_TO_RANK, SpeakerRecord
from tracker.views import Card, PredictionView

LIMIT = 4096
STATEMENT_CHARS = 400


def esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _shorten_units(text: str, limit: int) -> str:
    """Shorten to `limit` UTF-16 units, the measure Telegram counts (an emoji is two)."""
    text = " ".join(text.split())
    if len(text.encode("utf-16-le")) // 2 <= limit:
        return text
    units, kept = 0, []
    for ch in text:
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit - 1:  # room for the ellipsis
            break
        kept.append(ch)
    return "".join(kept).rstrip() + "…"


def percent(p: float) -> str:
    return f"{round(p * 100)}%"


def _when(deadline: date, phrase: str, vague: bool, none_given: str) -> str:
    text = _("by {day}").format(day=fmt_date(deadline))
    if phrase:
        text += " (" + esc(shorten(phrase, 60)) + (_(", vague") if vague else "") + ")"
    elif vague:
        text += f" ({none_given})"
    return text


def deadline_part(v: PredictionView) -> str:
    return _when(v.deadline, v.deadline_text, v.vague, _("no deadline given"))


def who(speaker: str | None, limit: int = 80) -> str:
    return f"<b>{esc(shorten(speaker, limit))}</b>" if speaker else "<i>" + _("unattributed") + "</i>"


def _with(names: tuple[str, ...] | list[str]) -> str:
    return " " + _("(with {names})").format(names=esc(shorten(", ".join(names), 60))) if names else ""


def prediction_line(v: PredictionView, with_speaker: bool = True) -> str:
    speaker = f"{who(v.speaker)}{_with(v.co_speakers)}: " if with_speaker else ""
    line = f"<b>#{v.number}</b> {speaker}{esc(shorten(v.statement, STATEMENT_CHARS))} — {deadline_part(v)}"
    line += f" · {percent(v.confidence)}"
    if v.conditional:
        line += " · " + _("conditional")
    if v.status != "open":
        line += f" · {status_label(v.status)}"
    return line


def _plain_len(chunk: str) -> int:
    """What Telegram counts against its limit: the text without tags, entities decoded, in UTF-16 units.
    Exact for the balanced lines this module builds."""
    return len(html.unescape(_strip_tags(chunk)).encode("utf-16-le")) // 2


def split_message(text: str, limit: int = LIMIT) -> list[str]:
    """Split on line boundaries so each part fits; lines are built balanced, so parts are valid HTML."""
    text = text.strip() or "…"
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        if _plain_len(line) > limit:
            line = html.escape(_shorten_units(html.unescape(_strip_tags(line)), limit - 10), quote=False)
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


def _claim_lines(r: ReviewView, i: int, claim: Claim, on: bool) -> list[str]:
    speaker = who(claim.speaker, 60) + _with(claim.co_speakers)  # limits keep 8 claims in one message
    when = _when(claim.deadline_date() or r.published, claim.deadline_text, claim.vague, _("no deadline given"))
    extras = " · " + _("conditional") if claim.conditional else ""
    if (claim.deadline_date() or r.published) < schedule.now().date():
        extras += " · ⏳ " + _("already past")  # kept: it will be asked about at once
    mark = "✅" if on else "⬜"
    return [f"{mark} <b>{i + r.first_number}.</b> {speaker}: {esc(shorten(claim.statement, 200))}",
            f"      📅 {when} · {percent(claim.confidence)}{extras}"]


def article_link(title: str | None, url: str | None, limit: int = 90) -> str:
    label = esc(shorten(title or url or _("untitled"), limit))
    return f'<a href="{html.escape(url, quote=True)}">{label}</a>' if url else label


def digest_head(r: ReviewView) -> str:
    n = r.article_count
    articles = ngettext("{n} new article", "{n} new articles", n).format(n=n)
    total = len(r.claims) if r.parts == 1 else None
    head = "📰 <b>" + _("{articles} from {feed}").format(articles=articles, feed=esc(shorten(r.feed or "", 60)))
    if total is not None:
        head += " · " + ngettext("{n} statement", "{n} statements", total).format(n=total)
    head += "</b>"
    if r.parts > 1:
        head += " " + _("(part {part} of {parts})").format(part=r.part, parts=r.parts)
    return head


def digest_html(r: ReviewView, footer: bool = True) -> str:
    """A feed digest: its claims grouped under their articles (title link, date)."""
    lines = [digest_head(r)]
    current = -1
    for i, (claim, on) in enumerate(zip(r.claims, r.selected, strict=True)):
        index = r.claim_articles[i] if i < len(r.claim_articles) else 0
        if index != current and index < len(r.articles):
            current = index
            article = r.articles[index]
            lines += ["", f"🔗 {article_link(article.title, article.url)} · {fmt_date(article.published)}"]
        lines += _claim_lines(r, i, claim, on)
    if r.without_claims:
        lines += ["", ngettext("{n} more without forward-looking statements.",
                               "{n} more without forward-looking statements.", r.without_claims).format(
            n=r.without_claims)]
    if footer:
        lines += ["", _("Tap a number to leave it out, ✏️ to correct one, 💾 to save.")]
    return "\n".join(lines)


def review_html(r: ReviewView) -> str:
    if r.feed is not None:
        return digest_html(r)
    n = len(r.claims)
    head = "📰 <b>" + ngettext("{n} forward-looking statement", "{n} forward-looking statements", n).format(
        n=n) + "</b>"
    if r.parts > 1:
        head += " " + _("(part {part} of {parts})").format(part=r.part, parts=r.parts)
    lines = [head, _("Deadlines count from <b>{day}</b> ({basis}).").format(day=fmt_date(r.published),
                                                                          basis=esc(date_basis(r.basis))), ""]
    for i, (claim, on) in enumerate(zip(r.claims, r.selected, strict=True)):
        lines += _claim_lines(r, i, claim, on)
    lines += ["", _("Tap a number to leave it out, ✏️ to correct one, 💾 to save.")]
    return "\n".join(lines)


def show_html(card: Card) -> str:
    v = card.prediction
    lines = [f"<b>#{v.number}</b> · {status_label(v.status)}",
             "👤 " + (esc(v.speaker) if v.speaker else "<i>" + _("unattributed") + "</i>") + _with(v.co_speakers),
             f"💬 {esc(shorten(v.statement, 1000))}"]
    if v.sentence and v.sentence.strip() != v.statement.strip():
        lines.append(f"<blockquote>{esc(shorten(v.sentence, 1500))}</blockquote>")
    lines.append("🗓 " + _("said on {day}").format(day=fmt_date(v.made_at)))
    lines.append(f"📅 {deadline_part(v)}")
    if v.original_deadline and v.original_deadline != v.deadline:
        lines.append("   " + _("first deadline {day}; moved {n}×").format(day=fmt_date(v.original_deadline),
                                                                         n=v.deadline_moves))
    lines.append("🎯 " + _("confidence {p}").format(p=percent(v.confidence))
                 + (" · " + _("conditional") if v.conditional else ""))
    if v.source_title or v.source_url:
        lines.append("📰 " + article_link(v.source_title, v.source_url, 120))
    if v.reminder_error:
        lines.append("⚠️ " + _("Reminders stopped for this one: its deadline cannot be scheduled. Set a new one "
                               "with /edit {n} deadline …").format(n=v.number))
    if card.history:
        lines += ["", "<b>" + _("History") + "</b>"]
        for entry in card.history:
            by = entry.by or _("someone")
            text = (f"{status_label(entry.outcome)} — {esc(by)}, "
                    f"{fmt_date(entry.at.date())} {entry.at:%H:%M} UTC")
            lines.append(f"<s>{text}</s> " + _("(undone)") if entry.undone else text)
            if entry.evidence_quote and not entry.undone:
                source = f" — {article_link(entry.evidence_title, entry.evidence_url, 70)}" if (
                    entry.evidence_url or entry.evidence_title) else ""
                lines.append(f"   🔎 «{esc(shorten(entry.evidence_quote, 300))}»{source}")
    return "\n".join(lines)


def _pct_interval(r: SpeakerRecord) -> str:
    if r.accuracy is None:
        return _("not yet known (nothing scored)")
    lo, hi = r.interval
    return f"{percent(r.accuracy)} ({percent(lo)}–{percent(hi)})"


def _brier(value: float | None, digits: int = 2) -> str:
    return f" · Brier {fmt_number(value, digits)}" if value is not None else ""


def stats_html(records: list[SpeakerRecord], total: SpeakerRecord, page: int, pages: int, scope: str) -> str:
    lines = ["📊 <b>" + _("Scoreboard") + f"</b> — {esc(scope)}"]
    lines.append(_("All speakers: {made} made, {scored} scored, accuracy {acc}").format(
        made=total.made, scored=total.scored, acc=_pct_interval(total)) + _brier(total.brier))
    if total.unclear or total.annulled:
        lines.append(_("Not scored: {unclear} unclear, {annulled} annulled").format(unclear=total.unclear,
                                                                                     annulled=total.annulled))
    ranked = [r for r in records if r.ranked]
    unranked = [r for r in records if not r.ranked]
    lines.append("")
    start = (page - 1) * 10
    for i, r in enumerate(ranked[start:start + 10], start + 1):
        lines.append(f"{i}. <b>{esc(shorten(r.speaker, 60))}</b> — {_pct_interval(r)} · n={r.scored}{_brier(r.brier)}")
    if not ranked:
        lines.append(ngettext("Nobody has {n} scored prediction yet, so nobody is ranked.",
                              "Nobody has {n} scored predictions yet, so nobody is ranked.",
                              MIN_RESOLVED_TO_RANK).format(n=MIN_RESOLVED_TO_RANK))
    if page == pages and unranked:
        names = ", ".join(f"{esc(shorten(r.speaker, 40))} ({r.scored}/{r.made})" for r in unranked[:30])
        more = _(" and {n} more").format(n=len(unranked) - 30) if len(unranked) > 30 else ""
        lines += ["", "<i>" + _("Too few to rank (under {n} scored; scored/made):").format(n=MIN_RESOLVED_TO_RANK)
                  + f"</i> {names}{more}"]
    lines += ["", _("Accuracy counts ◐ partly as half; 🤷 unclear and ⊘ annulled are not scored. "
                    "/stats Name for one speaker, /chart for pictures.")]
    return "\n".join(lines)


def speaker_record_html(r: SpeakerRecord, recent: list[PredictionView], open_items: list[PredictionView]) -> str:
    rank = "" if r.ranked else _(" — too few to rank (under {n} scored)").format(n=MIN_RESOLVED_TO_RANK)
    lines = [f"👤 <b>{esc(r.speaker)}</b>",
             _("{made} made · {open} open").format(made=r.made, open=r.open)
             + f" · {r.fulfilled} ✅ · {r.not_fulfilled} ❌ · {r.partly} ◐ · {r.unclear} 🤷 · {r.annulled} ⊘",
             _("Accuracy: {acc}").format(acc=_pct_interval(r)) + rank]
    if r.brier is not None:
        text = _("Brier score: {b} (0 is perfect, 0.25 is always saying 50%)").format(b=fmt_number(r.brier, 3))
        dec = r.decomposition
        if dec:
            text += _("; calibration error {c}, resolution {r}").format(c=fmt_number(dec[0], 3),
                                                                          r=fmt_number(dec[1], 3))
        lines.append(text)
    if r.moved:
        late = ngettext(", on average {d} day later", ", on average {d} days later", round(r.lateness)).format(
            d=fmt_number(r.lateness)) if r.lateness is not None else ""
        lines.append(_("Deadlines moved: {n}").format(n=r.moved) + late)
    if recent:
        lines += ["", "<b>" + _("Recently resolved") + "</b>", *(prediction_line(p, False) for p in recent)]
    if open_items:
        lines += ["", "<b>" + _("Open") + "</b>", *(prediction_line(p, False) for p in open_items)]
    return "\n".join(lines)
