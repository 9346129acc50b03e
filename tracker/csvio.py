"""One CSV format both ways, so an export can be imported again unchanged."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import IO

from sqlmodel import Session

from tracker.confidence import parse_confidence
from tracker.extraction.deadlines import parse_deadline_phrase
from tracker.models import Status, utcnow
from tracker.store import (
    NewPrediction,
    add_prediction,
    all_predictions,
    describe,
    get_or_create_source,
    get_prediction,
    resolve,
)

COLUMNS = ["id", "chat_id", "speaker", "statement", "sentence", "source", "made_at", "deadline", "deadline_text",
           "vague", "confidence", "conditional", "status", "resolved_at", "note"]
REQUIRED = ["chat_id", "speaker", "statement", "deadline"]
MAX_FIELD = 10_000


def export_csv(session: Session, out: IO[str], chat_id: int | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    rows = describe(session, all_predictions(session, chat_id))
    for row in rows:
        p = row["prediction"]
        writer.writerow({
            "id": p.number, "chat_id": p.chat_id, "speaker": row["speaker"] or "", "statement": p.statement,
            "sentence": p.sentence or "", "source": row["source"] or "", "made_at": p.made_at.isoformat(),
            "deadline": p.deadline.isoformat(), "deadline_text": p.deadline_text or "",
            "vague": "true" if p.vague else "false", "confidence": f"{p.confidence:.3g}",
            "conditional": "true" if p.conditional else "false", "status": p.status,
            "resolved_at": p.resolved_at.isoformat(timespec="seconds") if p.resolved_at else "",
            "note": p.note or "",
        })
    return len(rows)


def export_csv_text(session: Session, chat_id: int | None = None) -> str:
    buf = io.StringIO()
    export_csv(session, buf, chat_id)
    return buf.getvalue()


@dataclass
class ImportReport:
    imported: int = 0
    errors: list[str] = field(default_factory=list)


def _bool(value: str, line: int, name: str, errors: list[str]) -> bool:
    v = (value or "").strip().lower()
    if v in {"", "false", "0", "no", "n"}:
        return False
    if v in {"true", "1", "yes", "y"}:
        return True
    errors.append(f"line {line}: {name} must be true or false, not {value!r}")
    return False


def import_csv(session: Session, src: IO[str], today: date | None = None) -> ImportReport:
    """Validate every row first; import all of them or none, reporting bad rows by line number."""
    today = today or date.today()
    report = ImportReport()
    reader = csv.DictReader(src)
    if reader.fieldnames is None:
        report.errors.append("line 1: the file is empty (expected a header row)")
        return report
    missing = [c for c in REQUIRED if c not in reader.fieldnames]
    if missing:
        report.errors.append(f"line 1: missing column(s) {', '.join(missing)}; required are {', '.join(REQUIRED)}")
        return report
    pending: list[tuple[NewPrediction, dict[str, str], str, datetime | None]] = []
    for row in reader:
        line = reader.line_num
        errs: list[str] = []
        values = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if any(len(v) > MAX_FIELD for v in values.values()):
            errs.append(f"line {line}: a field is longer than {MAX_FIELD} characters")
        try:
            chat_id = int(values.get("chat_id", ""))
        except ValueError:
            errs.append(f"line {line}: chat_id must be a whole number, not {values.get('chat_id')!r}")
            chat_id = 0
        speaker = values.get("speaker") or None
        statement = values.get("statement", "")
        if not statement:
            errs.append(f"line {line}: statement is empty")
        made_at = today
        if values.get("made_at"):
            try:
                made_at = date.fromisoformat(values["made_at"])
            except ValueError:
                errs.append(f"line {line}: made_at must be YYYY-MM-DD, not {values['made_at']!r}")
        deadline_raw = values.get("deadline", "")
        deadline: date | None = None
        deadline_text = values.get("deadline_text") or None
        vague = _bool(values.get("vague", ""), line, "vague", errs)
        try:
            deadline = date.fromisoformat(deadline_raw)
        except ValueError:
            parsed = parse_deadline_phrase(deadline_raw, made_at) if deadline_raw else None
            if parsed is None:
                errs.append(f"line {line}: deadline must be YYYY-MM-DD or a phrase like 'in 2 weeks', "
                            f"not {deadline_raw!r}")
            else:
                deadline, deadline_text, vague = parsed.date, deadline_text or parsed.text, vague or parsed.vague
        confidence = 0.5
        if values.get("confidence"):
            try:
                confidence = parse_confidence(values["confidence"], plain="fraction")
            except ValueError:
                errs.append(f"line {line}: confidence must be between 0 and 1 (or 0% to 100%), "
                            f"not {values['confidence']!r}")
        status = values.get("status") or Status.OPEN
        if status not in {s.value for s in Status}:
            errs.append(f"line {line}: status must be one of {', '.join(s.value for s in Status)}, not {status!r}")
        resolved_at: datetime | None = None
        if values.get("resolved_at"):
            try:
                resolved_at = datetime.fromisoformat(values["resolved_at"])
            except ValueError:
                errs.append(f"line {line}: resolved_at must be an ISO date-time, not {values['resolved_at']!r}")
        number = None
        if values.get("id"):
            try:
                number = int(values["id"])
            except ValueError:
                errs.append(f"line {line}: id must be a whole number, not {values['id']!r}")
        conditional = _bool(values.get("conditional", ""), line, "conditional", errs)
        if errs:
            report.errors.extend(errs)
            continue
        assert deadline is not None
        pending.append((NewPrediction(
            chat_id=chat_id, speaker=speaker, statement=statement, deadline=deadline, made_at=made_at,
            sentence=values.get("sentence") or None, deadline_text=deadline_text, vague=vague,
            confidence=confidence, conditional=conditional, number=number,
        ), values, status, resolved_at))
    if report.errors:
        return report
    seen: set[tuple[int, int]] = set()
    for new, values, status, resolved_at in pending:
        number = new.number
        if number is not None and ((new.chat_id, number) in seen or get_prediction(session, new.chat_id, number)):
            number = None  # taken: the row gets the chat's next number
        source_id = None
        if values.get("source"):
            origin = values["source"]
            is_url = origin.startswith(("http://", "https://"))
            source_id = get_or_create_source(session, origin, title=None if is_url else origin,
                                              url=origin if is_url else None, published=new.made_at).id
        prediction = add_prediction(session, NewPrediction(**{**new.__dict__, "number": number,
                                                               "source_id": source_id}))
        seen.add((prediction.chat_id, prediction.number))
        if values.get("note"):
            prediction.note = values["note"]
        if status != Status.OPEN:
            at = resolved_at or utcnow()
            if at.tzinfo is None:
                at = at.replace(tzinfo=UTC)
            resolve(session, prediction, Status(status), by_name="import", note=values.get("note") or None, at=at)
        report.imported += 1
    return report
