"""Kill the sender process mid-broadcast and start it again: everyone gets the message, nobody twice."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from storage import broadcasts
from storage.models import Delivery
from tests.conftest import SECRET
from tests.delivery.people import add_people
from tests.fakes.fake_telegram import running_fake_telegram

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 400


async def start_sender(env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "sender", cwd=ROOT, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )


async def settled(database) -> Counter[str]:  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        return Counter((await session.execute(select(Delivery.status))).scalars())


async def test_killed_sender_resumes_without_double_sending(database, db_url, clock, tmp_path) -> None:
    await add_people(database, RECIPIENTS)
    async with database.engine.begin() as connection:
        from handlers.audience import Audience

        await broadcasts.create(connection, "Khẩn: đeo khẩu trang", Audience("everyone"), clock.now, urgent=True)
    async with running_fake_telegram() as fake:
        env = {
            **os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": db_url, "KHAIBAO_SECRET_KEY": SECRET,
            "KHAIBAO_DATA_DIR": str(tmp_path), "TELEGRAM_BOT_TOKEN": fake.token,
            "TELEGRAM_API_BASE_URL": fake.base_url, "TELEGRAM_RATE": "200", "TELEGRAM_PER_CHAT_INTERVAL": "0",
            "QUIET_HOURS": "off", "DELIVERY_LEASE_SECONDS": "2", "DELIVERY_BATCH": "100",
        }
        first = await start_sender(env)
        await fake.wait_for_calls("sendMessage", 120, timeout=60)
        first.send_signal(signal.SIGKILL)
        await first.wait()
        sent_before = len(fake.calls_to("sendMessage"))
        assert sent_before < RECIPIENTS, "the sender must be killed mid-broadcast"
        second = await start_sender(env)
        try:
            async with asyncio.timeout(90):
                while (counts := await settled(database)).keys() - {"sent", "ambiguous"}:
                    await asyncio.sleep(0.2)
        finally:
            second.send_signal(signal.SIGTERM)
            await second.wait()
    per_chat = Counter(call.params["chat_id"] for call in fake.calls_to("sendMessage"))
    assert max(per_chat.values()) == 1, "nobody gets the message twice"
    async with database.sessions() as session:
        rows = (await session.execute(select(Delivery.external_id, Delivery.status))).all()
    ambiguous = {int(chat) for chat, status in rows if status == "ambiguous"}
    delivered = {int(chat) for chat, status in rows if status == "sent"}
    assert delivered <= set(per_chat), "every row marked sent was really sent"
    assert set(range(10_000, 10_000 + RECIPIENTS)) - set(per_chat) <= ambiguous, "only ambiguous rows may miss it"
    assert len(ambiguous) <= 200 and counts["sent"] + counts["ambiguous"] == RECIPIENTS  # in flight at the kill
