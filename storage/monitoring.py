"""Medical monitoring: start it, find who missed a declaration since a slot, end it when its time is up."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, func, insert, select, update

from storage.models import Area, Declaration, Monitoring, Person
from storage.upsert import Executor

MONITORING = Monitoring.__table__  # type: ignore[attr-defined]
DECLARATION = Declaration.__table__  # type: ignore[attr-defined]
PERSON = Person.__table__  # type: ignore[attr-defined]
AREA = Area.__table__  # type: ignore[attr-defined]


async def start(executor: Executor, values: dict[str, Any]) -> int:
    """Put a person under monitoring (person_id, commune_code, declaration_code, starts_at, ends_at, placed_by)."""
    await executor.execute(
        update(MONITORING)
        .where(MONITORING.c.person_id == values["person_id"], MONITORING.c.ended_at.is_(None))
        .values(ended_at=values["starts_at"])
    )
    result = await executor.execute(insert(MONITORING).values(**values).returning(MONITORING.c.id))
    return int(result.scalar_one())


async def end_finished(executor: Executor, now: datetime) -> int:
    """End every monitoring whose time is up; how many ended."""
    result = await executor.execute(
        update(MONITORING).where(MONITORING.c.ended_at.is_(None), MONITORING.c.ends_at <= now).values(ended_at=now)
    )
    return int(result.rowcount)


def _missed(since: datetime) -> Any:
    declared = exists().where(DECLARATION.c.person_id == MONITORING.c.person_id, DECLARATION.c.created_at >= since)
    return and_(MONITORING.c.ended_at.is_(None), MONITORING.c.starts_at <= since, ~declared)


async def missed_since(
    executor: Executor, since: datetime, shown: int = 30
) -> dict[str, tuple[int, list[dict[str, Any]]]]:
    """By commune: how many monitored people have not declared since ``since``, and the first ``shown`` of them."""
    counts = select(MONITORING.c.commune_code, func.count()).where(_missed(since)).group_by(MONITORING.c.commune_code)
    result: dict[str, tuple[int, list[dict[str, Any]]]] = {}
    for commune, number in (await executor.execute(counts)).all():
        names = (
            select(PERSON.c.full_name, PERSON.c.phone)
            .join(MONITORING, PERSON.c.id == MONITORING.c.person_id)
            .where(_missed(since), MONITORING.c.commune_code == commune)
            .order_by(MONITORING.c.id)
            .limit(shown)
        )
        result[commune] = (int(number), [dict(row._mapping) for row in await executor.execute(names)])
    return result


async def count_active(executor: Executor, area_code: str) -> int:
    """People under monitoring now in a commune, or in a province's communes."""
    if len(area_code) == 5:
        condition = MONITORING.c.commune_code == area_code
    else:
        condition = MONITORING.c.commune_code.in_(select(AREA.c.code).where(AREA.c.province_code == area_code))
    query = select(func.count()).where(and_(MONITORING.c.ended_at.is_(None), condition))
    return int((await executor.execute(query)).scalar_one())
