"""One CSV format both ways, so an export can be imported again unchanged."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import IO

from sqlmodel import Session

from tracker import schedule
from tracker.confidence import parse_confidence
from tracker.db import Database
from tracker.extraction.typed import parse_typed_deadline
from tracker.models import Status, utcnow
from tracker.predictions import Draft, save
from tracker.schedule import LATEST, in_range
from tracker.store import all_predictions, get_or_create_source, get_prediction, resolve
from tracker.views import views

COLUMNS = ["id", "chat_id", "speaker", "statement", "sentence", "source", "made_at", "deadline", "deadline_text",
           "vague", "confidence", "conditional", "status", "resolved_at", "note"]
REQUIRED = ["chat_id", "speaker", "statement", "deadline"]
MAX_FIELD = 10_000
MAX_CHAT_ID = 2**53  # Telegram's ids fit in 52 bits and a sign
TEXT_COLUMNS = ("speaker", "statement", "sentence", "source", "deadline_text", "note")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """OWASP's defence against formula injection: a text cell a spreadsheet would run as a formula gets a
    leading apostrophe (and so does one that already starts with an apostrophe, so reading back is exact)."""
    return "'" + cell if cell.startswith((*FORMULA_START, "'")) else cell


def restore(cell: str) -> str:
    """The inverse of `neutralise`, applied on import."""
    return cell[1:] if cell.startswith("'") and len(cell) > 1 and cell[1] in "=+-@\t\r'" else cell


def decode_csv(raw: bytes) -> str:
    """UTF-8 (with or without a BOM) or UTF-16 with its BOM; anything else is refused in one line."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ValueError("the file starts like UTF-16 but is not valid UTF-16") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"the file is not UTF-8 (byte {exc.start}); save it as UTF-8 CSV and try again") from None


def export_csv(session: Session, out: IO[str], chat_id: int | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    rows = all_predictions(session, chat_id)
    for p, v in zip(rows, views(session, rows), strict=True):
        writer.writerow(_neutralised({
            "id": p.number, "chat_id": p.chat_id, "speaker": v.speaker or "", "statement": p.statement,
            "sentence": p.sentence or "", "source": v.source or "", "made_at": p.made_at.isoformat(),
            "deadline": p.deadline.isoformat(), "deadline_text": p.deadline_text or "",
            "vague": "true" if p.vague else "false", "confidence": f"{p.confidence:.3g}",
            "conditional": "true" if p.conditional else "false", "status": p.status,
            "resolved_at": p.resolved_at.isoformat(timespec="seconds") if p.resolved_at else "",
            "note": p.note or "",
        }))
    return len(rows)


def _neutralised(row: dict[str, object]) -> dict[str, object]:
    return {k: neutralise(str(v)) if k in TEXT_COLUMNS else v for k, v in row.items()}


def export_csv_text(session: Session, chat_id: int | None = None) -> str:
    buf = io.StringIO()
    export_csv(session, buf, chat_id)
    return buf.getvalue()


@dataclass
class ImportReport:
    imported: int = 0
    skipped: int = 0  # ids the chat already had
    errors: list[str] = field(default_factory=list)


def _bool(value: str, line: int, name: str, errors: list[str]) -> bool:
    v = (value or "").strip().lower()
    if v in {"", "false", "0", "no", "n"}:
        return False
    if v in {"true", "1", "yes", "y"}:
        return True
    errors.append(f"line {line}: {name} must be true or false, not {value!r}")
    return False


@dataclass
class _Row:
    """One CSV line, validated: every problem is collected with its line number, none raised."""

    line: int
    values: dict[str, str]
    today: date
    errors: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.errors.append(f"line {self.line}: {message}")

    def integer(self, name: str, default: int | None) -> int | None:
        raw = self.values.get(name, "")
        if not raw and default is None:
            return None
        try:
            return int(raw)
        except ValueError:
            self.fail(f"{name} must be a whole number, not {raw!r}")
            return default

    def day(self, name: str) -> date:
        raw = self.values.get(name, "")
        if not raw:
            return self.today
        try:
            return self.in_range(name, date.fromisoformat(raw))
        except ValueError:
            self.fail(f"{name} must be YYYY-MM-DD, not {raw!r}")
            return self.today

    def in_range(self, name: str, day: date) -> date:
        if not in_range(day):
            self.fail(f"{name} must fall between 1900-01-01 and {LATEST.isoformat()}, not {day.isoformat()}")
        return day

    def deadline(self, made_at: date) -> tuple[date | None, str | None, bool]:
        raw = self.values.get("deadline", "")
        text = self.values.get("deadline_text") or None
        vague = _bool(self.values.get("vague", ""), self.line, "vague", self.errors)
        try:
            return self.in_range("deadline", date.fromisoformat(raw)), text, vague
        except ValueError:
            parsed = parse_typed_deadline(raw, made_at) if raw else None
        if parsed is None:
            self.fail(f"deadline must be YYYY-MM-DD or a phrase like 'in 2 weeks', not {raw!r}")
            return None, text, vague
        return parsed.date, text or parsed.text, vague or parsed.vague

    def confidence(self) -> float:
        raw = self.values.get("confidence", "")
        if not raw:
            return 0.5
        try:
            return parse_confidence(raw, plain="fraction")
        except ValueError:
            self.fail(f"confidence must be between 0 and 1 (or 0% to 100%), not {raw!r}")
            return 0.5

    def status(self) -> str:
        status = self.values.get("status") or Status.OPEN
        if status not in {s.value for s in Status}:
            self.fail(f"status must be one of {', '.join(s.value for s in Status)}, not {status!r}")
        return status

    def resolved_at(self) -> datetime | None:
        raw = self.values.get("resolved_at", "")
        if not raw:
            return None
        try:
            return datetime.fromisoformat(raw)
        except ValueError:
            self.fail(f"resolved_at must be an ISO date-time, not {raw!r}")
            return None


@dataclass
class _Parsed:
    chat_id: int
    draft: Draft
    values: dict[str, str]
    status: str
    resolved_at: datetime | None


def _parse_row(line: int, row: dict[str | None, str | None], today: date) -> tuple[_Parsed | None, list[str]]:
    r = _Row(line, {k: restore((v or "").strip()) if k in TEXT_COLUMNS else (v or "").strip()
                    for k, v in row.items() if k is not None}, today)
    if any(len(v) > MAX_FIELD for v in r.values.values()):
        r.fail(f"a field is longer than {MAX_FIELD} characters")
    if any("\x00" in v for v in r.values.values()):
        r.fail("a field holds a NUL character")
    chat_id = r.integer("chat_id", 0) or 0
    if abs(chat_id) > MAX_CHAT_ID:
        r.fail(f"chat_id {chat_id} is not a Telegram chat id")
    statement = r.values.get("statement", "")
    if not statement:
        r.fail("statement is empty")
    made_at = r.day("made_at")
    deadline, deadline_text, vague = r.deadline(made_at)
    confidence, status, resolved_at = r.confidence(), r.status(), r.resolved_at()
    number = r.integer("id", None)
    conditional = _bool(r.values.get("conditional", ""), line, "conditional", r.errors)
    if r.errors or deadline is None:
        return None, r.errors
    draft = Draft(speaker=r.values.get("speaker") or None, statement=statement, deadline=deadline, made_at=made_at,
                  sentence=r.values.get("sentence") or None, deadline_text=deadline_text, vague=vague,
                  confidence=confidence, conditional=conditional, number=number)
    return _Parsed(chat_id, draft, r.values, status, resolved_at), []


def _header_errors(fieldnames: Sequence[str] | None) -> list[str]:
    if fieldnames is None:
        return ["line 1: the file is empty (expected a header row)"]
    missing = [c for c in REQUIRED if c not in fieldnames]
    if missing:
        return [f"line 1: missing column(s) {', '.join(missing)}; required are {', '.join(REQUIRED)}"]
    return []


def _source_id(session: Session, origin: str, published: date) -> int | None:
    if not origin:
        return None
    is_url = origin.startswith(("http://", "https://"))
    return get_or_create_source(session, origin, title=None if is_url else origin, url=origin if is_url else None,
                                published=published).id


def _store(session: Session, item: _Parsed, seen: set[tuple[int, int]]) -> bool:
    """Store one row; False when the chat already holds a prediction with that id (importing an export
    twice changes nothing)."""
    draft = item.draft
    if draft.number is not None and get_prediction(session, item.chat_id, draft.number):
        if (item.chat_id, draft.number) not in seen:
            return False
        draft = replace(draft, number=None)  # the same id twice in one file: the chat's next number
    draft = replace(draft, source_id=_source_id(session, item.values.get("source", ""), draft.made_at))
    prediction = save(session, item.chat_id, [draft], None, skip_tracked=False, undoable=False).predictions[0]
    seen.add((prediction.chat_id, prediction.number))
    if item.values.get("note"):
        prediction.note = item.values["note"]
    if item.status != Status.OPEN:
        at = schedule.aware(item.resolved_at or utcnow())
        resolve(session, prediction, Status(item.status), by_name="import", note=item.values.get("note") or None,
                at=at)
    return True


def import_csv(session: Session, src: IO[str], today: date | None = None) -> ImportReport:
    """Validate every row first; import all of them or none, reporting bad rows by line number."""
    report = ImportReport()
    reader = csv.DictReader(src)
    report.errors = _header_errors(reader.fieldnames)
    if report.errors:
        return report
    parsed: list[_Parsed] = []
    try:
        for row in reader:
            item, errors = _parse_row(reader.line_num, row, today or date.today())
            report.errors.extend(errors)
            if item is not None:
                parsed.append(item)
    except csv.Error as exc:  # e.g. a field over the csv module's limit, a NUL byte
        report.errors.append(f"line {reader.line_num + 1}: {exc}")
    if report.errors:
        return report
    seen: set[tuple[int, int]] = set()
    for item in parsed:
        if _store(session, item, seen):
            report.imported += 1
        else:
            report.skipped += 1
    return report


def export_chat(db: Database, chat_id: int) -> tuple[str, int]:
    """/export: the chat's predictions as CSV text, and how many rows it holds."""
    with db.session() as session:
        rows = len(all_predictions(session, chat_id))
        return export_csv_text(session, chat_id), rows
