"""Incoming messages stored before handling, so repeats are dropped and nothing read is lost."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from storage.identities import any_identity
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


async def unhandled(session: Executor, channel: str, limit: int = 100) -> list[dict[str, Any]]:
    """Stored messages not yet handled (e.g. after a crash), oldest first."""
    query = (
        select(_TABLE.c.message_id, _TABLE.c.external_id, _TABLE.c.payload)
        .where(_TABLE.c.channel == channel, _TABLE.c.handled_at.is_(None), _TABLE.c.payload.is_not(None))
        .order_by(_TABLE.c.id)
        .limit(limit)
    )
    return [dict(row._mapping) for row in await session.execute(query)]


async def claim(executor: Executor, rows: list[dict[str, Any]]) -> dict[tuple[str, str], int]:
    """Mark messages handled (channel, message_id, external_id, received_at, handled_at), storing any not yet
    stored; the row id of each (channel, message id) not handled before. Their stored payloads are dropped."""
    if not rows:
        return {}
    statement = insert_for(executor, _TABLE)
    statement = statement.on_conflict_do_update(
        index_elements=["channel", "message_id"],
        set_={"handled_at": statement.excluded.handled_at, "payload": None},
        where=_TABLE.c.handled_at.is_(None),
    ).returning(_TABLE.c.channel, _TABLE.c.message_id, _TABLE.c.id)
    result = await executor.execute(statement, rows)
    return {(channel, message_id): row_id for channel, message_id, row_id in result}


async def waiting_of(executor: Executor, keys: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Stored, unhandled messages of these (channel, user) keys, oldest first (another process's arrivals)."""
    query = (
        select(_TABLE.c.id, _TABLE.c.channel, _TABLE.c.message_id, _TABLE.c.external_id, _TABLE.c.payload)
        .where(any_identity(_TABLE, keys), _TABLE.c.handled_at.is_(None), _TABLE.c.payload.is_not(None))
        .order_by(_TABLE.c.id)
    )
    return [dict(row._mapping) for row in await executor.execute(query)]
