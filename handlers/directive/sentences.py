"""Split a line of a directive into sentences and clauses, each a verbatim slice of the line."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?…]+[\"”’)]*(?=\s+(\S))")
_BULLET = re.compile(r"[-–—+•*]\s+|\(?[a-zđ]\)\s+|\(\d{1,2}\)\s+")
_ABBREVIATIONS = frozenset({"TP", "Tp", "TX", "ThS", "TS", "BS", "PGS", "GS", "KS", "Th", "St", "Đ/c", "đ/c", "v.v"})


def without_bullet(line: str) -> str:
    """The line without a leading "- ", "+ ", "• " or an enumeration "a) ", "(1) "."""
    bullet = _BULLET.match(line)
    return line[bullet.end():] if bullet else line


def sentences(line: str) -> list[str]:
    """Sentences of ``line``: a stop followed by a capital ends one, unless it ends an abbreviation."""
    found: list[str] = []
    start = 0
    for stop in _END.finditer(line):
        if stop.group(1).isupper() and not _after_abbreviation(line, stop.start()):
            found.append(line[start:stop.end()].strip())
            start = stop.end()
    found.append(line[start:].strip())
    return [sentence for sentence in found if sentence]


def clauses(sentence: str) -> list[str]:
    """The parts of a sentence between semicolons, without the semicolons."""
    return [part.strip() for part in sentence.split(";") if part.strip()]


def _after_abbreviation(line: str, stop: int) -> bool:
    """True when the stop at ``stop`` closes an abbreviation or an initial ("TP.", "P.")."""
    word_start = line.rfind(" ", 0, stop) + 1
    word = line[word_start:stop].lstrip("(\"“")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
