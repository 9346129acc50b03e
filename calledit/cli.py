"""`calledit`: run the bot, migrate, seed, import/export CSV, stats, extract."""

from __future__ import annotations

import io
import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tracker.config import ConfigError, Settings, load_settings
from tracker.language import detect

if TYPE_CHECKING:  # the CLI imports the extractor only for the commands that use it (start-up speed)
    from tracker.extraction.claims import Claim

app = typer.Typer(help="calledit — keeps score of what public figures say will happen.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None)  # plain help: flags shown as flags, not as "<bool>" values


def _settings() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        typer.echo(f"calledit: {exc}", err=True)
        raise typer.Exit(2) from None


def _db(settings: Settings, migrate: bool = True):
    from tracker.db import Database

    db = Database(settings.database_url)
    if migrate:
        try:
            db.migrate()
        except Exception as exc:  # a bad URL or an unreachable server: one line, no traceback
            typer.echo(f"calledit: cannot open the database ({type(exc).__name__}: {str(exc).splitlines()[0]})",
                       err=True)
            raise typer.Exit(2) from None
    return db


@app.command()
def run(
    webhook: Annotated[bool, typer.Option(help="Serve updates over HTTPS webhooks (WEBHOOK_URL, "
                                               "WEBHOOK_LISTEN, WEBHOOK_SECRET) instead of long polling.")] = False,
) -> None:
    """Start the bot (long polling by default). Migrates the database first."""
    settings = _settings()
    try:
        token = settings.bot_token()
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
        if webhook and (not settings.webhook_url or not secret):
            raise ConfigError("webhook mode needs WEBHOOK_URL (the public https address) and WEBHOOK_SECRET "
                              "(1-256 characters A-Z a-z 0-9 _ -)")
    except ConfigError as exc:
        typer.echo(f"calledit: {exc}", err=True)
        raise typer.Exit(2) from None
    from calledit.logs import setup_logging
    from calledit.worker import WorkerLockError, single_worker_lock

    setup_logging(settings.log_level, [token, secret], settings.log_format)
    try:
        lock = single_worker_lock(settings.database_url)
    except WorkerLockError as exc:
        typer.echo(f"calledit: {exc}", err=True)
        raise typer.Exit(2) from None
    db = _db(settings)
    if lock is not None:
        from tracker.following import release_feeds
        from tracker.reminders import release_all

        with db.session() as session:
            release_all(session)  # this is the only worker: leases of a killed process are void
            release_feeds(session)
    from calledit.app import build_application, run_polling, run_webhook

    _check_telegram(token, settings.telegram_api_base_url)
    application = build_application(settings, db)
    mode = "webhook" if webhook else "long polling"
    typer.echo(f"calledit is running ({mode}, database: {settings.database_url.split('://')[0]}"
               f"{', single worker' if lock else ''}). Ctrl+C stops it.", err=True)
    if webhook:
        run_webhook(application, settings)
    else:
        run_polling(application)


CONNECT_TRIES = 5


def _check_telegram(token: str, base_url: str) -> None:
    """Ask Telegram who we are before saying "running": a rejected token or an unreachable Bot API is one
    line on standard error (the token never in it), not a traceback."""
    import asyncio
    from urllib.parse import urlsplit

    from telegram import Bot
    from telegram.error import InvalidToken, NetworkError

    async def get_me() -> None:
        async with Bot(token, base_url=base_url) as bot:
            await bot.get_me()

    host = urlsplit(base_url).netloc or base_url
    for attempt in range(1, CONNECT_TRIES + 1):
        try:
            asyncio.run(get_me())
            return
        except InvalidToken:
            typer.echo("calledit: Telegram rejected the token: check TELEGRAM_BOT_TOKEN (get a new one from "
                       "@BotFather with /token).", err=True)
            raise typer.Exit(2) from None
        except NetworkError as exc:
            if attempt == CONNECT_TRIES:
                typer.echo(f"calledit: cannot reach the Bot API at {host} ({type(exc).__name__}); gave up after "
                           f"{CONNECT_TRIES} tries. Check the network or TELEGRAM_API_BASE_URL.", err=True)
                raise typer.Exit(2) from None
            wait = 2 ** attempt
            typer.echo(f"calledit: cannot reach the Bot API at {host} ({type(exc).__name__}); trying again in "
                       f"{wait} s ({attempt} of {CONNECT_TRIES}).", err=True)
            time.sleep(wait)


@app.command()
def migrate() -> None:
    """Create or upgrade the database schema."""
    settings = _settings()
    _db(settings)
    typer.echo("Database is up to date.")


@app.command()
def seed(chat: Annotated[int, typer.Option(help="Chat that owns the sample predictions.")] = 0) -> None:
    """Load the sample articles shipped in seeds/ and save what the extractor finds in them."""
    from tracker.extraction.backends import extract_with_backend
    from tracker.ingest import load_seed_files, save_claims

    settings = _settings()
    db = _db(settings)
    total = 0
    for article in load_seed_files():
        claims = extract_with_backend(article.text, article.published, settings)  # EXTRACTOR is honoured
        with db.session() as session:
            saved = save_claims(session, chat, claims, article.text, article.title, article.url, article.published)
        total += saved
        typer.echo(f"{article.title}: {len(claims)} claim(s), {saved} new")
    typer.echo(f"Seeded {total} prediction(s) into chat {chat}.")


@app.command("import")
def import_(file: Annotated[Path, typer.Argument(help="CSV file in the export format.")]) -> None:
    """Import predictions from CSV: all rows or none; bad rows are reported by line number."""
    from tracker.csvio import decode_csv, import_csv

    settings = _settings()
    db = _db(settings)
    try:
        text = decode_csv(file.read_bytes())
    except OSError as exc:
        typer.echo(f"calledit: cannot read {file}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    except ValueError as exc:
        typer.echo(f"calledit: {file}: {exc}", err=True)
        raise typer.Exit(2) from None
    with db.session() as session:
        report = import_csv(session, io.StringIO(text, newline=""))
        if report.errors:
            session.rollback()
    if report.errors:
        for err in report.errors[:50]:
            typer.echo(err, err=True)
        if len(report.errors) > 50:
            typer.echo(f"... and {len(report.errors) - 50} more", err=True)
        typer.echo("Nothing was imported.", err=True)
        raise typer.Exit(1)
    skipped = f"; {report.skipped} already there (same chat and id), left as they were" if report.skipped else ""
    typer.echo(f"Imported {report.imported} prediction(s){skipped}.")


@app.command()
def export(
    file: Annotated[Path | None, typer.Argument(help="Write here instead of standard output.")] = None,
    chat: Annotated[int | None, typer.Option(help="Only this chat's predictions.")] = None,
) -> None:
    """Export predictions as CSV."""
    from tracker.csvio import export_csv

    settings = _settings()
    db = _db(settings)
    with db.session() as session:
        if file is None:
            export_csv(session, sys.stdout, chat)
        else:
            with file.open("w", encoding="utf-8", newline="") as out:
                n = export_csv(session, out, chat)
            typer.echo(f"Exported {n} prediction(s) to {file}.", err=True)


@app.command()
def stats(
    chat: Annotated[int | None, typer.Option(help="Only this chat.")] = None,
    year: Annotated[int | None, typer.Option(help="Only predictions made in this year.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Accuracy per speaker: counts, accuracy with a 95% Wilson interval, Brier score."""
    from tracker.scoring import Period, overall, speaker_records

    settings = _settings()
    db = _db(settings)
    with db.session() as session:
        records = speaker_records(session, chat, Period.year(year) if year else None)
    if as_json:
        typer.echo(json.dumps({"overall": overall(records).as_dict(), "speakers": [r.as_dict() for r in records]},
                              indent=2))
        return
    if not records:
        typer.echo("No predictions yet.")
        return
    typer.echo(f"{'speaker':30} {'made':>5} {'scored':>6} {'accuracy':>9} {'95% interval':>14} {'Brier':>6}")
    for r in [overall(records), *records]:
        acc = f"{r.accuracy:.0%}" if r.accuracy is not None else "–"
        lo, hi = r.interval
        ci = f"{lo:.0%}–{hi:.0%}" if r.scored else "–"
        brier = f"{r.brier:.3f}" if r.brier is not None else "–"
        flag = "" if r.ranked else " (too few to rank)"
        typer.echo(f"{r.speaker[:30]:30} {r.made:>5} {r.scored:>6} {acc:>9} {ci:>14} {brier:>6}{flag}")


def _extract_or_exit(text: str, pub: date, settings: Settings) -> list[Claim]:
    from tracker.extraction.backends import extract_with_backend
    from tracker.extraction.llm import LLMError

    try:
        return extract_with_backend(text, pub, settings)
    except LLMError as exc:
        typer.echo(f"calledit: {exc}", err=True)
        raise typer.Exit(2) from None


def _extract_batch(settings: Settings) -> None:
    """JSON Lines in, JSON Lines out; a bad line gets an error line, the rest go on."""
    from tracker.extraction.claims import claims_to_json

    for lineno, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            pub = date.fromisoformat(item.get("published") or date.today().isoformat())
            text = str(item.get("text") or "")
        except (ValueError, AttributeError) as exc:
            typer.echo(json.dumps({"id": None, "line": lineno, "error": f"bad input line: {exc}"}))
            continue
        claims = _extract_or_exit(text, pub, settings)
        typer.echo(json.dumps({"id": item.get("id"), "language": detect(text),
                               "claims": _with_language(claims_to_json(claims), text)}, ensure_ascii=False))


def _extract_url(url: str, published: str | None, as_json: bool, settings: Settings) -> None:
    """Fetch a link as the bot would (same address policy and limits), then extract its claims."""
    import asyncio

    from bot.texts import problem
    from tracker.errors import LinkError
    from tracker.extraction.claims import claims_to_json
    from tracker.fetch import fetch
    from tracker.pages import read_page

    given = _published_option(published) if published else None
    try:
        page = asyncio.run(fetch(url, settings.fetch_limits()))
        article = read_page(page, date.today())
    except LinkError as exc:
        typer.echo(f"calledit: {problem(exc)}", err=True)
        raise typer.Exit(1) from None
    pub = given or article.published or date.today()
    basis = "given" if given else "page" if article.published else "today"
    claims = _extract_or_exit(article.text, pub, settings)
    info = {"url": article.url, "title": article.title, "outlet": article.outlet, "published": pub.isoformat(),
            "date_basis": basis, "language": detect(article.text),
            "claims": _with_language(claims_to_json(claims), article.text)}
    if as_json:
        typer.echo(json.dumps(info, indent=2, ensure_ascii=False))
        return
    typer.echo(f"{article.title or article.url}\n{article.outlet or ''} · published {pub.isoformat()} ({basis})\n")
    _print_claims(claims)


LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "uk": "Ukrainian"}


def _with_language(rows: list[dict[str, object]], text: str) -> list[dict[str, object]]:
    """Each claim as JSON with the language of the text it came from ("en", "ru", "uk")."""
    language = detect(text)
    return [{**row, "language": language} for row in rows]


def _published_option(published: str) -> date:
    try:
        return date.fromisoformat(published)
    except ValueError:
        typer.echo(f"calledit: --published must be YYYY-MM-DD, not {published!r}", err=True)
        raise typer.Exit(2) from None


def _read_article(file: str, published: str | None) -> tuple[str, date]:
    pub = _published_option(published) if published else date.today()
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        typer.echo(f"calledit: cannot read {file}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    return text, pub


def _print_claims(claims: list[Claim]) -> None:
    if not claims:
        typer.echo("No forward-looking statements found.")
        return
    for i, c in enumerate(claims, 1):
        vague = ", vague" if c.vague else ""
        cond = ", conditional" if c.conditional else ""
        typer.echo(f"{i}. {c.speaker or '(unattributed)'}: {c.statement}")
        typer.echo(f"   deadline {c.deadline or '–'} ({c.deadline_text or 'no time phrase'}{vague}) · "
                   f"confidence {c.confidence:.0%}{cond}")


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="Article text file, or - for standard input.")] = "-",
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (default: today).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    batch: Annotated[bool, typer.Option(help='Read JSON Lines {"id","text","published"} on stdin.')] = False,
    url: Annotated[str | None, typer.Option(help="Read the article at this link (fetched with the bot's FETCH_* "
                                                 "limits; dated from the page unless --published is given).")] = None,
) -> None:
    """Find forward-looking statements with speaker, deadline and confidence."""
    from tracker.extraction.claims import claims_to_json

    settings = _settings()
    if batch:
        _extract_batch(settings)
        return
    if url:
        _extract_url(url, published, as_json, settings)
        return
    text, pub = _read_article(file, published)
    claims = _extract_or_exit(text, pub, settings)
    if as_json:
        typer.echo(json.dumps(_with_language(claims_to_json(claims), text), indent=2, ensure_ascii=False))
    else:
        language = detect(text)
        if language in ("ru", "uk"):  # English output stays as it was
            typer.echo(f"Language: {LANGUAGE_NAMES[language]}\n")
        _print_claims(claims)


def _match_line(line: str) -> dict[str, object]:
    from tracker.matching import DEFAULT, LaterArticle, OpenClaim

    item = json.loads(line)
    claims = [OpenClaim(c["id"], c.get("speaker"), str(c["statement"]), date.fromisoformat(c["made_at"]),
                        date.fromisoformat(c["deadline"]), tuple(c.get("aliases") or ())) for c in item["claims"]]
    art = item["article"]
    article = LaterArticle(str(art["text"]), date.fromisoformat(art["published"]), art.get("title"))
    matches = DEFAULT.match(claims, article)
    return {"id": item.get("id"), "matches": [{"claim_id": m.claim_id, "score": m.score, "outcome": m.outcome,
                                               "quote": m.quote} for m in matches]}


@app.command()
def match(
    batch: Annotated[bool, typer.Option(help='JSON Lines on stdin: {"id", "claims": [{"id", "speaker", '
                                             '"statement", "made_at", "deadline"}], "article": {"text", '
                                             '"published", "title"}}.')] = False,
) -> None:
    """Which claims a later article may settle: the matcher the bot uses, one JSON line out per line in."""
    if not batch:
        typer.echo("calledit: match reads JSON Lines; run it as `calledit match --batch < items.jsonl`", err=True)
        raise typer.Exit(2)
    for lineno, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            typer.echo(json.dumps(_match_line(line), ensure_ascii=False))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            typer.echo(json.dumps({"id": None, "line": lineno, "error": f"bad input line: {exc!r}"}))


def main() -> None:
    app()
