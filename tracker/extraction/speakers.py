"""Who said it: speech frames, 'according to', clause subjects, roles, pronouns and aliases,
all resolved within one text to one normalised name per person."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tracker.extraction.entities import first_name_gender, gender_of, is_demonym, is_non_speaker_body, is_place
from tracker.names import TITLE_WORDS

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
CAP = rf"(?:[{UPPER}][\w’'+-]*[\w’'+-]|[{UPPER}]\.|(?:al|el|ad|as|an|ash|at|az|ibn|bin|ben|abu|ould)-[A-Z][\w’'-]+)"
NAME = (rf"(?:{CAP}(?:(?: (?:de|van|von|der|den|da|bin|binti|bint|al|la|le|di|du|del|dos|das|della|"
        rf"y|Ó|Ní|Nic|Mac))+ | )){{1,7}}{CAP}")
NAME_RUN = re.compile(rf"(?<![\w’'-]){NAME}(?![\w’'-])")
# Capitalised sentence openers that run into a name: "When Teodora Vasilescu took over …"
LEADING_CONNECTIVE = re.compile(r"(?:When|After|Before|If|As|While|Since|Although|Though|But|And|So|Then|Now|Once|"
                                r"Until|Because|Meanwhile|Later|Today|Yesterday)\s+(?=\S+\s+\S)")
SPEECH_VERBS = (
    r"said|says|say|told|tells|tell|warned|warns|warn|predicted|predicts|predict|claimed|claims|claim|insisted|"
    r"insists|stated|states|argued|argues|noted|notes|added|adds|announced|announces|believes|believe|believed|"
    r"thinks|think|thought|wrote|writes|tweeted|posted|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|forecast|"
    r"forecasts|estimated|estimates|suggested|suggests|indicated|indicates|hinted|confirmed|confirms|assured|"
    r"assures|reiterated|reiterates|acknowledged|admitted|conceded|expects|expected|reckons|maintained|"
    r"maintains|signalled|signaled|signals|projected|projects|told reporters|cautioned|cautions|pledged|vowed|"
    r"promised|promises|vows|pledges|guaranteed|expressed confidence|is confident|was confident|hopes|hoped|"
    r"doubted|doubts|feared|fears|reckoned|wrote on \w+|posted on \w+|ruled|ordered|"
    r"averred|disclosed|affirmed|asserted|remarked|observed|underscored|highlighted|clarified|"
    r"saying|adding|warning|noting|insisting|arguing|predicting|outlined|set out|laid out|detailed|"
    r"repeated|restated|reaffirmed|reports|informs|informed|"
    r"promise|pledge|vow|warn|argue|insist|fear|hope|estimate|"
    r"declared|testified|explained|replied|responded|revealed|reported|urged|recommended|advised"
)
AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|has also|have also|reportedly|again|repeatedly|publicly|previously|once|personally|"
    r"recently|separately|earlier|later|already|then|now|still|further|himself|herself|themselves|itself|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in (?:a|an) [\w ]+|last week|this week))+$",
    re.IGNORECASE)
PARTICLES = {"de", "van", "von", "der", "da", "bin", "al", "la", "le", "di", "du", "del", "el", "ibn", "ben", "abu",
             "den", "ter", "dos", "das", "della", "y", "binti", "bint", "ó", "ní", "ap"}
# Family names written first (Vietnamese four-part names): "Nguyen Thi Lan Huong" is all name, no title.
SURNAMES_FIRST = {"nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho",
                  "ngo", "duong", "ly", "trinh", "dinh", "lam", "truong"}
# Verbs whose subject is a person: "Hinewai Tapsell chairs Federated Growers"
PERSON_VERBS = (r"chairs|heads|leads|runs|directs|coaches|captains|founded|co-founded|spoke|speaks|"
                r"has (?:run|led|headed|chaired|coached)")
# Auxiliaries that open a question and can look like a first name: "Q: Will Vietnam retaliate?"
QUESTION_OPENERS = {"will", "may", "can", "could", "would", "should", "shall", "must", "did", "does", "do", "is",
                    "are", "was", "were", "has", "have", "had"}
NOT_PERSON_TOKENS = {"democrat", "democrats", "republican", "republicans", "party", "socialist", "socialists",
                     "liberal", "liberals", "conservative", "conservatives", "green", "greens", "labour", "union",
                     "front", "alliance", "movement", "church", "cup", "league", "day", "week", "street", "avenue",
                     "road", "square", "bridge", "airport", "station", "university", "hospital", "school", "park",
                     "river", "lake", "mountain", "island", "bay", "coast", "valley", "county", "district",
                     "province", "region", "city", "state", "republic", "kingdom", "games", "olympics", "prize",
                     "award", "summit", "forum", "index", "report", "act", "bill", "law", "plan", "fund", "forces",
                     "international", "open", "masters", "championship", "championships", "grand", "prix",
                     "classic", "studies", "research", "analytics", "economics", "consulting", "advisory",
                     "associates", "mobility", "biologics", "media", "news", "times", "post", "herald", "tribune",
                     "journal", "gazette", "telegraph", "express", "daily", "weekly", "tv", "radio", "group", "line",
                     "lane", "tower", "hall", "centre", "center", "house", "port", "plaza", "market", "arena",
                     "stadium", "way", "bank", "trust", "capital", "macro", "supporters",
                     "meeting", "assembly", "conference", "congress", "session", "mission", "programme",
                     "program", "scheme", "initiative", "project", "agency", "authority", "office"}
PRONOUNS = {"he", "she", "they", "we", "i", "it", "him", "her"}
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
PERSON_TITLES = {
    "president", "minister", "chief", "director", "governor", "mayor", "ceo", "cfo", "coo", "cto", "coach",
    "spokesman", "spokeswoman", "spokesperson", "secretary", "chair", "chairman", "chairwoman", "chairperson",
    "leader", "senator", "mp", "mep", "dr", "professor", "prof", "judge", "general", "colonel", "ambassador", "envoy",
    "analyst", "economist", "strategist", "commissioner", "premier", "king", "queen", "prince", "princess", "bishop",
    "treasurer", "manager", "captain", "founder", "co-founder", "executive", "officer", "striker", "goalkeeper",
    "deputy", "adviser", "advisor", "aide", "head", "mr", "mrs", "ms", "sir", "dame", "lord", "lady", "cllr", "rep",
    "sen", "gov", "gen", "justice", "prosecutor", "lawyer", "attorney", "counsel", "mediator", "negotiator", "shri",
    "smt", "excellency", "engr", "alhaji", "datuk", "dato", "sheikh", "rev", "reverend", "pastor", "imam", "rabbi",
    "cardinal", "pope", "archbishop", "lieutenant", "major", "admiral", "marshal", "sergeant", "commander",
    "inspector", "superintendent", "prefect", "councillor", "councilor", "alderman", "sheriff", "scientist",
    "researcher", "engineer", "forecaster", "meteorologist", "advocate", "candidate", "nominee", "incumbent",
    "challenger", "democrat", "republican", "defender", "midfielder", "winger", "forward", "quarterback",
    "boss", "owner", "administrator", "registrar", "auditor", "ombudsman", "president-elect", "mayor-elect",
    "lieutenant-colonel", "colonel-general", "major-general", "lieutenant-general", "brigadier",
}
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


ORG_MARKERS = re.compile(
    r"\b(?:Ministry|Bank|Corp|Corporation|Inc|Ltd|Group|Airlines?|Airways|Agency|Council|Commission|Authority|"
    r"Institute|Union|Party|Motors|Energy|Holdings|Foundation|Fund|Office|Department|Service|Federation|"
    r"League|Association|Reserve|Board|Committee|Court|Company|Co|Partners|Capital|Systems|Technologies|"
    r"Labs|Pharma|Therapeutics|Club|FC|Securities|Studies|Research|Analytics|Economics|Consulting|"
    r"Advisory|Associates|Mobility|Biologics|Biotech|Vaccines|Sciences|Genomics|Robotics|Logistics|"
    r"Semiconductor|Semiconductors|Insurance|Investments?|Ventures|Entertainment|Communications|Airlines|"
    r"Shipping|Automotive|Solar|Wind|Grid|Networks?|Water|Utilities|Transit|Metro|Electricity|Renewables|"
    r"Rovers|United|Athletic|Wanderers|Albion|Rangers|Sporting|Dynamo|Racing|Motorsport|Aerospace|Space|"
    r"Games|Studios|Pictures|Records|Brands|Hotels|Banca|Banco|Banque|Coalition|Partnership|Outlook|"
    r"Festival|Workers|Renewal|Mission|Democrats|Republicans|Conservatives|Socialists|Greens|Liberals|"
    r"Tories|ASA|AS|AB|SA|AG|GmbH|PLC|plc|NV|BV|Oyj|SpA|S\.A\.|Ltd\.|LLC|LLP|Inc\.|Corp\.|Resorts|Ferries|"
    r"Ferry|Lines|Cruises|Marine|Copper|Gold|Silver|Resources|Metals|Minerals|Coal|Lithium|Nickel|Foods|"
    r"Retail|Air|Power|Mining|Data|Bancorp|Steel|Oil|Gas|Petroleum|Telecom|Industries|Electric|Airport|"
    r"Port|Railways?|Rail|Centre|Center|Hospital|Trust|Society|Chamber|Assembly|Parliament|University|"
    r"Police|Army|Forces|Command|Kremlin|Pentagon|Government|Cabinet|Treasury|Secretariat|Administration|"
    r"Organi[sz]ation|Alliance|Network|Media|News|Times|Post|Press|Bureau)\b")
ORG_NAME = re.compile(
    r"(?<![\w’'-])(?:[A-Z][\w&’'+.-]*[ ]+(?:(?:of|for|and|de|du|the|&)[ ]+)*){0,6}"
    r"(?:[A-Z][\w&’'+.-]*)(?![\w’'-])")
# "Ministry of Economy, Trade and Industry": one body whose name holds commas
LISTED_ORG = re.compile(r"\b(?:Ministry|Department|Commission|Committee|Agency|Council|Office|Bureau|Institute|"
                        r"Authority|Secretariat)\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:,\s+[A-Z][\w-]*)+,?\s+"
                        r"(?:and|&)\s+[A-Z][\w-]*")
ORG_DESCRIPTORS = (r"maker|operator|retailer|carrier|airline|company|firm|group|start-?up|developer|manufacturer|"
                   r"producer|lender|insurer|chipmaker|carmaker|automaker|steelmaker|drugmaker|miner|utility|"
                   r"broadcaster|publisher|platform|exchange|fund|giant|rival|supplier|provider|regulator|watchdog|"
                   r"pollster|consultancy|charity|conglomerate|refiner|shipper|shipyard|brewer|bank|club|outlet|site|"
                   r"website|newspaper|agency|model|institute|think tank|channel|concessionaire|"
                   r"distributor|wholesaler|exporter|importer|railway|studio|practice|atelier")
# "Bus operator Yorkway", "smart-speaker maker Tessel", "Finnish refiner Pohjola Renewables": a company
DESCRIBED_ORG = re.compile(rf"(?:(?<=\s)|^)(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?P<desc>{ORG_DESCRIPTORS})\s+"
                           rf"(?P<name>[A-Z][\w&.'’-]*(?:\s+(?!(?:said|says|will|would|on|in)\b)[A-Z][\w&.'’-]*){{0,3}})")
NOT_ORG_ACRONYMS = {"EBITDA", "GDP", "CPI", "EPS", "IPO", "ETF", "LNG", "EV", "EVS", "AI", "CEO", "CFO", "COO", "CTO",
                    "USD", "EUR", "GBP", "VAT", "PMI", "HICP", "YOY", "QOQ", "ROE", "FY", "H1", "H2", "Q1", "Q2",
                    "Q3", "Q4", "NHS", "BST", "GMT", "UTC", "CET", "EST", "PST", "MSK", "KM", "MW", "GW", "TWH",
                    "MWH", "GWH", "BPD", "PPM", "ESG", "SUV", "SUVS", "TV", "PDF", "URL", "FAQ", "OK", "LIVE",
                    "UPDATE", "BREAKING", "NEW", "ALERT", "WATCH", "READ", "MORE"}
GENERIC_ORG_HEADS = {"maker", "producer", "lender", "chain", "developer", "carrier", "alliance", "coalition", "bloc",
                     "consortium", "partnership", "network", "site", "platform",
                     "pollster", "forecaster", "insurer", "refiner", "shipper", "utility", "operator", "company",
                     "firm", "group", "airline", "automaker", "carmaker", "bank", "retailer", "manufacturer", "club",
                     "team",
                     "ministry", "agency", "commission", "council", "committee", "regulator", "authority", "court",
                     "party", "union", "association", "institute", "government", "administration", "board",
                     "department", "office", "fund", "league", "federation", "chipmaker", "drugmaker",
                     "miner", "startup", "watchdog", "service", "organisation", "organization"}
GOV_HEADS = {"ministry", "agency", "commission", "council", "committee", "regulator", "authority", "court",
             "government", "administration", "department", "office", "watchdog", "service"}


@dataclass
class Person:
    name: str
    roles: list[str] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    gender: str | None = None  # 'm', 'f' or None (unknown: agrees with either pronoun)


@dataclass
class SpeakerContext:
    """Names seen so far in one text, so 'Trump', 'the Russian president' and 'he' resolve."""

    people: dict[str, Person] = field(default_factory=dict)
    last_person: str | None = None
    last_org: str | None = None
    last_speaker: str | None = None
    # (offset in the text, person) for every mention of a learned person, in text order
    mentions: list[tuple[int, str]] = field(default_factory=list)
    # names quoted with a speech verb somewhere in the text ("Airbus said"): they speak
    speaking_names: set[str] = field(default_factory=set)
    position: int = 0  # offset of the sentence being read, for pronouns
    sentence_at: int = 0  # offset of the start of that sentence
    orgs: list[tuple[int, str]] = field(default_factory=list)  # (offset, organisation) mentions in text order
    org_kinds: dict[str, str] = field(default_factory=dict)  # "Borneo Insight Research" → "pollster"
    topics: list[str] = field(default_factory=list)  # people the text was last about, most recent first
    # per-clause state the pipeline reads back after resolving a speaker
    basis: str = ""  # where the last speaker came from: frame, tail, according, label, subject, …
    framed: bool = False  # the clause sits under a speech frame or a noun frame ("bets that …")
    tail_unresolved: bool = False  # an attribution follows the claim but names nobody we know
    voice: str | None = None  # who says "I"/"we" in the sentence being read (quote, label or author)

    def learn(self, text: str) -> None:
        """Collect 'Role Words Full Name' mentions from the whole text before any attribution."""
        for m in NAME_RUN.finditer(text):
            titled = _titled_person(m, text)
            if titled is not None:
                self._add_titled(*titled)
        self._learn_appositive_roles(text)
        self._learn_trailing_roles(text)
        self._merge_partial_names()
        for person in self.people.values():
            person.gender = gender_of(person.name, person.roles, strict=True) or \
                _gender_from_pronouns(text, person.name) or gender_of(person.name, [])
        self._find_mentions(text)
        self._find_orgs(text)
        self._learn_speaking_names(text)

    def _add_titled(self, role: str, name: str) -> None:
        """Record a person named in a run, with the title written before the name as a role and an alias."""
        person = self.people.setdefault(name, Person(name))
        person.aliases.add(name.split()[-1])
        if role:
            person.roles.append(role.lower())
            person.aliases.add(f"{role} {name}")

    def _learn_appositive_roles(self, text: str) -> None:
        """People introduced by a role and a comma: "the president of its commission, Alieu Ceesay-Bah," /
        "Congo's foreign minister, Patience Ilunga, said"."""
        for m in re.finditer(rf"(?P<role>\b[\w’'-]+(?:\s+[\w’'-]+){{0,5}}),\s+(?P<name>{NAME})"
                             rf"(?=\s*[,.;:)]|\s+(?:said|says|told))",
                             text):
            role_words = m.group("role").lower().split()
            title, name = split_title(m.group("name"))
            if title:
                role_words += title.lower().split()  # "His spokesperson, Colonel Mariama Issoufou,"
            if not (set(role_words) & PERSON_ROLE_NOUNS or set(role_words) & {"spokesperson", "head", "deputy"}) \
                    or ORG_MARKERS.search(name) or is_place(name) or len(name.split()) < 2:
                continue
            person = self.people.setdefault(name, Person(name))
            person.aliases.add(name.split()[-1])
            role = " ".join(w for w in role_words if w not in {"the", "a", "an", "its", "his", "her", "their"})
            person.roles.append(role)

    def _learn_trailing_roles(self, text: str) -> None:
        """People followed by their role: "Participants: Thabo Nkosi, chief executive; Amara Diallo, chief
        financial officer."."""
        for m in re.finditer(rf"(?P<name>{NAME}),\s+(?:the\s+|a\s+|its\s+|[A-Z][\w.-]*['’]s\s+)?"
                             rf"(?P<role>[a-z][a-z -]{{2,40}}?)"
                             rf"(?:\s+(?:of|at|for)\s+[^,;\n]{{2,60}})?(?=\s*[;,.)\n])", text):
            _, name = split_title(m.group("name"))
            tokens = name.split()
            if len(tokens) < 2 or not set(m.group("role").split()) & PERSON_TITLES or ORG_MARKERS.search(name) \
                    or is_place(name) or any(t.lower() in NOT_NAMES for t in tokens):
                continue
            person = self.people.setdefault(name, Person(name))
            person.aliases.add(tokens[-1])
            person.roles.append(m.group("role").strip())

    def _merge_partial_names(self) -> None:
        """Drop a name that is part of a longer one: "Rask Andersen" is "Mette Rask Andersen"."""
        for short in [n for n in self.people
                      if any(o != n and (o.endswith(" " + n) or o.startswith(n + " ")) for o in self.people)]:
            del self.people[short]

    def _learn_speaking_names(self, text: str) -> None:
        """Names written with a speech or action verb ("Airbus said", "Nuvio plans"): they speak."""
        for m in re.finditer(rf"(?<![\w’'-])((?:[A-Z][\w&’'+.-]*\s){{0,3}}[A-Z][\w&’'+-]*)"
                             rf"(?:,[^,]{{3,80}},)?\s+(?:on \w+day\s+)?(?:{SPEECH_VERBS}|plans|expects|aims|intends|"
                             rf"reported|posted|raised|announced|unveiled|launched|cut|lowered|lifted|fined|ordered|"
                             rf"signed|filed|acquired|hired|opened|closed|warned)\b", text):
            self.speaking_names.add(m.group(1).lower())

    def _find_mentions(self, text: str) -> None:
        found: list[tuple[int, str]] = []
        for person in self.people.values():
            surname = person.name.split()[-1]
            unique = self.by_surname(surname) == person.name
            pattern = re.escape(person.name) + (rf"|(?<![\w-]){re.escape(surname)}(?![\w-])" if unique else "")
            for m in re.finditer(pattern, text):
                found.append((m.start(), person.name))
            for role in person.roles:
                head = role.split()[-1]
                for m in re.finditer(rf"\b(?:the|The)\s+(?:[a-z]+\s+)?{re.escape(head)}\b(?!\s+[A-Z])", text):
                    found.append((m.start(), person.name))
        self.mentions = sorted(set(found))

    def _find_orgs(self, text: str) -> None:
        found = self._described_orgs(text)
        for m in ORG_NAME.finditer(text):
            name = self._org_in_run(m, text)
            if name is not None:
                found.append((m.start(), name))
        for m in LISTED_ORG.finditer(text):  # the whole name, not "Ministry of Economy" and "Trade and Industry"
            found = [(at, name) for at, name in found if not m.start() <= at < m.end()] + [(m.start(), m.group(0))]
        self.orgs = sorted(set(found))

    def _described_orgs(self, text: str) -> list[tuple[int, str]]:
        """Organisations the text describes as such, with their kind: "Bus operator Yorkway", "Lumora, the
        e-reader maker backed by …", "Kestrel Foods, a Zurich-listed confectioner"."""
        found: list[tuple[int, str]] = []
        for m in DESCRIBED_ORG.finditer(text):
            name = re.split(r"\.\s+", m.group("name"))[0].rstrip(".")
            if name not in self.people and not is_place(name):
                found.append((m.start("name"), name))
                self.org_kinds[name] = m.group("desc").lower()
        for m in re.finditer(rf"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){{0,3}}),\s+(?:the|a|an)\s+"
                             rf"(?:[\w-]+\s+){{0,3}}?(?P<desc>{ORG_DESCRIPTORS}|[a-z]+(?:er|or|ist))\b", text):
            name = m.group("name")
            if name not in self.people and not is_place(name) and name.split()[0] not in {"The", "A", "An"} and \
                    name.split()[-1].lower() not in NOT_NAMES:  # "… from 8 November, the utility said"
                found.append((m.start("name"), name))
                self.org_kinds.setdefault(name, m.group("desc").lower())
        return found

    def _org_in_run(self, m: re.Match[str], text: str) -> str | None:
        """The organisation a run of capitalised words names, or None when it names a person, a place, a
        street or nothing that speaks."""
        name = _org_run_name(m.group(0))
        if (not name or name.upper() in NOT_ORG_ACRONYMS or name in self.people or is_place(name)
                or any(name.endswith(p) for p in self.people)
                or all(is_place(re.sub(r"^the\s+", "", p)) for p in name.split(" and "))
                or name.split()[-1].lower() in {"street", "road", "avenue", "square", "bridge", "boulevard", "lane",
                                                "highway", "river", "lake", "line", "tunnel"}):
            return None
        tokens = name.split()
        if (ORG_MARKERS.search(name) and len(tokens) >= 2) or name.lower() in self.speaking_names or (
                len(tokens) == 1 and name.replace(".", "").isupper() and 3 <= len(name.replace(".", "")) <= 6
                and not re.match(r"\s*(?:,|\(|[-–—])", text[m.end():m.end() + 3])):
            return name
        return None

    def org_at(self, position: int, head: str | None = None) -> str | None:
        """The organisation mentioned last before `position`; with `head` ('ministry'), one whose name
        has that word, or for a company-like head one that is not a government body."""
        if head is not None:
            kinds = [name for offset, name in reversed(self.orgs) if offset < position
                     and self.org_kinds.get(name) == head]
            if kinds:
                return kinds[0]  # "the pollster" → the one introduced as "pollster Borneo Insight Research"
            named = [name for offset, name in reversed(self.orgs) if offset < position
                     and head in name.lower().split()]
            if named:
                return named[0]  # "the bank" → "Savannah Trust Bank" though the exchange was named since
        for offset, name in reversed(self.orgs):
            if offset >= position:
                continue
            if head is None:
                return name
            low = name.lower()
            if head not in GOV_HEADS and not any(g in low.split() for g in GOV_HEADS) and not re.search(
                    r"\b(?:University|Cathedral|Church|Museum|Hospital|School|College|Court|Parliament|Stadium|"
                    r"Arena|Airport|Station|Square|Park)\b", name):
                return name
        return None

    def pronoun(self, word: str, position: int) -> str | None:
        """Who 'he' or 'she' is: the person the text was last about (the previous speaker or sentence
        subject, centering on the discourse's topic) when their gender agrees and they were mentioned in
        the last few hundred characters; else the nearest person mentioned before whose gender agrees."""
        want = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(word.lower())
        for topic in self.topics:
            person = self.people.get(topic)
            last_at = max((at for at, name in self.mentions if name == topic and at < position), default=-1)
            if person and last_at >= 0 and position - last_at < 200 and want and person.gender == want:
                return topic
        current = self.people.get(self.topics[0]) if self.topics else None
        if current and want and current.gender is None and any(
                name == current.name and 0 <= position - at < 200 for at, name in self.mentions):
            return current.name  # the one the text is about, when their gender is unknown
        unknown: tuple[int, str] | None = None
        for offset, name in reversed(self.mentions):
            if offset >= position:
                continue
            gender = self.people[name].gender if name in self.people else None
            if want is None or gender == want:
                # a person whose gender agrees wins over a nearer one whose gender is unknown, unless that
                # one is much nearer
                if unknown is None or unknown[0] - offset < 400:
                    return name
                return unknown[1]
            if gender is None and unknown is None:
                unknown = (offset, name)
        return unknown[1] if unknown else self.last_person

    def by_surname(self, word: str) -> str | None:
        """'Ortiz' → 'Lena Ortiz'; 'Ríos' → 'Valentina Ríos Araya' (a first surname works too)."""
        key = word.lower()
        matches = [p.name for p in self.people.values() if p.name.split()[-1].lower() == key]
        if not matches:
            matches = [p.name for p in self.people.values()
                       if key in (t.lower() for t in p.name.split()[1:]) and key not in PARTICLES]
        if not matches and " " in word:
            matches = [p.name for p in self.people.values() if p.name.lower().endswith(" " + key)]
        return matches[0] if len(set(matches)) == 1 else None

    def by_role(self, role_phrase: str) -> str | None:
        phrase = re.sub(r"\b[\w-]+['’]s\b", " ", role_phrase)  # "Poland's foreign minister" → "foreign minister"
        words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in {"the", "a", "an", "s", "his", "her",
                                                                                "its", "their", "our", "former"}
                 and not is_place(w)]
        if not words:
            return None
        matching = [person.name for person in self.people.values()
                    if any(all(w in role.split() or w.rstrip("s") in role.split() for w in words)
                           for role in person.roles)]
        if len(matching) > 1:  # "the defence minister" with two in the story: the one mentioned last
            last = {name: at for at, name in self.mentions if at < self.position}
            matching.sort(key=lambda n: last.get(n, -1))
        return matching[-1] if matching else None


def _role_words_before(text: str, start: int) -> list[str]:
    """The title words written right before a name ("Finance Minister" in "Finance Minister Lena Ortiz")."""
    role_words: list[str] = []
    for word in reversed(text[max(0, start - 80): start].split()):
        if not role_words and word.lower() in {"dr.", "prof.", "dr", "prof"}:
            continue  # "Governor Dr. Asad Mehmood Chaudhry": the role stands before the honorific
        if word.endswith((",", ".", ";", ":")) or word.lower().strip("’'") not in TITLE_WORDS:
            break
        role_words.insert(0, word)
    return role_words


def _run_role_and_name(m: re.Match[str], text: str) -> tuple[str, str]:
    """(role, name) for a run of capitalised words and the title before it; the role is '' unless it holds
    a person's title."""
    role_words = _role_words_before(text, m.start())
    run = m.group(0)
    opener = LEADING_CONNECTIVE.match(run)
    if opener:  # "When Teodora Vasilescu took over …"
        run, role_words = run[opener.end():], []
    role, name = split_title(" ".join([*role_words, run]))
    if not set(re.findall(r"[a-z-]+", role.lower())) & PERSON_TITLES:
        role = ""  # "the Northern Ring", "the first Saltmarsh Jazz Festival" have no title
    return role, name


def _not_a_name(tokens: list[str], name: str, m: re.Match[str], text: str) -> bool:
    """Words that cannot be a person's name: one word, a particle first, a month, an organisation, a place,
    a demonym, a compass point, or a question's auxiliary ("Will Vietnam")."""
    return len(tokens) < 2 or tokens[0].lower() in PARTICLES or \
        any(t.lower() in NOT_NAMES or t.lower() in NOT_PERSON_TOKENS for t in tokens) \
        or bool(ORG_MARKERS.search(name)) or bool(re.search(r"['’]s?$", tokens[0])) or is_place(name) \
        or is_demonym(tokens[0]) or tokens[0].lower() in {"west", "east", "north", "south", "central"} \
        or (is_place(tokens[0]) and not first_name_gender(tokens[0])) \
        or (tokens[0].lower() in QUESTION_OPENERS and (is_place(" ".join(tokens[1:])) or bool(re.match(
            r"[^.!?\n]*\?", text[m.end():]))))


def _unconfirmed_pair(role: str, tokens: list[str], name: str, text: str) -> bool:
    """A capitalised pair with neither a title, a known first name nor a speech verb may be a place or a
    headline."""
    return not role and not (first_name_gender(tokens[0]) and not is_place(name)) and not re.search(
        rf"\b(?:{re.escape(name)}|{re.escape(tokens[-1])})(?:(?:,[^,]{{3,80}},)?\s+(?:{SPEECH_VERBS}|"
        rf"{PERSON_VERBS})\b|,\s+(?:aged\s+)?\d{{1,2}},)", text
    )


def _titled_person(m: re.Match[str], text: str) -> tuple[str, str] | None:
    """(role, name) of the person a run of capitalised words names, or None when it names a company, a
    place, part of a longer name or nothing certain."""
    role, name = _run_role_and_name(m, text)
    if role and re.fullmatch(rf"(?:.*\s)?(?:{ORG_DESCRIPTORS})", role.lower()):
        return None  # "ferry operator Wyker Dampfschiffs-Reederei" is a company, not a person
    if not role and not first_name_gender(name.split()[0]) and re.search(
            r"[A-Z][\w’'-]*\s+(?:of|for|and|de|du)\s+$", text[max(0, m.start() - 40):m.start()]):
        return None  # "National Institute for Public Health": part of a longer name
    if name.isupper():
        name = name.title()  # "CHUKWUEMEKA OKONKWO (CEO):" in a transcript
    tokens = name.split()
    if _not_a_name(tokens, name, m, text):
        return None  # "Sofia Lindahl" is a person although Sofia is a capital; "Will Vietnam" is not
    if _unconfirmed_pair(role, tokens, name, text):
        return None
    if re.match(r"\s+(?:airport|stadium|street|avenue|road|bridge|hospital|university|school|station|"
                r"square|park|arena|hall|centre|center|institute|foundation|prize|award|cup)\b",
                text[m.end():m.end() + 20], re.I):
        return None  # "Blaise Diagne airport" is a place named after a person
    return role, name


def _org_run_name(run: str) -> str:
    """An organisation's name from a run of capitalised words: article, 'Statement of the', possessive,
    a sentence before it, a trailing place, a title after it and a descriptor before it dropped."""
    name = run.strip()
    name = re.sub(r"^(?:The|A|An|Its|Their|His|Her)\s+", "", name)
    name = re.sub(r"^(?:Statement|Report|Press Release|Decree|Order|Letter|Resolution)\s+of\s+(?:the\s+)?", "",
                  name)
    name = re.sub(r"['’]s$", "", name)
    name = re.split(r"\.\s+", name)[-1]
    name = re.sub(r"\s+of\s+the\s+[A-Z][\w ]+$", lambda t: "" if is_place(t.group(0).split(" of ")[-1]
                  .replace("the ", "")) else t.group(0), name)
    cut = [i for i, t in enumerate(name.split()) if t.lower() in PERSON_ROLE_NOUNS | {"minister", "ceo"}]
    if cut:
        name = " ".join(name.split()[:cut[0]])
    name = _org_name(name).rstrip(".")
    first, _, rest = name.partition(" of the ")
    if rest and len(first.split()) >= 2 and ORG_MARKERS.search(first):
        name = first  # "Monetary Policy Committee of the Central Bank of Estoria"
    return name


def _gender_from_pronouns(text: str, name: str) -> str | None:
    """'Berg said she…' more often than '…he…' right after the name: the text tells."""
    surname = re.escape(name.split()[-1])
    he = len(re.findall(rf"{surname}\b[^?!\n]{{0,100}}?\b(?i:he|his|him)\b", text))
    she = len(re.findall(rf"{surname}\b[^?!\n]{{0,100}}?\b(?i:she|her)\b", text))
    return "m" if he > she else "f" if she > he else None


def split_title(phrase: str) -> tuple[str, str]:
    """('US President', 'Donald Trump') from 'US President Donald Trump'; possessives dropped.
    Everything up to the last title word goes when at least two words remain ('Tesla CEO Elon Musk')."""
    phrase = re.sub(r"^(?:[\w’'-]+\s+){0,3}?[\w’'-]+['’]s\s+(?=\S)", "", phrase.strip())  # "Jade River's Wang Xiulan"
    tokens = phrase.split()
    i = 0
    while i < len(tokens) - 1 and (tokens[i].lower().rstrip(".,") in TITLE_WORDS or tokens[i].islower() or (
            "-" in tokens[i] and all(p in TITLE_WORDS for p in tokens[i].lower().rstrip(".,").split("-")))):
        i += 1
    for j in range(len(tokens) - 3, i - 1, -1):
        if tokens[j].lower().rstrip(".,") in TITLE_WORDS - {"of", "the", "us", "uk", "eu"} \
                and all(t[:1].isupper() or t.split("-")[0] in PARTICLES for t in tokens[j + 1:]):
            i = j + 1
            break
    if 0 < i < len(tokens) - 2 and tokens[i - 1].lower() in {"for", "of", "and"} and not first_name_gender(tokens[i]):
        i += 1  # "Commissioner for Transportation Funmilayo Adebanjo"
    # "Treasurer Amira Haddad", "Secretary of State for Tax Affairs Rui Dantas Amaral": the name starts at
    # the first known first name followed only by capitalised words.
    if len(tokens) - i > 3 and not first_name_gender(tokens[i]) and tokens[i].lower() not in SURNAMES_FIRST:
        for j in range(i + 1, len(tokens) - 1):
            rest = tokens[j:]
            if first_name_gender(tokens[j - 1]) and tokens[j - 1].lower() not in PARTICLES:
                break
            if len(rest) <= 4 and tokens[j].lower() not in PARTICLES and first_name_gender(tokens[j].strip(",.")) \
                    and all(t[:1].isupper() or t.lower() in PARTICLES for t in rest):
                i = j - 1 if tokens[j - 1].lower() in SURNAMES_FIRST else j  # "partner Nguyen Thi Hoa"
                break
    return " ".join(tokens[:i]), " ".join(tokens[i:])


LEADING_TIME = re.compile(r"^(?:(?:on|last|this|late on|early on)\s+(?:monday|tuesday|wednesday|thursday|friday|"
                          r"saturday|sunday|night|week|month|year|morning|evening)\s*,?\s*|(?:and|but|then|that)\s+|"
                          r"(?:meanwhile|however|separately|still|instead|also|now|earlier|later|elsewhere),?\s+)+",
                          re.IGNORECASE)


def _clean_np(np: str) -> str:
    np = re.sub(r"^[^\w\"“]+", "", np)
    np = np.strip(" ,;:\"'“”‘’—-")
    np = LEADING_TIME.sub("", np)
    np = re.sub(r"\s*\([^)]{1,40}\)", "", np)  # "Independent Electoral Commission (IEC)"
    np = AUX_TAIL.sub("", np).strip(" ,")
    return np


def resolve_np(np: str, ctx: SpeakerContext) -> tuple[str | None, list[str], str | None]:
    """(speaker, co-speakers, kind) for a noun phrase; kind is 'person', 'org' or None for a non-speaker."""
    speaker, co, kind = _resolve_np(np, ctx)
    return _named(speaker, co, kind, ctx) if speaker else (speaker, co, kind)


ROLE_OF_SOMEONE = re.compile(r"(?P<det>[Tt]heir|[Hh]er|[Hh]is|[Ii]ts|[Oo]ur|[Aa]n?|[Tt]he)\s+(?P<role>[a-z][a-z -]*)")
OWNED_ROLE = re.compile(r"(?P<owner>[\w.&'’ -]+?)['’]s\s+(?P<rest>\S.*)")


Resolution = tuple[str | None, list[str], str | None]  # (speaker, co-speakers, kind)


def _named(speaker: str, co: list[str], kind: str | None, ctx: SpeakerContext
           ) -> tuple[str | None, list[str], str | None]:
    """A speaker is a name, never a description: 'Their chairman' is the chairman named in the text (else
    the organisation in view), 'Her spokesman' speaks for her, "Link Rail's chair" for Link Rail, and
    "Saudi Arabia's National Centre for Locust Control" is the centre."""
    speaker = re.sub(r",?\s+(?:KC|QC|SC|MP|MSP|MEP|OBE|MBE|CBE|PhD|MD)$", "", speaker)  # post-nominals
    role = ROLE_OF_SOMEONE.fullmatch(speaker)
    if role:
        return _role_holder(role, co, ctx)
    owned = OWNED_ROLE.fullmatch(speaker)
    if owned:
        return _owned_role_holder(owned, co, kind, ctx) or (speaker, co, kind)
    return speaker, co, kind


def _role_holder(role: re.Match[str], co: list[str], ctx: SpeakerContext) -> Resolution:
    """'Their chairman', 'her spokesman', 'the minister': the person named with that role, else whom the
    possessive points to (a person for 'his'/'her', the organisation in view for 'its'/'their')."""
    det, words = role.group("det").lower(), role.group("role")
    person = ctx.by_role(words)
    if person:
        return person, co, "person"
    if det in ("her", "his"):
        owner = ctx.pronoun(det, ctx.position)
        return (owner, co, "person") if owner else (None, [], None)
    org = ctx.org_at(ctx.position, words.split()[-1]) or (ctx.org_at(ctx.position) if det in ("its", "their")
                                                            else None)
    return (org, co, "org") if org else (None, [], None)


def _owned_role_holder(owned: re.Match[str], co: list[str], kind: str | None, ctx: SpeakerContext
                       ) -> Resolution | None:
    """"Saudi Arabia's National Centre for Locust Control" is the centre; "Link Rail's chair" is the chair named
    in the text, else Link Rail; "the court's spokesman" the court named before. None: the phrase stays."""
    owner, rest = owned.group("owner"), owned.group("rest")
    if rest[:1].isupper() and (is_place(owner) or is_demonym(owner)):
        return rest, co, kind  # "Saudi Arabia's National Centre for Locust Control"
    if not (rest[:1].islower() and not (is_place(owner) or is_demonym(owner)) and rest.split()[-1] not in {
            "ministry", "government", "authority", "commission", "bank", "court", "agency", "regulator", "army",
            "parliament", "council", "police", "treasury", "cabinet", "presidency"}):
        return None
    person = ctx.by_role(rest)
    if person:
        return person, co, "person"
    if owner[:1].isupper() and owner.lower() not in GENERIC_ORG_HEADS | INSTITUTION_NOUNS | {"city", "state"}:
        who, _, who_kind = _resolve_np(owner, ctx)
        if who and who_kind in ("org", "person"):
            return who, co, who_kind  # "Link Rail's chair" with no chair named
        return None
    word = owner.split()[-1].lower()
    org = ctx.org_at(ctx.position, word)
    if org and (word in ORG_ROLE_NOUNS or word in org.lower().split() or ctx.org_kinds.get(org) == word):
        return org, co, "org"  # "the court's spokesman" → the court named before
    return None


def _resolve_np(np: str, ctx: SpeakerContext) -> tuple[str | None, list[str], str | None]:
    np = _clean_np(np)
    if not np:
        return None, [], None
    np = re.sub(r"^(?:both|the two leaders?)\b", "", np, flags=re.I).strip() or np
    for rule in NP_RULES:
        found = rule(np, ctx)
        if found is not None:
            return found
    return None, [], None


def _insider_or_role_holder(np: str, ctx: SpeakerContext) -> Resolution | None:
    """"our sources in the Energy Ministry" (the ministry); "a federal judge", "Wales's education secretary"
    (the one named with that role)."""
    in_org = re.match(r"^(?i:our\s+|the\s+)?(?i:sources?|officials?|people|insiders?)"
                      r"\s+(?:in|at|inside|close to|within)\s+"
                      r"(?:the\s+)?(?P<org>[A-Z][^,;]{1,60})$", np)
    if in_org:
        return _org_name(in_org.group("org")), [], "org"  # "our sources in the Energy Ministry"
    role_person = re.match(r"^(?i:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
                           r"(?P<role>judge|prosecutor|mediator|spokes\w+|minister)\b", np)
    if role_person and ctx.by_role(role_person.group("role")):
        return ctx.by_role(role_person.group("role")), [], "person"  # "a federal judge" named later
    place_role = re.fullmatch(r"(?P<place>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)['’]s?\s+(?P<role>(?:[a-z-]+\s+){0,2}"
                              r"(?:secretary|minister|president|governor|mayor|chancellor|commissioner|envoy|"
                              r"ambassador|premier|chief))", np)
    if place_role and is_place(place_role.group("place")) and ctx.by_role(place_role.group("role")):
        return ctx.by_role(place_role.group("role")), [], "person"  # "Wales's education secretary", named later
    return None


def _named_body(np: str, ctx: SpeakerContext) -> Resolution | None:
    """A body named with its kind or its people: "the ArmNews agency", "Trade ministry officials", "the city
    of Flensburg", "Army officials"."""
    outlet = re.fullmatch(r"(?i:the\s+)?(?!(?:The|A|An|This|Its)\s)"
                          r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*)\s+(?:news\s+)?(?:agency|"
                          r"newspaper|daily|website|channel|outlet|broadcaster)", np)
    if outlet and not is_place(outlet.group("name")) and not is_demonym(outlet.group("name")):
        return outlet.group("name"), [], "org"  # "according to the ArmNews agency"
    lower_org = re.fullmatch(r"(?P<org>[A-Z][\w'’-]*\s+(?:ministry|department|agency|government|police|army|council|"
                             r"party|company|bank))\s+(?:officials|sources|spokes\w+|representatives|staff)", np)
    if lower_org:
        return lower_org.group("org"), [], "org"  # "Trade ministry officials said …"
    city = re.fullmatch(r"(?i:the)\s+(?P<kind>city|town|municipality|county|region|province|district|state|village|"
                        r"government)"
                        r"\s+of\s+"
                        r"(?P<place>[A-Z][\w'’ -]{1,40})", np)
    if city:
        return f"{city.group('kind')} of {city.group('place')}", [], "org"  # "the city of Flensburg said"
    org_people = re.fullmatch(r"(?P<org>(?:the\s+)?(?!(?:A|An|The|One|Two|Three|Some|Several)\s)[A-Z][\w.&'’-]*"
                              r"(?:\s+[A-Z][\w.&'’-]*)*)\s+(?:officials|executives|"
                              r"sources|spokes(?:wo)?man|spokesperson|representatives|negotiators|lawyers|engineers|"
                              r"staff|scientists|researchers|analysts|economists|planners|inspectors|prosecutors)", np)
    if org_people and not is_place(org_people.group("org")) and not is_demonym(org_people.group("org")):
        return _org_of_people(org_people.group("org"), np, ctx), [], "org"
    return None


def _org_of_people(org: str, np: str, ctx: SpeakerContext) -> str:
    """The body in "Army officials told workers …", "Council engineers warned …": a generic head is the one
    named before, a lone ordinary word keeps its people ("City officials", not "City")."""
    org = re.sub(r"^the\s+", "", org)
    if org.lower() in GENERIC_ORG_HEADS:
        return ctx.org_at(ctx.position, org.lower()) or re.sub(r"^the\s+", "", np)  # else "City officials"
    if len(org.split()) == 1 and not org.isupper() and org.lower() not in ctx.speaking_names and \
            not any(org == name.split()[0] for _, name in ctx.orgs):
        return re.sub(r"^the\s+", "", np)  # "City officials", not "City"
    return org


def _unnamed_official(np: str, ctx: SpeakerContext) -> Resolution | None:
    """An official or spokesperson not named: "a Saudi foreign ministry official" (the ministry), "a
    spokeswoman for the European Commission" (the Commission), "the 26-year-old" (the last person)."""
    official = re.match(r"^(?i:a|an|one|two)\s+(?:senior\s+)?"
                        r"(?P<org>(?:[A-Z][\w-]*\s+)?(?:[a-z-]+\s+){0,2}(?:ministry|government|"
                        r"agency|army|military|police|embassy|office|party|bank|company|court|council|commission))\s+"
                        r"(?:official|spokes\w+|source|"
                        r"representative|diplomat|officer|aide)s?$", np)
    if official:
        org = official.group("org")
        if len(org.split()) == 1 and org.islower():
            return (ctx.org_at(ctx.position, org), [], "org") if ctx.org_at(ctx.position, org) else (None, [], None)
        return org, [], "org"  # "a Saudi foreign ministry official"
    spokes_for = re.match(r"^(?i:a|an|the)\s+(?:spokes\w+|official|source|representative|lawyer)"
                          r"\s+(?:for|at|from|of|with)\s+"
                          r"(?:the\s+)?(?P<org>[A-Z][^,;]{1,60})$", np)
    if spokes_for:
        who, _, who_kind = resolve_np(spokes_for.group("org"), ctx)
        return (who or spokes_for.group("org")), [], who_kind or "org"  # "a spokeswoman for the European Commission"
    if re.fullmatch(r"(?i:the)\s+\d+-year-old(?:\s+\w+)?", np):
        return ctx.last_person, [], "person" if ctx.last_person else None  # "the 26-year-old said"
    return None


def _anonymous_source(np: str, ctx: SpeakerContext) -> Resolution | None:
    """"a European Union official" (the Union), "a company spokesperson" (the company in view), "A
    spokeswoman said" in a story about one company; "two officials familiar with the talks" speak for nobody."""
    if not re.match(r"^(?:a|an|one|two|three|four|several|some|many|other|\d+)\s+(?:[\w.-]+\s+){0,3}?(?:"
                    r"officials?|diplomats?|sources?|persons?|people|aides?|insiders?|advisers?|advisors?|analysts?|"
                    r"economists?|executives?|members?|lawmakers?|residents?|experts?|observers?|traders?|bankers?|"
                    r"negotiators?|politicians?|commanders?|soldiers?|officers?|spokes(?:wo)?man|spokesperson|brokers?|"
                    r"dealers?|lawyers?|witnesses|residents|"
                    r"employees?|staff|workers?|managers?|investors?|delegates?|ministers?)\b", np, re.I) \
            or re.search(r"\b(?:at|of|from)\s+[A-Z]", np):
        return None
    named = re.match(r"^(?i:a|an|one|two|three|several|some)\s+(?:senior\s+|top\s+|former\s+)?"
                     r"(?P<org>(?:[A-Z][\w&.-]*\s+)+)", np.strip() + " ")
    if named and not is_demonym(named.group("org").strip()) and not is_place(named.group("org").strip()):
        return named.group("org").strip(), [], "org"  # "a European Union official"
    head_hit = re.search(r"\b(company|firm|bank|ministry|government|club|party|agency|airline|group)\b", np, re.I)
    if head_hit:
        head_org = ctx.org_at(ctx.position, head_hit.group(1).lower())
        return (head_org, [], "org") if head_org else (None, [], None)  # "a company spokesperson"
    if re.fullmatch(r"(?i:a|an)\s+(?:spokes\w+|representative)", np):
        in_view = ctx.org_at(ctx.position)
        if in_view and any(name == in_view and ctx.position - at < 400 for at, name in ctx.orgs):
            return in_view, [], "org"  # "A spokeswoman said …" in a story about one company
    return None, [], None  # "two officials familiar with the talks", "a diplomat in Jeddah"


def _crowd_or_national_body(np: str, ctx: SpeakerContext) -> Resolution | None:
    """Crowds speak for nobody ("energy workers warn …", "sources in the government"); a country's body
    ("Sweden's competition authority"), a person's office ("Okonkwo-Byrne's office") and the firm of
    "Analysts at Holm Bank" do."""
    if re.fullmatch(r"(?:[A-Z]?[\w-]+\s+)?(?i:workers|residents|people|employees|fans|voters|consumers|farmers|drivers|"
                    r"passengers|parents|students|doctors|nurses|teachers|miners|protesters|critics|campaigners|"
                    r"locals|traders|investors|markets|sources|prosecutors|lawyers|police|officers|supporters|"
                    r"opponents|backers|sceptics|skeptics|observers|insiders|officials|analysts|economists|"
                    r"forecasters|staff|diplomats|organi[sz]ers|pharmacists|experts|scientists|researchers|"
                    r"engineers|planners|inspectors|regulators|executives|lawmakers|legislators|negotiators|bankers|"
                    r"strategists|commentators|meteorologists|pollsters|mediators|aides|advisers|advisors)"
                    r"(?:\s+(?:polled|surveyed|familiar|close|briefed|involved|consulted)\b.*)?", np) or re.fullmatch(
                        r"(?i:ministers|leaders|governments|countries|states|delegations|delegates|envoys)\s+(?:from|of)\s+"
                        r"(?:\d+|[a-z]+)\b.*", np) or (
            re.match(r"(?i:sources?)\s+(?:in|at|close)\b", np)
            and not re.search(r"\b(?:in|at)\s+(?:the\s+)?[A-Z]", np)):
        return None, [], None  # "energy workers warn …", "sources in the government"
    national = re.fullmatch(r"(?P<place>[A-Z][\w'’-]*)['’]s\s+(?:[a-z-]+\s+){0,3}"
                            r"(?:authority|bank|central bank|ministry|"
                            r"government|regulator|agency|army|military|police|commission|presidency|cabinet|treasury|"
                            r"watchdog|election commission|statistics office|parliament|navy|air force)", np)
    if national:
        return np, [], "org"  # "Sweden's competition authority", "Iceland's central bank"
    office = re.fullmatch(r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)['’]s\s+"
                          r"(?:office|spokes\w+|campaign|team|aides?|"
                          r"lawyers?|press office|camp)", np)
    if office:
        who, _, who_kind = resolve_np(office.group("who"), ctx)
        if who and who_kind == "person":
            return who, [], "person"  # "Okonkwo-Byrne's office said she would …"
    at_org = re.match(r"^(?:[\w-]+\s+){0,2}?(?i:analysts?|economists?|strategists?|officials?|executives?|"
                      r"researchers?|experts?|staff|prosecutors?|lawyers?|investigators?|engineers?|scientists?|"
                      r"traders?|dealers?|brokers?|forecasters?)\s+"
                      r"(?:at|of|from)\s+(?P<org>(?:the\s+)?[A-Z][^,;]{1,60})$", np)
    if at_org:
        org = re.sub(r"^the\s+", "", at_org.group("org"))
        org = re.sub(r"\s+in\s+[A-Z][\w ]+$", "", org)  # "the U.S. Attorney's Office in Manhattan"
        return org, [], "org"  # "Analysts at Holm Bank" → Holm Bank
    described = DESCRIBED_ORG.fullmatch(np.strip())
    if described and described.group("name") not in ctx.people and not is_place(described.group("name")):
        return re.split(r"\.\s+", described.group("name"))[0].rstrip("."), [], "org"
    return None


def _person_of_org(np: str, ctx: SpeakerContext) -> Resolution | None:
    """"Ondřej Malý of Pražská Banka", "Arulmozhi Venkatesan of the Coastal Action Network": the person."""
    person_of = re.fullmatch(r"(?P<person>.+?)\s+of\s+(?P<the>the\s+)?(?P<org>[A-Z][\w&.'’ -]{1,60})", np)
    if not (person_of and " " in person_of.group("person").strip()):
        return None
    who, _, who_kind = resolve_np(person_of.group("person"), ctx)
    if who and who_kind == "person" and (who in ctx.people or ORG_MARKERS.search(person_of.group("org"))):
        return who, [], "person"  # "Ondřej Malý of Pražská Banka", "Pollster Marisol Vega of Desert Research"
    name = person_of.group("person")
    if person_of.group("the") and re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}", name) and \
            not ORG_MARKERS.search(name) and not is_place(name) and not any(
                t.lower() in NOT_NAMES | NOT_PERSON_TOKENS | PERSON_TITLES for t in name.split()):
        return name, [], "person"  # "Arulmozhi Venkatesan of the Coastal Action Network": an unknown first name
    return None


def _pair_or_thing(np: str, ctx: SpeakerContext) -> Resolution | None:
    """"Ministry of Industry and Trade" is one body, "Ortiz and Chen" two speakers; an unnamed role of
    someone's ("the mission's project manager") and things ("tariffs on steel", "the new yard in Gdańsk")
    speak for nobody."""
    bare0 = re.sub(r"^(?:the|a|an)\s+", "", np, flags=re.I)
    if ORG_MARKERS.search(bare0) and re.match(r"[A-Z]", bare0) and " and " in bare0 and not is_place(bare0) and \
            not all(is_place(re.sub(r"^the\s+", "", p)) for p in bare0.split(" and ")):
        return _org_name(bare0), [], "org"  # "Ministry of Industry and Trade" is one body
    parts = [p.strip() for p in re.split(r"\s+and\s+|\s*&\s*", np) if p.strip()]
    if len(parts) == 2 and all(_looks_like_speaker(p, ctx) for p in parts):
        first, _, kind = resolve_np(parts[0], ctx)
        second, _, _ = resolve_np(parts[1], ctx)
        if first and second:
            return first, [second], kind
    if re.fullmatch(r"[A-Z][\w'’-]*['’]s\s+(?:[a-z-]+\s+){0,3}(?:manager|director|commander|chief|head|spokes\w+|"
                    r"official|adviser|aide|coach|captain|leader|secretary|minister)", np) and not ctx.by_role(np):
        return None, [], None  # "the mission's project manager" with no name given
    bare_thing = re.fullmatch(r"(?:[a-z-]+\s+){0,2}(?P<head>[a-z-]+)\s+"
                              r"(?:with|between|on|over|about|against|into)\s+.+", np)
    if bare_thing and bare_thing.group("head") not in INSTITUTION_NOUNS | GENERIC_ORG_HEADS | PERSON_ROLE_NOUNS | \
            GENERIC_SPEAKING_NOUNS:
        return None, [], None  # "talks with Mercosur should open", "tariffs on steel will rise"
    thing = re.fullmatch(r"(?i:the|a|an|this|its|our|their|his|her)\s+(?:[a-z-]+\s+){0,3}(?P<head>[a-z-]+)"
                         r"(?:\s+(?:in|at|on|near|of|for|from)\s+.+)?", np)
    if thing and thing.group("head") not in INSTITUTION_NOUNS | GENERIC_ORG_HEADS | PERSON_ROLE_NOUNS | \
            GENERIC_SPEAKING_NOUNS | {"spokesperson", "spokesman", "spokeswoman", "authorities", "governor"}:
        return None, [], None  # "the new yard in Gdańsk" is a thing, not a speaker
    return None


def _known_or_marked(np: str, ctx: SpeakerContext) -> Resolution | None:
    """A person learned from the text, an organisation by its marker word ("Turkish Defence Ministry"),
    "the bank" for the bank named before, "the prosecutor's office"."""
    known = _known_person_in(np, ctx)
    if known:
        return known, [], "person"
    low = np.lower()
    bare = re.sub(r"^(?:the|a|an)\s+", "", np, flags=re.I)
    if ORG_MARKERS.search(bare) and bare[:1].isupper() and not is_place(bare) and bare.lower() not in GENERIC_ORG_HEADS:
        return _org_name(bare), [], "org"  # "Turkish Defence Ministry", "Ministry of Transport"
    words = low.split()
    if words and words[0] in {"the", "its", "this"} and len(words) <= 3 and words[-1] in GENERIC_ORG_HEADS:
        the_org = ctx.org_at(ctx.position, words[-1])
        if the_org:
            return the_org, [], "org"
    if len(words) >= 2 and words[-1] in {"office", "service", "bureau"} and (
            words[0] in {"the", "its"} or re.search(r"['’]s\b", np)):
        return re.sub(r"^(?:the|its)\s+", "", np, flags=re.I), [], "org"  # "the prosecutor's office"
    return None


def _it_or_institution_at(np: str, ctx: SpeakerContext) -> Resolution | None:
    """'it' is the organisation in view (the only one in the story, or one named near); "Analysts at Goldman
    Sachs", "economists at the bank" are their institution's voice."""
    low = np.lower()
    if low in {"it", "its"} and len({name for _, name in ctx.orgs}) == 1 and ctx.orgs[0][0] < ctx.position:
        return ctx.orgs[0][1], [], "org"  # the only organisation in the story
    if low in {"it", "its"}:
        it_org = ctx.org_at(ctx.position)
        near = any(name == it_org and ctx.position - at < 700 for at, name in ctx.orgs)
        return (it_org, [], "org") if it_org and near else (None, [], None)
    first = low.split()[0] if low.split() else ""
    if first in INSTITUTION_NOUNS and len(np.split()) > 1 and re.search(r"\b(?:at|of|from)\b", low):
        return np[:1].upper() + np[1:], [], "org"  # "Analysts at Goldman Sachs", "economists at the bank"
    return None


def _pronoun_speaker(np: str, ctx: SpeakerContext) -> Resolution | None:
    """He, she, I, we, they, it: the person the pronoun refers to, the voice of the sentence, or the last
    speaker or organisation."""
    low = np.lower()
    if low not in PRONOUNS:
        return None
    if low in {"he", "she", "him", "her"}:
        person = ctx.pronoun(low, ctx.position)
        return person, [], "person" if person else None
    if low == "i":
        if ctx.voice:
            return ctx.voice, [], "person"
        return ctx.last_person, [], "person" if ctx.last_person else None
    if low == "we" and ctx.voice:
        return ctx.voice, [], "person"
    if low in {"they", "we"}:
        return ctx.last_speaker, [], "org" if ctx.last_speaker else None
    return (ctx.last_org, [], "org") if ctx.last_org else (None, [], None)


def _proper_name(np: str, ctx: SpeakerContext) -> Resolution | None:
    """A name after any title: one word is a known surname, an organisation or a place; a few capitalised
    words are a person or an organisation."""
    role, name = split_title(np)
    if not (name and name[0].isupper() and name.split()[0].lower() not in NOT_NAMES):
        return None
    tokens = name.split()
    if len(tokens) == 1:
        return _one_word_name(tokens[0], np, role, ctx)
    if name in ctx.people:
        return name, [], "person"
    if len(tokens) <= 4 and all(t[0].isupper() or t.lower() in PARTICLES or re.match(r"[a-z]{1,3}-[A-Z]", t)
                                for t in tokens if t.lower() not in {"of", "the", "de"}):
        return _capitalised_name(name, tokens, role)
    return None


def _one_word_name(token: str, np: str, role: str, ctx: SpeakerContext) -> Resolution:
    """"Semafor" → "Semafor Systems"; "Ortiz" → "Lena Ortiz"; "the opposition Socialist Party"; a place; else
    an acronym or untitled word is an organisation, a titled one a person."""
    named_org = next((o for _, o in reversed(ctx.orgs) if o.split()[0] == token and o != token), None)
    if named_org and not ctx.by_surname(token):
        return named_org, [], "org"  # "Semafor" → "Semafor Systems"
    full = ctx.by_surname(token)
    if full:
        return full, [], "person"
    if token.lower() in INSTITUTION_NOUNS:
        named = re.search(rf"((?:[A-Z][\w'’-]*\s+)+){re.escape(token)}$", np)
        if named and named.group(1).split()[0] not in {"The", "A", "An", "Its"}:
            return named.group(0), [], "org"  # "the opposition Socialist Party", not "Party"
        return token, [], "org"
    if is_place(token):
        return token, [], "place"
    return token, [], "org" if token.isupper() or role == "" else "person"


def _capitalised_name(name: str, tokens: list[str], role: str) -> Resolution:
    """A few capitalised words: an organisation if an institution word is among them, a person if they are
    short and open with a known first name or follow a real title."""
    last = tokens[-1].lower()
    if last in INSTITUTION_NOUNS or any(t.lower() in INSTITUTION_NOUNS for t in tokens):
        return name, [], "org"
    real_role = [w for w in role.lower().split() if w not in {"the", "a", "an", "of", "us", "uk", "eu"}]
    first_known = first_name_gender(tokens[0]) is not None
    person_like = len(tokens) <= 3 and (not is_place(tokens[0]) or first_known) and (
        first_known or bool(real_role))
    return name, [], "person" if person_like else "org"


def _role_phrase(np: str, ctx: SpeakerContext) -> Resolution | None:
    """Role phrases: "the Russian president" (the person with that role), "the company" (the last one named,
    or nobody when none was), "the state election authority"."""
    low = np.lower()
    head = re.sub(r"['’]s$", "", low.split()[-1]) if low.split() else ""
    if head in PERSON_ROLE_NOUNS or (low.startswith(("the ", "his ", "her ", "their ")) and head in PERSON_ROLE_NOUNS):
        person = ctx.by_role(np)
        if person:
            return person, [], "person"
    if head in ORG_ROLE_NOUNS and low.startswith(("the ", "its ")) and ctx.last_org:
        return ctx.last_org, [], "org"
    if low.startswith(("the ", "its ")) and len(low.split()) == 2 and head in GENERIC_ORG_HEADS - {
            "government", "administration", "council", "union", "party", "committee", "board", "court"}:
        return None, [], None  # "the company said" with no company named before it says nothing
    institution = re.fullmatch(r"(?i:the)\s+(?P<org>(?:[a-z-]+\s+){1,3}(?:authority|commission|ministry|agency|council|"
                               r"office|service|board|regulator|police|department|directorate|inspectorate))", np)
    if institution:
        return institution.group("org"), [], "org"  # "the state election authority said"
    return None


def _described_or_institution(np: str, ctx: SpeakerContext) -> Resolution | None:
    """"the Zurich-listed confectioner" (the company introduced as one, or just named); a lone unnamed
    spokesman speaks for nobody; "officials", "the council" speak as a body."""
    low = np.lower()
    head = re.sub(r"['’]s$", "", low.split()[-1]) if low.split() else ""
    described_head = re.fullmatch(r"(?i:the)\s+(?:[\w-]+\s+){0,3}(?P<head>[a-z]+(?:er|or|ist))", np)
    if described_head and described_head.group("head") not in PERSON_TITLES | PERSON_ROLE_NOUNS:
        kind_match = [name for at, name in reversed(ctx.orgs) if at < ctx.position
                      and ctx.org_kinds.get(name) == described_head.group("head")]
        if kind_match:
            return kind_match[0], [], "org"  # "the Zurich-listed confectioner" introduced as one
        recent = [name for at, name in reversed(ctx.orgs) if at < ctx.position and ctx.position - at < 500
                  and not re.search(r"\b(?:Ministry|Government|Court|Parliament|University)\b", name)]
        if recent and described_head.group("head") not in {"other", "former", "latter", "order", "sector"}:
            return recent[0], [], "org"  # "the Bergen-based shipbuilder" right after the company
    if head in {"spokesman", "spokeswoman", "spokesperson", "official", "source", "aide", "adviser", "advisor",
                "analyst", "economist", "executive", "striker", "captain", "coach", "manager", "director"} and \
            len(low.split()) <= 3:
        return None, [], None  # "the spokesman added" with nobody named: unknown, not "Spokesman"
    if head in INSTITUTION_NOUNS or low in INSTITUTION_NOUNS:
        words = np.split()
        if words and words[0].lower() in {"the", "a", "an", "some", "several", "many"}:
            words = words[1:]
        phrase = " ".join(words)
        return (phrase[:1].upper() + phrase[1:]) if phrase else None, [], "org"
    return None


# How a noun phrase names its speaker, tried in order; the first rule that decides wins (a rule returns
# (None, [], None) for "nobody speaks" and None for "not mine, ask the next").
NP_RULES: tuple[Callable[[str, SpeakerContext], Resolution | None], ...] = (
    _insider_or_role_holder, _named_body, _unnamed_official, _anonymous_source, _crowd_or_national_body,
    _person_of_org, _pair_or_thing, _known_or_marked, _it_or_institution_at, _pronoun_speaker, _proper_name,
    _role_phrase, _described_or_institution,
)


DESCRIPTOR = re.compile(r"^(?:(?:[a-z][\w-]*|[A-Z][\w-]*maker|[A-Z][a-z]+(?=\s+[a-z])|[A-Z][a-z]*-[a-z][\w-]*)\s+)+"
                        r"(?=[A-Z])")


def _org_name(name: str) -> str:
    """'Finnish carrier Aurora Air' → 'Aurora Air'; 'Steelmaker Nordstål' → 'Nordstål'; possessive dropped."""
    name = re.sub(r"['’]s$", "", name.strip())
    m = DESCRIPTOR.match(name)
    if m and all(w.islower() or is_demonym(w) or w.lower().endswith("maker") or re.fullmatch(ORG_DESCRIPTORS, w.lower())
                 or re.match(r"[A-Z][a-z]*-[a-z]", w) for w in m.group(0).split()):
        rest = name[m.end():]
        if rest and not is_place(rest):
            return rest
    return name


def _known_person_in(np: str, ctx: SpeakerContext) -> str | None:
    """A person learned from the text whose full name, or unique surname as the last word, is in the phrase
    and heads it ('the fraud trial of Erik Halvorsen' is not Halvorsen speaking)."""
    best: tuple[int, str] | None = None
    for name in ctx.people:
        idx = np.rfind(name)
        if idx >= 0 and (best is None or idx > best[0]):
            best = (idx, name)
    if best:
        before = np[:best[0]]
        if re.search(r"\b[a-z]+\s+(?:of|for|against|with|to|from|by|about|on|alongside|like)\s+(?:[a-z-]+\s+){0,4}$",
                     before) and not np[best[0] + len(best[1]):].strip():
            return None  # "the fraud trial of former executive Erik Halvorsen"
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
        topic(ctx, speaker)
    elif kind == "org":
        ctx.last_org = speaker


def topic(ctx: SpeakerContext, person: str) -> None:
    """Make `person` the one the text is now about (speakers and sentence subjects)."""
    if person in ctx.topics:
        ctx.topics.remove(person)
    ctx.topics.insert(0, person)
    del ctx.topics[3:]


def aliases_for(ctx: SpeakerContext, speaker: str) -> list[str]:
    person = ctx.people.get(speaker)
    return sorted(person.aliases) if person else []


# Courts and legislatures are the subjects of events ("the Supreme Court will hear…", "the Ohio House will
# vote…"); they speak through rulings and statements, which frames attribute.
NON_SPEAKING_BODY = re.compile(r"\b(?:Court|House|Senate|Parliament|Assembly|Congress|Duma|Rada|Bundestag|Knesset|"
                               r"Security Council|Sejm|Legislature|Tribunal|Jury)\b")
GENERIC_SPEAKING_NOUNS = {"officials", "official", "analysts", "economists", "experts", "executives", "sources",
                          "diplomats", "spokesperson", "spokesman", "spokeswoman", "organisers", "organizers",
                          "policymakers", "forecasters", "strategists"}


def _proper(name: str) -> bool:
    """'Southern Vale Water' is a name; 'Water supply on the left bank' is not."""
    tokens = [t for t in name.split() if t.lower() not in {"of", "for", "and", "the", "de", "&", "du", "des", "la"}]
    return bool(tokens) and all(t[:1].isupper() or t[:1].isdigit() for t in tokens)


def subject_speaks(np: str, speaker: str | None, kind: str | None, ctx: SpeakerContext) -> bool:
    """A clause's grammatical subject is its speaker only if it is a person or a body that speaks:
    'Ortiz will…', 'the ministry expects…' yes; 'prices', 'the bill', 'Congress', 'Seoul', 'Ukraine' no."""
    if not speaker:
        return False
    if kind == "person":
        return True
    phrase = _clean_np(np)
    bare = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
    if is_place(bare) or is_place(speaker) or is_non_speaker_body(bare) or is_non_speaker_body(phrase) or \
            NON_SPEAKING_BODY.search(speaker):
        return False
    return _speaking_name(speaker, bare, ctx) or _speaking_description(speaker, phrase, bare, ctx)


def _speaking_name(speaker: str, bare: str, ctx: SpeakerContext) -> bool:
    """A subject known to speak by its name: seen with a speech verb, a government body ("the finance ministry
    expects…", "Sweden's competition authority ordered…"), a person learned from the text, or a proper
    organisation name."""
    if speaker.lower() in ctx.speaking_names or bare.lower() in ctx.speaking_names:
        return True
    if re.fullmatch(r"(?:[A-Z][\w'’-]*['’]s\s+|[A-Z][\w-]*\s+)?(?:[a-z-]+\s+){0,3}(?:ministry|government|central bank|"
                    r"regulator|authority|agency|army|police|military|commission|administration|presidency|"
                    r"presidential office|cabinet|treasury|watchdog)", bare):
        return True  # "the finance ministry expects…", "Sweden's competition authority ordered…"
    if speaker in ctx.people:
        return True
    return bool((ORG_MARKERS.search(speaker) or ORG_MARKERS.search(bare)) and _proper(speaker))


def _speaking_description(speaker: str, phrase: str, bare: str, ctx: SpeakerContext) -> bool:
    """A subject that speaks by what it is: officials and analysts ("analysts at Goldman Sachs"), "the
    company" standing for the one just named, an acronym (ECB, OPEC, NATO), a national government."""
    words = bare.lower().split()
    if words and (words[-1] in GENERIC_SPEAKING_NOUNS or words[0] in GENERIC_SPEAKING_NOUNS):
        return True
    if re.search(r"\b(?:at|of|from)\s+[A-Z]", bare) and words and words[0] in INSTITUTION_NOUNS:
        return True  # "analysts at Goldman Sachs"
    if speaker == ctx.last_org and re.match(r"(?:the|its)\s", phrase, re.I):
        return True  # "the company" standing for the one just named
    if len(speaker) >= 2 and speaker.isupper() and speaker.isalpha() and not is_place(speaker):
        return True  # ECB, OPEC, NATO
    if speaker.split()[0].lower() in ("ministry", "government") or is_demonym(speaker.split()[0]):
        return bool(re.search(r"\b(?:government|ministry|officials|authorities)\b", bare, re.I))
    return False
