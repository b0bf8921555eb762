"""A person's traces in free text: names, streets, phone numbers in any spacing, CCCD numbers.

Erasure looks for them in texts that copied personal data (a broadcast listing people, a notice, a
file on disk), so matching follows how such texts render or retype a value: names and streets with
or without diacritics, in any case and spacing, as whole words; phone numbers as +84…, 84… or 0…
with spaces, dots, dashes or brackets anywhere ("0912 345 678", "091.234.5678", "0221 3 123 456");
CCCD numbers with spaces. A phrase of a single word ("Lan") is not looked for: in free text it
would take ordinary words with it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_SEPARATORS = r"[\s.\-()]{0,3}"
_PHONE_PREFIX = r"(?:(?:\(?(?:\+\s?)?84\)?|0)" + _SEPARATORS + ")?"


def _fold_char(char: str) -> str:
    base = "".join(ch for ch in unicodedata.normalize("NFD", char) if unicodedata.category(ch) != "Mn")
    base = base.replace("đ", "d").replace("Đ", "D").lower()
    return base if len(base) == 1 else char


def fold_in_place(text: str) -> str:
    """``text`` lower-cased without diacritics, one character for one (positions stay valid)."""
    return "".join(_fold_char(char) for char in text)


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def _significant(phone: str) -> str:
    """The digits after the country code or the leading 0: '+84912345678' -> '912345678'."""
    digits = _digits(phone)
    if phone.strip().startswith("+84") or (digits.startswith("84") and len(digits) >= 11):
        return digits[2:]
    return digits[1:] if digits.startswith("0") else digits


@dataclass(frozen=True)
class Traces:
    """What to look for, compiled once: folded phrases and digit sequences."""

    phrases: re.Pattern[str] | None
    numbers: re.Pattern[str] | None

    @classmethod
    def of(cls, phrases: Iterable[str | None] = (), phones: Iterable[str | None] = (),
           numbers: Iterable[str | None] = ()) -> Traces:
        """Traces of these names and streets, phone numbers and other numbers (CCCD); empty values skipped."""
        words = {tuple(fold_in_place(unicodedata.normalize("NFC", value)).split()) for value in phrases if value}
        alternatives = sorted((r"\s+".join(map(re.escape, tokens)) for tokens in words if len(tokens) >= 2),
                              key=len, reverse=True)
        sequences = [_PHONE_PREFIX + _SEPARATORS.join(significant)
                     for significant in {_significant(phone) for phone in phones if phone} if len(significant) >= 8]
        sequences += [_SEPARATORS.join(digits) for digits in {_digits(n) for n in numbers if n} if len(digits) >= 8]
        return cls(
            re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)") if alternatives else None,
            re.compile(rf"(?<![\d+])(?:{'|'.join(sequences)})(?!\d)") if sequences else None,
        )

    def _spans(self, text: str) -> list[tuple[int, int]]:
        spans = []
        if self.phrases is not None:
            spans += [match.span() for match in self.phrases.finditer(fold_in_place(text))]
        if self.numbers is not None:
            spans += [match.span() for match in self.numbers.finditer(text)]
        return sorted(spans)

    def found(self, text: str) -> bool:
        """True when ``text`` holds any of the traces."""
        return bool(self._spans(unicodedata.normalize("NFC", text)))

    def redact(self, text: str, replacement: str) -> str:
        """``text`` (as NFC) with every trace replaced by ``replacement``."""
        text = unicodedata.normalize("NFC", text)
        merged: list[list[int]] = []
        for start, end in self._spans(text):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        for start, end in reversed(merged):
            text = text[:start] + replacement + text[end:]
        return text
