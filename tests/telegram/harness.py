"""Helpers for end-to-end tests: settings pointed at the fake server, a channel polling or on a webhook."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from pydantic import SecretStr

from bot.channels.telegram.channel import TelegramChannel, build
from bot.channels.telegram.send import Conversations
from bot.serve.web import build_app
from bot.settings import Settings
from tests.fakes.fake_telegram import FakeTelegram
from tests.fakes.serve import free_port, serving


def telegram_settings(settings: Settings, fake: FakeTelegram, **changes: Any) -> Settings:
    """``settings`` pointed at the fake server; per-chat pacing off unless a test turns it on."""
    update = {
        "telegram_bot_token": SecretStr(fake.token),
        "telegram_api_base_url": fake.base_url,
        "telegram_per_chat_interval": 0.0,
        **changes,
    }
    return settings.model_copy(update=update)


@contextlib.asynccontextmanager
async def running_channel(settings: Settings, service: Conversations) -> AsyncIterator[TelegramChannel]:
    """A started channel, stopped after the block."""
    channel = build(settings, service)
    await channel.start()
    try:
        yield channel
    finally:
        await channel.stop()


@contextlib.asynccontextmanager
async def webhook_channel(
    settings: Settings, service: Conversations, fake: FakeTelegram
) -> AsyncIterator[TelegramChannel]:
    """A started channel in webhook mode, its route served on a free local port the fake posts to."""
    port = free_port()
    hooked = telegram_settings(settings, fake, telegram_webhook_url=f"http://127.0.0.1:{port}/telegram/webhook")
    channel = build(hooked, service)
    async with serving(build_app(channel.routes()), port):
        await channel.start()
        try:
            yield channel
        finally:
            await channel.stop()
