"""One send budget per platform in a process, shared by interactive replies (which go first) and broadcasts."""

from __future__ import annotations

from bot.pacing import RateLimiter
from bot.settings import Settings

BURST_SECONDS = 0.02  # a burst of about 20 ms worth of sends absorbs timer jitter at high rates
_SHARED: dict[tuple[str, float, float], RateLimiter] = {}


def channel_rate(settings: Settings, channel: str) -> tuple[float, float]:
    """(messages per second overall, minimum seconds between bulk sends to one chat) for a channel."""
    if channel == "telegram":
        rate = 1000.0 if settings.telegram_paid_broadcast else settings.telegram_rate
        return rate, settings.telegram_per_chat_interval
    if channel == "zalo":
        return settings.zalo_rate, 0.0
    return 1000.0, 0.0


def shared_limiter(settings: Settings, channel: str) -> RateLimiter:
    """The process's limiter for ``channel``: replies acquire it with priority, the delivery queue without."""
    rate, per_chat = channel_rate(settings, channel)
    key = (channel, rate, per_chat)
    if key not in _SHARED:
        _SHARED[key] = RateLimiter(rate, burst=max(1, round(rate * BURST_SECONDS)), per_key_interval=per_chat)
    return _SHARED[key]
