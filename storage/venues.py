"""Venues: create one with fresh codes, find by code or token, suspend, list an area's or an owner's."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import insert, or_, select, true, tuple_, update
from sqlalchemy.exc import IntegrityError

from handlers.venues import codes
from storage.models import Venue
from storage.statistics import in_area_column
from storage.upsert import Executor, rows_changed

VENUE = Venue.__table__  # type: ignore[attr-defined]
ACTIVE, SUSPENDED = "active", "suspended"


async def create(executor: Executor, values: dict[str, Any], now: datetime, attempts: int = 5) -> dict[str, Any]:
    """Store a venue (name, kind, province_code, commune_code, street, schedule, owner_id, created_by) with a new
    short code and QR token; the stored row. A code already taken (rare) is drawn again inside a savepoint."""
    for attempt in range(attempts):
        row = {**values, "code": codes.new_code(), "token": codes.new_token(), "status": ACTIVE, "created_at": now}
        try:
            async with executor.begin_nested():
                result = await executor.execute(insert(VENUE).values(**row).returning(VENUE.c.id))
        except IntegrityError:
            if attempt == attempts - 1:
                raise
            continue
        return {**row, "id": int(result.scalar_one()), "suspended_at": None}
    raise AssertionError("unreachable")


async def find(executor: Executor, kind: str, value: str) -> dict[str, Any] | None:
    """The venue with this short ``code`` or QR ``token``."""
    column = VENUE.c.code if kind == "code" else VENUE.c.token
    row = (await executor.execute(select(VENUE).where(column == value))).first()
    return dict(row._mapping) if row else None


async def find_many(executor: Executor, references: Iterable[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Venues by ("code", c) or ("token", t) references, in one query."""
    wanted = set(references)
    by_code = [value for kind, value in wanted if kind == "code"]
    by_token = [value for kind, value in wanted if kind == "token"]
    if not wanted:
        return {}
    rows = await executor.execute(select(VENUE).where(or_(VENUE.c.code.in_(by_code), VENUE.c.token.in_(by_token))))
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        venue = dict(row._mapping)
        for key in (("code", venue["code"]), ("token", venue["token"])):
            if key in wanted:
                found[key] = venue
    return found


async def get(executor: Executor, venue_id: int) -> dict[str, Any] | None:
    """One venue by id."""
    row = (await executor.execute(select(VENUE).where(VENUE.c.id == venue_id))).first()
    return dict(row._mapping) if row else None


async def get_many(executor: Executor, venue_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Venues by id."""
    ids = sorted(set(venue_ids))
    if not ids:
        return {}
    return {row.id: dict(row._mapping) for row in await executor.execute(select(VENUE).where(VENUE.c.id.in_(ids)))}


async def open_among(executor: Executor, venue_ids: Iterable[int]) -> set[int]:
    """Which of these venues take check-ins now; on PostgreSQL their rows are share-locked until the commit,
    so a suspension waits for the check-ins already being stored (and those after it see it)."""
    ids = sorted(set(venue_ids))
    query = select(VENUE.c.id).where(VENUE.c.id.in_(ids), VENUE.c.status == ACTIVE).with_for_update(read=True)
    return set((await executor.execute(query)).scalars()) if ids else set()


async def set_status(executor: Executor, venue_id: int, status: str, now: datetime) -> bool:
    """Suspend or reopen a venue; False when it already had that status."""
    result = await executor.execute(
        update(VENUE).where(VENUE.c.id == venue_id, VENUE.c.status != status)
        .values(status=status, suspended_at=now if status == SUSPENDED else None))
    return bool(rows_changed(result))


async def owned_by(executor: Executor, person_id: int) -> list[dict[str, Any]]:
    """The venues a person registered, oldest first."""
    rows = await executor.execute(select(VENUE).where(VENUE.c.owner_id == person_id).order_by(VENUE.c.id))
    return [dict(row._mapping) for row in rows]


async def in_area(executor: Executor, area_code: str | None, limit: int = 200,
                  after: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The venues of a province or commune (None: everywhere), by commune then name; ``after`` a venue of the
    previous page, for the next one (keyset)."""
    query = select(VENUE).where(in_area_column(VENUE, area_code) if area_code else true())
    if after is not None:
        query = query.where(tuple_(VENUE.c.commune_code, VENUE.c.name, VENUE.c.id)
                            > tuple_(after["commune_code"], after["name"], after["id"]))
    query = query.order_by(VENUE.c.commune_code, VENUE.c.name, VENUE.c.id).limit(limit)
    return [dict(row._mapping) for row in await executor.execute(query)]
