"""text + publication date → claims. Rule-based, offline, on the CPU.

sentences → forward-looking triggers → clauses → speaker, statement, deadline, confidence → dedupe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from tracker.extraction.claims import Claim, content_words, dedupe
from tracker.extraction.deadlines import (
    MONTHS,
    Deadline,
    find_deadlines,
    fiscal_year_end,
    number_value,
    pick_deadline,
    unit_delta,
)
from tracker.extraction.entities import is_place
from tracker.extraction.hedges import Hedge, hedge_confidence, main_clause_hedge
from tracker.extraction.sentences import Sentence, split_sentences
from tracker.extraction.speakers import (
    DESCRIBED_ORG,
    LISTED_ORG,
    ORG_MARKERS,
    SPEECH_VERBS,
    Resolution,
    SpeakerContext,
    _org_name,
    aliases_for,
    remember,
    resolve_np,
    split_title,
    subject_speaks,
    topic,
)
from tracker.language import detect
from tracker.names import TITLE_WORDS

MONTH_NAMES = sorted((m for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True)

MAX_TEXT = 200_000
MAX_STATEMENT = 240

_DET = r"(?!(?:a|an|the|this|that|these|those|his|her|their|its|our|my|your|it|him|them|me|us|you|everyone)\b)"
_VERBISH = rf"{_DET}[a-z][a-z-]+"
TRIGGERS = re.compile(
    r"(?:(?<=\w)['’]ll(?!\w))|(?<![\w'’])(?:"
    r"will(?!\s+(?:of|to)\b)|won['’]t|shall|would(?!\s+have\b)|wouldn['’]t|could(?!\s+have\b)|"
    r"couldn['’]t(?!\s+have\b)|might(?!\s+have\b)|may(?!\s+have\b)|should(?!\s+have\b)|"
    rf"(?:is|are|was|were|am|be)\s+(?:not\s+|still\s+|now\s+|also\s+|firmly\s+)?(?:going|set|expected|due|poised|scheduled|slated|likely|unlikely|prepared|ready|willing|determined|"
    rf"certain|sure|projected|forecast|on track|bound|poised)\s+to\s+{_VERBISH}|"
    rf"gonna\s+{_VERBISH}|"
    r"(?:is|are|was|were)\s+(?:expected|due|likely|set|scheduled|slated)(?=\s+[\"“]?(?:imminently|soon|shortly|later|next|"
    r"this|by|before|within|in|on|early|late|as soon as|around)\b)|"
    rf"(?:plans?|planned|planning|intends?|intended|aims?|aimed|seeks?|sought|hopes?|hoped|vows?|vowed|"
    rf"promises?|promised|pledges?|pledged|agreed|agrees?|committed|commits?|threatens?|threatened|"
    rf"expects?|expected|decided)(?:\s+(?:on|last|this|late on|early on)\s+\w+|\s+again|\s+also|"
    rf"\s+now|\s+still|\s+\w+ly)?\s+to\s+{_VERBISH}|"
    r"(?:commits?|committed|committing)\s+(?:[\w-]+\s+){1,4}to\s+(?:\w+ing\b|(?:an?|the)\s)|"
    rf"(?:requires?|required|obliges?|obliged|forces?|orders?|ordered|compels?)\s+(?:[\w-]+\s+){{1,5}}to\s+{_VERBISH}|"
    r"(?:puts?|put|sees?|saw|gave|gives?|assigns?|estimates?|estimated)\s+(?:[A-Z][\w-]*\s+){0,3}(?:the|a|an)\s+"
    r"(?:\d+(?:\.\d+)?%\s+)?(?:probability|chance|odds|likelihood|risk)\b|"
    r"\d{1,3}(?:\.\d+)?\s?(?:%|per ?cent)\s+(?:chance|probability|likelihood|risk)\s+(?:of|that)\b|"
    r"must(?!\s+have\b)|(?:has|have|need|needs)\s+to(?=\s+[a-z])|"
    r"(?:expects?|expected|predicts?|predicted|forecasts?|forecast|projects?|projected|anticipates?|anticipated)"
    r"\s+(?:that\b|(?:[\w%-]+\s+){1,5}(?:to|will|would)\b)|"
    r"(?:scheduled|slated|set)\s+for\b"
    r")(?![\w'’-])",
    re.IGNORECASE,
)
NOT_CLAIMS = re.compile(
    r"\b(?:usually|typically|normally|traditionally|every year|each year)\b[^,;.]*|"
    r"\bmay\s+(?:(?:19|20)\d\d|the new year|god|this year)\s+bring\b[^.;!]*|"
    r"\b(?:will not|won['’]t) (?:hesitate|wait for|work\b)[^.;]*|\bwouldn['’]t want to\b[^.;]*|"
    r"\b(?:was|were) (?:originally )?(?:scheduled|planned|due|set|slated) for\b[^,;.]*|"
    r"\b(?:didn['’]t|did not|wouldn['’]t|would not|won['’]t|will not) say (?:how|when|whether|if|what|where)\b[^.;]*|"
    r"(?:\bwill |['’]ll )?\bcross that bridge\b[^.;]*|"
    r"\b(?:I|we) (?:never )?(?:thought|assumed|believed) (?:that )?(?:it|they|we|he|she)\b[^.;]*|"
    r"\bevery (?:minister|politician|government|president|mayor|leader)\b[^.;]*|"
    r"\b(?:has|have|had) no (?:plans?|intention|immediate plans?) to\b[^,;.]*|"
    r"\b(?:I|we) (?:don['’]t|do not) (?:yet )?know (?:yet )?(?:when|whether|if|how)\b[^.;]*|"
    r"\bthere were reports\b[^.;?]*|"
    r"\bwould go on to\b[^.;]*|"
    r"\bwould later (?:become|describe|recall|write|say|call|admit|serve|join|lead|win)\b[^.;]*|"
    r"\b(?:an?|the|its|their|his|her)\s+(?:earlier|previous|original|old|former)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:target|plan|pledge|goal|promise|deadline|launch)\b[^.;]*|"
    r"\btold (?:us|me|them|him|her|reporters) in (?:19|20)\d\d\b[^.;]*|"
    r"\blast (?:year|winter|summer|spring|autumn|quarter|month)\s+(?:you|the \w+|he|she|they|we|I)\s+"
    r"(?:promised|said|pledged|vowed|predicted)\b[^.;]*|\bwe were (?:told|warned|promised)\b[^.;]*|"
    r"\b(?:will |['’]ll )?hold (?:him|her|them|us|you) to (?:it|that)\b|"
    r"(?:['’]ll|will|['’]d|would) believe it when\b[^.;]*|"
    r"\b(?:don['’]t|do not) want to speculate\b[^.;]*|"
    r"\b(?:plan|pledge|promise|target|proposal|project)s?\b[^.;]{0,80}?\b(?:was|were|has been|had been)\s+"
    r"(?:shelved|abandoned|scrapped|dropped|cancell?ed|withdrawn|quietly dropped)\b|"
    r"\b(?:I|we)(?:['’]ll| will) (?:now )?(?:hand|turn|pass) (?:it |the call |you )?(?:over|back)\b[^.;]*|"
    r"\bwill take (?:that|this)(?: question| one)?(?=\s*(?:[.,;!]|$))|"
    r"\b(?:fiscal|financial) (?:year )?(?:19|20)?\d\d,?\s+(?:which|that)\s+(?:starts|begins|runs)\b[^;]*|"
    r"forward-looking information[^;]*|\b(?:may|could|might|will)\s+(?:contain|include|involve|constitute)\s+"
    r"forward-looking\b[^;]*|"
    r"\b(?:comment|respond|answer|reply|say|question|asked)\b[^.;]{0,40}?\bwhether\b[^.;]*|"
    r"\bthat['’]s all I['’]ll say\b[^.;]*|\bI won['’]t answer\b[^.;]*|"
    r"\bwould (?:like|love) it\b[^.;]*|\ba lot can change\b[^.;]*|"
    r"\b(?:should|must|will) make us\b[^.;]*|\b(?:nobody|no one|no-one) should\b[^.;]*|"
    r"\b(?:not going to|won['’]t|will not) pre-?commit\b[^.;]*|\bthan[ -](?:expected|forecast|planned|anticipated)\b|"
    r",\s*which (?:would|could|might) (?:be|make|mark|represent)\b[^,;.]*|"
    r"\b(?:I|we)(?:['’]m| am| are|['’]re)? (?:not going to|won['’]t|will not|would not|wouldn['’]t) "
    r"(?:lie|pretend|promise|speculate|comment|guess|predict|say|go into)\b[^.;]*|"
    r"\b(?:I|we)(?: will|['’]ll|['’]d| would) be (?:honest|clear|frank|brief|candid|blunt)\b[^.;]*|"
    r"\bI (?:should|must|will|would|['’]d|want to) (?:also )?(?:say|add|note|stress|point out|mention)\b[^.;]*|"
    r"\b(?:now )?I(?: will|['’]ll) go further\b|"
    r"\b(?:quarter|year|half)\s+(?:ends|ended|closes)\s+on\b[^,;.]*|"
    r"(?:was|were) (?:supposed|meant|due|originally (?:due|expected|scheduled|planned|set)) to[^,;.]*|"
    r"had (?:originally |long |widely )?been (?:due|expected|scheduled|planned|set|supposed)\b[^,;.]*|"
    r"\b(?:already|currently)\s+(?:requires?|obliges?|forces?|allows?)\b[^;.]*|"
    r"\b(?:requires?|obliges?)\s+\w+\s+to\s+[^;.]*?\b(?:every|each|times a|a year|a month|annually|quarterly)\b[^;.]*|"
    r"\basked\b[^.;?]{0,120}?\b(?:whether|if|when|why|how|what)\b[^,;.?]*|"
    r"\bwill be (?:aware|familiar|interested to (?:know|hear))\b[^.;]*|\bwe['’]ll see\b[^.;]*|"
    r"\bI don['’]t (?:think|expect|believe) I (?:will|would)\b[^.;]*|"
    r"\b(?:would|'d|’d) (?:rather|prefer|be (?:delighted|happy|glad|pleased|surprised|disappointed))\b[^.;]*|"
    r"\bnothing you (?:have|'ve) heard\b[^.;]*|\bcould finally\b[^.;]*|"
    r"(?:fiscal|financial)?\s*year,?\s+(?:(?:which|that)\s+)?(?:for [\w’' -]{1,30}?\s+)?ends\b(?:\s+(?:on|in))?"
    r"(?:\s+[\w]+){1,3}|"
    r"\bwhich\s+(?:for [\w’' -]{1,30}?\s+)?ends\s+(?:on|in)\b(?:\s+[\w]+){1,3}|"
    r"we['’]ll (?:bring you|be back|keep you|have more|update)[^.;]*|"
    r"we will (?:bring you|keep you) [^.;]*|(?:stay tuned|more to follow)[^.;]*|"
    r"(?:won['’]t|will not|would not|wouldn['’]t) (?:speculate|rule (?:it|that|anything) out|comment|say|disclose|"
    r"reveal)\b[^.;]*|\b(?:didn['’]t|did not|never|nobody|no one|no-one)\s+(?:[\w-]+\s+){0,3}?(?:think|thought|"
    r"expect|expected|believe|believed|imagine|imagined)\s+(?:that\s+)?[^.;]*?\bwould\b[^.;]*|"
    r"^\W*(?:it|they|he|she|that|this)\s+(?:would|will|could)(?:\s+not|n['’]t)\s*[:;.,!—–-][^.;]*|"
    r"\bwhether\b[^.;]*?\b(?:remains? to be seen|remains? (?:unclear|uncertain|an open question)|is (?:still )?"
    r"(?:unclear|uncertain|an open question))\b|"
    r"\b(?:it )?remains to be seen\b[^.;]*|\btime will tell\b|^\W*may (?:your|you|god|the)\b[^.;!]*|"
    r"\b(?:you|readers|subscribers|viewers|listeners|regulars)\b[^.;]{0,25}?(?:will|['’]ll) (?:notice|remember|recall|"
    r"know|find|see)\b[^.;]*|"
    r"\b(?:lines?|floor) will (?:be )?open(?:ed)? for questions\b[^.;]*|"
    r"\b(?:passengers|customers|users|residents|readers|travellers|applicants|viewers|listeners|members|"
    r"subscribers) (?:may|can) (?:check|apply|call|visit|download|contact|register|find|watch|listen)\b[^.;]*|"
    r"\b(?:(?:won['’]t|will not|can['’]t|cannot) )?(?:make|give|offer) (?:that|such|any|this) (?:kind of |sort of )?"
    r"(?:promise|prediction|forecast|guarantee|"
    r"commitment)s?\b|\bwe['’]ll leave (?:it|our|the|you)\b[^.;]*|"
    r"\b(?:I|we)\s+(?:would|'d|’d) (?:love|like|prefer|argue|say|add)\b[^.;]*|what (?:would|will|could) help\b[^.;]*|"
    r"what I (?:will|would|can|could) (?:say|tell you)(?: is)?\b|"
    r"(?:actual )?results (?:may|could|might) differ materially[^;]*|forward-looking statements[^;]*|"
    r"(?:declined|refused) to (?:comment|say|elaborate|confirm|speculate)[^;]*|"
    r"could not (?:be reached|immediately|confirm)|"
    r"did not (?:respond|immediately|say|comment)|would not (?:comment|say|confirm|elaborate|disclose)|"
    r"(?:would|will) (?:neither )?(?:confirm|deny) (?:or|nor) (?:confirm|deny)|no comment|"
    r"refused to (?:comment|say)|was not immediately|were not immediately",
    re.IGNORECASE,
)
PAST_MARKER = re.compile(r"\b(?:last (?:year|week|month|night|weekend|spring|summer|autumn|fall|winter|quarter|season|"
                         r"time)|yesterday|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|"
                         r"many) (?:days?|weeks?|months?|years?|decades?) ago|earlier this (?:year|month|week)|"
                         r"in (?:19|20)\d\d when)\b", re.IGNORECASE)
PAST_TENSE_TRIGGER = re.compile(r"^(?:agreed|pledged|promised|vowed|planned|decided|committed|threatened|intended|aimed"
                                r"|hoped|expected)\b", re.IGNORECASE)
TIMED_TRIGGER = re.compile(
    r"(?<![\w'’])(?:expects?|expected|forecast(?:s|ed)?|predicts?|projects?|anticipates?|sees?|"
    r"targets?|targeting|guid(?:e|es|ed|ing)|can(?:not|['’]t)?|hopes?|hoping|applies|apply|takes? effect|takes? place|"
    r"(?:comes?|enters?) into force|(?:is|are) (?:due|scheduled|set|expected|slated)|due to(?=\s+[a-z]+\s)|"
    r"starts?|begins?|goes|opens?|closes?|ends?|launches?|arrives?|resumes?|returns?|kicks? off|expires?|"
    r"holds|cuts|drops|falls|rises|follows?|lands?|slows|reaches|reopens?|ships|hits|passes|leaves|joins|debuts|"
    r"premieres|releases|hikes|raises|lowers|pauses|peaks|tops|exceeds|turns|moves|switches|becomes|"
    r"go on sale|goes on sale|set\s+(?:[\w-]+\s+){1,6}?for|"
    r"meets?|sits?|sit|gather|gathers|(?:is|are|am|we['’]re|they['’]re)\s+(?:[a-z]+ing)|"
    r"(?:is|was|were|are)\s+(?:possible|probable|likely|unlikely|certain|inevitable|imminent)|"
    r"(?:agreed|committed|pledged)(?:\s+on\s+\w+)?\s+to\s+(?:a|an|the)\b|"
    r"(?:pledg(?:e|es|ed)|promis(?:e|es|ed)|commit(?:s|ted))(?=\s+(?:\$|€|£|\d|an?\s|the\s|new\s))|"
    r"(?:pushed back|postponed|delayed|rescheduled|brought forward|deferred)"
    r"(?=(?:\s+[\w-]+){0,8}?\s+(?:to|until|till)\s)|"
    r"expected(?=\s+(?:next|this|by|in|within|before|early|late|on|from)\b)|"
    r"to (?:follow|start|begin|open|close|resume|launch|arrive)(?=\s+(?:in|by|on|from|next|this|before|within)\b))"
    r"(?:\s+|(?=[,.]))(?=\S)", re.IGNORECASE)
# Forecasting verbs whose object carries the time ("he expected further strikes in the coming weeks"):
# a vague horizon is enough for them.
FORECAST_VERB = re.compile(r"^(?:expects?|expected|forecast(?:s|ed)?|predicts?|projects?|anticipates?|targets?|sees?|"
                           r"targeting|guid(?:e|es|ed|ing)|starts?|begins?|hopes?)\b", re.IGNORECASE)
TIMESTAMP = re.compile(r"^\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|CET|EET|ET|BST|MSK))?|"
                       r"\[\d{1,2}[:.]\d{2}\])\s*[-–—|:•]?\s*", re.IGNORECASE)
LINE_LABEL = re.compile(r"[^\w\"“«(]*(?P<label>[A-Za-zÀ-ÖØ-Þ][\w .,’'&()—–-]{0,110}?)\s*:\s+(?=\S)")
NOT_LABELS = re.compile(r"^(?:op-?ed|thread|pasted from \w+|breaking|update|updated|note|editor['’]s note|"
                        r"next|then|also|plus|meanwhile|later|today|tomorrow|yesterday|now|sport|sports|tennis|"
                        r"football|soccer|cricket|golf|rugby|basketball|baseball|hockey|cycling|athletics|boxing|"
                        r"politics|business|markets?|economy|world|europe|asia|africa|tech|technology|science|health|"
                        r"climate|weather|culture|entertainment|finance|energy|war|money|opinion|lifestyle|travel|"
                        r"source|sources|photo|video|watch|read more|"
                        r"read|see also|related|live|latest|analysis|opinion|comment|correction|disclaimer|warning|"
                        r"why it matters|what['’]s next|the bottom line|background|context|key points?|"
                        r"in brief|summary|tl;?dr|ps|p\.s|quote|headline|agenda|timeline|dates?|when|where|"
                        r"preview|recap|"
                        r"report|interview|explainer|factbox|q&a|exclusive|watch live|poll|results?|schedule|"
                        r"published|updated|posted|title|source|filed|tags?|category|section|"
                        r"what|who|how|topic|subject|re|fyi|nb)$", re.IGNORECASE)
INTERVIEWEE = re.compile(r"(?:interview(?:ed)? with|interviewed|spoke (?:to|with)|talked (?:to|with)|sat down with|"
                         r"conversation with|in conversation:?|questions? (?:to|for)|asked)\s+(?P<np>[^.?!\n]{3,120})",
                         re.IGNORECASE)
SPEECH_TIME = re.compile(
    r"\s*(?:(?:on|late on|early on|last|this|earlier|late)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|night|week|month|year|morning|evening|afternoon)(?:\s+(?:night|morning|evening|afternoon))?|"
    r"in (?:a|an|its|his|her|their) [\w -]{1,30}?(?:statement|interview|post|speech|briefing|address|letter|"
    r"report|note|filing|tweet|video)|(?:to|at) (?:reporters|journalists|a news conference|a press conference|"
    r"a briefing|parliament|lawmakers)|on (?:telegram|x|twitter|facebook|television|tv|radio|its website)"
    r")\s*,?\s*", re.IGNORECASE)
PAST_VERB_BEFORE = re.compile(
    r"(?:\b(?:said|says|told|announced|appointed|met|spoke|wrote|posted|published|released|gave|reported|"
    r"confirmed|was|were|had|did|held|signed|elected|named|unveiled|launched|introduced|voted|decided|approved|"
    r"filed|passed|destroyed|began|started|took|made|issued|raised|missed|occurred|happened|beat|won|"
    r"lost|met|saw|came|went|fell|rose|grew|left|led|ran|sold|bought|paid|spent|struck|became|brought|built|"
    r"chose|drew|drove|fought|found|flew|got|heard|kept|knew|meant|quit|read|shot|stood|taught|threw|withdrew|"
    r"[a-z]+ed)\b(?:\s+[\w'’%.$€£-]+){0,6}?\s*,?\s*)$", re.IGNORECASE)
FUTURE_BEFORE = re.compile(r"\b(?:will|would|shall|to|be|'ll|’ll|could|may|might|should|must|expected|scheduled|"
                           r"due|set|planned|slated)\b(?:\s+[\w'’-]+){0,3}\s*$", re.IGNORECASE)
MAIN_CLAUSE_HEDGE_STOP = re.compile(r"\bas (?:markets?|investors|traders|analysts|economists|many|some|others|"
                                    r"most) (?:expect|predict|anticipate|hope|fear)\w*", re.IGNORECASE)
PLUPERFECT_FRAME = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:pledged|promised|vowed|said|predicted|claimed|insisted|"
                              r"announced|forecast|expected|planned|assured|told|written|wrote|warned|been told)\b|"
                              r"\b(?:recalled|remembered|recounted|were told|was told)\b", re.IGNORECASE)
WILL_NOUN = re.compile(r"(?<![\w'’-])(?:the|political|free|good|ill|own|his|her|their|its|of|against|at|popular|"
                       r"last)\s+$", re.IGNORECASE)
CLAUSE_START = re.compile(
    r";|:\s|\bthat\s|,\s*which\s|,\s*while\s|\bwhile\s|,?\s*\bbut\s|,\s*and\s|,\s*although\s|,\s*though\s|,\s*whereas\s|"
    r"\bwhether\s|,\s*saying\s|,\s*stating\s|,\s*adding\s|,\s*warning\s|\s[—–]\s|\s-\s|,\s*as\s|\bif\s|\bunless\s"
    r"|,\s*with\s|\sand\s+(?=(?:will|would|could|should|may|might|must|can)\b)",
    re.IGNORECASE,
)
CLAUSE_END = re.compile(
    rf";|,\s*which\s|,\s*while\s|\sbut\s|,\s*stating\s|,\s*saying\s|,\s*adding\s|,\s*according to\s|\s[—–]\s|"
    rf",\s*following\s|,\s*potentially\s|,\s*as well as\s|,\s*with\s|"
    rf",[\"”]?\s*(?:[\w.'’-]+\s+){{1,6}}(?:{SPEECH_VERBS})\b"
    rf"|,[\"”]?\s*(?:said|says|added|told)\s|,\s*and\s+(?=[A-Z])",
    re.IGNORECASE,
)
SPEECH_FRAME = re.compile(
    rf"(?P<np>[A-Z\"“]?[^,;:“”\"]{{0,120}}?)(?:,(?=\s+(?:{SPEECH_VERBS})\b))?"
    rf"\s+(?:(?:has|have|had|also|has also|reportedly|again|repeatedly|"
    rf"publicly|previously)\s+)*(?P<verb>{SPEECH_VERBS})\b(?P<obj>(?:\s+(?!that\b)[\w'’-]+){{0,3}}?)"
    rf"(?P<that>\s+(?:on\s+\w+\s+)?that\b|\s+(?=\w)|(?=,\s))",
)
APPOSITIVE = re.compile(rf",\s*(?:(?:a|an|the|who|whose|which|[A-Z][\w'’-]+['’]s|[a-z][\w-]*|\d+|aged|"
                        rf"(?:Governor|Minister|Secretary|Chairman|Chairwoman|Chair|President|Director|Head|Mayor)"
                        rf"(?=\s+(?:of|for|at)\s))\s[^,;]{{2,140}}|"
                        rf"[a-z][\w-]*|\d+),(?=\s*(?![a-z]+ing\b)(?:{SPEECH_VERBS})\b)")
HONORIFIC = r"(?:Dr|Prof|Mr|Mrs|Ms|Gen|Col|Lt|Sen|Rep|Gov|Rev|Capt|Maj|Sgt)"  # "said Dr. Farzana Haque"
TRAILING = re.compile(
    rf"[,\"”]\s*(?:(?P<np1>[^,;\"”]{{1,100}}?)\s+(?:{SPEECH_VERBS})|(?:said|says|added|told reporters)\s+"
    rf"(?P<np2>(?:{HONORIFIC}\.\s+)?[^,;.\"”]{{1,100}}))(?:[^.;]{{0,60}})?[.!]?[\"”]?\s*$",
)
# A quotation introduced by its speaker and a colon inside a paragraph: 'Spokeswoman Lotte Brandt: "We …"',
# "Meridian's head of polling, Sofía Arriaga: \"If …\"" (the name that ends a longer label).
INLINE_LABEL = re.compile(r"(?P<label>[A-Z][\w .’'-]{2,60}?):\s*(?=[\"“«])")
INLINE_NAMED = re.compile(r"[^\w\"“]*(?:[A-Z][^:\"“”.;]{0,80}?[\s,])?"
                          r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
                          r"(?:\s+(?:on|in|via)\s+(?P<pron>his|her|their|its|a|the)\s+[\w -]{2,30}?)?:\s*(?=[\"“«])")
# ("State utilities exco Chong Mei Fen on her Facebook page: \"…\"")
# "according to the ministry's spokesman, Jane Roe." — the name after the comma.
APPOSITIVE_NAME = re.compile(
    r",\s*(?P<name>(?:Dr\.?\s+)?[A-Z][\w'’.-]+"
    r"(?:\s+(?:de|van|bin|al|la)?\s*[A-Z][\w'’.-]+){1,4})[.;,]?\s*$")
ACCORDING = re.compile(r"(?<![\w])according to (?P<np>[^,;]{2,100}?)(?=\s*(?:[,;]|\.\s*$|$|\s+(?:published|released|"
                       r"issued|seen|obtained|dated|filed)\b))", re.IGNORECASE)
# The frame right after a claim's clause: '…, the Interior Ministry said on Friday, after a pilot…',
# '…, its largest manufacturer, Farmaco Brenta, said on Monday', '…," said X, who chairs…'.
TAIL_FRAME = re.compile(
    rf"^[,\"”’'\s]*(?!(?:and|but|or|while|whereas|although|which|who|whom|whose|that|where|when|as|if)\b)(?:(?:[^,;.\"”]{{1,60}},\s*)??(?P<np1>[^,;\"”]{{1,100}}?),?\s+(?:(?:has|had|also|later|earlier)\s+)?"
    rf"(?:{SPEECH_VERBS})\b|(?:said|says|added|adds|told reporters|wrote|warned)\s+"
    rf"(?P<np2>(?:{HONORIFIC}\.\s+)?[^,;.\"”]{{1,100}})"
    rf"(?:,\s*(?P<np3>(?:Dr\.?\s+|Prof\.?\s+)?[A-Z][^,;]{{2,60}}?)[.,]?\s*$)?|"
    rf"[—–-]+\s*(?P<np4>[A-Z][^,;\"“”]{{2,80}}?)\s*$)")
DOCUMENT_NOUNS = re.compile(r"\b(?:communiqu[ée]|declaration|resolution|directive|"
                            r"statement|document|filing|report|letter|note|plan|strategy|survey|poll|data|figures|"
                            r"estimates?|minutes|transcript|release|press release|notice|memo|website|announcement|"
                            r"forecast|projections?|budget|prospectus|presentation|post|tweet|circular|decree|order|"
                            r"ruling|study|analysis|draft|proposal|schedule|timetable|roadmap|agreement)\b", re.I)
GENERIC_ORG = re.compile(r"^(?:the|its)\s+(?:company|group|firm|bank|carrier|airline|automaker|club|team|"
                         r"organi[sz]ation|cartel|alliance|companies)$", re.IGNORECASE)
CONDITIONAL = re.compile(r"\b(?:if|unless|provided that|as long as|in the event|in case|otherwise|without)\b",
                         re.IGNORECASE)



def _tidy(text: str) -> str:
    text = re.sub(r",\s*(?:which|who|whose)\b[^,]{3,120},", "", text)  # "…, who beat Hartley 2-0 in October, …"
    text = re.sub(r"\s+", " ", text).strip(" ,;:-—–\"“”'‘’")
    text = re.sub(r"^(?:and|but|or|so|then|that)\s+", "", text, flags=re.IGNORECASE)
    if len(text) > MAX_STATEMENT:
        cut = text[:MAX_STATEMENT].rsplit(" ", 1)[0]
        text = cut + "…"
    return text.rstrip(".")




DEADLINE_BOUND = re.compile(r"^(?:must|has to|have to|needs? to|can|cannot|can['’]t|hopes?|hoping|decided|agreed|"
                            r"voted|ordered|required|obliged|forced|compelled)\b", re.IGNORECASE)


def _precise_future(text: str, published: date) -> bool:
    return any(d.date > published and not d.vague for d in find_deadlines(text, published))


HEADLINE_TRIGGER = re.compile(r"(?<=\s)(?:to(?=\s+[a-z]+\b)|likely|expected|seen|due)\b")


def _triggers(sentence: str, published: date, headline: bool = False) -> list[re.Match[str]]:
    blocked = [m.span() for m in NOT_CLAIMS.finditer(sentence)]
    found = [m for m in TRIGGERS.finditer(sentence) if not (m.group(0).lower().startswith("may")
                                                             and m.group(0)[0] == "M")]
    if headline and not found:
        found = list(HEADLINE_TRIGGER.finditer(sentence))[:1]  # wire flash: "inflation to return to 2% target"
    # Present tense and forecasting verbs carry a claim when a time ahead governs them ("the pilot starts on
    # Monday", "Nvidia expects revenue of $54 billion in Q3", "we can win the title before Easter").
    for m in TIMED_TRIGGER.finditer(sentence):
        if _timed_trigger_holds(sentence, m, found, published):
            found.append(m)
    found.sort(key=lambda m: m.start())
    out = [m for m in found if _trigger_stands(sentence, m, blocked, published)]
    # "predicted that turnout would rise": the modal carries the claim, the reporting verb is its frame.
    return [m for i, m in enumerate(out)
            if not (m.group(0).lower().endswith(" that") and any(n.start() >= m.end() for n in out[i + 1:]))]


def _timed_trigger_holds(sentence: str, m: re.Match[str], found: list[re.Match[str]], published: date) -> bool:
    """A present-tense or forecasting verb is a trigger when it is a verb of its own clause and a time ahead
    (vague for forecasting verbs, precise for the rest) in its segment governs it, not a past one."""
    if _near_found_trigger(sentence, m, found) or _schedule_fact(sentence, m) or _verb_is_noun(sentence, m):
        return False
    seg_start, seg_end = _timed_segment(sentence, m, found)
    in_segment = [d for d in find_deadlines(sentence, published) if seg_start <= d.start < seg_end]
    vague_ok, strict = bool(FORECAST_VERB.match(m.group(0))), not FORECAST_VERB.match(m.group(0))
    ahead = [d for d in in_segment if d.date >= published and (vague_ok or not d.vague)
             and (d.date > published or not (d.vague or strict))]
    return bool(ahead) and not any(_past_time(sentence, d, published) for d in in_segment if not d.vague)


def _near_found_trigger(sentence: str, m: re.Match[str], found: list[re.Match[str]]) -> bool:
    """The verb sits in the clause of a trigger already found (or overlaps one): that trigger carries it."""
    return any((f.start() <= m.start() < f.end() + 40 and not re.search(r",\s*(?:and|but)\s|;|\sand\s+I\s",
                                                                      sentence[f.end():m.start()]))
               or m.start() <= f.start() < m.end() for f in found)


def _schedule_fact(sentence: str, m: re.Match[str]) -> bool:
    """"the Australian Open, which starts on 14 January": a fact about the schedule in a relative clause."""
    return bool(re.search(r"\b(?:which|that|who)\s+$", sentence[:m.start()])) and (
        not FORECAST_VERB.match(m.group(0)) or bool(re.match(r"(?:starts?|begins?)\b", m.group(0))))


def _verb_is_noun(sentence: str, m: re.Match[str]) -> bool:
    """The word is a noun: "its profit forecast for the year", "the weather forecast", "Ships waited …", "his
    first start since October" (after a determiner or a possessive, or opening the sentence alone)."""
    if re.search(r"(?:\b(?:its|the|a|their|his|her|our|my|profit|growth|revenue|sales|earnings|weather|budget)\s+|"
                 r"['’]s\s+(?:[\w-]+\s+)?)$", sentence[:m.start()], re.I) and \
            m.group(0).lower().startswith(("forecast", "target", "guid", "project", "estimate")):
        return True  # "its profit forecast for the year", "the weather forecast": nouns
    return bool(re.search(r"\b(?:the|a|an|its|their|his|her|our|my|first|whose)\s+$", sentence[:m.start()], re.I) or (
        re.fullmatch(r"\W*", sentence[:m.start()]) and " " not in m.group(0).strip()))


def _timed_segment(sentence: str, m: re.Match[str], found: list[re.Match[str]]) -> tuple[int, int]:
    """Where the times that govern a timed verb lie: from the verb (a forecasting verb: from its clause's
    start, "For the full fiscal year ending March 2027 we now expect …") to the next trigger, clause end or
    conjunction, at most 120 characters on."""
    following = [f.start() for f in found if f.start() > m.end()]
    end = min(following) if following else len(sentence)
    stop = CLAUSE_END.search(sentence, m.end(), end)
    segment = sentence[m.start(): min(end, stop.start() if stop else end, m.start() + 120)]
    segment = re.split(r"[;]|,\s*(?:and|but)\s|\s(?:and|but)\s+(?:the|a|an|he|she|they|it|we)\b", segment)[0]
    seg_end = m.start() + len(segment)
    seg_start = m.start()
    if FORECAST_VERB.match(m.group(0)):
        bound = max([b.end() for b in CLAUSE_START.finditer(sentence) if b.end() <= m.start()], default=0)
        seg_start = bound  # "For the full fiscal year ending March 2027 we now expect revenue of …"
    return seg_start, seg_end


def _trigger_stands(sentence: str, m: re.Match[str], blocked: list[tuple[int, int]], published: date) -> bool:
    """A trigger that is not inside a phrase that makes no claim, not the month May, not the noun 'will' and,
    for an obligation or decision, has a precise date ahead ("we must do more" has none)."""
    word = m.group(0)
    if any(s <= m.start() < e for s, e in blocked):
        return False
    if word.lower().startswith("may") and word[0] == "M":
        return False  # the month
    if word.lower().startswith("will") and WILL_NOUN.search(sentence[: m.start()]):
        return False
    # "we must do more", "decided to hold rates": an obligation or decision without a date
    return not (DEADLINE_BOUND.match(word) and not _precise_future(sentence[m.start():], published))


def _clause_bounds(sentence: str, trig_start: int, trig_end: int, next_trigger: int) -> tuple[int, int]:
    start = 0
    for m in CLAUSE_START.finditer(sentence):
        if m.end() <= trig_start and not (re.match(r",\s*(?:which|who)\s", m.group(0)) and re.fullmatch(
                r"[^,;]{3,80},\s*", sentence[m.end():trig_start])):
            start = m.end()  # (not ", which has been losing customers," before the main clause's "would be sold")
    end = len(sentence)
    stop = CLAUSE_END.search(sentence, trig_end)
    if stop:
        end = stop.start()
    if next_trigger < end:
        # A second forward-looking verb after a boundary starts its own clause.
        b = None
        for bm in CLAUSE_START.finditer(sentence, trig_end, next_trigger):
            b = bm.start()
        if b is None:
            for bm in re.finditer(r"\s(?:and|but|or)\s", sentence[trig_end:next_trigger]):
                b = trig_end + bm.start()  # "would open a factory … and planned to cut 300 jobs"
        if b is not None:
            end = min(end, b)
    return start, end


def _skip_speech_time(sentence: str, pos: int) -> int:
    """Past 'on Tuesday', 'in a statement', 'to reporters' after a speech verb: where the claim starts."""
    while True:
        m = SPEECH_TIME.match(sentence, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    obj = re.match(r"\s*(?:him|her|them|us|me|reporters|journalists|lawmakers|parliament|analysts)\s+(?=\w)",
                   sentence[pos:])
    if obj and re.search(r"(?:assured|told|informed|promised|warned|reminded|tells|assures)\s*$", sentence[:pos]):
        pos += obj.end()  # "had assured him the base would remain open"
    that = re.match(r"\s*that\s+", sentence[pos:])
    return pos + that.end() if that else pos


# (speaker, co-speakers, kind, where the statement starts, reported-as-past): what _speaker decides for a clause
Attribution = tuple[str | None, list[str], str | None, int, bool]
FrameSpeaker = tuple[re.Match[str], str, list[str], str | None]  # a speech frame and who speaks in it


def _speaker(sentence: str, trig_pos: int, clause_start: int, clause_end: int, ctx: SpeakerContext,
             line_speaker: str | None = None) -> Attribution:
    """(speaker, co-speakers, kind, where the statement starts, reported-as-past) for one clause.

    Candidates in order of strength: a speech frame before the claim (the innermost when reports
    nest, the outer reporter as co-speaker), an attribution after it (", the mayor told reporters"),
    "according to X", the line's label (channel posts, transcripts), then the clause's subject if it
    is a person or a body that speaks."""
    subject_speaker, raw_subject = _clause_subject(sentence, trig_pos, clause_start, ctx)
    # "Lopez, a Democrat from Nevada, predicted that …": blank the appositive (same length, so every
    # offset still points into `sentence`) and the frame reads "Lopez predicted that".
    masked = APPOSITIVE.sub(lambda m: " " * len(m.group(0)), sentence)
    frames = [m for m in SPEECH_FRAME.finditer(masked) if m.end("verb") <= trig_pos and not re.fullmatch(
        r"\W*(?:\d+\.\s*)?(?:the|a|an|this|that|its|their|his|her|our)\s*", m.group("np"), re.I)]
    # ("The guaranteed purchase price …": an adjective after a determiner, not a speech frame)
    early = _told_or_noun_framed(sentence, trig_pos, clause_start, frames, ctx)
    if early is not None:
        return early
    frames = [f for f in frames if not (re.match(r"forecasts?|estimates?|projects?|reports?|outlook", f.group("verb"))
                                        and re.search(r"['’]s\s+(?:[\w-]+\s+)?$", masked[:f.start("verb")]))]
    # ("the Commission's autumn forecast put …": a noun, not a speech verb)
    resolved = _frame_speakers(sentence, masked, frames, ctx)
    if not resolved and frames and _history_frames(sentence, masked, frames, trig_pos):
        ctx.basis = "history"
        return None, [], None, clause_start, True  # "Engineers had warned in 2020 that the pylons would …"
    if resolved:
        return _framed(sentence, masked, frames, resolved, trig_pos, clause_start, ctx)
    return _unframed(sentence, trig_pos, clause_start, clause_end, subject_speaker, raw_subject, ctx, line_speaker)


def _clause_subject(sentence: str, trig_pos: int, clause_start: int,
                    ctx: SpeakerContext) -> tuple[Resolution, Resolution]:
    """(the subject as a speaker, the subject as resolved) of a clause: the speaker only if it speaks and
    does not merely undergo or schedule the event; a document's owner for "the bank's report projects"."""
    subject = _subject_text(sentence, trig_pos, clause_start)
    subj_speaker, subj_co, subj_kind = resolve_np(subject, ctx)
    if subj_kind != "person" and re.match(r"(?:will|would|could|may|might|should|must|is to|are to)\s+(?:not\s+)?be\s+"
                                          r"(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|lt|pt|ld|ut|id)\b", sentence[trig_pos:]):
        subj_speaker, subj_co, subj_kind = None, [], None  # "Power will be supplied …": the subject undergoes it
    raw_subject = (subj_speaker, subj_co, subj_kind)
    owned = OWNED_SUBJECT.match(subject.strip())
    if not owned and re.fullmatch(r"\s*(?:the\s+)?(?:staff\s+|new\s+|latest\s+|updated\s+)*(?:forecasts?|projections?|"
                                  r"minutes|report|statement|outlook)\s*", subject, re.I):
        in_view = ctx.org_at(ctx.position)
        if in_view and any(name == in_view and ctx.position - at < 500 for at, name in ctx.orgs):
            subj_speaker, subj_co, subj_kind = in_view, [], "org"  # "Staff forecasts showed …" in the bank's statement
    if owned:  # "the bank's new inflation report projects …", "the bank's staff now forecast …"
        org = ctx.org_at(ctx.position, owned.group("owner").lower()) or resolve_np(owned.group("owner"), ctx)[0]
        subj_speaker, subj_co, subj_kind = (org, [], "org") if org else (None, [], None)
    elif not subject_speaks(subject, subj_speaker, subj_kind, ctx) or PASSIVE_EXPECTATION.match(
            sentence[trig_pos:trig_pos + 40]) or SCHEDULE_VERB.match(sentence[trig_pos:trig_pos + 30]):
        # "prices will rise", "the WHO is expected to update …": the narrator's or others' expectation
        subj_speaker, subj_co, subj_kind = None, [], None
    return (subj_speaker, subj_co, subj_kind), raw_subject


def _subject_text(sentence: str, trig_pos: int, clause_start: int) -> str:
    """The clause's subject: the text before the trigger, narrowed to its head ("…, led by X," → X), without
    a trailing verb ("Kaito Robotics raised its full-year forecast to …": the company forecasts); the
    sentence's subject for a participle or a verb after 'and'."""
    subject = sentence[clause_start:trig_pos]
    led = re.search(r",\s*led by\s+(?P<who>[A-Z][^,(]{2,60}?)(?:\s+of\s+[^,]+)?(?:\s*\([^)]*\))?\s*,\s*$", subject)
    subject = led.group("who") if led else _head_chunk(subject) if subject.count(",") else subject
    subject = re.sub(r"\s+(?:see|sees|saw|put|puts|give|gives|gave|assign|assigns|estimate|estimates|"
                     r"estimated|now|also)(?:\s+(?:a|an|the))?\s*$", "", subject)
    subject = re.sub(r"^(\S.*?)\s+(?:raised|cut|lowered|lifted|trimmed|kept|maintained|reiterated|issued|gave|"
                     r"published|released|upgraded|downgraded)\s+(?:its|their)\s.*$", r"\1", subject)
    # "Kaito Robotics raised its full-year forecast to …": the company forecasts
    if re.match(r"[a-z]+ing\b", sentence[trig_pos:]) and re.search(r",\s*$", sentence[:trig_pos]):
        subject = _sentence_subject(sentence)  # "The government of Seldovia joined …, committing the state to …"
    elif (not subject.strip() and re.search(r"\b(?:and|but)\s*$", sentence[:clause_start])) or re.search(
            r"\s(?:and|but)\s*$", subject):
        subject = _sentence_subject(sentence[clause_start:] if subject.strip() else sentence)
        # "The company restored power overnight and expects …"
    return subject


def _told_or_noun_framed(sentence: str, trig_pos: int, clause_start: int, frames: list[re.Match[str]],
                         ctx: SpeakerContext) -> Attribution | None:
    """Decide early for history told to someone ("Lagosians were told … in 2019"), for "told by X that …"
    (X), and for a noun frame without a speech frame ("bets that the Fed will cut": nobody); else None.
    Records in ctx.framed whether the clause sits under a speech or noun frame."""
    if frames and re.search(r"\b(?:were|was) told\b", sentence[frames[-1].start():frames[-1].end("verb") + 1]) and \
            re.search(r"\b(?:19|20)\d\d\b|\bago\b|\blast (?:year|decade)\b", sentence[:trig_pos]):
        ctx.basis = "history"
        return None, [], None, clause_start, True  # "…, Lagosians were told the second phase would follow"
    told_by = re.search(r"\b(?:told|informed|assured|warned|advised)\s+by\s+(?P<np>[A-Z][\w&.'’ -]{1,60}?)\s+that\s+",
                        sentence[:trig_pos])
    if told_by:
        who, who_co, who_kind = resolve_np(told_by.group("np"), ctx)
        if who:  # "Local officials said they had been told by Air Force planners that …"
            ctx.basis = "frame"
            return who, who_co, who_kind, max(clause_start, told_by.end()) if told_by.end() <= trig_pos \
                else clause_start, False
    ctx.framed = bool(frames) or bool(NOUN_FRAME.search(sentence[:trig_pos]))
    if NOUN_FRAME.search(sentence[clause_start - 60 if clause_start > 60 else 0:trig_pos]) and not frames:
        ctx.basis = "noun-frame"
        return None, [], None, clause_start, False  # "traders added to bets that the Fed will cut …"
    return None


def _frame_speakers(sentence: str, masked: str, frames: list[re.Match[str]],
                    ctx: SpeakerContext) -> list[FrameSpeaker]:
    """The speech frames whose speaker resolves, each with (speaker, co-speakers, kind), in order."""
    resolved: list[FrameSpeaker] = []
    for frame in frames:
        found = _frame_speaker(sentence, masked, frame, resolved, ctx)
        if found is not None:
            resolved.append((frame, *found))
    return resolved


def _frame_speaker(sentence: str, masked: str, frame: re.Match[str],
                   resolved: list[FrameSpeaker], ctx: SpeakerContext
                   ) -> tuple[str, list[str], str | None] | None:
    """Who speaks in one speech frame, or None: the noun phrase before the verb, or for a participle ("…,
    adding that") the one already speaking; "he" after a frame by a man is that man; an appositive name
    ("Echeverría's party, the People's Front, said") wins over a description."""
    np = _frame_np(sentence, frame)
    if frame.group("verb") == "speaking" and not re.search(r"\bby\s*$", np):
        return None  # "…, speaking on condition of anonymity, said" describes, it does not report
    if frame.group("verb").endswith("ing") or re.search(r"\bby\s*$", np):
        # "…, the company's head of mobile, Park Ji-woo, said …, adding that …": the one already speaking
        before = _speaker(sentence, frame.start("verb"), 0, frame.start("verb"), ctx)
        if before[0]:
            return before[0], before[1], before[2]
        np = _sentence_subject(sentence)  # "Ibarra closed the briefing by saying …"
    np = _frame_subject_np(sentence, masked, frame, np)
    same = _same_person(np, resolved, ctx)
    if same is not None:
        return same
    if re.fullmatch(r"\s*(?:he|she)\s*", np, re.I):  # "He added that flanker Radu Ionescu …": a pronoun
        at, ctx.position = ctx.position, ctx.sentence_at + frame.start()  # refers back from where it stands
        speaker, co, kind = resolve_np(np, ctx)
        ctx.position = at
    else:
        speaker, co, kind = resolve_np(np, ctx)
    named = _appositive_speaker(sentence, frame, np, speaker, ctx)
    if named is not None:  # "Echeverría's party, the People's Front, said …"
        speaker, co, kind = named
    return (speaker, co, kind) if speaker else None


def _frame_np(sentence: str, frame: re.Match[str]) -> str:
    """The frame's noun phrase, narrowed to its head chunk, or a listed body's whole name ("Ministry of
    Economy, Trade and Industry (METI) said")."""
    np = _head_chunk(frame.group("np"))
    listed = [o for o in LISTED_ORG.finditer(sentence)
              if o.start() < frame.start("np") < o.end() <= frame.end("np")]
    if listed:
        np = sentence[listed[0].start():frame.end("np")]  # "Ministry of Economy, Trade and Industry (METI) said"
    return np


def _frame_subject_np(sentence: str, masked: str, frame: re.Match[str], np: str) -> str:
    """The noun phrase that speaks when the frame's own is not it: the part before an earlier 'said', the
    sentence's subject after 'and', the antecedent of 'which'/'who'."""
    said_in = re.search(r"\s(?:said|says|told|tells)\b", np)
    if said_in:
        np = np[:said_in.start()]  # "Analysts at Holm Bank said the outlook … and predicted"
    elif re.fullmatch(r"\s*(?:and|but|then|also|later|now)?\s*", np) or re.search(r"\b(?:and|but)\s*$", np):
        np = _sentence_subject(sentence)  # "Iceland's central bank raised rates … and said …"
    if re.fullmatch(r"\s*(?:which|who)\s*", np):
        antecedent = re.search(r"(?:the\s+)?([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*)\s*,\s*(?:which|who)\s+$",
                               masked[:frame.start("verb")].rstrip() + " ")
        np = antecedent.group(1) if antecedent else np  # "the Tambo Foundation, which said …"
    return np


def _same_person(np: str, resolved: list[FrameSpeaker],
                 ctx: SpeakerContext) -> tuple[str, list[str], str | None] | None:
    """"El Amrani said he was confident …": 'he' or 'she' after a person's frame is that person, when the
    gender agrees or is unknown."""
    pronoun = re.fullmatch(r"\s*(he|she)\s*", np, re.I)
    if pronoun and resolved and resolved[-1][3] == "person":
        outer = resolved[-1][1]  # "El Amrani said he was confident …": the same person
        person = ctx.people.get(outer)
        if person is None or person.gender in (None, {"he": "m", "she": "f"}[pronoun.group(1).lower()]):
            return outer, resolved[-1][2], "person"
    return None


def _appositive_speaker(sentence: str, frame: re.Match[str], np: str, speaker: str | None,
                        ctx: SpeakerContext) -> Resolution | None:
    """The name in apposition right before the verb ("Echeverría's party, the People's Front, said"), when
    the frame's noun phrase resolves to nobody or is a description; an organisation keeps its whole name."""
    appositive = re.search(r",\s+(?:the\s+)?(?P<name>[A-Z][\w&'’.-]*"
                           r"(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&'’.-]*){1,5}),\s*$",
                           sentence[:frame.start("verb")])
    if not (appositive and (not speaker or re.search(r"['’]s\s|\b(?:own|body|party|group|firm|company)\b", np))):
        return None
    named, named_co, named_kind = resolve_np(appositive.group("name"), ctx)
    if named and named_kind != "person":
        named = _org_name(appositive.group("name"))  # an organisation's own name, whole
    return (named, named_co, named_kind) if named else None


def _history_frames(sentence: str, masked: str, frames: list[re.Match[str]], trig_pos: int) -> bool:
    """Frames that report the past ("Engineers had warned in 2020 that …", "years ago", "last year … promised")
    with no attribution after the claim."""
    return (all(re.search(r"\bhad\b", sentence[f.start():f.end("verb") + 1]) for f in frames)
            or bool(YEARS_AGO.search(masked[frames[-1].start():trig_pos]))
            or bool(LONG_AGO_FRAME.search(masked[:trig_pos]))) and \
        not re.search(r"\b(?:said|says|told|added)\b", sentence[trig_pos:])


def _framed(sentence: str, masked: str, frames: list[re.Match[str]],
            resolved: list[FrameSpeaker], trig_pos: int, clause_start: int,
            ctx: SpeakerContext) -> Attribution:
    """The innermost resolved frame speaks (an outer reporter is a co-speaker); the statement starts after
    its verb, 'that' and any 'on Tuesday'; a pluperfect or long-ago frame reports history."""
    frame, speaker, co, kind = resolved[-1]
    if len(resolved) > 1 and resolved[-2][1] != speaker and resolved[-2][0].end() <= frame.start() + 1:
        co = [*co, resolved[-2][1]]  # "a senator said the president had assured him…": the reporter
    pluperfect = [bool(PLUPERFECT_FRAME.search(sentence[f.start():f.end("verb") + 1])) for f in frames]
    # "Bluewake had pledged two years ago that the route would stay open": history. Nested in a report
    # ("a senator said the president had assured him the base would remain open") it is news again.
    past = bool(YEARS_AGO.search(masked[frame.start():trig_pos])) or (all(pluperfect) and pluperfect[-1]) or bool(
        LONG_AGO_FRAME.search(masked[:trig_pos]))
    body_start = frame.end("that") if frame.group("that").strip() else frame.end("verb")
    body_start = _skip_speech_time(sentence, body_start)
    ctx.basis = "frame"
    return speaker, co, kind, max(clause_start, body_start) if body_start <= trig_pos else clause_start, past


def _unframed(sentence: str, trig_pos: int, clause_start: int, clause_end: int,
              subject: Resolution, raw_subject: Resolution,
              ctx: SpeakerContext, line_speaker: str | None) -> Attribution:
    """A clause without a speech frame before it: the attribution after it, 'according to', the line's
    label, the main clause of ", adding that …", else the subject."""
    subj_speaker, subj_co, subj_kind = subject
    tail_speaker, tail_co, tail_kind = _tail(sentence, trig_pos, clause_end, subj_speaker, subj_kind, ctx,
                                             raw_subject)
    if not tail_speaker and ctx.tail_unresolved:
        subj_speaker, subj_co, subj_kind = None, [], None  # "…, the army's eastern commander said": not the subject
    if tail_speaker:
        ctx.basis = "tail"
        return tail_speaker, tail_co, tail_kind, clause_start, False
    according = _according(sentence, trig_pos, clause_start, subj_speaker, raw_subject, ctx)
    if according is not None:
        return according
    if line_speaker:  # the label speaks for a person it names too ("A: Our partner Nguyen Thi Hoa will …")
        ctx.basis = "label"
        return line_speaker, [], "person", clause_start, False
    adding = re.search(r",\s*(?:adding|saying|warning|noting|stressing|arguing|explaining|insisting|predicting)"
                       r"(?:\s+that)?\s*$", sentence[:clause_start])
    if adding:
        main = _speaker(sentence, adding.start(), 0, adding.start(), ctx, line_speaker)
        if main[0]:
            ctx.basis = "adding"
            return main[0], main[1], main[2], clause_start, False
    ctx.basis = "subject"
    return subj_speaker, subj_co, subj_kind, clause_start, False


def _according(sentence: str, trig_pos: int, clause_start: int, subj_speaker: str | None,
               raw_subject: Resolution, ctx: SpeakerContext
               ) -> Attribution | None:
    """"according to X": a document's owner ("according to its latest quarterly review"), the one X names,
    or nobody ("according to two officials familiar with the talks"); None without it."""
    acc = ACCORDING.search(sentence)
    if not acc:
        return None
    if re.match(r"(?:its|their)\s", acc.group("np")):
        owner = raw_subject[0] if raw_subject[2] == "org" else ctx.org_at(ctx.position)
        if owner:  # "The CBUAE expects …, according to its latest quarterly review"
            ctx.basis = "document"
            return owner, [], "org", clause_start, False
    if DOCUMENT_NOUNS.search(acc.group("np")):
        owner = _document_owner(acc.group("np"), subj_speaker, ctx)
        ctx.basis = "document"
        return owner, [], "org" if owner else None, clause_start, False
    appositive = APPOSITIVE_NAME.match(sentence[acc.end():])
    np_text = appositive.group("name") if appositive else acc.group("np")
    speaker, co, kind = resolve_np(np_text, ctx)
    ctx.basis = "according"
    if speaker:
        return speaker, co, kind, max(clause_start, acc.end() if acc.end() <= trig_pos else clause_start), False
    return None, [], None, clause_start, False  # "according to two officials familiar with the talks"


def attribution_start(sentence: str, trig_pos: int, clause_end: int) -> int:
    """Where an attribution after the claim begins (", its largest manufacturer, Farmaco Brenta, said"),
    so the statement stops before it; len(sentence) if there is none."""
    for at in _tail_cuts(sentence, trig_pos, clause_end):
        m = TAIL_FRAME.match(sentence[at:])
        if m and not TRIGGERS.search(m.group(0)) and (m.group("np1") or m.group("np2")):
            return at
    return len(sentence)


def _tail_cuts(sentence: str, trig_pos: int, clause_end: int) -> list[int]:
    cuts = [trig_pos + m.start() for m in re.finditer(r"[,\"”]", sentence[trig_pos:])]
    if clause_end < len(sentence):
        cuts.append(clause_end)
    return sorted(set(cuts))


def _tail(sentence: str, trig_pos: int, clause_end: int, subj_speaker: str | None, subj_kind: str | None,
          ctx: SpeakerContext,
          raw_subject: tuple[str | None, list[str], str | None] = (None, [], None)
          ) -> tuple[str | None, list[str], str | None]:
    """The attribution after a claim: the first comma or closing quote after it that opens a frame
    whose speaker resolves ('…, the Interior Ministry said on Friday, after …', '…,\" she added')."""
    ctx.tail_unresolved = False
    for at in _tail_cuts(sentence, trig_pos, clause_end):
        found = _attribution_at(sentence, at, subj_speaker, subj_kind, ctx, raw_subject)
        if found is not None:
            return found
        if ctx.tail_unresolved:
            break  # an attribution that names someone we do not know: no later cut is tried
    whole = TRAILING.search(sentence)
    if whole and whole.start() >= trig_pos and not TRIGGERS.search(whole.group(0)):
        speaker, co, kind = resolve_np((whole.group("np1") or whole.group("np2") or "").strip(), ctx)
        if speaker:
            return speaker, co, kind
    return None, [], None


def _attribution_at(sentence: str, at: int, subj_speaker: str | None, subj_kind: str | None, ctx: SpeakerContext,
                    raw_subject: tuple[str | None, list[str], str | None]
                    ) -> tuple[str | None, list[str], str | None] | None:
    """The speaker of an attribution frame opening at `at`, or None to try the next cut; sets
    ctx.tail_unresolved when the frame names someone we do not know (then no later cut is tried)."""
    tail = TAIL_FRAME.match(sentence[at:])
    if tail is None or TRIGGERS.search(tail.group(0)) or TRIGGERS.match(
            re.sub(r"^\s*(?:that\s+)?(?:[\w'’-]+\s+){0,4}?", "", sentence[at + tail.end():at + tail.end() + 40])):
        return None  # ", which Trump claims could lead to ..." is another claim, not this one's attribution
    tail_np = _tail_np(tail, ctx)
    if re.match(r"(?:above|below|up|down|from|after|before|despite|amid|as|than|while|with|without|into|over|under|"
                r"later|earlier|sooner|rather|better|worse|"
                r"about|around|at|by|for|in|on|of|to|against|ahead|compared|including|according|more|less|most|"
                r"only|just|even|also|not|which|who|that)\b", tail_np, re.I):
        return None  # "…, above analysts' estimates": not an attribution
    if re.match(r"(?:the two|both)\s+\w+", tail_np, re.I) and raw_subject[0]:
        return raw_subject  # "Germany's Greens and the CDU will …, the two parties said"
    if (GENERIC_ORG.match(tail_np) or re.fullmatch(r"(?i:officials|executives|a spokes\w+|the spokes\w+|"
                                                   r"a company spokes\w+)", tail_np)) and subj_speaker and \
            subj_kind == "org":
        return subj_speaker, [], subj_kind  # "OPEC+ will ..., the group said", "ESA expects …, officials said"
    if DOCUMENT_NOUNS.search(tail_np.split()[-1] if tail_np.split() else ""):
        owner = _document_owner(tail_np, subj_speaker, ctx)  # "…, the note said"
        return (owner, [], "org") if owner else None
    speaker, co, kind = resolve_np(tail_np, ctx)
    if speaker:
        return speaker, co, kind
    if re.match(r"(?i:a|an|one)\s+(?:senior\s+)?(?:company|firm|group|bank|ministry|club|agency)\b", tail_np) and \
            raw_subject[0]:
        return raw_subject  # "Intel will build …, a company spokesperson said"
    if re.match(r"(?:the|a|an)\s|[A-Z]", tail_np):
        ctx.tail_unresolved = True  # someone said it, we do not know who
    return None


def _tail_np(tail: re.Match[str], ctx: SpeakerContext) -> str:
    """Who an attribution frame names, honorific dropped; for "said X, <title> of Y" the name, not the title."""
    tail_np = (tail.group("np1") or tail.group("np3") or tail.group("np2") or tail.group("np4") or "").strip()
    if tail.group("np2") and tail.group("np3") and tail.group("np3").split()[0].lower() in TITLE_WORDS and \
            resolve_np(tail.group("np2"), ctx)[2] == "person":
        tail_np = tail.group("np2").strip()  # "said Gurpreet Sandhu, Minister of Housing and Municipal Affairs"
    return re.sub(rf"^{HONORIFIC}\.?\s+", "", tail_np)


def _head_chunk(np: str) -> str:
    """The part of a comma-separated noun phrase that names the speaker: 'Melnychenko, speaking alongside
    his Danish counterpart in Kyiv,' → 'Melnychenko'; 'the vaccine's manufacturer, the Pune-based Serene
    Biologics' → the last; relative and participial chunks and ages are skipped."""
    np = LISTED_ORG.sub(lambda m: m.group(0).replace(", ", "\x00"), np)  # "Ministry of Economy, Trade and Industry"
    parts = [p.replace("\x00", ", ") for p in re.split(r",\s*|\bthat\s|:\s", np)]
    if len(parts) > 1 and re.match(r"\s*(?:the\s+)?[A-Z]", parts[0]) and all(
            re.match(r"\s*(?:a|an|the)\s+[a-z]", p) or re.match(r"\s*(?:[a-z]+ing|who|which|known as|on \w+day)\b", p)
            or re.match(r"\s*[A-Z][\w'’-]*['’]s\s+[a-z]", p)
            for p in parts[1:] if p.strip()):
        return parts[0]  # "the Pacific Climate Finance Alliance, a group of seven development lenders,"
    for part in reversed(parts):
        bare = part.strip()
        if not bare or re.match(r"(?:[a-z]+ing|who|which|whose|where|\d+|aged|speaking|also|however)\b", bare) or \
                re.search(r"\b(?:who|which)\b", bare):
            continue
        return part
    return parts[-1] if parts else np


YEARS_AGO = re.compile(r"\b(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) years ago|a decade ago|"
                       r"decades ago|back in (?:19|20)\d\d)\b", re.I)
# "Last year the ministry promised a strategy by spring", "last winter you promised there would be no blackouts"
LONG_AGO_FRAME = re.compile(r"\blast (?:year|winter|spring|summer|autumn|fall|season|election|campaign)\b[^.;]{0,60}?\b"
                            r"(?:promised|pledged|vowed|said|claimed|predicted|insisted|assured|announced|told)\b|"
                            r"\b(?:promised|pledged|vowed|said|claimed|predicted|insisted|assured|announced|told|argued)"
                            r"\s+(?:[\w-]+\s+){0,2}?(?:at the time|back then)\b", re.I)
OWNED_SUBJECT = re.compile(r"^(?:the|its)\s+(?P<owner>[\w-]+)['’]s\s+(?:own\s+|new\s+|latest\s+|\w+ly\s+)*"
                           r"(?:[\w-]+\s+){0,2}"
                           r"(?P<head>staff|economists|engineers|analysts|researchers|board|officials|management|"
                           r"report|forecast|projections?|statement|outlook|survey|models?)\s*(?:now\s*)?$", re.I)
# "Ashford Rovers open their season on Saturday", "Herrera begins his campaign on Tuesday": a schedule the
# narrator reports, not a statement by its subject
SCHEDULE_VERB = re.compile(r"(?:opens?|begins?|starts?|faces?|plays?|hosts?|meets?|travels?|returns?|resumes?|"
                           r"kicks? off|takes? on|goes|go on sale|lands?|arrives?|launches?|ends?|closes?)\b", re.I)
PASSIVE_EXPECTATION = re.compile(r"(?:is|are|was|were)\s+(?:not\s+|still\s+|now\s+|also\s+)?(?:expected|likely|"
                                 r"unlikely|set|due|poised|projected|forecast|seen|tipped|widely expected)\b", re.I)


NOUN_FRAME = re.compile(r"\b(?:bets|expectations?|hopes|fears|speculation|concerns?|worries|signs|reports|rumou?rs|"
                        r"predictions|forecasts)\s+that\s+(?:[\w'’-]+\s+){0,6}$", re.I)


SUBJECT_END = re.compile(r"\s(?:on|in|at|last|this|has|have|had|is|was|were|are|will|would|said|says|and|who|which|"
                         r"[a-z]+ed|[a-z]+s)\b")


def _sentence_subject(sentence: str) -> str:
    """The noun phrase a sentence opens with: 'Iceland's central bank' in 'Iceland's central bank raised…',
    'Tasman Copper' in 'Tasman Copper cut its guidance…'."""
    body = re.sub(r"^\W+", "", sentence)
    patterned = _patterned_subject(body)
    if patterned is not None:
        return patterned
    out = _capitalised_opening(body.split())
    if out and any(t[:1].isupper() for t in out[1:] or out):
        return " ".join(out)  # "Opposition health spokesman Baran Aydın accused …"
    m = re.match(r"(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+(?:(?:of|for|and|&|de)\s+)?[A-Z][\w&.'’-]*)*", body)
    if m:
        return m.group(0)
    m = SUBJECT_END.search(sentence, 1)
    return sentence[:m.start()] if m else ""


def _patterned_subject(body: str) -> str | None:
    """A subject of a recognisable shape: a described company, "the government of X", a name in
    apposition, a possessive phrase, "The company"; None if the sentence opens otherwise."""
    described = DESCRIBED_ORG.match(body)
    if described:
        return described.group("name")  # "South Korean display maker Lumo Electronics will …"
    of_place = re.match(r"(?:The\s+)?(?:government|city|state|people|parliament|army|ministry)\s+of\s+"
                        r"[A-Z][\w'’-]+", body)
    if of_place:
        return of_place.group(0)  # "The government of Seldovia on Thursday joined …"
    named = re.match(r"[^,;]{3,80},\s+(?P<name>(?:Dr\.?\s+|Prof\.?\s+)?[A-Z][\w'’.-]+"
                     r"(?:\s+[A-Z][\w'’.-]+){1,3}),", body)
    if named:
        return named.group("name")  # "NASA's associate administrator, Dr Renée Callahan, congratulated …"
    m = re.match(r"(?:The\s+)?[A-Z][\w'’-]*['’]s\s+(?:[a-z-]+\s+){0,2}[a-z]+", body)
    if m:
        return m.group(0)
    m = re.match(r"(?:The|Its|Their)\s+(?:[a-z-]+\s+){0,3}?[a-z-]+"
                 r"(?=\s+(?:[a-z]+ed|[a-z]+s|said|will|would|has|is|was|cut|set|put)\b)", body)
    if m:
        return m.group(0)  # "The company restored …"
    return None


def _capitalised_opening(tokens: list[str]) -> list[str]:
    """The opening words up to the first lower-case word after a capitalised one (titles and 'of' kept) or
    a punctuation mark, at most ten."""
    out: list[str] = []
    for token in tokens[:10]:
        bare = token.strip(",.;:")
        if out and any(t[:1].isupper() for t in out) and bare[:1].islower() and bare.lower() not in TITLE_WORDS \
                and bare not in {"of", "for", "and", "de"}:
            break
        out.append(bare)
        if token.endswith((",", ";", ":")):
            break
    return out


AUTHOR_HEADER = re.compile(r"^[^\w]*(?P<who>[^|·•\n]{3,80}?)\s*(?:[|·•]|—|–|-)\s*(?:official|channel|telegram|"
                           r"blog|page|account|press service|office)\b[^\n]*$", re.IGNORECASE)
SIGNATURE = re.compile(r"^\s*(?:[—–-]+|~)\s*(?P<who>[A-Z][^\n]{2,80})$")
SECTION_WORDS = re.compile(r"^(?:opinion|analysis|comment|commentary|editorial|column|breaking|live|update|news|"
                           r"explainer|feature|interview|review|letters?|guest post|viewpoint|perspective|op-?ed|essay|"
                           r"blog)\b", re.I)
FIRST_PERSON = re.compile(r"(?<![\"“«\w])(?:we|our|us|I|my)\b")


ISSUER_HEADER = re.compile(
    r"^\W*(?:(?:press|news|media) release|statement|communiqu[ée]|announcement)\s*(?:[—–:|-]+|\s(?:by|of|from))\s*"
    r"(?:the\s+)?(?P<org>[A-Z][^\n,]{2,80}?)\s*$|"
    r"^\W*(?P<org2>(?:[A-Z][\w'’-]*\s+){0,2}(?:Ministry|Department|Office|Commission|Agency|Authority)\s+(?:of|for)\s+"
    r"[A-Z][^\n]{2,60}?)\s+(?:statement|press release|announcement|notice)\b", re.IGNORECASE)


def _issuer(text: str, ctx: SpeakerContext) -> str | None:
    """The body that issues a statement or press release, named in its heading ("Statement by the Ministry of
    Health", "Ministry of Transport statement on …", "PRESS RELEASE — Ministry of Transport"): it speaks
    every claim the statement does not attribute to someone else."""
    for line in [line for line in text.split("\n") if line.strip()][:2]:
        m = ISSUER_HEADER.match(line.strip())
        if m:
            org = (m.group("org") or m.group("org2")).strip()
            org = re.split(r"\s+(?:on|about|regarding|concerning|over)\s+", org)[0]
            place = re.search(r"\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?(?P<p>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)$", org)
            if place and is_place(place.group("p")):
                org = org[:place.start()]  # "Ministry of Health of the Republic of Estonia"
            if org[:1].isupper() and (ORG_MARKERS.search(org) or org in {name for _, name in ctx.orgs}):
                return org
    return None


def _author(text: str, ctx: SpeakerContext) -> str | None:
    """Who writes a channel post in the first person: a header ('Mayor Oksana Hrytsenko | Official
    channel') or a signature ('— Oksana Hrytsenko'); their unattributed claims are theirs."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return None
    candidates = _header_owner(lines[0], ctx)
    m = SIGNATURE.match(lines[-1])
    if m:
        candidates.append(m.group("who"))
    candidates += _header_people(lines[0], ctx)
    candidates += _handles(lines[:3])
    candidates += _header_orgs(lines[0], ctx)
    if re.search(r"\b(?:press|news|media) release\b|for immediate release", text[:300], re.I):
        first_org = next((name for _, name in ctx.orgs), None)
        if first_org:
            candidates.append(first_org)
    candidates += _bylines(lines[:3])
    return _first_author(candidates, ctx)


def _header_owner(first_line: str, ctx: SpeakerContext) -> list[str]:
    """The owner a channel's header names before its kind ('Mayor Oksana Hrytsenko | Official channel'), or
    a short header that is its owner's name ('Mayor Oksana Biletska-Moroz')."""
    m = AUTHOR_HEADER.match(first_line) or re.match(r"^\W*(?P<who>[^|\n]{3,60}?)\s*\|[^\n]{0,80}$", first_line)
    if m and not SECTION_WORDS.match(m.group("who").strip()):
        return [m.group("who")]
    if len(first_line.split()) <= 6 and not re.search(r"[.!?:]$", first_line.strip()):
        who, _, who_kind = resolve_np(re.sub(r"^\W+", "", first_line), ctx)
        if who and who_kind == "person" and who in ctx.people:
            return [who]  # a channel headed by its owner's name: "Mayor Oksana Biletska-Moroz"
    return []


def _header_people(first_line: str, ctx: SpeakerContext) -> list[str]:
    """People the header's parts name: "🏙 Tomasz Wróbel — Mayor of Nowa Przystań (official channel)"."""
    found: list[str] = []
    for part in re.split(r"\s*[|—–·•]\s*", first_line):
        part = re.sub(r"\s*\([^)]*\)\s*", " ", re.sub(r"^\W+", "", part)).strip()
        who, _, who_kind = resolve_np(part, ctx) if 2 <= len(part.split()) <= 6 else (None, [], None)
        if who and who_kind == "person" and who in ctx.people:
            found.append(who)  # "🏙 Tomasz Wróbel — Mayor of Nowa Przystań (official channel)"
    return found


def _handles(lines: list[str]) -> list[str]:
    """Names given with a social media handle: "by @macro_mira (Mira Castellanos, …)", "Nuvio (@nuvio_hq)"."""
    found: list[str] = []
    for line in lines:
        handle = re.match(r"^\W*(?:(?:thread|post)\W*)?(?:by\s+)?@\w+\s*\((?P<who>[^,)]+)", line, re.I) or \
            re.match(r"^\W*(?P<who>[A-Z][\w .&'’-]{1,40}?)\s*\(@\w+\)", line)
        if handle:
            found.append(handle.group("who"))  # "by @macro_mira (Mira Castellanos, …)", "Nuvio (@nuvio_hq)"
    return found


def _header_orgs(first_line: str, ctx: SpeakerContext) -> list[str]:
    """Organisations that speak, named after the header's first part: "NEWS RELEASE | Verdanta Foods plc"."""
    found: list[str] = []
    for part in re.split(r"\s*[|—–·•]\s*", first_line)[1:]:
        part = re.sub(r"^\W+", "", part).strip()
        who, _, who_kind = resolve_np(part, ctx) if part else (None, [], None)
        if who and who_kind == "org" and subject_speaks(part, who, who_kind, ctx):
            found.append(who)  # "NEWS RELEASE | Verdanta Foods plc"
    return found


def _bylines(lines: list[str]) -> list[str]:
    """Bylines: "By Dr. Ana Ruiz", "Opinion by …", "Forwarded from …"."""
    found: list[str] = []
    for line in lines:
        by = re.match(r"^\W*(?:by|written by|opinion by|forwarded from)\s+(?:dr\.?\s+|prof\.?\s+)?"
                      r"(?P<who>[A-Z][^,|\n]{2,60})", line, re.I)
        if by:
            found.append(by.group("who"))
    return found


def _first_author(candidates: list[str], ctx: SpeakerContext) -> str | None:
    """The first candidate that is a person or a body that speaks, or a channel's own name ("MARKETS INSIDE")."""
    for who in candidates:
        who = re.sub(r"[^\w\s.'’&-]", "", who).strip()
        speaker, _, kind = resolve_np(who.split(",")[0], ctx)
        if speaker and (kind == "person" or subject_speaks(who, speaker, kind, ctx)):
            return speaker
        if who and (who.isupper() or all(w[:1].isupper() for w in who.split())) and len(who.split()) <= 4:
            return who.title() if who.isupper() else who  # a channel's name: "MARKETS INSIDE"
    return None


def _document_owner(np: str, subject_speaker: str | None, ctx: SpeakerContext) -> str | None:
    """Whose document speaks: "Velo's filing" → Velo; "a statement issued by the ministry" → the ministry;
    "a strategy document it published" / "the note" → the clause's subject or the organisation in view."""
    m = re.search(r"([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})(?:['’]s?)?\s+(?:[a-z-]+\s+){0,2}"
                  + DOCUMENT_NOUNS.pattern, np)
    if m:
        speaker, _, _ = resolve_np(m.group(1), ctx)
        if speaker:
            return speaker
    national = re.search(r"\b(?:by|from)\s+the\s+(?P<org>[A-Z][\w'’-]*\s+(?:[a-z-]+\s+){0,2}(?:ministry|government|"
                         r"agency|authority|commission|office|regulator|embassy|presidency|army|police))\b", np)
    if national:
        return national.group("org")  # "a statement from the Swiss foreign ministry"
    m = re.search(r"(?<!seen )(?<!obtained )(?<!reviewed )(?<!reported )\b(?:by|from)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}"
                  r"(?P<who>[A-Z][\w&.’'-]*(?:\s+(?:of\s+)?[A-Z][\w&.’'-]*)*)", np)
    if m:
        speaker, _, _ = resolve_np(m.group("who"), ctx)
        if speaker:
            return speaker
    head = re.search(r"\b(?:the|its|a)\s+(?P<head>party|company|bank|ministry|government|agency|club|union)\b", np)
    if head:
        return ctx.org_at(ctx.position, head.group("head")) or subject_speaker  # "a party memo"
    return subject_speaker


ANSWER_LABEL = re.compile(r"\W*(?P<who>[Hh]is|[Hh]er|[A-Z][\w'’-]+['’]s)\s+(?:answer|reply|response|verdict|message|"
                          r"view|words|comment)\s*:\s*[\"“«]")


def _quote_speakers(sentences: list[Any], text: str, ctx: SpeakerContext,
                    labels: dict[int, tuple[str | None, int, bool]]) -> dict[int, str]:
    """Who speaks in sentences that are inside a quotation: a quote runs over several sentences
    ('"My goal is a title. I really think I can win one before I turn 25."') and is attributed once,
    before, inside or after the run."""
    groups: list[list[int]] = []
    attributions: dict[int, str | None] = {}
    open_quote = False
    previous_paragraph = -1
    for i, sent in enumerate(sentences):
        s = sent.text
        starts_quoted = bool(re.match(r"\s*[\"“«]", s))
        if sent.paragraph != previous_paragraph and not starts_quoted:
            open_quote = False
        inside = open_quote or starts_quoted
        open_quote = _quote_open_after(s, open_quote)
        has_quote = any(mark in s for mark in "\"“«”»")
        if has_quote or sent.paragraph in labels:
            attributions[i] = _quote_attribution(sent, has_quote, ctx)
        _group_quoted(groups, sentences, i, inside, starts_quoted, has_quote)
        previous_paragraph = sent.paragraph
    return _group_speakers(groups, attributions)


def _quote_open_after(s: str, open_quote: bool) -> bool:
    """Whether a quotation is still open after the sentence: an odd number of straight quotes toggles it,
    unbalanced curly quotes or guillemets set it."""
    straight = s.count('"')
    opens, closes = s.count("“") + s.count("«"), s.count("”") + s.count("»")
    if straight % 2 == 1:
        return not open_quote
    if opens != closes:
        return opens > closes
    return open_quote


def _quote_attribution(sent: Any, has_quote: bool, ctx: SpeakerContext) -> str | None:
    """Who a sentence with quotation marks (or under a label) attributes its quote to, if anyone: a speech
    frame, or 'Her answer: "…"'."""
    s = sent.text
    ctx.position = ctx.sentence_at = sent.start
    who = _speaker(s, 0, 0, len(s), ctx)[0] if has_quote else None
    answer = ANSWER_LABEL.match(s)
    if answer and not who:  # 'Her answer: "Storage is full. We expect …"'
        owner = answer.group("who")
        who = ctx.pronoun(owner, sent.start) if owner.lower() in ("his", "her") else \
            resolve_np(re.sub(r"['’]s$", "", owner), ctx)[0]
    return who


def _group_quoted(groups: list[list[int]], sentences: list[Any], i: int, inside: bool, starts_quoted: bool,
                  has_quote: bool) -> None:
    """Add sentence i to the run of quoted sentences it continues (same paragraph, or opening with a quote
    mark), start a run, or close the last run with the sentence that attributes it."""
    continues = bool(groups) and groups[-1][-1] == i - 1
    if inside:
        if (continues and sentences[i - 1].paragraph == sentences[i].paragraph) or (continues and starts_quoted):
            groups[-1].append(i)
        else:
            groups.append([i])
    elif has_quote and continues:
        groups[-1].append(i)  # the sentence that closes the quote and attributes it


def _group_speakers(groups: list[list[int]], attributions: dict[int, str | None]) -> dict[int, str]:
    """{sentence index: speaker} for every quoted run attributed inside it or in the sentence before it."""
    result: dict[int, str] = {}
    for group in groups:
        speaker = next((attributions[i] for i in group if attributions.get(i)), None)
        if speaker is None and group[0] > 0:
            speaker = attributions.get(group[0] - 1)
        if speaker:
            for i in group:
                result[i] = speaker
    return result


def _line_labels(text: str, ctx: SpeakerContext) -> dict[int, tuple[str | None, int, bool]]:
    """Paragraphs that open with a speaker label: {paragraph index: (speaker or None for the
    interviewer, characters to cut)}. 'Finance minister Lena Ortiz: …', 'ORTIZ: …', 'A: …' (the
    interviewee named in the introduction), 'Q: …' (the interviewer, never a claim)."""
    labels: dict[int, tuple[str | None, int, bool]] = {}
    paragraphs = text.split("\n")
    interviewee = _interviewee(paragraphs, ctx)
    current: str | None = None
    run_on = False  # the previous paragraph was a speaker's
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.strip():
            continue
        stamp = TIMESTAMP.match(paragraph)
        cut = stamp.end() if stamp and stamp.end() < len(paragraph) else 0
        qa = re.match(r"^\s*(?P<who>Q|A|Question|Answer)\s*[:.]\s+", paragraph[cut:])
        if qa:
            asker = qa.group("who")[0] == "Q"
            current = None if asker else interviewee
            labels[index] = (current, cut + qa.end(), asker)
            run_on = not asker
            continue
        flash = re.match(r"[^\w]*(?:breaking|flash|urgent|just in|update|alert)\s*:\s*", paragraph[cut:], re.I)
        if flash:
            cut += flash.end()
        m = LINE_LABEL.match(paragraph, cut)
        label, speaker = _label_speaker(m, paragraphs, text, ctx) if m and _is_label(m.group("label")) else ("", None)
        if m and speaker:
            current = speaker
            labels[index] = (speaker, m.end(), False)
            run_on = label.isupper() or bool(re.match(r"\s*[A-Z]", paragraph))  # transcripts, not bullets
            continue
        if cut:
            labels[index] = (None, cut, False)
            run_on = False
        elif current is not None and run_on and not re.match(r"^\s*[^\w\s]", paragraph):
            labels[index] = (current, 0, False)  # an answer that runs on into the next paragraph
        else:
            run_on = False
    return labels


def _interviewee(paragraphs: list[str], ctx: SpeakerContext) -> str | None:
    """Who answers in a question-and-answer text ('A: …'): the person the introduction says was interviewed,
    else the first person it names; None for a text without answers."""
    if not any(re.match(r"^\s*(?:A|Answer)\s*[:.]\s", p) for p in paragraphs):
        return None
    interviewee = _introduced_interviewee(paragraphs, ctx)
    if interviewee is None and ctx.mentions:
        # the first person the introduction names (outside the questions and answers)
        interviewee = _first_named_outside_qa(paragraphs, ctx)
    return interviewee


def _introduced_interviewee(paragraphs: list[str], ctx: SpeakerContext) -> str | None:
    """The person an introduction says was interviewed ("in an interview with Finance Minister Lena Ortiz"),
    not the interviewer ("She spoke to our correspondent Tomasz Wójcik")."""
    interviewee: str | None = None
    for p in paragraphs:
        if re.match(r"^\s*(?:Q|A|Question|Answer)\s*[:.]\s", p):
            continue
        m = INTERVIEWEE.search(p)
        if m and re.match(r"(?:spoke|talked|sat)\b", m.group(0), re.I) and re.search(
                r"\b(?:our|correspondent|reporter|journalist|editor|host|presenter|us|me)\b", m.group("np"), re.I):
            m = None  # "She spoke to our correspondent Tomasz Wójcik": the interviewer, not the interviewee
        if m:
            interviewee = next((name for name in ctx.people if name in m.group("np")), None)
            if interviewee is None:
                who, _, who_kind = resolve_np(m.group("np"), ctx)
                interviewee = who if who_kind == "person" and who in ctx.people else None
        if interviewee:
            break
    return interviewee


def _first_named_outside_qa(paragraphs: list[str], ctx: SpeakerContext) -> str | None:
    """The first person mentioned in a paragraph that is not a question or an answer."""
    offset = 0
    spans: list[tuple[int, int]] = []
    for p in paragraphs:
        if not re.match(r"^\s*(?:Q|A|Question|Answer)\s*[:.]\s", p):
            spans.append((offset, offset + len(p)))
        offset += len(p) + 1
    return next((name for at, name in ctx.mentions if any(a <= at < b for a, b in spans)), None)


def _is_label(label: str) -> bool:
    """A line's opening before a colon can be a speaker label: not a section word ('Update:'), at most 14
    words and no verb of a sentence ('The plan is simple: …')."""
    return not NOT_LABELS.match(label.strip()) and len(label.split()) <= 14 and \
        not re.search(r"\b(?:is|are|was|were|will|would|has|have|had|says|said)\b", re.sub(r"\([^)]*\)", "", label))


def _label_speaker(m: re.Match[str], paragraphs: list[str], text: str, ctx: SpeakerContext) -> tuple[str, str | None]:
    """(label, speaker) of a line label: a transcript's capitals ('ORTIZ:'), else a name or a body that
    speaks; the speaker is None for a dateline or a label that names nobody."""
    label = _label_name(m.group("label"), ctx)
    speaker: str | None = None
    if re.sub(r"\s*\([^)]*\)", "", label).isupper() and len(label) > 2:
        label = re.sub(r"\s*\([^)]*\)", "", label).strip()  # "FOLASADE ADEBAYO-WILLIAMS (CFO)"
        speaker = _capitals_speaker(label, paragraphs, text, ctx)
    else:
        speaker, _, kind = resolve_np(label, ctx)
        if speaker and not subject_speaks(label, speaker, kind, ctx) and \
                not (len(label.split()) >= 2 and kind == "person") and not (
                    re.fullmatch(r"(?:[A-Z][\w&.'’-]*\s?){1,4}", label) and not is_place(label)):
            speaker = None  # a label speaks: "Kharkivoblenergo: outages should end…"
    if speaker and is_place(speaker):
        speaker = None  # "CHENNAI: The state government …" is a dateline
    return label, speaker


def _label_name(raw: str, ctx: SpeakerContext) -> str:
    """The name in a label: connectives and parentheses dropped, the person of "Minister for Housing (Deputy
    Declan Farrelly)", the named part of "Rangel's lawyer, Paulo Fontes"; '' for a sentence."""
    label = re.sub(r"^(?:meanwhile|also|separately|however|and|but|now|update|breaking)\s*,?\s+", "",
                   raw.strip(), flags=re.I)
    inner = re.search(r"\((?:[A-Z][a-z]+\s+)?(?P<who>[A-Z][^()]{2,60})\)$", label)
    if inner and resolve_np(inner.group("who"), ctx)[2] == "person":
        label = inner.group("who")  # "Minister for Housing (Deputy Declan Farrelly):"
    label = re.sub(r"\s*\([^)]*\)?", "", label).strip()
    parts = [p.strip() for p in re.split(r"\s+[—–-]\s+|,\s+", label) if p.strip()]
    named = [p for p in parts if resolve_np(p, ctx)[2] == "person" and not re.search(r"['’]s\b", p)]
    label = named[0] if named else parts[0] if parts else ""  # "Rangel's lawyer, Paulo Fontes:"
    if re.search(r"\b(?:is|are|was|were|will|would|has|have|had|says|said|can|could|should|must)\b", label):
        label = ""  # "The Commission's own forecast is telling: …" is a sentence, not a label
    return label


def _capitals_speaker(label: str, paragraphs: list[str], text: str, ctx: SpeakerContext) -> str | None:
    """Who a transcript's label in capitals is: a person learned from the text, one the text names in full
    ("TEMIROVA:" after "Aruzhan Temirova, 19, became …"), else the label itself when it names a speaker (two
    words, or used at least twice; a single "CHENNAI:" before the first paragraph is a dateline)."""
    speaker = next((n for n in ctx.people if n.upper() == label), None) or \
        ctx.by_surname(label.split()[-1].title())
    full = re.search(rf"\b(?:[A-Z][\w’'-]+\s+){{1,2}}{re.escape(label.title())}\b", text)
    if speaker is None and full and len(label.split()) == 1 and not is_place(label.title()):
        speaker = split_title(full.group(0))[1]  # "TEMIROVA:" after "Aruzhan Temirova, 19, became …"
    if speaker is None and not is_place(label.title()) and (len(label.split()) >= 2 or sum(
            1 for p in paragraphs if re.match(rf"\W*{re.escape(label)}\s*(?:\([^)]*\)\s*)?:", p)) >= 2):
        speaker = label.title()  # a transcript's speaker named only by the label
    return speaker


def _inline_label(sentence: str, ctx: SpeakerContext) -> tuple[str | None, str]:
    """The speaker a sentence names before a colon and a quotation, and the sentence after that label;
    (None, sentence) if it names none."""
    m = INLINE_LABEL.match(sentence)
    if m:
        who, _, who_kind = resolve_np(m.group("label"), ctx)
        if who and (who_kind == "person" or subject_speaks(m.group("label"), who, who_kind, ctx)):
            return who, sentence[m.end():]
    m = INLINE_NAMED.match(sentence)
    if m:
        who, _, who_kind = resolve_np(m.group("name"), ctx)
        if who and (who_kind == "person" or m.group("pron") in ("his", "her")):
            return who, sentence[m.end():]  # "… Chong Mei Fen on her Facebook page: \"…\"" is a person
    return None, sentence


def _past_time(clause: str, d: Deadline, published: date) -> bool:
    """A time phrase that dates speech or a past event: 'said on Tuesday', 'the forecast it gave in May',
    'destroyed on Saturday'. Only weekdays and dates without a year can be misread so (they would be
    rolled forward); an explicit future date is left alone."""
    phrase = d.text.lower()
    right_before = clause[max(0, d.start - 40):d.start]
    if re.search(r"\b(?:said|says|told(?:\s+[\w'’-]+){0,3}|announced|added|wrote|posted|tweeted|spoke|speaking(?:\s+"
                 r"again)?|confirmed|stated|commented)\s*,?\s*$", right_before, re.I) and not re.match(
                     r"(?:by|before|until|within|no later than)\b", phrase):
        return True  # "told club media this week": when it was said
    if re.match(r"(?:in|for)\s+(?:the\s+(?:last|past)\s+)?(?:\d+|a|an|two|three|four|five|six|seven|eight|nine|ten|"
                r"a few|several|many)\s+(?:years?|decades?|months?|weeks?)$", phrase) and re.search(
            r"\b(?:lowest|highest|first|biggest|largest|worst|best|fastest|slowest|strongest|weakest|most|least|"
            r"deepest|sharpest|longest|shortest|smallest|only)\b[^,.;]{0,30}$", right_before, re.I):
        return True  # "the lowest in 17 years", "the first time in a decade": a span behind us
    if re.search(r"\b(?:19|20)\d\d\b", phrase) or re.match(r"^(?:by|before|until|within|no later than)\b", phrase):
        return False
    weekday = re.search(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", phrase) is not None
    if re.fullmatch(r"(?:in\s+)?this (?:year|week|month|quarter)", phrase):
        before = clause[max(0, d.start - 70):d.start]
        return bool(PAST_VERB_BEFORE.search(before)) and not FUTURE_BEFORE.search(before)
    month_like = re.search(rf"\b(?:{'|'.join(MONTH_NAMES)})\b", phrase) is not None
    if not (weekday or month_like):
        return False
    if month_like and not weekday and (d.date - published).days < 250:
        return False  # not rolled into next year, so not a past month
    before = clause[max(0, d.start - 60):d.start]
    return bool(PAST_VERB_BEFORE.search(before)) and not FUTURE_BEFORE.search(before)


EVENT_NOUNS = r"summit|match|game|fixture|final|vote|referendum|election|runoff|run-off|ballot|meeting|hearing"
EVENT_DATE = re.compile(rf"\b(?P<noun>{EVENT_NOUNS})\b", re.IGNORECASE)
EVENT_REF = re.compile(rf"\b(?:at|before|by|until|in|after|of|against|from|on)\s+(?:(?:the|this|that|a|its)\s+)?"
                       rf"(?:[\w-]+\s+){{0,2}}?(?P<noun>{EVENT_NOUNS})(?:\s+(?:day|night))?\b(?P<noun2>)",
                       re.IGNORECASE)
RELATIVE_TO = re.compile(r"(?:within|in|no later than)\s+(?P<n>\S+(?:\s+\S+)?)"
                         r"\s+(?P<unit>days?|weeks?|months?|years?)\s+"
                         r"(?:of|after|following)\b", re.IGNORECASE)


def _dated_events(text: str, published: date, fiscal_end: tuple[int, int] | None) -> dict[str, date]:
    """Events the text dates ('an emergency summit in Abuja on February 10', 'the referendum on 9 May'):
    a later 'at the summit' or 'within two years of a Yes vote' is counted from that day."""
    events: dict[str, date] = {}
    for sent in split_sentences(text):
        dated = [d for d in find_deadlines(sent.text, published, fiscal_end) if d.date >= published and not d.vague
                 and not _past_time(sent.text, d, published)]
        if not dated:
            continue
        for m in EVENT_DATE.finditer(sent.text):
            near = min(dated, key=lambda d: min(abs(d.start - m.end()), abs(m.start() - d.end)))
            if min(abs(near.start - m.end()), abs(m.start() - near.end)) <= 60:
                events.setdefault(m.group("noun").lower().replace("run-off", "runoff"), near.date)
    return events


def _event_deadline(clause: str, current: Deadline, events: dict[str, date], published: date) -> Deadline | None:
    if not events:
        return None
    for m in EVENT_REF.finditer(clause):
        noun = (m.group("noun") or m.group("noun2")).lower().replace("run-off", "runoff")
        if noun not in events:
            continue
        day = events[noun]
        rel = RELATIVE_TO.search(clause, 0, m.start() + 1)
        if rel and current.text and rel.end() <= m.start():

            try:
                day = day + unit_delta(rel.group("unit"), number_value(
                    rel.group("n").split()[-1] if rel.group("n").split()[-1].isdigit() else rel.group("n")))
            except KeyError:
                continue
        return Deadline(day, m.group(0), False)
    return None


def _forwarded_sections(text: str) -> dict[int, str]:
    """Lines a channel post forwards from another source ("Forwarded from GridWest Dispatch:" up to the next
    blank line): {line index: the source}, whose unattributed claims are the source's, not the channel's."""
    sections: dict[int, str] = {}
    source: str | None = None
    for index, line in enumerate(text.split("\n")):
        m = re.match(r"^\W*(?:forwarded|reposted|shared) from\s+(?:@?)(?P<who>[^:\n]{2,60}?)\s*:?\s*$", line, re.I)
        if m:
            source = m.group("who").strip()
            continue
        if not line.strip():
            source = None
        elif source:
            sections[index] = source
    return sections


GENERAL_RULE = re.compile(r"\b(?:always|normally|usually|automatically|whenever|as a (?:general )?rule|every time|"
                          r"each time|typically|often|regularly|generally|tends? to|most (?:winters|summers|springs|"
                          r"autumns|years|days|nights|mornings|weekends))\b", re.I)
UNDER_RULE = re.compile(r"(?:^|.*,\s*)\W*[Uu]nder\s+(?:the|its|their|a|an)\s+[^,]{0,60}?\b(?:law|laws|rules?|"
                        r"charter|framework|formula|regulations?|code|statutes?|constitution|rules of engagement|"
                        r"terms)\b[^,]*,")


def _general_rule(sentence: str, clause: str) -> bool:
    """How things work rather than what will happen: "the rates will always move in step", "whenever steel
    costs rise, the railway will reimburse …", "Under the passenger charter, travellers will get a refund"."""
    return bool(GENERAL_RULE.search(clause) or UNDER_RULE.match(sentence))


def _narrative_would(sentence: str, after: str, published: date) -> bool:
    """'would' as the past's future: "which would later close", "would go on to win", "would prove premature:
    inflation rebounded", "the first trial, in 2013, would end in failure"."""
    if re.match(r"\s*(?:later|go on to|end up|never again)\b", after):
        return True
    if not re.match(r"\s*(?:prove|turn out|end in|eventually)\b", after):
        return False
    past_year = any(int(y) < published.year for y in re.findall(r"\b((?:19|20)\d\d)\b", sentence))
    return past_year or re.search(r"\b(?:was|were|had)\b|\b\w+ed\b", after) is not None


def _past_dated_paragraphs(text: str, published: date) -> set[int]:
    """Timeline entries dated before publication ("- March 2019: The dam fails. Ferrominas pledges …"): what
    they say is history told in the present tense."""
    past: set[int] = set()
    for index, line in enumerate(text.split("\n")):
        m = re.match(r"^\W*(?:(?:\d{1,2}\s+)?(?P<month>[A-Z][a-z]+)\.?\s+(?:\d{1,2},?\s+)?)?(?P<year>(?:19|20)\d\d)"
                     r"\s*[:–—-]\s", line)
        if not m:
            continue
        year, month = int(m.group("year")), MONTHS.get((m.group("month") or "").lower())
        if m.group("month") and month is None:
            continue
        if year < published.year or (year == published.year and month is not None and month < published.month):
            past.add(index)
    return past


def _past_report_year(before: str, published: date) -> bool:
    """'In 2021 the council said …' / 'Back in 2019, …': a report dated in an earlier year."""
    m = re.search(r"(?:^|[.;]\s+|\bback\s+)\W*(?:in|back in|during)\s+((?:19|20)\d\d)\b", before, re.I) or re.search(
        r"^\W*when\b[^,]{3,120}?\b(?:in|of)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\s*,", before, re.I) or re.search(
        r"\bin\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d),?\s+when\s+[^,.;]{0,60}$", before)
    # "When the interconnector was inaugurated in August 2014, …", "… made in 2021, when it promised …"
    return m is not None and int(m.group(1)) < published.year


def _only_past_times(text: str, published: date) -> bool:
    """A clause whose every precise time lies before publication describes the past."""
    explicit = [m for m in re.finditer(r"\b(?:in|by|until|before|during|since|of)\s+((?:19|20)\d\d)\b", text)
                if not re.search(r"\b(?:\w+ed|taken|given|written|chosen|broken|spoken|frozen|begun|won|lost|built|set|"
                                 r"made|held|signed|passed|introduced)\s+$", text[:m.start()])]
    # (a year after a participle dates a noun: "the fees introduced in 2019")
    return bool(explicit) and all(int(m.group(1)) < published.year for m in explicit) and not any(
        d.date >= published for d in find_deadlines(text, published))


def _main_clause_hedge(text: str) -> Hedge | None:
    """'there is little chance that…', 'it was unlikely the merger would…': a hedge in the main clause
    governs the embedded claim; 'as markets expect' is someone else's."""
    text = MAIN_CLAUSE_HEDGE_STOP.sub(" ", text)
    return main_clause_hedge(text)


@dataclass
class _Article:
    """What the whole text tells before its sentences are read one by one: who is named, which paragraphs
    are labelled, quoted, forwarded or dated in the past, who writes or issues it, which events it dates."""

    text: str
    published: date
    ctx: SpeakerContext
    fiscal_end: tuple[int, int] | None
    events: dict[str, date]
    labels: dict[int, tuple[str | None, int, bool]]
    author: str | None
    issuer: str | None
    past_paragraphs: set[int]
    forwarded: dict[int, str]
    sentences: list[Sentence]
    quoted: dict[int, str]
    line_starts: list[int]


@dataclass
class _Reading:
    """One sentence as it is read for claims: its text after any label, who its label or inline label names,
    who writes it, and the quotation state around it."""

    index: int
    sent: Sentence
    s: str
    line_speaker: str | None
    here_author: str | None
    quoted_start: bool
    has_quote: bool
    quote_speaker: str | None  # who spoke the quotation the sentence before ran on from


@dataclass
class _Clause:
    """One trigger's clause in a sentence: its bounds, and for two coordinated claims ("would cut emissions
    by half by 2030 and reach net zero by 2045") where the second starts."""

    trig: re.Match[str]
    start: int
    end: int
    whole_end: int
    second: tuple[int, int] | None
    main_start: int  # where the previous clause ended: the main clause before this trigger starts here
    next_pos: int  # the next trigger, or the sentence's end


def extract(text: str, published: date) -> list[Claim]:
    """Every checkable forward-looking statement in `text`, with deadlines relative to `published`.
    Russian and Ukrainian texts go to their own rules (tracker.extraction.slavic); everything else is read
    as English."""
    if not text or not text.strip():
        return []
    language = detect(text)
    if language in ("ru", "uk"):
        from tracker.extraction.slavic.pipeline import extract as extract_slavic  # loaded on first such text

        return extract_slavic(text, published, language)
    article = _read_article(text, published)
    ctx = article.ctx
    claims: list[Claim] = []
    prev_quote_speaker: str | None = None
    list_frame: tuple[str | None, str, float, int] | None = None  # speaker, modal, confidence, paragraph
    for index, sent in enumerate(article.sentences):
        if list_frame is not None:
            item, list_frame = _next_list_item(article, sent, list_frame)
            if item is not None:
                claims.append(item)
                continue
        readable = _readable_text(article, index, sent)
        if readable is None:
            continue
        s, line_speaker, headline = readable
        ctx.position = ctx.sentence_at = sent.start
        _open_topic(article, sent, s)
        here_author = article.forwarded.get(sent.paragraph, article.author)  # "Forwarded from GridWest Dispatch:"
        ctx.voice = article.quoted.get(index) or line_speaker or here_author
        quoted_start = bool(re.match(r"\s*[\"“«]", s))
        has_quote = bool(re.search(r"[\"“”«»]", s))
        quote_speaker = prev_quote_speaker
        prev_quote_speaker = None
        if has_quote:
            prev_quote_speaker = _speaker(s, 0, 0, len(s), ctx, line_speaker)[0] or \
                (quote_speaker if quoted_start else None)
        reading = _Reading(index, sent, s, line_speaker, here_author, quoted_start, has_quote, quote_speaker)
        claims += _sentence_claims(article, reading, _triggers(s, published, headline))
        if LIST_INTRO.search(s):
            list_frame = _list_intro(s, sent, claims, article.author or line_speaker)
    return dedupe(claims)


def _read_article(text: str, published: date) -> _Article:
    """Normalise the text (length, line ends, unprintable characters) and read what the whole of it tells."""
    text = text[:MAX_TEXT].replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    ctx = SpeakerContext()
    ctx.learn(text)
    fiscal_end = fiscal_year_end(text)
    events = _dated_events(text, published, fiscal_end)
    labels = _line_labels(text, ctx)
    author = _author(text, ctx) if FIRST_PERSON.search(text) else None
    issuer = _issuer(text, ctx)
    past_paragraphs = _past_dated_paragraphs(text, published)
    forwarded = _forwarded_sections(text)
    sentences = split_sentences(text)
    quoted = _quote_speakers(sentences, text, ctx, labels)
    return _Article(text, published, ctx, fiscal_end, events, labels, author, issuer, past_paragraphs, forwarded,
                    sentences, quoted, _line_starts(text))


def _line_starts(text: str) -> list[int]:
    """The offset where each line of the text starts."""
    line_starts = [0]
    for line in text.split("\n")[:-1]:
        line_starts.append(line_starts[-1] + len(line) + 1)
    return line_starts


def _next_list_item(article: _Article, sent: Sentence, list_frame: tuple[str | None, str, float, int]
                    ) -> tuple[Claim | None, tuple[str | None, str, float, int] | None]:
    """(the bullet's claim or None, the list frame after this sentence): a bullet extends the list, more than
    two paragraphs past the last bullet end it."""
    item = _list_item(sent.text, sent.paragraph, list_frame, article.published, article.fiscal_end)
    if item is not None:
        return item, (*list_frame[:3], sent.paragraph)
    return None, None if sent.paragraph > list_frame[3] + 2 else list_frame


def _list_intro(s: str, sent: Sentence, claims: list[Claim],
                fallback_speaker: str | None) -> tuple[str | None, str, float, int]:
    """The frame a list introduction ("We will:") sets for the bullets after it: its speaker (the one of
    its own claim, else the author or the label's), modal, confidence and paragraph."""
    intro_speaker = claims[-1].speaker if claims and claims[-1].sentence == sent.text else fallback_speaker
    modal = (LIST_INTRO.search(s).group("modal") or "will").lower()  # type: ignore[union-attr]
    return intro_speaker, modal, hedge_confidence(modal).probability, sent.paragraph


def _readable_text(article: _Article, index: int, sent: Sentence) -> tuple[str, str | None, bool] | None:
    """(text, label speaker, headline flash) of a sentence as claims are read from it: the label cut off, an
    all-capitals flash in ordinary case, an inline label ("Spokeswoman Lotte Brandt: \"We …\"") read. None for
    the interviewer's question, an all-capitals headline, a question or the headline line."""
    s = sent.text
    line_speaker: str | None = None
    headline = False
    label = article.labels.get(sent.paragraph)
    if label is not None:
        line_speaker, cut, asked = label
        if asked:
            return None  # the interviewer's question
        cut_at = article.line_starts[sent.paragraph] + cut
        if sent.start < cut_at < sent.start + len(s):
            s = s[cut_at - sent.start:]
    if s.isupper() and len(s) > 12:
        if label is None or not label[0]:
            return None  # an all-capitals headline
        s = _uncap(s)  # "- NOVÁK: INFLATION TO RETURN TO 2% TARGET" reads as a sentence
        headline = True
    if s.rstrip("\"”’' ").endswith("?") or _headline_line(article, index, sent, s, line_speaker):
        return None
    if not line_speaker:  # also under a timestamp: '09:40 — Spokeswoman Lotte Brandt: "We …"'
        line_speaker, s = _inline_label(s, article.ctx)
    return s, line_speaker, headline


def _headline_line(article: _Article, index: int, sent: Sentence, s: str, line_speaker: str | None) -> bool:
    """The text's first line without closing punctuation, shorter than 200 characters, before more text: a
    headline."""
    return index == 0 and sent.paragraph == 0 and not re.search(r"[.!?\"”]$", s) and len(s) < 200 \
        and len(article.sentences) > 1 and not line_speaker


def _open_topic(article: _Article, sent: Sentence, s: str) -> None:
    """The sentence is about the person it opens with (not one a quote names, nor one in a possessive)."""
    opening = [name for at, name in article.ctx.mentions if sent.start <= at < sent.start + 45
               and not re.match(r"[\w.’'-]+(?:\s[\w.’'-]+){0,2}?['’]s\s", article.text[at:at + 60])]
    if opening and not re.match(r"\s*(?:[\"“«]|(?:he|she|they)\b)", s, re.I):
        topic(article.ctx, opening[0])


def _sentence_claims(article: _Article, reading: _Reading, triggers: list[re.Match[str]]) -> list[Claim]:
    """The claims of one sentence, a clause per trigger (a trigger inside the previous clause adds none)."""
    claims: list[Claim] = []
    s = reading.s
    previous_subject = ""
    last_clause_end = -1
    for i, trig in enumerate(triggers):
        if trig.start() < last_clause_end:
            continue  # same clause as the previous trigger
        next_pos = triggers[i + 1].start() if i + 1 < len(triggers) else len(s)
        clause = _clause_at(s, trig, next_pos, last_clause_end, article.published)
        last_clause_end = clause.end
        attributed = _attribute(article, reading, clause)
        if attributed is None:
            continue  # "had pledged two years ago that the line would open": history, not an open claim
        speaker, co, kind, basis, body_start = attributed
        subject_text = s[body_start:trig.start()].strip(" ,")
        body = _claim_body(s, clause, body_start, subject_text, previous_subject)
        previous_subject = subject_text or previous_subject
        claims += _clause_claims(article, reading, clause, (speaker, co, kind), basis, body_start, body,
                                 subject_text, previous_subject)
    return claims


def _clause_at(s: str, trig: re.Match[str], next_pos: int, last_clause_end: int, published: date) -> _Clause:
    """The trigger's clause, ended before an attribution after it and, for two coordinated claims, before
    the second."""
    c_start, c_end = _clause_bounds(s, trig.start(), trig.end(), next_pos)
    c_end = min(c_end, max(trig.end(), attribution_start(s, trig.end(), c_end)))
    second = _coordinated(s, trig.end(), c_end, published)
    whole_end = c_end
    if second is not None:
        c_end = second[0]  # "would cut emissions by half by 2030 | and reach net zero by 2045"
    return _Clause(trig, c_start, c_end, whole_end, second, max(0, last_clause_end), next_pos)


def _attribute(article: _Article, reading: _Reading, clause: _Clause
               ) -> tuple[str | None, list[str], str | None, str, int] | None:
    """(speaker, co-speakers, kind, basis, where the statement starts) of a clause, remembered for the
    pronouns after it; None for a claim reported as history."""
    ctx = article.ctx
    ctx.position = reading.sent.start + clause.trig.start()
    speaker, co, kind, body_start, reported_past = _speaker(reading.s, clause.trig.start(), clause.start,
                                                             clause.end, ctx, reading.line_speaker)
    if reported_past:
        return None
    speaker, kind, basis = _first_person_speaker(article, reading, clause, speaker, kind, ctx.basis)
    speaker, kind, basis = _unattributed_speaker(article, reading, clause, speaker, kind, basis)
    remember(ctx, speaker, kind)
    return speaker, co, kind, basis, body_start


def _first_person_speaker(article: _Article, reading: _Reading, clause: _Clause, speaker: str | None,
                          kind: str | None, basis: str) -> tuple[str | None, str | None, str]:
    """'I', 'we', 'my department' speak for the line's label or the author; a bare pronoun for the label,
    the author or the last speaker."""
    subject = reading.s[clause.start:clause.trig.start()]
    first_person = re.fullmatch(r"\s*(?:we|i|(?:our|my)\s+\w+)\s*", subject, re.I)
    if re.fullmatch(r"\s*(?:I|we|(?:My|Our|my|our)\s+\w+(?:\s+\w+)?)\s*", subject) \
            and reading.line_speaker and basis in ("subject", "label", ""):
        speaker, kind, basis = reading.line_speaker, "person", "label"  # "My Department will publish …"
    if first_person and reading.here_author and not reading.line_speaker and (
            speaker is None or speaker == article.ctx.last_speaker) and not reading.has_quote:
        speaker, kind, basis = reading.here_author, "person", "author"
    if speaker is None and re.fullmatch(r"\s*(?:he|she|they|we|i)\s*", subject, re.I):
        speaker = reading.line_speaker or reading.here_author or article.ctx.last_speaker
    return speaker, kind, basis


def _unattributed_speaker(article: _Article, reading: _Reading, clause: _Clause, speaker: str | None,
                          kind: str | None, basis: str) -> tuple[str | None, str | None, str]:
    """A clause the sentence does not attribute: a quotation over several sentences speaks for its
    speaker, a statement for its issuer, a channel post for its author."""
    s, trig, ctx = reading.s, clause.trig, article.ctx
    if reading.index in article.quoted and (speaker is None or basis in ("subject", "") or
                                            re.fullmatch(r"\s*(?:i|we)\s*", s[clause.start:trig.start()], re.I)):
        speaker, kind, basis = article.quoted[reading.index], "person", "quote"  # a quotation over several sentences
    if speaker is None and reading.quoted_start and reading.quote_speaker:
        speaker, kind = reading.quote_speaker, "person"  # a quote that runs on from the sentence before
    if speaker is None and article.issuer and basis not in ("according", "noun-frame", "history") and (
            not ctx.framed or not re.search(rf"\b(?:{SPEECH_VERBS})\b", s[:trig.start()])):
        speaker, kind, basis = article.issuer, "org", "issuer"  # a ministry's statement speaks for the ministry
    if speaker is None and reading.here_author and (not ctx.framed or re.search(
            r"\b(?:I|[Ww]e)\b|\b(?:[Mm]y|[Oo]ur)\s+(?:forecast|prediction|guess|bet|view|expectation|hunch)\b",
            s[:trig.start()])):
        speaker, kind, basis = reading.here_author, "person", "author"  # "My forecast is simple: …", "I doubt …"
    return speaker, kind, basis


def _claim_body(s: str, clause: _Clause, body_start: int, subject_text: str, previous_subject: str) -> str:
    """The clause from where the statement starts; a modal right after 'and'/'but' borrows the previous
    clause's subject ("… and could double by 2030")."""
    body = s[body_start:clause.end]
    after_conjunction = re.search(r"\b(?:but|and|or)\s*$", s[:clause.start], re.IGNORECASE) is not None
    if not subject_text and previous_subject and after_conjunction and clause.trig.group(0).split()[0].lower() in {
            "could", "would", "might", "may", "will", "should", "won't", "wouldn't"}:
        body = f"{previous_subject} {body.strip()}"
    return body


def _clause_claims(article: _Article, reading: _Reading, clause: _Clause, who: Resolution, basis: str,
                   body_start: int, body: str, subject_text: str, previous_subject: str) -> list[Claim]:
    """The claim of one clause (two for coordinated claims), or none when the clause introduces a list,
    tells the past, states a rule or gives advice."""
    s, trig, published, ctx = reading.s, clause.trig, article.published, article.ctx
    speaker, co, _ = who
    statement = _tidy(body)
    if len(content_words(statement)) < 2 or not s[trig.end():clause.end].strip(" :,;"):
        return []  # "Under the plan, we will:" introduces a list
    clause_from = max(clause.start, body_start) if body_start <= trig.start() else clause.start
    text = s[clause_from:clause.end]
    rel = max(0, trig.start() - clause_from)
    if _reported_history(s, trig, text, rel) or _rule_or_hypothetical(s, trig, text, published) or \
            _past_commitment(s, trig, published, ctx.framed, reading.sent.paragraph in article.past_paragraphs) or \
            _earlier_this_year(s, trig, published) or _advice_or_past(s, trig, text, rel, published):
        return []
    deadline = _clause_deadline(article, s, clause, clause_from, text, rel)
    if speaker is None and deadline.text == "" and trig.group(0).lower().startswith("would") and \
            not ctx.framed and not reading.quote_speaker and reading.index not in article.quoted:
        return []  # "a win would put them seven ahead": the narrator's conditional, nobody's forecast
    hedge = _main_clause_hedge(s[clause.main_start:trig.start()]) or hedge_confidence(text[rel:] if rel else text)
    conditional = bool(CONDITIONAL.search(text)) or (
        trig.group(0).lower().startswith(("would", "could")) and
        bool(re.match(r"\s*[A-Za-z]+ing\b", (previous_subject or subject_text or "") + " ")))
    claim = Claim(
        speaker=speaker, statement=statement, sentence=reading.sent.text, deadline=deadline.date.isoformat(),
        deadline_text=deadline.text, vague=deadline.vague, confidence=hedge.probability,
        conditional=conditional, co_speakers=co,
        speaker_aliases=aliases_for(ctx, speaker) if speaker else [], hedge=hedge.word,
        basis=basis if speaker else "",
    )
    if clause.second is None:
        return [claim]
    return [claim, _second_claim(article, s, clause, clause.second[1], claim, subject_text)]


def _second_claim(article: _Article, s: str, clause: _Clause, second_start: int, first: Claim,
                  subject_text: str) -> Claim:
    """The second of two coordinated claims: the first's subject and modal before the rest, its own deadline."""
    rest = s[second_start:clause.whole_end]
    modal = clause.trig.group(0) if re.match(r"(?:will|would|could|should|may|might|must|shall|can|'ll|’ll)$",
                                             clause.trig.group(0), re.I) else ""
    head = f"{subject_text} {modal}".strip() if modal else ""
    later_deadline = pick_deadline(rest, article.published, fiscal_end=article.fiscal_end)
    return replace(first, statement=_tidy(f"{head} {rest}".strip()), deadline=later_deadline.date.isoformat(),
                   deadline_text=later_deadline.text, vague=later_deadline.vague)


def _reported_history(s: str, trig: re.Match[str], clause: str, rel: int) -> bool:
    """What the sentence tells as having happened or failed already."""
    if PAST_TENSE_TRIGGER.match(trig.group(0)) and PAST_MARKER.search(clause):
        return True  # "agreed to provide subsidies last year" happened already
    if re.search(r"\bhad\s+(?:\w+ly\s+)?\w+ed\b", clause[:rel]) and PAST_MARKER.search(clause):
        return True  # "she had campaigned four years ago on a pledge to cut taxes"
    # "Some traders had bet that the strike would be over by Wednesday; it is not."
    return bool(re.search(r"\bhad\s+(?:\w+ly\s+|long\s+|also\s+)?(?:bet|expected|hoped|predicted|forecast|assumed|"
                          r"feared|believed|thought|wagered|gambled)\b[^.;]*$", s[:trig.start()]) or re.search(
        r"\b(?:proved|proven|turned out(?: to be)?|was|were)\s+(?:\w+ly\s+)?(?:wrong|false|mistaken|"
        r"incorrect|unfounded|premature)\b|\bdid not pan out\b|\bnever materiali[sz]ed\b|"
        r";\s*it (?:is|was|did) not\b|"
        r"\b(?:was|were|has been|have been|had been) (?:already )?(?:kept|met|missed|broken|fulfilled|"
        r"honou?red)\b|\bhas already been missed\b|\b(?:went ahead|was completed|were completed|took place|"
        r"was held|were held) (?:as planned|on time|on schedule)\b",
        s[trig.end():]))


def _rule_or_hypothetical(s: str, trig: re.Match[str], clause: str, published: date) -> bool:
    """How things work, the past's future, or a poll's hypothetical rather than a prediction."""
    if _general_rule(s, clause) and not find_deadlines(clause, published):
        return True  # "the rates will always move in step", "Under the charter, travellers will get a refund"
    if re.match(r"(?:would|'d)\b", trig.group(0), re.I) and _narrative_would(s, s[trig.end():], published):
        return True  # "the plant, which would later close", "the cut would prove premature: inflation rebounded"
    # "if an election were held that day, the Alliance would win 29 seats": a poll's hypothetical
    return bool(re.search(r"\bif (?:an? |the )?(?:\w+ )?(?:elections?|votes?|referendum|ballot) (?:were|was) (?:held|"
                          r"taking place)\b", s, re.I))


def _past_commitment(s: str, trig: re.Match[str], published: date, framed: bool, past_paragraph: bool) -> bool:
    """A forecast or pledge made in the past and told as such: "the firm had forecast 4.1%", "a target that
    previous governments had set", "argued in 2021 that …", a timeline entry dated before publication."""
    if (re.search(r"\bhad\s+(?:\w+ly\s+|long\s+|also\s+|already\s+)?$", s[:trig.start()]) or re.match(
            r"had\b", trig.group(0), re.I)) and not framed:
        return True  # "the firm had forecast 4.1%", "whose party had threatened to walk out": history
    relative = re.search(r"\b(?P<noun>[\w-]+)\s+(?P<rel>that|which)\s+(?:[\w-]+\s+){0,3}had\s+(?:\w+ly\s+)?$",
                         s[:trig.start()])
    if relative and (relative.group("rel") == "which" or (relative.group("noun").islower() and not re.fullmatch(
            rf"(?:{SPEECH_VERBS}|told|them|him|her|us|me|reporters|journalists)", relative.group("noun")))):
        return True  # "bringing forward a target that previous governments had set for 2040"
    dated_frame = re.search(r"\b(?:said|argued|promised|pledged|vowed|predicted|claimed|warned|insisted|"
                            r"told \w+|had \w+)\s+(?:in|back in)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b"
                            r"(?:\s+that)?\s*(?:[^,.;]{0,80})$", s[:trig.start()])
    if (dated_frame and int(dated_frame.group(1)) < published.year) or past_paragraph:
        return True  # "Some colleagues argued in 2021 that …"; "- March 2019: Ferrominas pledges …"
    return _past_report_year(s[:trig.start()], published)  # "In 2021 the city council said the first tram …"


def _earlier_this_year(s: str, trig: re.Match[str], published: date) -> bool:
    """Said in a month of the publication year already over: "When the club hired her in January, she told
    supporters …" (written in December), "In July the ministry pledged …" (written in September)."""
    month = re.match(r"\W*In\s+([A-Z][a-z]+)\b(?!\s+\d)", s)
    when = re.match(r"\W*When\b(?P<clause>[^,]{3,120}?)\bin\s+(?P<month>[A-Z][a-z]+)\s*,", s[:trig.start()])
    if when and when.group("month").lower() in MONTHS and MONTHS[when.group("month").lower()] < \
            published.month and re.search(r"\b\w+ed\b|\b(?:was|were|took|won|lost|made|began|came|went)\b",
                                          when.group("clause")):
        return True  # "When the club hired her in January, she told supporters …" (written in December)
    # "In July the ministry pledged to restore the elevator by September" (written in September)
    return bool(month and PAST_TENSE_TRIGGER.match(trig.group(0)) and month.group(1).lower() in MONTHS and
                MONTHS[month.group(1).lower()] < published.month)


def _advice_or_past(s: str, trig: re.Match[str], clause: str, rel: int, published: date) -> bool:
    """Advice ("the crews should be helped", "passengers should check with their airline"), narrative
    ("promises the supply chain couldn't keep") and clauses whose every time is past."""
    if re.match(r"(?:should|ought)\b", trig.group(0), re.I) and not find_deadlines(s, published) \
            and not re.search(
            r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|few)\s+(?:hours?|days?|weeks?|months?|"
            r"years?)\b|\b(?:soon|quickly|shortly|considerably|significantly|further)\b", clause, re.I):
        return True  # "the crews should be helped", "the state should withdraw…": advice, not a forecast
    if re.match(r"(?:should|must)\b", trig.group(0), re.I) and re.search(
            r"\b(?:you|passengers|residents|customers|users|people|drivers|travellers|parents|citizens|readers|"
            r"motorists|commuters|shoppers|visitors)\s*$", s[:trig.start()], re.I):
        return True  # "passengers should check with their airline": advice
    if re.match(r"(?:couldn['’]t|could not)\b", trig.group(0) + s[trig.end():trig.end() + 4],
                re.I) and not _precise_future(clause[rel:], published):
        return True  # "promises the supply chain couldn't keep": narrative
    return _only_past_times(clause[rel:], published)  # "was originally due to finish in 2025", written in 2026


def _clause_deadline(article: _Article, s: str, clause: _Clause, clause_from: int, text: str, rel: int) -> Deadline:
    """The clause's deadline: its governing time phrase not dating speech or the past; else a precise one
    right after the clause; a bare or vague 'within …' counted from a dated event ("at the summit")."""
    published = article.published

    def skip_past(c: str, d: Deadline, at: int = clause_from, s: str = s) -> bool:
        return _past_time(s, replace(d, start=d.start + at, end=d.end + at), published)

    deadline = pick_deadline(text, published, anchor=rel, fiscal_end=article.fiscal_end, skip=skip_past)
    if deadline.text == "":
        # "..., with production to start in 2027": a precise phrase right after the clause, before
        # the next claim's clause, still governs it.
        later = [d for d in find_deadlines(s[clause.end:clause.next_pos], published, article.fiscal_end)
                 if d.date >= published and not d.vague and not _past_time(
                     s, replace(d, start=d.start + clause.end, end=d.end + clause.end), published)]
        if later:
            deadline = later[0]
    if deadline.text == "" or (
            deadline.text.lower().startswith(("within", "in ", "no later")) and deadline.vague):
        deadline = _event_deadline(text, deadline, article.events, published) or deadline
    return deadline


LIST_INTRO = re.compile(r"\b(?P<modal>will|commits?|pledges?|promises?|plans?|aims?|intends?|vows?|expects?|"
                        r"targets?|goals?|commitments?)\b[^:]{0,80}:\s*$", re.I)
LIST_ITEM = re.compile(r"^[^\w\s\"“]+\s*(?:to\s+)?(?P<verb>[a-z][a-z-]+)\b")


def _list_item(sentence: str, paragraph: int, frame: tuple[str | None, str, float, int], published: date,
               fiscal_end: tuple[int, int] | None) -> Claim | None:
    """'We will: ✅ cut emissions by 60% by 2030; ✅ reach net zero by 2045': each bullet after an
    introduction that promises is a claim of its own, with the introduction's speaker and hedge."""
    m = LIST_ITEM.match(sentence)
    if not m or paragraph > frame[3] + 2 or m.group("verb") in NOT_VERBS:
        return None
    body = sentence[m.start("verb"):]
    deadline = pick_deadline(body, published, fiscal_end=fiscal_end)
    return Claim(speaker=frame[0], statement=_tidy(body), sentence=sentence, deadline=deadline.date.isoformat(),
                 deadline_text=deadline.text, vague=deadline.vague, confidence=frame[2], conditional=False,
                 basis="list" if frame[0] else "")


def _uncap(text: str) -> str:
    """An all-capitals wire flash in ordinary case, so the sentence rules read it (its label was cut
    off before; 'TO RETURN' is found by the headline trigger)."""
    return text.lower()


NOT_VERBS = {"the", "a", "an", "its", "their", "his", "her", "our", "other", "more", "then", "also", "not", "that",
             "this", "these", "those", "all", "some", "many", "most", "two", "three", "four", "five", "ten", "new",
             "later", "possibly", "perhaps", "maybe", "even", "still", "again", "partly", "eventually"}


def _coordinated(sentence: str, start: int, end: int, published: date) -> tuple[int, int] | None:
    """'… would cut emissions by half by 2030 and reach net zero by 2045': two claims sharing one modal, each
    with its own date. Returns (end of the first, start of the second) or None."""
    for m in re.finditer(r"\s+and\s+(?P<verb>[a-z][a-z-]{2,})\b", sentence[start:end]):
        verb = m.group("verb")
        if verb in NOT_VERBS or verb.endswith(("ly", "ed", "ing")) or (verb.endswith("s") and not verb.endswith("ss")):
            continue
        first, rest = sentence[start:start + m.start()], sentence[start + m.start("verb"):end]
        dated = [d for d in find_deadlines(first, published) if d.date >= published and not d.vague]
        later = [d for d in find_deadlines(rest, published) if d.date >= published]
        if dated and later and len(rest.split()) >= 3:
            return start + m.start(), start + m.start("verb")
    return None
