"""The audit log: record an action, list and filter them. There is deliberately no update or delete."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select

from storage.models import AuditEntry
from storage.upsert import Executor

_TABLE = AuditEntry.__table__  # type: ignore[attr-defined]


async def record(
    executor: Executor, now: datetime, actor: str, role: str, action: str, area_code: str | None = None,
    **detail: Any,
) -> None:
    """Append one entry; ``detail`` holds ids and codes, never personal data."""
    await executor.execute(insert(_TABLE).values(at=now, actor=actor, role=role, action=action,
                                                 area_code=area_code, detail=detail or None))


async def entries(
    executor: Executor, *, action: str | None = None, area_code: str | None = None, actor: str | None = None,
    since: datetime | None = None, limit: int = 200,
) -> list[dict[str, Any]]:
    """The newest entries first, filtered."""
    query = select(_TABLE).order_by(_TABLE.c.id.desc()).limit(limit)
    if action:
        query = query.where(_TABLE.c.action == action)
    if area_code:
        query = query.where(_TABLE.c.area_code == area_code)
    if actor:
        query = query.where(_TABLE.c.actor == actor)
    if since:
        query = query.where(_TABLE.c.at >= since)
    return [dict(row._mapping) for row in await executor.execute(query)]
