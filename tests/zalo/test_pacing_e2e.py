"""Send pacing against the fake's own rate limit over real HTTP: no 429 at the configured rate, 429 survived."""

from __future__ import annotations

import time

from bot.conversation.service import ConversationService
from bot.settings import Settings
from tests.fakes.fake_zalo import FakeZalo, running_fake_zalo, text_update
from tests.zalo.harness import SQLITE_ONLY, zalo_bot

USERS = [f"pu{n}" for n in range(12)]


async def greet_everyone(fake: FakeZalo) -> None:
    for user_id in USERS:
        await fake.deliver(text_update(user_id, "chao"))


@SQLITE_ONLY
async def test_sends_keep_to_the_configured_rate(settings: Settings, service: ConversationService) -> None:
    async with running_fake_zalo(rate_limit=20, rate_burst=5) as fake:
        async with zalo_bot(fake, settings, service, webhook=True, rate=20) as channel:
            await greet_everyone(fake)
            assert await channel.settle(10)
        times = sorted(message.time for message in fake.sent)
    assert len(times) == len(USERS) and fake.stats.rate_limited == 0
    assert times[-1] - times[0] >= (len(USERS) - 1) / 20 * 0.9


@SQLITE_ONLY
async def test_rate_limited_answers_pause_and_nothing_is_lost(
    settings: Settings, service: ConversationService
) -> None:
    async with running_fake_zalo(rate_limit=40, rate_burst=1) as fake:
        async with zalo_bot(fake, settings, service, webhook=True, rate=1000) as channel:
            started = time.monotonic()
            await greet_everyone(fake)
            assert await channel.settle(10)
        assert fake.stats.rate_limited > 0
        assert sorted(message.chat_id for message in fake.sent) == sorted(USERS)
        assert time.monotonic() - started < 5


@SQLITE_ONLY
async def test_polling_survives_failed_polls(settings: Settings, service: ConversationService) -> None:
    async with running_fake_zalo() as fake:
        fake.fail_next(1, status=502)
        await fake.queue_update(text_update("pu1", "chao"))
        async with zalo_bot(fake, settings, service, webhook=False) as channel:
            await fake.wait_for_messages("pu1", 1, timeout=10)
            assert await channel.settle(5)
        assert fake.stats.injected_failures == 1 and len(fake.messages_to("pu1")) == 1
