"""Notices: store a published one, list recent ones, read one."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select

from handlers.protocol import NoticeHeading
from storage.models import Notice
from storage.upsert import Executor

_TABLE = Notice.__table__  # type: ignore[attr-defined]


async def create(executor: Executor, values: dict[str, Any], now: datetime) -> int:
    """Store a notice (header, summary, body, parsed, broadcast_id, created_by); its id."""
    result = await executor.execute(insert(_TABLE).values(**values, created_at=now).returning(_TABLE.c.id))
    return int(result.scalar_one())


async def recent(executor: Executor, limit: int = 10) -> tuple[NoticeHeading, ...]:
    """The newest notices' headings."""
    query = select(_TABLE.c.id, _TABLE.c.header, _TABLE.c.created_at).order_by(_TABLE.c.id.desc()).limit(limit)
    return tuple(NoticeHeading(*row) for row in await executor.execute(query))


async def get(executor: Executor, notice_id: int) -> dict[str, Any] | None:
    """One notice."""
    row = (await executor.execute(select(_TABLE).where(_TABLE.c.id == notice_id))).first()
    return dict(row._mapping) if row else None
