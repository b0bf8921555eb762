"""Benchmark: venue check-ins through the conversation service, and finding a case's exposed people.

Run: .venv/bin/python bench/checkin.py [--users 2000] [--checkins 10000000] [--only service,exposure]

service: a fresh SQLite database with ``--users`` registered citizens and one venue; every user scans
(the QR's "/start l_<token>") and taps the confirm button, then in a second run types "/checkin CODE" and
"1" (two messages, one stored check-in), all users at once, so the service's group commits carry many
users' steps per transaction. Figures: confirmed check-ins per second and messages per second, wall
time from the first message to the last reply.

exposure: a throw-away PostgreSQL database (the test server of scripts/test-postgres.sh) with
``--checkins`` check-ins spread over 20,000 venues, 200,000 people and 21 days, generated inside the
server with generate_series (indexes built after the load, as a restore would), plus one case with
20 visits. The figure is the time of storage.checkins.visits_of + overlapping (the queries /cabenh
runs), cold (first run) and warm (median of 5), with the number of check-ins found.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.conversation.service import ConversationService  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from handlers.matching import warm  # noqa: E402
from handlers.protocol import BUTTON, Incoming  # noqa: E402
from handlers.venues.windows import parse_windows  # noqa: E402
from storage import checkins, venues  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import migrate  # noqa: E402
from storage.models import Checkin  # noqa: E402
from tests import postgres_server  # noqa: E402
from tests.delivery.people import add_people  # noqa: E402

SECRET_KEY = "bench-secret-key-0123456789-abcdefghij"
NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
VENUES, PEOPLE, DAYS, CASE_VISITS = 20_000, 200_000, 21, 20
VENUE = {"name": "Cho Yen My", "kind": "market", "province_code": "33", "commune_code": "12052", "street": "so 5",
         "schedule": None, "owner_id": None, "created_by": "bench"}


async def _user(service: ConversationService, user_id: str, venue: dict[str, str], typed: bool) -> None:
    """Scan and tap (the QR's link, then the button), or type the code and "1" (Zalo, the console)."""
    if typed:
        messages = [Incoming("bench", user_id, text=f"/checkin {venue['code']}", message_id=f"{user_id}-0"),
                    Incoming("bench", user_id, text="1", message_id=f"{user_id}-1")]
    else:
        messages = [Incoming("bench", user_id, text=f"/start l_{venue['token']}", message_id=f"{user_id}-0"),
                    Incoming("bench", user_id, kind=BUTTON, option=("confirm", "self"), message_id=f"{user_id}-1")]
    for message in messages:
        await service.handle(message)


async def service_run(users: int, typed: bool) -> None:
    """Check-ins through the ConversationService on SQLite."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/bench.db"
        settings = load_settings(DATABASE_URL=url, KHAIBAO_SECRET_KEY=SECRET_KEY)
        database = Database(url)
        await migrate(database)
        await add_people(database, users, channel="bench")
        async with database.engine.begin() as connection:
            venue = await venues.create(connection, VENUE, NOW)
        service = ConversationService(database, settings)
        warm()
        started = time.perf_counter()
        await asyncio.gather(*(_user(service, str(10_000 + number), venue, typed) for number in range(users)))
        elapsed = time.perf_counter() - started
        async with database.engine.connect() as connection:
            stored = (await connection.execute(text("SELECT count(*) FROM checkin"))).scalar_one()
        await database.dispose()
    how = "typed code and 1" if typed else "QR link and button"
    print(f"service (SQLite, {how}): {stored:,} check-ins ({2 * users:,} messages) from {users:,} users"
          f" in {elapsed:.2f} s = {stored / elapsed:,.0f} check-ins/s, {2 * users / elapsed:,.0f} messages/s"
          " (target >= 1,000 check-ins/s)")
    assert stored == users, f"{stored} check-ins stored for {users} users"


LOAD = [
    "SET session_replication_role = replica",  # foreign keys are checked by the generator's ranges instead
    "INSERT INTO person (channel, external_id, full_name, role, locale, active, consent_at, created_at, updated_at) "
    "SELECT 'bench', g::text, 'Nguoi ' || g, 'citizen', 'vi', true, :now, :now, :now "
    "FROM generate_series(1, :people) g",
    "INSERT INTO venue (code, token, name, kind, province_code, commune_code, street, created_by, status, created_at) "
    "SELECT 'V' || lpad(g::text, 7, '0'), 'token' || g, 'Venue ' || g, "
    "(ARRAY['market','office','school','shop','clinic','transport','other'])[1 + g % 7], '33', '12052', 'so ' || g, "
    "'bench', 'active', :now FROM generate_series(1, :venues) g",
    "DROP INDEX ix_checkin_venue_at", "DROP INDEX ix_checkin_person_at", "DROP INDEX ix_checkin_at",
    "INSERT INTO checkin (venue_id, person_id, subject_name, at) "
    "SELECT 1 + (random() * (:venues - 1))::int, 1 + (random() * (:people - 2))::int, NULL, "  # the case: :people
    "CAST(:now AS timestamptz) - random() * interval '21 days' FROM generate_series(1, :checkins)",
    "CREATE INDEX ix_checkin_venue_at ON checkin (venue_id, at)",
    "CREATE INDEX ix_checkin_person_at ON checkin (person_id, at)",
    "CREATE INDEX ix_checkin_at ON checkin (at)",
    "ANALYZE",
]


async def exposure_run(count: int) -> None:
    """The /cabenh queries for one case with 20 visits among ``count`` check-ins on PostgreSQL."""
    server = postgres_server.server_url()
    name = f"khaibao_bench_checkin_{os.getpid()}"
    await postgres_server.admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    await postgres_server.admin(server, f"CREATE DATABASE {name}")
    database = Database(server.rsplit("/", 1)[0] + f"/{name}")
    try:
        await migrate(database)
        started = time.perf_counter()
        params = {"now": NOW, "people": PEOPLE, "venues": VENUES, "checkins": count}
        async with database.engine.begin() as connection:
            for statement in LOAD[:-1]:
                await connection.execute(text(statement), params)
        async with database.engine.connect() as connection:
            await (await connection.execution_options(isolation_level="AUTOCOMMIT")).execute(text(LOAD[-1]))
        loaded = time.perf_counter() - started
        case_person = PEOPLE  # the case: 20 visits over the last 14 days, at 20 different venues
        visits = [{"venue_id": 1 + number * 997 % VENUES, "person_id": case_person, "subject_name": None,
                   "at": NOW - timedelta(hours=16 * number + 1)} for number in range(CASE_VISITS)]
        async with database.engine.begin() as connection:
            await connection.execute(insert(Checkin.__table__), visits)  # type: ignore[attr-defined]
        windows = parse_windows(2.0, "")
        timings, found = [], 0
        for _ in range(6):
            began = time.perf_counter()
            async with database.engine.connect() as connection:
                case_visits = await checkins.visits_of(connection, case_person, None, NOW - timedelta(days=14))
                kinds = await venues.get_many(connection, [visit.venue_id for visit in case_visits])
                exposed = await checkins.overlapping(
                    connection, [(visit, windows[kinds[visit.venue_id]["kind"]]) for visit in case_visits])
            timings.append(time.perf_counter() - began)
            found = len(exposed)
        print(f"exposure (PostgreSQL): {count:,} check-ins generated and indexed in {loaded:.1f} s; one case with "
              f"{len(case_visits)} visits: {found:,} overlapping check-ins found in {timings[0] * 1000:.1f} ms cold, "
              f"{statistics.median(timings[1:]) * 1000:.1f} ms warm (median of 5) (target < 1 s)")
    finally:
        await database.dispose()
        await postgres_server.admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


async def main(users: int, count: int, only: set[str]) -> None:
    if "service" in only:
        await service_run(users, typed=False)
        await service_run(users, typed=True)
    if "exposure" in only:
        await exposure_run(count)
    print(f"reproduce: .venv/bin/python bench/checkin.py --users {users} --checkins {count} "
          f"--only {','.join(sorted(only))}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--checkins", type=int, default=10_000_000)
    parser.add_argument("--only", default="service,exposure")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.users, arguments.checkins, set(arguments.only.split(","))))
