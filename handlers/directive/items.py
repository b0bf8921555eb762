"""Numbered items of a directive ("1.", "1-", "I.", "a)", "1.2.", "Điều 3.") and their text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from handlers.directive.model import Item

_ROMANS = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
)
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_MAX_DEPTH = 4
_PATTERNS = (
    ("article", re.compile(r"(?:Điều|ĐIỀU)\s+(\d{1,3})\s*[.:]\s*(.*)")),
    ("roman", re.compile(r"([IVX]{1,5})\s*[.)-]\s*(\S.*)")),
    ("decimal", re.compile(r"(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s*[)-]?\s+(\S.*)")),
    ("arabic", re.compile(r"(\d{1,2})\s*[.)-]\s*(?=\D)(\S.*)")),
    ("letter", re.compile(r"([a-zđ])\s*[.)]\s+(\S.*)")),
)
_CLOSING = ("/.", "./.")
_SENTENCE_END = (".", ";", "!", "?", ":", '"', "”", ")")


@dataclass(frozen=True)
class Marker:
    """An item marker at the start of a line: its kind, token as written and rank among siblings."""

    kind: str
    token: str
    rank: int
    rest: str


@dataclass
class _Open:
    """An item being read: its full label and its lines so far."""

    label: str
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Body:
    """The numbered items, and the content lines that belong to no item (preamble, closing)."""

    items: tuple[Item, ...]
    loose: tuple[str, ...]


def marker(line: str) -> Marker | None:
    """The item marker that starts ``line``, if any."""
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(line)
        if match is not None and (rank := _rank(kind, match.group(1))) is not None:
            return Marker(kind, match.group(1), rank, match.group(2).strip())
    return None


def _rank(kind: str, token: str) -> int | None:
    """Zero-based position of the token in its numbering (None for an impossible one)."""
    if kind == "roman":
        return _ROMANS.index(token) if token in _ROMANS else None
    if kind == "letter":
        return _LETTERS.find(token) if token in _LETTERS else None
    last = int(token.rsplit(".", 1)[-1])
    return last - 1 if last >= 1 else None


def read_items(lines: Sequence[str]) -> Body:
    """Split the main text into numbered items; a line ending in "/." closes the list.

    After a finished item such a line is the closing sentence and belongs to no item.
    """
    stack: list[Marker] = []
    items: list[_Open] = []
    loose: list[str] = []
    closed = False
    for line in filter(None, lines):
        found = None if closed else marker(line)
        label = _place(stack, found) if found is not None else None
        if found is not None and label is not None:
            items.append(_Open(label, [found.rest] if found.rest else []))
        elif closed or not items or (line.endswith(_CLOSING) and _complete(items[-1])):
            loose.append(line)
        else:
            items[-1].lines.append(line)
        closed = closed or (bool(items) and line.endswith(_CLOSING))
    return Body(tuple(Item(item.label, "\n".join(item.lines)) for item in items), tuple(loose))


def _complete(item: _Open) -> bool:
    """True when the item's text so far ends a sentence (so a following "/." line closes the list)."""
    return bool(item.lines) and item.lines[-1].endswith(_SENTENCE_END)


def _place(stack: list[Marker], found: Marker) -> str | None:
    """Fit the marker into the numbering: a next sibling or a first child; its label, or None."""
    for depth, open_marker in enumerate(stack):
        if open_marker.kind == found.kind:
            if not _follows(open_marker, found):
                return None
            del stack[depth:]
            break
    else:
        if found.rank != 0 or len(stack) >= _MAX_DEPTH:
            return None
    stack.append(found)
    return _label(stack)


def _follows(previous: Marker, found: Marker) -> bool:
    """True when ``found`` is the sibling right after ``previous``."""
    same_parent = previous.token.rsplit(".", 1)[0] == found.token.rsplit(".", 1)[0] or found.kind != "decimal"
    return same_parent and found.rank == previous.rank + 1


def _label(stack: Sequence[Marker]) -> str:
    """The dotted label of the innermost marker ("II.1.a"); a decimal token replaces its parent."""
    tokens: list[str] = []
    for open_marker in stack:
        token = f"Điều {open_marker.token}" if open_marker.kind == "article" else open_marker.token
        if open_marker.kind == "decimal" and tokens and open_marker.token.startswith(tokens[-1] + "."):
            tokens[-1] = token
        else:
            tokens.append(token)
    return ".".join(tokens)
