"""Every platform khaibao serves, one line each. Adding a channel: its package under bot/channels/ with a
``platform.py`` that makes a ``Platform`` (channel builder, bulk sender, notifier, rate), one line here,
and its settings. The runner, the delivery queue and `khaibao sender` read only this module."""

from __future__ import annotations

from bot.channels.base import Channel, Platform
from bot.channels.telegram import platform as telegram
from bot.channels.zalo import platform as zalo
from bot.conversation.service import ConversationService
from bot.delivery.service import Outlet
from bot.settings import Settings

PLATFORMS: tuple[Platform, ...] = (
    telegram.PLATFORM,
    zalo.PLATFORM,
)


def configured(settings: Settings) -> list[Platform]:
    """The platforms with a token in the settings."""
    return [platform for platform in PLATFORMS if platform.configured(settings)]


def channels(settings: Settings, service: ConversationService) -> list[Channel]:
    """The chat channels of the configured platforms."""
    return [platform.channel(settings, service) for platform in configured(settings)]


def outlets(settings: Settings) -> dict[str, Outlet]:
    """What the delivery queue sends through on each configured platform (console users read their own rows)."""
    found = {}
    for platform in configured(settings):
        sender = platform.sender(settings)
        overall, per_chat = platform.rate(settings)
        found[platform.name] = Outlet(sender, platform.notifier(sender), overall, per_chat)
    return found
