"""Declarations of one area with their declarant, streamed oldest first in pages for exports."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from storage.models import Person
from storage.statistics import DECLARATION, created_between, in_area, utc
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
    """Declarations of a province or commune created in [start, end) at ``levels`` (None: all), oldest first.

    Each row holds the declaration's columns (``created_at`` aware) and the declarant's
    ``person_name``, ``person_birth_year``, ``person_gender``, ``person_phone`` and ``person_street``.
    Pages follow the (area, created_at) indexes: the keyset is (created_at, id), so no page sorts the
    whole area's rows (ordering by id alone made SQLite do that for every page).
    """
    conditions = [in_area(area_code), *created_between(start, end)]
    if levels is not None:
        conditions.append(DECLARATION.c.risk_level.in_(sorted(levels)))
    query = (
        select(*COLUMNS)
        .join(PERSON, PERSON.c.id == DECLARATION.c.person_id)
        .where(*conditions)
        .order_by(DECLARATION.c.created_at, DECLARATION.c.id)
        .limit(batch)
    )
    page = query
    while True:
        rows = [dict(row._mapping) for row in await executor.execute(page)]
        for row in rows:
            yield row
        if len(rows) < batch:
            return
        page = query.where(*_after(rows[-1]["created_at"], rows[-1]["id"]))


def _after(created_at: datetime, last_id: int) -> list[ColumnElement[bool]]:
    """Rows after (created_at, last_id) in (created_at, id) order, as an index range plus a tie-break."""
    moment = utc(created_at)
    return [
        DECLARATION.c.created_at >= moment,
        or_(DECLARATION.c.created_at > moment, DECLARATION.c.id > last_id),
    ]
