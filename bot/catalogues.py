"""The catalogue tool: `python -m bot.catalogues` extracts every string marked with `_()`, `N_()` or
`ngettext()` from the code with Babel's extractor, writes the template bot/locale/calledit.pot and merges
it into the Russian and Ukrainian catalogues (new strings arrive untranslated, gone ones are kept as
obsolete `#~` entries), so a translator only fills in the blanks. tests/bot/test_catalogues.py runs the
same extraction and fails while any msgid lacks a translation."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from bot.i18n import DEFAULT, DOMAIN, LANGUAGES, LOCALE_DIR, po_path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("bot", "jobs")  # where user-facing words live (tracker/ has none; CLI and logs stay English)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
POT = LOCALE_DIR / f"{DOMAIN}.pot"


def extract() -> Catalog:
    """Every marked string in the code, with where it is used (Babel's extractor, as `pybabel extract`)."""
    catalog = Catalog(project="calledit", domain=DOMAIN, charset="utf-8")
    for source in SOURCES:
        found = extract_from_dir(ROOT / source, method_map=[("**.py", "python")], keywords=KEYWORDS,
                                 comment_tags=("TRANSLATORS:",), strip_comment_tags=True)
        for filename, lineno, message, comments, context in found:
            catalog.add(message, None, [(f"{source}/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def update() -> None:
    """Write the template and merge it into each translated catalogue."""
    template = extract()
    with POT.open("wb") as out:
        write_po(out, template, width=120, sort_output=True, omit_header=False)
    for language in LANGUAGES:
        if language == DEFAULT:
            continue
        with po_path(language).open("rb") as po:
            catalog = read_po(po, locale=language, domain=DOMAIN)
        catalog.update(template, no_fuzzy_matching=True)
        with po_path(language).open("wb") as out:
            write_po(out, catalog, width=120, sort_output=True, include_previous=False)
        missing = [m.id for m in catalog if m.id and not _complete(m.string)]
        print(f"{language}: {len(catalog)} strings, {len(missing)} to translate", file=sys.stderr)


def _complete(string: object) -> bool:
    if isinstance(string, tuple | list):
        return all(string)
    return bool(string)


if __name__ == "__main__":
    update()
