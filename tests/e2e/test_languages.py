"""The bot in three languages, through the loopback Bot API: a Ukrainian user's chat speaks Ukrainian from
its first /start (the review, the due prompt the reminder job sends, /stats), `/settings language ru`
switches it to Russian, the language buttons switch it back, and an English user in the same run still
gets English. The statements themselves stay as the article wrote them. The menu and the descriptions are
registered for each language."""

from __future__ import annotations

from datetime import date

from tests.conftest import BotThread, wait_until
from tests.e2e.test_conversation import SEED
from tests.fakeapi.server import FakeTelegram

UK_CHAT = 7001
EN_CHAT = 7002
RU_CHAT = 7003
GROUP = -700700


def test_a_ukrainian_chat_speaks_ukrainian_then_russian(tg: FakeTelegram, bot: BotThread) -> None:
    tg.user_languages[UK_CHAT] = "uk"
    start = tg.reply(UK_CHAT, "/start")
    assert "Я веду рахунок тому" in start.text and "/list — відкриті прогнози" in start.text

    review = tg.reply(UK_CHAT, "/ingest 2025-10-17\n" + SEED, "заяв про майбутнє")
    assert "Терміни відраховуються від пт, 17 жовт. 2025 р. (дата, яку ви вказали)" in review.text
    assert "до пт, 31 жовт. 2025 р." in review.text  # "within two weeks" of 17 Oct, the Ukrainian way
    assert "Donald Trump" in review.text and "summit in Budapest" in review.text  # as the article says
    labels = [b["text"] for b in review.buttons()]
    assert any(label.startswith("💾 Зберегти всі") for label in labels)
    assert "✏️ Змінити" in labels and "✖️ Відкинути" in labels

    mark = len(tg.messages)
    before = review.edits
    tg.click(review, "Зберегти")
    tg.wait_edit(review, before)
    assert "💾 Збережено 6 прогнозів." in review.text  # the "many" form
    assert "Я запитаю тут, коли мине кожен термін." in review.text

    # The deadlines of a 2025 article have passed: the reminder job asks, in the chat's language.
    prompt = tg.wait_for(lambda m: m.chat_id == UK_CHAT and "Термін минув" in m.text, after=mark, timeout=15)
    assert "Це сталося?" in prompt.text and "Donald Trump" in prompt.text
    assert [b["text"] for b in prompt.buttons()][:2] == ["✅ Справдилося", "❌ Не справдилося"]
    before = prompt.edits
    tg.click(prompt, "Справдилося")
    tg.wait_edit(prompt, before)
    assert "✅ справдився — відповідь: Ann" in prompt.text

    stats = tg.reply(UK_CHAT, "/stats", "Рейтинг")
    assert "Усі автори: зроблено 6, оцінено 1" in stats.text

    switched = tg.reply(UK_CHAT, "/settings language ru")
    assert switched.text == "🌐 Теперь я говорю в этом чате по-русски."
    # the chat's command menu follows, for everyone in it whatever their app speaks
    wait_until(lambda: UK_CHAT in tg.commands_by_chat)
    assert {c["command"]: c["description"] for c in tg.commands_by_chat[UK_CHAT]}["list"] == "Открытые прогнозы"
    stats = tg.reply(UK_CHAT, "/stats", "Рейтинг")
    assert "Все авторы: сделано 6, оценено 1" in stats.text
    assert "Прогнозов" not in stats.text and "Усі автори" not in stats.text
    assert "<b>Reading articles</b>" in tg.reply(EN_CHAT, "/help").html  # another chat, the same run: English

    settings = tg.reply(UK_CHAT, "/settings", "Настройки этого чата")
    assert "🌐 Язык: Русский" in settings.text
    before = settings.edits
    tg.click(settings, "🌐")
    tg.wait_edit(settings, before)
    assert [b["text"] for b in settings.buttons()][:3] == ["English", "✅ Русский", "Українська"]
    before = settings.edits
    query = tg.click(settings, "Українська")
    tg.wait_edit(settings, before)
    assert tg.wait_answer(query)["text"] == "Відтепер я розмовляю в цьому чаті українською."
    assert "Налаштування цього чату" in settings.text and "🌐 Мова: Українська" in settings.text
    wait_until(lambda: {c["command"]: c["description"] for c in tg.commands_by_chat[UK_CHAT]}["list"]
               == "Відкриті прогнози")
    assert EN_CHAT not in tg.commands_by_chat  # a chat that never changed its language keeps Telegram's choice

    refused = tg.reply(UK_CHAT, "/settings language de")
    assert "не «de»" in refused.text
    assert tg.errors == []


def test_languages_are_per_chat_and_start_from_the_first_user(tg: FakeTelegram, bot: BotThread) -> None:
    tg.user_languages[UK_CHAT] = "uk"
    tg.user_languages[RU_CHAT] = "ru-RU"  # a regional tag is read as its language
    tg.user_languages[EN_CHAT] = "de"  # not one of ours: English
    assert "Я веду рахунок" in tg.reply(UK_CHAT, "/start").text
    assert "I keep score" in tg.reply(EN_CHAT, "/start").text
    assert "Я веду счёт" in tg.reply(RU_CHAT, "/start").text
    assert "No predictions in this chat yet" in tg.reply(EN_CHAT, "/stats").text
    assert "У цьому чаті поки немає прогнозів" in tg.reply(UK_CHAT, "/stats").text

    # A group speaks the language of the first person who uses the bot there, whoever speaks next.
    tg.user_languages[31] = "uk"
    tg.user_languages[32] = "ru"
    tg.send(GROUP, "Hello everyone, nothing for the bot here", user_id=32)  # chatter decides nothing
    assert "Відкритих прогнозів поки немає" in tg.reply(GROUP, "/list", user_id=31).text
    assert "Відкритих прогнозів поки немає" in tg.reply(GROUP, "/list", user_id=32).text

    # Telegram shows each user the menu and descriptions in their app's language.
    wait_until(lambda: {"", "ru", "uk"} <= set(tg.commands_by_language))
    menus = {code: {c["command"]: c["description"] for c in commands}
             for code, commands in tg.commands_by_language.items()}
    assert menus[""]["list"] == "Open predictions"
    assert menus["ru"]["list"] == "Открытые прогнозы" and menus["uk"]["list"] == "Відкриті прогнози"
    assert set(menus["ru"]) == set(menus["uk"]) == set(menus[""])
    assert tg.descriptions[""].startswith("I keep score") and tg.descriptions["uk"].startswith("Я веду рахунок")
    assert tg.short_descriptions["ru"].startswith("Веду счёт")
    assert tg.errors == []


UK_ARTICLE = """Пєсков: саміт у Будапешті може відбутися протягом двох тижнів

МОСКВА, 17 жовтня. Речник Кремля Дмитро Пєсков заявив, що зустріч Путіна і Трампа в Будапешті \
може відбутися протягом двох тижнів.

Раніше президенти провели телефонну розмову, яка тривала понад дві години."""

RU_ARTICLE = """Песков допустил саммит в Будапеште в ближайшие две недели

МОСКВА, 17 октября. /ТАСС/. Пресс-секретарь Кремля Дмитрий Песков заявил, что встреча Путина и Трампа \
в Будапеште, вероятно, состоится в ближайшие две недели.

Накануне президенты провели телефонный разговор."""


def test_ukrainian_and_russian_articles_are_read_in_their_own_language(tg: FakeTelegram, bot: BotThread) -> None:
    tg.user_languages[UK_CHAT] = "uk"
    review = tg.reply(UK_CHAT, "/ingest 2025-10-17\n" + UK_ARTICLE, "про майбутнє")
    assert "Дмитро Пєсков" in review.text  # the speaker in the nominative, as extracted
    assert "саміт" in review.text.lower() or "зустріч" in review.text.lower()  # the statement in Ukrainian
    assert "31 жовт. 2025" in review.text  # within two weeks of 17 Oct, in Ukrainian
    assert "телефонну розмову" not in review.text  # a past fact is not a claim
    assert "1 заява про майбутнє" in review.text  # the headline and the lead say one thing: one claim

    tg.user_languages[RU_CHAT] = "ru"
    review = tg.reply(RU_CHAT, "/ingest 2025-10-17\n" + RU_ARTICLE, "о будущем")
    assert "Дмитрий Песков" in review.text
    assert "31 окт. 2025" in review.text
    assert "70%" in review.text  # "вероятно": likely

    # /add understands a Ukrainian deadline, as the hint in Ukrainian suggests
    added = tg.reply(UK_CHAT, "/add Зеленський: Україна отримає ракети до кінця року", "Україна отримає ракети")
    assert "Зеленський" in added.text and "Україна отримає ракети" in added.text
    assert f"31 груд. {date.today().year} р. (до кінця року) · 85%" in added.text  # this year's end; "will"
    assert tg.errors == []
