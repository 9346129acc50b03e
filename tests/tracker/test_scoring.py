"""Every formula against values computed by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tracker import scoring, store
from tracker.models import Status
from tracker.scoring import Period, SpeakerRecord, overall, speaker_records, wilson


def record(*items: tuple[str, float]) -> SpeakerRecord:
    r = SpeakerRecord("X")
    for status, confidence in items:
        r.add(status, confidence)
    return r


def test_nothing_resolved() -> None:
    r = record(("open", 0.8), ("open", 0.4))
    assert (r.made, r.open, r.scored, r.resolved) == (2, 2, 0, 0)
    assert r.accuracy is None and r.brier is None and r.interval == (0.0, 1.0) and not r.ranked


def test_all_unclear_is_not_scored() -> None:
    r = record(("unclear", 0.8), ("unclear", 0.3), ("unclear", 0.5))
    assert (r.unclear, r.resolved, r.scored) == (3, 3, 0)
    assert r.accuracy is None and r.brier is None


def test_single_prediction_is_not_a_sure_thing() -> None:
    r = record(("fulfilled", 0.8))
    assert r.accuracy == 1.0
    lo, hi = r.interval
    assert round(lo, 4) == 0.2065 and hi == 1.0
    assert r.brier == pytest.approx(0.04)
    assert not r.ranked


def test_partly_counts_half_and_annulled_is_excluded() -> None:
    r = record(("fulfilled", 0.7), ("partly", 0.6), ("not_fulfilled", 0.4), ("annulled", 0.9), ("withdrawn", 0.9))
    assert r.scored == 3 and r.annulled == 1 and r.withdrawn == 1 and r.resolved == 4
    assert r.accuracy == pytest.approx(0.5)
    assert r.brier == pytest.approx((0.09 + 0.01 + 0.16) / 3)
    lo, hi = r.interval
    assert (round(lo, 4), round(hi, 4)) == tuple(round(x, 4) for x in wilson(1.5, 3))


def test_murphy_decomposition() -> None:
    items = [("fulfilled", 0.8)] * 4 + [("not_fulfilled", 0.8)] + [("fulfilled", 0.2)] + [("not_fulfilled", 0.2)] * 4
    r = record(*items)
    assert r.brier == pytest.approx(0.16)
    rel, res, unc = r.decomposition  # type: ignore[misc]
    assert rel == pytest.approx(0.0) and res == pytest.approx(0.09) and unc == pytest.approx(0.25)
    assert rel - res + unc == pytest.approx(r.brier)
    assert record(*items[:9]).decomposition is None  # too few
    assert r.calibration() == [(pytest.approx(0.2), pytest.approx(0.2), 5), (pytest.approx(0.8), pytest.approx(0.8), 5)]


def test_wilson_known_values() -> None:
    assert tuple(round(x, 4) for x in wilson(9, 10)) == (0.5958, 0.9821)
    assert tuple(round(x, 4) for x in wilson(0, 4)) == (0.0, 0.4899)


def _add(session, chat: int, speaker: str, status: str, confidence: float, made: date = date(2025, 3, 1),
         **kw: object):  # type: ignore[no-untyped-def]
    p = store.add_prediction(session, store.NewPrediction(chat_id=chat, speaker=speaker, statement="x",
                                                          deadline=made + timedelta(days=30), made_at=made,
                                                          confidence=confidence))
    for key, value in kw.items():
        setattr(p, key, value)
    if status != "open":
        store.resolve(session, p, Status(status))
    return p


def test_records_from_the_database(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        for i in range(10):
            _add(session, 1, "Ann Analyst", "fulfilled" if i < 9 else "not_fulfilled", 0.7)
        for _ in range(5):
            _add(session, 1, "Carl Certain", "fulfilled", 0.9)
        _add(session, 1, "Bob Lucky", "fulfilled", 0.5)
        _add(session, 1, "Bob Lucky", "unclear", 0.5)
        moved = _add(session, 1, "Bob Lucky", "open", 0.5)
        moved.original_deadline = moved.deadline
        moved.deadline = moved.deadline + timedelta(days=10)
        _add(session, 2, "Ann Analyst", "not_fulfilled", 0.7)  # another chat
        _add(session, 1, "Ann Analyst", "fulfilled", 0.7, made=date(2024, 5, 1))  # another year
    with db.session() as session:
        records = speaker_records(session, 1)
        assert [r.speaker for r in records] == ["Ann Analyst", "Carl Certain", "Bob Lucky"]
        ann, carl, bob = records
        assert (ann.made, ann.fulfilled, ann.not_fulfilled) == (11, 10, 1)
        assert ann.brier == pytest.approx((10 * 0.09 + 0.49) / 11)
        assert carl.ranked and not bob.ranked
        assert (bob.made, bob.unclear, bob.open, bob.moved, bob.lateness) == (3, 1, 1, 1, 10)
        only_2025 = speaker_records(session, 1, Period.year(2025))
        assert only_2025[0].made == 10
        total = overall(records)
        assert (total.made, total.scored) == (19, 17)
        (ann_only,) = speaker_records(session, 1, speaker_id=ann.speaker_id)
        assert ann_only.made == 11
        assert speaker_records(session, 99) == []
        assert scoring.recent_resolved(session, 1, bob.speaker_id)[0].status in {"fulfilled", "unclear"}  # type: ignore[arg-type]
