"""Tolerant parsers from typed Vietnamese (with or without diacritics) to answer values."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import phonenumbers

import messages_vi
from handlers import field_sizes
from handlers.flow import Invalid, Ok, Option, Parsed
from handlers.text import clean, fold, has_letter_or_digit, is_number

MAX_INPUT = 500
_NUMBERS = re.compile(r"[0-9]+")
_SEPARATORS = re.compile(r"\s*(?:,|;|/|\+|&|\bva\b|\bvoi\b|\band\b)\s*|\s+")
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-.][^\W\d_]+)*\.?$")
_ADDRESS = re.compile(r"^[\w\s,./\-()'#&]+$")
_DATE = re.compile(r"^([0-9]{1,2})\s*[/\-. ]\s*([0-9]{1,2})\s*[/\-. ]\s*([0-9]{2}|[0-9]{4})$")
_YEAR = re.compile(r"^(?:nam\s+)?([0-9]{4})$")


def basic(text: str, limit: int = MAX_INPUT) -> str | Invalid:
    """Cleaned text, or a hint when it is empty, longer than ``limit`` or has no letter or digit."""
    value = clean(text)
    if len(value) > limit:
        return Invalid("input.too_long", {"limit": str(limit)})
    if not value or not has_letter_or_digit(value):
        return Invalid("input.empty")
    return value


@lru_cache(maxsize=1024)
def option_words(option: Option) -> list[str]:
    """The folded phrases that select an option: its label and its aliases (computed once per option)."""
    return [fold(messages_vi.t(option.key)), *(fold(alias) for alias in option.aliases)]


def match_choice(text: str, options: tuple[Option, ...]) -> Parsed:
    """One option by its number ("2") or its words ("khong", "Không", "k")."""
    return match_labelled(text, [(opt.id, option_words(opt)) for opt in options])


def match_labelled(text: str, choices: list[tuple[str, list[str]]]) -> Parsed:
    """One of ``choices`` (id, folded phrases) by its number or by its words."""
    value = basic(text)
    if isinstance(value, Invalid):
        return value
    folded = fold(value).strip(" .!")
    count = {"count": str(len(choices))}
    if is_number(folded):
        index = int(folded) - 1
        return Ok(choices[index][0]) if 0 <= index < len(choices) else Invalid("input.number_out_of_range", count)
    exact = [choice_id for choice_id, phrases in choices if folded in phrases]
    if len(exact) == 1:
        return Ok(exact[0])
    partial = [
        choice_id for choice_id, phrases in choices if any(_contains_phrase(phrase, folded) for phrase in phrases)
    ]
    if len(partial) == 1 and len(folded) >= 2:
        return Ok(partial[0])
    return _named_within(folded, choices) or Invalid("input.pick_one", count)


def _named_within(folded: str, choices: list[tuple[str, list[str]]]) -> Ok | None:
    """The one option named inside a sentence ("toi khong dong y" -> decline); None when none or several are.

    A phrase inside a longer matched phrase of another option does not count ("dong y" in "khong dong y").
    """
    matched = [(phrase, choice_id) for choice_id, phrases in choices for phrase in phrases
               if len(phrase) >= 2 and not is_number(phrase) and _contains_phrase(folded, phrase)]
    standing = {
        choice_id for phrase, choice_id in matched
        if not any(other != choice_id and phrase != longer and _contains_phrase(longer, phrase)
                   for longer, other in matched)
    }
    return Ok(standing.pop()) if len(standing) == 1 else None


def match_multi(text: str, options: tuple[Option, ...]) -> Parsed:
    """Several options by numbers ("1 3", "1,3", "1 va 3") or words ("sot ho", "sốt, ho")."""
    value = basic(text)
    if isinstance(value, Invalid):
        return value
    folded = fold(value)
    chosen: list[str] = []
    if re.fullmatch(r"[0-9\s,;/+&.]*(?:\s*(?:va|and)\s*[0-9\s,;/+&.]*)*", folded):
        for number in _NUMBERS.findall(folded):
            index = int(number) - 1
            if not 0 <= index < len(options):
                return Invalid("input.number_out_of_range", {"count": str(len(options))})
            chosen.append(options[index].id)
    else:
        found = _words_to_options(folded, options)
        if found is None:
            return Invalid("input.pick_many", {"count": str(len(options))})
        chosen = found
    return check_exclusive(list(dict.fromkeys(chosen)), options)


def _words_to_options(folded: str, options: tuple[Option, ...]) -> list[str] | None:
    """Read option phrases left to right, longest first; None when some word matches nothing."""
    phrases = sorted(
        ((word.split(), opt.id) for opt in options for word in option_words(opt)),
        key=lambda item: -len(item[0]),
    )
    tokens = [token for token in _SEPARATORS.split(folded) if token]
    chosen, position = [], 0
    while position < len(tokens):
        for words, option_id in phrases:
            if tokens[position : position + len(words)] == words:
                chosen.append(option_id)
                position += len(words)
                break
        else:
            return None
    return chosen or None


def check_exclusive(chosen: list[str], options: tuple[Option, ...]) -> Parsed:
    """The chosen option ids, unless empty or an exclusive option ("none") is combined with others."""
    if not chosen:
        return Invalid("input.pick_many", {"count": str(len(options))})
    exclusive = {opt.id for opt in options if opt.exclusive}
    if len(chosen) > 1 and exclusive.intersection(chosen):
        return Invalid("input.exclusive_option")
    return Ok(chosen)


def _contains_phrase(haystack: str, needle: str) -> bool:
    return f" {needle} " in f" {haystack} "


def parse_name(text: str) -> Parsed:
    """A person's full name: letters and spaces, 2 characters up to the name columns' size, capitalised."""
    value = basic(text, field_sizes.NAME)
    if isinstance(value, Invalid):
        return value
    if len(value) < 2 or not _NAME.match(value):
        return Invalid("input.bad_name", {"limit": str(field_sizes.NAME)})
    return Ok(" ".join(word[:1].upper() + word[1:] for word in value.split(" ")))


def parse_birth(text: str, today: date, allow_year: bool = True) -> Parsed:
    """A birth date (dd/mm/yyyy, d/m/yy, "12 3 1990") or, where allowed, a year alone."""
    value = basic(text)
    if isinstance(value, Invalid):
        return value
    folded = fold(value)
    year_only = _YEAR.match(folded)
    if year_only and allow_year:
        year = int(year_only.group(1))
        if not today.year - 120 <= year <= today.year:
            return Invalid("input.bad_year", {"max": str(today.year)})
        return Ok({"year": year})
    match = _DATE.match(folded)
    if not match:
        return Invalid("input.bad_date" if allow_year else "input.bad_date_only")
    day, month, year = (int(part) for part in match.groups())
    if len(match.group(3)) == 2:
        year += 2000 if year <= today.year % 100 else 1900
    try:
        born = date(year, month, day)
    except ValueError:
        return Invalid("input.no_such_date")
    if born > today or born.year < today.year - 120:
        return Invalid("input.date_out_of_range")
    return Ok({"date": born.isoformat(), "year": born.year})


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


def is_skip(text: str) -> bool:
    """True when the user asks to skip an optional question ("bỏ qua", "khong co", "0")."""
    return fold(clean(text)) in {"bo qua", "boqua", "bq", "skip", "khong co", "khong", "ko", "k", "0", "-"}


def phone_display(e164: str) -> str:
    """A stored phone number in the national format people read (0912 345 678)."""
    number = phonenumbers.parse(e164, "VN")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
