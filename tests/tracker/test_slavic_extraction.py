"""Russian and Ukrainian extraction (issue 17): language detection, the seed story's claims, deadlines,
forward-looking from morphology, speakers in the nominative."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction.pipeline import extract
from tracker.extraction.slavic.deadlines import parse_deadline_phrase
from tracker.language import detect, readable

PUB = date(2025, 10, 17)


def test_detect_tells_the_three_languages_and_refuses_other_scripts() -> None:
    assert detect("Peskov said the summit could take place within two weeks.") == "en"
    assert detect("Песков заявил, что саммит может пройти в ближайшие две недели.") == "ru"
    assert detect("Пєсков заявив, що саміт може відбутися найближчими тижнями.") == "uk"
    assert detect("Саміт у Будапешті") == "uk"  # і decides a headline
    assert detect("Встреча в Будапеште") == "ru"
    assert detect("Ο πρωθυπουργός δήλωσε ότι η σύνοδος θα γίνει σύντομα.") is None
    assert detect("قال الرئيس إن القمة ستعقد قريبا") is None
    assert readable("Зеленський: саміт відбудеться") and not readable("Η σύνοδος θα γίνει σύντομα")
    assert readable("") and readable("12345 ...")


def test_peskov_expects_the_budapest_summit_within_two_weeks() -> None:
    text = ("Песков рассказал о подготовке встречи Путина и Трампа\n\n"
            "МОСКВА, 17 октября. /ТАСС/. Россия и США могут провести саммит в Будапеште в ближайшие две недели, "
            "заявил журналистам пресс-секретарь Кремля Дмитрий Песков.\n\n"
            "По словам Пескова, министры иностранных дел проведут телефонный разговор в ближайшие дни.")
    claims = extract(text, PUB)
    summit = next(c for c in claims if "саммит в Будапеште" in c.statement)
    assert summit.speaker == "Дмитрий Песков"
    assert summit.deadline == "2025-10-31" and not summit.vague
    assert summit.confidence == pytest.approx(0.40)  # "могут": could
    call = next(c for c in claims if "телефонный разговор" in c.statement)
    assert call.speaker == "Дмитрий Песков"  # "Пескова" → the full name met earlier
    assert call.deadline == "2025-10-27" and call.vague


def test_ukrainian_equivalent_is_peskovs_and_due_in_two_weeks() -> None:
    text = ("КИЇВ, 17 жовтня. Речник Кремля Дмитро Пєсков заявив, що саміт у Будапешті відбудеться протягом "
            "двох тижнів.\n\nЗа словами Пєскова, Росія найближчим часом оголосить склад делегації.")
    claims = extract(text, PUB)
    summit = next(c for c in claims if "саміт у Будапешті" in c.statement)
    assert summit.speaker == "Дмитро Пєсков"
    assert summit.deadline == "2025-10-31" and not summit.vague
    delegation = next(c for c in claims if "склад делегації" in c.statement)
    assert delegation.speaker == "Дмитро Пєсков" and delegation.vague and delegation.deadline == "2026-01-15"


def test_inflected_names_come_out_in_the_nominative() -> None:
    text = ("Президент Владимир Зеленский встретился с Мартой Ковальчук.\n\n"
            "По словам Зеленского, Украина подпишет соглашение до конца года.")
    (claim,) = extract(text, PUB)
    assert claim.speaker == "Владимир Зеленский"
    uk = extract("Глава МЗС Андрій Сибіга заявив, що Україна підпише угоду до 1 грудня.", PUB)
    assert uk[0].speaker == "Андрій Сибіга" and uk[0].deadline == "2025-12-01"
    label = extract("🔹 Зеленський: наступного тижня відбудеться засідання Ради.", PUB)
    assert label[0].speaker == "Зеленський" and label[0].deadline == "2025-10-26"


def test_past_and_present_facts_questions_and_footers_are_not_claims() -> None:
    text = ("⚡️ Главное\n\n🔹 Вчера Центробанк повысил ставку до 16%.\n\n"
            "🔹 Бекетов отказался сообщить, будут ли переброшены резервы.\n\n"
            "🔹 Тогдашний мэр обещал, что мост откроют к 2020 году.\n\n"
            "🔹 Сможет ли бюджет выдержать такие расходы?\n\n#новости #экономика\n\nПодписаться | Прислать новость")
    assert extract(text, PUB) == []
    assert extract("Торік уряд відремонтував 80 кілометрів доріг. Чи подорожчає проїзд?", PUB) == []


def test_forward_looking_forms_from_morphology() -> None:
    forms = {
        "Минфин проведет аукцион в пятницу.": "2025-10-24",
        "Компания будет выплачивать дивиденды в 2026 году.": "2026-12-31",
        "Ведомство планирует запустить сервис в декабре.": "2025-12-31",
        "Уряд підпише угоду у грудні.": "2025-12-31",
        "Укренерго застосовуватиме графіки до кінця місяця.": "2025-10-31",
        "Міністр не виключив, що переговори відновляться наступного тижня.": "2025-10-26",
        "Опалювальний сезон стартує не пізніше 15 листопада.": "2025-11-15",
    }
    for text, due in forms.items():
        claims = extract(text, PUB)
        assert len(claims) == 1 and claims[0].deadline == due, (text, claims)


@pytest.mark.parametrize(("lang", "phrase", "due", "vague"), [
    ("ru", "в течение двух недель", "2025-10-31", False),
    ("ru", "в ближайшие две недели", "2025-10-31", False),
    ("ru", "до конца года", "2025-12-31", False),
    ("ru", "в ближайшее время", "2026-01-15", True),
    ("ru", "в ближайшие дни", "2025-10-27", True),
    ("ru", "в ближайшие недели", "2025-11-28", True),
    ("ru", "скоро", "2025-11-16", True),
    ("ru", "на следующей неделе", "2025-10-26", False),
    ("ru", "в декабре", "2025-12-31", False),
    ("ru", "до 1 декабря", "2025-12-01", False),
    ("ru", "к весне", "2026-03-01", False),
    ("ru", "в третьем квартале", "2026-09-30", False),
    ("ru", "в середине ноября", "2025-11-15", False),
    ("ru", "в пятницу", "2025-10-24", False),
    ("ru", "в 2027 году", "2027-12-31", False),
    ("ru", "завтра", "2025-10-18", False),
    ("ru", "в течение трёх месяцев", "2026-01-17", False),
    ("uk", "протягом двох тижнів", "2025-10-31", False),
    ("uk", "найближчим часом", "2026-01-15", True),
    ("uk", "найближчими днями", "2025-10-27", True),
    ("uk", "незабаром", "2025-11-16", True),
    ("uk", "наступного тижня", "2025-10-26", False),
    ("uk", "у грудні", "2025-12-31", False),
    ("uk", "до 1 грудня", "2025-12-01", False),
    ("uk", "до кінця року", "2025-12-31", False),
    ("uk", "протягом тижня", "2025-10-24", False),
    ("uk", "наприкінці листопада", "2025-11-30", False),
    ("uk", "у п'ятницю", "2025-10-24", False),
    ("uk", "через п’ять років", "2030-10-17", False),
    ("uk", "Компанія збільшить виробництво.", "2026-04-15", True),
])
def test_deadline_phrases(lang: str, phrase: str, due: str, vague: bool) -> None:
    got = parse_deadline_phrase(phrase, PUB, lang)
    assert (got.date.isoformat(), got.vague) == (due, vague)


def test_english_is_not_sent_to_the_slavic_rules() -> None:
    claims = extract("The minister said the bridge will open by the end of the year.", PUB)
    assert claims and claims[0].deadline == "2025-12-31"


@pytest.mark.parametrize(("text", "speaker"), [
    # a surname with a plural first-name reading ("Петры", "Силуаны") keeps its first name and its form
    ("Как отметил министр финансов Антон Силуанов, бюджет будет исполнен без дефицита до конца года.",
     "Антон Силуанов"),
    ("«Мы проведем выборы в срок», — подчеркнул губернатор области Иван Петров.", "Иван Петров"),
    # a first name in the genitive goes back to the nominative with its surname
    ("По мнению главы ЦБ Эльвиры Набиуллиной, инфляция замедлится в следующем году.", "Эльвира Набиуллина"),
    # a first name the Ukrainian dictionary knows only as a city
    ("Президент Володимир Зеленський припустив, що зустріч може відбутися в грудні.", "Володимир Зеленський"),
    ("Переговори продовжаться наступного тижня. Про це журналістам повідомив Андрій Сибіга.", "Андрій Сибіга"),
    # "Рада" is a first name too; the name starts at the first name a surname follows
    ("Депутат Верховної Ради Олег Дунда впевнений, що закон ухвалять до кінця року.", "Олег Дунда"),
    # a surname that is also a place, after a first name; a conviction frames the claim
    ("Губернатор Анна Котова убеждена, что мост откроют в декабре.", "Анна Котова"),
    ("Депутат Госдумы Алексей Журавлев уверен, что закон примут в весеннюю сессию.", "Алексей Журавлев"),
    # an organisation in an oblique case, in the nominative
    ("В Минфине сообщили, что новые облигации разместят в ноябре.", "Минфин"),
    ("Синоптики Гидрометцентра прогнозируют, что морозы придут на следующей неделе.", "Гидрометцентр"),
    ("Як повідомили в пресслужбі Міноборони, нові системи ППО надійдуть до військ до кінця року.", "Міноборони"),
    ("Как сообщили в пресс-службе Газпрома, новый газопровод запустят в 2027 году.", "Газпром"),
    # a full name wins over an unknown capitalised word before it; "припустив" frames like "допустил"
    ("Глава Офису президента Андрій Єрмак наголосив, що Україна отримає ППО до зими.", "Андрій Єрмак"),
    ("Речник Повітряних сил Юрій Ігнат припустив, що атаки посиляться найближчими тижнями.", "Юрій Ігнат"),
])
def test_speaker_names_in_the_nominative(text: str, speaker: str) -> None:
    claims = extract(text, PUB)
    assert [c.speaker for c in claims] == [speaker]


def test_a_headline_repeated_in_the_lead_is_one_claim() -> None:
    text = ("Пєсков: саміт у Будапешті може відбутися протягом двох тижнів\n\n"
            "Речник Кремля Дмитро Пєсков заявив, що зустріч Путіна і Трампа в Будапешті може відбутися протягом "
            "двох тижнів.")
    claims = extract(text, PUB)
    assert len(claims) == 1 and "зустріч Путіна і Трампа" in claims[0].statement  # the fuller wording
    assert claims[0].speaker == "Дмитро Пєсков" and claims[0].deadline == "2025-10-31"


def test_typed_russian_and_ukrainian_deadlines_and_hedges() -> None:
    """/add, an edited deadline and a CSV row read Russian and Ukrainian time phrases too."""
    from tracker.extraction.typed import parse_typed_deadline as typed
    from tracker.manual import parse_manual

    entry = parse_manual("Песков: саммит в Будапеште, вероятно, состоится в ближайшие две недели", PUB)
    assert (entry.speaker, entry.statement, entry.deadline.date.isoformat(), entry.confidence) == \
        ("Песков", "саммит в Будапеште, вероятно, состоится", "2025-10-31", 0.7)
    entry = parse_manual("Зеленський: Україна отримає ракети до кінця року", PUB)
    assert (entry.statement, entry.deadline.date.isoformat(), entry.confidence) == \
        ("Україна отримає ракети", "2025-12-31", 0.85)
    assert typed("через 2 недели", PUB).date.isoformat() == "2025-10-31"  # type: ignore[union-attr]
    assert typed("до кінця березня", PUB).date.isoformat() == "2026-03-31"  # type: ignore[union-attr]
    assert typed("абракадабра", PUB) is None
