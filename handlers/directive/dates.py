"""Dates as Vietnamese documents write them: "ngày 29 tháng 7 năm 2020", "29/7/2020", "21-3-2020"."""

from __future__ import annotations

import re
from datetime import date

_WORDS = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})(?![\d/.-])")
_FIRST_YEAR, _LAST_YEAR = 1900, 2100


def day_month_year(day: str, month: str, year: str) -> date | None:
    """The date, or None when it does not exist or lies outside 1900-2100."""
    if not _FIRST_YEAR <= int(year) <= _LAST_YEAR:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def first_date(folded: str) -> date | None:
    """The first valid date written in words or digits (day first) in accent-folded text."""
    candidates = sorted(
        (match.start(), match.groups()) for pattern in (_WORDS, _NUMERIC) for match in pattern.finditer(folded)
    )
    for _, (day, month, year) in candidates:
        if (found := day_month_year(day, month, year)) is not None:
            return found
    return None
