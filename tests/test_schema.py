"""The migrations build exactly the schema the models declare, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from storage.db import Database
from storage.identities import any_identity
from storage.migrate import migrate
from storage.models import Conversation, Person  # importing the models registers every table


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, SQLModel.metadata))


async def test_migrated_schema_matches_the_models(database: Database) -> None:
    async with database.engine.connect() as connection:
        differences = await connection.run_sync(_differences)
    assert differences == []


async def test_claim_and_recovery_use_their_indexes(database: Database) -> None:
    async with database.engine.connect() as connection:
        indexes = await connection.run_sync(lambda sync: inspect(sync).get_indexes("delivery"))
    columns = {index["name"]: index["column_names"] for index in indexes}
    assert columns["ix_delivery_claim_order"] == ["broadcast_id", "channel", "status", "id"]
    assert columns["ix_delivery_lease"] == ["lease_until"]


async def test_identity_lookups_use_the_unique_index_on_sqlite(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path}/plan.db")
    await migrate(database)
    keys = [("telegram", "1"), ("telegram", "2"), ("zalo", "3")]
    try:
        async with database.engine.connect() as connection:
            for model in (Conversation, Person):
                table = model.__table__  # type: ignore[attr-defined]
                compiled = select(table.c.updated_at).where(any_identity(table, keys)).compile(
                    dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
                )
                plan = (await connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")).all()
                details = " ".join(str(row[-1]) for row in plan)
                assert "SCAN" not in details.replace("SCAN CONSTANT", "") and "USING" in details, details
    finally:
        await database.dispose()
