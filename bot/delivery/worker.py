"""A sender for one channel: claims due rows, sends them at the platform's pace, records what happened.

Rows move pending -> claimed (leased) -> sending -> sent | failed | blocked | ambiguous, or back to
pending for a retry. A small group is marked "sending" just before it goes out, so after a crash
the claimed-but-unsent rows return to the queue while the possibly-sent ones are counted as
ambiguous instead of being sent twice. Claiming, marking and recording run beside the sends, so
the database never stalls the pace.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from bot.channels.menu_text import split
from bot.clock import Clock, sleep_unless
from bot.delivery.senders import Ambiguous, Blocked, BulkSender, RateLimited, Rejected, SendError, Transient
from bot.pacing import RateLimiter
from handlers.quiet_hours import QuietHours
from storage import deliveries, persons
from storage.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerSettings:
    """How a sender works."""

    batch: int = 500
    group: int = 25
    groups_ahead: int = 4
    lease: timedelta = timedelta(seconds=60)
    max_attempts: int = 3
    idle_poll: float = 0.5
    flush_every: float = 0.05

    def for_rate(self, rate: float, in_flight_seconds: float = 0.3) -> WorkerSettings:
        """Enough groups ahead for ``in_flight_seconds`` of sends at ``rate`` (a distant API answers in
        a few hundred ms), at least two; few at low rates, so a crash leaves few rows ambiguous."""
        return replace(self, groups_ahead=max(2, math.ceil(rate * in_flight_seconds / self.group)))


class DeliveryWorker:
    """Sends one channel's queued deliveries until stopped."""

    def __init__(
        self,
        db: Database,
        channel: str,
        sender: BulkSender,
        limiter: RateLimiter,
        clock: Clock,
        quiet: QuietHours,
        config: WorkerSettings = WorkerSettings(),
    ) -> None:
        self.db = db
        self.channel = channel
        self.sender = sender
        self.limiter = limiter
        self.clock = clock
        self.quiet = quiet
        self.config = config
        self._results: list[dict[str, Any]] = []
        self._blocked: list[int] = []
        self._ahead = asyncio.Semaphore(config.groups_ahead)
        self._in_flight: set[asyncio.Task[None]] = set()

    async def run(self, stop: asyncio.Event) -> None:
        """Work until ``stop`` is set; in-flight sends finish and unsent claims are released."""
        recorder = asyncio.create_task(self._record_loop(stop))
        try:
            while not stop.is_set():
                if not await self.run_batch(stop):
                    await sleep_unless(stop, self.config.idle_poll)
        finally:
            if self._in_flight:
                await asyncio.gather(*self._in_flight, return_exceptions=True)
            await recorder
            await self._flush()

    async def run_batch(self, stop: asyncio.Event | None = None) -> int:
        """Claim one batch and start sending it; the number of rows claimed."""
        now = self.clock()
        async with self.db.engine.begin() as connection:
            rows = await deliveries.claim(
                connection, self.channel, now, now + self.config.lease, self.config.batch, self.quiet.active(now)
            )
        for start in range(0, len(rows), self.config.group):
            group = rows[start : start + self.config.group]
            if stop is not None and stop.is_set():
                async with self.db.engine.begin() as connection:
                    await deliveries.release(connection, [row["id"] for row in rows[start:]])
                break
            await self._ahead.acquire()
            async with self.db.engine.begin() as connection:
                live = await deliveries.mark_sending(
                    connection, [row["id"] for row in group], self.clock() + self.config.lease
                )
            task = asyncio.create_task(self._send_group([row for row in group if row["id"] in live]))
            self._in_flight.add(task)
            task.add_done_callback(self._in_flight.discard)
        return len(rows)

    async def _send_group(self, group: list[dict[str, Any]]) -> None:
        try:
            await asyncio.gather(*(self._send(row) for row in group))
        finally:
            self._ahead.release()

    async def _send(self, row: dict[str, Any]) -> None:
        try:
            for piece in split(row["text"], self.sender.text_limit):
                await self.limiter.acquire(row["external_id"])
                await self.sender.send(row["external_id"], piece)
        except SendError as error:
            self._results.append(self._after_failure(row, error))
        except Exception as error:  # a sender bug must not lose the row
            log.exception("sender error", extra={"delivery": row["id"]})
            self._results.append(self._after_failure(row, Transient(type(error).__name__)))
        else:
            now = self.clock()
            self._results.append(_result(row, "sent", row["attempts"] + 1, now, sent=now))

    def _after_failure(self, row: dict[str, Any], error: SendError) -> dict[str, Any]:
        now = self.clock()
        if isinstance(error, RateLimited):
            self.limiter.pause(error.retry_after)
            retry_at = now + timedelta(seconds=error.retry_after)
            return _result(row, "pending", row["attempts"], now, retry_at=retry_at, error=error.reason)
        if isinstance(error, Blocked):
            self._blocked.append(row["person_id"])
            return _result(row, "blocked", row["attempts"] + 1, now, error=error.reason)
        if isinstance(error, Ambiguous):
            return _result(row, "ambiguous", row["attempts"] + 1, now, error=error.reason)
        attempts = row["attempts"] + 1
        if isinstance(error, Rejected) or attempts >= self.config.max_attempts:
            return _result(row, "failed", attempts, now, error=error.reason)
        backoff = (2 ** attempts) * random.uniform(0.5, 1.5)
        return _result(row, "pending", attempts, now, retry_at=now + timedelta(seconds=backoff), error=error.reason)

    async def _record_loop(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            await sleep_unless(stop, self.config.flush_every)
            await self._flush()

    async def _flush(self) -> None:
        results, self._results = self._results, []
        blocked, self._blocked = self._blocked, []
        if not results:
            return
        async with self.db.engine.begin() as connection:
            await deliveries.record(connection, results)
            for person_id in blocked:
                await persons.deactivate(connection, person_id)


def _result(
    row: dict[str, Any],
    status: str,
    attempts: int,
    now: datetime,
    *,
    retry_at: datetime | None = None,
    error: str | None = None,
    sent: datetime | None = None,
) -> dict[str, Any]:
    return {"row_id": row["id"], "new_status": status, "new_attempts": attempts, "retry_at": retry_at or now,
            "error": error, "sent": sent}
