"""Delivery rows: claim a batch under a lease, mark the ones about to be sent, record results, recover."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, literal, select, update

from storage.broadcasts import BROADCAST, DELIVERY
from storage.upsert import Executor

CLAIMED_COLUMNS = (DELIVERY.c.id, DELIVERY.c.broadcast_id, DELIVERY.c.person_id, DELIVERY.c.external_id,
                   DELIVERY.c.attempts)


async def claim(
    executor: Executor, channel: str, now: datetime, lease_until: datetime, limit: int, quiet: bool,
    external_id: str | None = None,
) -> list[dict[str, Any]]:
    """Claim up to ``limit`` due rows of one channel (urgent broadcasts first; only urgent ones in quiet hours),
    or only one chat's rows when ``external_id`` is given (a console window reading its own inbox).

    Broadcasts are taken one at a time, urgent first then oldest, and each one's rows in id order
    straight from the (broadcast, status) index, so no claim sorts the whole queue. On PostgreSQL
    the rows are picked with FOR UPDATE SKIP LOCKED, so concurrent senders never claim the same
    row; on SQLite the write transaction is exclusive.
    """
    sending = select(BROADCAST.c.id, BROADCAST.c.text).where(BROADCAST.c.status == "sending")
    if quiet:
        sending = sending.where(BROADCAST.c.urgent.is_(True))
    rows: list[dict[str, Any]] = []
    for broadcast_id, text in (await executor.execute(sending.order_by(BROADCAST.c.urgent.desc(), BROADCAST.c.id))):
        query = (
            select(*CLAIMED_COLUMNS, func.coalesce(DELIVERY.c.text, literal(text)).label("text"))
            .where(
                DELIVERY.c.broadcast_id == broadcast_id,
                DELIVERY.c.status == "pending",
                DELIVERY.c.channel == channel,
                DELIVERY.c.next_attempt_at <= now,
            )
            .order_by(DELIVERY.c.id)
            .limit(limit - len(rows))
            .with_for_update(skip_locked=True)
        )
        if external_id is not None:
            query = query.where(DELIVERY.c.external_id == external_id)
        rows += [dict(row._mapping) for row in await executor.execute(query)]
        if len(rows) >= limit:
            break
    if rows:
        await executor.execute(
            update(DELIVERY)
            .where(DELIVERY.c.id.in_([row["id"] for row in rows]))
            .values(status="claimed", lease_until=lease_until)
        )
    return rows


async def mark_sending(executor: Executor, ids: list[int], lease_until: datetime) -> set[int]:
    """Mark claimed rows as being sent now; the ids still claimed (not cancelled meanwhile)."""
    result = await executor.execute(
        update(DELIVERY)
        .where(DELIVERY.c.id.in_(ids), DELIVERY.c.status == "claimed")
        .values(status="sending", lease_until=lease_until)
        .returning(DELIVERY.c.id)
    )
    return {row[0] for row in result}


async def record(executor: Executor, results: list[dict[str, Any]]) -> None:
    """Settle rows: each result has id, status, attempts, next_attempt_at, last_error, sent_at."""
    if not results:
        return
    statement = (
        update(DELIVERY)
        .where(DELIVERY.c.id == bindparam("row_id"))
        .values(
            status=bindparam("new_status"),
            attempts=bindparam("new_attempts"),
            next_attempt_at=bindparam("retry_at"),
            last_error=bindparam("error"),
            sent_at=bindparam("sent"),
            lease_until=None,
        )
    )
    await executor.execute(statement, results)


async def release(executor: Executor, ids: list[int]) -> None:
    """Give claimed rows back (a sender stopping cleanly)."""
    if ids:
        await executor.execute(
            update(DELIVERY)
            .where(DELIVERY.c.id.in_(ids), DELIVERY.c.status == "claimed")
            .values(status="pending", lease_until=None)
        )


async def recover_expired(executor: Executor, now: datetime) -> tuple[int, int]:
    """Rows whose sender died: claimed ones go back to pending; ones mid-send become ambiguous."""
    requeued = await executor.execute(
        update(DELIVERY)
        .where(DELIVERY.c.status == "claimed", DELIVERY.c.lease_until < now)
        .values(status="pending", lease_until=None)
    )
    ambiguous = await executor.execute(
        update(DELIVERY)
        .where(DELIVERY.c.status == "sending", DELIVERY.c.lease_until < now)
        .values(status="ambiguous", lease_until=None, last_error="sender stopped while sending")
    )
    return int(requeued.rowcount), int(ambiguous.rowcount)
