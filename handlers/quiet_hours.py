"""Quiet hours: a daily local time window (possibly across midnight) when non-urgent broadcasts wait."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class QuietHours:
    """From ``start`` to ``end`` local time every day; start == end means never quiet."""

    start: time
    end: time
    zone: ZoneInfo

    @classmethod
    def parse(cls, text: str, zone: ZoneInfo) -> QuietHours:
        """'21:00-07:00' (or '' / 'off' for none)."""
        if text.strip().lower() in ("", "off", "none"):
            return cls(time(0), time(0), zone)
        first, _, second = text.partition("-")
        return cls(time.fromisoformat(first.strip()), time.fromisoformat(second.strip()), zone)

    def active(self, moment: datetime) -> bool:
        """True when ``moment`` (aware) falls in the window."""
        local = moment.astimezone(self.zone).time()
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end
