"""Text normalisation for tolerant Vietnamese matching: accents, case, spacing, control characters."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"[0-9a-z]+")
_NUMBER = re.compile(r"[0-9]+")


def clean(text: str) -> str:
    """Drop control and format characters, normalise to NFC and collapse white space."""
    kept = (ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return _SPACES.sub(" ", unicodedata.normalize("NFC", "".join(kept))).strip()


def fold(text: str) -> str:
    """Lower-case text without diacritics (đ becomes d), single-spaced: 'Sốt  Ho' -> 'sot ho'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", bare.lower()).strip()


def words(text: str) -> list[str]:
    """The folded alphanumeric words of ``text``."""
    return _WORDS.findall(fold(text))


def has_letter_or_digit(text: str) -> bool:
    """True when ``text`` holds at least one letter or digit (not only emoji or punctuation)."""
    return any(ch.isalnum() for ch in text)


def is_number(text: str) -> bool:
    """True for ASCII digits only ("12"), unlike str.isdigit, which also accepts "²" or "١"."""
    return bool(_NUMBER.fullmatch(text))


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
