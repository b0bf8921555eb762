"""Fixtures for the Telegram channel: a fake Bot API server and the channel long-polling it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.channels.telegram.channel import TelegramChannel
from bot.conversation.service import ConversationService
from bot.settings import Settings
from tests.fakes.fake_telegram import FakeTelegram, running_fake_telegram
from tests.telegram.harness import running_channel, telegram_settings


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A fake Telegram Bot API on a free local port."""
    async with running_fake_telegram() as server:
        yield server


@pytest.fixture
async def polling(
    settings: Settings, service: ConversationService, fake: FakeTelegram
) -> AsyncIterator[TelegramChannel]:
    """The channel long-polling the fake."""
    async with running_channel(telegram_settings(settings, fake), service) as channel:
        yield channel
