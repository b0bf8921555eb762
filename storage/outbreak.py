"""The outbreak list: areas added with a start date, removed by setting an end date."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import insert, select, update

from handlers.triage import OutbreakArea as ListedArea
from storage.models import OutbreakArea
from storage.upsert import Executor, rows_changed

_TABLE = OutbreakArea.__table__  # type: ignore[attr-defined]


async def add(session: Executor, area_code: str, started_on: date, now: datetime, note: str | None) -> None:
    """Put an area on the list from ``started_on``."""
    await session.execute(
        insert(_TABLE).values(area_code=area_code, started_on=started_on, note=note, created_at=now)
    )


async def remove(session: Executor, area_code: str, ended_on: date) -> int:
    """Take an area off the list from ``ended_on``; the number of entries ended."""
    result = await session.execute(
        update(_TABLE).where(_TABLE.c.area_code == area_code, _TABLE.c.ended_on.is_(None)).values(ended_on=ended_on)
    )
    return rows_changed(result)


async def listed(session: Executor) -> tuple[ListedArea, ...]:
    """Every entry that has not ended, as triage sees them."""
    query = select(_TABLE.c.area_code, _TABLE.c.started_on, _TABLE.c.ended_on).where(_TABLE.c.ended_on.is_(None))
    rows = await session.execute(query.order_by(_TABLE.c.started_on))
    return tuple(ListedArea(code, started, ended) for code, started, ended in rows)
