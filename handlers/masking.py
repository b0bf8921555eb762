"""Masked names for lists shown to officials in chats: the family name and initials stay readable."""

from __future__ import annotations

import unicodedata

MASK = "*"


def mask_word(word: str) -> str:
    """The first letter of a word followed by one mask per remaining letter."""
    return word[:1] + MASK * (len(word) - 1)


def mask_name(name: str) -> str:
    """'Nguyễn Văn An' -> 'Nguyễn V** A*'; a one-word name keeps only its first letter ('Mai' -> 'M**').

    Letters are counted after NFC normalisation, so a decomposed diacritic never counts as a letter.
    """
    words = unicodedata.normalize("NFC", name).split()
    if len(words) == 1:
        return mask_word(words[0])
    return " ".join(words[:1] + [mask_word(word) for word in words[1:]])
