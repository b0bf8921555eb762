"""The outbox relay: unsent replies go out again in order, outages are waited out, refusals give a row up."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.conversation.outbox_relay import OutboxRelay, Undeliverable
from bot.conversation.service import ConversationService
from handlers.protocol import Incoming, Reply
from storage.db import Database
from storage.models import OutboxReply
from tests.conftest import FixedClock


class Platform:
    """Records deliveries; fails with ``failure`` while it is set."""

    def __init__(self) -> None:
        self.delivered: list[tuple[str, list[str]]] = []
        self.failure: Exception | None = None

    async def deliver(self, external_id: str, replies: Sequence[Reply]) -> None:
        if self.failure is not None:
            raise self.failure
        self.delivered.append((external_id, [reply.text for reply in replies]))


async def rows(database: Database) -> list[OutboxReply]:
    async with database.sessions() as session:
        return list((await session.execute(select(OutboxReply).order_by(OutboxReply.id))).scalars())


async def answered_but_never_sent(service: ConversationService, user: str, *texts: str) -> None:
    """The service handled the messages (state and replies committed), then the process died before sending."""
    for number, text in enumerate(texts):
        await service.handle(Incoming("telegram", user, text, message_id=f"{user}-{number}"))


def relay(database: Database, platform: Platform, clock: FixedClock) -> OutboxRelay:
    return OutboxRelay(database, {"telegram": platform.deliver}, clock, retry_for=timedelta(hours=24),
                       max_delay=60.0)


async def test_unsent_replies_wait_for_their_lease_then_go_out_in_order(
    service: ConversationService, database: Database, clock: FixedClock
) -> None:
    await answered_but_never_sent(service, "41", "chao", "1")
    platform = Platform()
    assert await relay(database, platform, clock).run_once() == 0  # the channel may still be sending them
    clock.advance(seconds=61)
    assert await relay(database, platform, clock).run_once() == 2
    assert [user for user, _ in platform.delivered] == ["41", "41"]
    assert "Bạn có đồng ý không?" in platform.delivered[0][1][-1] and "Họ và tên" in platform.delivered[1][1][0]
    assert await rows(database) == []


async def test_an_outage_is_waited_out_with_backoff_and_nothing_is_lost(
    service: ConversationService, database: Database, clock: FixedClock
) -> None:
    await answered_but_never_sent(service, "42", "chao", "1")
    platform = Platform()
    platform.failure = ConnectionRefusedError()
    clock.advance(seconds=61)
    assert await relay(database, platform, clock).run_once() == 2
    waits = [row.next_attempt_at - clock.now for row in await rows(database)]
    assert all(timedelta(0) < wait <= timedelta(seconds=61) for wait in waits)
    for _ in range(20):  # an hour of outage
        clock.advance(minutes=3)
        await relay(database, platform, clock).run_once()
    assert platform.delivered == [] and all(row.failed_at is None for row in await rows(database))
    platform.failure = None
    clock.advance(minutes=3)
    await relay(database, platform, clock).run_once()
    assert [user for user, _ in platform.delivered] == ["42", "42"] and await rows(database) == []


async def test_a_refusal_or_the_end_of_the_window_gives_up_loudly(
    service: ConversationService, database: Database, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    await answered_but_never_sent(service, "43", "chao")
    await answered_but_never_sent(service, "44", "chao")
    platform = Platform()
    clock.advance(seconds=61)
    platform.failure = Undeliverable("Forbidden")
    await relay(database, platform, clock).run_once()
    assert all(row.failed_at is not None for row in await rows(database))
    await answered_but_never_sent(service, "45", "chao")
    platform.failure = TimeoutError()
    clock.advance(hours=25)
    with caplog.at_level(logging.WARNING):
        await relay(database, platform, clock).run_once()
    assert any("not sent within" in record.getMessage() for record in caplog.records)
    assert all(row.failed_at is not None for row in await rows(database))


async def test_replies_this_process_is_still_sending_are_left_to_it(
    service: ConversationService, database: Database, clock: FixedClock
) -> None:
    incoming = Incoming("telegram", "46", "chao", message_id="46-0")
    await service.handle(incoming)  # the channel now holds the replies (a slow, paced send)
    platform = Platform()
    sharing = OutboxRelay(database, {"telegram": platform.deliver}, clock, retry_for=timedelta(hours=24),
                          max_delay=60.0, inbox=service.inbox)
    clock.advance(seconds=30)
    await sharing.run_once()
    assert platform.delivered == [] and len(await rows(database)) == 1
    service.inbox.unsent(incoming)  # the channel gave up: the relay takes over
    clock.advance(seconds=61)
    await sharing.run_once()
    assert [user for user, _ in platform.delivered] == ["46"] and await rows(database) == []
