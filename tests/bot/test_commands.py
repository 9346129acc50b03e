"""The command table drives the handlers, the command menu and /help: check what Telegram would refuse."""

from __future__ import annotations

import re

from bot.commands import COMMANDS, help_text, menu


def test_every_command_is_valid_for_telegrams_menu() -> None:
    names = [name for name, _ in menu()]
    assert len(names) == len(set(names)) == len(COMMANDS)
    for name, description in menu():
        assert re.fullmatch(r"[a-z0-9_]{1,32}", name), name
        assert 3 <= len(description) <= 256, name


def test_help_lists_every_command_with_a_section_and_fits_one_message() -> None:
    text = help_text()
    for command in COMMANDS:
        if command.section:
            assert f"<b>{command.section}</b>" in text and command.usage in text
            assert f"/{command.name}" in command.usage
    assert len(text) < 4096 and "{days}" not in text
    assert text.count("<b>") == text.count("</b>") and text.count("<code>") == text.count("</code>")


def test_20_help_sections_are_set_apart() -> None:
    text = help_text()
    for section in ("Browsing and changing", "Scores", "Settings"):
        assert f"\n\n<b>{section}</b>\n" in text
