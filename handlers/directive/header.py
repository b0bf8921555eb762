"""The header block of a directive: issuer, number, place and date, kind title, subject, recipients."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from handlers.directive import vocabulary as vocab
from handlers.directive.dates import first_date
from handlers.directive.items import marker
from handlers.directive.text import fold_chars, is_upper_line, squash, word_count

_NUMBER = re.compile(
    r"(?:Số|SỐ|số)\s*:?\s*(?P<number>\d{1,5})\s*(?P<separator>[-/])\s*"
    r"(?P<symbol>[A-ZĐ][\wĐđ&]*(?:\s*[-/.]\s*[A-ZĐ0-9][\wĐđ&]*)*)"
)
_PLACE_DATE = re.compile(
    r"(?P<place>[a-z][^,\d]{0,40}?),?\s*(?P<date>ngay\s*(?:\d{1,2}\s*)?thang\s*(?:\d{1,2}\s*)?nam\s*\d{4}"
    r"|ngay\s+\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4})\.?"
)
_SUBJECT_PREFIX = re.compile("(?:" + "|".join(map(re.escape, vocab.SUBJECT_PREFIXES)) + r")(?=[\s:])")
_SPACES = re.compile(r"\s+")
MOTTO = re.compile("|".join(r"[\W_]*".join(map(re.escape, motto.replace("-", " ").split())) for motto in vocab.MOTTOS))
_STATE_MOTTOS = re.compile("|".join(
    r"[\W_]*".join(map(re.escape, motto.replace("-", " ").split())) for motto in vocab.MOTTOS[:2]))
_ON_BEHALF_LINE = re.compile(r"(?:T/M|TM|KT|TL|TUQ|Q)[.\s]")
_SYMBOL_PARTS = re.compile(r"[-/.]")
_LEVEL_PREFIXES = tuple(level + " " for level in vocab.PLACE_LEVELS)
_BULLET = re.compile(r"[-–—+•*]\s*(?P<text>.*)")
_TRAILING = re.compile(r"[\s,;.]+$")
_SUBJECT_END = (".", ":", ";")
_MAX_TITLE = 300
_MAX_UPPER_WORDS = 20
_MAX_UPPER_LENGTH = 160
_MAX_NUMBER = 40
_MAX_RECIPIENT = 150
_MOTTO_LOOKAHEAD = 3
_ISSUER_TRIM = " _-–—.,;:|*"  # table rules and scan specks beside a header cell
_MAX_HEADER_ABOVE = 8
_MIN_TITLE_WORDS = 4


@dataclass
class _Scan:
    """The header as read so far, and the line being read."""

    lines: Sequence[str]
    index: int = 0
    kind: str | None = None
    number: str | None = None
    code: str | None = None
    place: str | None = None
    date: date | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    issuer_lines: list[str] = field(default_factory=list)
    title_issuer: str | None = None
    after_title: bool = False
    addressed: bool = False


@dataclass(frozen=True)
class Header:
    """What the header states; ``code`` is the number's kind code ("CV" in "2644-CV/TU");
    ``addressed`` marks an official letter (V/v or Kính gửi)."""

    kind: str | None
    number: str | None
    code: str | None
    issuer: str | None
    place: str | None
    date: date | None
    subject: str | None
    recipients: tuple[str, ...]
    addressed: bool
    end: int


def read_header(lines: Sequence[str]) -> Header:
    """Read header lines from the top (or from the issuer beside the national motto, past any page
    wrapper above it) until the first line of the body."""
    scan = _Scan(lines, header_start(lines))
    while scan.index < len(lines) and _read_line(scan):
        pass
    return Header(
        kind=scan.kind,
        number=scan.number,
        code=scan.code,
        issuer=_issuer(scan.issuer_lines) or scan.title_issuer,
        place=scan.place,
        date=scan.date,
        subject=scan.subject,
        recipients=tuple(scan.recipients),
        addressed=scan.addressed,
        end=scan.index,
    )


def header_start(lines: Sequence[str]) -> int:
    """Where the document's own header starts: the issuer lines beside the first national motto."""
    for index in range(len(lines)):
        window = fold_chars(" ".join(lines[index:index + _MOTTO_LOOKAHEAD]))
        if _STATE_MOTTOS.search(window) and _motto_starts(lines, index):
            start = index
            while start > 0 and index - start < _MAX_HEADER_ABOVE and _is_header_line(lines[start - 1]):
                start -= 1
            while start < index and not lines[start]:
                start += 1
            return start
    return 0


def _motto_starts(lines: Sequence[str], index: int) -> bool:
    """True when the motto begins on line ``index`` (not only on a later line of the window)."""
    window = fold_chars(" ".join(lines[index:index + _MOTTO_LOOKAHEAD]))
    found = _STATE_MOTTOS.search(window)
    return found is not None and found.start() < len(lines[index])


def _is_header_line(line: str) -> bool:
    """A line that a header's left column holds above the motto: issuer, number or V/v subject."""
    folded = fold_chars(line)
    return not line or _is_issuer_line(line) or _NUMBER.match(line) is not None or (
        _SUBJECT_PREFIX.match(folded) is not None)


def _is_issuer_line(line: str) -> bool:
    """An upper-case line short enough to name the issuing body."""
    return is_upper_line(line) and word_count(line) <= _MAX_UPPER_WORDS and marker(line) is None


def _read_line(scan: _Scan) -> bool:
    """Consume one header line (with its continuations); False at the first body line."""
    line = _without_mottos(scan.lines[scan.index])
    if line and marker(line) is not None:
        return False
    if not line or any(read(scan, line) for read in _READERS):
        scan.index += 1
        return True
    return False


def _without_mottos(line: str) -> str:
    """The line without the national or party motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")."""
    folded = fold_chars(line)
    for found in MOTTO.finditer(folded):
        blank = " " * (found.end() - found.start())
        line = line[:found.start()] + blank + line[found.end():]
        folded = folded[:found.start()] + blank + folded[found.end():]
    rest = squash(folded).strip(" -")
    if rest and is_upper_line(line) and any(f" {rest} " in f" {motto} " for motto in vocab.MOTTOS):
        return ""
    return squash(line)


def _number(scan: _Scan, line: str) -> bool:
    """"Số 2644 - CV/TU" gives "2644-CV/TU"; a place and date may follow on the same line."""
    match = _NUMBER.match(line)
    if match is None or scan.number is not None or len(match.group()) > _MAX_NUMBER:
        return False
    symbol = _SPACES.sub("", match["symbol"])
    scan.number = match["number"] + match["separator"] + symbol
    scan.code = _SYMBOL_PARTS.split(symbol, 1)[0]
    _place_date(scan, line[match.end():].strip())
    return True


def _place_date(scan: _Scan, line: str) -> bool:
    """"Ninh Bình, ngày 29 tháng 7 năm 2020" gives the place and the date, even over two lines."""
    if scan.place is not None or not line[:1].isupper():
        return False
    match = _PLACE_DATE.fullmatch(fold_chars(line))
    following = scan.lines[scan.index + 1] if scan.index + 1 < len(scan.lines) else ""
    if match is None and following and len(line) <= _MAX_NUMBER:
        match = _PLACE_DATE.fullmatch(fold_chars(f"{line} {following}"))
        if match is not None:
            line = f"{line} {following}"
            scan.index += 1
    if match is None:
        return False
    scan.place = line[: match.end("place")]
    scan.date = first_date(match["date"])
    return True


def _kind_title(scan: _Scan, line: str) -> bool:
    """A kind title ("CHỈ THỊ"); upper-case text after it is the issuer ("CỦA ...") or subject."""
    found = _named_kind(line)
    if found is None or scan.kind is not None:
        return False
    scan.kind, rest = found
    scan.after_title = True
    if rest and not _issuer_of(scan, rest):
        scan.subject = rest
    return True


def _named_kind(line: str) -> tuple[str, str] | None:
    """The kind a title line names and the text after the name, or None."""
    folded = fold_chars(line).rstrip(":. ")
    for kind in vocab.KINDS:
        name = fold_chars(kind.name)
        if folded == name or (is_upper_line(line) and folded.startswith(name + " ")):
            return kind.name, line[len(name):].strip(" :")
    return None


def _issuer_of(scan: _Scan, line: str) -> bool:
    """"CỦA BAN THƯỜNG VỤ TỈNH ỦY" under the title names the issuer."""
    folded = fold_chars(line)
    taken = scan.title_issuer is not None or len(line) > _MAX_UPPER_LENGTH
    if not scan.after_title or taken or not folded.startswith(vocab.ISSUER_LEAD + " "):
        return False
    scan.title_issuer = line[len(vocab.ISSUER_LEAD) + 1:].strip()
    return True


def _subject(scan: _Scan, line: str) -> bool:
    """"V/v ..." or "Về việc ...", or the title line under the kind, with continuation lines."""
    prefixed = _SUBJECT_PREFIX.match(fold_chars(line)) is not None
    titled = scan.after_title and len(line) <= _MAX_TITLE and not line.endswith(_SUBJECT_END)
    if not (prefixed or titled) or (scan.subject is not None and not prefixed):
        return False
    parts = [line]
    upper = is_upper_line(line)
    while scan.index + 1 < len(scan.lines) and _continues(scan.lines[scan.index + 1], upper):
        scan.index += 1
        parts.append(scan.lines[scan.index])
    scan.subject = squash(" ".join(parts))
    scan.addressed = scan.addressed or (prefixed and not scan.after_title)
    return True


def _continues(line: str, upper: bool) -> bool:
    """A wrapped subject goes on with a line starting in lower case, or in capitals after capitals."""
    if not line or marker(line) is not None:
        return False
    capitals = upper and _is_issuer_line(line) and _named_kind(line) is None and not _ON_BEHALF_LINE.match(line)
    return line[0].islower() or capitals


def _recipients(scan: _Scan, line: str) -> bool:
    """"Kính gửi: ..." (or a Công điện's "... ĐIỆN:") with recipients inline, as bullets or short lines."""
    folded = fold_chars(line)
    wire_at = max(folded.rfind(ending) for ending in vocab.WIRE_ENDINGS)
    by_wire = folded.endswith(vocab.WIRE_ENDINGS) and is_upper_line(line[:wire_at])
    if not (folded.startswith(vocab.RECIPIENT_MARKERS) or by_wire):
        return False
    if by_wire and scan.title_issuer is None and not scan.issuer_lines:
        scan.title_issuer = line[:wire_at].strip()
    if not by_wire:
        inline = line.split(":", 1)[1] if ":" in line else line[len(vocab.RECIPIENT_MARKERS[0]):]
        scan.recipients.extend(filter(None, (_TRAILING.sub("", part.strip()) for part in inline.split(";"))))
    scan.addressed = True
    plain_allowed = not scan.recipients
    while scan.index + 1 < len(scan.lines):
        following = scan.lines[scan.index + 1]
        recipient = _recipient(following, plain_allowed)
        if recipient is None and (following or scan.recipients):
            break
        scan.index += 1
        if recipient is not None:
            scan.recipients.append(recipient)
            if following.endswith(".") and _BULLET.fullmatch(following) is None:
                break
    return True


def _recipient(line: str, plain_allowed: bool) -> str | None:
    """A recipient on its own line: a bullet, or (when allowed) a short line ending in , ; or ."""
    bullet = _BULLET.fullmatch(line)
    if bullet is not None:
        return _TRAILING.sub("", bullet["text"]) or None
    plain = plain_allowed and len(line) <= _MAX_RECIPIENT and line.endswith((",", ";", "."))
    if not plain or marker(line) is not None:
        return None
    return _TRAILING.sub("", line) or None


def _upper(scan: _Scan, line: str) -> bool:
    """An upper-case line: the issuer when above number, date and title; otherwise furniture."""
    if not is_upper_line(line) or word_count(line) > _MAX_UPPER_WORDS or len(line) > _MAX_UPPER_LENGTH:
        return False
    if not (scan.after_title or scan.number or scan.place or scan.date):
        scan.issuer_lines.append(line.strip(_ISSUER_TRIM))
    elif scan.subject is None and scan.place and word_count(line) >= _MIN_TITLE_WORDS:
        scan.after_title = True
        return _subject(scan, line)
    return True


def _issuer(lines: Sequence[str]) -> str | None:
    """Join "ỦY BAN NHÂN DÂN" + "TỈNH HƯNG YÊN"; a line naming a body of its own replaces the one above."""
    issuer: str | None = None
    for line in lines:
        continues = fold_chars(line).startswith(_LEVEL_PREFIXES)
        issuer = f"{issuer} {line}" if issuer and continues else line
    return issuer


_READERS = (_number, _place_date, _kind_title, _issuer_of, _subject, _recipients, _upper)
