"""Zalo in the channel registry: its chat channel, bulk sender, progress notifier and rate."""

from __future__ import annotations

from bot.channels.base import Channel, Platform
from bot.channels.zalo.api import ZaloBotApi
from bot.channels.zalo.bulk import ZaloSender
from bot.channels.zalo.send import rate
from bot.channels.zalo.updates import CHANNEL
from bot.conversation.service import ConversationService
from bot.delivery.progress import Notifier, ThrottledNotifier
from bot.delivery.senders import BulkSender
from bot.settings import Settings


def _configured(settings: Settings) -> bool:
    return settings.zalo_bot_token is not None


def _channel(settings: Settings, service: ConversationService) -> Channel:
    from bot.channels.zalo.channel import build

    return build(settings, service)


def _sender(settings: Settings) -> ZaloSender:
    assert settings.zalo_bot_token is not None
    return ZaloSender(ZaloBotApi(settings.zalo_bot_token.get_secret_value(), settings.zalo_api_base_url))


def _notifier(sender: BulkSender) -> Notifier:
    return ThrottledNotifier(sender.send)  # Zalo cannot edit messages: a new one now and then


PLATFORM = Platform(CHANNEL, _configured, _channel, _sender, _notifier, rate)
