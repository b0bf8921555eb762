"""Days said relative to today, in Vietnamese without diacritics or in English (folded text).

"3 ngay truoc", "hai hom truoc", "cach day 3 ngay", "2 days ago", "a week ago", "1 tuan truoc", "2 ngay nua",
"in 2 days"; a weekday: "thu 6", "t6", "thu sau tuan truoc", "chu nhat vua roi", "cn tuan nay", "friday",
"last friday", "this friday", "next monday", "thu 2 tuan sau". A bare weekday or "last <weekday>" is the latest
such day before today ("friday" may be today); "<weekday> tuan truoc" is that day of last week (weeks start on
Monday), "tuan nay" of this week, "tuan sau"/"tuan toi" of next week; "next <weekday>" the first one after today.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from handlers.matching.vocabulary import NUMBER_WORDS, NUMBER_WORDS_EN

_COUNT = {**{w: n for w, n in NUMBER_WORDS.items() if n > 0}, **{w: n for w, n in NUMBER_WORDS_EN.items() if n > 0},
          "a": 1, "an": 1, "mot": 1}
_UNITS = {"ngay": 1, "hom": 1, "bua": 1, "day": 1, "days": 1, "tuan": 7, "week": 7, "weeks": 7}
_AGO = ("truoc", "ago", "roi", "truoc day", "trc", "before")
_AHEAD = ("nua", "sau", "toi", "later", "from now")
_LEAD = ("cach day", "cach", "khoang", "about", "around", "in", "on", "vao", "luc", "tu", "hon")

# Monday is 0, as in date.weekday().
_WEEKDAYS = {
    **{f"thu {word}": n for n, words in enumerate((("2", "hai"), ("3", "ba"), ("4", "tu", "bon"), ("5", "nam"),
                                                   ("6", "sau"), ("7", "bay"))) for word in words},
    **{f"t{n + 2}": n for n in range(6)},
    "chu nhat": 6, "cn": 6,
    **{name: n for n, names in enumerate((("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
                                          ("thursday", "thu", "thur", "thurs"), ("friday", "fri"),
                                          ("saturday", "sat"), ("sunday", "sun"))) for name in names},
}
_WEEKDAY = "|".join(sorted((re.escape(name) for name in _WEEKDAYS), key=len, reverse=True))
_WEEK_WORDS = {"tuan truoc": -1, "tuan roi": -1, "tuan vua roi": -1, "last week": -1, "tuan nay": 0,
               "this week": 0, "tuan sau": 1, "tuan toi": 1, "next week": 1}
_BEFORE_WEEKDAY = {"last": "last", "this": "this", "next": "next", "on": "", "vao": "", "hom": "", "ngay": ""}
_AFTER_WEEKDAY = {"vua roi": "last", "vua qua": "last", "truoc": "last", "roi": "last", "nay": "this",
                  "toi": "next", "sau": "next"}
_NUMBER = "|".join(sorted(map(re.escape, _COUNT), key=len, reverse=True))
_SPAN = re.compile(
    rf"^(?:(?P<lead>{'|'.join(_LEAD)}) )?(?P<count>[0-9]{{1,2}}|{_NUMBER}) (?P<unit>{'|'.join(_UNITS)})"
    rf"(?: (?P<way>{'|'.join(sorted(_AGO + _AHEAD, key=len, reverse=True))}))?$"
)
_DAY_NAME = re.compile(
    rf"^(?:(?P<before>{'|'.join(_BEFORE_WEEKDAY)}) )?(?P<day>{_WEEKDAY})"
    rf"(?: (?P<week>{'|'.join(sorted(_WEEK_WORDS, key=len, reverse=True))})"
    rf"|(?: (?P<after>{'|'.join(sorted(_AFTER_WEEKDAY, key=len, reverse=True))})))?$"
)


def relative_day(words: str, today: date) -> date | None:
    """The day ``words`` (folded, single spaces) names relative to ``today``, or None when they name none."""
    words = re.sub(r"( (?:a|ah|nhe|nha|nhi))+$", "", words)
    words = re.sub(r"^(?:sang|trua|chieu|toi|dem|morning|evening|afternoon) (?=\S+ \S|\S+$)", "", words)
    span = _SPAN.match(words)
    if span:
        count = span["count"]
        days = (int(count) if count.isdigit() else _COUNT[count]) * _UNITS[span["unit"]]
        way = span["way"]
        if way is None:  # "3 ngay" alone says nothing of the direction; "cach day 3 ngay" is past, "in 2 days" ahead
            if span["lead"] not in ("in", "cach day", "cach"):
                return None
            return today + timedelta(days=days if span["lead"] == "in" else -days)
        return today + timedelta(days=days if way in _AHEAD else -days)
    named = _DAY_NAME.match(words)
    if not named:
        return None
    weekday = _WEEKDAYS[named["day"]]
    if named["week"]:
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=_WEEK_WORDS[named["week"]])
        return monday + timedelta(days=weekday)
    which = _AFTER_WEEKDAY.get(named["after"] or "") or _BEFORE_WEEKDAY.get(named["before"] or "", "")
    back = (today.weekday() - weekday) % 7
    if which == "next":
        return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    if which == "this":  # the one of this week
        return today - timedelta(days=today.weekday()) + timedelta(days=weekday)
    if which == "last":
        return today - timedelta(days=back or 7)
    return today - timedelta(days=back)
