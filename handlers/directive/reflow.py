"""Join hard-wrapped lines (a PDF's or a pasted page's line breaks) back into paragraphs.

A line break ends a paragraph only where the text says so: a sentence end, a colon or semicolon,
a blank line, or a new item, bullet or signature line. Header and title lines in capitals stay apart,
except a word a narrow column pushed onto a line of its own ("THỦ" / "TƯỚNG CHÍNH PHỦ").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handlers.directive.header import MOTTO
from handlers.directive.items import marker
from handlers.directive.text import fold_chars, is_name, is_upper_line

_ENDS = (".", ";", ":", "!", "?", "…", "/.")
_NEW_ENTRY = re.compile(r"[-–—+•*]|\(\d{1,2}\)|\(?[a-zđ]\)\s|[IVX]{1,5}\.\s|Điều\s+\d")
_PLACE_DATE_START = re.compile(r"[^,\d]{1,40},\s*ngày\s+\d", re.IGNORECASE)
_DATE_LINE_END = re.compile(r"ngày\s*\d{1,2}\s*(?:tháng\s*\d{1,2}\s*năm\s*|[/.-]\s*\d{1,2}\s*[/.-]\s*)\d{4}$",
                            re.IGNORECASE)
_OPENERS = ("kinh gui", "noi nhan", "v/v", "ve viec", "can cu", "cong hoa xa hoi", "doc lap")
_NUMBER_LINE = re.compile(r"(?:Số|SỐ)\s*:?\s*\d")
_WIDTH_SHARE = 0.5
_WIDTH_QUANTILE = 0.9
_MIN_WRAP_WIDTH = 50  # a list of short lines ("Đeo khẩu trang" / "Rửa tay") is not a wrapped paragraph
_MAX_WRAP_WIDTH = 130
_MIN_WRAPPED_LINES = 3


def reflow(lines: Sequence[str]) -> list[str]:
    """Lines with wrapped paragraphs joined by single spaces; blank lines kept."""
    width = _wrap_width(lines)
    joined: list[str] = []
    for index, line in enumerate(lines):
        title = len(joined) == 1
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if joined and line and joined[-1] and _continues(joined[-1], line, 0 if title else width, following):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _wrap_width(lines: Sequence[str]) -> int:
    """The width the text was wrapped at: the length most full lines reach (0 if it looks unwrapped)."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < _MIN_WRAPPED_LINES:
        return 0
    return lengths[int(_WIDTH_QUANTILE * (len(lengths) - 1))]


def _continues(previous: str, line: str, width: int, following: str) -> bool:
    """True when ``line`` carries on the paragraph that ``previous`` ends (``following`` comes after it)."""
    if _starts_entry(line) or _NUMBER_LINE.match(line) or MOTTO.search(fold_chars(f"{previous} {line}")):
        return False
    upper_before, upper_now = is_upper_line(previous), is_upper_line(line)
    if upper_before or upper_now:
        lone_word = len(previous.split()) == 1 or len(line.split()) == 1
        starts_motto = MOTTO.match(fold_chars(f"{line} {following}")) is not None
        return upper_before and upper_now and lone_word and not previous.endswith(_ENDS) and not starts_motto
    if previous.endswith(_ENDS) or is_name(line) or _PLACE_DATE_START.match(line) or _DATE_LINE_END.search(previous):
        return False
    if fold_chars(line[:20]).startswith(_OPENERS):
        return False
    if line[0].islower() or line[0].isdigit() or previous.endswith((",", "(", "-", "–")):
        return True
    wrapped = _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH
    return wrapped and len(previous) >= _WIDTH_SHARE * width and not previous.endswith(")")


def _starts_entry(line: str) -> bool:
    """True for a numbered item, a bullet or an enumerated point ("(1)", "a)")."""
    return marker(line) is not None or _NEW_ENTRY.match(line) is not None
