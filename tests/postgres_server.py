"""The throw-away PostgreSQL server the tests and benchmarks use, and statements on its maintenance database."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

ROOT = Path(__file__).resolve().parents[1]


def server_url() -> str:
    """TEST_POSTGRES_URL, or the URL of the server scripts/test-postgres.sh installs (from Debian) and starts."""
    if "TEST_POSTGRES_URL" not in os.environ:
        script = ROOT / "scripts" / "test-postgres.sh"
        found = subprocess.run([str(script)], capture_output=True, text=True, check=False)
        if found.returncode != 0:
            raise RuntimeError(f"could not start PostgreSQL:\n{found.stderr}")
        os.environ["TEST_POSTGRES_URL"] = found.stdout.strip()
    return os.environ["TEST_POSTGRES_URL"]


async def admin(server: str, statement: str) -> None:
    """Run one statement (CREATE/DROP DATABASE) on the server's maintenance database, outside a transaction."""
    engine = create_async_engine(server, isolation_level="AUTOCOMMIT")
    async with engine.connect() as connection:
        await connection.execute(text(statement))
    await engine.dispose()
