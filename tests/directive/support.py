"""Paths and readers shared by the directive tests."""

from __future__ import annotations

import re
from pathlib import Path

from handlers.directive import BULLET, summary_header
from handlers.directive.model import Directive
from handlers.directive.text import squash
from tests.shared import shared_path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_WORDS = re.compile(r"\w+")


def fixture(name: str) -> str:
    """The text of a fixture file."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def seed(name: str) -> str:
    """The text of one of the real directives in ../shared/seeds."""
    return shared_path("seeds", name).read_text(encoding="utf-8")


def extracted_lines(summary: str) -> list[str]:
    """The summary's lines after the header, without their leading bullet."""
    return [line.removeprefix(BULLET) for line in summary.split("\n")[1:]]


def assert_verbatim(summary: str, directive: Directive, source: str) -> None:
    """Every extracted line occurs in the cleaned text; every word of it occurs in the source."""
    assert summary.split("\n")[0] == summary_header(directive)
    body = squash(directive.body)
    source_words = set(_WORDS.findall(source.lower()))
    for line in extracted_lines(summary):
        assert squash(line) in body, line
        assert set(_WORDS.findall(line.lower())) <= source_words, line
