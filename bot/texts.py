"""Every word the bot says passes through `_()` (or `ngettext()` when it depends on a count): gettext with
the chat's catalogue (bot/i18n.py; English strings are the msgids), so translating the bot is a catalogue
job, not a hunt for strings. The domain's typed refusals (tracker/errors.py) and labels (statuses, date
bases, language names) are worded here."""

from __future__ import annotations

from datetime import date

from bot.i18n import NATIVE_NAMES, gettext_
from bot.i18n import fmt_date as fmt_date
from bot.i18n import fmt_moment as fmt_moment
from bot.i18n import fmt_number as fmt_number
from bot.i18n import ngettext as ngettext
from tracker.errors import Problem, Refusal
from tracker.models import Status


def _(text: str) -> str:
    """The current language's version of `text` (English: `text` itself)."""
    return gettext_(text)


def N_(text: str) -> str:
    """Marks a string for the catalogue where it is defined; `_()` translates it where it is shown."""
    return text


def days_phrase(n: int) -> str:
    """'180 days', '180 дней', '1 день': a number of days in the current language."""
    return ngettext("{n} day", "{n} days", n).format(n=n)


ADD_EXAMPLE = "/add Trump: a summit in Budapest will happen within two weeks 70%"

STATUS_LABELS: dict[str, str] = {
    Status.OPEN: N_("open"),
    Status.FULFILLED: N_("✅ fulfilled"),
    Status.NOT_FULFILLED: N_("❌ not fulfilled"),
    Status.PARTLY: N_("◐ partly"),
    Status.UNCLEAR: N_("🤷 unclear"),
    Status.ANNULLED: N_("⊘ annulled"),
    Status.WITHDRAWN: N_("withdrawn"),
}

DATE_BASIS = {
    "given": N_("the date you gave"),
    "forwarded": N_("the original post's date"),
    "dateline": N_("the dateline in the text"),
    "today": N_("today, as no date was found"),
    "page": N_("the page's publication date"),
}

REVIEW_STATUS = {"saved": N_("saved"), "discarded": N_("discarded"), "pending": N_("pending")}


def language_name(code: str) -> str:
    """A language in its own words (English, Русский, Українська): the same in every chat."""
    return NATIVE_NAMES.get(code, code)


def status_label(status: str) -> str:
    return _(STATUS_LABELS.get(status, status))


def date_basis(basis: str) -> str:
    kind, _sep, line = basis.partition(":")
    if kind == "line" and line:
        return _("the line “{line}” in the text").format(line=line)
    return _(DATE_BASIS.get(basis, basis))


# Plain text (escape before sending as HTML); {value} and {number} come from the refusal's params.
PROBLEMS: dict[Problem, str] = {
    Problem.SPEAKER_INVALID: N_("A speaker is a name of up to 120 characters, e.g. Vladimir Putin."),
    Problem.STATEMENT_LENGTH: N_("A statement is 1 to 1000 characters long."),
    Problem.DEADLINE_UNREADABLE: N_("I couldn't read “{value}” as a deadline. Try “in 2 weeks”, “by the end of "
                                    "March”, “next year” or a date like 2026-03-31."),
    Problem.DEADLINE_OUT_OF_RANGE: N_("A deadline must fall between 1900 and {latest}."),
    Problem.DEADLINE_PAST: N_("{value} has already passed (today is {today}); give a day from today on, e.g. "
                              "“in 2 weeks”."),
    Problem.DATE_INVALID: N_("“{value}” is not a date that exists; write it like 2026-03-31 or “31 March 2026”."),
    Problem.CONFIDENCE_RANGE: N_("A confidence is a percentage from 0 to 100, e.g. 70%."),
    Problem.FIELD_UNKNOWN: N_("You can edit the speaker, statement, deadline or confidence."),
    Problem.TIMEZONE_UNKNOWN: N_("“{value}” is not a timezone I know; use an IANA name such as Europe/Kyiv or "
                                 "America/New_York."),
    Problem.QUIET_INVALID: N_("Quiet hours are two different hours from 0 to 23, e.g. 22-08, or “off”."),
    Problem.LANGUAGE_UNKNOWN: N_("I speak English (en), Russian (ru) and Ukrainian (uk), not “{value}”; e.g. "
                                 "/settings language uk"),
    Problem.PREDICTION_GONE: N_("That prediction no longer exists."),
    Problem.NOT_OPEN: N_("That one is no longer open."),
    Problem.REVIEW_CLOSED: N_("This review was already {status}."),
    Problem.REVIEW_GONE: N_("This review does not belong to this chat."),
    Problem.CLAIM_GONE: N_("That claim is no longer in this review."),
    Problem.NOTHING_TO_UNDO: N_("There is nothing to undo in this chat."),
    Problem.CHANGED_MEANWHILE: N_("Something changed meanwhile; send /undo again."),
    Problem.ANSWER_NOT_UNDOABLE: N_("That answer can no longer be undone here; use /show to change it."),
    Problem.MANUAL_EMPTY: N_("Tell me who said what and by when, e.g. {example}"),
    Problem.MANUAL_NO_STATEMENT: N_("The statement is missing after the speaker, e.g. {example}"),
    Problem.MANUAL_TOO_LONG: N_("That statement is too long to track (1000 characters at most); shorten it."),
    Problem.MANUAL_CONFIDENCE: N_("A confidence must be between 0% and 100%, e.g. {example}"),
    Problem.QUESTION_LOST: N_("I had lost track of that question; please start again."),
    Problem.LINK_UNSAFE: N_("I don't open links to private or local addresses ({host}); send a public news link, "
                            "or paste the text instead."),
    Problem.LINK_UNSUPPORTED: N_("I open http:// and https:// links on the usual ports only; paste the text "
                                 "instead."),
    Problem.LINK_UNSAFE_REDIRECT: N_("That link redirects to a private or local address ({host}), so I stopped; "
                                     "paste the text instead."),
    Problem.LINK_REDIRECTS: N_("{host} redirected more than 5 times, so I gave up; paste the text instead."),
    Problem.LINK_UNREACHABLE: N_("I couldn't reach {host}; check the link, or paste the text instead."),
    Problem.LINK_TIMEOUT: N_("{host} took longer than {seconds} seconds to answer, so I gave up; try again later, or "
                             "paste the text instead."),
    Problem.LINK_TOO_LARGE: N_("That page on {host} is over {megabytes} MB, too large for me to read; paste the "
                               "article's text instead."),
    Problem.LINK_NOT_FOUND: N_("{host} says that page does not exist (error {status}); check the link."),
    Problem.LINK_DENIED: N_("{host} wants a login or a subscription for that page (error {status}); paste the text "
                            "instead."),
    Problem.LINK_HTTP_ERROR: N_("{host} refused that request (error {status}); paste the text instead."),
    Problem.LINK_SERVER_ERROR: N_("{host} had an error (HTTP {status}); try again later, or paste the text "
                                  "instead."),
    Problem.LINK_PDF: N_("That link on {host} is a PDF; I read web pages. Paste the article's text instead."),
    Problem.LINK_NOT_HTML: N_("That link on {host} is not a web page ({kind}); paste the article's text instead."),
    Problem.LINK_PAYWALL: N_("That article on {host} is behind a paywall: I only see its first lines. Paste the "
                             "text instead."),
    Problem.LINK_EMPTY: N_("I found no article text on that page on {host} (a cookie wall, an index or a video?); "
                           "paste the text instead."),
    Problem.LINK_NOT_FEED: N_("I found no RSS, Atom or JSON feed at {host}, nor a page naming one; send the feed's "
                              "own address (often ending in /feed, /rss or .xml)."),
    Problem.SUGGESTION_GONE: N_("That suggestion no longer exists."),
    Problem.SUGGESTION_DONE: N_("#{number} was settled or set aside already."),
    Problem.FEED_NUMBER: N_("There is no followed source #{number} here; /feeds lists them."),
    Problem.FEED_ALREADY: N_("This chat already follows {title}; /feeds lists what it follows."),
    Problem.FEED_WORDS: N_("Keep and skip words are plain words or phrases separated by commas, at most 20, each "
                           "up to 40 characters, e.g. only: summit, ceasefire"),
    Problem.CHANNEL_NOT_ADMIN: N_("I am not an admin of {channel}, so Telegram doesn't send me its posts. Add me "
                                  "to the channel as an administrator (Channel → Administrators → Add Admin), then "
                                  "send /follow {channel} again."),
    Problem.CHANNEL_UNKNOWN: N_("I can't see the channel {channel}: check the @name, and add me to it as an "
                                "administrator first."),
    Problem.LINK_BUSY: N_("That is {limit} links in a minute in this chat; send the next one in {seconds} seconds."),
}


def _as_day(value: object) -> object:
    """An ISO day a refusal carries, written the bot's way; anything else as it is."""
    try:
        return fmt_date(date.fromisoformat(str(value))) if len(str(value)) == 10 else value
    except ValueError:
        return value


def problem(exc: Refusal) -> str:
    """A refusal in words (plain text)."""
    params: dict[str, object] = {"example": ADD_EXAMPLE, **{k: _as_day(v) if k == "today" or (
        k == "value" and exc.code == Problem.DEADLINE_PAST) else v for k, v in exc.params.items()}}
    if params.get("status") in REVIEW_STATUS:
        params["status"] = _(REVIEW_STATUS[str(params["status"])])
    return _(PROBLEMS[exc.code]).format_map(_Params(params))


class _Params(dict[str, object]):
    """A missing value reads as "…" instead of failing the whole answer."""

    def __missing__(self, key: str) -> str:
        return "…"
