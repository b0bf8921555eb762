"""Reporting schedules and rounds: create, list, fire once per area, confirm, find overdue ones."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update

from storage.models import ReportRound, ReportSchedule
from storage.upsert import Executor, insert_for, rows_changed

SCHEDULE = ReportSchedule.__table__  # type: ignore[attr-defined]
ROUND = ReportRound.__table__  # type: ignore[attr-defined]
OPEN = ("open", "reminded")


async def add_schedule(executor: Executor, values: dict[str, Any], now: datetime) -> int:
    """Store a schedule (level, area_code, day_of_week, day_of_month, at_time, due_hours, title, source, created_by)."""
    result = await executor.execute(
        insert(SCHEDULE).values(**values, active=True, created_at=now).returning(SCHEDULE.c.id)
    )
    return int(result.scalar_one())


async def schedules(executor: Executor, active_only: bool = True) -> list[dict[str, Any]]:
    """The schedules, oldest first."""
    query = select(SCHEDULE).order_by(SCHEDULE.c.id)
    if active_only:
        query = query.where(SCHEDULE.c.active.is_(True))
    return [dict(row._mapping) for row in await executor.execute(query)]


async def get_schedule(executor: Executor, schedule_id: int) -> dict[str, Any] | None:
    """One schedule."""
    row = (await executor.execute(select(SCHEDULE).where(SCHEDULE.c.id == schedule_id))).first()
    return dict(row._mapping) if row else None


async def deactivate_schedule(executor: Executor, schedule_id: int) -> bool:
    """Stop a schedule; False when there was no active one."""
    result = await executor.execute(
        update(SCHEDULE).where(SCHEDULE.c.id == schedule_id, SCHEDULE.c.active.is_(True)).values(active=False)
    )
    return bool(rows_changed(result))


async def open_round(
    executor: Executor, schedule_id: int, area_code: str, fired_for: datetime, due_at: datetime
) -> bool:
    """Open an area's round for one firing; False when it was opened before (a repeated firing)."""
    statement = insert_for(executor, ROUND).values(
        schedule_id=schedule_id, area_code=area_code, fired_for=fired_for, due_at=due_at, status="open"
    ).on_conflict_do_nothing()
    return bool(rows_changed(await executor.execute(statement)))


async def fired(executor: Executor, schedule_id: int, fired_for: datetime) -> bool:
    """True when the firing at ``fired_for`` already opened its rounds."""
    query = select(ROUND.c.id).where(ROUND.c.schedule_id == schedule_id, ROUND.c.fired_for == fired_for).limit(1)
    return (await executor.execute(query)).first() is not None


async def confirm(executor: Executor, area_code: str, person_id: int, now: datetime) -> list[dict[str, Any]]:
    """Confirm every open round of an area; the rounds confirmed."""
    result = await executor.execute(
        update(ROUND)
        .where(ROUND.c.area_code == area_code, ROUND.c.status.in_(OPEN))
        .values(status="confirmed", confirmed_by=person_id, confirmed_at=now)
        .returning(ROUND.c.id, ROUND.c.schedule_id, ROUND.c.fired_for)
    )
    return [dict(row._mapping) for row in result]


async def overdue(executor: Executor, now: datetime) -> list[dict[str, Any]]:
    """Open or reminded rounds past their due time, with their schedule's title and level."""
    query = (
        select(ROUND, SCHEDULE.c.title, SCHEDULE.c.level)
        .join(SCHEDULE, SCHEDULE.c.id == ROUND.c.schedule_id)
        .where(ROUND.c.status.in_(OPEN), ROUND.c.due_at <= now)
        .order_by(ROUND.c.id)
    )
    return [dict(row._mapping) for row in await executor.execute(query)]


async def set_status(executor: Executor, round_ids: list[int], status: str, due_at: datetime | None = None) -> None:
    """Move rounds on (reminded, with a new due time; or escalated)."""
    values: dict[str, Any] = {"status": status}
    if due_at is not None:
        values["due_at"] = due_at
    await executor.execute(update(ROUND).where(ROUND.c.id.in_(round_ids)).values(**values))


async def rounds_of(executor: Executor, schedule_id: int) -> list[dict[str, Any]]:
    """Every round of a schedule, oldest first."""
    query = select(ROUND).where(ROUND.c.schedule_id == schedule_id).order_by(ROUND.c.fired_for, ROUND.c.area_code)
    return [dict(row._mapping) for row in await executor.execute(query)]
