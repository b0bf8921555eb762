"""The closing blocks of a directive: the distribution list ("Nơi nhận") and the signature."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from handlers.directive import vocabulary as vocab
from handlers.directive.model import Signer
from handlers.directive.text import fold_chars, is_name, is_upper_line, word_count

_ON_BEHALF = re.compile(r"(?:" + "|".join(map(re.escape, vocab.ON_BEHALF_PREFIXES)) + r")(?:\.\s*|\s+)\S.*")
_BULLET = re.compile(r"[-–—+•*]\s*(?P<text>.*)")
_TRAILING = re.compile(r"[\s,;./]+$")
_MAX_TITLE_WORDS = 10
_SHORT_LINE = 160
_MAX_MARKER_WORDS = 12


@dataclass(frozen=True)
class Closing:
    """The distribution list, the signer, and where the first of these blocks starts."""

    distribution: tuple[str, ...]
    signer: Signer | None
    start: int


def read_closing(lines: Sequence[str], begin: int) -> Closing:
    """Find "Nơi nhận" and the signature block at or after line ``begin``."""
    marker_at = next((index for index in range(begin, len(lines)) if _is_distribution(lines[index])), None)
    distribution = _distribution(lines, marker_at) if marker_at is not None else ()
    signer_at, signer = _signature(lines, begin)
    starts = [index for index in (marker_at, signer_at) if index is not None]
    return Closing(distribution, signer, min(starts, default=len(lines)))


def _is_distribution(line: str) -> bool:
    """True for the "Nơi nhận:" line."""
    short = len(line) <= _SHORT_LINE and word_count(line) <= _MAX_MARKER_WORDS
    return short and fold_chars(line).startswith(vocab.DISTRIBUTION_MARKERS)


def _distribution(lines: Sequence[str], marker_at: int) -> tuple[str, ...]:
    """The bullets after "Nơi nhận:" (and any written on the same line)."""
    inline = lines[marker_at].split(":", 1)[1].strip() if ":" in lines[marker_at] else ""
    entries = [_entry(inline)] if inline else []
    for line in lines[marker_at + 1:]:
        bullet = _BULLET.fullmatch(line)
        if bullet is None and (line or entries):
            break
        if bullet is not None:
            entries.append(_entry(line))
    return tuple(filter(None, entries))


def _entry(line: str) -> str:
    """A list entry without its bullet or trailing punctuation."""
    bullet = _BULLET.fullmatch(line)
    return _TRAILING.sub("", bullet["text"] if bullet else line)


def _signature(lines: Sequence[str], begin: int) -> tuple[int | None, Signer | None]:
    """The signature block: "T/M ..." lines, title lines, then the name; or a title over a name at the end."""
    for index in range(begin, len(lines)):
        if is_upper_line(lines[index]) and _ON_BEHALF.fullmatch(lines[index]):
            return index, _signed_on_behalf(lines, index)
    return _signed_in_person(lines, begin)


def _signed_on_behalf(lines: Sequence[str], index: int) -> Signer:
    """Read on-behalf lines, title lines and the name from ``index``."""
    on_behalf: list[str] = []
    while index < len(lines) and is_upper_line(lines[index]) and _ON_BEHALF.fullmatch(lines[index]):
        on_behalf.append(lines[index])
        index += 1
    titles: list[str] = []
    while index < len(lines) and _is_title(lines[index]):
        titles.append(lines[index])
        index += 1
    name = _name_after(lines, index)
    return Signer(", ".join(on_behalf), " ".join(titles) or None, name)


def _signed_in_person(lines: Sequence[str], begin: int) -> tuple[int | None, Signer | None]:
    """A title line over a name ("GIÁM ĐỐC" / "Nguyễn Văn A") anywhere in the closing, page furniture
    after it allowed; else the last name with the last title above it (a layout that put the
    distribution list and a digital signature stamp between them)."""
    content = [index for index in range(begin, len(lines)) if lines[index] and not _is_note(lines[index])]
    for position, index in enumerate(content[:-1]):
        if _is_title(lines[index]) and is_name(lines[content[position + 1]]):
            return index, Signer(None, lines[index], lines[content[position + 1]])
    names = [index for index in content if is_name(lines[index])]
    titles = [index for index in content if _is_title(lines[index]) and names and index < names[-1]]
    if not names or not titles:
        return None, None
    if not any(_is_distribution(lines[index]) for index in content[:content.index(titles[-1])]):
        return None, None
    return titles[-1], Signer(None, lines[titles[-1]], lines[names[-1]])


def _is_title(line: str) -> bool:
    """An upper-case title line such as "PHÓ BÍ THƯ THƯỜNG TRỰC"."""
    return bool(line) and is_upper_line(line) and word_count(line) <= _MAX_TITLE_WORDS and not _is_note(line)


def _name_after(lines: Sequence[str], index: int) -> str | None:
    """The signer's name after blank lines and notes like "(Đã ký)"."""
    while index < len(lines) and (not lines[index] or _is_note(lines[index])):
        index += 1
    return lines[index] if index < len(lines) and is_name(lines[index]) else None


def _is_note(line: str) -> bool:
    """True for "(Đã ký)", "(Ký tên, đóng dấu)", a digital signature's stamp lines and the like."""
    folded = fold_chars(line)
    return len(line) <= _SHORT_LINE and (folded.strip("() .") in vocab.SIGNATURE_NOTES
                                         or folded.startswith(vocab.SIGNATURE_STAMPS))
