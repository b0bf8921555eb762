"""Bot API calls made politely: paced overall and per chat, retried with backoff, blocked users marked."""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from typing import Any, Protocol

from telegram import Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from bot.channels.telegram.http import JsonBot
from bot.channels.telegram.memory import ChatMemory
from bot.channels.telegram.pacing import ChatPacer
from bot.channels.telegram.receive import CHANNEL
from bot.channels.telegram.render import Outgoing
from bot.conversation.inbox import Inbox
from bot.delivery.pacing import RateLimiter
from handlers.protocol import Incoming, Reply

ATTEMPTS = 3
BACKOFF = 0.5  # seconds before the second attempt, doubled for each later one
MAX_RETRY_AFTER = 60.0  # a reply Telegram holds back longer than this is dropped (sending stays paused)
JSON_ENDPOINTS = {  # text calls made through JsonBot.call_json; files go through PTB's own methods
    "send_message": "sendMessage",
    "edit_message_text": "editMessageText",
    "edit_message_reply_markup": "editMessageReplyMarkup",
}


class Conversations(Protocol):
    """What the channel needs of the conversation service."""

    inbox: Inbox  # arrivals stored before they are acknowledged; replies noted sent

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """The replies to one message."""
        ...

    async def mark_unreachable(self, channel: str, user_id: str) -> None:
        """The user blocked the bot."""
        ...


class Sender:
    """Makes rendered calls in order for one chat and remembers what later updates need."""

    def __init__(
        self,
        bot: JsonBot,
        service: Conversations,
        memory: ChatMemory,
        limiter: RateLimiter,
        pacer: ChatPacer,
        backoff: float = BACKOFF,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self._bot = bot
        self._service = service
        self._memory = memory
        self._limiter = limiter
        self._pacer = pacer
        self._backoff = backoff
        self._sleep = sleep

    async def send(self, chat_id: int, calls: Sequence[Outgoing]) -> None:
        """Make ``calls`` one after another; raises Forbidden (after marking the user) when blocked."""
        for call in calls:
            await self._pacer.wait(chat_id)
            result = await self._call(chat_id, call)
            message_id = _message_id(result)
            if call.prompt is not None and message_id is not None:
                self._memory.remember_prompt(chat_id, message_id, call.prompt)
            if call.keyboard is not None and result is not None:
                self._memory.set_keyboard(chat_id, call.keyboard)

    async def answer(self, query_id: str) -> None:
        """Stop the spinner on a pressed button; an expired query is not an error."""
        try:
            await self._retrying(lambda: self._bot.answer_callback_query(query_id), paced=False)
        except TelegramError:
            return

    async def _call(self, chat_id: int, call: Outgoing) -> Any:
        endpoint = JSON_ENDPOINTS.get(call.method)
        if endpoint is not None:  # the sent message as JSON: PTB's Message would be built to read one id
            def operation() -> Awaitable[Any]:
                return self._bot.call_json(endpoint, call.kwargs)
        else:
            method = getattr(self._bot, call.method)

            def operation() -> Awaitable[Any]:
                return method(**call.kwargs)
        try:
            return await self._retrying(operation, paced=True)
        except BadRequest as error:
            if "message is not modified" in str(error).lower():
                return None
            raise
        except Forbidden:
            await self._service.mark_unreachable(CHANNEL, str(chat_id))
            raise

    async def _retrying(self, operation: Callable[[], Awaitable[Any]], paced: bool) -> Any:
        """Network errors and timeouts: a few attempts with backoff; flood control: wait as told, then retry."""
        delay, attempt = self._backoff, 1
        while True:
            if paced:
                await self._limiter.acquire(priority=True)
            try:
                return await operation()
            except RetryAfter as error:
                seconds = retry_after_seconds(error)
                self._limiter.pause(seconds)
                if attempt == ATTEMPTS or seconds > MAX_RETRY_AFTER:
                    raise
                if not paced:
                    await self._sleep(seconds)
            except BadRequest:
                raise
            except NetworkError:  # includes TimedOut
                if attempt == ATTEMPTS:
                    raise
                await self._sleep(delay)
                delay *= 2
            attempt += 1


def _message_id(result: Any) -> int | None:
    """The id of the message a call sent or edited (a PTB Message, or its JSON); None otherwise."""
    if isinstance(result, Message):
        return result.message_id
    value = result.get("message_id") if isinstance(result, dict) else None
    return value if isinstance(value, int) else None


def retry_after_seconds(error: RetryAfter) -> float:
    """Seconds to wait from a flood-control error, whichever form PTB gives them in."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
