"""Telegram's pace: the send budget from the settings, and per-chat pacing with a small burst (a reply of a
few messages goes out at once, floods are spread out)."""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from bot.settings import Settings

PAID_BROADCAST_RATE = 1000.0  # messages per second Telegram allows with paid broadcasts


def rate(settings: Settings) -> tuple[float, float]:
    """(messages per second overall, minimum seconds between bulk sends to one chat)."""
    overall = PAID_BROADCAST_RATE if settings.telegram_paid_broadcast else settings.telegram_rate
    return overall, settings.telegram_per_chat_interval


class ChatPacer:
    """At most ``burst`` messages at once to a chat, then one per ``interval`` seconds (a cell rate bucket).

    Each call reserves its moment before sleeping, so concurrent senders to one chat stay spaced.
    Chats whose bucket is full again are forgotten.
    """

    def __init__(
        self,
        interval: float,
        burst: int = 3,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        if interval < 0 or burst < 1:
            raise ValueError("interval must not be negative and burst must be at least 1")
        self._interval = interval
        self._tolerance = (burst - 1) * interval
        self._clock = clock
        self._sleep = sleep
        self._due: OrderedDict[int, float] = OrderedDict()  # chat -> theoretical arrival time of its next send

    @property
    def tracked_chats(self) -> int:
        """How many chats are still being paced."""
        return len(self._due)

    async def wait(self, chat_id: int) -> None:
        """Wait until one more message to ``chat_id`` is allowed, and count it."""
        if self._interval <= 0:
            return
        now = self._clock()
        due = max(self._due.pop(chat_id, now), now)
        self._due[chat_id] = due + self._interval
        while self._due and next(iter(self._due.values())) <= now:
            self._due.popitem(last=False)
        delay = due - self._tolerance - now
        if delay > 0:
            await self._sleep(delay)
