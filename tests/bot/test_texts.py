"""Every word the bot sends goes through `_()`: an AST scan of bot/ for string literals with words passed
to a sending call (reply, send, answer, edit) outside `_()`, so a later translation is a catalogue job."""

from __future__ import annotations

import ast
import re
from pathlib import Path

BOT = Path(__file__).resolve().parents[2] / "bot"
SENDERS = {"reply_html", "send_message", "answer", "edit_query_message", "reply_document", "reply_photo",
           "edit_message_text", "refuse"}
SAFE_CALLS = {"_", "ngettext", "esc", "problem", "encode", "status_label", "date_basis"}


def _bare_words(node: ast.AST) -> list[str]:
    found: list[str] = []

    class Visitor(ast.NodeVisitor):
        def visit_Call(self, call: ast.Call) -> None:
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
            if name not in SAFE_CALLS:
                self.generic_visit(call)

        def visit_Constant(self, const: ast.Constant) -> None:
            if isinstance(const.value, str) and re.search(r"[A-Za-z]{3,}", re.sub(r"<[^>]+>|/\w+", "", const.value)):
                found.append(const.value)

    Visitor().visit(node)
    return found


def test_no_bare_english_is_sent() -> None:
    offenders = []
    for path in sorted(BOT.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SENDERS:
                args = [*node.args, *(k.value for k in node.keywords if k.arg in {"text", "caption"})]
                offenders += [f"{path.name}:{node.lineno}: {w[:50]!r}" for arg in args for w in _bare_words(arg)]
    assert not offenders, offenders


def test_the_scan_would_catch_one() -> None:
    tree = ast.parse('reply_html(update, "Saved it")\nreply_html(update, _("Saved it"))')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "reply_html"]
    assert [_bare_words(c.args[1]) for c in calls] == [["Saved it"], []]
