"""Runs the queue: the planner on a short period and one sender per platform outlet (from the channel registry)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta

from bot.clock import Clock, sleep_unless, utc_now
from bot.delivery.limits import shared_limiter
from bot.delivery.pacing import RateLimiter
from bot.delivery.planner import Planner
from bot.delivery.progress import Notifier
from bot.delivery.senders import BulkSender
from bot.delivery.worker import DeliveryWorker, WorkerSettings
from bot.settings import Settings
from handlers.quiet_hours import QuietHours
from storage.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outlet:
    """What the queue needs of one platform (from the channel registry): its sender, notifier and pace."""

    sender: BulkSender
    notifier: Notifier
    rate: float  # messages per second overall
    per_chat_interval: float = 0.0  # minimum seconds between bulk sends to one chat


class DeliveryService:
    """The planner and the senders, started and stopped together."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        outlets: dict[str, Outlet],
        *,
        limiters: dict[str, RateLimiter] | None = None,
        notifiers: dict[str, Notifier] | None = None,
        clock: Clock = utc_now,
        planner_period: float = 1.0,
        worker_settings: WorkerSettings | None = None,
    ) -> None:
        self.db = db
        self.senders = {channel: outlet.sender for channel, outlet in outlets.items()}
        self.limiters = limiters or {}
        for channel, outlet in outlets.items():
            self.limiters.setdefault(channel, shared_limiter(channel, outlet.rate, outlet.per_chat_interval))
        own = {channel: outlet.notifier for channel, outlet in outlets.items()}
        self.planner = Planner(db, clock, {**own, **(notifiers or {})})
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
                worker_settings or config.for_rate(outlets[channel].rate),
            )
            for channel, sender in self.senders.items()
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
