"""Declaration counts for officials, always limited in SQL to one province or commune."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, case, func, literal_column, select

from handlers.triage import LEVELS, RED, YELLOW
from storage.models import Declaration
from storage.upsert import Executor

DECLARATION = Declaration.__table__  # type: ignore[attr-defined]


@dataclass
class AreaSummary:
    """An area's declarations today and over the last 7 local days; monitoring figures are set by the caller."""

    area_code: str
    day: date
    today: dict[str, int]
    week: dict[str, int]
    under_monitoring: int = 0
    missed_reports: int = 0

    @property
    def new_red(self) -> int:
        """Red declarations today."""
        return self.today[RED]

    @property
    def new_yellow(self) -> int:
        """Yellow declarations today."""
        return self.today[YELLOW]


def in_area(area_code: str) -> ColumnElement[bool]:
    """The condition keeping declarations of one province (2 digits) or commune (5 digits)."""
    return in_area_column(DECLARATION, area_code)


def in_area_column(table: Any, area_code: str) -> ColumnElement[bool]:
    """The condition keeping rows of ``table`` (with province_code and commune_code) in one province or commune."""
    if not area_code.isdigit() or len(area_code) not in (2, 5):
        raise ValueError(f"not a province or commune code: {area_code!r}")
    column = table.c.province_code if len(area_code) == 2 else table.c.commune_code
    return column == area_code


def created_between(start: datetime, end: datetime) -> list[ColumnElement[bool]]:
    """The conditions keeping declarations created in [start, end)."""
    return [DECLARATION.c.created_at >= utc(start), DECLARATION.c.created_at < utc(end)]


def utc(moment: datetime) -> datetime:
    """An aware moment in UTC (SQLite stores the wall time it is given)."""
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is required")
    return moment.astimezone(UTC)


def zero_counts() -> dict[str, int]:
    """A count of 0 for every risk level."""
    return dict.fromkeys(LEVELS, 0)


def _add_counts(counts: dict[str, int], rows: Iterable[Any]) -> dict[str, int]:
    for level, count in rows:
        counts[level] = counts.get(level, 0) + count
    return counts


async def level_counts(executor: Executor, area_code: str, start: datetime, end: datetime) -> dict[str, int]:
    """Declarations of the area created in [start, end), by risk level."""
    query = (
        select(DECLARATION.c.risk_level, func.count())
        .where(in_area(area_code), *created_between(start, end))
        .group_by(DECLARATION.c.risk_level)
    )
    return _add_counts(zero_counts(), await executor.execute(query))


def last_days(days: int, today_end: datetime, zone: ZoneInfo) -> list[date]:
    """The ``days`` local dates, oldest first, ending with the day that ``today_end`` closes or falls in."""
    last = (utc(today_end) - timedelta(microseconds=1)).astimezone(zone).date()
    return [last - timedelta(days=back) for back in range(days - 1, -1, -1)]


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """The UTC moment a local day begins."""
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)


async def daily_counts(
    executor: Executor, area_code: str, days: int, today_end: datetime, zone: ZoneInfo
) -> list[tuple[date, dict[str, int]]]:
    """Declarations per local day and risk level for the last ``days`` days, up to ``today_end`` (exclusive).

    ``today_end`` is usually now or the next local midnight; one query buckets the rows by UTC day bounds.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    dates = last_days(days, today_end, zone)
    starts = [day_start(day, zone) for day in dates]
    ends = [*starts[1:], utc(today_end)]
    bucket = case(*((DECLARATION.c.created_at < end, literal_column(str(index))) for index, end in enumerate(ends)))
    rows = (
        select(bucket.label("bucket"), DECLARATION.c.risk_level.label("level"))
        .where(in_area(area_code), *created_between(starts[0], today_end))
        .subquery()
    )
    query = select(rows.c.bucket, rows.c.level, func.count()).group_by(rows.c.bucket, rows.c.level)
    counts = [zero_counts() for _ in dates]
    for index, level, count in await executor.execute(query):
        counts[index][level] = count
    return list(zip(dates, counts, strict=True))


async def commune_breakdown(
    executor: Executor, province_code: str, start: datetime, end: datetime
) -> list[tuple[str, dict[str, int]]]:
    """Declarations of a province's communes in [start, end) by risk level, most red then yellow first."""
    if len(province_code) != 2:
        raise ValueError(f"not a province code: {province_code!r}")
    query = (
        select(DECLARATION.c.commune_code, DECLARATION.c.risk_level, func.count())
        .where(in_area(province_code), DECLARATION.c.commune_code.is_not(None), *created_between(start, end))
        .group_by(DECLARATION.c.commune_code, DECLARATION.c.risk_level)
    )
    communes: dict[str, dict[str, int]] = {}
    for commune, level, count in await executor.execute(query):
        communes.setdefault(commune, zero_counts())[level] = count
    return sorted(communes.items(), key=lambda item: (-item[1][RED], -item[1][YELLOW], -sum(item[1].values()), item[0]))


async def area_summary(executor: Executor, area_code: str, now: datetime, zone: ZoneInfo) -> AreaSummary:
    """The area's declarations by risk level on the local day of ``now`` and over the 7 days ending with it."""
    day = utc(now).astimezone(zone).date()
    week = await daily_counts(executor, area_code, 7, day_start(day + timedelta(days=1), zone), zone)
    totals = zero_counts()
    for _, counts in week:
        _add_counts(totals, counts.items())
    return AreaSummary(area_code=area_code, day=day, today=week[-1][1], week=totals)
