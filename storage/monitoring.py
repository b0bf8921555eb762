"""Medical monitoring: start it, find who missed a declaration since a slot, end it when its time is up."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, func, insert, or_, select, update

from storage.models import Area, Declaration, Monitoring, Person
from storage.upsert import Executor, rows_changed

MONITORING = Monitoring.__table__  # type: ignore[attr-defined]
DECLARATION = Declaration.__table__  # type: ignore[attr-defined]
PERSON = Person.__table__  # type: ignore[attr-defined]
AREA = Area.__table__  # type: ignore[attr-defined]


def _subject_of_monitoring() -> Any:
    """The name of whom a monitoring row is for: the subject of the declaration it was placed on (NULL once
    that declaration is anonymised: the monitored person themself)."""
    return select(DECLARATION.c.subject_name).where(DECLARATION.c.code == MONITORING.c.declaration_code)\
        .scalar_subquery()


async def start(executor: Executor, values: dict[str, Any]) -> int:
    """Put a person under monitoring (person_id, commune_code, declaration_code, starts_at, ends_at, placed_by);
    an earlier monitoring of the same subject ends (one declarant may follow themself and family members)."""
    subject = select(DECLARATION.c.subject_name).where(DECLARATION.c.code == values["declaration_code"])
    await executor.execute(
        update(MONITORING)
        .where(MONITORING.c.person_id == values["person_id"], MONITORING.c.ended_at.is_(None),
               _subject_of_monitoring() == subject.scalar_subquery())
        .values(ended_at=values["starts_at"])
    )
    result = await executor.execute(insert(MONITORING).values(**values).returning(MONITORING.c.id))
    return int(result.scalar_one())


async def end_finished(executor: Executor, now: datetime) -> int:
    """End every monitoring whose time is up; how many ended."""
    result = await executor.execute(
        update(MONITORING).where(MONITORING.c.ended_at.is_(None), MONITORING.c.ends_at <= now).values(ended_at=now)
    )
    return rows_changed(result)


def _missed(since: datetime) -> Any:
    subject = _subject_of_monitoring()
    declared = exists().where(DECLARATION.c.person_id == MONITORING.c.person_id, DECLARATION.c.created_at >= since,
                              or_(subject.is_(None), DECLARATION.c.subject_name == subject))
    return and_(MONITORING.c.ended_at.is_(None), MONITORING.c.starts_at <= since, ~declared)


async def active_for_others(executor: Executor) -> list[dict[str, Any]]:
    """Active monitorings placed on a declaration made for someone else: the declarant and the subject's name."""
    query = (
        select(MONITORING.c.person_id, DECLARATION.c.subject_name)
        .join(DECLARATION, DECLARATION.c.code == MONITORING.c.declaration_code)
        .where(MONITORING.c.ended_at.is_(None), DECLARATION.c.for_self.is_(False))
        .order_by(MONITORING.c.id)
    )
    return [dict(row._mapping) for row in await executor.execute(query)]


async def missed_since(
    executor: Executor, since: datetime, shown: int = 30
) -> dict[str, tuple[int, list[dict[str, Any]]]]:
    """By commune: how many monitored people have not declared since ``since``, and the first ``shown`` of them."""
    counts = select(MONITORING.c.commune_code, func.count()).where(_missed(since)).group_by(MONITORING.c.commune_code)
    result: dict[str, tuple[int, list[dict[str, Any]]]] = {}
    for commune, number in (await executor.execute(counts)).all():
        names = (
            select(func.coalesce(_subject_of_monitoring(), PERSON.c.full_name).label("full_name"),
                   PERSON.c.full_name.label("declarant"), PERSON.c.phone)
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
