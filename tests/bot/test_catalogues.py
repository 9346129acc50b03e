"""The Russian and Ukrainian catalogues against the code: Babel's extractor (as `pybabel extract -k _ -k N_
-k ngettext:1,2`) finds every string the bot can say, and each must be translated, with the language's
three plural forms where it depends on a count, the same placeholders as its English, and HTML that
Telegram accepts (checked by the loopback Bot API's own parser)."""

from __future__ import annotations

import re
import string
from typing import Any

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from bot import i18n
from bot.catalogues import extract
from tests.fakeapi.html_check import ParseError, plain_text

TRANSLATED = [language for language in i18n.LANGUAGES if language != i18n.DEFAULT]
TAG_RE = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)[^>]*>")


@pytest.fixture(scope="module")
def template() -> Catalog:
    return extract()


def _catalogue(language: str) -> Catalog:
    with i18n.po_path(language).open("rb") as po:
        return read_po(po, locale=language, domain=i18n.DOMAIN)


def _key(message: Message) -> str:
    return message.id[0] if isinstance(message.id, tuple | list) else message.id


def _messages(catalog: Catalog) -> dict[str, Message]:
    return {_key(m): m for m in catalog if m.id}


class _Sample:
    """Stands in for any placeholder value, whatever format spec the string gives it."""

    def __format__(self, spec: str) -> str:
        return "7"


class _Samples(dict[str, Any]):
    def __missing__(self, key: str) -> _Sample:
        return _Sample()


def _fields(text: str) -> set[str]:
    return {f"{name}:{spec}" for _literal, name, spec, _conv in string.Formatter().parse(text) if name is not None}


def _rendered(text: str) -> str:
    return text.format_map(_Samples())


def _forms(message: Message) -> list[tuple[str, str]]:
    """(English, translation) pairs: each plural form is held to the English plural."""
    if isinstance(message.id, tuple | list):
        english = list(message.id)
        return [(english[min(i, len(english) - 1)], form) for i, form in enumerate(message.string)]
    return [(message.id, message.string)]


def test_extraction_finds_the_bots_words(template: Catalog) -> None:
    ids = set(_messages(template))
    assert len(ids) > 300
    assert {"Deadline passed", "Did it happen?", "✅ Fulfilled", "Open predictions"} <= ids  # _(), N_(), menus
    assert any(isinstance(m.id, tuple) and m.id[0] == "{n} new article" for m in template)  # ngettext


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_used_in_code_is_translated(template: Catalog, language: str) -> None:
    catalogue = _messages(_catalogue(language))
    missing = [key for key in _messages(template) if key not in catalogue]
    empty = [key for key, m in catalogue.items() if not all(m.string) if isinstance(m.string, tuple | list)]
    empty += [key for key, m in catalogue.items() if not m.string]
    fuzzy = [key for key, m in catalogue.items() if m.fuzzy]
    assert not missing, f"{language}: not in the catalogue (run python -m bot.catalogues and translate): {missing}"
    assert not empty, f"{language}: untranslated: {empty}"
    assert not fuzzy, f"{language}: fuzzy (needs a translator's look): {fuzzy}"
    gone = set(catalogue) - set(_messages(template))
    assert not gone, f"{language}: no longer in the code (run python -m bot.catalogues): {gone}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_plural_entries_have_the_languages_forms(template: Catalog, language: str) -> None:
    catalogue = _catalogue(language)
    assert catalogue.num_plurals == 3, "Russian and Ukrainian have three plural forms"
    header = dict(catalogue.mime_headers)
    assert header["Plural-Forms"] == Catalog(locale=language).plural_forms
    messages = _messages(catalogue)
    for key, message in _messages(template).items():
        if message.pluralizable:
            translated = messages[key]
            assert translated.pluralizable, f"{language}: {key!r} is ngettext in the code but singular here"
            assert len(translated.string) == catalogue.num_plurals, f"{language}: {key!r} needs 3 forms"
        else:
            assert not messages[key].pluralizable, f"{language}: {key!r} is plural here but not in the code"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_placeholders_and_telegram_html(language: str) -> None:
    problems = []
    for key, message in _messages(_catalogue(language)).items():
        for english, translated in _forms(message):
            if _fields(english) != _fields(translated):
                problems.append(f"placeholders {_fields(english)} ≠ {_fields(translated)}: {key!r}")
            try:
                plain_text(_rendered(english))
            except ParseError:
                continue  # plain text the code escapes before sending (menus, refusals, button labels)
            if sorted(TAG_RE.findall(english)) != sorted(TAG_RE.findall(translated)):
                problems.append(f"HTML tags differ: {key!r}")
            try:
                plain_text(_rendered(translated))
            except ParseError as exc:
                problems.append(f"{exc}: {translated!r}")
    assert not problems, problems


def test_the_html_check_would_catch_a_broken_translation() -> None:
    with pytest.raises(ParseError):
        plain_text(_rendered("Сроки отсчитываются от <b>{day} ({basis})."))
    assert _fields("{n} new article") != _fields("{count} новая статья")


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_runtime_speaks_the_catalogue(language: str) -> None:
    with i18n.speaking(language):
        from bot.texts import _, ngettext

        assert _("Deadline passed") != "Deadline passed"
        forms = {ngettext("{n} new article", "{n} new articles", n).format(n=n) for n in (1, 2, 5)}
        assert len(forms) == 3  # one, few, many
    assert _("Deadline passed") == "Deadline passed"  # outside the block: English again


def test_no_marked_string_hides_in_an_f_string() -> None:
    """Babel's extractor reads an f-string as one token: `f"{_('Open')}"` would never reach a catalogue."""
    import ast
    from pathlib import Path

    from bot.catalogues import ROOT, SOURCES

    hidden = []
    for source in SOURCES:
        for path in sorted((ROOT / source).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.JoinedStr):
                    continue
                for inner in ast.walk(node):
                    if (isinstance(inner, ast.Call) and getattr(inner.func, "id", "") in {"_", "N_", "ngettext"}
                            and inner.args and isinstance(inner.args[0], ast.Constant)):
                        hidden.append(f"{Path(path).relative_to(ROOT)}:{inner.lineno}")
    assert not hidden, hidden
