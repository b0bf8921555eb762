"""Replies to Zalo: numbered menus split at 2,000 characters, QR receipts as photos, paced and retried."""

from __future__ import annotations

import asyncio
import logging
import math
import random
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Protocol

import messages
from bot.channels.menu_text import render
from bot.channels.qr_images import QrImages
from bot.channels.zalo.api import (
    MAX_TEXT_LENGTH,
    ZaloApiError,
    ZaloBotApi,
    ZaloForbidden,
    ZaloNetworkError,
    ZaloRateLimited,
    ZaloServerError,
    ZaloTimedOut,
)
from bot.channels.zalo.updates import CHANNEL
from bot.delivery.pacing import RateLimiter
from bot.settings import Settings
from handlers.protocol import Reply
from handlers.text import split

log = logging.getLogger(__name__)

ATTEMPTS = 3
BACKOFF_SECONDS = 0.5
RATE_LIMIT_RETRIES = 10
ROUND_TRIP_SECONDS = 0.3


class _Unavailable(Exception):
    """Zalo stayed unavailable (5xx, network, rate limits) through the quick retries."""


class Unreachable(Protocol):
    """Where a user who blocked the bot is reported (the conversation service)."""

    async def mark_unreachable(self, channel: str, user_id: str) -> None: ...


def rate(settings: Settings) -> tuple[float, float]:
    """(messages per second overall, minimum seconds between bulk sends to one chat: none on Zalo)."""
    return settings.zalo_rate, 0.0


def in_flight_for(rate: float) -> int:
    """How many sends may wait for Zalo's answer at once: ``rate`` x a slow round trip, 4 to 16.

    Callers beyond that wait in asyncio rather than in httpx's connection pool, whose queue is
    costly to scan when long.
    """
    return max(4, min(16, math.ceil(rate * ROUND_TRIP_SECONDS)))


class ZaloReplySender:
    """Sends replies to one chat in order; stops at a user who blocked the bot and reports them."""

    def __init__(
        self,
        api: ZaloBotApi,
        limiter: RateLimiter,
        unreachable: Unreachable,
        qr_images: QrImages | None = None,
        *,
        in_flight: int = 4,
        backoff: float = BACKOFF_SECONDS,
    ) -> None:
        self._api = api
        self._limiter = limiter
        self._in_flight = asyncio.Semaphore(in_flight)
        self._unreachable = unreachable
        self._qr_images = qr_images
        self._backoff = backoff

    async def send(self, chat_id: str, replies: list[Reply], user_id: str | None = None) -> bool:
        """Send every reply; on 403 mark ``user_id`` unreachable and send nothing more.

        False when Zalo stayed unavailable through the retries (the caller keeps the replies for later);
        True when they went out or can never go (blocked, refused for good).
        """
        try:
            for reply in replies:
                await self._send_reply(chat_id, reply)
        except ZaloForbidden:
            log.info("zalo: the recipient refuses messages; the rest of the answer is dropped")
            if user_id:
                await self._unreachable.mark_unreachable(CHANNEL, user_id)
        except _Unavailable:
            return False
        return True

    async def _send_reply(self, chat_id: str, reply: Reply) -> None:
        pieces = split(render(reply), MAX_TEXT_LENGTH)
        if reply.document:
            pieces.append(messages.t(reply.locale, "export.no_files"))
        if reply.qr and self._qr_images:
            url = self._qr_images.url_for(reply.qr)
            caption = pieces[0] if pieces else None
            if await self._deliver(partial(self._api.send_photo, chat_id, url, caption), "sendPhoto"):
                pieces = pieces[1:]
        for piece in pieces:
            await self._deliver(partial(self._api.send_message, chat_id, piece), "sendMessage")

    async def _deliver(self, call: Callable[[], Awaitable[object]], method: str) -> bool:
        """Make one paced call with retries; True when sent or possibly sent, False when refused for good.

        Raises _Unavailable when Zalo stayed unavailable through the retries.
        """
        failures = rate_limited = 0
        while True:
            try:
                async with self._in_flight:
                    await self._limiter.acquire(priority=True)
                    await call()
                return True
            except ZaloRateLimited as exc:
                self._limiter.pause(exc.retry_after)
                rate_limited += 1
                if rate_limited > RATE_LIMIT_RETRIES:
                    log.warning("zalo %s: still rate limited after %d pauses; kept for later", method, rate_limited)
                    raise _Unavailable from None
            except ZaloTimedOut:
                log.warning("zalo %s: no answer in time, possibly delivered; not resent", method)
                return True
            except (ZaloServerError, ZaloNetworkError) as exc:
                failures += 1
                if failures >= ATTEMPTS:
                    log.warning("zalo %s: failed %d times (%s); kept for later", method, failures, exc.description)
                    raise _Unavailable from None
                await asyncio.sleep(self._backoff * 2 ** (failures - 1) * (0.5 + random.random()))
            except ZaloForbidden:
                raise
            except ZaloApiError as exc:
                log.warning("zalo %s: refused (%s)", method, exc.description)
                return False
