"""The migrations build exactly the schema the models declare, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers every table on the metadata)
from storage.db import Database


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
    assert columns["ix_delivery_broadcast_status_id"] == ["broadcast_id", "status", "id"]
    assert columns["ix_delivery_lease"] == ["lease_until"]
