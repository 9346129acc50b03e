"""Issue 7's flows end to end: articles → reviews → saved predictions, and everything after."""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import BotThread
from tests.fakeapi.server import FakeTelegram, SentMessage
from tracker.store import NewPrediction, add_prediction

CHAT = 321
GROUP = -100500
SEED = (Path(__file__).resolve().parents[2] / "seeds" / "000_budapest_summit.txt").read_text().split("\n\n", 1)[1]


def review_of(tg: FakeTelegram, chat: int, text: str, **kw: object) -> SentMessage:
    return tg.reply(chat, text, "forward-looking statement", **kw)  # type: ignore[arg-type]


def test_pasted_article_is_reviewed_then_saved(tg: FakeTelegram, bot: BotThread) -> None:
    review = review_of(tg, CHAT, SEED)
    assert "Donald Trump" in review.text and "Fri 31 Oct 2025" not in review.text  # dated today, not 2025
    assert "today, as no date was found" in review.text
    assert ("sendChatAction" in [c[0] for c in tg.calls])
    assert "No open predictions" in tg.reply(CHAT, "/list").text  # nothing stored before saving
    before = review.edits
    tg.click(review, "⬜ 2" if "⬜ 2" in str(review.reply_markup) else "✅ 2")
    tg.wait_edit(review, before)
    assert "⬜ 2" in str(review.buttons())
    before = review.edits
    tg.click(review, "Save")
    tg.wait_edit(review, before)
    assert "💾 Saved 5 predictions" in review.text and "#1" in review.text
    listing = tg.reply(CHAT, "/list", "Open predictions")
    assert "(5)" in listing.text


def test_ingest_with_date_and_edit_by_reply(tg: FakeTelegram, bot: BotThread) -> None:
    headline = "Ukraine Peace Talks Advance as Trump and Putin Agree to Summit\n\n"
    review = review_of(tg, CHAT, "/ingest 2025-10-17\n" + headline + SEED)
    assert "17 Oct 2025" in review.text and "the date you gave" in review.text
    assert "Fri 31 Oct 2025" in review.text
    before = review.edits
    tg.click(review, "Edit")
    tg.wait_edit(review, before)
    before = review.edits
    tg.click(review, "✏️ 1")
    tg.wait_edit(review, before)
    mark = len(tg.messages)
    tg.click(review, "Deadline")
    ask = tg.wait_for(lambda m: "Reply with the new deadline" in m.text, after=mark)
    bad = tg.reply(CHAT, "whenever", "couldn't read", reply_to=ask.message_id)
    assert "Try" in bad.text
    before = review.edits
    tg.reply(CHAT, "by the end of the year", "Updated claim 1", reply_to=ask.message_id)
    tg.wait_edit(review, before)
    assert "Wed 31 Dec 2025" in review.text
    before = review.edits
    tg.click(review, "Save")
    tg.wait_edit(review, before)
    shown = tg.reply(CHAT, "/show 1", "#1")
    assert "31 Dec 2025" in shown.text and "Budapest" in shown.text
    assert "Ukraine Peace Talks" in shown.text  # the source's headline


def test_forwarded_post_uses_its_original_date(tg: FakeTelegram, bot: BotThread) -> None:
    posted = int(time.mktime((2025, 10, 17, 12, 0, 0, 0, 0, 0)))
    origin = {"type": "channel", "chat": {"id": -100777, "type": "channel", "title": "News"},
              "message_id": 5, "date": posted}
    review = review_of(tg, CHAT, SEED, forward_origin=origin)
    assert "17 Oct 2025" in review.text and "the original post's date" in review.text
    assert "Fri 31 Oct 2025" in review.text


def test_discard_url_nothing_found_and_short_text(tg: FakeTelegram, bot: BotThread) -> None:
    review = review_of(tg, CHAT, SEED)
    before = review.edits
    tg.click(review, "Discard")
    tg.wait_edit(review, before)
    assert "nothing from this review was saved" in review.text
    reading = tg.reply(CHAT, "http://10.0.0.1/news/1")  # a link is read (test_links.py); this one is refused
    assert "🔗 Reading 10.0.0.1" in tg.wait_edit(reading, 0).history[0] and "paste the text instead" in reading.text
    none = tg.reply(CHAT, "The company reported higher profits on Thursday. Shares rose 4%. The chief executive "
                          "thanked staff for a strong year and the results beat forecasts.")
    assert "found no forward-looking statements" in none.text and "/add" in none.text
    assert "too short for an article" in tg.reply(CHAT, "hello bot").text
    assert "Paste the article after /ingest" in tg.reply(CHAT, "/ingest").text
    assert "not a date" in tg.reply(CHAT, "/ingest 17/10/2025\nsome text").text
    assert tg.errors == []


def test_html_like_article_is_escaped(tg: FakeTelegram, bot: BotThread) -> None:
    text = ("Officials at <b>Smith & Sons</b> said the <script>alert(1)</script> factory will open by the end of "
            "next year. The plant cost 2 < 3 billion & more. Workers were hired in March.")
    review = review_of(tg, CHAT, text)
    assert "<script>alert(1)</script>" in review.text and "&lt;script&gt;" in review.html
    assert tg.errors == []


def test_thirty_thousand_characters(tg: FakeTelegram, bot: BotThread) -> None:
    paragraphs = [f"Minister Anna Berg{i} said the bridge number {i} will open by the end of next year. "
                  f"Workers repaired road {i} last week." for i in range(300)]
    text = "\n".join(paragraphs)[:30_000]
    mark = len(tg.messages)
    tg.send(CHAT, text)
    tg.wait_for(lambda m: "Reading 30,000 characters" in m.text, after=mark)
    tg.wait_for(lambda m: "part " in m.text and "forward-looking" in m.text, after=mark, timeout=60)
    assert tg.errors == []


def test_manual_add_asks_for_missing_speaker_and_undo(tg: FakeTelegram, bot: BotThread) -> None:
    ask = tg.reply(CHAT, "/add inflation will fall below 2% by March", "Who said it?")
    saved = tg.reply(CHAT, "Christine Lagarde", "Saved", reply_to=ask.message_id)
    assert "#1" in saved.text and "Christine Lagarde" in saved.text
    assert "Undid the save of #1" in tg.reply(CHAT, "/undo").text
    assert "No open predictions" in tg.reply(CHAT, "/list").text
    assert "nothing to undo" in tg.reply(CHAT, "/undo").text


def test_edit_show_speaker_and_undo_edit(tg: FakeTelegram, bot: BotThread) -> None:
    tg.reply(CHAT, "/add Putin: Russia will win by the end of the year", "Saved")
    assert "deadline is now" in tg.reply(CHAT, "/edit 1 deadline 2027-01-31").text
    shown = tg.reply(CHAT, "/show 1", "#1")
    assert "Sun 31 Jan 2027" in shown.text and "moved 1×" in shown.text
    assert "Undid the edit of #1" in tg.reply(CHAT, "/undo").text
    assert "moved" not in tg.reply(CHAT, "/show 1", "#1").text
    assert "confidence is now 30%" in tg.reply(CHAT, "/edit 1 confidence 30%").text
    assert "couldn't read" in tg.reply(CHAT, "/edit 1 deadline someday").text
    assert "Say what to change" in tg.reply(CHAT, "/edit 1 colour blue").text
    assert "no #9" in tg.reply(CHAT, "/edit 9").text
    record = tg.reply(CHAT, "/speaker putin", "Putin")
    assert "#1" in record.text and "1 open" in record.text
    assert "No predictions by Nobody" in tg.reply(CHAT, "/speaker Nobody").text


def test_due_answer_undo_and_show_resolution(tg: FakeTelegram, bot: BotThread, db) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    with db.session() as session:
        for i, speaker in enumerate(["Donald Trump", "Vladimir Putin"]):
            add_prediction(session, NewPrediction(chat_id=CHAT, speaker=speaker, statement=f"summit {i} happens",
                                                  deadline=today - timedelta(days=10 - i),
                                                  made_at=today - timedelta(days=30)))
    prompt = tg.reply(CHAT, "/due", "Deadline passed")
    assert "#1" in prompt.text and "1 more waiting" in prompt.text
    mark = len(tg.messages)
    before = prompt.edits
    tg.click(prompt, "Not fulfilled")
    tg.wait_edit(prompt, before)
    assert "not fulfilled" in prompt.text and "answered by Ann" in prompt.text
    nxt = tg.wait_for(lambda m: "Deadline passed" in m.text and "#2" in m.text, after=mark)
    before = prompt.edits
    tg.click(prompt, "Undo")
    tg.wait_edit(prompt, before)
    assert "Did it happen?" in prompt.text
    shown = tg.reply(CHAT, "/show 1", "#1")
    assert "open" in shown.text and "(undone)" in shown.text
    before = shown.edits
    tg.click(shown, "Partly")
    tg.wait_edit(shown, before)
    assert "partly" in shown.text
    # two answers to one prompt (double tap, a second member): the first stands, both see it
    fulfilled = nxt.button("Fulfilled")["callback_data"]
    not_fulfilled = nxt.button("Not fulfilled")["callback_data"]
    before = nxt.edits
    first = tg.press(CHAT, nxt.message_id, fulfilled)
    second = tg.press(CHAT, nxt.message_id, not_fulfilled, user_id=77, name="Bob")
    assert tg.wait_answer(first)["text"] == "Recorded."
    assert "Already answered by Ann" in tg.wait_answer(second)["text"]
    tg.wait_edit(nxt, before)
    assert "fulfilled — answered by Ann" in nxt.text and "not fulfilled" not in nxt.text
    mark = len(tg.messages)
    tg.send(CHAT, "/due")
    assert "Nothing is waiting" in tg.wait_for(lambda m: m.chat_id == CHAT, after=mark).text


def test_settings(tg: FakeTelegram, bot: BotThread) -> None:
    menu = tg.reply(CHAT, "/settings", "Settings for this chat")
    assert "Timezone: UTC" in menu.text and "Quiet hours: none" in menu.text
    assert "Europe/Kyiv" in tg.reply(CHAT, "/settings timezone Europe/Kyiv").text
    assert "not a timezone I know" in tg.reply(CHAT, "/settings timezone Mars/Olympus").text
    assert "22:00–08:00" in tg.reply(CHAT, "/settings quiet 22-08").text
    assert "two different hours" in tg.reply(CHAT, "/settings quiet 25-3").text
    before = menu.edits
    tg.click(menu, "heads-up")
    tg.wait_edit(menu, before)
    assert "deadline: on" in menu.text
    mark = len(tg.messages)
    tg.click(menu, "Timezone")
    ask = tg.wait_for(lambda m: "Reply with your timezone" in m.text, after=mark)
    assert "America/New_York" in tg.reply(CHAT, "America/New_York", reply_to=ask.message_id).text
    assert "America/New_York" in tg.reply(CHAT, "/settings", "Settings").text
    assert "Cancelled" not in tg.reply(CHAT, "/cancel").text


def test_group_rules(tg: FakeTelegram, bot: BotThread) -> None:
    admin, alice, bob = 11, 12, 13
    tg.admins[GROUP] = {admin}
    mark = len(tg.messages)
    tg.send(GROUP, SEED, user_id=alice, name="Alice")  # not addressed: ignored in groups
    time.sleep(1.0)
    assert not [m for m in tg.messages[mark:] if m.chat_id == GROUP]
    review = review_of(tg, GROUP, "@calledit_bot " + SEED, user_id=alice, name="Alice")
    before = review.edits
    tg.click(review, "Save", user_id=alice)
    tg.wait_edit(review, before)
    refused = tg.reply(GROUP, "/delete 1", user_id=bob, name="Bob")
    assert "Only the one who saved #1 or a chat admin" in refused.text
    assert "Only the one who saved" in tg.reply(GROUP, "/edit 1 deadline next year", user_id=bob).text
    confirm = tg.reply(GROUP, "/delete 1", "Delete this prediction", user_id=admin, name="Admin")
    query = tg.press(GROUP, confirm.message_id, confirm.button("Delete #1")["callback_data"], user_id=bob)
    assert "Only the one who saved" in tg.wait_answer(query)["text"]
    before = confirm.edits
    tg.click(confirm, "Delete #1", user_id=admin)
    tg.wait_edit(confirm, before)
    assert "Deleted #1" in confirm.text
    assert "Saved" in tg.reply(GROUP, "/add Orban: Budapest will host it this autumn", "Saved", user_id=bob).text


def test_review_button_replayed_in_another_chat(tg: FakeTelegram, bot: BotThread) -> None:
    review = review_of(tg, CHAT, SEED)
    data = review.button("Save")["callback_data"]
    query = tg.press(999, review.message_id, data, user_id=999)
    assert "does not belong" in tg.wait_answer(query)["text"]
    assert "No open predictions" in tg.reply(CHAT, "/list").text


def test_list_with_300_predictions(tg: FakeTelegram, bot: BotThread, db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        for i in range(300):
            add_prediction(session, NewPrediction(chat_id=CHAT, speaker=f"Speaker {i % 7}",
                                                  statement=f"event number {i} <&> happens",
                                                  deadline=date(2030, 1, 1) + timedelta(days=i),
                                                  made_at=date(2025, 1, 1)))
    page = tg.reply(CHAT, "/list", "Open predictions")
    assert "(300)" in page.text and "page 1 of 30" in page.text and "#300" in page.text
    seen = set()
    for expected in range(2, 31):
        before = page.edits
        tg.click(page, "Older")
        tg.wait_edit(page, before)
        assert f"page {expected} of 30" in page.text
        seen.update(n for n in range(1, 301) if f"#{n} " in page.text)
    assert "Older" not in str(page.buttons())
    assert 1 in seen and len(seen) >= 290
    assert tg.errors == []
