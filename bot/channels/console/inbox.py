"""A console user's inbox: the window of `khaibao chat --user ID` (or of `khaibao run`) claims and prints
only that user's queued deliveries, so alerts, reminders and notices never show in another user's window."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any, TextIO

import messages
from bot.clock import Clock, sleep_unless, utc_now
from bot.delivery.planner import Planner
from bot.delivery.progress import ConsoleNotifier
from storage import deliveries, persons
from storage.db import Database

log = logging.getLogger(__name__)
CHANNEL = "console"
LEASE = timedelta(seconds=60)


def locale_of(person: dict[str, Any] | None) -> str:
    """The language a console user chose (Vietnamese for someone not known yet)."""
    locale = (person or {}).get("locale") or messages.VI
    return locale if locale in messages.LOCALES else messages.VI


class ConsoleInbox:
    """Polls the delivery queue for one console user's rows and prints them in this window.

    It also runs the queue's planner (idempotent, safe beside other processes), so two chat windows
    reach each other without `khaibao run`; progress of a broadcast prints only in its author's window.
    """

    def __init__(
        self, db: Database, user_id: str, out: TextIO, *, clock: Clock = utc_now, poll: float = 0.5,
        plan: bool = True, prompt: bool = False,
    ) -> None:
        self.db = db
        self.user_id = user_id
        self.out = out
        self.clock = clock
        self.poll = poll
        self.prompt = prompt
        self.planner = Planner(db, clock, {CHANNEL: ConsoleNotifier(out, only=user_id)}) if plan else None

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set; a failed pass is logged and retried."""
        while not stop.is_set():
            try:
                if self.planner is not None:
                    await self.planner.tick()
                await self.deliver()
            except Exception:
                log.exception("console inbox pass failed")
            await sleep_unless(stop, self.poll)

    async def deliver(self) -> int:
        """Print this user's due rows and record them as sent; how many."""
        now = self.clock()
        async with self.db.engine.begin() as connection:
            rows = await deliveries.claim(connection, CHANNEL, now, now + LEASE, 100, False, external_id=self.user_id)
            locale = locale_of(await persons.find(connection, CHANNEL, self.user_id)) if rows else messages.VI
        if not rows:
            return 0
        for row in rows:
            print(f"\n{messages.t(locale, 'console.pushed')}\n{row['text']}\n", file=self.out, flush=True)
        if self.prompt:
            print("> ", end="", file=self.out, flush=True)
        sent = self.clock()
        async with self.db.engine.begin() as connection:
            await deliveries.record_sent(connection, [row["id"] for row in rows], sent)
        return len(rows)
