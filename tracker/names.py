"""Speaker names: one key for "Trump", "Donald Trump" and "US President Donald Trump"."""

from __future__ import annotations

import re
import unicodedata

# Titles and roles that may precede a name; stripped before a name becomes a speaker.
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "chancellor", "senator", "sen", "rep",
    "representative", "governor", "gov", "mayor", "general", "gen", "chair", "chairman", "chairwoman",
    "chairperson", "ceo", "cfo", "coo", "cto", "chief", "executive", "officer", "founder", "co-founder",
    "director", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "ambassador",
    "king", "queen", "prince", "princess", "pope", "dr", "mr", "mrs", "ms", "sir", "dame", "lord", "lady",
    "coach", "manager", "head", "speaker", "leader", "commissioner", "economist", "analyst", "strategist",
    "state", "foreign", "defense", "defence", "finance", "treasury", "interior", "economy", "trade",
    "deputy", "acting", "former", "new", "top", "senior", "central", "bank", "policy",
    "fed", "ecb", "boss", "owner", "captain", "striker", "midfielder", "forward", "quarterback",
    "justice", "judge", "attorney", "secretary-general", "envoy", "special", "us", "u.s.", "uk", "eu",
    "russian", "ukrainian", "hungarian", "german", "french", "chinese", "british", "american", "israeli",
    "japanese", "indian", "canadian", "italian", "spanish", "polish", "turkish", "iranian", "mexican",
    "brazilian", "australian", "european", "commission", "of", "the", "premier", "administrator", "principal",
    "team", "opposition", "guard", "qatar", "vice-president", "first",
    # industry descriptors written before a company's name ("carmaker Volta", "Retailer Halden & Moss")
    "carmaker", "automaker", "retailer", "airline", "chipmaker", "lender", "insurer", "miner", "drugmaker",
    "carrier", "broadcaster", "telecom", "operator", "developer", "manufacturer", "supplier", "conglomerate",
    "startup", "start-up", "giant", "producer", "exporter", "importer", "utility", "group", "firm",
    "company", "regulator", "watchdog", "agency", "club", "side", "outfit", "rival", "peer",
    "treasurer", "bishop", "archbishop",
    "cardinal", "rabbi", "imam", "colonel", "major", "lieutenant",
    "commander", "admiral", "marshal", "sergeant", "inspector", "superintendent", "professor", "prof",
    "prosecutor", "lawyer", "counsel", "mediator", "undersecretary", "assistant", "auditor", "ombudsman",
    "councillor", "councilor", "sheriff", "pastor", "reverend", "patriarch", "colonel-general",
    "lieutenant-general", "major-general", "brigadier", "field", "steelmaker", "automotive", "mining",
    "campaign", "coordinator", "negotiator", "investment", "operating", "financial",
    "technology", "information", "marketing", "research", "science", "scientist", "engineer", "engineering",
    "project", "programme", "program", "health", "education", "transport", "energy", "environment", "climate",
    "labour", "labor", "culture", "agriculture", "industry", "infrastructure", "housing",
    "cllr", "mp", "mep", "msp", "mla", "mna", "mpp", "td", "hon", "rt", "associate", "managing", "democrat",
    "republican",
    "conservative", "liberal", "socialist", "independent", "incumbent", "challenger", "designate", "elect",
    "candidate", "nominee", "veteran", "rookie", "defender", "goalkeeper", "winger", "engr", "alhaji",
    "datuk", "dato", "tan", "sri", "sheikh", "ustaz", "rev", "fr", "sister", "brother", "activist", "lawmaker",
    "legislator", "congressman", "congresswoman", "councilwoman", "councilman", "prefect", "mayor-elect",
    "president-elect", "ceo-designate",
    "lieutenant-colonel", "vice-admiral", "rear-admiral", "brigadier-general", "air-marshal",
    "taoiseach", "tánaiste", "pollster", "by", "advocate", "forecaster", "meteorologist", "researcher",
    "shri", "smt", "excellency",
    "barrister", "honourable", "honorable",
}


def name_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: 'Orbán' and 'orban' are one speaker."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[’'`]s\b", "", text.lower())
    text = re.sub(r"[^\w\s-]", " ", text)
    key = re.sub(r"\s+", " ", text).strip()
    if key.strip("-"):
        return key
    # A name of emoji or symbols only ("🦄🚀") keeps its symbols, so two such names stay two speakers.
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name).casefold()).strip()


def clean_name(name: str) -> str:
    """Collapse white space and strip quotes and trailing punctuation users type."""
    name = re.sub(r"\s+", " ", name).strip().strip("\"'“”‘’«»").strip()
    return name.rstrip(".,;:")
