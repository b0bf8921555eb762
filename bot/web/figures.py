"""The overview's figures for one area, counted in their own transaction and kept for a minute.

Counting a whole country of declarations takes a few hundred milliseconds, so each area's figures are counted
once a minute at most: concurrent viewers of the same area wait for one count, and once figures exist a
viewer gets them at once while a newer count runs (they are never more than two counting periods old).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from bot.settings import Settings
from handlers.areas import catalog
from storage import listing, monitoring, overview
from storage.db import Database
from storage.statistics import day_start
from storage.upsert import Executor

log = logging.getLogger(__name__)
PERIODS = (1, 7, 30)
FRESH = timedelta(minutes=1)
KEEP = 2000  # areas and periods remembered before old ones are forgotten

Key = tuple[str | None, int, date]


@dataclass(frozen=True)
class Figures:
    """An area's counts: by level per period, the other figures, and per commune (or province) rows."""

    counted_at: datetime
    periods: dict[int, dict[str, int]]
    figures: dict[str, Any]
    table: list[dict[str, Any]]


def last_slot(now: datetime, settings: Settings) -> datetime:
    """The latest monitoring slot already past (yesterday's last one before today's first)."""
    local = now.astimezone(settings.zone)
    slots = [local.replace(hour=slot.hour, minute=slot.minute, second=0, microsecond=0)
             for slot in settings.slot_times]
    past = [slot for slot in slots if slot <= local]
    return max(past) if past else max(slots) - timedelta(days=1)


def _in(area: str | None, commune: str) -> bool:
    if area is None:
        return True
    if len(area) == 5:
        return commune == area
    found = catalog().by_code.get(commune)
    return found is not None and found.province_code == area


def _rate(red: int, people: int) -> float:
    return round(red * 10_000 / people, 1) if people else 0.0


async def count(executor: Executor, settings: Settings, now: datetime, area: str | None, days: int) -> Figures:
    """The area's figures now; the table (over the last ``days``) for a province or everywhere."""
    zone = settings.zone
    today = now.astimezone(zone).date()
    end = day_start(today + timedelta(days=1), zone)
    starts = {period: day_start(today - timedelta(days=period - 1), zone) for period in PERIODS}
    periods = await overview.period_counts(executor, area, starts, end)
    missed_by_commune = await monitoring.missed_counts(executor, last_slot(now, settings))
    monitored = await overview.monitored(executor, area)
    alerts = await overview.open_alerts(executor, area)
    figures = {
        "monitoring": sum(monitored.values()), "alerts": sum(alerts.values()),
        "missed": sum(number for commune, number in missed_by_commune.items() if _in(area, commune)),
        "rounds": await listing.round_counts(executor, area, starts[7], end, now),
    }
    table: list[dict[str, Any]] = []
    if area is None or len(area) == 2:
        table = await _table(executor, area, starts[days], end, monitored, alerts, missed_by_commune)
    return Figures(now, periods, figures, table)


async def _table(executor: Executor, area: str | None, start: datetime, end: datetime, monitored: dict[str, int],
                 alerts: dict[str, int], missed_by_commune: dict[str, int]) -> list[dict[str, Any]]:
    """One row per commune of the province (per province everywhere), every one listed."""
    levels = await overview.level_breakdown(executor, area, start, end)
    people = await overview.residents(executor, area)
    if area is None:
        codes = [unit.code for unit in catalog().by_code.values() if unit.level == "province"]
        missed: dict[str, int] = {}
        for commune, number in missed_by_commune.items():
            unit = catalog().by_code.get(commune)
            if unit:
                missed[unit.province_code] = missed.get(unit.province_code, 0) + number
    else:
        codes = [unit.code for unit in catalog().all_communes if unit.province_code == area]
        missed = missed_by_commune
    rows = []
    for code in codes:
        counts = levels.get(code, {"red": 0, "yellow": 0, "green": 0})
        rows.append({
            "code": code, "name": catalog().by_code[code].name, "total": sum(counts.values()), "red": counts["red"],
            "yellow": counts["yellow"], "green": counts["green"], "people": people.get(code, 0),
            "rate": _rate(counts["red"], people.get(code, 0)), "monitoring": monitored.get(code, 0),
            "missed": missed.get(code, 0), "alerts": alerts.get(code, 0),
            "href": "/web/?" + urlencode({"area": code}) if area is None else
            "/web/declarations?" + urlencode({"commune": code}),
        })
    return rows


@dataclass
class RecentFigures:
    """Figures by (area, days, local date): one count at a time per key, kept FRESH; stale ones are served
    while a count in its own transaction replaces them."""

    db: Database
    settings: Settings
    kept: dict[Key, Figures] = field(default_factory=dict)
    counting: dict[Key, asyncio.Future[Figures]] = field(default_factory=dict)

    async def get(self, executor: Executor, area: str | None, days: int, now: datetime) -> Figures:
        """The figures, counted in the caller's transaction when none are known yet."""
        key = (area, days, now.astimezone(self.settings.zone).date())
        known = self.kept.get(key)
        if known is not None and now - known.counted_at < FRESH:
            return known
        running = self.counting.get(key)
        if running is not None:
            return known if known is not None else await asyncio.shield(running)
        if known is not None:
            self._start(key, asyncio.ensure_future(self._recount(key, now)))
            return known
        future: asyncio.Future[Figures] = asyncio.get_running_loop().create_future()
        self._start(key, future)
        try:
            figures = await count(executor, self.settings, now, area, days)
        except BaseException as error:
            future.set_exception(error)
            raise
        self._keep(key, figures, now)
        future.set_result(figures)
        return figures

    def _start(self, key: Key, future: asyncio.Future[Figures]) -> None:
        self.counting[key] = future

        def done(finished: asyncio.Future[Figures]) -> None:
            self.counting.pop(key, None)
            if not finished.cancelled() and finished.exception() is not None:
                log.warning("counting the overview figures failed", exc_info=finished.exception())

        future.add_done_callback(done)

    async def _recount(self, key: Key, now: datetime) -> Figures:
        async with self.db.transaction() as session:
            figures = await count(session, self.settings, now, key[0], key[1])
        self._keep(key, figures, now)
        return figures

    def _keep(self, key: Key, figures: Figures, now: datetime) -> None:
        if len(self.kept) >= KEEP:
            for old in [old for old, value in self.kept.items() if now - value.counted_at >= FRESH]:
                del self.kept[old]
        self.kept[key] = figures
