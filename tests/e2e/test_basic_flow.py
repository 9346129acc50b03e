"""The first working bot, driven through the loopback Bot API as a person would."""

from __future__ import annotations

import csv
import io

from tests.conftest import BotThread
from tests.fakeapi.server import FakeTelegram

CHAT = 555


def test_start_registers_commands_and_introduces_itself(tg: FakeTelegram, bot: BotThread) -> None:
    reply = tg.reply(CHAT, "/start")
    assert "keep score" in reply.text
    assert "/add" in reply.text and "/list" in reply.text
    assert {c["command"] for c in tg.commands} >= {"start", "help", "add", "list", "delete", "export"}


def test_help_explains_deadlines(tg: FakeTelegram, bot: BotThread) -> None:
    reply = tg.reply(CHAT, "/help")
    assert "within two weeks" in reply.text
    assert "/add Speaker: statement by <when>" in reply.text


def test_add_list_delete_export(tg: FakeTelegram, bot: BotThread) -> None:
    saved = tg.reply(CHAT, "/add Trump: a summit in Budapest will happen within two weeks 70%", "Saved")
    assert "#1" in saved.text and "Trump" in saved.text and "70%" in saved.text
    assert "within two weeks" in saved.text
    second = tg.reply(CHAT, "/add Putin: a peace deal could come soon", "Saved")
    assert "#2" in second.text and "vague" in second.text and "40%" in second.text

    listing = tg.reply(CHAT, "/list", "Open predictions")
    assert "#1" in listing.text and "#2" in listing.text
    # newest (latest) deadline first: "soon" (30 days) lies after "within two weeks"
    assert listing.text.index("#2") < listing.text.index("#1")

    confirm = tg.reply(CHAT, "/delete 1", "Delete this prediction")
    before = confirm.edits
    tg.click(confirm, "Delete #1")
    tg.wait_edit(confirm, before)
    assert "Deleted #1" in confirm.text

    listing = tg.reply(CHAT, "/list", "Open predictions")
    assert "#1" not in listing.text and "#2" in listing.text

    mark = len(tg.messages)
    tg.send(CHAT, "/export")
    doc = tg.wait_for(lambda m: m.kind == "document", after=mark)
    assert doc.filename == f"calledit-{CHAT}.csv"
    rows = list(csv.DictReader(io.StringIO(doc.document.decode())))  # type: ignore[union-attr]
    assert [(r["id"], r["speaker"], r["status"]) for r in rows] == [("2", "Putin", "open")]
    assert rows[0]["vague"] == "true"


def test_keep_button_keeps_prediction(tg: FakeTelegram, bot: BotThread) -> None:
    tg.reply(CHAT, "/add Musk: Tesla will launch robotaxis in Austin by June 2027", "Saved")
    confirm = tg.reply(CHAT, "/delete #1", "Delete this prediction")
    before = confirm.edits
    tg.click(confirm, "Keep")
    tg.wait_edit(confirm, before)
    assert "Kept #1" in confirm.text
    assert "#1" in tg.reply(CHAT, "/list", "Open predictions").text


def test_bad_input_gets_one_line_answers(tg: FakeTelegram, bot: BotThread) -> None:
    assert "Tell me who said what" in tg.reply(CHAT, "/add").text
    assert "Who said it?" in tg.reply(CHAT, "/add inflation will fall below 2% by March").text
    assert "Which one?" in tg.reply(CHAT, "/delete banana").text
    assert "no #99" in tg.reply(CHAT, "/delete 99").text
    assert "No open predictions" in tg.reply(CHAT, "/list").text
    assert "Nothing to export" in tg.reply(CHAT, "/export").text
    assert "don't know /frobnicate" in tg.reply(CHAT, "/frobnicate").text
    assert "between 0% and 100%" in tg.reply(CHAT, "/add X: y will happen [150%]").text
    assert tg.errors == []


def test_user_text_is_escaped(tg: FakeTelegram, bot: BotThread) -> None:
    saved = tg.reply(CHAT, "/add <b>Evil</b> & Co: <script>alert(1)</script> will ship by Friday", "Saved")
    assert "<script>alert(1)</script>" in saved.text  # shown literally to the user...
    assert "&lt;script&gt;" in saved.html  # ...because it was escaped on the wire
    assert tg.errors == []


def test_forged_button_from_another_chat_changes_nothing(tg: FakeTelegram, bot: BotThread) -> None:
    tg.reply(CHAT, "/add Trump: tariffs will end by December", "Saved")
    confirm = tg.reply(CHAT, "/delete 1", "Delete this prediction")
    data = confirm.button("Delete #1")["callback_data"]
    other = 777
    tg.reply(other, "/add Lagarde: rates will be cut in March", "Saved")
    query = tg.press(other, confirm.message_id, data)
    answer = tg.wait_answer(query)
    assert "does not belong" in answer["text"]
    assert "#1" in tg.reply(other, "/list", "Open predictions").text
    assert "#1" in tg.reply(CHAT, "/list", "Open predictions").text


def test_list_pages_with_buttons(tg: FakeTelegram, bot: BotThread, db) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from tracker.store import NewPrediction, add_prediction

    with db.session() as session:
        for i in range(25):
            add_prediction(session, NewPrediction(chat_id=CHAT, speaker=f"Speaker {i % 3}", statement=f"event {i}",
                                                  deadline=date(2030, 1, 1) + timedelta(days=i),
                                                  made_at=date(2025, 1, 1)))
    first = tg.reply(CHAT, "/list", "Open predictions")
    assert "page 1 of 3" in first.text and "#25" in first.text
    before = first.edits
    tg.click(first, "Older")
    tg.wait_edit(first, before)
    assert "page 2 of 3" in first.text and "#15" in first.text and "#25" not in first.text
