"""Character-level helpers: accent folding that keeps offsets, spacing, Vietnamese casing."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

_LATIN_RANGES = ((0x41, 0x5A), (0xC0, 0x24F), (0x1E00, 0x1EFF))
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_SPACES = re.compile(r"\s+")
_FOLD_CACHE = 8192
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


def _fold_table() -> dict[int, str]:
    """Map every Latin letter to its lower-case base letter (đ and Đ to d)."""
    table: dict[int, str] = {}
    for low, high in _LATIN_RANGES:
        for code in range(low, high + 1):
            base = unicodedata.normalize("NFD", chr(code))[0].lower()
            if len(base) == 1:
                table[code] = base
    table[ord("đ")] = table[ord("Đ")] = "d"
    for dash in _DASHES:
        table[ord(dash)] = "-"
    return table


_FOLD = _fold_table()


@functools.lru_cache(maxsize=_FOLD_CACHE)
def fold_chars(text: str) -> str:
    """Lower-case ``text`` without diacritics and with plain dashes; offsets still match.
    Cached: the pipeline folds the same words and lines many times."""
    return text.translate(_FOLD)


def squash(text: str) -> str:
    """Collapse every run of white space to one space and trim."""
    return _SPACES.sub(" ", text).strip()


def word_count(text: str) -> int:
    """Number of space-separated words."""
    return len(text.split())


def is_upper_line(line: str) -> bool:
    """True when the line has letters and none of them is lower-case ("TỈNH ỦY NINH BÌNH")."""
    return line.isupper()


def is_acronym(word: str) -> bool:
    """True for an upper-case word that is not a Vietnamese syllable (UBND, HĐND, BCĐ)."""
    letters = "".join(ch for ch in word if ch.isalpha())
    return len(letters) >= 2 and _SYLLABLE.fullmatch(fold_chars(letters)) is None


def capitalize_first(word: str) -> str:
    """Upper-case the first letter and lower-case the rest."""
    return word[:1].upper() + word[1:].lower()


def is_name(line: str) -> bool:
    """True for a person's name: 2 to 6 capitalised words and nothing else ("Trần Hồng Quảng")."""
    words = line.split()
    return (
        2 <= len(words) <= 6
        and len(line) <= 50
        and all(word.isalpha() and word[0].isupper() and (word[1:].islower() or len(word) == 1) for word in words)
    )


def whole_words(phrases: Iterable[str]) -> str:
    """A regular expression matching any of the phrases as whole words."""
    return r"\b(?:" + "|".join(re.escape(phrase) for phrase in phrases) + r")\b"
