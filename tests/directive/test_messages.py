"""Every message key the directive code names exists, with the placeholders the code fills."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import messages
from messages_vi.directive import MESSAGES

catalog = partial(messages.catalog, messages.VI)
placeholders = partial(messages.placeholders, messages.VI)

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "handlers" / "directive").glob("*.py")), ROOT / "bot" / "cli" / "directive.py",
           ROOT / "bot" / "conversation" / "uploads.py"]
KEY = re.compile(r"\"(directive\.[a-z_.]+)\"")


def used_keys() -> set[str]:
    """The message keys written in the directive code."""
    return {key for path in SOURCES for key in KEY.findall(path.read_text(encoding="utf-8"))}


def test_keys_used_in_code_exist_in_the_catalogue() -> None:
    assert used_keys() <= set(catalog())


def test_every_directive_message_is_used() -> None:
    assert set(MESSAGES) == used_keys()


def test_header_placeholders() -> None:
    assert placeholders("directive.header.number") == {"kind", "number"}
    assert placeholders("directive.header.news_number") == {"kind", "number"}
    assert placeholders("directive.header.issuer") == {"head", "issuer"}
    assert placeholders("directive.header.date") == {"head", "date"}
    assert placeholders("directive.error.unreadable") == {"path"}
