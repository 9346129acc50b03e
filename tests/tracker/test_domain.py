"""Unit tests below the bot: names, hedges, sentences, scoring, manual entry, storage."""

from __future__ import annotations

from datetime import date

import pytest

from tracker import store
from tracker.extraction.claims import Claim, tidy
from tracker.extraction.hedges import hedge_confidence
from tracker.extraction.sentences import find_dateline_date, split_sentences
from tracker.manual import ManualEntryError, parse_manual
from tracker.models import Status
from tracker.names import name_key
from tracker.scoring import speaker_records, wilson


def test_name_keys_forgive_case_accents_and_possessives() -> None:
    assert name_key("Viktor Orbán") == name_key("viktor orban")
    assert name_key("Putin’s") == name_key("putin")


@pytest.mark.parametrize(("clause", "p", "basis"), [
    ("a peace deal could come soon", 0.40, "ours"),
    ("the summit will take place", 0.85, "ours"),
    ("it is almost certainly going ahead", 0.95, "survey"),
    ("a deal is unlikely this year", 0.20, "survey"),
    ("there is a 70% chance of a cut", 0.70, "stated"),
    ("rates might rise", 0.35, "ours"),
    ("inflation will probably ease", 0.75, "survey"),
    ("the launch in May", 0.60, "default"),
])
def test_hedges(clause: str, p: float, basis: str) -> None:
    hedge = hedge_confidence(clause)
    assert (hedge.probability, hedge.basis) == (p, basis)


def test_sentences_and_datelines() -> None:
    text = "KYIV, Oct 17 (Reuters) - Gen. Mark Milley said the U.S. will act. The U.S. Army agreed."
    assert [s.text for s in split_sentences(text)] == ["Gen. Mark Milley said the U.S. will act.",
                                                      "The U.S. Army agreed."]
    assert find_dateline_date(text, date(2025, 11, 1)) == date(2025, 10, 17)
    assert find_dateline_date(text, date(2026, 1, 5)) == date(2025, 10, 17)
    assert find_dateline_date("No dateline here.", date(2026, 1, 5)) is None


def test_a_channel_posts_emoji_end_its_sentences() -> None:
    post = "⚡️ Zelensky says talks will resume next week 🇺🇦 Kyiv expects a deal by May 🔥 Moscow denies it."
    found = split_sentences(post)
    assert [s.text for s in found] == ["⚡️ Zelensky says talks will resume next week", "🇺🇦 Kyiv expects a deal by May",
                                       "🔥 Moscow denies it."]
    assert [post[s.start:s.start + len(s.text)] for s in found] == [s.text for s in found]  # offsets hold
    # an emoji inside a sentence (no capital after it) or after a full stop changes nothing
    assert [s.text for s in split_sentences("I love it 😀 and more. Prices rose. 📈 The bank cut rates.")] == [
        "I love it 😀 and more.", "Prices rose.", "📈 The bank cut rates."]


def test_manual_entry() -> None:
    entry = parse_manual("Trump: a summit in Budapest will happen within two weeks 70%", date(2025, 10, 17))
    assert (entry.speaker, entry.statement, entry.deadline.date, entry.confidence) == (
        "Trump", "a summit in Budapest will happen", date(2025, 10, 31), 0.70)
    vague = parse_manual("Putin: peace will come", date(2025, 10, 17))
    assert vague.deadline.vague and vague.deadline.text == "" and vague.confidence == 0.85
    with pytest.raises(ManualEntryError):
        parse_manual("   ", date(2025, 10, 17))


def test_wilson_interval() -> None:
    lo, hi = wilson(1, 1)
    assert round(lo, 3) == 0.207 and hi == 1.0  # 1 of 1 is not a sure thing
    assert wilson(0, 0) == (0.0, 1.0)
    lo, hi = wilson(5, 10)
    assert round(lo, 3) == 0.237 and round(hi, 3) == 0.763


def test_speakers_aliases_numbers_and_scores(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        a = store.add_prediction(session, store.NewPrediction(
            chat_id=1, speaker="Donald Trump", statement="summit", deadline=date(2025, 10, 31),
            made_at=date(2025, 10, 17), confidence=0.8, speaker_aliases=("Trump", "US President Donald Trump")))
        b = store.add_prediction(session, store.NewPrediction(
            chat_id=1, speaker="trump", statement="tariffs end", deadline=date(2025, 12, 31),
            made_at=date(2025, 10, 17), confidence=0.6))
        c = store.add_prediction(session, store.NewPrediction(
            chat_id=2, speaker="US President Donald Trump", statement="other chat", deadline=date(2025, 12, 31),
            made_at=date(2025, 10, 17)))
        assert a.speaker_id == b.speaker_id == c.speaker_id
        assert (a.number, b.number, c.number) == (1, 2, 1)
        store.resolve(session, a, Status.NOT_FULFILLED, by=7, by_name="Ann")
        store.resolve(session, b, Status.PARTLY)
    with db.session() as session:
        (record,) = speaker_records(session, chat_id=1)
        assert (record.made, record.scored, record.not_fulfilled, record.partly) == (2, 2, 1, 1)
        assert record.accuracy == 0.25
        assert record.brier == pytest.approx(((0.8 - 0) ** 2 + (0.6 - 0.5) ** 2) / 2)
        assert not record.ranked
        assert store.delete_prediction(session, 1, 1) is not None
        assert store.get_prediction(session, 1, 1) is None


def test_same_statement_in_two_articles_is_one_prediction(db) -> None:  # type: ignore[no-untyped-def]
    from tracker.extraction.pipeline import extract
    from tracker.ingest import save_claims

    first = "Tesla CEO Elon Musk said the company will launch a robotaxi service in Austin in June."
    second = ("AUSTIN, April 24 (Reuters) - Elon Musk told investors that Tesla will launch a robotaxi service "
              "in Austin in June, his second such promise this year.")
    with db.session() as session:
        a = save_claims(session, 5, extract(first, date(2025, 4, 23)), first, "A", None, date(2025, 4, 23))
        b = save_claims(session, 5, extract(second, date(2025, 4, 24)), second, "B", None, date(2025, 4, 24))
        assert (a, b) == (1, 0)
        (only,) = store.all_predictions(session, 5)
        assert only.deadline == date(2025, 6, 30)


@pytest.mark.parametrize(("statement", "phrase", "tidied", "tidied_phrase"), [
    ("🚨 Ukraine will receive the systems by winter", "in December.", "Ukraine will receive the systems by winter",
     "in December"),
    ('the talks will resume next week," Umerov told reporters on Friday', "", "the talks will resume next week", ""),
    ('"the war will end soon', "", "the war will end soon", ""),
    ("“we will win", "", "we will win", ""),
    ("b>US President Donald Trump will win", "", "US President Donald Trump will win", ""),
    ("<script>alert(1)</script> will run", "", "<script>alert(1)</script> will run", ""),
    ('a statement with "quoted" words', "soon", 'a statement with "quoted" words', "soon"),
])
def test_20_statements_are_tidied_where_they_are_shown(statement: str, phrase: str, tidied: str,
                                                       tidied_phrase: str) -> None:
    claim = tidy(Claim("X", statement, statement, None, phrase, False, 0.5, False))
    assert (claim.statement, claim.deadline_text) == (tidied, tidied_phrase)
