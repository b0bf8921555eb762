"""Test harness: the Zalo channel served on 127.0.0.1 next to a fake Zalo server, and users typing to it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pydantic import SecretStr
from sqlalchemy import select

from bot.channels.zalo import channel as zalo
from bot.channels.zalo.channel import ZaloChannel
from bot.conversation.service import ConversationService
from bot.serve.web import build_app
from bot.settings import Settings
from storage.db import Database
from storage.models import Person
from tests.fakes.fake_zalo import FakeZalo
from tests.fakes.serve import free_port, serving

WEBHOOK_URL = "https://khaibao.example/zalo/webhook"
JSON = dict[str, Any]

SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
"""For tests of the channel's own behaviour; storage-sensitive tests also run on PostgreSQL."""


@contextlib.asynccontextmanager
async def zalo_bot(
    fake: FakeZalo, settings: Settings, service: ConversationService, *, webhook: bool, rate: float = 1000.0
) -> AsyncIterator[ZaloChannel]:
    """The channel with its routes served over HTTP; in webhook mode the fake posts to it."""
    port = free_port()
    local = f"http://127.0.0.1:{port}"
    settings = settings.model_copy(update={
        "zalo_bot_token": SecretStr(fake.token),
        "zalo_api_base_url": fake.base_url,
        "zalo_webhook_url": WEBHOOK_URL if webhook else None,
        "public_base_url": local,
        "zalo_rate": rate,
    })
    channel = zalo.build(settings, service, poll_timeout=1)
    async with serving(build_app(channel.routes()), port):
        await channel.start()
        if webhook:
            assert fake.webhook_url == WEBHOOK_URL
            fake.webhook_url = local + "/zalo/webhook"  # the fake allows http, Settings do not
        try:
            yield channel
        finally:
            stopping = asyncio.create_task(channel.stop())
            if not webhook:
                await asyncio.sleep(0)
                await fake.aclose()  # answers the long poll under way at once
            await stopping


class ZaloUser:
    """One Zalo user typing to the bot; reads what the bot sent back."""

    def __init__(self, fake: FakeZalo, channel: ZaloChannel, user_id: str = "zu1") -> None:
        self.fake = fake
        self.channel = channel
        self.user_id = user_id

    async def say(self, text: str) -> str:
        """Send a text; the bot's answers to it (texts or captions) joined by blank lines."""
        before = len(self.fake.messages_to(self.user_id))
        await self.fake.user_says(self.user_id, text)
        return await self.answers(before)

    async def deliver(self, update: JSON) -> str:
        """Deliver any update from this user; the bot's answers to it."""
        before = len(self.fake.messages_to(self.user_id))
        await self.fake.deliver(update)
        return await self.answers(before)

    async def answers(self, before: int) -> str:
        """The messages sent after the first ``before``, once the channel has settled."""
        await self.fake.wait_for_messages(self.user_id, before + 1)
        assert await self.channel.settle(10)
        return "\n\n".join(texts(self.fake, self.user_id)[before:])


def texts(fake: FakeZalo, user_id: str) -> list[str]:
    """What the bot sent to ``user_id`` (texts or captions), oldest first."""
    return [message.text or message.caption or "" for message in fake.messages_to(user_id)]


def answered(fake: FakeZalo, user_id: str, *expected: str) -> bool:
    """True when exactly one message per expected fragment was sent, each containing its fragment."""
    sent = texts(fake, user_id)
    return len(sent) == len(expected) and all(part in text for part, text in zip(expected, sent, strict=True))


async def person_active(database: Database, user_id: str) -> bool | None:
    """Whether the person with that Zalo id is active (None when there is none)."""
    async with database.sessions() as session:
        query = select(Person.active).where(Person.channel == "zalo", Person.external_id == user_id)
        return (await session.execute(query)).scalar_one_or_none()
