"""A news article about a directive: which document it reports, who issued it and when."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from handlers.directive import vocabulary as vocab
from handlers.directive.dates import first_date
from handlers.directive.text import fold_chars, whole_words

_DOCUMENT_WORDS = "|".join(["văn bản"] + [kind.name.lower() for kind in vocab.KINDS])
_ISSUED = re.compile(
    r"(?:(?P<when>ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4})),?\s+)?"
    r"(?P<issuer>[^\W\d_][^,.;:()\"“”\n]{1,119}?)\s+(?:đã\s+)?ban hành\s+(?:(?:" + _DOCUMENT_WORDS + r")\s+)?"
    r"số\s*:?\s*(?P<number>\d{1,5}\s*[-/]\s*[A-ZĐ][\wĐđ]*(?:\s*[-/]\s*[A-ZĐ0-9][\wĐđ]*)*)",
    re.IGNORECASE,
)
_REFERENCE = re.compile(r"\bsố\s*:?\s*\d{1,5}\s*[-/]\s*[A-ZĐ]", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_MAX_NUMBER = 40
_DEMANDS = re.compile(whole_words(vocab.ARTICLE_DEMANDS))


@dataclass(frozen=True)
class Issued:
    """The document an article reports: its number, issuer and date, as far as stated."""

    number: str | None
    issuer: str | None
    date: date | None


def is_about_directive(text: str, has_items: bool) -> bool:
    """True when an article cites a numbered document and reports items or demands."""
    return _REFERENCE.search(text) is not None and (has_items or _DEMANDS.search(fold_chars(text)) is not None)


def issued(text: str) -> Issued:
    """Read "... ngày 24 tháng 3 năm 2020 Tỉnh ủy Kon Tum ban hành văn bản số 1025-CV/TU"."""
    match = _ISSUED.search(text)
    if match is None:
        return Issued(None, None, None)
    number = _SPACES.sub("", match["number"])
    issuer = match["issuer"].strip()
    when = first_date(fold_chars(match["when"])) if match["when"] else None
    return Issued(number if len(number) <= _MAX_NUMBER else None, issuer if issuer[:1].isupper() else None, when)
