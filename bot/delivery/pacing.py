"""Asyncio send pacing: an overall token bucket, per-recipient spacing and pauses after a 429."""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field


@dataclass
class _KeyGate:
    """Serialises the acquisitions of one key; exists only while someone acquires for it."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class RateLimiter:
    """Allow at most ``rate_per_second`` sends overall (``burst`` at once after idling).

    With ``per_key_interval`` > 0, sends to the same key are also at least that far apart,
    measured from the moment the previous send to that key was allowed. A key waiting for its
    interval holds no place in the overall queue, so other keys go ahead at the overall rate.
    The bucket is checked on the clock at the moment a send is allowed (a generic cell rate
    algorithm), so a late wake-up never lets more through than the limit; for high rates use a
    ``burst`` of a few sends so that wake-up jitter is absorbed instead of lost.
    """

    def __init__(
        self,
        rate_per_second: float,
        *,
        burst: int = 1,
        per_key_interval: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        if not (rate_per_second > 0 and math.isfinite(rate_per_second)):
            raise ValueError("rate_per_second must be a positive number")
        if burst < 1:
            raise ValueError("burst must be at least 1")
        if per_key_interval < 0:
            raise ValueError("per_key_interval must not be negative")
        self._emission_interval = 1.0 / rate_per_second
        self._tolerance = (burst - 1) * self._emission_interval
        self._per_key_interval = per_key_interval
        self._clock = clock
        self._sleep = sleep
        self._next_free = -math.inf
        self._paused_until = -math.inf
        self._slot_lock = asyncio.Lock()
        self._priority_lock = asyncio.Lock()
        self._priority_waiting = 0
        self._no_priority_waiting = asyncio.Event()
        self._no_priority_waiting.set()
        self._last_by_key: OrderedDict[str, float] = OrderedDict()
        self._gates: dict[str, _KeyGate] = {}

    @property
    def tracked_keys(self) -> int:
        """How many keys the limiter remembers right now (bounded by recent sends and waiters)."""
        return len(self._last_by_key.keys() | self._gates.keys())

    @property
    def remaining_pause(self) -> float:
        """Seconds until a pause (after a 429) ends; 0.0 when not paused."""
        return max(0.0, self._paused_until - self._clock())

    def pause(self, seconds: float) -> None:
        """Hold every send until ``seconds`` from now (never shortens a longer pause)."""
        if seconds > 0:
            self._paused_until = max(self._paused_until, self._clock() + seconds)

    async def acquire(self, key: str | None = None, *, priority: bool = False) -> None:
        """Wait until one send (to ``key``, if given) is allowed, and count it as done.

        ``priority`` sends (interactive replies) go before every waiting ordinary send (broadcasts),
        so a reply waits at most one slot behind a broadcast, never behind its queue.
        """
        if priority:
            await self._take_priority_slot()
            return
        if key is None or self._per_key_interval <= 0:
            await self._take_slot()
            return
        gate = self._gates.get(key)
        if gate is None:
            gate = self._gates[key] = _KeyGate()
        gate.users += 1
        try:
            async with gate.lock:
                await self._wait_for_key(key)
                await self._take_slot()
                self._remember(key)
        finally:
            gate.users -= 1
            if gate.users == 0:
                del self._gates[key]

    async def _take_slot(self) -> None:
        while True:
            await self._no_priority_waiting.wait()
            async with self._slot_lock:
                if self._priority_waiting:
                    continue
                while (delay := self._take_or_wait()) > 0:
                    await self._sleep(delay)
                return

    def _take_or_wait(self) -> float:
        """Take a slot if one is free now (0.0), else the seconds until one may be."""
        now = self._clock()
        allowed_at = max(self._paused_until, self._next_free - self._tolerance)
        if allowed_at <= now:
            self._next_free = max(self._next_free, now) + self._emission_interval
            return 0.0
        return allowed_at - now

    async def _take_priority_slot(self) -> None:
        self._priority_waiting += 1
        self._no_priority_waiting.clear()
        try:
            async with self._priority_lock:
                while (delay := self._take_or_wait()) > 0:
                    await self._sleep(delay)
        finally:
            self._priority_waiting -= 1
            if not self._priority_waiting:
                self._no_priority_waiting.set()

    async def _wait_for_key(self, key: str) -> None:
        last = self._last_by_key.get(key)
        if last is None:
            return
        ready_at = last + self._per_key_interval
        while (delay := ready_at - self._clock()) > 0:
            await self._sleep(delay)

    def _remember(self, key: str) -> None:
        now = self._clock()
        self._last_by_key[key] = now
        self._last_by_key.move_to_end(key)
        cutoff = now - self._per_key_interval
        while next(iter(self._last_by_key.values())) <= cutoff:  # the newest entry stays
            self._last_by_key.popitem(last=False)
