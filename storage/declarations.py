"""Declarations: store a submitted one, stream them out."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Declaration
from storage.upsert import Executor

_TABLE = Declaration.__table__  # type: ignore[attr-defined]


async def add_many(executor: Executor, records: list[tuple[int, dict[str, Any]]]) -> list[int]:
    """Store declarations given as (person id, the engine's JSON-friendly record); their ids, in order."""
    if not records:
        return []
    rows = [
        {
            "code": record["code"],
            "person_id": person_id,
            "created_at": datetime.fromisoformat(record["created_at"]),
            "valid_until": datetime.fromisoformat(record["valid_until"]),
            "for_self": record["for_self"],
            "subject_name": record["subject_name"],
            "province_code": record["province_code"],
            "commune_code": record["commune_code"],
            "risk_level": record["risk_level"],
            "reasons": record["reasons"],
            "answers": record["answers"],
        }
        for person_id, record in records
    ]
    result = await executor.execute(insert(_TABLE).returning(_TABLE.c.id, sort_by_parameter_order=True), rows)
    return [int(declaration_id) for declaration_id in result.scalars()]


async def latest_arrivals(executor: Executor, person_ids: Iterable[int], since: datetime) -> dict[int, dict[str, Any]]:
    """For each account, the answers of its latest arrival declaration made since ``since``, if any."""
    ids = sorted(set(person_ids))
    if not ids:
        return {}
    query = (select(_TABLE.c.person_id, _TABLE.c.answers)
             .where(_TABLE.c.person_id.in_(ids), _TABLE.c.for_self.is_(True), _TABLE.c.created_at >= since)
             .order_by(_TABLE.c.created_at.desc(), _TABLE.c.id.desc()))
    found: dict[int, dict[str, Any]] = {}
    for person_id, answers in await executor.execute(query):
        if person_id not in found and isinstance(answers, dict) and answers.get("entry_date"):
            found[person_id] = answers
    return found


async def get(executor: Executor, declaration_id: int) -> dict[str, Any] | None:
    """One declaration by id."""
    row = (await executor.execute(select(_TABLE).where(_TABLE.c.id == declaration_id))).first()
    return dict(row._mapping) if row else None


async def find_by_code(executor: Executor, code: str) -> dict[str, Any] | None:
    """The declaration with that code."""
    row = (await executor.execute(select(_TABLE).where(_TABLE.c.code == code))).first()
    return dict(row._mapping) if row else None


async def stream_all(session: AsyncSession, batch: int = 1000) -> AsyncIterator[dict[str, Any]]:
    """Every declaration, oldest first, fetched in batches."""
    last_id = 0
    while True:
        query = select(_TABLE).where(_TABLE.c.id > last_id).order_by(_TABLE.c.id).limit(batch)
        rows = [dict(row._mapping) for row in await session.execute(query)]
        for row in rows:
            yield row
        if len(rows) < batch:
            return
        last_id = rows[-1]["id"]
