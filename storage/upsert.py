"""Dialect-aware INSERT ... ON CONFLICT helpers for SQLite and PostgreSQL, single rows or many."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Result, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

Executor = AsyncSession | AsyncConnection


def rows_changed(result: Result[Any]) -> int:
    """The number of rows an UPDATE or DELETE changed (a session's result is a cursor result too)."""
    return int(cast("CursorResult[Any]", result).rowcount)


def dialect_name(executor: Executor) -> str:
    """'sqlite' or 'postgresql' for a session or a connection."""
    if isinstance(executor, AsyncConnection):
        return executor.dialect.name
    return executor.bind.dialect.name if executor.bind else "sqlite"


def insert_for(executor: Executor, table: Table) -> Any:
    """The dialect's INSERT construct (which knows ON CONFLICT) for ``table``."""
    return (postgresql.insert if dialect_name(executor) == "postgresql" else sqlite.insert)(table)


async def upsert_many(executor: Executor, table: Table, rows: list[dict[str, Any]], keys: list[str]) -> None:
    """Insert or update many rows with the same columns in one statement execution."""
    if not rows:
        return
    statement = insert_for(executor, table)
    updates = {name: statement.excluded[name] for name in rows[0] if name not in keys}
    await executor.execute(statement.on_conflict_do_update(index_elements=keys, set_=updates), rows)


async def insert_ignoring_duplicates(executor: Executor, table: Table, values: dict[str, Any]) -> bool:
    """Insert ``values`` unless a unique key already holds them; True when a row was inserted."""
    result = await executor.execute(insert_for(executor, table).values(**values).on_conflict_do_nothing())
    return bool(rows_changed(result))
