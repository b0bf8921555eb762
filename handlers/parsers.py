"""Tolerant parsers from typed Vietnamese (with or without diacritics) to answer values."""

from __future__ import annotations

import re

import phonenumbers

from handlers import field_sizes
from handlers.flow import Invalid, Ok, Parsed
from handlers.matching import vocabulary
from handlers.matching.normal import meaningful
from handlers.text import clean, fold, has_letter_or_digit

MAX_INPUT = 500
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-.][^\W\d_]+)*\.?$")
_ADDRESS = re.compile(r"^[\w\s,./\-()'#&]+$")


def basic(text: str, limit: int = MAX_INPUT) -> str | Invalid:
    """Cleaned text, or a hint when it is empty, longer than ``limit`` or has no letter or digit."""
    value = clean(text)
    if len(value) > limit:
        return Invalid("input.too_long", {"limit": str(limit)})
    if not value or not has_letter_or_digit(value):
        return unread(value)
    return value


def unread(text: str) -> Invalid:
    """The hint for an answer with no word in it: nothing typed, or only emoji and signs (not understood)."""
    return Invalid("input.not_understood" if clean(text) else "input.empty")


def parse_name(text: str) -> Parsed:
    """A person's full name: letters and spaces, 2 characters up to the name columns' size, capitalised."""
    value = basic(text, field_sizes.NAME)
    if isinstance(value, Invalid):
        return value
    if len(value) < 2 or not _NAME.match(value):
        return Invalid("input.bad_name", {"limit": str(field_sizes.NAME)})
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
    """House number, street, hamlet: letters, digits and ordinary address punctuation, as long as the column."""
    value = basic(text, field_sizes.STREET)
    if isinstance(value, Invalid):
        return value
    if not _ADDRESS.match(value):
        return Invalid("input.bad_address", {"limit": str(field_sizes.STREET)})
    return Ok(value)


def parse_free_text(text: str, limit: int) -> Parsed:
    """Free text without markup or control characters, up to ``limit`` characters (its column's size)."""
    value = basic(text, limit)
    if isinstance(value, Invalid):
        return value
    if not _ADDRESS.match(value):
        return Invalid("input.bad_free_text", {"limit": str(limit)})
    return Ok(value)


def is_skip(text: str, locale: str = "vi") -> bool:
    """True when the user asks to skip an optional question ("bỏ qua", "ko có", "không ạ", "skip", "0")."""
    folded = fold(clean(text))
    return folded in {"0", "-"} or " ".join(meaningful(folded)) in vocabulary.of(locale).skip


# Words before "không có" / "don't have" that change nothing ("tôi không có", "I'm a foreigner").
_PRONOUNS = ("toi", "em", "minh", "tui", "tao", "con", "chau", "i", "am", "m", "we", "sorry", "da", "uh", "um", "well",
             "but")
_DECLINE_EN = (
    "i don t have", "i dont have", "don t have", "dont have", "i do not have", "do not have", "i have no", "have no",
    "haven t got", "haven t", "no", "none", "never had", "m a foreigner", "am a foreigner", "a foreigner", "foreigner",
    "not vietnamese", "m not vietnamese", "am not vietnamese",
)
_DECLINE_VI = ("khong co", "ko co", "k co", "chua co", "khong", "chua", "nguoi nuoc ngoai", "la nguoi nuoc ngoai",
               "khong lam", "chua lam", "chua duoc cap", "khong duoc cap", "mat", "bi mat", "het han")


def declines(text: str, locale: str = "vi") -> bool:
    """True when an answer to an optional number (CCCD, phone) skips it or says there is none, in any wording:
    "bỏ qua", "tôi không có", "chưa có ạ", "I don't have one, I'm a foreigner" (it holds no digit)."""
    if is_skip(text, locale):
        return True
    folded = fold(clean(text))
    if any(ch.isdigit() for ch in folded):
        return False
    for clause in re.split(r"[,.;!?()]+|\bbut\b|\bnhung\b|\bvi\b|\bbecause\b", folded):
        words = meaningful(clause)
        while words and words[0] in _PRONOUNS:
            words = words[1:]
        said = " ".join(words)
        if said in vocabulary.of(locale).unsure or said in vocabulary.UNSURE_WORDS:
            return False
        if said and any(said == phrase or said.startswith(phrase + " ") for phrase in (*_DECLINE_EN, *_DECLINE_VI)):
            return True
    return False


def phone_display(e164: str) -> str:
    """A stored phone number in the national format people read (0912 345 678)."""
    number = phonenumbers.parse(e164, "VN")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
