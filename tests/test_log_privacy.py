"""Personal data never reaches a log line or an exception message, even with every logger at DEBUG."""

from __future__ import annotations

import logging
import traceback
from datetime import datetime

import pytest
from sqlalchemy import insert, update
from sqlalchemy.exc import DBAPIError

from storage import declarations
from storage.log_privacy import mask_values
from storage.models import Declaration, Person
from tests.transcript import Chat

NAME, OTHER, PHONE, CCCD, STREET = "Nguyen Van Hung", "Le Thi Mai", "0912345678", "001090123456", "so 7 thon Dong"
REGISTRATION = ("chao", "1", NAME.lower(), "12/3/1990", "nam", PHONE, CCCD, "hung yen", "yen my", STREET, "1")
FOR_OTHER = ("1", "2", OTHER, "1/1/1950", "nu", "2", "0987 654 321", "1", "sot", "khong", "khong", "khong", "1", "1")
TRACES = (NAME, NAME.lower(), OTHER, PHONE, "912345678", "+84912345678", "0912 345 678", "987654321", CCCD,
          STREET, "Nguy", "Hung")


def _everything_logged(caplog: pytest.LogCaptureFixture, errors: list[BaseException]) -> str:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    parts = [formatter.format(record) for record in caplog.records]
    for error in errors:
        parts += [str(error), repr(error), "".join(traceback.format_exception(error))]
    return "\n".join(parts)


async def _failing_add_many(executor, records) -> list[int]:  # type: ignore[no-untyped-def]
    """Like declarations.add_many, but the row lacks its NOT NULL valid_until: the statement fails."""
    for person_id, record in records:
        await executor.execute(insert(Declaration.__table__).values(  # type: ignore[attr-defined]
            code=record["code"], person_id=person_id, created_at=datetime.fromisoformat(record["created_at"]),
            valid_until=None, for_self=record["for_self"], subject_name=record["subject_name"],
            risk_level=record["risk_level"], reasons=record["reasons"], answers=record["answers"]))
    return []


async def test_flows_and_failing_statements_log_no_personal_data(service, database, caplog, monkeypatch) -> None:
    for name in ("", "sqlalchemy.engine", "sqlalchemy.pool", "aiosqlite", "asyncpg"):
        caplog.set_level(logging.DEBUG, logger=name or None)
    chat = Chat(service, user_id="u1")
    await chat.say_all(*REGISTRATION)
    assert "Mã khai báo" in await chat.say_all("1", "sot", "khong", "khong", "khong", "1", "1")
    assert NAME in await chat.send("/dulieucuatoi")
    report = ("/baocao", "nguoi tu vung dich ve", "hung yen", "yen my", STREET, OTHER, "sot cao", PHONE, "1")
    assert "Phản ánh #1" in await chat.say_all(*report)
    errors: list[BaseException] = []
    monkeypatch.setattr(declarations, "add_many", _failing_add_many)
    await chat.send("/khaibao")
    with pytest.raises(DBAPIError) as failed:
        await chat.say_all(*FOR_OTHER)
    errors.append(failed.value)
    async with database.engine.connect() as connection:
        for statement in (update(Person.__table__).values(birth_year=NAME),  # type: ignore[attr-defined]
                          update(Person.__table__).values(full_name=NAME * 20)):  # type: ignore[attr-defined]
            try:
                await connection.execute(statement)
            except DBAPIError as error:
                errors.append(error)
            await connection.rollback()
    logged = _everything_logged(caplog, errors)
    assert "INSERT INTO person" in logged and "SQL parameters hidden" in logged, "the statements were logged"
    assert "batch of 1 failed" in logged and "valid_until" in logged, "the failure was logged"
    for trace in TRACES:
        assert trace not in logged, trace


@pytest.mark.parametrize("message, expected", [
    ('null value in column "x" of relation "person" violates not-null constraint\nDETAIL:  Failing row contains '
     "(1, Nguyen Van An).", 'null value in column "x" of relation "person" violates not-null constraint'),
    ("invalid input for query argument $1: 'Nguyen Van An' (expected int)",
     "invalid input for query argument $1: '…' (expected int)"),
    ('invalid input syntax for type integer: "0912345678"', 'invalid input syntax for type integer: "…"'),
    ("UNIQUE constraint failed: person.channel, person.external_id",
     "UNIQUE constraint failed: person.channel, person.external_id"),
])
def test_database_messages_keep_names_of_things_and_lose_values(message: str, expected: str) -> None:
    assert mask_values(message) == expected
