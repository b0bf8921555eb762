"""Numbered-menu rendering for channels without buttons (Zalo, console)."""

from __future__ import annotations

import messages
from handlers.protocol import Reply


def render(reply: Reply) -> str:
    """The reply's text followed by its options as "1. ..." lines and, for a multi-choice, a hint."""
    if not reply.options:
        return reply.text
    lines = [reply.text, *(f"{number}. {option.label}" for number, option in enumerate(reply.options, 1))]
    if reply.multi:
        lines.append(messages.t(reply.locale, "menu.multi_hint"))
    return "\n".join(lines)


def split(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters, cut at line, then sentence, then word boundaries."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n"), -1)
        if cut < limit // 2:
            cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
            cut = cut + 1 if cut >= limit // 2 else window.rfind(" ")
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces
