"""Checks an evaluation file's format (not the extractor): `python -m tests.eval.check_format FILE...`.

Articles: unique ids, ISO dates, every `match` found exactly once in the text, speakers a non-empty
list of names or null, deadlines ISO dates not before publication. Sentences: [text, published,
deadline, vague] rows with ISO dates.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path


def check_articles(rows: list[dict]) -> list[str]:  # type: ignore[type-arg]
    errors: list[str] = []
    seen: set[str] = set()
    for a in rows:
        aid = a.get("id", "?")
        if aid in seen:
            errors.append(f"{aid}: duplicate id")
        seen.add(aid)
        for key in ("id", "genre", "published", "text", "claims"):
            if key not in a:
                errors.append(f"{aid}: missing {key}")
        try:
            pub = date.fromisoformat(a["published"])
        except (KeyError, ValueError):
            errors.append(f"{aid}: bad published")
            continue
        text = a.get("text", "").lower()
        for c in a.get("claims", []):
            m = c.get("match", "")
            n = text.count(m.lower())
            if not m or n != 1:
                errors.append(f"{aid}: match {m!r} occurs {n} times")
            sp = c.get("speaker")
            if not isinstance(sp, list) or not sp or not all(s is None or isinstance(s, str) for s in sp):
                errors.append(f"{aid}: speaker {sp!r} must be a non-empty list of names or null")
            try:
                d = date.fromisoformat(c["deadline"])
                if d < pub:
                    errors.append(f"{aid}: deadline {d} before publication {pub}")
            except (KeyError, ValueError):
                errors.append(f"{aid}: bad deadline in {m!r}")
            if not isinstance(c.get("vague"), bool):
                errors.append(f"{aid}: vague must be true/false in {m!r}")
        for s in a.get("absent", []):
            if s.lower() not in text:
                errors.append(f"{aid}: absent string {s!r} is not in the text")
    return errors


def check_sentences(rows: list[list]) -> list[str]:  # type: ignore[type-arg]
    errors: list[str] = []
    for i, row in enumerate(rows):
        try:
            text, pub, dl, vague = row
            if date.fromisoformat(dl) < date.fromisoformat(pub):
                errors.append(f"row {i}: deadline before publication")
            if not isinstance(vague, bool) or not isinstance(text, str):
                errors.append(f"row {i}: types")
        except (ValueError, TypeError) as exc:
            errors.append(f"row {i}: {exc}")
    return errors


def main() -> None:
    bad = 0
    for name in sys.argv[1:]:
        rows = json.loads(Path(name).read_text())
        errors = check_sentences(rows) if rows and isinstance(rows[0], list) else check_articles(rows)
        kind = "rows"
        print(f"{name}: {len(rows)} {kind}, {len(errors)} problems")
        for e in errors:
            print("  -", e)
        bad += len(errors)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
