"""aiosqlite with one trip to its thread per statement, instead of four.

SQLAlchemy's aiosqlite adapter makes a cursor, executes, fetches and closes, each a round trip to
aiosqlite's worker thread and back to the event loop. A small transaction of the conversation
service (a handful of statements) paid some thirty such trips, a fixed cost per group commit that
dominated under load. Here a statement's execute, the fetch of its first rows and the cursor's
close run as one call on that thread, and a transaction's BEGIN travels with its first statement;
only results larger than ``CHUNK`` rows (exports, which stream) fetch the rest in further calls of
``CHUNK`` rows each.

It relies on ``aiosqlite.Connection._execute`` (run a function on the connection's thread), the
primitive every aiosqlite method is built on; ``tests/test_sqlite_driver.py`` pins its behaviour.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Sequence
from typing import Any

import aiosqlite

CHUNK = 1000  # rows fetched with the statement; larger results follow in chunks of this size
BEGINS = frozenset({"BEGIN", "BEGIN IMMEDIATE", "BEGIN DEFERRED", "BEGIN EXCLUSIVE"})

Row = tuple[Any, ...]


class OneTripCursor:
    """The subset of aiosqlite's cursor that SQLAlchemy uses, one thread trip per statement."""

    def __init__(self, connection: OneTripConnection) -> None:
        self._connection = connection
        self._cursor: sqlite3.Cursor | None = None  # left open while a large result is being read
        self._rows: deque[Row] = deque()
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self.arraysize = 1

    async def __aenter__(self) -> OneTripCursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> OneTripCursor:
        """Run the statement and take its first rows in one trip (a BEGIN waits for the next statement's)."""
        if sql in BEGINS and not parameters:
            self._connection.pending_begin = sql
            self.description, self.rowcount, self._rows = None, -1, deque()
            return self
        await self._trip("execute", sql, parameters)
        return self

    async def executemany(self, sql: str, rows: Sequence[Any]) -> OneTripCursor:
        """Run the statement for each parameter set in one trip."""
        await self._trip("executemany", sql, rows)
        return self

    async def _trip(self, method: str, sql: str, parameters: Any) -> None:
        connection = self._connection
        begin, connection.pending_begin = connection.pending_begin, None
        self._take(await connection._execute(
            self._run, connection._conn, begin, method, sql, parameters, self._release()))

    @staticmethod
    def _run(
        raw: sqlite3.Connection, begin: str | None, method: str, sql: str, parameters: Any,
        previous: sqlite3.Cursor | None,
    ) -> tuple[Any, int, int | None, list[Row], sqlite3.Cursor | None]:
        """On aiosqlite's thread: close a half-read result, begin if asked, execute, fetch a chunk."""
        if previous is not None:
            previous.close()
        if begin is not None:
            raw.execute(begin)
        cursor = getattr(raw, method)(sql, parameters)
        rows = cursor.fetchmany(CHUNK) if cursor.description else []
        if len(rows) < CHUNK:
            cursor.close()
            return cursor.description, cursor.rowcount, cursor.lastrowid, rows, None
        return cursor.description, cursor.rowcount, cursor.lastrowid, rows, cursor

    def _take(self, result: tuple[Any, int, int | None, list[Row], sqlite3.Cursor | None]) -> None:
        self.description, self.rowcount, self.lastrowid, rows, self._cursor = result
        self._rows = deque(rows)

    def _release(self) -> sqlite3.Cursor | None:
        """The half-read result's cursor, for the next trip to close."""
        cursor, self._cursor = self._cursor, None
        return cursor

    async def _more(self) -> bool:
        """Fetch the next chunk of a large result; False when it is all read."""
        cursor = self._cursor
        if cursor is None:
            return False

        def fetch() -> list[Row]:
            rows = cursor.fetchmany(CHUNK)
            if len(rows) < CHUNK:
                cursor.close()
            return rows

        rows = await self._connection._execute(fetch)
        if len(rows) < CHUNK:
            self._cursor = None
        self._rows.extend(rows)
        return bool(rows)

    async def fetchone(self) -> Row | None:
        if not self._rows:
            await self._more()
        return self._rows.popleft() if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Row]:
        wanted = size or self.arraysize
        while len(self._rows) < wanted and await self._more():
            pass
        return [self._rows.popleft() for _ in range(min(wanted, len(self._rows)))]

    async def fetchall(self) -> list[Row]:
        while await self._more():
            pass
        rows, self._rows = list(self._rows), deque()
        return rows

    async def close(self) -> None:
        self._rows.clear()
        cursor = self._release()
        if cursor is not None:
            await self._connection._execute(cursor.close)


class OneTripConnection(aiosqlite.Connection):
    """An aiosqlite connection whose cursors make one thread trip per statement."""

    pending_begin: str | None = None  # a BEGIN sent with the transaction's first statement

    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        return OneTripCursor(self)

    async def commit(self) -> None:
        """Commit; a transaction that ran no statement was never begun, so there is nothing to do."""
        if self.pending_begin is None:
            await super().commit()
        self.pending_begin = None

    async def rollback(self) -> None:
        """Roll back, or forget a BEGIN that no statement followed."""
        if self.pending_begin is None:
            await super().rollback()
        self.pending_begin = None


async def connect(database: str, **kwargs: Any) -> aiosqlite.Connection:
    """Open ``database`` like ``aiosqlite.connect``, with one-trip cursors."""
    connection = aiosqlite.connect(database, check_same_thread=False, **kwargs)
    connection.__class__ = OneTripConnection
    connection._thread.daemon = True  # as SQLAlchemy's own aiosqlite connect does: never blocks the exit
    return await connection
