"""The reply outbox: rows written in the transaction that produced them, deleted once sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update

from storage.models import OutboxReply
from storage.upsert import Executor, dialect_name

_TABLE = OutboxReply.__table__  # type: ignore[attr-defined]


async def add_many(executor: Executor, rows: list[dict[str, Any]]) -> None:
    """Write rows (channel, message_id, external_id, replies, created_at, next_attempt_at)."""
    if rows:
        await executor.execute(_TABLE.insert(), rows)


async def remove_sent(executor: Executor, keys: Sequence[tuple[str, str]]) -> None:
    """Forget the rows of (channel, message id) pairs whose replies went out."""
    by_channel: dict[str, list[str]] = {}
    for channel, message_id in keys:
        by_channel.setdefault(channel, []).append(message_id)
    for channel, ids in by_channel.items():
        await executor.execute(delete(_TABLE).where(_TABLE.c.channel == channel, _TABLE.c.message_id.in_(ids)))


async def claim_due(executor: Executor, now: datetime, lease: timedelta, limit: int) -> list[dict[str, Any]]:
    """Rows due again (unsent past their time), oldest first, leased to the caller for ``lease``."""
    query = (
        select(_TABLE.c.id)
        .where(_TABLE.c.failed_at.is_(None), _TABLE.c.next_attempt_at <= now)
        .order_by(_TABLE.c.id)
        .limit(limit)
    )
    if dialect_name(executor) == "postgresql":
        query = query.with_for_update(skip_locked=True)
    ids = list((await executor.execute(query)).scalars())
    if not ids:
        return []
    claimed = (
        update(_TABLE)
        .where(_TABLE.c.id.in_(ids))
        .values(next_attempt_at=now + lease, attempts=_TABLE.c.attempts + 1)
        .returning(*_TABLE.c)
    )
    rows = [dict(row._mapping) for row in await executor.execute(claimed)]
    return sorted(rows, key=lambda row: row["id"])


async def retry_at(executor: Executor, row_id: int, when: datetime) -> None:
    """Try the row again at ``when``."""
    await executor.execute(update(_TABLE).where(_TABLE.c.id == row_id).values(next_attempt_at=when))


async def fail(executor: Executor, row_id: int, now: datetime) -> None:
    """Give the row up (the user blocked the bot, or the platform refused it for good)."""
    await executor.execute(update(_TABLE).where(_TABLE.c.id == row_id).values(failed_at=now))
