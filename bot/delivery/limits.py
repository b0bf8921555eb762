"""One send budget per platform in a process, shared by interactive replies (which go first) and broadcasts."""

from __future__ import annotations

import asyncio
import weakref

from bot.delivery.pacing import RateLimiter

BURST_SECONDS = 0.01  # a burst of 10 ms worth of sends absorbs timer jitter at high rates
HEADROOM = 0.975  # any one-second window stays 2.5% under the platform limit, burst included: room for jitter
_Key = tuple[str, float, float]
_SHARED: dict[_Key, RateLimiter] = {}  # made outside any event loop
_BY_LOOP: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[_Key, RateLimiter]] = weakref.WeakKeyDictionary()


def shared_limiter(channel: str, limit: float, per_chat: float = 0.0) -> RateLimiter:
    """The process's limiter for ``channel`` at ``limit`` messages/s and ``per_chat`` seconds between bulk sends
    to one chat: replies acquire it with priority, the delivery queue without."""
    key = (channel, limit, per_chat)
    try:  # its locks belong to one event loop: a process has one, a test suite starts many
        shared = _BY_LOOP.setdefault(asyncio.get_running_loop(), {})
    except RuntimeError:
        shared = _SHARED
    if key not in shared:
        rate, burst = paced_rate(limit)
        shared[key] = RateLimiter(rate, burst=burst, per_key_interval=per_chat)
    return shared[key]


def paced_rate(limit: float) -> tuple[float, int]:
    """(rate, burst) to pace at so that no one-second window exceeds ``HEADROOM`` of ``limit``.

    A token bucket lets ``rate + burst - 1`` sends into any one second, so the burst is paid
    for out of the rate: at 1,000 msg/s that is 966 msg/s with bursts of 10.
    """
    burst = max(1, round(limit * BURST_SECONDS))
    return limit * HEADROOM - (burst - 1), burst
