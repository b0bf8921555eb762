"""Upgrading to alerts without stored texts keeps every existing alert readable."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import Connection

from handlers.alert_text import community_alert
from storage import alerts
from storage.migrate import alembic_config


async def test_existing_community_alerts_are_linked_to_their_reports(database, clock) -> None:
    config = alembic_config(database.url)

    def to(revision: str):  # type: ignore[no-untyped-def]
        def run(connection: Connection) -> None:
            config.attributes["connection"] = connection
            (command.downgrade if revision != "head" else command.upgrade)(config, revision)
        return run

    async with database.engine.begin() as connection:
        await connection.run_sync(to("0007"))
    try:
        async with database.engine.begin() as connection:
            for commune, place in (("12052", "thon Dong"), ("11953", "pho Hien")):
                await connection.execute(text(
                    "INSERT INTO community_report (anonymous, kind, commune_code, place, seen, created_at) "
                    "VALUES (true, 'other', :commune, :place, 'ho', :at)"), {"commune": commune, "place": place,
                                                                             "at": clock.now})
                await connection.execute(text(
                    "INSERT INTO alert (kind, commune_code, text, created_at) VALUES ('community', :commune, 'x', :at)"
                ), {"commune": commune, "at": clock.now})
    finally:
        async with database.engine.begin() as connection:
            await connection.run_sync(to("head"))
    async with database.engine.connect() as connection:
        rows = [dict(row._mapping) for row in await connection.execute(text("SELECT * FROM alert ORDER BY id"))]
        texts = [await alerts.text_of(connection, row) for row in rows]
        reports = [dict(row._mapping) for row in await connection.execute(
            text("SELECT * FROM community_report ORDER BY id"))]
    assert [row["report_id"] for row in rows] == [report["id"] for report in reports]
    assert texts == [community_alert(report) for report in reports] and "thon Dong" in texts[0]
