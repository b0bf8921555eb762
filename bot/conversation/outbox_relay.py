"""The outbox relay: sends again the replies that a crash or a platform outage left unsent.

A channel sends each reply right after the commit that stored it and marks it sent. A row still
there when its lease ends is claimed here (on PostgreSQL with SKIP LOCKED, so several processes
share the work), handed to its channel's ``deliver`` in id order per user, and retried with capped
exponential backoff and jitter for ``DELIVERY_RETRY_HOURS``. Only a permanent refusal, or the end
of that window, gives a row up, and either is logged: no reply disappears silently.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from typing import Any

from bot.clock import Clock
from bot.conversation.inbox import Inbox
from bot.conversation.message_json import reply_from_json
from handlers.protocol import Reply
from storage import outbox
from storage.db import Database

log = logging.getLogger(__name__)

Deliver = Callable[[str, Sequence[Reply]], Awaitable[None]]
"""A channel's way to send replies to a user (by external id); raises when they did not go out."""

CLAIM = 100  # rows claimed at a time
LEASE = timedelta(seconds=60)  # a claimed row's time to go out before another process may try it
FIRST_DELAY = 2.0  # seconds before the first retry, doubled for each later one up to the setting's cap
CONCURRENT_USERS = 32


class Undeliverable(Exception):
    """The platform refused the replies for good (blocked, chat not found): retrying cannot help."""


class OutboxRelay:
    """A background task that drains due outbox rows through the channels' ``deliver``."""

    def __init__(
        self, db: Database, channels: dict[str, Deliver], clock: Clock, *,
        retry_for: timedelta, max_delay: float, interval: float = 2.0, inbox: Inbox | None = None,
    ) -> None:
        self._db = db
        self._inbox = inbox  # rows this process is still sending are left to it
        self._channels = channels
        self._clock = clock
        self._retry_for = retry_for
        self._max_delay = max_delay
        self._interval = interval
        self._task: asyncio.Task[None] | None = None
        self._slots = asyncio.Semaphore(CONCURRENT_USERS)

    async def start(self) -> None:
        """Begin draining in the background."""
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        """Stop after the rows in hand."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def run_once(self) -> int:
        """Claim the due rows once and try each; how many were claimed."""
        async with self._db.transaction() as session:
            rows = await outbox.claim_due(session, self._clock(), LEASE, CLAIM)
        rows = [row for row in rows if row["channel"] in self._channels
                and not (self._inbox and self._inbox.in_hand(row["channel"], row["message_id"]))]
        by_user: defaultdict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_user[(row["channel"], row["external_id"])].append(row)
        await asyncio.gather(*(self._user(user_rows) for user_rows in by_user.values()))
        return len(rows)

    async def _loop(self) -> None:
        while True:
            try:
                claimed = await self.run_once()
            except Exception as error:  # the database is away: try again later
                log.warning("outbox relay: %s", type(error).__name__)
                claimed = 0
            if claimed < CLAIM:
                await asyncio.sleep(self._interval)

    async def _user(self, rows: list[dict[str, Any]]) -> None:
        """One user's rows in order; after a failure the later ones wait too, so order is kept."""
        async with self._slots:
            for number, row in enumerate(rows):
                if not await self._try(row):
                    for later in rows[number + 1:]:
                        await self._later(later)
                    return

    async def _try(self, row: dict[str, Any]) -> bool:
        """Deliver one row; True when it is settled (sent or given up), False when it waits for a retry."""
        replies = [reply_from_json(reply) for reply in row["replies"]]
        try:
            await self._channels[row["channel"]](row["external_id"], replies)
        except Undeliverable:
            log.warning("outbox: replies %d refused for good by %s; given up", row["id"], row["channel"])
            await self._settle(row, failed=True)
            return True
        except Exception as error:
            log.info("outbox: replies %d not sent (%s); retried later", row["id"], type(error).__name__)
            return await self._later(row)
        await self._settle(row, failed=False)
        return True

    async def _later(self, row: dict[str, Any]) -> bool:
        """Schedule the next attempt with backoff and jitter, or give up once the retry window is over."""
        now = self._clock()
        if now - row["created_at"] >= self._retry_for:
            log.error("outbox: replies %d to %s not sent within %s; given up",
                      row["id"], row["channel"], self._retry_for)
            await self._settle(row, failed=True)
            return True
        delay = min(self._max_delay, FIRST_DELAY * 2 ** max(row["attempts"] - 1, 0)) * (0.5 + random.random())
        async with self._db.transaction() as session:
            await outbox.retry_at(session, row["id"], now + timedelta(seconds=delay))
        return False

    async def _settle(self, row: dict[str, Any], failed: bool) -> None:
        async with self._db.transaction() as session:
            if failed:
                await outbox.fail(session, row["id"], self._clock())
            else:
                await outbox.remove_sent(session, [(row["channel"], row["message_id"])])
