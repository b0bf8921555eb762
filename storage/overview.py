"""The web console's overview figures for one area (a province, a commune, or everywhere for admins).

Counts are grouped in SQL by commune (a province's view) or by province (everywhere), so a page costs a
handful of indexed aggregate queries whatever the number of declarations.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select, true

from storage.listing import ALERT, AREA, MONITORING, PERSON, within
from storage.statistics import DECLARATION, created_between, in_area, utc, zero_counts
from storage.upsert import Executor

Counts = dict[str, int]


def _declarations_in(area_code: str | None) -> ColumnElement[bool]:
    return true() if area_code is None else in_area(area_code)


def _group_column(area_code: str | None) -> Any:
    """Declarations grouped by commune inside a province or commune, by province everywhere."""
    return DECLARATION.c.province_code if area_code is None else DECLARATION.c.commune_code


async def period_counts(executor: Executor, area_code: str | None, starts: dict[int, datetime],
                        end: datetime) -> dict[int, Counts]:
    """Declarations of the area by risk level for several periods ending at ``end`` (keyed like ``starts``),
    counted in one pass over the longest period."""
    keys = sorted(starts, key=lambda key: starts[key])
    columns = [func.count().filter(DECLARATION.c.created_at >= utc(starts[key])) for key in keys]
    query = (select(DECLARATION.c.risk_level, *columns)
             .where(_declarations_in(area_code), *created_between(starts[keys[0]], end))
             .group_by(DECLARATION.c.risk_level))
    result = {key: zero_counts() for key in keys}
    for level, *numbers in await executor.execute(query):
        for key, number in zip(keys, numbers, strict=True):
            result[key][level] = int(number)
    return result


async def level_breakdown(executor: Executor, area_code: str | None, start: datetime,
                          end: datetime) -> dict[str, Counts]:
    """Declarations in [start, end) by level for each commune of the area (each province for None)."""
    column = _group_column(area_code)
    query = (select(column, DECLARATION.c.risk_level, func.count())
             .where(_declarations_in(area_code), column.is_not(None), *created_between(start, end))
             .group_by(column, DECLARATION.c.risk_level))
    result: dict[str, Counts] = {}
    for code, level, number in await executor.execute(query):
        result.setdefault(code, zero_counts())[level] = int(number)
    return result


async def _grouped(executor: Executor, column: Any, area_code: str | None, *conditions: Any) -> dict[str, int]:
    """Rows counted by their commune column inside an area, or by the commune's province everywhere."""
    if area_code is None:
        query = (select(AREA.c.province_code, func.count()).join(AREA, AREA.c.code == column).where(*conditions)
                 .group_by(AREA.c.province_code))
    else:
        query = select(column, func.count()).where(within(column, area_code), *conditions).group_by(column)
    return {code: int(number) for code, number in await executor.execute(query) if code}


async def monitored(executor: Executor, area_code: str | None) -> dict[str, int]:
    """People under monitoring now, by commune (by province for None)."""
    return await _grouped(executor, MONITORING.c.commune_code, area_code, MONITORING.c.ended_at.is_(None))


async def open_alerts(executor: Executor, area_code: str | None) -> dict[str, int]:
    """Unacknowledged alerts, by commune (by province for None)."""
    return await _grouped(executor, ALERT.c.commune_code, area_code, ALERT.c.acknowledged_at.is_(None))


async def residents(executor: Executor, area_code: str | None) -> dict[str, int]:
    """Registered residents (who consented), by commune (by province for None): the rate's denominator."""
    return await _grouped(executor, PERSON.c.commune_code, area_code, PERSON.c.consent_at.is_not(None))
