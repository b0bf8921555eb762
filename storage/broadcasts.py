"""Broadcasts: create, find due ones, expand their audience into delivery rows, count and settle them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, exists, func, insert, literal, or_, select, update

from handlers.audience import OFFICIAL_ROLES, Audience
from storage.models import Area, Broadcast, Declaration, Delivery, Monitoring, Person
from storage.upsert import Executor, insert_for, rows_changed

BROADCAST = Broadcast.__table__  # type: ignore[attr-defined]
DELIVERY = Delivery.__table__  # type: ignore[attr-defined]
PERSON = Person.__table__  # type: ignore[attr-defined]
AREA = Area.__table__  # type: ignore[attr-defined]
MONITORING = Monitoring.__table__  # type: ignore[attr-defined]
DECLARATION = Declaration.__table__  # type: ignore[attr-defined]
OPEN = ("pending", "claimed", "sending")
SETTLED = ("sent", "failed", "blocked", "ambiguous", "cancelled")


async def create(
    executor: Executor,
    text: str,
    audience: Audience,
    now: datetime,
    *,
    scheduled_at: datetime | None = None,
    urgent: bool = False,
    kind: str = "notice",
    created_by: str | None = None,
    progress: tuple[str, str] | None = None,
    text_en: str | None = None,
) -> int:
    """Store a broadcast to be sent at ``scheduled_at`` (now when None); its id. English-speaking recipients
    get ``text_en``, or ``text`` under a one-line English note when there is none."""
    result = await executor.execute(
        insert(BROADCAST).values(
            kind=kind, text=text, text_en=text_en, audience=audience.to_json(), urgent=urgent, status="scheduled",
            scheduled_at=scheduled_at or now, created_by=created_by, created_at=now, expanded_through=0, total=0,
            progress_channel=progress[0] if progress else None, progress_chat=progress[1] if progress else None,
        ).returning(BROADCAST.c.id)
    )
    return int(result.scalar_one())


async def get(executor: Executor, broadcast_id: int) -> dict[str, Any] | None:
    """One broadcast as a mapping."""
    row = (await executor.execute(select(BROADCAST).where(BROADCAST.c.id == broadcast_id))).first()
    return dict(row._mapping) if row else None


async def recent(executor: Executor, limit: int = 20) -> list[dict[str, Any]]:
    """The newest broadcasts first."""
    rows = await executor.execute(select(BROADCAST).order_by(BROADCAST.c.id.desc()).limit(limit))
    return [dict(row._mapping) for row in rows]


async def due(executor: Executor, now: datetime) -> list[int]:
    """Ids of scheduled broadcasts whose time has come, and of those still being expanded."""
    query = select(BROADCAST.c.id).where(
        or_(
            and_(BROADCAST.c.status == "scheduled", BROADCAST.c.scheduled_at <= now),
            and_(BROADCAST.c.status == "sending", BROADCAST.c.expanded_through != -1),
        )
    )
    return [row[0] for row in await executor.execute(query.order_by(BROADCAST.c.id))]


def _area_and_communes(code: str) -> Any:
    """The area itself and, for a province, its communes."""
    if len(code) != 2:
        return [code]
    return select(AREA.c.code).where(AREA.c.province_code == code)


def _recipients(audience: Audience) -> Any:
    """The WHERE clause selecting an audience's reachable people."""
    conditions = [PERSON.c.active.is_(True)]
    if audience.kind == "person":
        return and_(*conditions, PERSON.c.id == audience.person_id)
    if audience.kind == "area_officials":
        return and_(*conditions, PERSON.c.role == "official", PERSON.c.area_code == audience.area_code)
    if audience.kind == "monitoring":  # people monitored themselves (khai hộ monitorings are reminded by name)
        for_others = select(DECLARATION.c.code).where(DECLARATION.c.for_self.is_(False))
        under = select(MONITORING.c.person_id).where(MONITORING.c.ended_at.is_(None),
                                                     MONITORING.c.declaration_code.not_in(for_others))
        if audience.area_code:
            under = under.where(MONITORING.c.commune_code == audience.area_code)
        return and_(*conditions, PERSON.c.id.in_(under))
    if audience.kind == "officials":
        conditions.append(PERSON.c.role.in_(OFFICIAL_ROLES))
        if audience.area_code:
            conditions.append(PERSON.c.area_code.in_(_area_and_communes(audience.area_code)))
        return and_(*conditions)
    conditions.append(PERSON.c.consent_at.is_not(None))
    if audience.kind == "citizens":
        conditions.append(PERSON.c.role == "citizen")
    if audience.kind == "area" and audience.area_code:
        column = PERSON.c.province_code if len(audience.area_code) == 2 else PERSON.c.commune_code
        conditions.append(column == audience.area_code)
    return and_(*conditions)


async def count_recipients(executor: Executor, audience: Audience) -> int:
    """How many people an audience reaches now."""
    return int((await executor.execute(select(func.count()).select_from(PERSON).where(_recipients(audience))))
               .scalar_one())


async def expand_chunk(executor: Executor, broadcast: dict[str, Any], now: datetime, chunk: int = 20_000) -> bool:
    """Write delivery rows for the next ``chunk`` recipients by person id, inside the database; True when done.

    Rows are produced by INSERT ... SELECT, so recipients never pass through this process's memory,
    and a restart continues from ``expanded_through`` without duplicates (unique per recipient).
    """
    audience = Audience.from_json(broadcast["audience"])
    after = broadcast["expanded_through"]
    window = (
        select(PERSON.c.id)
        .where(_recipients(audience), PERSON.c.id > after)
        .order_by(PERSON.c.id)
        .limit(chunk)
        .subquery()
    )
    last = (await executor.execute(select(func.max(window.c.id)))).scalar_one_or_none()
    if last is None:
        total = select(func.count()).where(DELIVERY.c.broadcast_id == broadcast["id"])
        await executor.execute(
            update(BROADCAST).where(BROADCAST.c.id == broadcast["id"])
            .values(expanded_through=-1, total=(await executor.execute(total)).scalar_one())
        )
        return True
    source = select(
        literal(broadcast["id"]), PERSON.c.id, PERSON.c.channel, PERSON.c.external_id, literal("pending"),
        literal(0), literal(now), PERSON.c.locale,
    ).where(_recipients(audience), PERSON.c.id > after, PERSON.c.id <= last)
    columns = ["broadcast_id", "person_id", "channel", "external_id", "status", "attempts", "next_attempt_at",
               "locale"]
    statement = insert_for(executor, DELIVERY).from_select(columns, source).on_conflict_do_nothing()
    await executor.execute(statement)
    await executor.execute(update(BROADCAST).where(BROADCAST.c.id == broadcast["id"]).values(expanded_through=last))
    return False


async def start(executor: Executor, broadcast_id: int, now: datetime) -> None:
    """Mark a due broadcast as sending (its expansion begins)."""
    await executor.execute(
        update(BROADCAST)
        .where(BROADCAST.c.id == broadcast_id, BROADCAST.c.status == "scheduled")
        .values(status="sending", started_at=now)
    )


async def counts(executor: Executor, broadcast_id: int) -> dict[str, int]:
    """Delivery rows of a broadcast by status; pending rows retrying a transient failure count as "waiting"."""
    waiting = and_(DELIVERY.c.status == "pending", DELIVERY.c.retry_since.is_not(None))
    state = case((waiting, literal("waiting")), else_=DELIVERY.c.status).label("state")
    query = select(state, func.count()).where(DELIVERY.c.broadcast_id == broadcast_id).group_by(state)
    return {status: int(number) for status, number in await executor.execute(query)}


async def requeue(executor: Executor, broadcast_id: int, statuses: tuple[str, ...], now: datetime) -> int:
    """Send a finished or running broadcast's rows in ``statuses`` again (to people still reachable);
    the number of rows queued. A done broadcast goes back to sending until they are settled."""
    reachable = select(PERSON.c.id).where(PERSON.c.active.is_(True))
    result = await executor.execute(
        update(DELIVERY)
        .where(DELIVERY.c.broadcast_id == broadcast_id, DELIVERY.c.status.in_(statuses),
               DELIVERY.c.person_id.in_(reachable))
        .values(status="pending", attempts=0, next_attempt_at=now, retry_since=None, last_error=None,
                lease_until=None)
    )
    if rows_changed(result):
        await executor.execute(
            update(BROADCAST).where(BROADCAST.c.id == broadcast_id, BROADCAST.c.status == "done")
            .values(status="sending", finished_at=None)
        )
    return rows_changed(result)


async def finish_if_done(executor: Executor, broadcast_id: int, now: datetime) -> bool:
    """Mark a fully expanded broadcast done when none of its rows is still open; True if it is done."""
    row = await get(executor, broadcast_id)
    if row is None or row["status"] != "sending" or row["expanded_through"] != -1:
        return False
    open_rows = exists().where(DELIVERY.c.broadcast_id == broadcast_id, DELIVERY.c.status.in_(OPEN))
    if (await executor.execute(select(open_rows))).scalar_one():
        return False
    await executor.execute(
        update(BROADCAST).where(BROADCAST.c.id == broadcast_id).values(status="done", finished_at=now)
    )
    return True


async def cancel(executor: Executor, broadcast_id: int, now: datetime) -> int:
    """Cancel a broadcast: rows not yet sent are cancelled; the number of rows cancelled."""
    await executor.execute(
        update(BROADCAST)
        .where(BROADCAST.c.id == broadcast_id, BROADCAST.c.status.in_(("scheduled", "sending")))
        .values(status="cancelled", finished_at=now)
    )
    result = await executor.execute(
        update(DELIVERY)
        .where(DELIVERY.c.broadcast_id == broadcast_id, DELIVERY.c.status.in_(("pending", "claimed")))
        .values(status="cancelled", lease_until=None)
    )
    return rows_changed(result)


async def sending(executor: Executor) -> list[dict[str, Any]]:
    """Broadcasts being sent now."""
    rows = await executor.execute(select(BROADCAST).where(BROADCAST.c.status == "sending"))
    return [dict(row._mapping) for row in rows]


async def set_progress_message(executor: Executor, broadcast_id: int, message_id: str) -> None:
    """Remember the admin's progress message, to edit it later."""
    await executor.execute(
        update(BROADCAST).where(BROADCAST.c.id == broadcast_id).values(progress_message=message_id)
    )
