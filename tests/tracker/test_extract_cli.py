"""`calledit extract`: table, --json and --batch, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def run(args: list[str], stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "calledit", "extract", *args], input=stdin, capture_output=True,
                          text=True, timeout=120, env={**os.environ, **env}, cwd=ROOT)


def test_json_on_the_seed_article() -> None:
    out = run(["--published", "2025-10-17", "--json", "seeds/000_budapest_summit.txt"])
    assert out.returncode == 0, out.stderr
    claims = json.loads(out.stdout)
    keys = {"speaker", "statement", "sentence", "deadline", "deadline_text", "vague", "confidence", "conditional"}
    assert all(keys <= set(c) for c in claims)
    summit = next(c for c in claims if "summit in Budapest" in c["statement"])
    assert (summit["speaker"], summit["deadline"], summit["vague"]) == ("Donald Trump", "2025-10-31", False)


def test_table_from_stdin() -> None:
    out = run(["--published", "2024-02-29", "-"], stdin="The mayor said the bridge will reopen within a year.")
    assert out.returncode == 0
    assert "Mayor: the bridge will reopen" in out.stdout and "2025-02-28" in out.stdout
    none = run(["--published", "2024-02-29", "-"], stdin="Prices rose yesterday.")
    assert "No forward-looking statements found." in none.stdout


def test_batch_json_lines() -> None:
    lines = "\n".join([
        json.dumps({"id": "a", "text": "Officials said the line will open by the end of next month.",
                    "published": "2025-01-31"}),
        "not json",
        json.dumps({"id": "b", "text": "", "published": "2025-01-31"}),
    ])
    out = run(["--batch"], stdin=lines)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert rows[0]["id"] == "a" and rows[0]["claims"][0]["deadline"] == "2025-02-28"
    assert rows[1]["line"] == 2 and "bad input line" in rows[1]["error"]
    assert rows[2] == {"id": "b", "language": "en", "claims": []}  # issue 17: every row says its language


def test_bad_date_and_unreachable_llm_are_one_line() -> None:
    out = run(["--published", "17/10/2025", "-"], stdin="x")
    assert out.returncode == 2 and "YYYY-MM-DD" in out.stderr and "Traceback" not in out.stderr
    out = run(["--published", "2025-10-17", "-"], stdin="It will rain.", EXTRACTOR="llm",
              LLM_BASE_URL="http://127.0.0.1:9/v1", LLM_MODEL="m")
    assert out.returncode == 2 and "LLM endpoint failed" in out.stderr and "Traceback" not in out.stderr


def test_russian_text_says_its_language() -> None:
    text = ("Россия и США могут провести саммит в Будапеште в ближайшие две недели, заявил журналистам "
            "пресс-секретарь Кремля Дмитрий Песков.")
    out = run(["--published", "2025-10-17", "--json", "-"], stdin=text)
    claims = json.loads(out.stdout)
    assert claims[0]["language"] == "ru" and claims[0]["speaker"] == "Дмитрий Песков"
    assert claims[0]["deadline"] == "2025-10-31"
    batch = run(["--batch"], stdin=json.dumps({"id": "u", "text": "Уряд підпише угоду у грудні.",
                                                "published": "2025-10-17"}, ensure_ascii=False) + "\n")
    row = json.loads(batch.stdout)
    assert row["language"] == "uk" and row["claims"][0]["deadline"] == "2025-12-31"
