"""Declarations of one area with their declarant, streamed in id order for exports."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from storage.models import Person
from storage.statistics import DECLARATION, created_between, in_area
from storage.upsert import Executor

PERSON = Person.__table__  # type: ignore[attr-defined]

COLUMNS = (
    DECLARATION.c.id, DECLARATION.c.code, DECLARATION.c.created_at, DECLARATION.c.for_self,
    DECLARATION.c.subject_name, DECLARATION.c.province_code, DECLARATION.c.commune_code,
    DECLARATION.c.risk_level, DECLARATION.c.reasons, DECLARATION.c.answers,
    PERSON.c.full_name.label("person_name"), PERSON.c.birth_year.label("person_birth_year"),
    PERSON.c.gender.label("person_gender"), PERSON.c.phone.label("person_phone"),
    PERSON.c.street.label("person_street"),
)


async def stream_declarations(
    executor: Executor,
    area_code: str,
    start: datetime,
    end: datetime,
    levels: set[str] | None = None,
    batch: int = 1000,
) -> AsyncIterator[dict[str, Any]]:
    """Declarations of a province or commune created in [start, end) at ``levels`` (None: all), oldest id first.

    Each row holds the declaration's columns (``created_at`` aware UTC) and the declarant's
    ``person_name``, ``person_birth_year``, ``person_gender``, ``person_phone`` and ``person_street``.
    """
    conditions = [in_area(area_code), *created_between(start, end)]
    if levels is not None:
        conditions.append(DECLARATION.c.risk_level.in_(sorted(levels)))
    query = select(*COLUMNS).join(PERSON, PERSON.c.id == DECLARATION.c.person_id).where(*conditions)
    last_id = 0
    while True:
        page = query.where(DECLARATION.c.id > last_id).order_by(DECLARATION.c.id).limit(batch)
        rows = [dict(row._mapping) for row in await executor.execute(page)]
        for row in rows:
            created = row["created_at"]
            row["created_at"] = created if created.tzinfo else created.replace(tzinfo=UTC)
            yield row
        if len(rows) < batch:
            return
        last_id = rows[-1]["id"]
