"""Hedge words → the probability the speaker gave the event they describe.

Published anchors, where they exist:
- "survey": medians of the "Perceptions of Probability" survey (zonination/perceptions).
- "kent": Sherman Kent, "Words of Estimative Probability" (1964).
- "ours": no published table gives numbers for the modals (will, would, could, may, might) or for
  verbs of intention; these values are calledit's own choice, ordered by the survey's anchors.

A hedge scores the event the clause describes: "could come soon" → 0.40 that it comes soon;
"would not alter the situation" → 0.70 that it does not alter it (the negation is in the statement);
"unlikely to attend" → 0.20 that they attend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Hedge:
    probability: float
    word: str
    basis: str  # "survey", "kent", "ours", "stated" or "default"


# (phrase regex, probability, basis) — longer, more specific phrases first.
HEDGES: list[tuple[str, float, str]] = [
    (r"almost no chance", 0.02, "survey"),
    (r"highly unlikely|very unlikely|extremely unlikely", 0.05, "survey"),
    (r"almost certainly not|almost certain(?:ly)? (?:not|never)", 0.07, "kent"),
    (r"chances are slight|slight chance", 0.10, "survey"),
    (r"little chance|improbable", 0.15, "survey"),
    (r"unlikely", 0.20, "survey"),
    (r"(?:we|i) doubt|doubts? (?:that|whether)|doubtful|doubted|doubts", 0.25, "survey"),
    (r"probably not|probably won['’]t|probably will not", 0.265, "survey"),
    (r"about even|even chance|fifty-fifty|50-50|toss-up|coin flip", 0.50, "survey"),
    (r"better than even", 0.60, "survey"),
    (r"almost certainly|almost certain|all but certain|virtually certain", 0.95, "survey"),
    (r"highly likely|very likely|extremely likely", 0.90, "survey"),
    (r"certain(?:ly)? (?:to|will)|definitely|guaranteed|no doubt", 0.97, "kent"),
    (r"very good chance|strong chance|good chance", 0.80, "survey"),
    (r"probably|probable", 0.75, "survey"),
    (r"likely", 0.70, "survey"),
    (r"(?:we|i) believe|believes?", 0.70, "survey"),
    # Our own choices for the modals and verbs of intention:
    (r"vow(?:s|ed)?|promis(?:e|es|ed)|pledg(?:e|es|ed)|guarantee[sd]?", 0.80, "ours"),
    (r"(?:is|are|was|were) (?:set|scheduled|slated|due|poised) to|scheduled for|slated for", 0.85, "ours"),
    (r"will|won['’]t|['’]ll|shall|(?:is|are|am) going to|gonna", 0.85, "ours"),
    (r"agreed to|committed to|decided to", 0.80, "ours"),
    (r"(?:is|are|was|were) expected to|expects? to|expected|expects?|on track to|forecasts?|predicts?|predicted"
     r"|projects?|projected", 0.75, "ours"),
    (r"plans? to|planned to|planning to|intends? to|intended to|aims? to|aimed to|seeks? to|wants? to", 0.65,
     "ours"),
    (r"would|wouldn['’]t", 0.70, "ours"),
    (r"should|shouldn['’]t|ought to", 0.65, "ours"),
    (r"may well|could well|might well", 0.55, "ours"),
    (r"hopes? to|hoped to|hopeful", 0.50, "ours"),
    (r"may|may not", 0.45, "ours"),
    (r"could|couldn['’]t|can", 0.40, "ours"),
    (r"might|might not", 0.35, "ours"),
    (r"warn(?:s|ed)?", 0.60, "ours"),
]
DEFAULT = Hedge(0.60, "", "default")

_COMPILED = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w])", re.IGNORECASE), prob, basis) for p, prob, basis in HEDGES]
_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s?(?:%|per ?cent)\s+(?:chance|probability|likelihood|likely)",
                      re.IGNORECASE)


def hedge_confidence(clause: str) -> Hedge:
    """The hedge that governs the clause: a stated percentage, else the most specific phrase."""
    m = _PERCENT.search(clause)
    if m and 0 <= float(m.group(1)) <= 100:
        return Hedge(round(float(m.group(1)) / 100, 3), m.group(0), "stated")
    for rx, prob, basis in _COMPILED:
        hit = rx.search(clause)
        if hit:
            word = hit.group(0)
            if word == "May":  # the month, not the modal
                continue
            return Hedge(prob, word.lower(), basis)
    return DEFAULT


_MAIN_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s?(?:%|per ?cent)\s+(?:chance|probability|likelihood|risk)",
                           re.IGNORECASE)
_MAIN = [(rx, prob, basis) for rx, prob, basis in _COMPILED if basis in {"survey", "kent"}]


def main_clause_hedge(text: str) -> Hedge | None:
    """A hedge in the clause that embeds a claim ('there is little chance that …', 'it is almost
    certain that …', 'a 60% probability that …'): the one nearest the claim, or None.
    Only published-scale words count here; a modal in the main clause belongs to another claim."""
    m: re.Match[str] | None = None
    for pct in _MAIN_PERCENT.finditer(text):
        m = pct
    if m and 0 <= float(m.group(1)) <= 100:
        return Hedge(round(float(m.group(1)) / 100, 3), m.group(0), "stated")
    best: tuple[int, Hedge] | None = None
    for rx, prob, basis in _MAIN:
        for hit in rx.finditer(text):
            word = hit.group(0).lower()
            if word in {"believe", "believes", "no doubt"} or (word == "probable" and "improbable" in text.lower()):
                continue
            if best is None or hit.end() >= best[0]:  # the nearest to the claim, the later rule on a tie
                best = (hit.end(), Hedge(prob, word, basis))
    return best[1] if best else None
