"""Birth dates and dose counts as people type them, in digits or in words.

Dates: "15/3/1985", "15-3-85", "15.03.1985", "15 3 1985", "15031985", "1985-03-15", "15 thang 3 nam 85",
"ngay 15 thang 3 1985", "15 thang ba 1985", "thang 3/1985" or "3/1985" (a month is enough), "1985",
"nam 85"; in English "15 March 1985", "March 15, 1985", "15th of March 85". A number after "ngày", "tháng" or
"năm" is that part, a month may be named; others fill day, month, year in order.
Two-digit years are births: 20yy when that is not in the future, else 19yy.
"""

from __future__ import annotations

import re
from datetime import date

from handlers.flow import Invalid, Ok, Parsed
from handlers.matching.relative_days import relative_day
from handlers.matching.vocabulary import NUMBER_WORDS
from handlers.text import fold

_PIECES = re.compile(r"[0-9]+|[a-z]+")
_MARKERS = {"ngay": "day", "mung": "day", "thang": "month", "thg": "month", "th": "month", "nam": "year"}
_FILLER = frozenset({"sinh", "vao", "la", "cua", "toi", "em", "minh", "a", "nhe", "nha", "sn", "ns", "luc", "ah"})
_MONTH_WORDS = {**{word: n for word, n in NUMBER_WORDS.items() if 1 <= n <= 10}, "gieng": 1, "chap": 12}
_ENGLISH_MONTHS = {
    name: number
    for number, names in enumerate((
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
        ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
        ("november", "nov"), ("december", "dec"),
    ), 1)
    for name in names
}
_ENGLISH_FILLER = frozenset({"of", "the", "st", "nd", "rd", "on", "in", "born", "i", "was", "my", "is", "birthday"})


def _numbers(folded: str) -> list[tuple[str | None, str]] | None:
    """(part named by a marker or None, digits) in order; None when a word is neither marker nor filler."""
    folded = re.sub(r"\bmuoi\s+(mot|hai)\b", lambda m: "11" if m.group(1) == "mot" else "12", folded)
    found: list[tuple[str | None, str]] = []
    marker: str | None = None
    for piece in _PIECES.findall(folded):
        if marker == "month" and piece in _MONTH_WORDS:
            piece = str(_MONTH_WORDS[piece])
        if piece.isdigit():
            found.append((marker, piece))
            marker = None
        elif piece in _ENGLISH_MONTHS:
            found.append(("month", str(_ENGLISH_MONTHS[piece])))
            marker = None
        elif piece in _MARKERS:
            marker = _MARKERS[piece]
        elif piece not in _FILLER and piece not in _ENGLISH_FILLER:
            return None
    return found


def _year(digits: str, today: date) -> int:
    year = int(digits)
    if len(digits) <= 2:
        year += 2000 if 2000 + year <= today.year else 1900
    return year


def _fill(parts: dict[str, str], untagged: list[str]) -> bool:
    """Give the numbers without a marker their parts; False when there are too many."""
    year_first = False
    if "year" not in parts:
        long = next((digits for digits in untagged if len(digits) == 4), None)
        if long is not None and (untagged.index(long) in (0, len(untagged) - 1)):
            parts["year"] = long
            year_first = untagged.index(long) == 0 and len(untagged) > 1
            untagged = [digits for digits in untagged if digits is not long]
    slots = [slot for slot in ("day", "month", "year") if slot not in parts]
    if slots == ["day", "month"] and (year_first or len(untagged) == 1):
        slots = ["month", "day"]  # "1985-03-15", "3/1985"
    if len(untagged) == 2 and slots == ["day", "month", "year"] and int(untagged[1]) > 12:
        slots = ["month", "year"]  # "3/85": a month and a year
    elif len(untagged) == 1 and slots in (["day", "month", "year"], ["day", "year"]):
        slots = ["year"] if slots[0] == "day" and (len(slots) == 3 or int(untagged[0]) > 31) else slots
    if len(untagged) > len(slots):
        return False
    parts.update(zip(slots, untagged, strict=False))
    return True


def parse_birth(text: str, today: date, allow_year: bool = True) -> Parsed:
    """A birth date, or (where allowed) a month and year or a year alone, as {"date"?, "month"?, "year"}."""
    folded = re.sub(r"\bt(?:hg?)?\.?\s*(?=[0-9])", "thang ", fold(text))  # "t3/1985", "th3"
    numbers = _numbers(folded)
    if not numbers:
        return Invalid("input.bad_date" if allow_year else "input.bad_date_only")
    if len(numbers) == 1 and numbers[0][0] is None and len(numbers[0][1]) == 8:
        digits = numbers[0][1]
        numbers = [(None, digits[:2]), (None, digits[2:4]), (None, digits[4:])]
    parts: dict[str, str] = {marker: digits for marker, digits in numbers if marker}
    untagged = [digits for marker, digits in numbers if marker is None]
    if not _fill(parts, untagged):
        return Invalid("input.bad_date" if allow_year else "input.bad_date_only")
    if "year" not in parts:
        return Invalid("input.date_needs_year")
    year = _year(parts["year"], today)
    in_range = today.year - 120 <= year <= today.year
    if len(parts["year"]) == 3 or ("day" not in parts and not in_range):
        return Invalid("input.bad_year", {"max": str(today.year)})
    if "day" not in parts:
        if not allow_year:
            return Invalid("input.bad_date_only")
        if "month" not in parts:
            return Ok({"year": year})
        month = int(parts["month"])
        if not 1 <= month <= 12 or (year, month) > (today.year, today.month):
            return Invalid("input.no_such_date")
        return Ok({"year": year, "month": month})
    try:
        born = date(year, int(parts.get("month", "0")), int(parts["day"]))
    except ValueError:
        return Invalid("input.no_such_date")
    if born > today or not in_range:
        return Invalid("input.date_out_of_range")
    return Ok({"date": born.isoformat(), "year": born.year})


_RELATIVE_DAYS = {
    "hom nay": 0, "nay": 0, "today": 0, "hom qua": -1, "qua": -1, "yesterday": -1, "hom kia": -2, "hom ki": -2,
    "ngay mai": 1, "mai": 1, "tomorrow": 1, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "tonight": 0, "last night": -1,
}
# Parts of a day and particles around "hôm nay", "hôm qua" ("sáng nay", "tối qua ạ", "this morning").
_TIME_OF_DAY = frozenset({"sang", "trua", "chieu", "toi", "dem", "khuya", "a", "nhe", "nha", "vao", "em", "minh"})
_ENGLISH_MONTH = re.compile(r"\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b\.?")


def parse_day(text: str, today: date, past_days: int, future_days: int) -> Parsed:
    """A day near today, as an ISO date: "hôm nay", "hôm qua", "yesterday", "28/11", "28/11/2026", "2026-11-28",
    "29 nov", "3 ngày trước", "2 days ago", "thứ 6 tuần trước", "last friday" (handlers.matching.relative_days).
    Without a year, the one that puts the day nearest today; refused outside ``past_days`` .. ``future_days``."""
    said = relative_day(" ".join(word for word in re.findall(r"[0-9a-z]+", fold(text))
                                 if word not in _TIME_OF_DAY or word in ("toi", "a")), today)
    if said is not None:
        return _day_in_range(said, today, past_days, future_days)
    folded = re.sub(r"\bt(?:hg?)?\.?\s*(?=[0-9])", "thang ", fold(text))
    folded = _ENGLISH_MONTH.sub(lambda m: f" thang {_ENGLISH_MONTHS[m.group(1)[:3]]} ", folded)
    folded = re.sub(r"\b([0-9]{1,2})(?:st|nd|rd|th)\b", r"\1", folded).replace(" of ", " ")
    words = " ".join(word for word in re.findall(r"[0-9a-z]+", folded) if word not in _TIME_OF_DAY)
    if words in _RELATIVE_DAYS:
        return _day_in_range(date.fromordinal(today.toordinal() + _RELATIVE_DAYS[words]), today, past_days,
                             future_days)
    numbers = _numbers(folded)
    if not numbers:
        return Invalid("input.bad_date_only")
    if len(numbers) == 1 and numbers[0][0] is None and len(numbers[0][1]) in (4, 8):
        digits = numbers[0][1]
        numbers = [(None, digits[:2]), (None, digits[2:4]), *([(None, digits[4:])] if len(digits) == 8 else [])]
    parts: dict[str, str] = {marker: digits for marker, digits in numbers if marker}
    untagged = [digits for marker, digits in numbers if marker is None]
    if "year" not in parts and len(untagged) == 2 and not any(len(digits) == 4 for digits in untagged):
        parts.update(zip(("day", "month"), untagged, strict=True))
        untagged = []
    if not _fill(parts, untagged) or "day" not in parts or "month" not in parts:
        return Invalid("input.bad_date_only")
    years = [_year(parts["year"], today)] if "year" in parts else [today.year - 1, today.year, today.year + 1]
    found = []
    for year in years:
        try:
            found.append(date(year, int(parts["month"]), int(parts["day"])))
        except ValueError:
            continue
    if not found:
        return Invalid("input.no_such_date")
    return _day_in_range(min(found, key=lambda day: abs((day - today).days)), today, past_days, future_days)


def _day_in_range(day: date, today: date, past_days: int, future_days: int) -> Parsed:
    if not -past_days <= (day - today).days <= future_days:
        return Invalid("input.day_out_of_range", {"days": str(past_days)})
    return Ok(day.isoformat())
