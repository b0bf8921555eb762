"""Tolerant parsers from typed Vietnamese (with or without diacritics) to answer values."""

from __future__ import annotations

import re

import phonenumbers

from handlers.flow import Invalid, Ok, Parsed
from handlers.matching.normal import meaningful
from handlers.matching.vocabulary import SKIP_WORDS
from handlers.text import clean, fold, has_letter_or_digit

MAX_INPUT = 500
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-.][^\W\d_]+)*\.?$")
_ADDRESS = re.compile(r"^[\w\s,./\-()'#&]+$")


def basic(text: str) -> str | Invalid:
    """Cleaned text, or a hint when it is empty, too long or has no letter or digit."""
    if len(text) > MAX_INPUT:
        return Invalid("input.too_long", {"limit": str(MAX_INPUT)})
    value = clean(text)
    if not value or not has_letter_or_digit(value):
        return Invalid("input.empty")
    return value


def parse_name(text: str) -> Parsed:
    """A person's full name: letters and spaces, 2–80 characters, capitalised word by word."""
    value = basic(text)
    if isinstance(value, Invalid):
        return value
    if not 2 <= len(value) <= 80 or not _NAME.match(value):
        return Invalid("input.bad_name")
    return Ok(" ".join(word[:1].upper() + word[1:] for word in value.split(" ")))


def parse_phone(text: str) -> Parsed:
    """A valid Vietnamese phone number, stored as E.164 (+84...)."""
    value = basic(text)
    if isinstance(value, Invalid):
        return value
    digits = re.sub(r"[\s.\-()]", "", value)
    if not re.fullmatch(r"\+?[0-9]{8,15}", digits):
        return Invalid("input.bad_phone")
    try:
        number = phonenumbers.parse(digits, "VN")
    except phonenumbers.NumberParseException:
        return Invalid("input.bad_phone")
    if number.country_code != 84 or not phonenumbers.is_valid_number(number):
        return Invalid("input.bad_phone")
    return Ok(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def parse_address(text: str) -> Parsed:
    """House number, street, hamlet: letters, digits and ordinary address punctuation, ≤ 200 characters."""
    value = basic(text)
    if isinstance(value, Invalid):
        return value
    if len(value) > 200 or not _ADDRESS.match(value):
        return Invalid("input.bad_address")
    return Ok(value)


def parse_free_text(text: str, limit: int = 300) -> Parsed:
    """Free text without markup or control characters, up to ``limit`` characters."""
    value = basic(text)
    if isinstance(value, Invalid):
        return value
    if len(value) > limit or not _ADDRESS.match(value):
        return Invalid("input.bad_free_text", {"limit": str(limit)})
    return Ok(value)


def is_skip(text: str) -> bool:
    """True when the user asks to skip an optional question ("bỏ qua", "ko có", "không ạ", "0")."""
    folded = fold(clean(text))
    return folded in {"0", "-"} or " ".join(meaningful(folded)) in SKIP_WORDS


def phone_display(e164: str) -> str:
    """A stored phone number in the national format people read (0912 345 678)."""
    number = phonenumbers.parse(e164, "VN")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
