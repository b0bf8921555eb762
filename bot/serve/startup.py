"""Start-up: logging that never shows tokens or personal data, settings, a migrated database."""

from __future__ import annotations

import logging

from bot.settings import Settings
from storage.db import Database
from storage.migrate import migrate

QUIET_LOGGERS = ("telegram", "httpx", "httpcore", "aiohttp", "sqlalchemy", "aiosqlite", "apscheduler", "alembic")


def configure_logging(level: str) -> None:
    """Plain structured logging; library loggers kept at WARNING even when LOG_LEVEL=DEBUG.

    At DEBUG, python-telegram-bot logs its API URL (which holds the token) and every call's
    parameters and results (which hold what people typed); HTTP clients log URLs, and the
    database libraries log statements with their parameters.
    """
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for noisy in QUIET_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)


async def open_database(settings: Settings) -> Database:
    """The database, created and migrated to the newest schema when needed."""
    database = Database(settings.database_url)
    await migrate(database)
    return database
