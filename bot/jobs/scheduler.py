"""APScheduler wiring: one cron job per reporting schedule, the monitoring slots and a minute sweep.

Schedules live in khaibao's tables; jobs are kept in memory and rebuilt from the tables at start and
whenever the schedules change. After downtime, `catch_up` runs each missed firing once (rounds and
slots are recorded, so running it again changes nothing). Only one process schedules: it holds a
PostgreSQL advisory lock on a dedicated connection, or an exclusive file lock beside the SQLite file.
"""

from __future__ import annotations

import asyncio
import fcntl
import logging
import os
from datetime import datetime, time, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.clock import Clock, utc_now
from bot.commands import data_rights
from bot.jobs import reminders
from bot.settings import Settings
from storage import reporting
from storage.db import Database, is_sqlite

log = logging.getLogger(__name__)
ADVISORY_KEY = 0x6B6861  # "kha"
GRACE = timedelta(hours=6)


def trigger_for(schedule: dict[str, Any], settings: Settings) -> CronTrigger:
    """The cron trigger of a reporting schedule, in local time."""
    hour, minute = schedule["at_time"].split(":")
    return CronTrigger(day_of_week=schedule["day_of_week"], day=schedule["day_of_month"], hour=int(hour),
                       minute=int(minute), timezone=settings.zone)


def slot_trigger(slot: time, settings: Settings) -> CronTrigger:
    """The daily trigger of a monitoring slot."""
    return CronTrigger(hour=slot.hour, minute=slot.minute, timezone=settings.zone)


def fire_times(trigger: CronTrigger, start: datetime, end: datetime) -> list[datetime]:
    """Every time the trigger fires in (start, end]."""
    times, previous = [], None
    moment = trigger.get_next_fire_time(None, start + timedelta(microseconds=1))
    while moment is not None and moment <= end:
        times.append(moment)
        previous = moment
        moment = trigger.get_next_fire_time(previous, moment + timedelta(seconds=1))
    return times


def last_fire(trigger: CronTrigger, now: datetime, lookback: timedelta = timedelta(days=32)) -> datetime | None:
    """The latest fire time at or before ``now`` (within ``lookback``)."""
    times = fire_times(trigger, now - lookback, now)
    return times[-1] if times else None


class LeaderLock:
    """Held by the one process that may schedule."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._connection: AsyncConnection | None = None
        self._file: int | None = None

    async def acquire(self) -> bool:
        """Try to become the scheduler; True when this process holds the lock."""
        if is_sqlite(self.db.url):
            database = make_url(self.db.url).database or "khaibao"
            self._file = os.open(f"{database}.scheduler.lock", os.O_CREAT | os.O_RDWR, 0o600)
            try:
                fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(self._file)
                self._file = None
                return False
            return True
        self._connection = await self.db.engine.connect()
        held = (await self._connection.execute(text(f"SELECT pg_try_advisory_lock({ADVISORY_KEY})"))).scalar()
        await self._connection.commit()
        if not held:
            await self._connection.invalidate()
            await self._connection.close()
            self._connection = None
        return bool(held)

    async def release(self) -> None:
        """Give the lock up."""
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            os.close(self._file)
            self._file = None
        if self._connection is not None:
            await self._connection.execute(text(f"SELECT pg_advisory_unlock({ADVISORY_KEY})"))
            await self._connection.invalidate()
            await self._connection.close()
            self._connection = None


class Scheduler:
    """Runs reminders, slots and sweeps on time in the process that holds the leader lock."""

    def __init__(self, db: Database, settings: Settings, clock: Clock = utc_now) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self.lock = LeaderLock(db)
        self.aps = AsyncIOScheduler(timezone=settings.zone, job_defaults={
            "coalesce": True, "misfire_grace_time": int(GRACE.total_seconds()), "max_instances": 1})
        self._signature: tuple[Any, ...] = ()
        self._waiting: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Become the scheduler now, or keep trying every minute in the background."""
        if await self.lock.acquire():
            await self._lead()
        else:
            log.info("another process schedules; this one will take over if it stops")
            self._waiting = asyncio.create_task(self._wait_for_lead())

    async def _wait_for_lead(self) -> None:
        while not await self.lock.acquire():
            await asyncio.sleep(60)
        await self._lead()

    async def _lead(self) -> None:
        await self.catch_up()
        await self.refresh()
        self.aps.add_job(self._sweep, "interval", seconds=60, id="sweep")
        self.aps.add_job(self._retention, CronTrigger(hour=3, minute=0, timezone=self.settings.zone), id="retention")
        self.aps.start()

    async def stop(self) -> None:
        """Stop scheduling and release the lock."""
        if self._waiting:
            self._waiting.cancel()
        if self.aps.running:
            self.aps.shutdown(wait=False)
        await self.lock.release()

    async def refresh(self) -> None:
        """Rebuild the jobs when the schedules changed."""
        async with self.db.engine.begin() as connection:
            schedules = await reporting.schedules(connection)
        signature = tuple((s["id"], s["day_of_week"], s["day_of_month"], s["at_time"]) for s in schedules)
        if signature == self._signature:
            return
        for job in self.aps.get_jobs():
            if job.id not in ("sweep", "retention"):
                job.remove()
        for schedule in schedules:
            self.aps.add_job(self._fire, trigger_for(schedule, self.settings), args=[schedule["id"]],
                             id=f"schedule-{schedule['id']}")
        for number, slot in enumerate(self.settings.slot_times):
            self.aps.add_job(self._slot, slot_trigger(slot, self.settings), id=f"slot-{number}")
        self._signature = signature

    async def catch_up(self) -> None:
        """Run, once, each firing and slot missed while no process was scheduling (within the grace time)."""
        now = self.clock()
        async with self.db.engine.begin() as connection:
            schedules = await reporting.schedules(connection)
        for schedule in schedules:
            moment = last_fire(trigger_for(schedule, self.settings), now)
            if moment and now - moment <= GRACE:
                async with self.db.engine.begin() as connection:
                    already = await reporting.fired(connection, schedule["id"], moment)
                if not already:
                    await reminders.fire_schedule(self.db, schedule, moment, self.settings)
        slot, previous = self._last_slots(now)
        if slot and previous and now - slot <= GRACE:
            await reminders.monitoring_slot(self.db, slot, previous, self.settings)

    def _last_slots(self, now: datetime) -> tuple[datetime | None, datetime | None]:
        times = sorted(t for slot in self.settings.slot_times
                       for t in fire_times(slot_trigger(slot, self.settings), now - timedelta(days=2), now))
        return (times[-1], times[-2]) if len(times) >= 2 else (None, None)

    async def _fire(self, schedule_id: int) -> None:
        async with self.db.engine.begin() as connection:
            schedule = await reporting.get_schedule(connection, schedule_id)
        if schedule and schedule["active"]:
            moment = last_fire(trigger_for(schedule, self.settings), self.clock() + timedelta(seconds=1))
            if moment:
                await reminders.fire_schedule(self.db, schedule, moment, self.settings)

    async def _slot(self) -> None:
        slot, previous = self._last_slots(self.clock() + timedelta(seconds=1))
        if slot and previous:
            await reminders.monitoring_slot(self.db, slot, previous, self.settings)

    async def _retention(self) -> None:
        await data_rights.retention(self.db, self.settings, self.clock(), "scheduler", "system")

    async def _sweep(self) -> None:
        try:
            await reminders.sweep(self.db, self.clock(), self.settings)
            await self.refresh()
        except Exception:
            log.exception("scheduler sweep failed")
