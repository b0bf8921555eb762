"""Benchmark: conversation engine plus SQLite storage, 10,000 steps across 1,000 simulated users.

Run: .venv/bin/python bench/engine.py [--users 1000] [--steps 10]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.conversation.service import ConversationService  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from handlers.matching import warm  # noqa: E402
from handlers.protocol import Incoming  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import migrate  # noqa: E402

# A registration then a declaration, typed without diacritics: 22 steps per user at most.
SCRIPT = ["chao", "1", "nguyen van an", "12/3/1990", "nam", "0912345678", "bo qua", "hung yen", "yen my",
          "so 12 thon dong", "1", "1", "sot ho", "khong", "ha noi", "khong", "2", "1"]


async def user(service: ConversationService, user_id: int, steps: int) -> None:
    """One simulated user sending ``steps`` messages in order."""
    for number in range(steps):
        text = SCRIPT[number % len(SCRIPT)]
        await service.handle(Incoming("bench", str(user_id), text=text, message_id=f"{user_id}-{number}"))


async def main(users: int, steps: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/bench.db"
        settings = load_settings(DATABASE_URL=url, KHAIBAO_SECRET_KEY="bench-secret-key-0123456789-abcdefghij")
        database = Database(url)
        await migrate(database)
        service = ConversationService(database, settings)
        warm()  # the place and country indexes load once per process, before the first message is timed
        started = time.perf_counter()
        await asyncio.gather(*(user(service, number, steps) for number in range(users)))
        elapsed = time.perf_counter() - started
        await database.dispose()
    total = users * steps
    print(f"engine + SQLite: {total} steps across {users} users in {elapsed:.2f} s = {total / elapsed:,.0f} steps/s")
    print("target: >= 2,000 steps/s")
    print("reproduce: .venv/bin/python bench/engine.py")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=10)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.users, arguments.steps))
