"""Telegram in the channel registry: its chat channel, bulk sender, progress notifier and rate."""

from __future__ import annotations

from bot.channels.base import Channel, Platform
from bot.channels.telegram.bulk import TelegramSender
from bot.channels.telegram.pacing import rate
from bot.conversation.service import ConversationService
from bot.delivery.progress import Notifier
from bot.delivery.senders import BulkSender
from bot.settings import Settings


def _configured(settings: Settings) -> bool:
    return settings.telegram_bot_token is not None


def _channel(settings: Settings, service: ConversationService) -> Channel:
    from bot.channels.telegram.channel import build  # PTB is imported only where the chat runs

    return build(settings, service)


def _sender(settings: Settings) -> TelegramSender:
    assert settings.telegram_bot_token is not None
    return TelegramSender(settings.telegram_api_base_url, settings.telegram_bot_token.get_secret_value(),
                          paid_broadcast=settings.telegram_paid_broadcast)


def _notifier(sender: BulkSender) -> Notifier:
    assert isinstance(sender, TelegramSender)
    return sender  # progress is edited in place


PLATFORM = Platform("telegram", _configured, _channel, _sender, _notifier, rate)
