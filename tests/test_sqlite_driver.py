"""The one-trip aiosqlite cursor: same results as aiosqlite's, small results in one trip, large ones streamed."""

from __future__ import annotations

from pathlib import Path

import aiosqlite
import pytest

from storage import sqlite_driver
from storage.sqlite_driver import CHUNK


@pytest.fixture
async def connection(tmp_path: Path):  # type: ignore[no-untyped-def]
    connection = await sqlite_driver.connect(str(tmp_path / "t.db"))
    yield connection
    await connection.close()


def count_trips(connection: aiosqlite.Connection) -> list[int]:
    """Count calls to the connection's thread from now on."""
    trips = [0]
    run = connection._execute

    async def counted(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        trips[0] += 1
        return await run(fn, *args, **kwargs)

    connection._execute = counted  # type: ignore[method-assign]
    return trips


async def test_a_statement_with_its_rows_is_one_trip(connection: aiosqlite.Connection) -> None:
    cursor = connection.cursor()
    await cursor.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
    await cursor.executemany("INSERT INTO t (name) VALUES (?)", [("an",), ("binh",), ("chi",)])
    trips = count_trips(connection)
    await cursor.execute("SELECT id, name FROM t WHERE name != ? ORDER BY id", ("binh",))
    assert [column[0] for column in cursor.description] == ["id", "name"]
    assert await cursor.fetchall() == [(1, "an"), (3, "chi")]
    await cursor.close()
    assert trips == [1]
    await cursor.execute("UPDATE t SET name = 'x' WHERE id > 1")
    assert cursor.rowcount == 2 and cursor.description is None and await cursor.fetchone() is None


async def test_a_large_result_streams_in_chunks(connection: aiosqlite.Connection) -> None:
    cursor = connection.cursor()
    await cursor.execute("CREATE TABLE n (v INTEGER)")
    await cursor.executemany("INSERT INTO n VALUES (?)", [(value,) for value in range(CHUNK * 2 + 5)])
    trips = count_trips(connection)
    await cursor.execute("SELECT v FROM n ORDER BY v")
    first = await cursor.fetchmany(10)
    assert first == [(value,) for value in range(10)] and trips == [1]
    rest = []
    while batch := await cursor.fetchmany(700):
        rest.extend(batch)
    assert [value for (value,) in first + rest] == list(range(CHUNK * 2 + 5))
    assert trips == [3]  # the statement, then two more chunks
    await cursor.execute("SELECT v FROM n WHERE v < 3")  # a new statement closes the half-read one
    assert await cursor.fetchall() == [(0,), (1,), (2,)]


async def test_errors_surface_as_sqlite_errors(connection: aiosqlite.Connection) -> None:
    cursor = connection.cursor()
    with pytest.raises(aiosqlite.OperationalError):
        await cursor.execute("SELECT * FROM missing")


async def test_begin_travels_with_the_first_statement(connection: aiosqlite.Connection) -> None:
    cursor = connection.cursor()
    await cursor.execute("CREATE TABLE t (v INTEGER)")
    trips = count_trips(connection)
    await cursor.execute("BEGIN IMMEDIATE")
    await cursor.execute("INSERT INTO t VALUES (1)")
    assert connection.in_transaction
    await connection.commit()
    assert trips == [2] and not connection.in_transaction
    await cursor.execute("BEGIN IMMEDIATE")
    await connection.rollback()  # nothing ran: no trip at all
    assert trips == [2]
    await cursor.execute("BEGIN IMMEDIATE")
    await cursor.execute("INSERT INTO t VALUES (2)")
    await connection.rollback()
    await cursor.execute("SELECT v FROM t")
    assert await cursor.fetchall() == [(1,)]
