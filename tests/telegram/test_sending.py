"""Sending: per-chat pacing with a burst, per-chat lanes, retries, flood control and blocked users."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Iterator

import pytest
from telegram import Bot
from telegram.error import Forbidden, NetworkError, RetryAfter

from bot.channels.telegram.buttons import ButtonCodec
from bot.channels.telegram.http import AiohttpRequest, JsonBot
from bot.channels.telegram.memory import ChatMemory
from bot.channels.telegram.pacing import ChatPacer
from bot.channels.telegram.render import Outgoing, Pressed, render
from bot.channels.telegram.send import Sender
from bot.delivery.pacing import RateLimiter
from bot.serve.startup import QUIET_LOGGERS, configure_logging
from handlers.protocol import Incoming, Reply
from tests.fakes.fake_telegram import FakeTelegram, running_fake_telegram

CHAT = 77
# PTB warns about the future type of RetryAfter.retry_after whenever it raises one.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


class FakeTime:
    """A clock that moves only when something sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class Unreachable:
    """A service stub that records who was marked unreachable."""

    def __init__(self) -> None:
        self.marked: list[tuple[str, str]] = []

    async def handle(self, incoming: Incoming) -> list[Reply]:
        return []

    async def mark_unreachable(self, channel: str, user_id: str) -> None:
        self.marked.append((channel, user_id))


async def test_pacer_lets_a_burst_through_then_spaces_messages() -> None:
    time_ = FakeTime()
    pacer = ChatPacer(1.0, burst=3, clock=time_.clock, sleep=time_.sleep)
    for _ in range(5):
        await pacer.wait(CHAT)
    assert time_.sleeps == [1.0, 1.0]
    await pacer.wait(CHAT + 1)
    assert time_.sleeps == [1.0, 1.0] and pacer.tracked_chats == 2
    time_.now += 10
    for _ in range(3):
        await pacer.wait(CHAT)
    assert time_.sleeps == [1.0, 1.0] and pacer.tracked_chats == 1


async def test_pacer_off_never_waits() -> None:
    time_ = FakeTime()
    pacer = ChatPacer(0.0, clock=time_.clock, sleep=time_.sleep)
    for _ in range(10):
        await pacer.wait(CHAT)
    assert time_.sleeps == [] and pacer.tracked_chats == 0


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with running_fake_telegram(per_chat_interval=0.2) as server:
        yield server


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[JsonBot]:
    async with JsonBot(fake.token, base_url=fake.bot_base_url, request=AiohttpRequest(8)) as client:
        yield client


def sender(bot: JsonBot, service: Unreachable | None = None, interval: float = 0.0) -> Sender:
    limiter = RateLimiter(1000, burst=10)
    return Sender(bot, service or Unreachable(), ChatMemory(), limiter, ChatPacer(interval), backoff=0.01)


def texts(*lines: str) -> list[Outgoing]:
    return render([Reply(line) for line in lines], CHAT, ButtonCodec())


async def test_network_errors_are_retried(fake: FakeTelegram, bot: Bot) -> None:
    fake.fail_next(2, 500, method="sendMessage")
    await sender(bot).send(CHAT, texts("Xin chào"))
    assert [call.status for call in fake.calls_to("sendMessage")] == [500, 500, 200]
    fake.fail_next(3, 502, method="sendMessage")
    with pytest.raises(NetworkError):
        await sender(bot).send(CHAT, texts("Xin chào"))


async def test_flood_control_waits_as_told_then_sends(fake: FakeTelegram, bot: Bot) -> None:
    started = time.monotonic()
    await sender(bot).send(CHAT, texts("Một", "Hai"))
    assert [call.status for call in fake.calls_to("sendMessage")] == [200, 429, 200]
    assert time.monotonic() - started >= 1.0
    assert [m.text for m in fake.messages(CHAT)] == ["Một", "Hai"]


async def test_a_very_long_flood_wait_drops_the_reply() -> None:
    async with (
        running_fake_telegram(per_chat_interval=10, retry_after=3600) as fake,
        JsonBot(fake.token, base_url=fake.bot_base_url) as bot,
    ):
        with pytest.raises(RetryAfter):
            await sender(bot).send(CHAT, texts("Một", "Hai"))
    assert [call.status for call in fake.calls_to("sendMessage")] == [200, 429]


async def test_per_chat_pacing_does_not_delay_a_reply_of_three_messages(fake: FakeTelegram, bot: Bot) -> None:
    fake.limits.per_chat_interval = None
    started = time.monotonic()
    await sender(bot, interval=1.0).send(CHAT, texts("Một", "Hai", "Ba"))
    assert time.monotonic() - started < 0.5
    await sender(bot, interval=1.0).send(CHAT + 1, texts("Một", "Hai", "Ba", "Bốn"))
    assert time.monotonic() - started >= 0.9


async def test_blocked_user_is_marked_unreachable_and_not_retried(fake: FakeTelegram, bot: Bot) -> None:
    service = Unreachable()
    fake.blocked.add(CHAT)
    with pytest.raises(Forbidden):
        await sender(bot, service).send(CHAT, texts("Một", "Hai"))
    assert service.marked == [("telegram", str(CHAT))]
    assert len(fake.calls_to("sendMessage")) == 1


async def test_unchanged_edit_and_expired_query_are_not_errors(fake: FakeTelegram, bot: Bot) -> None:
    reply = Reply("Giới tính?", step="gender", options=())
    send = sender(bot)
    await send.send(CHAT, render([reply], CHAT, ButtonCodec()))
    message_id = fake.last_message(CHAT).message_id
    same = render([Reply("Giới tính?", edit=True)], CHAT, ButtonCodec(), pressed=Pressed(message_id, "Giới tính?"))
    await send.send(CHAT, same)
    assert fake.calls_to("editMessageReplyMarkup")[-1].status == 400
    await send.answer("no-such-query")
    assert fake.calls_to("answerCallbackQuery")[-1].status == 400


@pytest.fixture
def bot_logging() -> Iterator[None]:
    """The bot's logging configuration at DEBUG, library levels restored afterwards."""
    levels = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    configure_logging("DEBUG")
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


async def test_debug_logs_never_show_the_token_or_the_texts(
    fake: FakeTelegram, caplog: pytest.LogCaptureFixture, bot_logging: None
) -> None:
    caplog.set_level(logging.DEBUG)
    async with Bot(fake.token, base_url=fake.bot_base_url, request=AiohttpRequest(2)) as client:
        await client.send_message(CHAT, "Nguyễn Văn An 0912345678")
    assert fake.token.split(":")[1] not in caplog.text and "0912345678" not in caplog.text
