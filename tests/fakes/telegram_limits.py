"""Flood limits, injected faults and counters of the fake Telegram server."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass


@dataclass
class Stats:
    """Counters for benchmarks, also served at ``GET /stats``."""

    sent: int = 0
    too_many_requests: int = 0
    forbidden: int = 0
    injected_failures: int = 0
    peak_per_second: int = 0


@dataclass
class Fault:
    """Injected failures for the next ``remaining`` matching requests (any method when None)."""

    status: int
    method: str | None
    delivered: bool
    remaining: int


class FloodLimits:
    """Telegram's flood control: overall sends per second and a minimum interval per chat."""

    def __init__(self, rate: float | None, per_chat_interval: float | None, retry_after: int | None) -> None:
        self.rate = rate
        self.per_chat_interval = per_chat_interval
        self.retry_after = retry_after
        self._last_second: deque[float] = deque()
        self._last_by_chat: dict[int, float] = {}

    def check(self, chat_id: int, at: float) -> int | None:
        """Seconds to wait if a send to ``chat_id`` at ``at`` would exceed a limit, else None."""
        self._forget_before(at - 1.0)
        wait = 0.0
        if self.rate and len(self._last_second) >= self.rate:
            wait = self._last_second[0] + 1.0 - at
        last = self._last_by_chat.get(chat_id)
        if self.per_chat_interval and last is not None and at - last < self.per_chat_interval:
            wait = max(wait, last + self.per_chat_interval - at)
        if wait <= 0:
            return None
        return self.retry_after or max(1, math.ceil(wait))

    def record(self, chat_id: int, at: float) -> int:
        """Count a successful send; returns how many sends the last second held."""
        self._forget_before(at - 1.0)
        self._last_second.append(at)
        self._last_by_chat.pop(chat_id, None)  # re-inserted last: the dict stays in time order
        self._last_by_chat[chat_id] = at
        return len(self._last_second)

    def _forget_before(self, cutoff: float) -> None:
        while self._last_second and self._last_second[0] <= cutoff:
            self._last_second.popleft()
        chats = self._last_by_chat
        quiet_since = cutoff + 1.0 - (self.per_chat_interval or 0.0)  # chats free to receive again are forgotten
        while chats and chats[oldest := next(iter(chats))] <= quiet_since:
            del chats[oldest]
