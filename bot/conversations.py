"""Runs the engine for incoming messages: per-user order, and group commits of many users' steps.

Every message waits on its user's lock, so a user never has two messages in flight. The messages
waiting at one moment (one per user) are handled together in one transaction: their states and
profiles are read with two queries, the pure engine runs for each, and the new states, effects and
duplicate markers are written before a single commit. Replies are returned only after the commit.
A batch that fails is retried one message per transaction, so one bad message fails alone.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncConnection

from bot import staff
from bot.clock import Clock, utc_now
from bot.locks import KeyedLocks
from bot.notices import publish_notice, show_notice
from bot.server_commands import HANDLERS
from bot.settings import Settings
from bot.staff import Caller
from handlers import receipt
from handlers.engine import handle
from handlers.protocol import (
    Context,
    DropConversation,
    Incoming,
    NoticeHeading,
    Outcome,
    PublishNotice,
    Reply,
    SaveDeclaration,
    SaveProfile,
    ServerCommand,
    ShowNotice,
)
from handlers.triage import OutbreakArea
from storage import conversations, declarations, inbound, notices, outbreak, persons
from storage.db import Database

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_BATCH = 500


@dataclass
class _Job:
    incoming: Incoming
    future: asyncio.Future[list[Reply]]
    outcome: Outcome | None = None
    person: dict[str, Any] | None = field(default=None)

    @property
    def key(self) -> tuple[str, str]:
        return (self.incoming.channel, self.incoming.user_id)


class ConversationService:
    """The single entry point every channel adapter calls with a neutral Incoming."""

    def __init__(
        self, db: Database, settings: Settings, clock: Clock = utc_now, outbreak_ttl: float = 30.0
    ) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self._locks = KeyedLocks()
        self._outbreak: Expiring[tuple[OutbreakArea, ...]] = Expiring(outbreak_ttl)
        self._notices: Expiring[tuple[NoticeHeading, ...]] = Expiring(outbreak_ttl)
        self._pending: list[_Job] = []
        self._worker: asyncio.Task[None] | None = None

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Handle one message in order with the user's others; [] for a repeated delivery."""
        async with self._locks.hold((incoming.channel, incoming.user_id)):
            job = _Job(incoming, asyncio.get_running_loop().create_future())
            self._pending.append(job)
            if self._worker is None or self._worker.done():
                self._worker = asyncio.create_task(self._run())
            return await job.future

    async def mark_unreachable(self, channel: str, user_id: str) -> None:
        """The user blocked the bot or left the platform: stop sending to them."""
        async with self.db.transaction() as session:
            await persons.mark_inactive(session, channel, user_id)

    async def _run(self) -> None:
        while self._pending:
            batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
            try:
                await self._process(batch)
            except Exception:
                log.warning("batch of %d failed; retrying one by one", len(batch), exc_info=True)
                for job in batch:
                    await self._process_alone(job)

    async def _process_alone(self, job: _Job) -> None:
        job.outcome = None
        try:
            await self._process([job])
        except Exception as exc:
            if not job.future.done():
                job.future.set_exception(exc)

    async def _process(self, batch: list[_Job]) -> None:
        now = self.clock()
        async with self.db.engine.begin() as connection:
            fresh = await self._drop_repeats(connection, batch, now)
            keys = [job.key for job in fresh]
            states = await conversations.load_states(connection, keys) if keys else {}
            people = await persons.find_many(connection, keys) if keys else {}
            areas = await self._outbreak.get(lambda: outbreak.listed(connection))
            headings = await self._notices.get(lambda: notices.recent(connection))
            for job in fresh:
                job.person = people.get(job.key)
                context = self._context(job, now, areas, headings)
                job.outcome = handle(states.get(job.key), job.incoming, context)
            await self._save(connection, fresh, now)
            for job in fresh:
                assert job.outcome is not None
                job.outcome.replies = await self._resolve(connection, job, now)
        for job in batch:
            if not job.future.done():
                job.future.set_result(job.outcome.replies if job.outcome else [])

    async def _drop_repeats(self, connection: AsyncConnection, batch: list[_Job], now: datetime) -> list[_Job]:
        marked = [job for job in batch if job.incoming.message_id]
        rows = [
            {"channel": job.incoming.channel, "message_id": job.incoming.message_id,
             "external_id": job.incoming.user_id, "received_at": now, "handled_at": now}
            for job in marked
        ]
        new = await inbound.record_new(connection, rows)
        return [
            job for job in batch
            if not job.incoming.message_id or (job.incoming.channel, job.incoming.message_id) in new
        ]

    def _context(
        self, job: _Job, now: datetime, areas: tuple[OutbreakArea, ...], headings: tuple[NoticeHeading, ...]
    ) -> Context:
        return Context(
            now=now,
            zone=self.settings.zone,
            secret=self.settings.secret,
            new_code=receipt.new_code(),
            profile=persons.profile_of(job.person),
            is_admin=job.key in self.settings.admin_identities,
            outbreak=areas,
            bot_username=self.settings.telegram_bot_username,
            idle_hours=self.settings.session_idle_hours,
            receipt_valid_hours=self.settings.receipt_valid_hours,
            notices=headings,
            identity=job.key,
        )

    async def _save(self, connection: AsyncConnection, jobs: list[_Job], now: datetime) -> None:
        kept = []
        for job in jobs:
            assert job.outcome is not None
            if any(isinstance(effect, DropConversation) for effect in job.outcome.effects):
                await conversations.forget(connection, *job.key)
            else:
                kept.append({"channel": job.key[0], "external_id": job.key[1], "state": job.outcome.state,
                             "updated_at": now})
        await conversations.save_states(connection, kept)
        await self._store_records(connection, jobs, now)

    async def _store_records(self, connection: AsyncConnection, jobs: list[_Job], now: datetime) -> None:
        """Profiles and declarations of the whole batch, a few statements whatever its size."""
        writing = [(job, effects) for job in jobs if (effects := _record_effects(job))]
        if not writing:
            return
        new = [job.key for job, _ in writing if job.person is None]
        person_ids = await persons.ensure_many(connection, new, now) if new else {}
        profiles, records, declared = [], [], []
        for job, effects in writing:
            person_id = job.person["id"] if job.person else person_ids[job.key]
            for effect in effects:
                if isinstance(effect, SaveProfile):
                    profiles.append((person_id, dict(effect.profile)))
                else:
                    records.append((person_id, dict(effect.record)))
                    declared.append(job)
        await persons.save_profiles(connection, profiles, now)
        ids = await declarations.add_many(connection, records)
        alerting = ("red", "yellow") if self.settings.alert_yellow else ("red",)
        for job, (_, record), declaration_id in zip(declared, records, ids, strict=True):
            if record["risk_level"] in alerting and record["commune_code"]:
                text = staff.declaration_alert_text(record, persons.profile_of(job.person))
                await staff.raise_alert(connection, "declaration", record["commune_code"], text, now, declaration_id,
                                        admins=self.settings.admin_identities)

    async def _resolve(self, connection: AsyncConnection, job: _Job, now: datetime) -> list[Reply]:
        """Replace the engine's deferred replies with what the database gives."""
        assert job.outcome is not None
        replies: list[Reply] = []
        for reply in job.outcome.replies:
            if isinstance(reply.deferred, ShowNotice):
                replies.append(await show_notice(connection, reply.deferred))
            elif isinstance(reply.deferred, PublishNotice):
                replies.append(await publish_notice(connection, reply.deferred, now, self.settings))
                self._notices.expire()
            elif isinstance(reply.deferred, ServerCommand):
                caller = Caller(job.key, await persons.find(connection, *job.key),
                                job.key in self.settings.admin_identities, now, self.settings)
                replies.extend(await HANDLERS[reply.deferred.name](connection, caller, reply.deferred))
            else:
                replies.append(reply)
        return replies


def _record_effects(job: _Job) -> list[SaveProfile | SaveDeclaration]:
    """The job's effects that store a profile or a declaration, in order."""
    assert job.outcome is not None
    return [effect for effect in job.outcome.effects if isinstance(effect, SaveProfile | SaveDeclaration)]


class Expiring(Generic[T]):
    """A value loaded again once it is older than ``ttl`` seconds (or after ``expire``)."""

    def __init__(self, ttl: float) -> None:
        self._ttl = ttl
        self._loaded_at = -math.inf
        self._value: T | None = None

    async def get(self, load: Callable[[], Awaitable[T]]) -> T:
        """The value, from ``load`` when it has expired."""
        if self._value is None or time.monotonic() - self._loaded_at > self._ttl:
            self._value = await load()
            self._loaded_at = time.monotonic()
        return self._value

    def expire(self) -> None:
        """Load again at the next ``get``."""
        self._loaded_at = -math.inf
