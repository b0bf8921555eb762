"""Callback data of inline buttons: `step:option`, a short stable hash when too long, and page turns."""

from __future__ import annotations

import base64
import hashlib
from collections import OrderedDict
from dataclasses import dataclass

DATA_LIMIT = 64  # bytes Telegram allows in callback_data
HASH_PREFIX = "#"
PAGE_PREFIX = "~"


@dataclass(frozen=True)
class PageTurn:
    """A press on ◀ or ▶: show another page of the same buttons (handled by the adapter alone)."""

    page: int


class ButtonCodec:
    """Encodes (step, option) as callback data and decodes presses back.

    Data longer than 64 bytes becomes ``#`` plus a hash of the pair; the pair is remembered when
    the button is rendered (the newest ``remembered`` of them), so a press resolves against the
    options this process showed. An unresolved hash decodes to a pair no step matches, which the
    engine answers with a polite re-prompt.
    """

    def __init__(self, remembered: int = 10_000) -> None:
        self._remembered = remembered
        self._hashed: OrderedDict[str, tuple[str, str]] = OrderedDict()

    def encode(self, step: str, option: str) -> str:
        """The callback data of one option's button."""
        data = f"{step}:{option}"
        if len(data.encode()) <= DATA_LIMIT:
            return data
        digest = hashlib.sha256(data.encode()).digest()[:16]
        hashed = HASH_PREFIX + base64.urlsafe_b64encode(digest).decode().rstrip("=")
        self._hashed[hashed] = (step, option)
        self._hashed.move_to_end(hashed)
        while len(self._hashed) > self._remembered:
            self._hashed.popitem(last=False)
        return hashed

    def decode(self, data: str) -> tuple[str, str] | PageTurn:
        """The (step, option) pressed, or a page turn."""
        if data.startswith(PAGE_PREFIX) and data[1:].isdigit():
            return PageTurn(int(data[1:]))
        if data.startswith(HASH_PREFIX):
            return self._hashed.get(data, ("", data))
        step, _, option = data.partition(":")
        return step, option


def page_data(page: int) -> str:
    """The callback data of a button that shows page ``page`` (0-based)."""
    return f"{PAGE_PREFIX}{page}"
