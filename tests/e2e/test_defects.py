"""Issue 12's defects, one test each, named for the behaviour (each failed before its fix)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from tests.conftest import BotThread
from tests.e2e.test_conversation import SEED, review_of
from tests.e2e.test_webhook import free_port
from tests.fakeapi.runner import TOKEN
from tests.fakeapi.server import FakeTelegram
from tests.jobs.test_due import add_due
from tracker import schedule

CHAT = 5151
GROUP = -100515


def test_1_a_new_deadline_typed_by_a_user_counts_from_today_and_a_past_one_is_refused(tg: FakeTelegram, db,  # type: ignore[no-untyped-def]
                                                                                      bot: BotThread) -> None:
    add_due(db, CHAT)  # made 30 days ago, deadline passed 3 days ago
    today = schedule.now().date()
    moved = tg.reply(CHAT, "/edit 1 deadline in 2 weeks")
    day = today + timedelta(days=14)
    assert f"{day.day} {day:%b %Y}" in moved.text, moved.text
    past = tg.reply(CHAT, f"/edit 1 deadline {(today - timedelta(days=2)).isoformat()}")
    assert "has already passed" in past.text


def test_2_a_forward_or_a_long_text_does_not_answer_an_open_question(tg: FakeTelegram, bot: BotThread) -> None:
    tg.reply(CHAT, "/add Christine Lagarde: inflation falls to target by next year")
    mark = len(tg.messages)
    tg.send(CHAT, "/edit 1")
    menu = tg.wait_for(lambda m: m.chat_id == CHAT and "What should change" in m.text, after=mark)
    mark = len(tg.messages)
    tg.click(menu, "Statement")
    tg.wait_for(lambda m: "Reply with the statement" in m.text, after=mark)
    review = review_of(tg, CHAT, SEED, forward_origin={"type": "channel", "date": 1760700000, "message_id": 5,
                                                       "chat": {"id": -1009, "type": "channel", "title": "News"}})
    assert review.buttons()  # read as an article, not taken as the new statement
    shown = tg.reply(CHAT, "/show 1")
    assert "inflation falls to target" in shown.text
    assert "statement updated" in tg.reply(CHAT, "inflation falls to 2 percent by spring").text  # still open
    assert "inflation falls to 2 percent by spring" in tg.reply(CHAT, "/show 1").text


def test_3_a_percentage_inside_the_statement_is_not_a_confidence(tg: FakeTelegram, bot: BotThread) -> None:
    saved = tg.reply(CHAT, "/add Lagarde: inflation will fall to 2%")
    assert "inflation will fall to 2%" in saved.text and "· 2%" not in saved.text
    kept = tg.reply(CHAT, "/add Trump: a summit in Budapest will happen within two weeks 70%")
    assert "· 70%" in kept.text and "70%" not in kept.text.split("—")[0]


def test_7_an_answered_prompt_says_what_happened(tg: FakeTelegram, db, bot: BotThread) -> None:  # type: ignore[no-untyped-def]
    add_due(db, CHAT)
    prompt = tg.reply(CHAT, "/due", "Deadline passed")
    before = prompt.edits
    tg.click(prompt, "Not fulfilled")
    tg.wait_edit(prompt, before)
    assert "Answered" in prompt.text and "Still waiting" not in prompt.text and "Deadline passed" not in prompt.text
    tg.reply(CHAT, "/add Trump: a deal will be signed by 2027-06-30")
    card = tg.reply(CHAT, "/show 2", "#2")
    before = card.edits
    tg.click(card, "Fulfilled")
    tg.wait_edit(card, before)
    assert "Resolved early" in card.text


def test_8_a_speakers_own_record_does_not_call_their_predictions_unattributed(tg: FakeTelegram,
                                                                            bot: BotThread) -> None:
    tg.reply(CHAT, "/add Jerome Powell: rates will be cut by next year")
    record = tg.reply(CHAT, "/speaker Powell")
    assert "rates will be cut" in record.text and "unattributed" not in record.text


def test_9_a_second_review_part_numbers_its_claims_on_text_buttons_and_toasts(tg: FakeTelegram,
                                                                               bot: BotThread) -> None:
    names = ["Anna Berg", "Omar Khan", "Li Wei", "Sara Cole", "Tom Reed", "Ivan Petrov", "Maria Lopez",
             "John Hart", "Eva Stone", "Paul Grant"]
    article = "\n\n".join(f'{name}, the minister, said the {i + 2}nd bridge "will open by March {2030 + i}".'
                          for i, name in enumerate(names))
    mark = len(tg.messages)
    tg.send(CHAT, "/ingest 2025-10-17\n" + article)
    part2 = tg.wait_for(lambda m: m.chat_id == CHAT and "part 2 of 2" in m.text, after=mark)
    assert "<b>9.</b>" in part2.text or "9." in part2.text
    assert "✅ 9" in str(part2.buttons()) and "✅ 1\"" not in str(part2.buttons())
    before = part2.edits
    query = tg.click(part2, "✅ 9")
    tg.wait_edit(part2, before)
    assert tg.wait_answer(query)["text"] == "Claim 9 left out."
    assert "⬜ 9" in str(part2.buttons()) and "9." in part2.text


def test_13_text_in_an_unread_script_is_told_what_is_read(tg: FakeTelegram, bot: BotThread) -> None:
    greek = ("Ο πρωθυπουργός δήλωσε ότι η σύνοδος κορυφής στη Βουδαπέστη θα πραγματοποιηθεί μέσα σε δύο "
             "εβδομάδες. Σύμφωνα με τον ίδιο, οι δύο πλευρές έχουν ήδη συμφωνήσει την ημερομηνία.")
    assert "I read news in English, Russian and Ukrainian" in tg.reply(CHAT, greek).text
    assert "too short for an article" in tg.reply(CHAT, "Hello. How are you?").text


def test_17_a_late_answer_keeps_the_first_answerers_undo(tg: FakeTelegram, db, bot: BotThread) -> None:  # type: ignore[no-untyped-def]
    add_due(db, GROUP)
    prompt = tg.wait_for(lambda m: m.chat_id == GROUP and "Deadline passed" in m.text, timeout=10)
    late = prompt.button("Not fulfilled")["callback_data"]  # Bob's screen still shows the question
    before = prompt.edits
    tg.press(GROUP, prompt.message_id, prompt.button("Fulfilled")["callback_data"], user_id=11, name="Alice")
    tg.wait_edit(prompt, before)
    assert "Undo" in str(prompt.buttons())
    before = prompt.edits
    query = tg.press(GROUP, prompt.message_id, late, user_id=12, name="Bob")
    assert tg.wait_answer(query)["text"] == "Already answered by Alice."
    assert "Undo" in str(prompt.buttons()) and "fulfilled — answered by Alice" in prompt.text


def test_18_commands_for_another_bot_are_ignored(tg: FakeTelegram, bot: BotThread) -> None:
    mark = len(tg.messages)
    tg.send(GROUP, "/list@other_bot", user_id=11)
    reply = tg.reply(GROUP, "/list@calledit_bot", user_id=11)
    assert [m for m in tg.messages[mark:] if m.chat_id == GROUP] == [reply]


def test_20_cosmetics(tg: FakeTelegram, bot: BotThread) -> None:
    assert tg.reply(CHAT, "/settings quiet off").text == "🌙 Quiet hours: off."
    tg.reply(GROUP, "/add Trump: a summit will happen by next month", user_id=11)
    mark = len(tg.messages)
    tg.send(GROUP, "/export", user_id=11)
    doc = tg.wait_for(lambda m: m.chat_id == GROUP and m.kind == "document", after=mark)
    assert doc.filename == f"calledit-group-{-GROUP}.csv"
    review = review_of(tg, CHAT, SEED)
    assert "no time given" not in review.text
    stats = tg.reply(CHAT, "/stats")
    assert "accuracy no scored" not in stats.text


def test_6_a_rejected_token_or_an_unreachable_api_is_one_line_and_never_the_token(tg: FakeTelegram,
                                                                                  tmp_path: Path) -> None:
    tg.token = TOKEN  # the loopback API now refuses every other token, as Telegram does
    wrong = "987654:" + "A" * 35
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": f"  {wrong}  ", "TELEGRAM_API_BASE_URL": tg.base_url,
           "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    out = subprocess.run([sys.executable, "-m", "calledit", "run"], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "Telegram rejected the token" in out.stderr and wrong not in out.stderr + out.stdout
    assert "calledit is running" not in out.stderr
    port = free_port()
    env["TELEGRAM_API_BASE_URL"] = f"http://127.0.0.1:{port}/bot"
    proc = subprocess.Popen([sys.executable, "-m", "calledit", "run"], cwd=tmp_path, env=env,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        assert f"cannot reach the Bot API at 127.0.0.1:{port}" in first and "trying again in 2 s (1 of 5)" in first
    finally:
        proc.kill()
        proc.wait(10)


def test_16_a_question_in_a_group_names_the_asker_so_the_reply_field_reaches_them(tg: FakeTelegram,
                                                                                    bot: BotThread) -> None:
    tg.reply(GROUP, "/add Christine Lagarde: inflation falls to target by next year", user_id=11)
    mark = len(tg.calls)
    tg.send(GROUP, "/edit 1", user_id=11)
    menu = tg.wait_for(lambda m: m.chat_id == GROUP and "What should change" in m.text)
    tg.click(menu, "Statement", user_id=11)
    asked = tg.wait_for(lambda m: m.chat_id == GROUP and "Reply with the statement" in m.text)
    sent = [params for method, params in tg.calls[mark:] if method == "sendMessage"
            and "Reply with the statement" in str(params.get("text"))]
    assert sent and "tg://user?id=11" in str(sent[-1]["text"]) and asked.text.startswith("Ann, ")


def test_10_undo_after_a_delete_brings_the_prediction_back_not_an_older_edit(tg: FakeTelegram,
                                                                              bot: BotThread) -> None:
    tg.reply(CHAT, "/add Jerome Powell: rates will be cut by next year")
    tg.reply(CHAT, "/edit 1 statement rates will be cut twice")
    ask = tg.reply(CHAT, "/delete 1", "Delete this prediction")
    before = ask.edits
    tg.click(ask, "Delete #1")
    tg.wait_edit(ask, before)
    assert "/undo brings it back" in ask.text
    assert "Undid the delete: #1 is back." in tg.reply(CHAT, "/undo").text
    shown = tg.reply(CHAT, "/show 1")
    assert "rates will be cut twice" in shown.text  # the edit stands
    assert "Undid the edit of #1." in tg.reply(CHAT, "/undo").text  # and is the next thing /undo takes back


def test_4_impossible_and_past_dates_get_an_answer_not_a_guess(tg: FakeTelegram, bot: BotThread) -> None:
    assert "“2027-13-45” is not a date that exists" in tg.reply(CHAT, "/add X: a deal is signed by 2027-13-45").text
    assert "“31 February” is not a date" in tg.reply(CHAT, "/add X: a deal is signed by 31 February").text
    assert "“yesterday” is not a date" in tg.reply(CHAT, "/ingest yesterday").text
    assert "is in the future" in tg.reply(CHAT, "/ingest 2099-01-01\n" + SEED).text
    asked = tg.reply(CHAT, "/add X: a deal is signed by 31 December 2025")
    assert "has passed — track it anyway and answer now?" in asked.text
    assert "No open predictions" in tg.reply(CHAT, "/list").text  # nothing saved yet
    mark = len(tg.messages)
    tg.click(asked, "Track and answer")
    prompt = tg.wait_for(lambda m: m.chat_id == CHAT and "Did it happen?" in m.text, after=mark)
    assert "a deal is signed" in prompt.text and "Fulfilled" in str(prompt.buttons())


def test_12_files_and_other_inputs_get_read_or_answered(tg: FakeTelegram, bot: BotThread) -> None:
    html = ("<html><head><title>t</title><script>var x = 1;</script></head><body><p>"
            + SEED.replace("\n\n", "</p><p>") + "</p></body></html>").encode()
    mark = len(tg.messages)
    tg.send_media(CHAT, {"document": {"file_id": "f1", "file_unique_id": "u1", "file_name": "story.html",
                                      "mime_type": "text/html", "file_size": len(html)}}, content=html)
    review = tg.wait_for(lambda m: m.chat_id == CHAT and "forward-looking statement" in m.text, after=mark)
    assert "Donald Trump" in review.text and "var x" not in review.text
    big = {"document": {"file_id": "f2", "file_unique_id": "u2", "file_name": "big.txt", "mime_type": "text/plain",
                        "file_size": 2_000_000}}
    mark = len(tg.messages)
    tg.send_media(CHAT, big)
    assert "over 1 MB" in tg.wait_for(lambda m: m.chat_id == CHAT, after=mark).text
    for media in ({"voice": {"file_id": "v", "file_unique_id": "uv", "duration": 3}},
                  {"sticker": {"file_id": "s", "file_unique_id": "us", "type": "regular", "width": 1, "height": 1,
                               "is_animated": False, "is_video": False}},
                  {"photo": [{"file_id": "p", "file_unique_id": "up", "width": 1, "height": 1}]}):
        mark = len(tg.messages)
        tg.send_media(CHAT, media)
        assert "I read text" in tg.wait_for(lambda m: m.chat_id == CHAT, after=mark).text
    mark = len(tg.messages)
    tg.send_media(CHAT, {"photo": [{"file_id": "p2", "file_unique_id": "up2", "width": 1, "height": 1}]}, caption=SEED)
    assert tg.wait_for(lambda m: m.chat_id == CHAT and "forward-looking statement" in m.text, after=mark).buttons()


def test_11_an_edited_article_replaces_its_open_review(tg: FakeTelegram, bot: BotThread) -> None:
    mark = len(tg.messages)
    sent = tg.send(CHAT, SEED)
    first = tg.wait_for(lambda m: m.chat_id == CHAT and "forward-looking statement" in m.text, after=mark)
    mark = len(tg.messages)
    tg.user_edit(sent, SEED.replace("Budapest", "Vienna"))
    second = tg.wait_for(lambda m: m.chat_id == CHAT and "forward-looking statement" in m.text, after=mark)
    assert "Vienna" in second.text
    assert first.text.startswith("✏️ Replaced")
    before = second.edits
    tg.click(second, "Save")
    tg.wait_edit(second, before)
    mark = len(tg.messages)
    tg.user_edit(sent, SEED.replace("Budapest", "Prague"))
    assert "already saved" in tg.wait_for(lambda m: m.chat_id == CHAT, after=mark).text


def test_14_a_line_stating_the_articles_date_sets_the_date_basis(tg: FakeTelegram, bot: BotThread) -> None:
    review = review_of(tg, CHAT, "Trump and Putin agree to meet\nUpdated: 17.10.2025 14:05\n\n" + SEED)
    assert "Fri 17 Oct 2025" in review.text and "the line “Updated: 17.10.2025 14:05” in the text" in review.text
    assert "Fri 31 Oct 2025" in review.text  # "within two weeks" counts from that day
    given = review_of(tg, CHAT, "/ingest 2025-10-20\nBy Anna Smith, 5 May 2025\n\n" + SEED)
    assert "the date you gave" in given.text  # /ingest DATE still wins


def test_15_a_past_deadline_read_from_an_older_article_is_kept_and_marked(tg: FakeTelegram, bot: BotThread) -> None:
    review = review_of(tg, CHAT, "/ingest 2025-10-17\n" + SEED)
    assert "Fri 31 Oct 2025" in review.text and "⏳ already past" in review.text


def test_19_particle_surnames_are_found(tg: FakeTelegram, bot: BotThread) -> None:
    tg.reply(CHAT, "/add Ursula von der Leyen: the tariff deal will be ratified by next year")
    assert "Ursula von der Leyen" in tg.reply(CHAT, "/speaker von der Leyen").text


def test_16_a_typed_answer_in_a_group_without_a_reply_gets_one_hint(tg: FakeTelegram, bot: BotThread) -> None:
    tg.reply(GROUP, "/add Christine Lagarde: inflation falls to target by next year", user_id=11)
    mark = len(tg.messages)
    tg.send(GROUP, "/edit 1", user_id=11)
    menu = tg.wait_for(lambda m: m.chat_id == GROUP and "What should change" in m.text, after=mark)
    tg.click(menu, "Statement", user_id=11)
    tg.wait_for(lambda m: m.chat_id == GROUP and "Reply with the statement" in m.text, after=mark)
    hint = tg.reply(GROUP, "inflation falls to 2 percent", user_id=11)
    assert "reply to it" in hint.text
    mark = len(tg.messages)
    tg.send(GROUP, "still typing instead", user_id=11)
    tg.reply(GROUP, "/list", user_id=11)
    assert not [m for m in tg.messages[mark:] if "reply to it" in m.text]  # once


def test_19_titles_the_extractor_saw_find_the_speaker(tg: FakeTelegram, bot: BotThread) -> None:
    review = review_of(tg, CHAT, "/ingest 2025-10-17\n" + SEED)
    before = review.edits
    tg.click(review, "Save")
    tg.wait_edit(review, before)
    assert "Vladimir Putin" in tg.reply(CHAT, "/speaker the Russian president").text


def test_20_the_co_speaker_is_kept_on_save(tg: FakeTelegram, bot: BotThread) -> None:
    review = review_of(tg, CHAT, "/ingest 2025-10-17\n" + SEED)
    assert "Donald Trump (with Vladimir Putin)" in review.text
    before = review.edits
    tg.click(review, "Save")
    tg.wait_edit(review, before)
    assert "Donald Trump (with Vladimir Putin)" in review.text
    assert "(with Vladimir Putin)" in tg.reply(CHAT, "/show 1").text


def test_20_undoing_a_save_updates_the_review_that_said_saved(tg: FakeTelegram, bot: BotThread) -> None:
    review = review_of(tg, CHAT, "/ingest 2025-10-17\n" + SEED)
    before = review.edits
    tg.click(review, "Save")
    tg.wait_edit(review, before)
    before = review.edits
    assert "Undid the save" in tg.reply(CHAT, "/undo").text
    tg.wait_edit(review, before)
    assert "nothing from this review is saved now" in review.text and "💾 Saved" not in review.text
