"""The async engine and sessions: SQLite in WAL mode with immediate write transactions, or PostgreSQL."""

from __future__ import annotations

import functools
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from storage import sqlite_driver
from storage.log_privacy import quiet_database_loggers, scrub_error


def is_sqlite(url: str) -> bool:
    """True for an SQLite database URL."""
    return url.startswith("sqlite")


def create_engine(url: str) -> AsyncEngine:
    """An engine for ``url`` that never logs or raises the data it carries (storage.log_privacy).

    For SQLite the folder is created and the pragmas set on each connection.
    """
    quiet_database_loggers()
    if not is_sqlite(url):
        engine = create_async_engine(url, hide_parameters=True, pool_size=10, max_overflow=10, pool_pre_ping=True)
    else:
        database = make_url(url).database
        if database and database != ":memory:":
            os.makedirs(os.path.dirname(os.path.abspath(database)), exist_ok=True)
        path = database or ":memory:"
        engine = create_async_engine(url, hide_parameters=True, pool_size=1, max_overflow=0, pool_timeout=60,
                                     async_creator=functools.partial(sqlite_driver.connect, path, timeout=30))
        event.listen(engine.sync_engine, "connect", _sqlite_connect)
        event.listen(engine.sync_engine, "begin", _sqlite_begin)
    event.listen(engine.sync_engine, "handle_error", scrub_error)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # transactions are begun explicitly below
    cursor = dbapi_connection.cursor()
    # secure_delete: erased values are overwritten with zeros, not left in free space of the file
    for pragma in ("journal_mode=WAL", "busy_timeout=10000", "synchronous=NORMAL", "foreign_keys=ON",
                   "secure_delete=ON"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


async def release_deleted(engine: AsyncEngine) -> None:
    """On SQLite, checkpoint and truncate the WAL (old page versions with erased values go); else nothing.

    It waits for a pooled connection, so called while a transaction holds SQLite's only one, it
    runs once that transaction has committed.
    """
    if engine.dialect.name != "sqlite":
        return
    async with engine.connect() as connection:
        raw = await connection.get_raw_connection()
        await raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]


class Database:
    """An engine with its session factory."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_engine(url)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction, committed on success and rolled back on error."""
        async with self.sessions() as session, session.begin():
            yield session

    async def release_deleted(self) -> None:
        """SQLite: copy the write-ahead log into the database and truncate it, so erased values leave the files."""
        await release_deleted(self.engine)

    async def dispose(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()
