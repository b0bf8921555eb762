"""The queue's housekeeping: start due broadcasts, expand audiences, recover dead senders' rows, finish."""

from __future__ import annotations

import logging

from bot.clock import Clock
from bot.delivery.progress import Notifier, RateMeter, Snapshot
from bot.delivery.senders import SendError
from storage import broadcasts, deliveries
from storage.db import Database

log = logging.getLogger(__name__)


class Planner:
    """One pass of housekeeping per tick; safe to run in several processes (every step is idempotent)."""

    def __init__(self, db: Database, clock: Clock, notifiers: dict[str, Notifier] | None = None) -> None:
        self.db = db
        self.clock = clock
        self.notifiers = notifiers or {}
        self.meter = RateMeter()

    async def tick(self, report: bool = True) -> None:
        """Recover, start and expand due broadcasts, finish completed ones, post progress."""
        now = self.clock()
        async with self.db.engine.begin() as connection:
            requeued, ambiguous = await deliveries.recover_expired(connection, now)
        if requeued or ambiguous:
            log.warning("recovered rows of a stopped sender: %d requeued, %d ambiguous", requeued, ambiguous)
        async with self.db.engine.begin() as connection:
            due = await broadcasts.due(connection, now)
        for broadcast_id in due:
            await self.expand(broadcast_id)
        async with self.db.engine.begin() as connection:
            active = await broadcasts.sending(connection)
        for broadcast in active:
            async with self.db.engine.begin() as connection:
                finished = await broadcasts.finish_if_done(connection, broadcast["id"], self.clock())
            if report and broadcast["progress_chat"]:
                try:
                    await self.report(broadcast["id"], final=finished)
                except SendError as error:  # the platform is down too: the next tick posts it
                    log.warning("progress of broadcast %d not posted: %s", broadcast["id"], error.reason)

    async def expand(self, broadcast_id: int) -> None:
        """Start a due broadcast and write all its delivery rows, chunk by chunk."""
        async with self.db.engine.begin() as connection:
            await broadcasts.start(connection, broadcast_id, self.clock())
        while True:
            async with self.db.engine.begin() as connection:
                broadcast = await broadcasts.get(connection, broadcast_id)
                if broadcast is None or broadcast["status"] != "sending" or broadcast["expanded_through"] == -1:
                    return
                if await broadcasts.expand_chunk(connection, broadcast, self.clock()):
                    return

    async def snapshot(self, broadcast_id: int) -> Snapshot | None:
        """The broadcast's counts now, with the settle rate since the last look."""
        async with self.db.engine.begin() as connection:
            broadcast = await broadcasts.get(connection, broadcast_id)
            if broadcast is None:
                return None
            counts = await broadcasts.counts(connection, broadcast_id)
        snapshot = Snapshot(broadcast, counts)
        snapshot.rate = self.meter.rate(broadcast_id, snapshot.done)
        return snapshot

    async def report(self, broadcast_id: int, final: bool = False) -> None:
        """Post the progress (or final statistics) to the admin's chat."""
        snapshot = await self.snapshot(broadcast_id)
        if snapshot is None:
            return
        broadcast = snapshot.broadcast
        notifier = self.notifiers.get(broadcast["progress_channel"] or "")
        if notifier is None or not broadcast["progress_chat"]:
            return
        message_id = await notifier.post(
            broadcast["progress_chat"], snapshot.text(), broadcast["progress_message"], final
        )
        if message_id and message_id != broadcast["progress_message"]:
            async with self.db.engine.begin() as connection:
                await broadcasts.set_progress_message(connection, broadcast_id, message_id)
