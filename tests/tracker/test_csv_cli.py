"""`calledit import` and `calledit export` through the real CLI, on a real SQLite file."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

GOOD = '''id,chat_id,speaker,statement,sentence,source,made_at,deadline,deadline_text,vague,confidence,conditional,status,resolved_at,note
1,10,Donald Trump,"A summit in Budapest, within two weeks",The sentence.,https://example.org/a,2025-10-17,2025-10-31,within two weeks,false,0.8,false,not_fulfilled,2025-11-01T09:00:00+00:00,never happened
2,10,Vladimir Putin,Tomahawks would not alter the battlefield,,,2025-10-17,2026-04-15,,true,0.7,true,open,,
5,-20,Christine Lagarde,"Rates cut ""soon""",,Reuters,2025-09-01,2025-12-31,by the end of the year,false,0.45,false,fulfilled,2025-12-20T12:00:00+00:00,
'''


def cli(args: list[str], db: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": db}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.run([sys.executable, "-m", "calledit", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, input=stdin, timeout=120)


def test_import_export_round_trip(tmp_path: Path, databases) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "in.csv"
    src.write_text(GOOD)
    db1 = databases.new("one")
    out = cli(["import", str(src)], db1, tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Imported 3" in out.stdout
    first = cli(["export"], db1, tmp_path).stdout
    def rows(text: str) -> list[dict[str, str]]:
        return sorted(csv.DictReader(io.StringIO(text)), key=lambda r: (int(r["chat_id"]), int(r["id"])))

    assert rows(first) == rows(GOOD)

    # and once more through a second database: export → import → export is the identity
    dumped = tmp_path / "dump.csv"
    assert cli(["export", str(dumped)], db1, tmp_path).returncode == 0
    db2 = databases.new("two")
    assert cli(["import", str(dumped)], db2, tmp_path).returncode == 0
    assert cli(["export"], db2, tmp_path).stdout == first

    only = cli(["export", "--chat", "-20"], db1, tmp_path).stdout
    assert [r["speaker"] for r in csv.DictReader(io.StringIO(only))] == ["Christine Lagarde"]


def test_import_needs_only_four_columns_and_reads_phrases(tmp_path: Path, databases) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "min.csv"
    src.write_text("chat_id,speaker,statement,deadline\n7,Elon Musk,Robotaxis in ten cities,2026-12-31\n"
                   "7,Elon Musk,Starship reaches orbit,in 3 months\n")
    db = databases.new("min")
    out = cli(["import", str(src)], db, tmp_path)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(cli(["export"], db, tmp_path).stdout)))
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[1]["deadline_text"] == "in 3 months"


def test_bad_rows_are_reported_and_nothing_is_imported(tmp_path: Path, databases) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "bad.csv"
    src.write_text("chat_id,speaker,statement,deadline,confidence\n"
                   "1,A,fine row,2026-01-01,0.5\n"
                   "x,B,bad chat,2026-01-01,0.5\n"
                   "1,C,,2026-01-01,0.5\n"
                   "1,D,bad deadline,someday maybe,0.5\n"
                   "1,E,bad confidence,2026-01-01,1.7\n")
    db = databases.new("bad")
    out = cli(["import", str(src)], db, tmp_path)
    assert out.returncode == 1
    for line in (3, 4, 5):
        assert f"line {line}:" in out.stderr
    assert "line 6:" in out.stderr and "Nothing was imported" in out.stderr
    assert "Traceback" not in out.stderr
    export = cli(["export"], db, tmp_path).stdout
    assert export.strip().count("\n") == 0  # header only


def test_missing_columns_and_missing_file(tmp_path: Path, databases) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "cols.csv"
    src.write_text("speaker,statement\nA,b\n")
    db = databases.new("c")
    out = cli(["import", str(src)], db, tmp_path)
    assert out.returncode == 1 and "missing column(s) chat_id, deadline" in out.stderr
    out = cli(["import", str(tmp_path / "nope.csv")], db, tmp_path)
    assert out.returncode == 2 and "cannot read" in out.stderr and "Traceback" not in out.stderr


def test_every_command_has_help(tmp_path: Path, databases) -> None:  # type: ignore[no-untyped-def]
    for command in ["run", "migrate", "seed", "import", "export", "stats", "extract"]:
        out = cli([command, "--help"], databases.new("h"), tmp_path)
        assert out.returncode == 0 and "Usage" in out.stdout, command


def test_seed_then_stats(tmp_path: Path, databases) -> None:  # type: ignore[no-untyped-def]
    db = databases.new("s")
    out = cli(["seed", "--chat", "42"], db, tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Seeded" in out.stdout
    stats = cli(["stats", "--chat", "42"], db, tmp_path).stdout
    assert "Donald Trump" in stats and "Vladimir Putin" in stats
    again = cli(["seed", "--chat", "42"], db, tmp_path).stdout
    assert "Seeded 0 prediction(s)" in again


def test_5_formula_cells_are_neutralised_and_read_back_and_reimport_is_idempotent(tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                                   databases) -> None:
    src = tmp_path / "in.csv"
    src.write_text('chat_id,speaker,statement,deadline,note\n'
                   '1,=HYPERLINK("http://evil"),"+cmd|\' /C calc\'!A0",2026-01-01,@SUM(1)\n'
                   "1,'quoted,-minus first,2026-02-01,plain\n")
    db = databases.new("formula")
    assert cli(["import", str(src)], db, tmp_path).returncode == 0
    exported = cli(["export"], db, tmp_path).stdout
    cells = [cell for row in csv.reader(io.StringIO(exported)) for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@")) or (c.startswith("-") and not c[1:].isdigit())]
    dump = tmp_path / "dump.csv"
    dump.write_text(exported)
    again = cli(["import", str(dump)], db, tmp_path)
    assert again.returncode == 0 and "Imported 0" in again.stdout and "2 already there" in again.stdout
    fresh = databases.new("fresh")
    assert cli(["import", str(dump)], fresh, tmp_path).returncode == 0
    rows = sorted(csv.DictReader(io.StringIO(cli(["export"], fresh, tmp_path).stdout)), key=lambda r: r["id"])
    original = sorted(csv.DictReader(io.StringIO(exported)), key=lambda r: r["id"])
    assert rows == original  # lossless: the apostrophes come off on import and go back on on export
    statements = {r["statement"] for r in rows}
    assert "'+cmd|' /C calc'!A0" in statements and "'-minus first" in statements


def test_20_help_shows_flags_as_flags(tmp_path: Path, databases) -> None:  # type: ignore[no-untyped-def]
    out = cli(["extract", "--help"], databases.new("help"), tmp_path)
    assert out.returncode == 0 and "--json" in out.stdout and "<bool>" not in out.stdout


def test_20_start_up_is_quiet_and_the_lock_file_is_ignored() -> None:
    import logging

    from calledit.logs import setup_logging

    setup_logging("INFO", [], "text")
    assert logging.getLogger("alembic").getEffectiveLevel() >= logging.WARNING  # no "setup plugin" lines
    ignored = (Path(__file__).resolve().parents[2] / ".gitignore").read_text()
    assert "*.db.lock" in ignored
