"""After prompts are answered: /stats counts, /chart draws a PNG, /export carries the outcomes."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from tests.conftest import BotThread
from tests.fakeapi.server import FakeTelegram
from tracker.store import NewPrediction, add_prediction

CHAT = 8080


def test_answers_become_scores(tg: FakeTelegram, bot: BotThread, db) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    with db.session() as session:
        for i in range(6):
            add_prediction(session, NewPrediction(chat_id=CHAT, speaker="Donald Trump", statement=f"deal {i} is signed",
                                                  deadline=today - timedelta(days=20 - i),
                                                  made_at=today - timedelta(days=60), confidence=0.85,
                                                  speaker_aliases=("Trump", "the US president")))
        add_prediction(session, NewPrediction(chat_id=CHAT, speaker="Vladimir Putin", statement="talks resume",
                                              deadline=today - timedelta(days=1), made_at=today - timedelta(days=9),
                                              confidence=0.4))
    answers = ["Not fulfilled", "Not fulfilled", "Fulfilled", "Not fulfilled", "Unclear", "Fulfilled", "Fulfilled"]
    mark = len(tg.messages)
    tg.send(CHAT, "/due")
    for answer in answers:
        prompt = tg.wait_for(lambda m: m.chat_id == CHAT and "Did it happen?" in m.text and m.edits == 0, after=mark)
        mark = len(tg.messages)
        before = prompt.edits
        tg.click(prompt, answer if answer != "Fulfilled" else "✅ Fulfilled")
        tg.wait_edit(prompt, before)
    board = tg.reply(CHAT, "/stats", "Scoreboard")
    assert "All speakers: 7 made, 6 scored" in board.text
    assert "Donald Trump (2/6)" in board.text or "Donald Trump" in board.text
    record = tg.reply(CHAT, "/stats the US president", "Donald Trump")
    assert "6 made · 0 open · 2 ✅ · 3 ❌ · 0 ◐ · 1 🤷" in record.text
    assert "Accuracy: 40%" in record.text and "too few to rank" not in record.text
    assert "Brier score: 0.4" in record.text  # (2·0.0225 + 3·0.7225) / 5 = 0.442
    assert "Recently resolved" in record.text
    assert "Vladimir Putin" in tg.reply(CHAT, "/speaker putin", "Putin").text
    assert "No predictions made in 1999" in tg.reply(CHAT, "/stats 1999").text

    mark = len(tg.messages)
    tg.send(CHAT, "/chart")
    photo = tg.wait_for(lambda m: m.kind == "photo", after=mark, timeout=30)
    assert photo.document is not None and photo.document.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(photo.document) > 10_000 and "6 scored predictions" in photo.caption
    mark = len(tg.messages)
    tg.send(CHAT, "/chart Trump")
    assert tg.wait_for(lambda m: m.kind == "photo", after=mark, timeout=30).caption.startswith("5 scored")

    mark = len(tg.messages)
    tg.send(CHAT, "/export")
    doc = tg.wait_for(lambda m: m.kind == "document", after=mark)
    rows = list(csv.DictReader(io.StringIO(doc.document.decode())))  # type: ignore[union-attr]
    statuses = sorted(r["status"] for r in rows)
    assert statuses == sorted(["not_fulfilled"] * 3 + ["fulfilled"] * 3 + ["unclear"])
    assert all(r["resolved_at"] for r in rows)
    assert tg.errors == []


def test_empty_scores_answer_clearly(tg: FakeTelegram, bot: BotThread) -> None:
    assert "No predictions in this chat yet" in tg.reply(CHAT, "/stats").text
    assert "nothing to draw" in tg.reply(CHAT, "/chart").text
    assert "No predictions by Nobody" in tg.reply(CHAT, "/stats Nobody").text
