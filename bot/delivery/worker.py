"""A sender for one channel: claims due rows, sends them at the platform's pace, records what happened.

Rows move pending -> claimed (leased) -> sending -> sent | failed | blocked | ambiguous, or back to
pending for a retry. Rows are marked "sending" a few at a time, just ahead of the pacer (a few tens
of milliseconds of sends), so after a crash the claimed-but-unsent rows return to the queue and only
the requests truly in flight are counted as ambiguous instead of being sent twice. Marking and
recording share one transaction and run beside the sends, so the database never stalls the pace.

Transient failures (5xx, connection refused, timeouts before the request left) are retried with
capped exponential backoff and jitter for hours (the retry window) before a row fails; after many in
a row the platform is taken to be down and the sender only probes it, one row at a time, until it
answers again. Only permanent refusals (400 bad chat, 403 blocked) settle a row at once.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from bot.clock import Clock, sleep_unless
from bot.delivery.pacing import RateLimiter
from bot.delivery.senders import Ambiguous, Blocked, BulkSender, RateLimited, Rejected, SendError, Transient
from handlers.quiet_hours import QuietHours
from handlers.text import split
from storage import deliveries, persons
from storage.db import Database

log = logging.getLogger(__name__)

Claim = tuple[list[dict[str, Any]], datetime]  # claimed rows and the end of their lease


@dataclass(frozen=True)
class WorkerSettings:
    """How a sender works."""

    batch: int = 500
    mark: int = 10  # rows marked "sending" at once; at most twice this many wait at the pacer
    lease: timedelta = timedelta(seconds=60)
    retry_window: timedelta = timedelta(hours=24)
    retry_base: float = 1.0  # seconds before the first retry of a transient failure, doubled each time
    retry_cap: float = 60.0  # the longest wait between two tries
    outage_after: int = 20  # transient failures in a row, without a success, that mean the platform is down
    probe_cap: float = 5.0  # the longest wait between two probes of a platform that is down (one request each)
    idle_poll: float = 0.5
    flush_every: float = 0.05

    def for_rate(self, rate: float, lead_seconds: float = 0.025) -> WorkerSettings:
        """Rows marked ahead of the pacer for ``lead_seconds`` of sends at ``rate`` (enough to cover a slow
        commit), at least two; batches small enough to be sent well within their lease."""
        mark = max(2, math.ceil(rate * lead_seconds))
        batch = min(self.batch, max(2 * mark, int(rate * self.lease.total_seconds() / 4)))
        return replace(self, mark=mark, batch=batch)

    def backoff(self, attempts: int) -> float:
        """Seconds before try ``attempts + 1``: exponential, capped, with jitter (half to all of it)."""
        delay = min(self.retry_cap, self.retry_base * 2 ** min(attempts - 1, 30))
        return delay * random.uniform(0.5, 1.0)


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
        self._sent: list[int] = []
        self._failures: list[dict[str, Any]] = []
        self._blocked: list[int] = []
        self._at_pacer = 0
        self._room = asyncio.Event()
        self._in_flight: set[asyncio.Task[None]] = set()
        self._pieces: tuple[str, list[str]] = ("", [])
        self._streak = 0  # transient failures since the last success
        self._outages = 0  # times the platform was found down in this streak
        self._down_until = 0.0  # monotonic time before which only waiting is done

    @property
    def platform_down(self) -> bool:
        """True while enough transient failures in a row say the platform is unreachable."""
        return self._streak >= self.config.outage_after

    async def run(self, stop: asyncio.Event) -> None:
        """Work until ``stop`` is set; in-flight sends finish and unsent claims are released.

        While one claim is being sent, the next is claimed, so a slow claim never starves the pacer.
        """
        recorder = asyncio.create_task(self._record_loop(stop))
        ahead: asyncio.Task[Claim] | None = None
        try:
            while not stop.is_set():
                if (wait := self._down_until - time.monotonic()) > 0:
                    await sleep_unless(stop, wait)
                    continue
                claim: Claim = ([], self.clock())
                try:
                    probing = self.platform_down
                    pending, ahead = ahead, None
                    if pending is not None and probing:  # claimed before the platform went down
                        await self._release((await pending)[0])
                        pending = None
                    claim = await pending if pending is not None else await self._claim(1 if probing else None)
                    if claim[0] and not probing:
                        ahead = asyncio.create_task(self._claim())
                    await self._send_claim(claim, stop)
                    if probing:
                        await self._drain()  # the probe's answer decides what comes next
                except Exception:
                    log.exception("delivery sender step failed", extra={"channel": self.channel})
                if not claim[0]:
                    await sleep_unless(stop, self.config.idle_poll)
        finally:
            if ahead is not None:
                try:
                    await self._release((await ahead)[0])
                except Exception:  # the rows come back when their lease runs out
                    log.exception("releasing claimed deliveries failed", extra={"channel": self.channel})
            await self._drain()
            await recorder
            await self._commit()

    async def _claim(self, limit: int | None = None) -> Claim:
        """Claim up to ``limit`` (a batch) due rows; with the time their lease ends."""
        now = self.clock()
        claimed_until = now + self.config.lease
        async with self.db.engine.begin() as connection:
            rows = await deliveries.claim(
                connection, self.channel, now, claimed_until, limit or self.config.batch, self.quiet.active(now)
            )
        return rows, claimed_until

    async def _send_claim(self, claim: Claim, stop: asyncio.Event) -> None:
        """Mark the claimed rows as being sent a few at a time, just ahead of the pacer, and send them;
        give the rest back when stopping, when the platform is down or a long 429 pause begins."""
        rows, claimed_until = claim
        mark = self.config.mark
        for start in range(0, len(rows), mark):
            await self._wait_for_room()
            if stop.is_set() or self._should_hold():
                await self._release(rows[start:])
                return
            group = rows[start : start + mark]
            live = await self._commit([row["id"] for row in group], claimed_until)
            if len(live) < len(group):
                group = [row for row in group if row["id"] in set(live)]
            self._at_pacer += len(group)
            task = asyncio.create_task(self._send_group(group))
            self._in_flight.add(task)
            task.add_done_callback(self._in_flight.discard)

    async def _release(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            async with self.db.engine.begin() as connection:
                await deliveries.release(connection, [row["id"] for row in rows])

    async def _wait_for_room(self) -> None:
        """Until few enough marked rows wait at the pacer (so marking stays just ahead of sending)."""
        while self._at_pacer > self.config.mark:
            self._room.clear()
            await self._room.wait()
        while 0 < (pause := self.limiter.remaining_pause) <= self._longest_hold():
            await asyncio.sleep(pause)

    def _should_hold(self) -> bool:
        """Give the rest of a claim back instead of holding it through an outage or a long 429 pause."""
        return self._down_until > time.monotonic() or self.limiter.remaining_pause > self._longest_hold()

    def _longest_hold(self) -> float:
        return self.config.lease.total_seconds() / 4

    async def _drain(self) -> None:
        if self._in_flight:
            await asyncio.gather(*self._in_flight, return_exceptions=True)

    async def _send_group(self, group: list[dict[str, Any]]) -> None:
        await asyncio.gather(*(self._send(row) for row in group))

    async def _send(self, row: dict[str, Any]) -> None:
        waiting = True
        try:
            pieces = self._split(row["text"])
            for number, piece in enumerate(pieces, 1):
                await self.limiter.acquire(row["external_id"])
                if waiting:
                    waiting = False
                    self._left_pacer()
                if row.get("button") and number == len(pieces):
                    await self.sender.send(row["external_id"], piece, button=row["button"])
                else:
                    await self.sender.send(row["external_id"], piece)
        except SendError as error:
            self._failed(row, error)
        except Exception as error:  # a sender bug must not lose the row
            log.exception("sender error", extra={"delivery": row["id"]})
            self._failed(row, Transient(type(error).__name__))
        else:
            self._sent.append(row["id"])
            if self._streak:
                self._streak = self._outages = 0
                self._down_until = 0.0
        finally:
            if waiting:
                self._left_pacer()

    def _split(self, text: str) -> list[str]:
        """The text's pieces; rows of one broadcast share a text, so the last split is kept."""
        if self._pieces[0] != text:
            self._pieces = (text, split(text, self.sender.text_limit))
        return self._pieces[1]

    def _left_pacer(self) -> None:
        self._at_pacer -= 1
        if self._at_pacer <= self.config.mark:
            self._room.set()

    def _failed(self, row: dict[str, Any], error: SendError) -> None:
        """Queue what happens to a row that did not go out."""
        now = self.clock()
        since = row["retry_since"]
        if isinstance(error, RateLimited):
            self.limiter.pause(error.retry_after)
            self._failures.append(_result(row, "pending", row["attempts"], now + timedelta(seconds=error.retry_after),
                                          error.reason, since))
            return
        attempts = row["attempts"] + 1
        if isinstance(error, Blocked):
            self._blocked.append(row["person_id"])
            self._failures.append(_result(row, "blocked", attempts, now, error.reason, since))
        elif isinstance(error, Ambiguous):
            self._failures.append(_result(row, "ambiguous", attempts, now, error.reason, since))
        elif isinstance(error, Rejected):
            self._failures.append(_result(row, "failed", attempts, now, error.reason, since))
        elif since is not None and now - since >= self.config.retry_window:
            hours = self.config.retry_window.total_seconds() / 3600
            self._failures.append(_result(row, "failed", attempts, now, f"{error.reason} (retried {hours:g} h)",
                                          since))
        else:
            retry_at = now + timedelta(seconds=self.config.backoff(attempts))
            self._failures.append(_result(row, "pending", attempts, retry_at, error.reason, since or now))
            self._transient()

    def _transient(self) -> None:
        """Count a transient failure; enough in a row and the platform is left alone for a while."""
        self._streak += 1
        if self.platform_down and self._down_until <= time.monotonic():
            self._outages += 1
            wait = min(self.config.probe_cap, self.config.backoff(self._outages))
            self._down_until = time.monotonic() + wait
            log.warning("%s platform unreachable: retrying in %.1f s", self.channel, wait)

    async def _record_loop(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            await sleep_unless(stop, self.config.flush_every)
            try:
                await self._commit()
            except Exception:
                log.exception("recording deliveries failed; kept for the next try")

    async def _commit(self, mark: list[int] | None = None, claimed_until: datetime | None = None) -> list[int]:
        """In one transaction: settle the finished rows and mark ``mark`` (of the claim leased until
        ``claimed_until``) as being sent; the ids marked. Unrecorded results are kept when it fails."""
        sent, self._sent = self._sent, []
        failures, self._failures = self._failures, []
        blocked, self._blocked = self._blocked, []
        if not (sent or failures or mark):
            return []
        now = self.clock()
        try:
            async with self.db.engine.begin() as connection:
                await deliveries.record_sent(connection, sent, now)
                await deliveries.record(connection, failures)
                for person_id in blocked:
                    await persons.deactivate(connection, person_id)
                if not mark or claimed_until is None:
                    return []
                return await deliveries.mark_sending(connection, mark, claimed_until, now + self.config.lease)
        except BaseException:
            self._sent[:0], self._failures[:0], self._blocked[:0] = sent, failures, blocked
            raise


def _result(
    row: dict[str, Any], status: str, attempts: int, retry_at: datetime, error: str, since: datetime | None
) -> dict[str, Any]:
    return {"row_id": row["id"], "new_status": status, "new_attempts": attempts, "retry_at": retry_at,
            "error": error[:200], "since": since}
