"""Telegram's HTML parse mode, as strictly as Telegram checks it."""

from __future__ import annotations

import re

ALLOWED = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
           "blockquote", "tg-emoji"}
TAG_RE = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*(/?)>"
)
ENTITY_RE = re.compile(r"&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});")


class ParseError(ValueError):
    pass


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def plain_text(html: str) -> str:
    """The text a user sees, or ParseError with Telegram's wording."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(html):
        ch = html[i]
        if ch == "<":
            m = TAG_RE.match(html, i)
            if not m:
                raise ParseError(f"Can't parse entities: unsupported start tag at byte offset {i}")
            closing, name, _attrs, selfclose = m.group(1), m.group(2).lower(), m.group(3), m.group(4)
            if name not in ALLOWED:
                raise ParseError(f'Can\'t parse entities: unsupported start tag "{name}" at byte offset {i}')
            if selfclose:
                raise ParseError(f"Can't parse entities: unsupported self-closing tag at byte offset {i}")
            if closing:
                if not stack or stack[-1] != name:
                    raise ParseError(f'Can\'t parse entities: can\'t find end tag corresponding to start tag "{name}"')
                stack.pop()
            else:
                if name == "a" and "href" not in _attrs:
                    raise ParseError("Can't parse entities: a tag without href")
                stack.append(name)
            i = m.end()
        elif ch == "&":
            m = ENTITY_RE.match(html, i)
            if not m:
                raise ParseError(f"Can't parse entities: unsupported entity at byte offset {i}")
            ent = m.group(0)
            out.append({"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"'}.get(ent, "?"))
            i = m.end()
        elif ch == ">":
            raise ParseError(f"Can't parse entities: unexpected end tag at byte offset {i}")
        else:
            out.append(ch)
            i += 1
    if stack:
        raise ParseError(f'Can\'t parse entities: can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)
