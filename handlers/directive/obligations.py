"""Reporting duties in a directive: who reports to whom, daily, weekly, monthly or by a date."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from handlers.directive import vocabulary as vocab
from handlers.directive.dates import day_month_year
from handlers.directive.model import Cadence, Obligation
from handlers.directive.sentences import clauses, sentences, without_bullet
from handlers.directive.text import fold_chars, is_acronym, whole_words

_REPORT = re.compile(whole_words(vocab.REPORT_TERMS))
_DAILY = re.compile(whole_words(vocab.DAILY_TERMS))
_WEEKLY = re.compile(whole_words(vocab.WEEKLY_TERMS))
_MONTHLY = re.compile(whole_words(vocab.MONTHLY_TERMS))
_YEARLY = re.compile(whole_words(vocab.YEARLY_TERMS))
_EVENT = re.compile(whole_words(vocab.EVENT_TERMS))
_TIME = re.compile(
    r"\b(?:" + "|".join(vocab.TIME_LEADS) + r")\s+(?:luc\s+)?(?P<hour>\d{1,2})\s*(?:gio|h|:)\s*(?P<minute>\d{2})?"
)
_YEAR_DAY = re.compile(
    r"\bngay\s+(?P<day>\d{1,2})\s*(?:thang\s+|[/.-]\s*)(?P<month>\d{1,2})\b(?!\s*[/.-]\s*\d)(?!\s+nam\s+\d)"
)
_WEEKDAY = re.compile(r"\bthu\s+(?P<day>[2-7]|" + "|".join(vocab.WEEKDAY_NAMES) + r")\b|\b" + vocab.SUNDAY + r"\b")
_MONTH_DAY = re.compile(r"\bngay\s+(?P<day>\d{1,2})\s+" + whole_words(vocab.MONTHLY_TERMS))
_LOOSE_MONTH_DAY = re.compile(r"\bngay\s+(?P<day>\d{1,2})\b(?!\s*[/.-]\s*\d)(?!\s+thang\s+\d)")
_DEADLINE = re.compile(
    r"\b(?:" + "|".join(re.escape(term) for term in vocab.DEADLINE_LEADS) + r")\s+"
    r"(?:\d{1,2}\s*(?:h|gio)\s*(?:\d{2})?\s*(?:phut|')?\s*,?\s*)?(?:ngay\s+)?"
    r"(?P<day>\d{1,2})\s*(?:[/.-]\s*(?P<month>\d{1,2})(?:\s*[/.-]\s*(?P<year>\d{4}))?"
    r"|\s+thang\s+(?P<word_month>\d{1,2})(?:\s+nam\s+(?P<word_year>\d{4}))?)"
)
_REPORTER_LEAD = re.compile(r"(?:" + "|".join(vocab.REPORTER_LEADS) + r")\s+")
_ADVERBIAL = re.compile(r"(?:dinh ky\s+)?(?:(?:hang|moi)\s+(?:ngay|tuan|thang)|truoc[^,]{0,40})\s*,\s*")
_REPORTER_STOP = re.compile(
    whole_words(vocab.REPORTER_STOPS)
    + "|" + "".join(rf"(?<!\b{marker} )" for marker in vocab.NOUN_MARKERS) + rf"\b{vocab.ORGANISE}\b"
)
_RECIPIENT_STOP = re.compile(whole_words(vocab.RECIPIENT_STOPS))
_SEND = re.compile(whole_words(vocab.SEND_LEADS) + r"\s+")
_ORGANISATION_HEADS = tuple(head + " " for head in vocab.ORGANISATION_HEADS)
_WORD = re.compile(r"\S+")
_MAX_NAME_WORDS = 15
_ROLL_OVER = timedelta(days=60)
_MAX_RECIPIENT_WORDS = 32


@dataclass(frozen=True)
class _Dating:
    """What completes a deadline written without its year."""

    year: int | None
    issued: date | None


@dataclass(frozen=True)
class Block:
    """Lines read together; ``heading`` is the body a numbered item is addressed to, if any."""

    heading: str | None
    lines: Sequence[str]


def find_obligations(
    blocks: Iterable[Block], year: int | None, addressees: str | None = None, issued: date | None = None
) -> tuple[Obligation, ...]:
    """Every reporting duty with a cadence or a deadline; ``year`` completes dates without one (the next
    year when the date would fall well before the document's ``issued`` date: "trước ngày 15/01" in a
    December letter). A duty with no subject in its sentence or item falls to ``addressees``."""
    dating = _Dating(year, issued)
    found: dict[Obligation, None] = {}
    for block in blocks:
        for line in block.lines:
            if _REPORT.search(fold_chars(line)) is None:
                continue
            for sentence in sentences(without_bullet(line)):
                for obligation in _in_sentence(sentence, block.heading or addressees, dating):
                    found.setdefault(obligation)
    return tuple(found)


def _in_sentence(sentence: str, heading: str | None, year: _Dating) -> list[Obligation]:
    """The duties a sentence states, one per cadence found in a clause that mentions reporting."""
    duties: list[Obligation] = []
    reporter = _reporter(sentence) or heading
    for clause in clauses(sentence):
        folded = fold_chars(clause)
        if _REPORT.search(folded) is None:
            continue
        recipient = _recipient(clause, folded)
        time = _time(folded)
        found = _cadences(folded, year)
        for cadence, weekday, day_of_month, due, month in found:
            duties.append(Obligation(cadence, sentence, weekday, day_of_month, due, reporter, recipient, month, time))
        if not found and _EVENT.search(folded):
            duties.append(Obligation(Cadence.EVENT, sentence, reporter=reporter, recipient=recipient))
    return duties


_Found = tuple[Cadence, int | None, int | None, date | None, int | None]


def _cadences(folded: str, year: _Dating) -> list[_Found]:
    """Each cadence a clause states, with its weekday, day of the month, due date or month; a clause
    that repeats every year has no one-off date ("hằng năm (trước ngày 15 tháng 12)")."""
    found: list[_Found] = []
    if _DAILY.search(folded):
        found.append((Cadence.DAILY, None, None, None, None))
    if _WEEKLY.search(folded):
        found.append((Cadence.WEEKLY, _weekday(folded), None, None, None))
    if _MONTHLY.search(folded):
        found.append((Cadence.MONTHLY, None, _day_of_month(folded), None, None))
    if _YEARLY.search(folded):
        day = _YEAR_DAY.search(folded)
        found.append((Cadence.YEARLY, None, int(day["day"]) if day else None, None, int(day["month"]) if day else None))
        return found
    for deadline in _DEADLINE.finditer(folded):
        if (due := _due_date(deadline, year)) is not None:
            found.append((Cadence.DATED, None, None, due, None))
    return found


def _time(folded: str) -> str | None:
    """The time of day of a deadline ("trước 13 giờ", "vào 15:00", "10h00'") as "HH:MM"."""
    match = _TIME.search(folded)
    if match is None or int(match["hour"]) > 23 or int(match["minute"] or 0) > 59:
        return None
    return f"{int(match['hour']):02d}:{match['minute'] or '00'}"


def _weekday(folded: str) -> int | None:
    """ISO weekday of "thứ 4" / "thứ Tư" (Wednesday, 3) or "chủ nhật" (7)."""
    match = _WEEKDAY.search(folded)
    if match is None:
        return None
    day = match.group("day")
    if day is None:
        return 7
    return int(day) - 1 if day.isdigit() else vocab.WEEKDAY_NAMES[day]


def _day_of_month(folded: str) -> int | None:
    """The day in "trước ngày 25 hàng tháng" (1 to 31)."""
    match = _MONTH_DAY.search(folded) or _LOOSE_MONTH_DAY.search(folded)
    if match is None or not 1 <= int(match.group("day")) <= 31:
        return None
    return int(match.group("day"))


def _due_date(deadline: re.Match[str], dating: _Dating) -> date | None:
    """The date after "trước ngày" / "chậm nhất ngày"; the directive's year when none is written."""
    month = deadline.group("month") or deadline.group("word_month")
    written_year = deadline.group("year") or deadline.group("word_year")
    if month is None or (written_year is None and dating.year is None):
        return None
    if written_year is not None:
        return day_month_year(deadline.group("day"), month, written_year)
    assert dating.year is not None
    due = day_month_year(deadline.group("day"), month, str(dating.year))
    if due is not None and dating.issued is not None and due < dating.issued - _ROLL_OVER:
        return day_month_year(deadline.group("day"), month, str(dating.year + 1))
    return due


def _reporter(sentence: str) -> str | None:
    """The body a sentence makes report: its subject, after "Giao"/"Đề nghị" and a time phrase."""
    folded = fold_chars(sentence)
    start = 0
    for pattern in (_REPORTER_LEAD, _ADVERBIAL):
        match = pattern.match(folded, start)
        start = match.end() if match else start
    stop = _REPORTER_STOP.search(folded, start)
    if stop is None:
        return None
    return _organisation(sentence[start:stop.start()].strip(" ,"))


def heading_reporter(heading: str) -> str | None:
    """An item's first line when it only names a body ("1. Sở Y tế", "a) Bộ trưởng Bộ Y tế:")."""
    heading = heading.rstrip(" :")
    if heading.endswith((".", ";")) or _REPORTER_STOP.search(fold_chars(heading)):
        return None
    return _organisation(heading)


def _organisation(text: str) -> str | None:
    """``text`` when it reads as the name of a body: an organisation word or acronym first, short."""
    words = text.split()
    if not words or len(words) > _MAX_NAME_WORDS or not words[0][0].isupper():
        return None
    head = fold_chars(" ".join(words[:3])) + " "
    if is_acronym(words[0]) or head.startswith(_ORGANISATION_HEADS):
        return text
    return None


def _recipient(clause: str, folded: str) -> str | None:
    """The body reported to: the capitalised name where the report is sent ("gửi về ...", "gửi ..."),
    else after "báo cáo" (or after "cho", "với", "lên" ...)."""
    for send in _SEND.finditer(folded):
        words = list(_WORD.finditer(clause, send.end()))
        if words and words[0].group()[0].isupper():
            return _name_from(clause, words)
    report = _REPORT.search(folded)
    if report is None:
        return None
    words = list(_WORD.finditer(clause, report.end()))
    for position, word in enumerate(words[:8]):
        if word.group()[0].isupper():
            before = fold_chars(words[position - 1].group()) if position else ""
            if position == 0 or before in vocab.RECIPIENT_LEADS:
                return _name_from(clause, words[position:])
        if word.group().endswith((",", ";", ".", ":")):
            return None
    return None


def _name_from(clause: str, words: Sequence[re.Match[str]]) -> str | None:
    """The name starting at the first word, up to a stop word, a bracket or a punctuation mark."""
    end = words[0].start()
    for index, word in enumerate(words[:_MAX_RECIPIENT_WORDS]):
        following = fold_chars(" ".join(match.group() for match in words[index:index + 2]))
        stops = word.group()[0].islower() and _RECIPIENT_STOP.match(following)
        if index and (word.group().startswith("(") or stops):
            break
        end = word.end()
        if word.group().endswith((",", ";", ".", ":", ")")) and not _comma_continues(word.group(), words, index):
            break
    return clause[words[0].start():end].rstrip(" ,;.:)") or None


def _comma_continues(text: str, words: Sequence[re.Match[str]], index: int) -> bool:
    """True for a comma inside a name ("phòng, chống"; "các huyện, thành phố") or between bodies
    ("Văn phòng Chính phủ, Bộ Nông nghiệp và Môi trường"); a colon before their list ("các Bộ: Tài chính")."""
    if index + 1 >= len(words):
        return False
    following = fold_chars(words[index + 1].group())
    if text.endswith(":"):
        return words[index + 1].group()[0].isupper()
    next_body = fold_chars(" ".join(word.group() for word in words[index + 1:index + 4])) + " "
    starts_body = words[index + 1].group()[0].isupper() and next_body.startswith(_ORGANISATION_HEADS)
    return text.endswith(",") and (following in vocab.NAME_COMMA_FOLLOWERS or starts_body)
