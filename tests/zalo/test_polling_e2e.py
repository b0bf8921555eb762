"""Polling mode over real HTTP: webhook removed first, repeats dropped, stored updates recovered after a crash."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.channels.zalo.updates import CHANNEL, parse
from bot.conversation.service import ConversationService
from bot.settings import Settings
from storage.db import Database
from storage.models import InboundMessage
from tests.fakes.fake_zalo import FakeZalo, text_update
from tests.zalo.harness import SQLITE_ONLY, answered, zalo_bot


async def store_raw(service: ConversationService, update: dict[str, Any]) -> None:
    """What the channel stores before handling an update, as a crash would leave it."""
    parsed = parse(update)
    assert parsed is not None
    assert await service.inbox.store(parsed.incoming, update)


async def raw_rows(database: Database) -> list[InboundMessage]:
    async with database.sessions() as session:
        query = select(InboundMessage).where(InboundMessage.channel == CHANNEL)
        return list((await session.execute(query)).scalars())


@SQLITE_ONLY
async def test_polling_deletes_the_webhook_and_answers_in_order(
    fake: FakeZalo, settings: Settings, service: ConversationService, database: Database
) -> None:
    fake.webhook_url, fake.webhook_secret = "https://old.example/hook", "old-secret"
    for text in ("chao", "dong y", "nguyen van an"):
        await fake.queue_update(text_update("zp1", text))
    async with zalo_bot(fake, settings, service, webhook=False) as channel:
        await fake.wait_for_messages("zp1", 3)
        assert await channel.settle(5)
    assert fake.webhook_url == ""
    assert answered(fake, "zp1", "1. Tôi đồng ý", "Họ và tên", "Ngày sinh")
    assert all(row.handled_at is not None and row.payload is None for row in await raw_rows(database))


@SQLITE_ONLY
async def test_a_repeated_update_is_processed_once(
    fake: FakeZalo, settings: Settings, service: ConversationService
) -> None:
    update = text_update("zp1", "chao", message_id="same")
    await fake.queue_update(update)
    await fake.queue_update(update)
    await fake.queue_update(text_update("zp1", "dong y"))
    async with zalo_bot(fake, settings, service, webhook=False) as channel:
        await fake.wait_for_messages("zp1", 2)
        assert await channel.settle(5)
    assert answered(fake, "zp1", "1. Tôi đồng ý", "Họ và tên")


async def test_updates_stored_before_a_crash_are_handled_first_at_start(
    fake: FakeZalo, settings: Settings, service: ConversationService, database: Database
) -> None:
    await store_raw(service, text_update("zp1", "chao", message_id="before-crash-1"))
    await store_raw(service, text_update("zp1", "dong y", message_id="before-crash-2"))
    await fake.queue_update(text_update("zp1", "nguyen van an"))
    async with zalo_bot(fake, settings, service, webhook=False) as channel:
        await fake.wait_for_messages("zp1", 3)
        assert await channel.settle(5)
    assert answered(fake, "zp1", "1. Tôi đồng ý", "Họ và tên", "Ngày sinh")
    assert all(row.handled_at is not None for row in await raw_rows(database))


async def test_an_update_handled_just_before_a_crash_is_not_handled_again(
    fake: FakeZalo, settings: Settings, service: ConversationService, database: Database
) -> None:
    update = text_update("zp1", "chao", message_id="handled-not-marked")
    await store_raw(service, update)
    parsed = parse(update)
    assert parsed is not None
    assert await service.handle(parsed.incoming)  # handled and committed, then the process died
    async with zalo_bot(fake, settings, service, webhook=False) as channel:
        assert await channel.settle(5)
        await fake.user_says("zp1", "dong y")
        await fake.wait_for_messages("zp1", 1)
        assert await channel.settle(5)
    assert answered(fake, "zp1", "Họ và tên")
    assert all(row.handled_at is not None for row in await raw_rows(database))
