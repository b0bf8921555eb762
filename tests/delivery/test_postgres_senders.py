"""Two senders on PostgreSQL share one broadcast (FOR UPDATE SKIP LOCKED) without double sending."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.channels.telegram.bulk import TelegramSender
from bot.clock import utc_now
from bot.delivery.pacing import RateLimiter
from bot.delivery.planner import Planner
from bot.delivery.worker import DeliveryWorker, WorkerSettings
from handlers.audience import Audience
from handlers.quiet_hours import QuietHours
from storage import broadcasts
from storage.db import Database
from storage.models import Delivery
from tests.delivery.people import add_people
from tests.fakes.fake_telegram import running_fake_telegram


class CountingSender(TelegramSender):
    """A Telegram sender that counts what it sent."""

    sent = 0

    async def send(self, chat_id: str, text: str) -> None:
        await super().send(chat_id, text)
        self.sent += 1


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
async def test_two_senders_share_the_work(db_url: str) -> None:
    first_db, second_db = Database(db_url), Database(db_url)
    await add_people(first_db, 600)
    async with first_db.engine.begin() as connection:
        await broadcasts.create(connection, "Chung tay phòng dịch", Audience("everyone"), utc_now())
    await Planner(first_db, utc_now).tick(report=False)
    config = WorkerSettings(batch=40, mark=10, lease=timedelta(seconds=30), idle_poll=0.02, flush_every=0.01)
    quiet = QuietHours.parse("off", ZoneInfo("Asia/Ho_Chi_Minh"))
    async with running_fake_telegram() as fake:
        senders = [CountingSender(fake.base_url, fake.token) for _ in range(2)]
        workers = [
            DeliveryWorker(db, "telegram", sender, RateLimiter(400, burst=5), utc_now, quiet, config)
            for db, sender in zip((first_db, second_db), senders, strict=True)
        ]
        stop = asyncio.Event()
        tasks = [asyncio.create_task(worker.run(stop)) for worker in workers]
        await fake.wait_for_calls("sendMessage", 600, timeout=30)
        await asyncio.sleep(0.2)
        stop.set()
        await asyncio.gather(*tasks)
    per_chat = Counter(call.params["chat_id"] for call in fake.calls_to("sendMessage"))
    assert len(per_chat) == 600 and set(per_chat.values()) == {1}
    async with first_db.sessions() as session:
        statuses = Counter((await session.execute(select(Delivery.status))).scalars())
    assert statuses == Counter({"sent": 600})
    assert all(sender.sent > 100 for sender in senders), [sender.sent for sender in senders]
    for db in (first_db, second_db):
        await db.dispose()
