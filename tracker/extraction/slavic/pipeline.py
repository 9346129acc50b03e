"""Russian or Ukrainian text + publication date → claims, the same `Claim` the English pipeline returns.

sentences (razdel, one line at a time) → forward-looking triggers (morphology) → the sentence's frame (who
says it, and which part is the statement) → clauses with a trigger each → deadline (phrase tables),
confidence (hedge tables) → claims. Lines tell speakers too: "Захарова: «…»" labels in channel posts and live
blogs, "— …" answers of an interview, «quotes» that run over several sentences before their "», — заявил X".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from tracker.extraction.claims import Claim, merge
from tracker.extraction.deadlines import Deadline, default_deadline
from tracker.extraction.slavic.deadlines import find_deadlines
from tracker.extraction.slavic.forward import Trigger, conditional, history_promise, triggers
from tracker.extraction.slavic.hedges import hedge_confidence
from tracker.extraction.slavic.morph import verb_gender
from tracker.extraction.slavic.names import person_runs
from tracker.extraction.slavic.sentences import Sentence, split_sentences
from tracker.extraction.slavic.speakers import (
    Context,
    Said,
    first_word,
    is_speech_verb,
    label_speaker,
    np_speaker,
    tail_np,
)

MAX_TEXT = 200_000
QUOTE_TAIL = re.compile(r"[»\"”]\s*[,.!?…]*\s*[—–-]+\s*(?P<tail>[^«»\"“”]+?)\s*[.!…]*$")
COMMA_TAIL = re.compile(r",\s*(?:[—–-]+\s*)?|\s[—–]\s+")
LEAD = re.compile(
    r"^\W*(?:также|кроме того|при этом|також|крім того|при цьому|тим часом)?,?\s*(?:"
    r"(?:по|за)\s+(?P<pron>его|ее|её|их|його|її|їх)\s+словам(?:и)?|"
    r"(?P<kind>по словам|за словами|как сообщил[аио]?|как заявил[аио]?|как отметил[аио]?|как рассказал[аио]?|"
    r"как уточнил[аио]?|как передает|по данным|по информации|по мнению|по оценке|по оценкам|по прогнозу|"
    r"по прогнозам|согласно|як повідомил[аио]?|як повідомив|як заявил[аио]?|як заявив|як зазначил[аио]?|"
    r"як зазначив|як розповів|як розповіла|за даними|за інформацією|на думку|за прогнозом|за прогнозами|"
    r"за оцінкою|за оцінками|згідно з|як передає)\s+(?P<np>[^,]+?))\s*,\s*",
    re.IGNORECASE)
ABOUT_THIS = re.compile(r"^(?:про це|об этом|о чем|про що)\s+", re.IGNORECASE)
THAT = re.compile(r"(?:,\s*(?:что|що|чтобы|щоб)\b|:\s*)", re.IGNORECASE)
RETRO = re.compile(r"^\W*(?:об этом|о чем|о том|про це|про що)\s+(?P<rest>.+)$", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r";\s*|,\s+(?=(?:а|и|но|однако|і|й|та|але|проте|а также|а також)\s)|\s+[—–]\s+")
BACK_REFERENCE = re.compile(r"^\W*(?:а|и|і|й|та|но|але)?\s*(?:это|це|что|що|оно|воно)\b", re.IGNORECASE)
NOT_CLAIMS = re.compile(r"могут\s+(?:\w+\s+)?отличаться|можуть\s+(?:\w+\s+)?відрізнятися|прогнозні заяви|"
                        r"не коментуватиме|не будет комментировать|^\W*(?:на запитання|на вопрос)\b|"
                        r"^\W*(?:что|що|когда|коли|чи|почему|чому|где|де|сколько|скільки|кто|хто|зачем|навіщо)\s|"
                        r"прогнозные заявления|отказал(?:ся|ась|ись)|відмовив(?:ся)|відмовилась|відмовились",
                        re.IGNORECASE)
INTERVIEW = re.compile(r"интервью|інтерв['’ʼ]?ю", re.IGNORECASE)
FIRST_PERSON = re.compile(r"(?<!\w)(?:я|мы|мой|моя|мне|по моей|мій|моя|мені|на мою думку)(?!\w)", re.IGNORECASE)
LABEL = re.compile(r"^(?P<lead>[^\w«\"]*(?:\d{1,2}[:.]\d{2}\s+)?)(?P<label>[^:\"“”\n]{1,70}?)\s*:\s+(?=\S)")
DIALOGUE = re.compile(r"^\s*[—–-]\s+")
AGENCY = re.compile(r"[—–]\s*(?P<tail>ТАСС|РИА Новости|Интерфакс|"
                    r"Укрінформ|Укрінформу|УНІАН|Інтерфакс-Україна|РБК)\s*\.?\s*$")


@dataclass
class LineInfo:
    said: Said | None
    label_end: int = 0   # where the text after "Label:" starts, from the line's start
    question: bool = False


@dataclass
class Frame:
    said: Said | None
    start: int
    end: int
    verb: str = ""


@dataclass
class _Article:
    text: str
    published: date
    lang: str
    ctx: Context
    lines: dict[int, LineInfo]
    quotes: list[tuple[int, int, Said]]
    author: str | None


def extract(text: str, published: date, lang: str) -> list[Claim]:
    """Every forward-looking statement in a Russian ('ru') or Ukrainian ('uk') text."""
    text = _clean(text)
    if not text.strip():
        return []
    ctx = Context(lang)
    ctx.names.learn(text)
    article = _Article(text, published, lang, ctx, {}, [], None)
    article.lines = _lines(text, ctx)
    article.quotes = _quotes(text, ctx)
    article.author = _author(text, ctx)
    claims: list[Claim] = []
    previous: list[Claim] = []
    for sent in split_sentences(text):
        line = article.lines.get(sent.line)
        if line is not None and line.question:
            ctx.see(sent.text)
            continue
        body, offset = _after_label(sent, line)
        _retro(body, previous, ctx)
        found = _sentence_claims(article, sent, body, offset, line)
        ctx.see(body)
        for claim in found:
            ctx.spoke(claim.speaker)
        claims += found
        previous = found
    return _dedupe(claims)


def _clean(text: str) -> str:
    text = text[:MAX_TEXT].replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)


def _after_label(sent: Sentence, line: LineInfo | None) -> tuple[str, int]:
    if line is not None and sent.line_start and line.label_end:
        return sent.text[line.label_end:], line.label_end
    return sent.text, 0


def _lines(text: str, ctx: Context) -> dict[int, LineInfo]:
    """Per line: its "Label:" speaker, or its role in an interview (question / answer by the interviewee)."""
    info: dict[int, LineInfo] = {}
    interviewee = _interviewee(text, ctx) if INTERVIEW.search(text) else None
    answer_next = False
    for index, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        m = LABEL.match(line)
        said = label_speaker(m.group("label"), ctx) if m else None
        if m and said is not None:
            info[index] = LineInfo(said, m.end(), said.basis == "question")
            continue
        if interviewee and DIALOGUE.match(line):
            question = line.rstrip().endswith("?") or not answer_next
            info[index] = LineInfo(None if question else Said(interviewee, [], "interview"), 0, question)
            answer_next = question
    return info


def _interviewee(text: str, ctx: Context) -> str | None:
    """The person an interview introduces: the first full name in its opening lines."""
    opening = "\n".join(text.strip().split("\n\n")[:2])
    for _, _, words in person_runs(opening, ctx.lang):
        if len(words) >= 2:
            return ctx.names.resolve(words)
    return None


def _author(text: str, ctx: Context) -> str | None:
    """An op-ed's byline ("Марина Вересаева, экономист, — специально для …") when the text speaks as "я"."""
    paragraphs = [p.strip() for p in text.strip().split("\n\n") if p.strip()]
    if len(paragraphs) < 3 or not FIRST_PERSON.search(text):
        return None
    byline = paragraphs[1]
    runs = person_runs(byline.split(",")[0], ctx.lang)
    if len(byline) < 160 and runs and len(runs[0][2]) >= 2 and runs[0][0] == 0:
        return ctx.names.resolve(runs[0][2])
    return None


def _quotes(text: str, ctx: Context) -> list[tuple[int, int, Said]]:
    """«…» spans and who says them: "», — заявил X" after, or "X: «" before."""
    spans: list[tuple[int, int, Said]] = []
    for m in re.finditer(r"«(?:[^«»]|«[^«»]*»)*»", text):
        after = text[m.end():m.end() + 160].split("\n")[0]
        tail = re.match(r"\s*[,.!?…]*\s*[—–-]+\s*(?P<tail>[^«»\n]+?)(?:[.!…]|$)", after)
        said: Said | None = None
        if tail and is_speech_verb(first_word(tail.group("tail")), ctx.lang):
            verb = first_word(tail.group("tail"))
            said = np_speaker(tail_np(tail.group("tail")), ctx, "nomn", verb_gender(verb, ctx.lang))
        else:
            before = text[max(0, m.start() - 160):m.start()].split("\n")[-1]
            lead = re.search(r"(?P<np>[^.:!?]+?)\s*:\s*$", before)
            if lead:
                said = np_speaker(lead.group("np"), ctx)
        if said is not None and said.speaker:
            spans.append((m.start(), m.end(), said))
    return spans


def _retro(body: str, previous: list[Claim], ctx: Context) -> None:
    """"Об этом заявил X" / "Про це заявив X": X said the sentence before, if it named nobody."""
    tag = AGENCY.match(body.strip())
    if tag and previous:  # "… в декабре. — ТАСС." split off as a sentence of its own
        for claim in previous:
            if claim.speaker is None:
                claim.speaker, claim.basis = tag.group("tail"), "agency"
        return
    m = RETRO.match(body)
    if not m or not previous:
        return
    rest = m.group("rest")
    words = rest.split()
    verb_at = next((i for i, w in enumerate(words[:3]) if is_speech_verb(w.strip(",."), ctx.lang)), None)
    if verb_at is None:
        return
    said = np_speaker(" ".join(words[:verb_at] + words[verb_at + 1:]), ctx, "nomn")
    for claim in previous:
        if said.speaker and claim.basis in {"", "label", "quote", "interview"}:
            claim.speaker, claim.co_speakers, claim.basis = said.speaker, said.co, "retro"


def _frame(s: str, first: Trigger, ctx: Context) -> Frame:
    """Who the sentence says is speaking, and the span that is theirs."""
    m = QUOTE_TAIL.search(s)
    if m and m.start() > first.start and is_speech_verb(first_word(m.group("tail")), ctx.lang):
        verb = first_word(m.group("tail"))
        return Frame(np_speaker(tail_np(m.group("tail")), ctx, "nomn", verb_gender(verb, ctx.lang)), 0, m.start(),
                     verb)
    for c in COMMA_TAIL.finditer(s):
        tail = ABOUT_THIS.sub("", s[c.end():])
        if c.start() > first.end and is_speech_verb(first_word(tail), ctx.lang):
            verb = first_word(tail)
            return Frame(np_speaker(tail_np(tail), ctx, "nomn", verb_gender(verb, ctx.lang)), 0, c.start(), verb)
    lead = LEAD.match(s)
    if lead:
        if lead.group("pron"):
            gender = {"его": "masc", "його": "masc", "ее": "femn", "её": "femn", "її": "femn"}.get(
                lead.group("pron").lower())
            return Frame(Said(ctx.by_pronoun(gender), [], "pronoun"), lead.end(), len(s))
        case = "gent" if lead.group("kind").lower() in {"по словам", "за словами"} else None
        return Frame(np_speaker(lead.group("np"), ctx, case), lead.end(), len(s), lead.group("kind"))
    return _subject_frame(s, first, ctx)


def _subject_frame(s: str, first: Trigger, ctx: Context) -> Frame:
    """"X заявил(а) …, что …" or "X пообещал / планирует …": X speaks, from the verb on."""
    for m in re.finditer(r"[^\W\d_][\w'’ʼ-]*", s[:first.end]):
        word = m.group(0)
        stance = word == first.word and m.start() == first.start
        if not (is_speech_verb(word, ctx.lang) or (stance and first.kind == "modal")):
            continue
        np = s[:m.start()]
        said = np_speaker(np, ctx, "nomn", verb_gender(word, ctx.lang)) if np.strip() and len(np.split()) <= 14 \
            else Said(None)
        that = THAT.search(s, m.end())
        start = that.end() if that and that.start() - m.end() < 80 and not stance else 0
        if said.speaker is None and not is_speech_verb(word, ctx.lang):
            return Frame(None, 0, len(s))
        return Frame(said if said.speaker else None, start, len(s), word)
    return Frame(None, 0, len(s))


def _clauses(s: str, start: int, end: int, found: list[Trigger]) -> list[tuple[int, int, list[Trigger]]]:
    """The frame's span cut at ";", ", а/и/но …" and dashes where each side has its own trigger."""
    cuts = [start]
    for m in CLAUSE_BREAK.finditer(s, start, end):
        left = [t for t in found if cuts[-1] <= t.start < m.start()]
        right = [t for t in found if m.end() <= t.start < end]
        if left and right and not BACK_REFERENCE.match(s[m.end():]):
            cuts.append(m.end())
    bounds = [*cuts, end]
    out = []
    for a, b in pairwise(bounds):
        inside = [t for t in found if a <= t.start < b]
        if inside:
            out.append((a, b, inside))
    return out


def _sentence_claims(article: _Article, sent: Sentence, s: str, offset: int, line: LineInfo | None) -> list[Claim]:
    if s.rstrip().endswith("?") or NOT_CLAIMS.search(s):
        return []
    found = _dated_present(triggers(s, article.lang), s, article)
    if not found:
        return []
    article.ctx.see_subject(s[:found[0].start])
    frame = _frame(s, found[0], article.ctx)
    if history_promise(s[:max(frame.start, found[0].start)] + " " + frame.verb):
        return []
    found = [t for t in found if frame.start <= t.start < frame.end] or found
    said = frame.said if frame.said and frame.said.speaker else _context_speaker(article, sent, offset, line)
    if said.speaker is None:
        said = _agency_tag(s)
    claims = []
    for a, b, inside in _clauses(s, frame.start, frame.end, found):
        statement = s[a:b].strip(" ,;:—–-\"“”").rstrip(".").rstrip()  # no closing full stop, as in English
        statement = statement.lstrip("«") if statement.count("«") > statement.count("»") else statement
        if conditional(statement) or len(statement) < 8:
            continue
        claim = _claim(article, statement, s, said, inside)
        if claim is not None:
            claims.append(claim)
    return claims


SEGMENT_END = re.compile(r"[,;:()—–]|\s[-–]\s")


def _dated_present(found: list[Trigger], s: str, article: _Article) -> list[Trigger]:
    """Keep a present-tense trigger only with a dated future phrase in its own segment of the sentence
    ("стартує не пізніше 15 жовтня"); "ожидает роста" or "строят уже четвертый год" are not claims."""
    kept = []
    for t in found:
        if t.kind != "present":
            kept.append(t)
            continue
        before = [m.end() for m in SEGMENT_END.finditer(s, 0, t.start)]
        after = SEGMENT_END.search(s, t.end)
        segment = s[before[-1] if before else 0:after.start() if after else len(s)]
        if any(not d.vague and d.date > article.published
               for d in find_deadlines(segment, article.published, article.lang)):
            kept.append(t)
    return kept


def _context_speaker(article: _Article, sent: Sentence, offset: int, line: LineInfo | None) -> Said:
    """No frame in the sentence: its quote's speaker, its line's label, the interviewee, the author."""
    at = sent.start + offset
    for a, b, said in article.quotes:
        if a <= at < b:
            return Said(said.speaker, said.co, "quote")
    if line is not None and line.said is not None:
        return line.said
    if article.author:
        return Said(article.author, [], "author")
    return Said(None, [], "")


def _claim(article: _Article, statement: str, sentence: str, said: Said, inside: list[Trigger]) -> Claim | None:
    deadline = _deadline(statement, article.published, article.lang)
    if deadline is None:
        return None
    hedge = hedge_confidence(sentence if said.basis else statement, article.lang,
                             any(t.kind == "future" for t in inside))
    conditional_claim = bool(re.search(r"(?<!\w)(?:если|в случае|при условии|якщо|у разі|в разі)(?!\w)",
                                       statement, re.IGNORECASE))
    return Claim(speaker=said.speaker, statement=statement, sentence=sentence,
                 deadline=deadline.date.isoformat(), deadline_text=deadline.text, vague=deadline.vague,
                 confidence=hedge.probability, conditional=conditional_claim, co_speakers=list(said.co),
                 hedge=hedge.word, basis=said.basis)


def _deadline(statement: str, published: date, lang: str) -> Deadline | None:
    """The statement's first time phrase; None when that phrase is already past (a promise told as
    history: "обещали открыть в 2024 году"); the default horizon without one."""
    phrases = find_deadlines(statement, published, lang)
    if not phrases:
        return default_deadline(published)
    future = [d for d in phrases if d.date >= published]
    if not future:
        return None
    return future[0]


SAME_EVENT = 0.6  # share of the shorter statement's word stems the longer must hold to be the same claim
FILLER = frozenset({"може", "можуть", "буде", "будуть", "будет", "будут", "может", "могут", "что", "это", "що",
                    "це", "как", "так", "также", "також", "которые", "який", "яка", "які"})


def _stems(statement: str) -> set[str]:
    """Five-letter prefixes of the content words: crude stems that survive case endings ("саміт", "саміту")."""
    return {w[:5] for w in re.findall(r"[^\W\d_]{3,}", statement.lower()) if w not in FILLER}


def _same_claim(a: Claim, b: Claim) -> bool:
    if (a.speaker and b.speaker and a.speaker != b.speaker) or a.deadline != b.deadline:
        return False  # one event said twice keeps its time; two forecasts on one topic seldom share both
    sa, sb = _stems(a.statement), _stems(b.statement)
    return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) >= SAME_EVENT


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per event: a headline repeated in the lead, or a quote restated, is kept once — the fuller
    statement, with the named speaker and the sharper deadline of either."""
    kept: list[Claim] = []
    for claim in claims:
        twin = next((k for k in kept if _same_claim(k, claim)), None)
        if twin is None:
            kept.append(claim)
            continue
        merge(twin, claim, fuller_wording=True)
    return kept


def _agency_tag(sentence: str) -> Said:
    """"… — ТАСС.", "… — Укрінформ": the agency speaks only for a sentence nobody else is said to speak."""
    m = AGENCY.search(sentence)
    return Said(m.group("tail"), [], "agency") if m else Said(None, [], "")

