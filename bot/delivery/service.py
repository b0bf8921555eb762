"""Runs the queue: the planner on a short period and one sender per configured channel."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from bot.channels.telegram.bulk import TelegramSender
from bot.channels.zalo.api import ZaloBotApi
from bot.channels.zalo.bulk import ZaloSender
from bot.clock import Clock, sleep_unless, utc_now
from bot.delivery.limits import channel_rate, shared_limiter
from bot.delivery.pacing import RateLimiter
from bot.delivery.planner import Planner
from bot.delivery.progress import Notifier, ThrottledNotifier
from bot.delivery.senders import BulkSender
from bot.delivery.worker import DeliveryWorker, WorkerSettings
from bot.settings import Settings
from handlers.quiet_hours import QuietHours
from storage.db import Database

log = logging.getLogger(__name__)


def configured_senders(settings: Settings) -> dict[str, BulkSender]:
    """A bulk sender for each channel with a token (console users' windows read their own rows)."""
    senders: dict[str, BulkSender] = {}
    if settings.telegram_bot_token:
        senders["telegram"] = TelegramSender(
            settings.telegram_api_base_url, settings.telegram_bot_token.get_secret_value(),
            paid_broadcast=settings.telegram_paid_broadcast,
        )
    if settings.zalo_bot_token:
        api = ZaloBotApi(settings.zalo_bot_token.get_secret_value(), settings.zalo_api_base_url)
        senders["zalo"] = ZaloSender(api)
    return senders


def default_notifiers(senders: dict[str, BulkSender]) -> dict[str, Notifier]:
    """Progress messages: edited in place on Telegram, throttled on Zalo (a console admin's own window prints them)."""
    notifiers: dict[str, Notifier] = {}
    telegram = senders.get("telegram")
    if isinstance(telegram, TelegramSender):
        notifiers["telegram"] = telegram
    zalo = senders.get("zalo")
    if zalo is not None:
        notifiers["zalo"] = ThrottledNotifier(zalo.send)
    return notifiers


class DeliveryService:
    """The planner and the senders, started and stopped together."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        senders: dict[str, BulkSender],
        *,
        limiters: dict[str, RateLimiter] | None = None,
        notifiers: dict[str, Notifier] | None = None,
        clock: Clock = utc_now,
        planner_period: float = 1.0,
        worker_settings: WorkerSettings | None = None,
    ) -> None:
        self.db = db
        self.senders = senders
        self.limiters = limiters or {}
        for channel in senders:
            self.limiters.setdefault(channel, shared_limiter(settings, channel))
        self.planner = Planner(db, clock, {**default_notifiers(senders), **(notifiers or {})})
        self.planner_period = planner_period
        config = WorkerSettings(
            batch=settings.delivery_batch,
            lease=timedelta(seconds=settings.delivery_lease_seconds),
            retry_window=timedelta(hours=settings.delivery_retry_hours),
            retry_cap=settings.delivery_retry_max_delay,
        )
        quiet = QuietHours.parse(settings.quiet_hours, settings.zone)
        self.workers = [
            DeliveryWorker(
                db, channel, sender, self.limiters[channel], clock, quiet,
                worker_settings or config.for_rate(channel_rate(settings, channel)[0]),
            )
            for channel, sender in senders.items()
        ]
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        """Start the planner loop and the senders."""
        self._stop.clear()
        senders = [asyncio.create_task(worker.run(self._stop)) for worker in self.workers]
        self._tasks = [asyncio.create_task(self._plan()), *senders]

    async def stop(self) -> None:
        """Stop cleanly: in-flight sends finish and are recorded; unsent claims go back to the queue."""
        self._stop.set()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for sender in self.senders.values():
            await sender.aclose()

    async def _plan(self) -> None:
        while not self._stop.is_set():
            try:
                await self.planner.tick()
            except Exception:
                log.exception("delivery planner tick failed")
            await sleep_unless(self._stop, self.planner_period)
