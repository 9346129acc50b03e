"""Which completed verbs can report a prediction's event (tracker/predicates.py), and the outcome the matcher
names when a later article reports a neighbouring step of the same story instead."""

from __future__ import annotations

from tracker.matching import _outcome
from tracker.predicates import a_step, claim_families, cue_families, reports


def test_a_claims_event_is_read_from_its_verb() -> None:
    assert claim_families("Vintra Mining will complete its purchase of Osk Copper by June") == {"complete"}
    assert "court" in claim_families("The former mayor will be convicted of fraud")
    assert "record" in claim_families("Okafor will set a new world record in the 400 metres")
    # no verb to go by: nothing is filtered
    assert claim_families("Reactor 3 will be back online in the spring") == frozenset()
    assert claim_families("The weather in May") == frozenset()


def test_a_neighbouring_step_does_not_report_the_event() -> None:
    takeover = "Vintra Mining will complete its purchase of Osk Copper by June"
    assert not reports(takeover, "approved the purchase")
    assert reports(takeover, "completed the purchase")
    government = "The Social Liberals will form a government with the Farmers' Party by May"
    assert not reports(government, "agreed on a coalition programme")
    assert reports(government, "sworn in as prime minister")
    record = "Okafor will set a new world record in the 400 metres"
    assert not reports(record, "won the final in 44.1 seconds")
    assert reports(record, "broke the world record")
    assert not reports("The former mayor will be convicted of fraud", "opened in the capital")


def test_a_later_step_reports_the_earlier_ones() -> None:
    assert {"law", "agree", "approve"} <= cue_families("came into force at midnight")
    assert reports("The two sides will sign a ceasefire by April", "came into force at midnight")
    assert reports("Regulators will approve the takeover of Osk Copper by June", "completed the takeover")
    # a verb in no family is trusted as before
    assert reports("The comet will be visible from Europe in March", "appeared over Lisbon")


def test_the_outcome_is_not_named_from_another_step() -> None:
    takeover = "Vintra Mining will complete its purchase of Osk Copper by June"
    assert _outcome("Osk Copper shareholders on Monday approved the purchase by Vintra Mining, leaving an "
                    "antitrust review as the last hurdle.", takeover, near_deadline=False) is None
    assert _outcome("Vintra Mining completed its purchase of Osk Copper on Monday.", takeover, False) == "fulfilled"
    # a delay still speaks even after an earlier step ("agreed in a call") has happened
    assert _outcome("The meeting in Budapest has been put on hold, days after the two leaders agreed in a call to "
                    "meet.", "Trump and Putin will hold a summit in Budapest within two weeks", True) == "not_fulfilled"


def test_words_that_only_look_like_an_outcome() -> None:
    ban = "The ban on menthol cigarettes will be in force from 1 July"
    assert _outcome("The ban took effect on 1 July, leaving only plain tobacco on the shelves.", ban, True) == "fulfilled"
    assert _outcome("The company declined to comment on the merger talks.",
                    "Orvel will merge with Dansk Kabel by March", True) is None
    assert _outcome("Orvel shelves its merger with Dansk Kabel", "Orvel will merge with Dansk Kabel by March",
                    True) == "not_fulfilled"


def test_a_step_on_the_way_is_not_the_event() -> None:
    line = "The Vesna-Orlov rail line will open to passengers by June"
    assert a_step(line, " the final phase of trials before the line can carry passengers")
    assert _outcome("Engineers began the final phase of trials on the Vesna-Orlov line on Monday.", line, True) is None
    assert _outcome("The Vesna-Orlov line opened to passengers on Monday.", line, True) == "fulfilled"
    signing = "Corvo United will sign midfielder Ilan Dray before the window closes"
    assert _outcome("Dray's club turned down an opening bid from Corvo United last week.", signing, True) is None
    # the prediction names the step itself: then the step is the event
    assert not a_step("The union will reject the pay offer", " the pay offer on Friday")
    assert _outcome("The union rejected the offer on Friday.", "The union will accept the pay offer",
                    True) == "not_fulfilled"


def test_a_light_verb_takes_its_event_from_the_noun() -> None:
    assert claim_families("The Kite rocket will make its first launch in 2026") == {"start"}
    assert claim_families("The two delegations will resume direct negotiations in Geneva") == {"meet"}
    assert "rate" in claim_families("The central bank will hold rates steady in June")
    launch = "The Kite rocket will make its first launch in 2026"
    assert _outcome("The Kite completed a full-duration static fire of its first stage in June.", launch, True) is None
    assert _outcome("The Kite lifted off from Andøya on Tuesday.", launch, True) == "fulfilled"
    talks = "The two delegations will resume direct negotiations in Geneva"
    assert _outcome("The delegations sat down together in Geneva on Friday.", talks, True) == "fulfilled"
