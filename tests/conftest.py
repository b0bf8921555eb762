"""Shared fixtures: a migrated SQLite database per test (copied from one template), settings, a fixed clock."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from bot.conversations import ConversationService
from bot.settings import Settings, load_settings
from storage.db import Database
from storage.migrate import migrate

SECRET = "test-secret-key-that-is-long-enough-0123456789"

# CI runs the same examples every time; developers' runs explore new ones.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


class FixedClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move the clock forward."""
        self.now += timedelta(**delta)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file that every test copies."""
    path = tmp_path_factory.mktemp("template") / "khaibao.db"

    async def build() -> None:
        database = Database(f"sqlite+aiosqlite:///{path}")
        await migrate(database)
        await database.dispose()

    asyncio.run(build())
    return path


@pytest.fixture
def db_url(template_db: Path, tmp_path: Path) -> str:
    """The URL of a fresh migrated database for this test."""
    target = tmp_path / "khaibao.db"
    shutil.copy(template_db, target)
    return f"sqlite+aiosqlite:///{target}"


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    """Settings pointing at this test's database and folder."""
    return load_settings(
        DATABASE_URL=db_url,
        KHAIBAO_SECRET_KEY=SECRET,
        KHAIBAO_DATA_DIR=str(tmp_path / "data"),
        KHAIBAO_ADMINS="console:admin,telegram:1",
    )


@pytest.fixture
async def database(settings: Settings) -> AsyncIterator[Database]:
    """This test's database."""
    database = Database(settings.database_url)
    yield database
    await database.dispose()


@pytest.fixture
def clock() -> Iterator[FixedClock]:
    """A fixed clock at 09:00 on 22/11/2026 in Hanoi (02:00 UTC)."""
    yield FixedClock(datetime(2026, 11, 22, 2, 0, tzinfo=UTC))


@pytest.fixture
def service(database: Database, settings: Settings, clock: FixedClock) -> ConversationService:
    """The conversation service on this test's database and clock."""
    return ConversationService(database, settings, clock=clock, outbreak_ttl=0)
