"""The channel registry: each configured platform gives the runner its channel and the queue its outlet."""

from __future__ import annotations

from pydantic import SecretStr

from bot.channels import registry
from bot.channels.telegram import receive as telegram_receive
from bot.channels.telegram.bulk import TelegramSender
from bot.channels.zalo import updates as zalo_updates
from bot.channels.zalo.bulk import ZaloSender
from bot.delivery.progress import ThrottledNotifier
from bot.settings import Settings


def _with_tokens(settings: Settings, **tokens: str) -> Settings:
    return settings.model_copy(update={name: SecretStr(value) for name, value in tokens.items()})


def test_only_platforms_with_a_token_are_served(settings: Settings) -> None:
    bare = settings.model_copy(update={"telegram_bot_token": None, "zalo_bot_token": None})
    assert registry.configured(bare) == [] and registry.outlets(bare) == {}
    zalo_only = _with_tokens(bare, zalo_bot_token="z")
    assert [platform.name for platform in registry.configured(zalo_only)] == ["zalo"]


async def test_each_outlet_has_its_sender_notifier_and_rate(settings: Settings) -> None:
    both = _with_tokens(settings, telegram_bot_token="1:t", zalo_bot_token="z")
    both = both.model_copy(update={"telegram_rate": 25.0, "zalo_rate": 7.0, "telegram_per_chat_interval": 1.5})
    outlets = registry.outlets(both)
    assert set(outlets) == {"telegram", "zalo"}
    telegram, zalo = outlets["telegram"], outlets["zalo"]
    assert isinstance(telegram.sender, TelegramSender) and telegram.notifier is telegram.sender  # edits in place
    assert (telegram.rate, telegram.per_chat_interval) == (25.0, 1.5)
    assert isinstance(zalo.sender, ZaloSender) and isinstance(zalo.notifier, ThrottledNotifier)
    assert (zalo.rate, zalo.per_chat_interval) == (7.0, 0.0)
    paid = registry.outlets(both.model_copy(update={"telegram_paid_broadcast": True}))
    assert paid["telegram"].rate == 1000.0
    for outlet in [*outlets.values(), *paid.values()]:
        await outlet.sender.aclose()


def test_platform_names_are_unique_and_match_their_channels() -> None:
    names = [platform.name for platform in registry.PLATFORMS]
    assert len(names) == len(set(names))
    assert names == [telegram_receive.CHANNEL, zalo_updates.CHANNEL]
