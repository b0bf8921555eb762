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
