"""Turn pasted text into clean lines: no markup remnants, portal clutter, bylines or blank runs."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from handlers.directive import vocabulary as vocab
from handlers.directive.dates import day_month_year
from handlers.directive.text import fold_chars, is_name, is_upper_line, squash, word_count

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\ufeff]")
_HTML_BLOCKS = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_HTML_BREAKS = re.compile(
    r"<br\s*/?>|</?(?:p|div|li|tr|h[1-6]|ul|ol|table|section|article|blockquote)\b[^<>]*>", re.IGNORECASE
)
_HTML_TAGS = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")
_MD_IMAGES = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINKS = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_ESCAPES = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_MD_SUPERSCRIPTS = re.compile(r"\^\{[^{}\n]*\}")
_MD_HEADINGS = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_BOLD = re.compile(r"\*{2,}|(?<!\w)_{2,}(?=\S)|(?<=\S)_{2,}(?!\w)")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_STRAY_STARS = re.compile(r"^[ \t]*\*+(?=\S)|(?<=\S)[ \t]*\*+[ \t]*$", re.MULTILINE)
_TABLE_ROW = re.compile(r"^[ \t]*\|.*$|^.*\|[ \t]*$", re.MULTILINE)
_TABLE_CELLS = re.compile(r"[ \t]*\|[ \t]*")
_TAG_REMNANT = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?>?")
_WIDGETS = re.compile(r"\b(?:" + "|".join(vocab.WIDGET_TOKENS) + r")\b(?:\s*-\s*)?")
_MENU_SEPARATORS = re.compile(r"\s*[|>»/·•›:]\s*")
_BARE_NUMBER = re.compile(r"\d+|\d{1,3}(?:[.,]\d{3})+")
_WEEKDAY = r"(?:(?:thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat),?\s*)"
_DATE = r"(?:ngay\s+)?(?:(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))"
_TIME = r"(?:luc\s+)?\d{1,2}(?::|h)\d{2}(?::\d{2})?(?:\.\d+)?\s*(?P<ampm>am|pm|sa|ch)?"
_GMT = r"\s*(?:\(gmt\s*\+\s*7\))?"
_TIMESTAMPS = (
    re.compile(rf"{_WEEKDAY}?{_DATE}\s*[-|,]?\s*{_TIME}{_GMT}"),
    re.compile(rf"{_TIME}\s*[-|,]?\s*{_WEEKDAY}?{_DATE}{_GMT}"),
)
_ANY_DATE = re.compile(_DATE)
_PAGE_DATE = re.compile(
    rf"\(?\s*{_WEEKDAY}?(?:ngay \d{{1,2}} thang \d{{1,2}} nam \d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})\W*"
)
# A CMS field ("cms-publish-date: ...", "cms-view-count 1234"): a lower-case ASCII key of letters, with a
# colon after it or at least three parts, so "covid-19" or "sars-cov-2" starting a wrapped line is kept.
_TECH_KEY = re.compile(r"(?P<key>[a-z]+(?:[-_][a-z]+){2,}|[a-z]+(?:[-_][a-z]+)+(?=\s*[:=]))(?:\s*[:=]|\s|$)")
_DATED_KEY = ("date", "publish", "time", "created", "modified")
_METADATA = re.compile(r"(?:" + "|".join(re.escape(label) for label in vocab.METADATA_LABELS) + r")\s*(?::|$)")
_PROSE_LENGTH = 60
_SIGNER_LINE = 120
_SHORT_LINE = 160
_MARKER_PREFIX = 40
_SENTENCE_END = (".", ";", "!", "?", "…", '"', "”")
_COUNTER_LINE = 100
_METADATA_LINE = 120
_BANNER_WORDS = 20


@dataclass(frozen=True)
class Cleaned:
    """Clean lines (one blank line between paragraphs) and the page's publication date if shown."""

    lines: tuple[str, ...]
    published: date | None


def clean(raw: str) -> Cleaned:
    """Strip markup and web-page clutter from ``raw``; keep the document's own lines."""
    lines = [part for line in _strip_markup(_normalise(raw)).split("\n") for part in _unglued(_tidy(line))]
    published = _first_published(lines)
    kept = _drop_byline(_drop_tail([line for line in lines if not is_clutter(line)]))
    return Cleaned(tuple(_collapse_blanks(kept)), published)


def _normalise(raw: str) -> str:
    """NFC, Unix newlines, tabs as spaces, no control or invisible format characters."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text.replace("\t", " "))


def _strip_markup(text: str) -> str:
    """Remove HTML tags and entities and Markdown emphasis, links, headings and escapes."""
    if "<" in text:
        text = _HTML_TAGS.sub("", _HTML_BREAKS.sub("\n", _HTML_BLOCKS.sub("", text)))
    if "&" in text:
        text = html.unescape(text)
    text = _MD_LINKS.sub(r"\1", _MD_IMAGES.sub("", text))
    text = _MD_SUPERSCRIPTS.sub("", _MD_HEADINGS.sub("", text))
    text = _MD_BOLD.sub(_bold_marker, text)
    text = _MD_STRAY_STARS.sub("", _MD_ITALIC.sub(r"\1", text))
    return _TABLE_ROW.sub(_table_cells, _MD_ESCAPES.sub(r"\1", text))


def _table_cells(row: re.Match[str]) -> str:
    """A Markdown table row ("| ỦY BAN NHÂN DÂN | CỘNG HÒA ... |") as one line per cell."""
    cells = [cell for cell in _TABLE_CELLS.split(row.group()) if any(ch.isalnum() for ch in cell)]
    return "\n".join(cells) if cells else row.group()


def _bold_marker(match: re.Match[str]) -> str:
    """A bold marker glued between a word and a capital starts a new line; elsewhere it goes."""
    text, start, end = match.string, match.start(), match.end()
    glued = start > 0 and text[start - 1].isalpha() and end < len(text) and text[end].isupper()
    return "\n" if glued else ""


def _tidy(line: str) -> str:
    """Drop widget identifiers and collapse spaces."""
    return squash(_WIDGETS.sub(" ", line))


def _unglued(line: str) -> list[str]:
    """A signer's title run together with the name ("CHÁNH VĂN PHÒNGThái Hữu Phép") as two lines."""
    if len(line) > _SIGNER_LINE or not line[:2].isupper():
        return [line]
    for index in range(3, len(line) - 1):
        capitals = line[index - 2:index + 1]
        if capitals.isalpha() and capitals.isupper() and line[index + 1].islower():
            title, name = line[:index].strip(), line[index:]
            if is_upper_line(title) and is_name(name):
                return [title, name]
    return [line]


def is_clutter(line: str) -> bool:
    """True for a line of portal furniture: menus, counters, icons, timestamps, CMS labels."""
    if not line:
        return False
    if not any(ch.isalnum() for ch in line) or _BARE_NUMBER.fullmatch(line) or line.startswith(vocab.ICON_PREFIXES):
        return True
    if _TAG_REMNANT.fullmatch(line) or (len(line) <= _METADATA_LINE and _TECH_KEY.match(line)):
        return True
    if len(line) > _SHORT_LINE:
        return False
    folded = fold_chars(line)
    return (
        _is_menu(folded)
        or (len(line) <= _COUNTER_LINE and folded.startswith(vocab.COUNTER_LABELS))
        or (len(line) <= _METADATA_LINE and _METADATA.match(folded) is not None)
        or _timestamp(folded) is not None
        or _PAGE_DATE.fullmatch(folded) is not None
        or _is_portal_banner(folded)
    )


def _is_menu(folded: str) -> bool:
    """True when every part of the line, split at menu separators, is a menu term."""
    parts = [part for part in _MENU_SEPARATORS.split(folded.rstrip(":")) if part]
    return bool(parts) and all(part in vocab.MENU_TERMS for part in parts)


def _is_portal_banner(folded: str) -> bool:
    """True for a short portal name line ("Cổng thông tin điện tử tỉnh ...")."""
    return folded.startswith(vocab.PORTAL_NAMES) and word_count(folded) <= _BANNER_WORDS and not folded.endswith(".")


def _first_published(lines: Sequence[str]) -> date | None:
    """The date on the first publication timestamp or date label of the page."""
    for line in filter(lambda line: len(line) <= _SHORT_LINE, lines):
        folded = fold_chars(line)
        stamp = _timestamp(folded)
        if stamp is None and len(line) <= _METADATA_LINE and (
                _METADATA.match(folded) or _PAGE_DATE.fullmatch(folded) or _dated_key(line)):
            stamp = _ANY_DATE.search(folded)
        if stamp is not None and (found := _stamp_date(stamp)) is not None:
            return found
    return None


def _dated_key(line: str) -> bool:
    """True for a CMS metadata line naming a date ("cms-publish-date: 12/03/2021 08:15")."""
    key = _TECH_KEY.match(line)
    return key is not None and any(part in key["key"] for part in _DATED_KEY)


def _timestamp(folded: str) -> re.Match[str] | None:
    """The match when the whole line is a publication date and time."""
    for pattern in _TIMESTAMPS:
        if (stamp := pattern.fullmatch(folded)) is not None:
            return stamp
    return None


def _stamp_date(stamp: re.Match[str]) -> date | None:
    """The date of a timestamp; month first when the page uses AM/PM or the day exceeds 12."""
    if stamp.group("iy"):
        return day_month_year(stamp.group("id"), stamp.group("im"), stamp.group("iy"))
    first, second, year = stamp.group("a"), stamp.group("b"), stamp.group("y")
    month_first = int(second) > 12 or (int(first) <= 12 and bool(stamp.groupdict().get("ampm")))
    if month_first:
        return day_month_year(second, first, year)
    return day_month_year(first, second, year)


def _drop_tail(lines: list[str]) -> list[str]:
    """Cut from a related-links heading or a footer line (after the first line) to the end."""
    content_seen = False
    for index, line in enumerate(lines):
        if content_seen and _is_tail_marker(line):
            return lines[:index]
        content_seen = content_seen or bool(line)
    return lines


def _is_tail_marker(line: str) -> bool:
    """True for "Bài viết trước:", "Tin liên quan" and footer lines like "Quản lý và nhập tin: ..."."""
    folded = fold_chars(line[:_MARKER_PREFIX])
    short = word_count(line) <= 6 and folded.rstrip(": ").startswith(vocab.RELATED_MARKERS)
    return short or folded.startswith(vocab.FOOTER_MARKERS)


def _drop_byline(lines: list[str]) -> list[str]:
    """Drop an author's name standing alone at the end, after prose (not a list) or after the signer's name."""
    content = [index for index, line in enumerate(lines) if line]
    if len(content) < 2:
        return lines
    last, previous = lines[content[-1]], lines[content[-2]]
    is_entry = previous.startswith(("-", "+", "•")) and len(previous) < _PROSE_LENGTH
    follows_prose = previous.endswith(_SENTENCE_END) and not is_entry
    if is_name(last) and (follows_prose or is_name(previous)):
        return lines[: content[-1]]
    return lines


def _collapse_blanks(lines: list[str]) -> list[str]:
    """At most one blank line in a row and none at either end."""
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return kept
