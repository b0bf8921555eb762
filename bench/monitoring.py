"""Benchmark: one monitoring slot with 100,000 people under monitoring on SQLite (select and enqueue).

Run: .venv/bin/python bench/monitoring.py [--people 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.delivery.planner import Planner  # noqa: E402
from bot.jobs import reminders  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import migrate  # noqa: E402
from storage.models import Broadcast, Delivery, Monitoring, Person  # noqa: E402
from tests.delivery.people import add_people  # noqa: E402

SLOT = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)  # 16:30 in Hanoi


def peak_mb() -> float:
    """This process's peak resident memory so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def main(people: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/bench.db"
        settings = load_settings(DATABASE_URL=url, KHAIBAO_SECRET_KEY="bench-secret-key-0123456789-abcdefghij")
        database = Database(url)
        await migrate(database)
        await add_people(database, people)
        async with database.engine.begin() as connection:
            ids = (await connection.execute(select(Person.id))).scalars().all()
            rows = [{"person_id": pid, "commune_code": "12052", "declaration_code": f"C{pid}",
                     "starts_at": SLOT - timedelta(days=2), "ends_at": SLOT + timedelta(days=12), "placed_by": ids[0]}
                    for pid in ids]
            for start in range(0, len(rows), 10_000):
                await connection.execute(insert(Monitoring.__table__), rows[start:start + 10_000])  # type: ignore[attr-defined]
        del ids, rows
        before = peak_mb()
        started = time.perf_counter()
        await reminders.monitoring_slot(database, SLOT, SLOT - timedelta(hours=9), settings)
        async with database.engine.begin() as connection:
            reminder = (await connection.execute(
                select(Broadcast.id).where(Broadcast.created_by.like("monitoring:%")))).scalar_one()
        await Planner(database, lambda: SLOT).expand(reminder)
        elapsed = time.perf_counter() - started
        async with database.engine.begin() as connection:
            queued = (await connection.execute(select(func.count()).select_from(Delivery))).scalar_one()
        await database.dispose()
    print(f"monitoring slot: {people:,} people under monitoring -> {queued:,} reminders queued "
          f"(and the missed-declaration report) in {elapsed:.2f} s")
    print(f"peak RSS: {before:.0f} MB before the slot, {peak_mb():.0f} MB after (growth {peak_mb() - before:.1f} MB)")
    print("target: under 5 s on SQLite with flat memory")
    print("reproduce: .venv/bin/python bench/monitoring.py")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    asyncio.run(main(parser.parse_args().people))
