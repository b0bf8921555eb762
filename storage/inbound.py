"""Incoming messages stored before handling, so repeats are dropped and nothing read is lost."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from storage.models import InboundMessage
from storage.upsert import Executor, insert_for, insert_ignoring_duplicates

_TABLE = InboundMessage.__table__  # type: ignore[attr-defined]


async def record(
    session: Executor,
    channel: str,
    message_id: str,
    external_id: str,
    now: datetime,
    payload: dict[str, Any] | None = None,
) -> bool:
    """Store an incoming message; False when the same (channel, message id) was stored before."""
    values = {
        "channel": channel, "message_id": message_id, "external_id": external_id,
        "payload": payload, "received_at": now,
    }
    return await insert_ignoring_duplicates(session, _TABLE, values)


async def record_new(executor: Executor, rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """Store several messages (channel, message_id, external_id, received_at); the (channel, id) pairs that were new."""
    if not rows:
        return set()
    statement = (
        insert_for(executor, _TABLE).on_conflict_do_nothing().returning(_TABLE.c.channel, _TABLE.c.message_id)
    )
    result = await executor.execute(statement, rows)
    return {(channel, message_id) for channel, message_id in result}


async def mark_handled(session: Executor, channel: str, message_id: str, now: datetime) -> None:
    """Note that a stored message was handled (its payload is no longer needed)."""
    await session.execute(
        update(_TABLE)
        .where(_TABLE.c.channel == channel, _TABLE.c.message_id == message_id)
        .values(handled_at=now, payload=None)
    )


async def unhandled(session: Executor, channel: str, limit: int = 100) -> list[dict[str, Any]]:
    """Stored messages not yet handled (e.g. after a crash), oldest first."""
    query = (
        select(_TABLE.c.message_id, _TABLE.c.external_id, _TABLE.c.payload)
        .where(_TABLE.c.channel == channel, _TABLE.c.handled_at.is_(None), _TABLE.c.payload.is_not(None))
        .order_by(_TABLE.c.id)
        .limit(limit)
    )
    return [dict(row._mapping) for row in await session.execute(query)]
