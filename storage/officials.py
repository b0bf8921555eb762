"""Invites and officials: create, redeem, revoke, list and remove; who serves an area."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update

from storage.models import Invite, Person
from storage.upsert import Executor, rows_changed

INVITE = Invite.__table__  # type: ignore[attr-defined]
PERSON = Person.__table__  # type: ignore[attr-defined]
STAFF_ROLES = ("official", "gatekeeper")


async def create_invite(
    executor: Executor, code: str, role: str, area_code: str, created_by: str, now: datetime, expires_at: datetime,
    name: str | None = None, phone: str | None = None,
) -> int:
    """Store a new invite (with the invited person's name and phone when known); its id."""
    result = await executor.execute(
        insert(INVITE).values(code=code, role=role, area_code=area_code, created_by=created_by, created_at=now,
                              expires_at=expires_at, name=name, phone=phone).returning(INVITE.c.id)
    )
    return int(result.scalar_one())


async def find_invite(executor: Executor, code: str) -> dict[str, Any] | None:
    """The invite with that code, locked for redeeming (PostgreSQL)."""
    row = (await executor.execute(select(INVITE).where(INVITE.c.code == code).with_for_update())).first()
    return dict(row._mapping) if row else None


async def use_invite(executor: Executor, invite_id: int, person_id: int, now: datetime) -> bool:
    """Mark an unused, unrevoked invite as used; False when someone used or revoked it first."""
    result = await executor.execute(
        update(INVITE)
        .where(INVITE.c.id == invite_id, INVITE.c.used_at.is_(None), INVITE.c.revoked_at.is_(None))
        .values(used_at=now, used_by=person_id)
    )
    return bool(rows_changed(result))


async def revoke_invite(executor: Executor, code: str, now: datetime) -> bool:
    """Revoke an unused invite; False when there is none to revoke."""
    result = await executor.execute(
        update(INVITE)
        .where(INVITE.c.code == code, INVITE.c.used_at.is_(None), INVITE.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return bool(rows_changed(result))


async def open_invites(executor: Executor, now: datetime) -> list[dict[str, Any]]:
    """Invites that can still be redeemed."""
    query = select(INVITE).where(
        INVITE.c.used_at.is_(None), INVITE.c.revoked_at.is_(None), INVITE.c.expires_at > now
    ).order_by(INVITE.c.id)
    return [dict(row._mapping) for row in await executor.execute(query)]


async def appoint(
    executor: Executor, person_id: int, role: str, area_code: str, now: datetime,
    name: str | None = None, phone: str | None = None,
) -> None:
    """Give a person a staff role for an area; ``name`` becomes how staff lists show them, ``phone`` their
    number unless they have one."""
    values: dict[str, Any] = {"role": role, "area_code": area_code, "updated_at": now}
    if name:
        values["display_name"] = name
    if phone:
        values["phone"] = func.coalesce(PERSON.c.phone, phone)
    await executor.execute(update(PERSON).where(PERSON.c.id == person_id).values(**values))


async def active_officials_in(executor: Executor, area_code: str) -> int:
    """How many active officials hold exactly this area (a commune, or a province)."""
    query = select(func.count()).select_from(PERSON).where(
        PERSON.c.role == "official", PERSON.c.area_code == area_code, PERSON.c.active.is_(True))
    return int((await executor.execute(query)).scalar_one())


async def staff(executor: Executor) -> list[dict[str, Any]]:
    """Every official and gatekeeper."""
    query = select(PERSON.c.id, PERSON.c.channel, PERSON.c.external_id, PERSON.c.full_name, PERSON.c.display_name,
                   PERSON.c.phone, PERSON.c.role, PERSON.c.area_code
                   ).where(PERSON.c.role.in_(STAFF_ROLES)).order_by(PERSON.c.id)
    return [dict(row._mapping) for row in await executor.execute(query)]


async def dismiss(executor: Executor, person_id: int, now: datetime) -> bool:
    """Take the staff role away; False when the person was no official or gatekeeper."""
    result = await executor.execute(
        update(PERSON).where(PERSON.c.id == person_id, PERSON.c.role.in_(STAFF_ROLES))
        .values(role="citizen", area_code=None, updated_at=now)
    )
    return bool(rows_changed(result))


async def areas_with_officials(executor: Executor, level: str) -> list[str]:
    """Areas of one level (commune: 5-digit codes, province: 2-digit) that have at least one active official."""
    length = 5 if level == "commune" else 2
    query = (
        select(PERSON.c.area_code)
        .where(PERSON.c.role == "official", PERSON.c.active.is_(True), PERSON.c.area_code.is_not(None))
        .distinct()
    )
    return sorted(code for (code,) in await executor.execute(query) if code and len(code) == length)
