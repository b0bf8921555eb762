"""Delivery rows: claim a batch under a lease, mark the ones about to be sent, record results, recover."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, case, func, literal, select, update

import messages
from storage.broadcasts import BROADCAST, DELIVERY
from storage.upsert import Executor, rows_changed

CLAIMED_COLUMNS = (DELIVERY.c.id, DELIVERY.c.broadcast_id, DELIVERY.c.person_id, DELIVERY.c.external_id,
                   DELIVERY.c.attempts, DELIVERY.c.retry_since, DELIVERY.c.button)


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
    sending = select(BROADCAST.c.id, BROADCAST.c.text, BROADCAST.c.text_en).where(BROADCAST.c.status == "sending")
    if quiet:
        sending = sending.where(BROADCAST.c.urgent.is_(True))
    rows: list[dict[str, Any]] = []
    for broadcast_id, text, text_en in (
        await executor.execute(sending.order_by(BROADCAST.c.urgent.desc(), BROADCAST.c.id))
    ):
        english = text_en or f"{messages.t(messages.EN, 'broadcast.english_note')}\n\n{text}"
        localised = case((DELIVERY.c.locale == messages.EN, literal(english)), else_=literal(text))
        query = (
            select(*CLAIMED_COLUMNS, func.coalesce(DELIVERY.c.text, localised).label("text"))
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


async def mark_sending(
    executor: Executor, ids: list[int], claimed_until: datetime, lease_until: datetime
) -> list[int]:
    """Mark rows of one claim (leased until ``claimed_until``) as being sent now; the ids still ours.

    A row cancelled meanwhile, or whose lease ran out and which another sender claimed since, is left alone.
    """
    mine = and_(DELIVERY.c.status == "claimed", DELIVERY.c.lease_until == claimed_until)
    result = await executor.execute(
        update(DELIVERY).where(DELIVERY.c.id.in_(ids), mine).values(status="sending", lease_until=lease_until)
    )
    if rows_changed(result) == len(ids):
        return ids
    marked = select(DELIVERY.c.id).where(
        DELIVERY.c.id.in_(ids), DELIVERY.c.status == "sending", DELIVERY.c.lease_until == lease_until
    )
    live = set((await executor.execute(marked)).scalars())
    return [row_id for row_id in ids if row_id in live]


async def record_sent(executor: Executor, ids: list[int], now: datetime) -> None:
    """Settle rows that were sent, in one statement; ``now`` (their ``sent_at``) is the time they are
    recorded, a flush interval at most after the send."""
    if ids:
        await executor.execute(
            update(DELIVERY)
            .where(DELIVERY.c.id.in_(ids))
            .values(status="sent", attempts=DELIVERY.c.attempts + 1, sent_at=now, lease_until=None)
        )


async def record(executor: Executor, results: list[dict[str, Any]]) -> None:
    """Settle rows that did not go out: each result has row_id, new_status, new_attempts, retry_at (the
    next attempt), error and since (the first transient failure, or None)."""
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
            retry_since=bindparam("since"),
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
    return rows_changed(requeued), rows_changed(ambiguous)
