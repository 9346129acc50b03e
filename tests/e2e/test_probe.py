"""Defects a probe found trying the bot as a new user (after the issue 12 fixes), one test each."""

from __future__ import annotations

import time

from tests.conftest import BotThread, wait_until
from tests.e2e.test_conversation import SEED, review_of
from tests.fakeapi.server import FakeTelegram
from tests.jobs.test_due import add_due, prompts_in

CHAT = 6161
GROUP = -100616


def test_numbers_are_never_reused_so_an_old_prompt_cannot_answer_a_new_prediction(tg: FakeTelegram,
                                                                                   bot: BotThread) -> None:
    review = review_of(tg, CHAT, "/ingest 2025-10-17\n" + SEED)
    mark = len(tg.messages)
    before = review.edits
    tg.click(review, "Save")
    tg.wait_edit(review, before)
    prompt = tg.wait_for(lambda m: m.chat_id == CHAT and "Deadline passed · #1" in m.text, after=mark, timeout=10)
    assert "Undid the save" in tg.reply(CHAT, "/undo", "Undid").text
    saved = tg.reply(CHAT, "/add Elon Musk: a tunnel will be finished by 2027-03-01", "Saved")
    assert "#1 " not in saved.text and "#7" in saved.text
    query = tg.click(prompt, "Not fulfilled")
    assert "no longer exists" in tg.wait_answer(query)["text"]
    assert "not fulfilled" not in tg.reply(CHAT, "/show 7", "#7").text


def test_track_and_answer_sends_one_prompt(tg: FakeTelegram, bot: BotThread) -> None:
    asked = tg.reply(CHAT, "/add Musk: a tunnel will be finished by 2025-03-01")
    mark = len(tg.messages)
    tg.click(asked, "Track and answer")
    tg.wait_for(lambda m: m.chat_id == CHAT and "Did it happen?" in m.text, after=mark)
    time.sleep(3)  # several due checks (every second here)
    assert len([m for m in tg.messages[mark:] if "Did it happen?" in m.text]) == 1


def test_due_skips_what_was_snoozed(tg: FakeTelegram, db, bot: BotThread) -> None:  # type: ignore[no-untyped-def]
    add_due(db, CHAT, n=2)
    wait_until(lambda: len(prompts_in(tg, CHAT)) >= 2, timeout=10)
    first = tg.reply(CHAT, "/due", "Deadline passed")
    number = first.text.split("#")[1].split()[0]
    tg.click(first, "Snooze")
    wait_until(lambda: "1 day" in str(first.buttons()))
    before = first.edits
    tg.click(first, "1 day")
    tg.wait_edit(first, before)
    nxt = tg.reply(CHAT, "/due", "#")
    assert f"#{number}\n" not in nxt.text and f"· #{number}" not in nxt.text


def test_a_reply_to_someone_elses_question_is_told_so(tg: FakeTelegram, bot: BotThread) -> None:
    mark = len(tg.messages)
    tg.send(GROUP, "/add the euro will hit parity by next year", user_id=11, name="Alice")
    question = tg.wait_for(lambda m: m.chat_id == GROUP and "Who said it?" in m.text, after=mark)
    other = tg.reply(GROUP, "Christine Lagarde", user_id=12, name="Bob", reply_to=question.message_id)
    assert "was for someone else" in other.text


def test_a_deadline_beyond_2200_on_add_is_refused_not_replaced(tg: FakeTelegram, bot: BotThread) -> None:
    assert "must fall between 1900 and" in tg.reply(CHAT, "/add Musk: humans will land on Mars by 2300-01-01").text


def test_a_first_name_finds_the_only_speaker_with_it(tg: FakeTelegram, bot: BotThread) -> None:
    tg.reply(CHAT, "/add Elon Musk: a tunnel will be finished by 2027-03-01")
    assert "Elon Musk" in tg.reply(CHAT, "/speaker elon").text


def test_timezone_names_in_any_case_and_a_bare_setting_shows_the_settings(tg: FakeTelegram, bot: BotThread) -> None:
    assert "Timezone set to Europe/Kyiv" in tg.reply(CHAT, "/settings timezone europe/kyiv").text
    assert "Settings for this chat" in tg.reply(CHAT, "/settings timezone").text


def test_refusals_write_dates_the_bots_way(tg: FakeTelegram, bot: BotThread) -> None:
    tg.reply(CHAT, "/add Jerome Powell: rates will be cut by next year")
    past = tg.reply(CHAT, "/edit 1 deadline 2020-01-01").text
    assert "Wed 1 Jan 2020 has already passed (today is" in past and "2026-" not in past
    assert "is not a date that exists" in tg.reply(CHAT, "/edit 1 deadline 2027-02-30").text


def test_half_a_pasted_html_tag_does_not_start_a_statement(tg: FakeTelegram, bot: BotThread) -> None:
    review = review_of(tg, CHAT, "/ingest 2025-10-17\n<b>" + SEED + "</b>")
    assert ": b>" not in review.text and "US President Donald Trump and Russian President" in review.text


def test_a_corrected_statement_gets_the_confidence_of_its_new_hedge(tg: FakeTelegram, bot: BotThread) -> None:
    review = review_of(tg, CHAT, "/ingest 2025-10-17\n" + SEED)
    before = review.edits
    tg.click(review, "Edit")
    tg.wait_edit(review, before)
    before = review.edits
    tg.click(review, "✏️ 3")
    tg.wait_edit(review, before)
    mark = len(tg.messages)
    tg.click(review, "Statement")
    ask = tg.wait_for(lambda m: "Reply with the statement" in m.text, after=mark)
    before = review.edits
    tg.reply(CHAT, "a peace deal will come soon", "Updated claim 3", reply_to=ask.message_id)
    tg.wait_edit(review, before)
    line = next(line for line in review.text.splitlines() if "a peace deal will come soon" in line)
    following = review.text.splitlines()[review.text.splitlines().index(line) + 1]
    assert "85%" in following, following


def test_a_closed_review_drops_its_question_in_plain_words(tg: FakeTelegram, bot: BotThread) -> None:
    review = review_of(tg, CHAT, "/ingest 2025-10-17\n" + SEED)
    before = review.edits
    tg.click(review, "Edit")
    tg.wait_edit(review, before)
    before = review.edits
    tg.click(review, "✏️ 1")
    tg.wait_edit(review, before)
    mark = len(tg.messages)
    tg.click(review, "Statement")
    ask = tg.wait_for(lambda m: "Reply with the statement" in m.text, after=mark)
    before = review.edits
    tg.click(review, "Discard")
    tg.wait_edit(review, before)
    closed = tg.reply(CHAT, "a new statement", reply_to=ask.message_id)
    assert "closed already, so the question is dropped" in closed.text and "/cancel" not in closed.text
