"""Reporting schedules proposed from a directive's duties: when to remind, and how long until it is due."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
REMIND_AT = "16:00"
DAILY_AT = "17:00"


@dataclass(frozen=True)
class Rhythm:
    """A cron-like reminder time with the hours until the report is due."""

    day_of_week: str
    day_of_month: str
    at_time: str
    due_hours: float


def rhythm_for(duty: dict[str, Any]) -> Rhythm | None:
    """The rhythm of one duty (JSON as `khaibao directive parse` prints it); None for a one-off date.

    Daily: remind at 17:00, due the next morning at 08:00. "Before Wednesday every week": remind on
    Tuesday at 16:00, due at midnight. "Before the 25th every month": remind on the 24th at 16:00.
    """
    cadence = duty["cadence"]
    if cadence == "daily":
        return Rhythm("*", "*", DAILY_AT, 15.0)
    if cadence == "weekly" and duty.get("weekday"):
        return Rhythm(DAY_NAMES[(int(duty["weekday"]) - 2) % 7], "*", REMIND_AT, 8.0)
    if cadence == "monthly" and duty.get("day_of_month"):
        day = max(1, int(duty["day_of_month"]) - 1)
        return Rhythm("*", str(day), REMIND_AT, 8.0)
    return None
