"""Quick creation of many registered people for queue tests and benchmarks."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert

from storage.db import Database
from storage.models import Person

NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)


def person_row(number: int, channel: str = "telegram", **overrides: object) -> dict[str, object]:
    """A consenting citizen of Xã Yên Mỹ with chat id 10000 + number."""
    row: dict[str, object] = {
        "channel": channel, "external_id": str(10_000 + number), "full_name": f"Nguoi Thu {number}",
        "birth_year": 1990, "gender": "male", "phone": "+84912345678", "province_code": "33",
        "commune_code": "12052", "street": "so 1", "consent_at": NOW, "role": "citizen", "locale": "vi",
        "active": True, "created_at": NOW, "updated_at": NOW,
    }
    row.update(overrides)
    return row


async def add_people(database: Database, count: int, start: int = 0, chunk: int = 5000, **overrides: object) -> None:
    """Insert ``count`` people in chunks."""
    for first in range(start, start + count, chunk):
        rows = [person_row(n, **overrides) for n in range(first, min(first + chunk, start + count))]
        async with database.engine.begin() as connection:
            await connection.execute(insert(Person.__table__), rows)  # type: ignore[attr-defined]
