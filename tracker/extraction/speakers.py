"""Who said it: speech frames, 'according to', clause subjects, roles, pronouns and aliases,
all resolved within one text to one normalised name per person."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.names import TITLE_WORDS

CAP = r"(?:[A-Z][\w’'+-]+|[A-Z]\.)"
NAME = rf"(?:{CAP}(?:(?: (?:de|van|von|der|den|da|bin|al|la|le|di|du|del|dos))+ | )){{1,7}}{CAP}"
NAME_RUN = re.compile(rf"(?<![\w’'-]){NAME}(?![\w’'-])")
SPEECH_VERBS = (
    r"said|says|say|told|tells|tell|warned|warns|warn|predicted|predicts|predict|claimed|claims|claim|insisted|"
    r"insists|stated|states|argued|argues|noted|notes|added|adds|announced|announces|believes|believe|believed|"
    r"thinks|think|thought|wrote|writes|tweeted|posted|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|forecast|"
    r"forecasts|estimated|estimates|suggested|suggests|indicated|indicates|hinted|confirmed|confirms|assured|"
    r"assures|reiterated|reiterates|acknowledged|admitted|conceded|expects|expected|reckons|maintained|"
    r"maintains|signalled|signaled|signals|projected|projects|told reporters|cautioned|cautions|pledged|vowed|"
    r"promised|promises|vows|pledges|guaranteed|expressed confidence|is confident|was confident|hopes|hoped"
)
AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|has also|have also|reportedly|again|repeatedly|publicly|previously|once|"
    r"recently|separately|earlier|later|already|then|now|still|further|himself|herself|themselves|itself|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in (?:a|an) [\w ]+|last week|this week))+$",
    re.IGNORECASE)
PARTICLES = {"de", "van", "von", "der", "da", "bin", "al", "la", "le", "di", "du", "del"}
PRONOUNS = {"he", "she", "they", "we", "i", "it"}
INSTITUTION_NOUNS = {
    "officials", "official", "policymakers", "government", "ministry", "company", "firm", "bank", "analysts",
    "economists", "investors", "executives", "lawmakers", "regulators", "administration", "spokesperson",
    "spokesman", "spokeswoman", "committee", "council", "board", "authorities", "agency", "department",
    "organisers", "organizers", "club", "team", "party", "union", "commission", "parliament", "kremlin", "airline",
    "carrier", "automaker", "operator", "management", "leaders", "members", "experts", "forecasters", "planners",
    "manufacturer", "developer", "group", "studio", "campaign", "league", "federation", "ministers", "minister",
    "president", "chancellor", "governor", "mayor", "ceo", "chief", "coach", "manager", "secretary", "chair",
    "chairman", "director", "aide", "envoy", "spokespeople", "police", "army", "military", "court", "senate",
    "house", "the fed", "fed", "ecb", "opec", "white house",
}
ORG_ROLE_NOUNS = {"company", "firm", "bank", "club", "team", "party", "airline", "carrier", "automaker", "group",
                  "studio", "manufacturer", "developer", "operator", "agency", "league", "union"}
PERSON_ROLE_NOUNS = {"president", "minister", "chancellor", "governor", "mayor", "ceo", "chief", "coach",
                     "manager", "secretary", "chair", "chairman", "chairwoman", "director", "aide", "envoy",
                     "spokesman", "spokeswoman", "spokesperson", "leader", "premier", "senator", "king", "prime",
                     "executive", "founder", "boss", "striker", "captain", "commissioner", "economist", "analyst"}
NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
             "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "but", "and",
             "in", "on", "at", "during", "earlier", "later", "meanwhile", "however", "while", "after", "before",
             "if", "when", "as", "for", "with", "according", "there", "some", "many", "most", "both", "his", "her",
             "their", "its", "our", "my", "your"}


@dataclass
class Person:
    name: str
    roles: list[str] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)


@dataclass
class SpeakerContext:
    """Names seen so far in one text, so 'Trump', 'the Russian president' and 'he' resolve."""

    people: dict[str, Person] = field(default_factory=dict)
    last_person: str | None = None
    last_org: str | None = None
    last_speaker: str | None = None

    def learn(self, text: str) -> None:
        """Collect 'Role Words Full Name' mentions from the whole text before any attribution."""
        for m in NAME_RUN.finditer(text):
            role_words: list[str] = []
            for word in reversed(text[max(0, m.start() - 80): m.start()].split()):
                if word.endswith((",", ".", ";", ":")) or word.lower().strip("’'") not in TITLE_WORDS:
                    break
                role_words.insert(0, word)
            role, name = split_title(" ".join([*role_words, m.group(0)]))
            tokens = name.split()
            if len(tokens) < 2 or any(t.lower() in NOT_NAMES for t in tokens):
                continue
            # A capitalised pair with neither a title nor a speech verb may be a place or a headline.
            if not role and not re.search(
                rf"\b(?:{re.escape(name)}|{re.escape(tokens[-1])})(?:,[^,]{{3,80}},)?\s+(?:{SPEECH_VERBS})\b", text
            ):
                continue
            person = self.people.setdefault(name, Person(name))
            person.aliases.add(tokens[-1])
            if role:
                person.roles.append(role.lower())
                person.aliases.add(f"{role} {name}")

    def by_surname(self, word: str) -> str | None:
        matches = [p.name for p in self.people.values() if p.name.split()[-1].lower() == word.lower()]
        return matches[0] if len(set(matches)) == 1 else None

    def by_role(self, role_phrase: str) -> str | None:
        words = [w for w in re.findall(r"[a-z]+", role_phrase.lower()) if w not in {"the", "a", "an", "s"}]
        if not words:
            return None
        best: str | None = None
        for person in self.people.values():
            for role in person.roles:
                if all(w in role.split() or w.rstrip("s") in role.split() for w in words):
                    best = person.name
        return best


def split_title(phrase: str) -> tuple[str, str]:
    """('US President', 'Donald Trump') from 'US President Donald Trump'; possessives dropped.
    Everything up to the last title word goes when at least two words remain ('Tesla CEO Elon Musk')."""
    phrase = re.sub(r"^(?:[\w’'-]+['’]s\s+)", "", phrase.strip())
    tokens = phrase.split()
    i = 0
    while i < len(tokens) - 1 and (tokens[i].lower().rstrip(".,") in TITLE_WORDS or tokens[i].islower()):
        i += 1
    for j in range(len(tokens) - 3, i - 1, -1):
        if tokens[j].lower().rstrip(".,") in TITLE_WORDS - {"of", "the", "us", "uk", "eu"} \
                and all(t[:1].isupper() or t in PARTICLES for t in tokens[j + 1:]):
            i = j + 1
            break
    return " ".join(tokens[:i]), " ".join(tokens[i:])


def _clean_np(np: str) -> str:
    np = np.strip(" ,;:\"'“”‘’—-")
    np = AUX_TAIL.sub("", np).strip(" ,")
    return np


def resolve_np(np: str, ctx: SpeakerContext) -> tuple[str | None, list[str], str | None]:
    """(speaker, co-speakers, kind) for a noun phrase; kind is 'person', 'org' or None for a non-speaker."""
    np = _clean_np(np)
    if not np:
        return None, [], None
    np = re.sub(r"^(?:both|the two leaders?)\b", "", np, flags=re.I).strip() or np
    parts = [p.strip() for p in re.split(r"\s+and\s+|\s*&\s*", np) if p.strip()]
    if len(parts) == 2 and all(_looks_like_speaker(p, ctx) for p in parts):
        first, _, kind = resolve_np(parts[0], ctx)
        second, _, _ = resolve_np(parts[1], ctx)
        if first and second:
            return first, [second], kind
    known = _known_person_in(np, ctx)
    if known:
        return known, [], "person"
    low = np.lower()
    first = low.split()[0] if low.split() else ""
    if first in INSTITUTION_NOUNS and len(np.split()) > 1 and re.search(r"\b(?:at|of|from)\b", low):
        return np[:1].upper() + np[1:], [], "org"  # "Analysts at Goldman Sachs", "economists at the bank"
    if low in PRONOUNS:
        if low in {"he", "she", "i"}:
            return ctx.last_person, [], "person" if ctx.last_person else None
        if low in {"they", "we"}:
            return ctx.last_speaker, [], "org" if ctx.last_speaker else None
        return (ctx.last_org, [], "org") if ctx.last_org else (None, [], None)
    role, name = split_title(np)
    if name and name[0].isupper() and name.split()[0].lower() not in NOT_NAMES:
        tokens = name.split()
        if len(tokens) == 1:
            full = ctx.by_surname(tokens[0])
            if full:
                return full, [], "person"
            if tokens[0].lower() in INSTITUTION_NOUNS:
                return tokens[0], [], "org"
            return tokens[0], [], "org" if tokens[0].isupper() or role == "" else "person"
        if name in ctx.people:
            return name, [], "person"
        if len(tokens) <= 4 and all(t[0].isupper() for t in tokens if t.lower() not in {"of", "the", "de"}):
            last = tokens[-1].lower()
            if last in INSTITUTION_NOUNS or any(t.lower() in INSTITUTION_NOUNS for t in tokens):
                return name, [], "org"
            return name, [], "person" if len(tokens) <= 3 else "org"
    # role phrases: "the Russian president", "the minister", "the company"
    head = re.sub(r"['’]s$", "", low.split()[-1]) if low.split() else ""
    if head in PERSON_ROLE_NOUNS or (low.startswith(("the ", "his ", "her ", "their ")) and head in PERSON_ROLE_NOUNS):
        person = ctx.by_role(np)
        if person:
            return person, [], "person"
    if head in ORG_ROLE_NOUNS and low.startswith(("the ", "its ")) and ctx.last_org:
        return ctx.last_org, [], "org"
    if head in INSTITUTION_NOUNS or low in INSTITUTION_NOUNS:
        words = np.split()
        if words and words[0].lower() in {"the", "a", "an", "some", "several", "many"}:
            words = words[1:]
        phrase = " ".join(words)
        return (phrase[:1].upper() + phrase[1:]) if phrase else None, [], "org"
    return None, [], None


def _known_person_in(np: str, ctx: SpeakerContext) -> str | None:
    """A person learned from the text whose full name, or unique surname as the last word, is in the phrase."""
    best: tuple[int, str] | None = None
    for name in ctx.people:
        idx = np.rfind(name)
        if idx >= 0 and (best is None or idx > best[0]):
            best = (idx, name)
    if best:
        return best[1]
    words = re.findall(r"[\w’'+-]+", np)
    if words and words[-1][:1].isupper() and len(words) <= 6:
        return ctx.by_surname(words[-1])
    return None


def _looks_like_speaker(part: str, ctx: SpeakerContext) -> bool:
    part = _clean_np(part)
    if not part:
        return False
    if part.lower() in {"he", "she", "i"}:
        return True
    _, name = split_title(part)
    return bool(name) and name[0].isupper() and name.split()[0].lower() not in NOT_NAMES


def remember(ctx: SpeakerContext, speaker: str | None, kind: str | None) -> None:
    if not speaker:
        return
    ctx.last_speaker = speaker
    if kind == "person":
        ctx.last_person = speaker
    elif kind == "org":
        ctx.last_org = speaker


def aliases_for(ctx: SpeakerContext, speaker: str) -> list[str]:
    person = ctx.people.get(speaker)
    return sorted(person.aliases) if person else []
