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
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.conversation.service import ConversationService
from bot.settings import Settings, load_settings
from storage.db import Database
from storage.migrate import migrate
from tests import postgres_server

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


ROOT = Path(__file__).resolve().parents[1]


POSTGRES_URL = postgres_server.server_url()
BACKENDS = ["sqlite", "postgresql"]


async def _admin(statement: str) -> None:
    """Run one statement on the PostgreSQL server's maintenance database."""
    await postgres_server.admin(POSTGRES_URL, statement)


def postgres_url(name: str) -> str:
    """The URL of database ``name`` on the test server."""
    return POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """One migrated PostgreSQL database for the session; each test starts from emptied tables."""
    name = f"khaibao_test_{os.getpid()}"

    async def build() -> None:
        await _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        await _admin(f"CREATE DATABASE {name}")
        database = Database(postgres_url(name))
        await migrate(database)
        await database.dispose()

    asyncio.run(build())
    yield postgres_url(name)
    asyncio.run(_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


async def _empty(url: str) -> None:
    """Empty every table but the map and the migration marker (TRUNCATE fires no row triggers)."""
    engine = create_async_engine(url)
    async with engine.begin() as connection:
        names = (await connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename NOT IN ('area', 'alembic_version')"))).scalars().all()
        await connection.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
    await engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, template_db: Path, tmp_path: Path) -> str:
    """The URL of an empty migrated database for this test, on SQLite and PostgreSQL."""
    if request.param == "sqlite":
        target = tmp_path / "khaibao.db"
        shutil.copy(template_db, target)
        return f"sqlite+aiosqlite:///{target}"
    url: str = request.getfixturevalue("postgres_database")
    asyncio.run(_empty(url))
    return url


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
