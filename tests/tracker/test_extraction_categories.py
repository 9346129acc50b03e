"""One test per failure category of the extraction issue: speakers, deadlines, what is and is not a
claim, and hedges. Examples are written for these tests (not taken from any evaluation set)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction.claims import Claim
from tracker.extraction.deadlines import parse_deadline_phrase
from tracker.extraction.pipeline import extract

PUB = date(2026, 3, 10)  # a Tuesday


def one(text: str, published: date = PUB) -> Claim:
    claims = extract(text, published)
    assert len(claims) == 1, [c.statement for c in claims]
    return claims[0]


def about(text: str, words: str, published: date = PUB) -> Claim:
    claims = extract(text, published)
    found = [c for c in claims if words in c.statement]
    assert found, [c.statement for c in claims]
    return found[0]


# ------------------------------------------------------------------ speakers
def test_name_colon_lines_in_channel_posts_and_headlines() -> None:
    claim = one("🔴 Finance minister Lena Ortiz: the budget will pass next week")
    assert claim.speaker == "Lena Ortiz" and claim.statement == "the budget will pass next week"
    assert claim.deadline == "2026-03-22"  # the Sunday that ends next week


def test_transcript_answers_belong_to_the_interviewee() -> None:
    text = ("In an interview, Finance Minister Lena Ortiz spoke about the budget and about her rival, "
            "Paul Kim.\n\nQ: Paul Kim says the budget will fail. Will it pass?\n\n"
            "A: I think the budget will pass next week.\n\nQ: And taxes?\n\nA: We will cut them in the spring.")
    claims = extract(text, PUB)
    assert [c.speaker for c in claims] == ["Lena Ortiz", "Lena Ortiz"]
    assert not any("fail" in c.statement for c in claims)  # the interviewer's question is no claim


def test_transcript_questions_never_name_the_speaker() -> None:
    text = ("Tran Van Minh Chau, Vietnam's deputy trade minister, spoke to our correspondent.\n\n"
            "Q: Will Vietnam retaliate?\n\nA: No. We will sign the agreement in June, and talks with "
            "Mercosur should open in the spring.\n\nQ: Will Harbour Growers sue?\n\nA: They may sue next year.")
    claims = extract(text, PUB)
    assert [c.speaker for c in claims] == ["Tran Van Minh Chau"] * len(claims) and len(claims) == 3


def test_unnamed_groups_and_places_are_not_speakers() -> None:
    assert one("Officials said the bridge would reopen in May.").speaker is None
    assert one("Analysts expect the central bank to cut rates next month.").speaker is None
    joint = one("Oman and the United Arab Emirates agreed on Monday to link their grids by 2027, officials said.")
    assert joint.speaker is None and joint.deadline == "2027-12-31"
    history = extract("Engineers had warned in 2020 that the pylons would need to be reinforced.", PUB)
    assert history == []


def test_pronouns_follow_the_person_the_text_is_about() -> None:
    text = ("Health Minister Aminata Sarr spoke at Blaise Diagne airport. Dr Ousmane Ba, who heads the malaria "
            "programme, said the campaign would start in June. He said the programme would also distribute nets "
            "by the end of May.")
    assert about(text, "distribute nets").speaker == "Ousmane Ba"  # gender unknown, but the one in view
    quote = ("Banda's campaign manager, Felix Tembo, dismissed the poll. \"The president will win in August, as he "
             "did before,\" he told reporters.")
    assert about(quote, "will win").speaker == "Felix Tembo"  # not the president the quote names
    answer = ("The Polish minister, Agnieszka Nowak, was asked about the winter. Her answer: \"Storage is full. "
              "We expect to reach 90 percent by 1 November.\"")
    assert about(answer, "90 percent").speaker == "Agnieszka Nowak"


def test_speakers_are_names_not_descriptions() -> None:
    text = ("Sahaab Space will launch its first satellite in March, its chairman, Fatima Al-Hashimi, said. "
            "Their chairman also said a second launch would follow in 2027.")
    assert about(text, "second launch").speaker == "Fatima Al-Hashimi"
    centre = one("Saudi Arabia's National Centre for Locust Control said swarms would reach Oman within weeks.")
    assert centre.speaker == "National Centre for Locust Control"
    label = about("Aruzhan Temirova, 19, spoke to us in Almaty.\n\nCHESS WEEKLY: What next?\n\n"
                  "TEMIROVA: I will play the Grand Swiss in October.", "Grand Swiss")
    assert label.speaker == "Aruzhan Temirova"


def test_a_pronoun_frame_refers_back_from_where_it_stands() -> None:
    text = ("Romania coach Eugen Pirvu admitted his team were underdogs. \"We will prove them wrong on Sunday,\" he "
            "said. He added that flanker Radu Ionescu was unlikely to be fit for the final.")
    assert about(text, "unlikely").speaker == "Eugen Pirvu"
    oped = extract("By Dilnoza Yusupova\n\nMy forecast is simple: by 2025, Uzbekistan will import more gas than it "
                   "exports. Some of my colleagues argue that migration will keep demand strong.", PUB)
    assert [c.speaker for c in oped] == ["Dilnoza Yusupova", None]


def test_names_with_commas_honorifics_and_roles_after_them() -> None:
    meti = one("Japan's Ministry of Economy, Trade and Industry (METI) said on Sunday it would add 14 categories to "
               "its export control list from 1 April.")
    assert meti.speaker == "Ministry of Economy, Trade and Industry"
    doctor = one('"We will submit the data within three months," said Dr. Farzana Haque, the institute\'s director.')
    assert doctor.speaker == "Farzana Haque"
    minister = one('"Every municipality will report within six months," said Gurpreet Sandhu, Minister of Housing '
                   'and Municipal Affairs.')
    assert minister.speaker == "Gurpreet Sandhu"
    debut = one("Sri Lanka will hand a Test debut to spinner Dunith Perera on Wednesday, captain Ruwan Silva said.")
    assert "Test debut to spinner" in debut.statement and debut.speaker == "Ruwan Silva"


def test_a_statement_speaks_for_the_body_that_issues_it() -> None:
    text = ("Statement by the Ministry of Health of the Republic of Estonia\n\nTallinn, 19 August 2026\n\n"
            "1. The guaranteed price for vaccines will rise from 1 October.\n"
            "2. The new system will replace the current platform no later than 1 March 2027.\n\n"
            "Analysts said prices would fall next year.")
    claims = extract(text, date(2026, 8, 19))
    assert [c.speaker for c in claims] == ["Ministry of Health", "Ministry of Health", None]


def test_nested_reports_under_an_unnamed_reporter_are_news() -> None:
    text = ("Education Secretary Carys Meredith visited the campus on Monday. A member of the Senedd said on Tuesday "
            "that Wales's education secretary had personally assured him that the campus would stay open for "
            "another five years.")
    assert about(text, "stay open").speaker == "Carys Meredith"
    post = about("🔹 State utilities exco Chong Mei Fen on her Facebook page: \"Tankers will be stationed in all "
                 "14 areas by Friday.\"", "Tankers")
    assert post.speaker == "Chong Mei Fen"


def test_the_interviewer_is_not_the_interviewee() -> None:
    text = ("Wang Xiulan has run Jade River Batteries since 2021. She spoke to our correspondent Tomasz Nowak on "
            "Monday.\n\nQ: How is demand?\n\nA: Our second plant will start production in the third quarter. "
            "Our partner Nguyen Thi Hoa will assemble packs for us from 1 January.")
    claims = extract(text, PUB)
    assert [c.speaker for c in claims] == ["Wang Xiulan", "Wang Xiulan"]
    assert "Nguyen Thi Hoa" in claims[1].statement


def test_forwarded_lines_belong_to_their_source() -> None:
    text = ("⚡️ Energy Daily | evening\n\nForwarded from GridWest Dispatch:\n❗️ Power will be supplied around the "
            "clock on 1 April.\n\n🔸 Our sources say a new outage schedule may be published next week.")
    claims = extract(text, PUB)
    assert [c.speaker for c in claims] == ["GridWest Dispatch", "Energy Daily"]


def test_surname_labels_in_transcripts() -> None:
    claim = about("Mayor Tom Reyes spoke to the council.\n\nREYES: The bridge will reopen by Friday.", "bridge")
    assert claim.speaker == "Tom Reyes" and claim.deadline == "2026-03-13"


def test_frames_with_something_after_them() -> None:
    text = ("Mayor Jane Holt spoke on Monday. The new line will open in May, the mayor told reporters, adding that "
            "funding was secured.")
    assert about(text, "new line").speaker == "Jane Holt"
    unnamed = one("A ceasefire could be announced within days, according to two officials familiar with the talks.")
    assert unnamed.speaker is None
    chair = one("The committee will publish its report by June, said Mark Dunn, who chairs the committee.")
    assert chair.speaker == "Mark Dunn" and "Dunn" not in chair.statement


def test_attribution_after_an_appositive_is_not_part_of_the_statement() -> None:
    claim = one("Supplies of the syrup will return to normal by Christmas, its largest manufacturer, "
                "Farmaco Brenta, said on Monday.")
    assert claim.speaker == "Farmaco Brenta"
    assert claim.statement == "Supplies of the syrup will return to normal by Christmas"


def test_nested_belief_is_the_speakers_own() -> None:
    claim = one("Lena Ortiz said she doubted the talks would conclude before the summer.")
    assert claim.speaker == "Lena Ortiz" and claim.statement == "the talks would conclude before the summer"


def test_nested_report_records_the_innermost_source_with_the_reporter() -> None:
    claim = one("Senator Paul Kim said President Maria Vance had assured him the base would remain open until 2030.")
    assert claim.speaker == "Maria Vance" and claim.co_speakers == ["Paul Kim"]
    assert claim.statement == "the base would remain open until 2030"


def test_pronouns_agree_in_gender_across_paragraphs() -> None:
    text = ("Defence Minister Anna Berg visited the front with General Piotr Nowak.\n\n"
            "The next day, she wrote on Telegram that the new brigade would be ready by May.")
    assert one(text).speaker == "Anna Berg"


def test_a_quote_continued_in_the_next_sentence_keeps_its_speaker() -> None:
    text = ('Striker Leo Mart was upbeat. "My goal is the title," he said. "We will win it before Easter.')
    assert one(text).speaker == "Leo Mart"


@pytest.mark.parametrize("text", [
    "Prices will rise next year.", "The bill will pass in April.", "Ukraine will receive the jets in the summer.",
    "Congress will vote next week.", "Seoul will host the summit in 2027.",
    "The World Health Organization is expected to update its guidance in due course.",
])
def test_things_places_and_legislatures_are_not_speakers(text: str) -> None:
    assert one(text).speaker is None


def test_wire_style_without_that() -> None:
    claim = one("Airbus said on Tuesday it expects to restart deliveries in the third quarter.")
    assert claim.speaker == "Airbus" and claim.deadline == "2026-09-30"
    assert "Tuesday" not in claim.statement


def test_titles_and_roles_are_stripped_and_kept_as_aliases() -> None:
    text = ("Russian President Vladimir Putin spoke by phone. The Russian president said the talks would resume "
            "next month.")
    claim = one(text)
    assert claim.speaker == "Vladimir Putin"
    assert any("Russian President" in alias for alias in claim.speaker_aliases)
    assert one("Treasurer Amira Haddad said the deficit would halve by 2028.").speaker == "Amira Haddad"
    assert one("Carmaker Volta vowed on Tuesday to double output by 2028.").speaker == "Volta"


def test_organisations_are_named_and_referred_back_to() -> None:
    text = ("The Ministry of Transport published new rules on Monday. The ministry will review them by June, "
            "it said.")
    assert one(text).speaker == "Ministry of Transport"
    assert one("Analysts at Holm Bank said the shares would re-rate within weeks.").speaker == "Holm Bank"
    assert one("The company expects sales of $5 billion before 2027.").speaker is None  # no company named


# ------------------------------------------------------------------ deadlines
@pytest.mark.parametrize(("phrase", "published", "expected"), [
    ("from 1 March", "2026-02-10", "2026-03-01"),
    ("next summer", "2024-08-16", "2025-08-31"),
    ("in the spring of next year", "2026-03-10", "2027-05-31"),
    ("before 2027", "2026-03-10", "2026-12-31"),
    ("third-quarter", "2026-03-10", "2026-09-30"),
    ("the September quarter", "2026-03-10", "2026-09-30"),
    ("in H1 2027", "2026-12-31", "2027-06-30"),
    ("within 60 days of the law taking effect on 1 July", "2026-03-10", "2026-08-30"),
    ("within three weeks of the referendum on 9 May", "2026-03-10", "2026-05-30"),
    ("ten days from Friday", "2026-03-10", "2026-03-23"),
    ("in the next 72 hours", "2026-03-10", "2026-03-13"),
    ("within 21 days", "2024-02-29", "2024-03-21"),
    ("a year from now", "2024-02-29", "2025-02-28"),
    ("over the next decade", "2024-02-29", "2034-02-28"),
])
def test_deadline_phrases(phrase: str, published: str, expected: str) -> None:
    got = parse_deadline_phrase(phrase, date.fromisoformat(published))
    assert got is not None and got.date.isoformat() == expected and not got.vague


def test_fiscal_years_end_when_the_text_says() -> None:
    claim = one("Infosol said it aims to double cloud revenue by fiscal 2028, which ends in March 2028.", date(2025, 6, 12))
    assert claim.deadline == "2028-03-31"
    claim = one("Halvard said its fiscal year ends in June and that it expects profit to rise in fiscal 2027.")
    assert claim.deadline == "2027-06-30"


def test_the_end_of_the_next_fiscal_year_is_a_year_later() -> None:
    from tracker.extraction.deadlines import find_deadlines

    text = ("Halvard, whose fiscal year ends on June 30, will repay the loan by the end of next fiscal year "
            "and hire 50 staff by the end of the fiscal year.")
    found = {d.text: d.date.isoformat() for d in find_deadlines(text, PUB, (6, 30))}
    assert found["by the end of the fiscal year"] == "2026-06-30"
    assert found["by the end of next fiscal year"] == "2027-06-30"


def test_a_past_month_in_the_same_sentence_is_not_the_deadline() -> None:
    claim = about("The bank now expects growth of 2% this year, up from the forecast it gave in May.", "growth",
                  date(2026, 10, 10))
    assert claim.deadline == "2026-12-31"


def test_times_of_speech_and_past_events_are_never_deadlines() -> None:
    claim = one("The minister, appointed on Thursday, said on Wednesday the plan will be ready soon.")
    assert claim.vague and claim.deadline == "2026-04-09"
    claim = one('"This group will be in the grand final," the coach told club media this week.')
    assert claim.deadline_text == ""


def test_a_deadline_relative_to_an_event_dated_elsewhere_in_the_text() -> None:
    text = ("ECOWAS will hold an emergency summit in Abuja on March 20. Its president said leaders would "
            "consider a standby force at the summit.")
    assert about(text, "standby force").deadline == "2026-03-20"


def test_an_event_without_a_date_gets_the_vague_default() -> None:
    claim = one("The opposition will scrap the levy within 100 days of taking office, its leader said.")
    assert claim.vague and claim.deadline == "2026-09-06"


# ------------------------------------------------------------------ claims found and not found
@pytest.mark.parametrize(("text", "words"), [
    ('Coach Ana Silva said: "I\'ll name the squad on Friday."', "name the squad"),
    ("The airline would need to repay the loan by the end of March, the regulator said.", "repay the loan"),
    ("Carmaker Volta vowed on Tuesday to double output by 2028.", "double output"),
    ("The law commits the state to phasing out coal by 2035.", "phasing out coal"),
    ('"We can win the title before Easter," striker Leo Mart said.', "win the title"),
    ("Officials hope the bridge reopens by June.", "bridge reopens"),
    ("Economists at Bank X see a 40% probability of a downturn next year.", "downturn"),
    ("The pilot scheme starts on Monday.", "pilot scheme starts"),
    ("The company said it would cut emissions by half by 2030 and reach net zero by 2045.", "reach net zero"),
    ("She said the coal haulage business, which has been losing customers, would be sold by the end of the year.",
     "coal haulage business"),
])
def test_claims_that_must_be_found(text: str, words: str) -> None:
    assert about(text, words)


@pytest.mark.parametrize("text", [
    "The board voted today to hold the key rate at 4%.",
    "Actual results may differ materially from those projected.",
    "Mayor Ruth Lane had pledged two years ago that the line would open in 2025.",
    "Construction began in 2021 and was originally due to finish in 2025.",
    "I will not lie to you: times are hard.",
    "We'll bring you updates throughout the day.",
    "Will the budget pass?",
    "Statements on this call may contain forward-looking information.",
    "Ships waited up to three weeks to cross the canal in August.",
    "Asamoah was making his first start since October.",
    "When the pipeline was inaugurated in August 2014, the prime minister promised it would end imports within "
    "three years.",
    "The pledges go further than those made in 2021, when it promised to reach net zero by 2060.",
    "In January the ministry pledged to restore the elevator by March.",
    "The labour court on Tuesday ordered dockworkers to end a two-week go-slow.",
    "Frankly, we didn't think it would survive the first heatwave.",
    "Officials in Beijing won't say whether the talks will resume.",
    "Rahman recovered in time for the second Test in Colombo, which begins on September 11.",
    "United host Rovers on Saturday, and a win would put them seven points clear.",
    "A year ago she promised to bring spending below 2.7% of the fund.",
    "When the club hired Etchegaray in January, she told supporters the team would be promoted by November.",
    "The council was due to publish a revised housing plan in the spring.",
    "Startup had been expected in June.",
    "The bank's charter requires it to publish an inflation report four times a year.",
    "Some traders had bet that the strike would be over by Wednesday; it is not.",
    "Forecasts last year that the outbreak would peak in January proved wrong.",
    "The dockers, who would later be joined by tug crews, walked out at 22:00 on Friday.",
    "The last cut, in September 2024, would prove premature: inflation rebounded within two months.",
    "If an election were held that day, the Alliance would win 29 seats.",
    "It would not: the draft terms spread the payments over 25 years.",
    "I won't make that kind of promise.",
    "Whether banks will finance the electrolysers remains an open question.",
    "Time will tell.",
    "May your harvest be heavy!",
    "The lines will be opened for questions after the presentation.",
    "Passengers may check the status of their booking on the app.",
    "Under the bank's framework, the facility rates will always move in step with the policy rate.",
    "Under the passenger charter, travellers whose train is cancelled will get a full refund.",
    "The promise that the warehouse would reopen was kept: the doors opened on Tuesday.",
    "If you look at the July figures, you will notice that waiting times fell.",
    "As long-time subscribers will remember, we flagged the branch review in August.",
    "Ships at berth will typically run their generators around the clock.",
    "The debt auction, scheduled for Wednesday, went ahead as planned.",
    "Ministry officials promised at the time that coverage would reach 50% within a year.",
    "Some colleagues argued in 2021 that a public campaign would revive the controversy.",
    "- March 2019: The dam fails. Ferrominas pledges to pay full reparations within two years.",
    "A 2019 plan to add a second line by 2026 was shelved last year.",
    "I will now hand over to our chief executive.",
    "Nobody in this parish thought the line would ever close.",
    "That's where we'll leave our coverage for tonight.",
    "Last year you told us the diversions would end by spring.",
    "The minister brought forward a target that previous governments had set for 2040.",
])
def test_not_claims(text: str) -> None:
    assert extract(text, PUB) == []


def test_coordinated_claims_keep_their_own_deadlines() -> None:
    claims = extract("The company said it would cut emissions by half by 2030 and reach net zero by 2045.", PUB)
    assert [c.deadline for c in claims] == ["2030-12-31", "2045-12-31"]


# ------------------------------------------------------------------ confidence
@pytest.mark.parametrize(("text", "probability"), [
    ("There is little chance that parliament will approve the bill this year, Senator Ann Hale said.", 0.15),
    ("It was unlikely the merger would close by June, analysts at Citi said.", 0.20),
    ("It is almost certain that the central bank will cut rates in March, said economist Raj Patel.", 0.95),
    ("There is a 60% probability that the strike will end next week, union leader Mia Cho said.", 0.60),
    ("Rates will fall next year, as markets expect, Governor Li Wei said.", 0.85),
])
def test_main_clause_hedges_govern_the_claim(text: str, probability: float) -> None:
    assert one(text).confidence == pytest.approx(probability)


# ------------------------------------------------------------------ the seed article
def test_the_repeated_summit_is_one_claim() -> None:
    text = ("US President Donald Trump and Russian President Vladimir Putin have agreed to hold a summit in Budapest "
            "within two weeks. The summit is expected to take place within two weeks.")
    claims = extract(text, date(2025, 10, 17))
    assert len(claims) == 1 and claims[0].deadline == "2025-10-31"
