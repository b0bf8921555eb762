"""A news article about a directive: its headline, its lead, and the document the lead reports.

Portal and newspaper items say in their lead which document they report: "Ngày 30/5/2021, Sở Y tế tỉnh
Kon Tum ban hành Công văn số 2304/SYT-NVYD ...", "UBND tỉnh vừa ban hành Công văn số 3221/UBND-VXNV chỉ
đạo ...", "bà Trần Thị Nga - Phó chủ tịch UBND tỉnh vừa ký công văn (số 2314) ...", or name only who
asks ("Sở Y tế yêu cầu các đơn vị ..."). Documents cited for background ("Thực hiện Thông báo số ...")
are not the one reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from handlers.areas import catalog
from handlers.directive import vocabulary as vocab
from handlers.directive.dates import day_month_year
from handlers.directive.items import marker
from handlers.directive.text import fold_chars, is_name, whole_words

_KINDS = "|".join(["văn bản"] + [kind.name.lower() for kind in vocab.KINDS])
_NUMBER = r"\d{1,5}(?:\s*[-/]\s*[A-ZĐ][\wĐđ&]*(?:\s*[-/]\s*[A-ZĐ0-9][\wĐđ&]*)*)?"
_DATE = (r"ngày\s+(?P<{0}>\d{{1,2}}(?:\s*[/.-]\s*\d{{1,2}}(?:\s*[/.-]\s*\d{{4}})?"
         r"|\s+tháng\s+\d{{1,2}}(?:\s+năm\s+\d{{4}})?))")
_MENTION = re.compile(
    r"(?P<kind>" + _KINDS + r")(?:\s+khẩn)?"
    r"(?:\s+của\s+(?P<owner>[^\W\d_][^,.;:()\"“”]{1,100}?))?"
    r"(?:\s*\(?\s*số\s*:?\s*(?P<number>" + _NUMBER + r")\s*\)?|\s+(?P<bare>\d{3,5})\b(?![/-]))"
    r"(?:[^.;\n]{0,30}?,?\s*" + _DATE.format("when") + r")?",
    re.IGNORECASE,
)
_ISSUING = re.compile(
    r"(?:(?:^|[.;,]\s*|\n)" + _DATE.format("lead_date") + r",?\s*)?"
    r"(?P<issuer>[^\W\d_][^,.;:()\"“”\n]{1,110}?)\s+(?:(?:đã|vừa|mới|cũng)\s+)*"
    r"(?:ban hành|có|ký|phát hành|gửi)\s+(?=(?:" + _KINDS + r")\b)",
    re.IGNORECASE,
)
_ASKED_BY = re.compile(
    r"(?:yêu cầu|chỉ đạo|đề nghị)\s+của\s+(?P<owner>[^\W\d_][^,.;:()\"“”\n–-]{1,100}?)"
    r"(?=\s*(?:[-–,.;]|\s+đối với|\s+gửi))"
)
_ASKER = re.compile(
    r"(?:^|,\s*|\.\s+)(?P<owner>[^\W\d_][^,.;:()\"“”\n]{1,80}?)\s+(?:đã\s+|vừa\s+)?(?:yêu cầu|chỉ đạo|đề nghị)\s"
)
_SIGNED = re.compile(
    r"\b(?:ông|bà|đồng chí)\s+(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){1,4}?)\s*[-–,]\s*"
    r"(?P<title>[^,.;()\n]{3,80}?)\s+(?:(?:đã|vừa)\s+)?ký\b",
)
_ABOUT = re.compile(r"^\s*(?:,\s*)?(?:ngày[^,]{0,30},?\s*)?về\s+(?:việc\s+)?(?P<subject>[^.;\n]{8,300})")
_ASKS = re.compile(
    r"^[^.;\n]{0,80}?\b(?:yêu cầu|chỉ đạo|đề nghị)\s+(?P<subject>[^.;\n]{8,300})", re.IGNORECASE,
)
_KIND_ABOUT = re.compile(r"(?:^|\.\s+)(?:" + _KINDS + r")\s+về\s+việc\s+(?P<subject>[^.;\n]{8,300})", re.IGNORECASE)
_CITING = re.compile(r"(?:thực hiện|theo|triển khai|tiếp theo|căn cứ vào)\s+$", re.IGNORECASE)
_ISSUER_LEADS = re.compile(r"^(?:theo đó|cụ thể|đồng thời|ngoài ra|riêng|trong đó|vì vậy)\s*,?\s*", re.IGNORECASE)
_ROLE = re.compile(r"^(?:phó\s+)?(?:chủ tịch|giám đốc|cục trưởng|trưởng ban|bí thư|thủ trưởng)\s+", re.IGNORECASE)
_TRAILING_STAMP = re.compile(r"\s*\(\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\s*\)\s*$")
_DEMANDS = re.compile(whole_words(vocab.ARTICLE_DEMANDS))
_LEVEL_WORDS = frozenset(level.split()[-1] for level in vocab.PLACE_LEVELS)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_SPACES = re.compile(r"\s+")
_TITLE_GAP = 3
_MAX_TITLE = 300
_MAX_ISSUER_WORDS = 14


@dataclass(frozen=True)
class Article:
    """What an article states about the document it reports; ``lead`` is the index of its lead line."""

    lead: int
    title: str | None
    number: str | None
    issuer: str | None
    date: date | None
    subject: str | None
    signer: str | None


def read_article(lines: Sequence[str], year: int | None) -> Article | None:
    """The reported document, or None when no line reports one; ``year`` completes a year-less date."""
    for by_request in (False, True):
        for index, line in enumerate(lines):
            article = _reported(lines, index, year, by_request) if line else None
            if article is not None:
                return article
    return None


def text_year(text: str, published: date | None) -> int | None:
    """The year a text states (the page's date first, else the first year written in it)."""
    if published is not None:
        return published.year
    found = _YEAR.search(text)
    return int(found.group()) if found else None


def _reported(lines: Sequence[str], index: int, year: int | None, by_request: bool) -> Article | None:
    """Read line ``index`` as a lead naming a document (or, ``by_request``, only who asks); else None."""
    lead = lines[index]
    mention = None if by_request else _issued_mention(lead) or _first_mention(lines, index)
    asker = (_ASKED_BY.search(lead) or _ASKER.search(lead)) if by_request else None
    if mention is None and asker is None:
        return None
    title = _title(lines, index)
    if mention is None:
        issuer = _issuer(asker.group("owner"))  # type: ignore[union-attr]
        return Article(index, title, None, issuer, None, title, None) if issuer else None
    match, issuing = mention
    signed = _SIGNED.search(lead[:match.start()])
    issuer = _issuer(issuing.group("issuer")) if issuing else None
    if signed is not None:
        issuer = _issuer(_ROLE.sub("", signed.group("title")))
    issuer = issuer or _issuer(match.group("owner") or "")
    signer = signed.group("name") if signed and is_name(signed.group("name")) else None
    if issuer and signer is None:
        issuer, signer = _person_after_title(issuer)
    number = _SPACES.sub("", match.group("number") or match.group("bare") or "") or None
    when = match.group("when") or (issuing.group("lead_date") if issuing else None)
    subject = title or _subject(lead, match)
    return Article(index, title, number, issuer, _date(when, year), subject, signer)


def _issued_mention(lead: str) -> tuple[re.Match[str], re.Match[str] | None] | None:
    """A document the lead says someone issued ("... ban hành Công văn số ...")."""
    for issuing in _ISSUING.finditer(lead):
        match = _MENTION.match(lead, issuing.end())
        if match is not None:
            return match, issuing
    signed = _SIGNED.search(lead)
    if signed is not None:
        match = _MENTION.search(lead, signed.end())
        if match is not None:
            return match, None
    return None


def _first_mention(lines: Sequence[str], index: int) -> tuple[re.Match[str], None] | None:
    """The first document the lead line names, unless it is cited as background; the article must
    then report demands ("yêu cầu", "chỉ đạo", "đề nghị") or numbered items."""
    line = lines[index]
    match = _MENTION.search(line)
    if match is None or _CITING.search(line[:match.start()]):
        return None
    rest = lines[index:]
    if not any(_DEMANDS.search(fold_chars(part)) or marker(part) for part in rest):
        return None
    return match, None


def _title(lines: Sequence[str], lead: int) -> str | None:
    """The headline: the content line just above the lead, without a trailing posting date."""
    for index in range(lead - 1, max(-1, lead - 1 - _TITLE_GAP), -1):
        line = lines[index]
        if line:
            return _TRAILING_STAMP.sub("", line) if len(line) <= _MAX_TITLE and not line.endswith(":") else None
    return None


def _subject(lead: str, match: re.Match[str]) -> str | None:
    """What the reported document is about: "... về việc X", "... yêu cầu X" or a "Thông báo về việc X"."""
    rest = lead[match.end():]
    found = _ABOUT.match(rest) or _ASKS.match(rest) or _KIND_ABOUT.search(rest)
    return found.group("subject").strip() if found else None


def _issuer(text: str) -> str | None:
    """An issuing body's name: capitalised, short, without a leading "Theo đó," or trailing "vừa"."""
    name = _ISSUER_LEADS.sub("", text.strip())
    words = name.split()
    if not words or not words[0][0].isupper() or len(words) > _MAX_ISSUER_WORDS:
        return None
    return name


def _person_after_title(issuer: str) -> tuple[str, str | None]:
    """"Thủ tướng Chính phủ Phạm Minh Chính" is the title and who signed; "UBND tỉnh Kon Tum" stays whole:
    the trailing capitalised words are a person when they name no place and follow no level word
    (a three-word name may follow one: "Chủ tịch UBND tỉnh Nguyễn Văn An")."""
    words = issuer.split()
    for size in (4, 3, 2):
        name = " ".join(words[-size:])
        if len(words) - size < 2 or not is_name(name):
            continue
        after_level = fold_chars(words[-size - 1]) in _LEVEL_WORDS
        place = catalog().named(name) is not None or bool(catalog().search(name))
        if not place and (size >= 3 or not after_level):
            return " ".join(words[:-size]), name
    return issuer, None


def _date(text: str | None, year: int | None) -> date | None:
    """A date written "12/9/2021", "29 tháng 8 năm 2025" or, with the text's year, "18/02"."""
    if not text:
        return None
    parts = re.findall(r"\d+", text)
    if len(parts) == 2 and year is not None:
        parts.append(str(year))
    return day_month_year(*parts[:3]) if len(parts) >= 3 else None
