"""The delivery queue against the fake Telegram server over real HTTP: once each, 429, 403, retries, cancel."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from bot.channels.telegram.bulk import TelegramSender
from bot.clock import utc_now
from bot.delivery.pacing import RateLimiter
from bot.delivery.planner import Planner
from bot.delivery.senders import Transient
from bot.delivery.worker import DeliveryWorker, WorkerSettings
from handlers.audience import Audience, parse_audience
from handlers.quiet_hours import QuietHours
from storage import broadcasts, deliveries
from storage.models import Delivery, Person
from tests.delivery.people import NOW, add_people
from tests.fakes.fake_telegram import running_fake_telegram

FAST = WorkerSettings(batch=50, mark=10, lease=timedelta(seconds=30), idle_poll=0.02, flush_every=0.01)


def received(fake) -> Counter[int]:  # type: ignore[no-untyped-def]
    """How many messages each chat got."""
    return Counter(call.params["chat_id"] for call in fake.calls_to("sendMessage") if call.status == 200)


async def broadcast(database, clock, text="Thông báo thử", audience="everyone", **options) -> int:  # type: ignore[no-untyped-def]
    async with database.engine.begin() as connection:
        return await broadcasts.create(connection, text, parse_audience(audience), clock(), **options)


async def run_until_settled(database, clock, worker, timeout=20.0) -> None:  # type: ignore[no-untyped-def]
    """Run the planner and the worker until no row is open."""
    planner = Planner(database, clock)
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    try:
        async with asyncio.timeout(timeout):
            while True:
                await planner.tick(report=False)
                async with database.engine.begin() as connection:
                    open_rows = (await connection.execute(
                        select(Delivery.id).where(Delivery.status.in_(("pending", "claimed", "sending")))
                    )).first()
                    todo = await broadcasts.due(connection, clock())
                if open_rows is None and not todo:
                    await planner.tick(report=False)
                    return
                await asyncio.sleep(0.02)
    finally:
        stop.set()
        await task


def worker_for(database, clock, fake, rate=500.0, config=FAST, quiet="off"):  # type: ignore[no-untyped-def]
    sender = TelegramSender(fake.base_url, fake.token)
    quiet_hours = QuietHours.parse(quiet, ZoneInfo("Asia/Ho_Chi_Minh"))
    return DeliveryWorker(database, "telegram", sender, RateLimiter(rate, burst=5), clock, quiet_hours, config)


async def statuses(database) -> Counter[str]:  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        return Counter((await session.execute(select(Delivery.status))).scalars())


async def test_every_recipient_gets_the_broadcast_exactly_once(database, clock) -> None:
    await add_people(database, 120)
    broadcast_id = await broadcast(database, clock)
    async with running_fake_telegram() as fake:
        await run_until_settled(database, clock, worker_for(database, clock, fake))
    counts = received(fake)
    assert len(counts) == 120 and set(counts.values()) == {1}
    assert {call.params["text"] for call in fake.calls_to("sendMessage")} == {"Thông báo thử"}
    async with database.sessions() as session:
        row = await broadcasts.get(session, broadcast_id)
    assert row["status"] == "done" and row["total"] == 120
    assert await statuses(database) == Counter({"sent": 120})


async def test_429_pauses_and_retries_without_losing_anyone(database, clock) -> None:
    await add_people(database, 40)
    await broadcast(database, clock)
    async with running_fake_telegram(rate=20, retry_after=1) as fake:
        await run_until_settled(database, utc_now, worker_for(database, utc_now, fake, rate=200.0))
    assert fake.stats.too_many_requests > 0
    counts = received(fake)
    assert len(counts) == 40 and set(counts.values()) == {1}


async def test_blocked_recipient_is_marked_and_never_retried(database, clock) -> None:
    await add_people(database, 10)
    await broadcast(database, clock)
    async with running_fake_telegram() as fake:
        fake.blocked.add(10_003)
        await run_until_settled(database, clock, worker_for(database, clock, fake))
    attempts = Counter(call.params["chat_id"] for call in fake.calls_to("sendMessage"))
    assert attempts[10_003] == 1
    assert await statuses(database) == Counter({"sent": 9, "blocked": 1})
    async with database.sessions() as session:
        person = (await session.execute(select(Person).where(Person.external_id == "10003"))).scalar_one()
    assert person.active is False
    await broadcast(database, clock, text="Lần hai")
    async with database.sessions() as session:
        assert (await session.execute(select(Person.active).where(Person.external_id == "10003"))).scalar() is False


async def test_transient_errors_are_retried_for_the_whole_window_then_fail_visibly(database, clock) -> None:
    await add_people(database, 2)
    broadcast_id = await broadcast(database, clock)
    config = replace(FAST, retry_window=timedelta(minutes=10), retry_cap=60, outage_after=1000)
    async with running_fake_telegram() as fake:
        fake.fail_next(1000, status=500)
        worker = worker_for(database, clock, fake, config=config)
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop))
        planner = Planner(database, clock)
        await planner.tick(report=False)
        for _ in range(12):  # two hours of waiting, more than the window, a minute or more apart
            await asyncio.sleep(0.15)
            async with database.engine.begin() as connection:
                still_waiting = await broadcasts.counts(connection, broadcast_id)
            if clock.now - NOW < timedelta(minutes=9):
                in_flight = still_waiting.get("sending", 0)  # an attempt may be leaving at this very moment
                assert still_waiting.get("waiting", 0) + in_flight == 2 and set(still_waiting) <= {
                    "waiting", "sending"}, f"retried, not failed, within the window: {still_waiting}"
            clock.advance(minutes=1)
        stop.set()
        await task
    async with database.sessions() as session:
        rows = (await session.execute(select(Delivery))).scalars().all()
    assert {row.status for row in rows} == {"failed"}
    assert all(row.attempts >= 5 and "500" in row.last_error and "retried" in row.last_error for row in rows)


async def test_bad_chat_fails_at_once(database, clock) -> None:
    await add_people(database, 3)
    await broadcast(database, clock)
    async with running_fake_telegram() as fake:
        fake.fail_next(1, status=400)
        await run_until_settled(database, clock, worker_for(database, clock, fake))
    assert await statuses(database) == Counter({"sent": 2, "failed": 1})
    assert len(fake.calls_to("sendMessage")) == 3


async def test_transient_error_then_success(database, clock) -> None:
    await add_people(database, 3)
    await broadcast(database, clock)
    async with running_fake_telegram() as fake:
        fake.fail_next(1, status=502)
        worker = worker_for(database, clock, fake)

        async def move_clock() -> None:
            while True:
                await asyncio.sleep(0.05)
                clock.advance(seconds=5)

        mover = asyncio.create_task(move_clock())
        try:
            await run_until_settled(database, clock, worker)
        finally:
            mover.cancel()
    assert len(received(fake)) == 3 and await statuses(database) == Counter({"sent": 3})


async def test_cancel_stops_the_rest(database, clock) -> None:
    await add_people(database, 30)
    broadcast_id = await broadcast(database, clock)
    await Planner(database, clock).tick(report=False)
    async with database.engine.begin() as connection:
        cancelled = await broadcasts.cancel(connection, broadcast_id, clock.now)
    assert cancelled == 30
    async with running_fake_telegram() as fake:
        await run_until_settled(database, clock, worker_for(database, clock, fake))
    assert fake.calls_to("sendMessage") == []
    assert await statuses(database) == Counter({"cancelled": 30})


async def test_quiet_hours_hold_non_urgent_but_not_urgent(database, clock) -> None:
    clock.now = clock.now.replace(hour=15)  # 22:00 in Hanoi
    await add_people(database, 5)
    await broadcast(database, clock, text="Bình thường")
    await broadcast(database, clock, text="KHẨN", urgent=True)
    async with running_fake_telegram() as fake:
        worker = worker_for(database, clock, fake, quiet="21:00-07:00")
        planner = Planner(database, clock)
        await planner.tick(report=False)
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop))
        await fake.wait_for_calls("sendMessage", 5)
        await asyncio.sleep(0.2)
        texts = Counter(call.params["text"] for call in fake.calls_to("sendMessage"))
        assert texts == Counter({"KHẨN": 5})
        clock.now = clock.now.replace(hour=0, minute=30) + timedelta(days=1)  # 07:30 in Hanoi
        await fake.wait_for_calls("sendMessage", 10)
        stop.set()
        await task
    texts = Counter(call.params["text"] for call in fake.calls_to("sendMessage"))
    assert texts == Counter({"KHẨN": 5, "Bình thường": 5})


async def test_scheduled_broadcast_waits_for_its_time(database, clock) -> None:
    await add_people(database, 3)
    await broadcast(database, clock, scheduled_at=clock.now + timedelta(hours=2))
    planner = Planner(database, clock)
    await planner.tick(report=False)
    assert await statuses(database) == Counter()
    clock.advance(hours=2)
    await planner.tick(report=False)
    assert await statuses(database) == Counter({"pending": 3})


async def test_expired_lease_requeues_claimed_and_marks_in_flight_ambiguous(database, clock) -> None:
    await add_people(database, 6)
    await broadcast(database, clock)
    await Planner(database, clock).tick(report=False)
    async with database.engine.begin() as connection:
        rows = await deliveries.claim(connection, "telegram", clock.now, clock.now + timedelta(seconds=60), 6, False)
        lease = clock.now + timedelta(seconds=60)
        await deliveries.mark_sending(connection, [row["id"] for row in rows[:2]], lease, lease)
    clock.advance(seconds=61)
    await Planner(database, clock).tick(report=False)
    assert await statuses(database) == Counter({"pending": 4, "ambiguous": 2})


async def test_expansion_streams_in_chunks_and_resumes_without_duplicates(database, clock) -> None:
    await add_people(database, 35)
    broadcast_id = await broadcast(database, clock)
    async with database.engine.begin() as connection:
        await broadcasts.start(connection, broadcast_id, clock.now)
    for _ in range(2):
        async with database.engine.begin() as connection:
            row = await broadcasts.get(connection, broadcast_id)
            assert not await broadcasts.expand_chunk(connection, row, clock.now, chunk=10)
    assert await statuses(database) == Counter({"pending": 20})
    async with database.engine.begin() as connection:
        row = await broadcasts.get(connection, broadcast_id)
        row["expanded_through"] = 0  # as if the checkpoint had been lost: nobody is added twice
        while not await broadcasts.expand_chunk(connection, row, clock.now, chunk=10):
            row = await broadcasts.get(connection, broadcast_id)
    assert await statuses(database) == Counter({"pending": 35})


@pytest.mark.parametrize(
    "audience, expected",
    [
        ("everyone", {"10000", "10001", "10002", "10003"}),
        ("citizens", {"10000", "10001", "10002"}),
        ("officials", {"10003"}),
        ("officials:33", {"10003"}),
        ("officials:01", set()),
        ("area:33", {"10000", "10001", "10003"}),
        ("area:12052", {"10000", "10003"}),
        ("12052", {"10000", "10003"}),
    ],
)
async def test_audiences(database, clock, audience: str, expected: set[str]) -> None:
    await add_people(database, 1, start=0)
    await add_people(database, 1, start=1, commune_code="11953")
    await add_people(database, 1, start=2, province_code="01", commune_code="00070")
    await add_people(database, 1, start=3, role="official", area_code="12052")
    await add_people(database, 1, start=4, active=False)
    await add_people(database, 1, start=5, consent_at=None)
    broadcast_id = await broadcast(database, clock, audience=audience)
    await Planner(database, clock).expand(broadcast_id)
    async with database.sessions() as session:
        chats = set((await session.execute(select(Delivery.external_id))).scalars())
    assert chats == expected


def test_audience_parsing() -> None:
    assert parse_audience("area:12052") == Audience("area", "12052")
    assert parse_audience("citizens:33") == Audience("area", "33")
    for bad in ("nobody", "area", "area:99999"):
        with pytest.raises(ValueError):
            parse_audience(bad)


class RecordingNotifier:
    """Keeps what the planner posted."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, str, str | None, bool]] = []

    async def post(self, chat_id: str, text: str, message_id: str | None, final: bool) -> str | None:
        self.posts.append((chat_id, text, message_id, final))
        return "77"


async def test_progress_is_posted_to_the_admin_chat_and_edited(database, clock) -> None:
    await add_people(database, 20)
    await broadcast(database, clock, progress=("telegram", "555"))
    notifier = RecordingNotifier()
    planner = Planner(database, clock, {"telegram": notifier})
    await planner.tick()
    assert notifier.posts[0][0] == "555" and "0/20" in notifier.posts[0][1] and notifier.posts[0][2] is None
    async with running_fake_telegram() as fake:
        worker = worker_for(database, clock, fake)
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop))
        await fake.wait_for_calls("sendMessage", 20)
        await asyncio.sleep(0.1)
        stop.set()
        await task
    await planner.tick()
    chat, text, message_id, final = notifier.posts[-1]
    assert message_id == "77" and final is True
    assert "Đã gửi xong thông báo #1 tới mọi người: 20 người nhận" in text and "Đã gửi 20" in text


async def test_telegram_progress_message_is_edited_in_place(clock) -> None:
    async with running_fake_telegram() as fake:
        sender = TelegramSender(fake.base_url, fake.token)
        first = await sender.post("555", "Đang gửi 1/20", None, False)
        again = await sender.post("555", "Đang gửi 20/20", first, True)
        await sender.aclose()
        assert again == first and fake.last_text(555) == "Đang gửi 20/20"
        assert len(fake.messages(555)) == 1


async def test_a_bot_api_outage_is_outlasted_and_shown_as_waiting(database) -> None:
    """The fake answers 500 to everything for 4 s mid-broadcast; backoff is capped at 0.5 s for the test."""
    await add_people(database, 150)
    broadcast_id = await broadcast(database, utc_now, progress=("telegram", "555"))
    config = replace(FAST, mark=5, retry_cap=0.5, outage_after=10)
    notifier = RecordingNotifier()
    planner = Planner(database, utc_now, {"telegram": notifier})
    async with running_fake_telegram() as fake:
        stop = asyncio.Event()
        worker = asyncio.create_task(worker_for(database, utc_now, fake, rate=100.0, config=config).run(stop))

        async def plan() -> None:
            while not stop.is_set():
                await planner.tick()
                await asyncio.sleep(0.1)

        planning = asyncio.create_task(plan())
        await fake.wait_for_calls("sendMessage", 30, timeout=10)
        fake.outage(4.0)
        await asyncio.sleep(2.5)
        during = await planner.snapshot(broadcast_id)
        assert during is not None and during.waiting > 0 and during.counts.get("failed", 0) == 0
        assert "Đang chờ nền tảng" in during.text() and "Đang chờ nền tảng" in notifier.posts[-1][1]
        async with asyncio.timeout(30):
            while (counts := await statuses(database)) != Counter({"sent": 150}):
                assert not counts.keys() - {"sent", "pending", "claimed", "sending"}, counts
                await asyncio.sleep(0.1)
        stop.set()
        await asyncio.gather(worker, planning)
        await planner.tick()
    assert len(received(fake)) == 150 and set(received(fake).values()) == {1}
    refused = [call for call in fake.calls_to("sendMessage") if call.status == 500]
    assert 10 <= len(refused) < 100, "the sender probes a platform that is down instead of hammering it"
    assert notifier.posts[-1][3] is True and "Đã gửi 150 · Lỗi 0" in notifier.posts[-1][1]


class DownNotifier:
    """A progress chat on a platform that is down."""

    async def post(self, chat_id: str, text: str, message_id: str | None, final: bool) -> str | None:
        raise Transient("500 Internal Server Error")


async def test_progress_that_cannot_be_posted_does_not_stop_the_planner(database, clock, caplog) -> None:
    await add_people(database, 3)
    broadcast_id = await broadcast(database, clock, progress=("telegram", "555"))
    planner = Planner(database, clock, {"telegram": DownNotifier()})
    await planner.tick()
    async with database.engine.begin() as connection:
        await connection.execute(update(Delivery).values(status="sent"))
    await planner.tick()
    async with database.sessions() as session:
        assert (await broadcasts.get(session, broadcast_id))["status"] == "done"
    assert "not posted: 500 Internal Server Error" in caplog.text and "Traceback" not in caplog.text


async def test_a_stopped_sender_gives_back_what_it_did_not_send(database, clock) -> None:
    await add_people(database, 200)
    await broadcast(database, clock)
    await Planner(database, clock).tick(report=False)
    async with running_fake_telegram() as fake:
        worker = worker_for(database, clock, fake, rate=100.0, config=replace(FAST, batch=40, mark=5))
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop))
        await fake.wait_for_calls("sendMessage", 30)
        stop.set()
        await task
        sent = len(fake.calls_to("sendMessage"))
    counts = await statuses(database)
    assert counts == Counter({"sent": sent, "pending": 200 - sent}), "nothing left claimed or sending"
