"""A seeded set of declarations in two communes of Hưng Yên and one commune of Hà Nội."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from storage.db import Database
from storage.models import Declaration, Person
from tests.delivery.people import add_people

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
YEN_MY, PHO_HIEN, HOAN_KIEM = "12052", "11953", "00070"  # Hưng Yên (33), Hưng Yên (33), Hà Nội (01)
PROVINCE = {YEN_MY: "33", PHO_HIEN: "33", HOAN_KIEM: "01"}
SELF_ANSWERS: dict[str, Any] = {
    "for_whom": "self", "symptoms": ["none"], "exposure": ["none"], "travel": [], "conditions": ["none"],
    "vaccine": "doses_3",
}
CHILD_ANSWERS: dict[str, Any] = {
    "for_whom": "other", "subject_name": "Trần Thị Bé", "subject_birth": {"year": 2015, "date": "2015-03-12"},
    "subject_gender": "female", "subject_relation": "child", "subject_phone": None, "subject_same_address": "no",
    "subject_province": "01", "subject_commune": HOAN_KIEM, "subject_street": "Số 5 ngõ 10 Hàng Bạc",
    "symptoms": ["fever", "cough"], "exposure": ["contact_confirmed"],
    "travel": [{"text": "ha noi", "code": "01", "province": "01"}, {"text": "Paris", "code": None, "province": None}],
    "conditions": ["none"], "vaccine": "doses_2",
}


def local(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    """A Hanoi wall time in 2026 as an aware UTC datetime."""
    return datetime(2026, month, day, hour, minute, tzinfo=ZONE).astimezone(UTC)


# (commune, local time, level) of the seeded declarations; "now" is 09:00 on 22/11.
SEEDED = [
    (YEN_MY, local(22, 7), "green"),
    (YEN_MY, local(22, 8, 30), "green"),
    (YEN_MY, local(22, 8), "yellow"),
    (YEN_MY, local(22, 6), "red"),
    (YEN_MY, local(22, 0, 10), "red"),  # still 21/11 in UTC
    (YEN_MY, local(21, 23, 30), "yellow"),  # 16:30 UTC, the last minutes of 21/11
    (YEN_MY, local(12, 10), "green"),  # ten days ago
    (PHO_HIEN, local(22, 7), "red"),
    (PHO_HIEN, local(22, 7, 5), "red"),
    (PHO_HIEN, local(22, 7, 10), "red"),
    (PHO_HIEN, local(20, 12), "green"),
    (HOAN_KIEM, local(22, 8), "green"),
    (HOAN_KIEM, local(22, 8, 1), "green"),
    (HOAN_KIEM, local(22, 8, 2), "red"),
]


async def person_ids(database: Database, count: int) -> list[int]:
    """Add ``count`` people named Nguyễn Văn An; their ids, oldest first."""
    await add_people(database, count, full_name="Nguyễn Văn An", street="Số 1 đường Lê Lợi")
    async with database.engine.begin() as connection:
        rows = await connection.execute(select(Person.id).order_by(Person.id))
        return [row[0] for row in rows]


def declaration_row(number: int, person_id: int, commune: str, created_at: datetime, level: str,
                    answers: dict[str, Any] | None = None, reasons: list[str] | None = None) -> dict[str, Any]:
    """A declaration row with code KB<number>."""
    answers = answers or SELF_ANSWERS
    return {
        "code": f"KB{number:05d}", "person_id": person_id, "created_at": created_at,
        "valid_until": created_at + timedelta(hours=24), "for_self": answers["for_whom"] == "self",
        "subject_name": answers.get("subject_name", "Nguyễn Văn An"), "province_code": PROVINCE[commune],
        "commune_code": commune, "risk_level": level, "reasons": reasons or [], "answers": answers,
    }


async def insert_declarations(database: Database, rows: list[dict[str, Any]]) -> None:
    """Insert declaration rows in one statement."""
    async with database.engine.begin() as connection:
        await connection.execute(insert(Declaration.__table__), rows)  # type: ignore[attr-defined]


async def seed(database: Database) -> list[int]:
    """The declarations of SEEDED, each by its own person; the people's ids."""
    people = await person_ids(database, len(SEEDED))
    await insert_declarations(database, [
        declaration_row(number, people[number], commune, created_at, level)
        for number, (commune, created_at, level) in enumerate(SEEDED)
    ])
    return people
