"""The evidence matcher's reading of a later article (tracker/matching.py): figures against a claim's target,
and an article that still looks forward to the event ranked under one that reports it."""

from __future__ import annotations

from datetime import date

from tracker.matching import DEFAULT, LaterArticle, OpenClaim, _figures_verdict, _outcome


def test_a_figure_against_the_claims_target() -> None:
    claim = "Valdorian inflation will fall below 3% by the end of the year"
    assert _figures_verdict("Inflation ended the year at 3.4 percent, the statistics office said.", claim,
                            near_deadline=True) == "not_fulfilled"
    assert _figures_verdict("Annual inflation slowed to 2.6% in December.", claim, True) == "fulfilled"
    # short of the target long before the deadline says nothing yet
    assert _figures_verdict("Inflation ended the month at 3.4 percent.", claim, near_deadline=False) is None
    # a forecast, another quantity, another unit
    assert _figures_verdict("Economists said inflation could dip below 2 percent next year.", claim, True) is None
    assert _figures_verdict("Wage growth slowed to 2.1 percent.", claim, True) is None
    assert _figures_verdict("Inflation cost households 300 million.", claim, True) is None


def test_a_level_to_reach_and_a_figure_beyond_it() -> None:
    assert _figures_verdict("The central bank cut its key rate to 4 percent on Thursday.",
                            "The central bank will cut its key rate to 4%", True) == "fulfilled"
    assert _figures_verdict("Sales reached 6 million units in the year.",
                            "The company's yearly sales will reach 5 million units", True) == "fulfilled"
    assert _figures_verdict("Joblessness rose to 7.5 percent; the unemployment rate is at 7.5 percent.",
                            "The unemployment rate will fall below 7%", True) == "not_fulfilled"


def test_the_figure_decides_before_the_words() -> None:
    # "fell" reads as a completed event, but 3.2% is not below 3%
    assert _outcome("The deficit fell to 3.2 percent of GDP last year.",
                    "The budget deficit will fall below 3% of GDP in 2025", near_deadline=True) == "not_fulfilled"


def _claim(i: int, statement: str) -> OpenClaim:
    return OpenClaim(i, "Mirela Kostadin", statement, date(2026, 1, 10), date(2026, 3, 31))


def test_an_article_still_looking_forward_is_not_a_settling_one() -> None:
    claim = [_claim(1, "Dravonia and Kestria will sign a free trade agreement by the end of March")]
    ahead = LaterArticle("Dravonia and Kestria are due to sign a free trade agreement next week, Prime Minister "
                         "Mirela Kostadin said on Monday. Negotiators hope the talks will wrap up soon, and "
                         "officials expect the deal could be ratified by summer.", date(2026, 3, 20))
    done = LaterArticle("Dravonia and Kestria signed a free trade agreement on Wednesday, Prime Minister Mirela "
                        "Kostadin said, ending six years of talks. The pact removes tariffs on most goods.",
                        date(2026, 3, 20))
    forward = DEFAULT.match(claim, ahead, floor=0.0)
    settled = DEFAULT.match(claim, done)
    assert settled and settled[0].claim_id == 1 and settled[0].outcome == "fulfilled"
    assert "signed a free trade agreement" in settled[0].quote
    assert forward and forward[0].outcome is None  # at most "related": nothing says what became of it
    assert forward[0].score < settled[0].score - 0.1


def test_a_contest_read_from_who_beat_whom() -> None:
    claim = "FC Lindholm will win the national cup final on Saturday"
    assert _outcome("Vestra IF beat FC Lindholm 2-1 after extra time to win the national cup on Saturday.",
                    claim, near_deadline=True) == "not_fulfilled"
    assert _outcome("FC Lindholm won the national cup on Saturday, beating Vestra 2-1.", claim, True) == "fulfilled"
    assert _outcome("Bucharest Mayor Nicusor Dan will be president after defeating nationalist George Simion.",
                    "George Simion will win Romania's presidential run-off", True) == "not_fulfilled"
    assert _outcome("Vestra IF beat FC Lindholm 2-1.", "FC Lindholm will not win the cup", True) == "fulfilled"


def test_a_delay_on_the_way_does_not_outweigh_what_happened() -> None:
    claim = "Kestria and Marovia will sign a ceasefire agreement by mid-April"
    assert _outcome("The two sides signed the agreement on Wednesday after talks stalled twice.", claim,
                    near_deadline=True) == "fulfilled"
    assert _outcome("Talks on the agreement stalled again on Wednesday.", claim, near_deadline=True) == "not_fulfilled"
    assert _outcome("Talks on the agreement stalled again on Wednesday.", claim, near_deadline=False) is None
    assert _outcome("The signing was called off on Wednesday.", claim, near_deadline=False) == "not_fulfilled"


def test_a_count_against_the_claims_number() -> None:
    claim = "Orvel Motors will deliver 250,000 cars to customers in 2025"
    assert _figures_verdict("Orvel Motors handed 212,300 cars to buyers last year.", claim, True) == "not_fulfilled"
    assert _figures_verdict("Orvel Motors handed 251,040 cars to buyers last year.", claim, True) == "fulfilled"
    # another thing counted, or nobody's count
    assert _figures_verdict("Orvel Motors recalled 3,100 trucks.", claim, True) is None
    assert _figures_verdict("Rivals sold 300,000 cars.", claim, True) is None


def test_a_years_figure_is_final_once_the_year_is_over() -> None:
    claim = [OpenClaim(1, "Ilse Varga", "Dravonia's economy will grow by at least 2 percent in 2025",
                       date(2025, 3, 1), date(2026, 3, 31))]
    article = LaterArticle("Dravonia's output expanded by just 1.3 percent last year, the statistics office said "
                           "on Monday, well short of the government's forecast.", date(2026, 2, 2))
    found = DEFAULT.match(claim, article, floor=0.0)
    assert found and found[0].outcome == "not_fulfilled"  # two months before the deadline, the year is over


def test_anothers_failure_beside_the_claims_success() -> None:
    claim = "Samuel Oduya will join a Bundesliga club in the January transfer window"
    assert _outcome("Striker Samuel Oduya joined Bundesliga side Hanse Bremen on Tuesday, five months after a move "
                    "to Lisbon fell through.", claim, near_deadline=True) == "fulfilled"
    assert _outcome("Samuel Oduya's move to Hanse Bremen fell through on Tuesday.", claim, True) == "not_fulfilled"


def test_a_channel_posts_hashtags_are_not_a_sentence() -> None:
    claim = [OpenClaim(1, "Halina Roth", "Prime Minister Halina Roth will call a snap election for March",
                       date(2026, 1, 5), date(2026, 3, 31))]
    post = LaterArticle("🗳 Roth rules out early vote: the election stays in autumn.\n\n#Politics #Roth #Elections",
                        date(2026, 2, 10))
    assert all("#" not in m.quote for m in DEFAULT.match(claim, post, floor=0.0))


def test_an_election_won_by_someone_else() -> None:
    claim = "Ana Petrescu will be elected leader of the Liberal Party at the May congress"
    assert _outcome("Radu Ionescu won on Saturday with 301 delegate votes to 254 for Ana Petrescu.", claim,
                    True) == "not_fulfilled"
    assert _outcome("Ana Petrescu was elected party leader on Saturday with 301 votes.", claim, True) == "fulfilled"


def test_figures_in_percentage_points_and_growth_by_another_name() -> None:
    drug = "Veltrix will lower HbA1c by at least 1.2 percentage points in its Phase 3 trial"
    assert _figures_verdict("Patients saw their HbA1c fall by 0.7 percentage points after 40 weeks.", drug,
                            True) == "not_fulfilled"
    growth = "Lomaria's GDP growth for 2025 will exceed 2%"
    assert _figures_verdict("Lomaria's economy grew 1.6% in 2025.", growth, True) == "not_fulfilled"
    assert _outcome("The drug lowered blood sugar less than hoped in the pivotal trial.",
                    "Veltrix will lower blood sugar in its Phase 3 trial", True) == "not_fulfilled"


def test_a_forecast_and_a_delay_into_a_month() -> None:
    assert _outcome("Analysts now see Orvel shipping around 4 million phones this year.",
                    "Orvel will ship more than 5 million phones this year", False) is None
    reservoir = "The Selva reservoir will begin filling by the end of March"
    assert _outcome("A last-minute inspection of the spillway pushed it into April.", reservoir,
                    True) == "not_fulfilled"
    # a delay that is only the talks' ("stalled contract talks") does not outweigh the move completed
    assert _outcome("Obiri, stuck in stalled contract talks since October, completed his move to Sereno.",
                    "Kenji Obiri will leave Riverside United before the window closes", True) == "fulfilled"


def test_russian_and_ukrainian_articles_settle_claims_in_their_language() -> None:
    summit = [OpenClaim(1, "Дональд Трамп", "Трамп и Путин проведут саммит в Будапеште в течение двух недель",
                        date(2025, 10, 16), date(2025, 10, 31)),
              OpenClaim(2, "Кир Стармер", "Великобритания введёт новые санкции против российских банков до конца года",
                        date(2025, 10, 1), date(2025, 12, 31))]
    shelved = LaterArticle("ВАШИНГТОН, 21 октября. Запланированная встреча Трампа и Путина в Будапеште отложена на "
                           "неопределённый срок, заявил представитель Белого дома.", date(2025, 10, 21),
                           "Саммит в Будапеште отложен")
    found = DEFAULT.match(summit, shelved)
    assert [(m.claim_id, m.outcome) for m in found] == [(1, "not_fulfilled")]  # «Трампа», «Путина»: one name
    jets = [OpenClaim(1, "Володимир Зеленський", "Україна отримає перші літаки F-16 до кінця літа",
                      date(2025, 3, 1), date(2025, 8, 31))]
    arrived = LaterArticle("КИЇВ, 20 серпня. Перші винищувачі F-16 прибули в Україну, повідомив Зеленський у своєму "
                           "зверненні.", date(2025, 8, 20))
    found = DEFAULT.match(jets, arrived)
    assert found and found[0].outcome == "fulfilled"
    # "at least ten" is no negation; a figure against a Russian target
    assert _figures_verdict("Годовая инфляция по итогам декабря составила 31%.",
                            "Годовая инфляция в Турции опустится ниже 25% к концу 2025 года", True) == "not_fulfilled"
    assert _outcome("Собянин открыл 12 новых станций метро.", "В 2026 году в Москве откроют не менее десяти новых "
                    "станций метро", True) == "fulfilled"
