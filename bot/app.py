"""Start-up: logging that never shows tokens or personal data, settings, a migrated database."""

from __future__ import annotations

import logging

from bot.settings import Settings
from storage.db import Database
from storage.migrate import migrate


def configure_logging(level: str) -> None:
    """Plain structured logging; HTTP client loggers (whose URLs hold bot tokens) kept at WARNING."""
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for noisy in ("httpx", "httpcore", "telegram.ext", "apscheduler", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


async def open_database(settings: Settings) -> Database:
    """The database, created and migrated to the newest schema when needed."""
    database = Database(settings.database_url)
    await migrate(database)
    return database
