"""Runs the engine for incoming messages: per-user order, and group commits of many users' steps.

Every message waits for its turn in its user's lane (``ordering.Lanes``), so a user never has two
messages in flight. The messages waiting at one moment (one per user) are handled together in one
transaction: their states and profiles are read with two queries, the pure engine runs for each, and
the new states, effects, handled marks and replies (as outbox rows) are written before a single
commit. Replies are returned only after the commit; the channel sends them and notes them sent
(``inbox.sent``), and the outbox relay sends again whatever a crash or an outage left unsent. A batch
that fails is retried one message per transaction, so one bad message fails alone.

On PostgreSQL several processes may serve one bot: each transaction first takes an advisory lock per
user (in a fixed order, so two processes never deadlock), then handles, before the message it was
given, that user's messages which another process stored earlier and has not handled yet. So a
user's messages are handled strictly in the order they were stored, whichever process received them.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

import messages
from bot.clock import Clock, utc_now
from bot.commands import reports
from bot.commands.caller import Caller
from bot.commands.notices import publish_notice, show_notice
from bot.commands.registry import HANDLERS
from bot.commands.venues import checkin_reply
from bot.conversation.inbox import Inbox
from bot.conversation.message_json import incoming_from_json, reply_to_json
from bot.conversation.ordering import Lanes
from bot.settings import Settings
from handlers import receipt
from handlers.engine import handle
from handlers.flows import arrival, declaration
from handlers.protocol import (
    Context,
    DropConversation,
    Effect,
    Incoming,
    NoticeHeading,
    Outcome,
    PublishNotice,
    Reply,
    SaveCheckin,
    SaveDeclaration,
    SaveProfile,
    ServerWork,
    SetLocale,
    ShowNotice,
)
from handlers.triage import OutbreakArea
from handlers.venues import codes as venue_codes
from handlers.venues.notice import declares_after_notice
from storage import checkins, conversations, declarations, inbound, notices, outbox, outbreak, persons, venues
from storage.db import Database, is_sqlite

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_BATCH = 500
REPLY_LEASE = timedelta(seconds=10)  # after a crash, the relay sends unsent replies this soon (in-hand ones wait)
DECLARED_WITHIN = timedelta(days=14)  # a declaration this soon after an exposure notice answers it
_LOCK_USERS = text(
    "SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) "
    "FROM (SELECT k FROM unnest(CAST(:keys AS text[])) AS k ORDER BY k) AS sorted"
)


@dataclass
class _Job:
    incoming: Incoming
    future: asyncio.Future[list[Reply]]
    outcome: Outcome | None = None
    person: dict[str, Any] | None = field(default=None)
    earlier: list[Incoming] = field(default_factory=list)  # stored before it by another process
    row_id: int | None = None  # its stored arrival
    venue: dict[str, Any] | None = None  # the venue its "/checkin CODE" or QR link names
    household: tuple[str, ...] = ()
    exposure_notice: bool = False  # its /tiepxuc comes from someone sent an exposure notice lately
    arrival: dict[str, Any] | None = None  # the answers of the sender's latest arrival, while declaring
    checked_in: list[str | None] | None = None  # who its SaveCheckin stored (None: the venue had closed)

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
        self._order = Lanes()
        self.inbox = Inbox(db, clock)
        self._several_processes = not is_sqlite(db.url)
        self._outbreak: Expiring[tuple[OutbreakArea, ...]] = Expiring(outbreak_ttl)
        self._notices: Expiring[tuple[NoticeHeading, ...]] = Expiring(outbreak_ttl)
        self._pending: list[_Job] = []
        self._worker: asyncio.Task[None] | None = None

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Handle one message in order with the user's others; [] for a repeated delivery."""
        async with self._order.hold((incoming.channel, incoming.user_id)):
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
            if self._several_processes:
                await connection.execute(_LOCK_USERS, {"keys": [f"{job.key[0]}:{job.key[1]}" for job in batch]})
            fresh = await self._claim(connection, batch, now)
            if self._several_processes and fresh:
                await self._take_earlier(connection, fresh, now)
            keys = [job.key for job in fresh]
            states = await conversations.load_states(connection, keys) if keys else {}
            people = await persons.find_many(connection, keys) if keys else {}
            areas = await self._outbreak.get(lambda: outbreak.listed(connection))
            headings = await self._notices.get(lambda: notices.recent(connection))
            for job in fresh:
                job.person = people.get(job.key)
            await _load_venues(connection, fresh, states, now)
            await _load_notices(connection, fresh, now)
            await _load_arrivals(connection, fresh, states, now)
            for job in fresh:
                job.outcome = self._run_engine(job, states.get(job.key), now, areas, headings)
            await self._save(connection, fresh, now)
            for job in fresh:
                assert job.outcome is not None
                job.outcome.replies = await self._resolve(connection, job, now)
            rows = _outbox_rows(fresh, now)
            await outbox.add_many(connection, rows)
        for row in rows:
            self.inbox.sending(row["channel"], row["message_id"])
        for job in batch:
            if not job.future.done():
                job.future.set_result(job.outcome.replies if job.outcome else [])

    async def _claim(self, connection: AsyncConnection, batch: list[_Job], now: datetime) -> list[_Job]:
        """Mark the batch's messages handled; the jobs not handled before (repeats are dropped)."""
        marked = [job for job in batch if job.incoming.message_id]
        new = await inbound.claim(connection, [_handled_row(job.incoming, now) for job in marked])
        fresh = []
        for job in batch:
            if job.incoming.message_id:
                job.row_id = new.get((job.incoming.channel, job.incoming.message_id))
                if job.row_id is None:
                    continue
            fresh.append(job)
        return fresh

    async def _take_earlier(self, connection: AsyncConnection, jobs: list[_Job], now: datetime) -> None:
        """Put before each job its user's messages stored earlier by another process and not yet handled."""
        by_key = {job.key: job for job in jobs if job.row_id is not None}
        earlier: list[Incoming] = []
        for row in await inbound.waiting_of(connection, list(by_key)) if by_key else ():
            job = by_key[(row["channel"], row["external_id"])]
            payload = row["payload"]
            if row["id"] < (job.row_id or 0) and isinstance(payload, dict) and "incoming" in payload:
                message = incoming_from_json(payload["incoming"])
                job.earlier.append(message)
                earlier.append(message)
        await inbound.claim(connection, [_handled_row(message, now) for message in earlier])

    def _run_engine(
        self, job: _Job, state: dict[str, Any] | None, now: datetime,
        areas: tuple[OutbreakArea, ...], headings: tuple[NoticeHeading, ...],
    ) -> Outcome:
        """The engine over the job's message, after any earlier ones of the same user."""
        context = self._context(job, state, now, areas, headings)
        if not job.earlier:
            return handle(state, job.incoming, context)
        replies: list[Reply] = []
        effects: list[Effect] = []
        for message in [*job.earlier, job.incoming]:
            step = handle(state, message, context)
            effects.extend(_shifted(effect, len(replies)) for effect in step.effects)
            replies.extend(step.replies)
            dropped = any(isinstance(effect, DropConversation) for effect in step.effects)
            state = None if dropped else step.state
            for effect in step.effects:
                if isinstance(effect, SaveProfile):
                    context = replace(context, profile={**(context.profile or {}), **effect.profile})
                elif isinstance(effect, SetLocale):
                    context = replace(context, locale=effect.locale)
        kept: list[Effect] = [effect for effect in effects if not isinstance(effect, DropConversation)]
        if state is None:
            kept.append(DropConversation())
        return Outcome(state or {}, replies, kept)

    def _context(
        self, job: _Job, state: dict[str, Any] | None, now: datetime, areas: tuple[OutbreakArea, ...],
        headings: tuple[NoticeHeading, ...],
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
            venue=job.venue,
            household=job.household,
            exposure_notice=job.exposure_notice,
            arrival=job.arrival,
            arrival_monitoring_days=self.settings.arrival_auto_monitoring_days,
            locale=_locale(state, job.person),
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
        await persons.set_locales(connection, [(*job.key, locale) for job in jobs if (locale := _unstored_locale(job))])
        await _store_checkins(connection, jobs, now)

    async def _store_records(self, connection: AsyncConnection, jobs: list[_Job], now: datetime) -> None:
        """Profiles and declarations of the whole batch, a few statements whatever its size."""
        writing = [(job, effects) for job in jobs if (effects := _record_effects(job))]
        if not writing:
            return
        new = [job.key for job, _ in writing if job.person is None]
        person_ids = await persons.ensure_many(connection, new, now) if new else {}
        profiles, records = [], []
        for job, effects in writing:
            person_id = job.person["id"] if job.person else person_ids[job.key]
            for effect in effects:
                if isinstance(effect, SaveProfile):
                    profiles.append((person_id, dict(effect.profile)))
                else:
                    records.append((person_id, dict(effect.record)))
        await persons.save_profiles(connection, profiles, now)
        ids = await declarations.add_many(connection, records)
        await checkins.mark_declared(connection, [person_id for person_id, record in records if record["for_self"]],
                                     now, DECLARED_WITHIN)
        alerting = ("red", "yellow") if self.settings.alert_yellow else ("red",)
        for (person_id, record), declaration_id in zip(records, ids, strict=True):
            if record.get("monitor_days") and record["commune_code"]:
                await reports.monitor_arrival(connection, person_id, record, now)
            if record["risk_level"] in alerting and record["commune_code"]:
                await reports.raise_alert(connection, "declaration", record["commune_code"], now,
                                        declaration_id=declaration_id, admins=self.settings.admin_identities)

    async def _resolve(self, connection: AsyncConnection, job: _Job, now: datetime) -> list[Reply]:
        """The engine's replies with the answers to its server work put where the engine asked for them."""
        assert job.outcome is not None
        locale = _locale(job.outcome.state, job.person)
        replies, done = [], 0
        for work in sorted(_server_work(job.outcome.effects), key=lambda work: work.position):
            replies.extend(job.outcome.replies[done:work.position])
            done = work.position
            replies.extend(await self._carry_out(connection, job, work, now, locale))
        replies.extend(job.outcome.replies[done:])
        return replies if locale == messages.VI else [replace(reply, locale=locale) for reply in replies]


    async def _carry_out(
        self, connection: AsyncConnection, job: _Job, work: ServerWork, now: datetime, locale: str,
    ) -> list[Reply]:
        """Server work: a notice shown or published, or a server command run after its own role check."""
        if isinstance(work, ShowNotice):
            return [await show_notice(connection, work, locale)]
        if isinstance(work, PublishNotice):
            self._notices.expire()
            return [await publish_notice(connection, work, now, self.settings, locale)]
        if isinstance(work, SaveCheckin):  # stored with the batch (``_store_checkins``)
            return [checkin_reply(work, job.checked_in, job.person, now, self.settings.zone)]
        caller = Caller(job.key, await persons.find(connection, *job.key),
                        job.key in self.settings.admin_identities, now, self.settings, locale)
        return await HANDLERS[work.name](connection, caller, work)


def _locale(state: dict[str, Any] | None, person: dict[str, Any] | None) -> str:
    """The language of a conversation: the one chosen in it, else the person's, else Vietnamese."""
    return messages.normal((state or {}).get("locale") or (person or {}).get("locale"))


def _unstored_locale(job: _Job) -> str | None:
    """The language chosen in the conversation when the person's record (if any) does not hold it yet."""
    assert job.outcome is not None
    chosen = job.outcome.state.get("locale")
    return chosen if chosen and (job.person or {}).get("locale") != chosen else None

def _server_work(effects: list[Effect]) -> list[ServerWork]:
    return [effect for effect in effects if isinstance(effect, ServerWork)]


def _shifted(effect: Effect, offset: int) -> Effect:
    """An effect of an earlier engine step, with its server work's position behind the replies before it."""
    return replace(effect, position=effect.position + offset) if isinstance(effect, ServerWork) else effect


async def _load_venues(connection: AsyncConnection, jobs: list[_Job], states: dict[tuple[str, str], Any],
                       now: datetime) -> None:
    """The venues the batch's check-in messages name, and the families of their senders: two queries at most."""
    named = [(job, ref) for job in jobs
             if (ref := venue_codes.reference(_venue_text(job, states.get(job.key)), _asks_code(states.get(job.key))))]
    if not named:
        return
    found = await venues.find_many(connection, [ref for _, ref in named])
    families = await checkins.households(connection, [job.person["id"] for job, _ in named if job.person], now)
    for job, ref in named:
        job.venue = found.get(ref)
        job.household = tuple(families.get(job.person["id"], ())) if job.person else ()


async def _load_notices(connection: AsyncConnection, jobs: list[_Job], now: datetime) -> None:
    """Whether the senders of the batch's /tiepxuc were sent an exposure notice lately: one query at most."""
    asking = [job for job in jobs if job.person and declares_after_notice(job.incoming.text)]
    if not asking:
        return
    told = await checkins.notified_since(connection, [job.person["id"] for job in asking],  # type: ignore[index]
                                         now - DECLARED_WITHIN)
    for job in asking:
        job.exposure_notice = job.person["id"] in told  # type: ignore[index]


async def _load_arrivals(connection: AsyncConnection, jobs: list[_Job], states: dict[tuple[str, str], Any],
                         now: datetime) -> None:
    """The latest arrival of each sender in the middle of a declaration (it counts as travel abroad): one query."""
    declaring = [job for job in jobs if job.person and (states.get(job.key) or {}).get("flow") == declaration.FLOW.id]
    if not declaring:
        return
    since = now - timedelta(days=declaration.ARRIVAL_COUNTS_DAYS + arrival.ENTRY_PAST_DAYS)
    found = await declarations.latest_arrivals(connection, [job.person["id"] for job in declaring], since)  # type: ignore[index]
    for job in declaring:
        job.arrival = found.get(job.person["id"])  # type: ignore[index]


async def _store_checkins(connection: AsyncConnection, jobs: list[_Job], now: datetime) -> None:
    """The batch's confirmed check-ins of registered people, at the venues still open: three statements at most."""
    wanted = [(job, effect) for job in jobs for effect in job.outcome.effects  # type: ignore[union-attr]
              if isinstance(effect, SaveCheckin) and job.person and job.person["consent_at"]]
    if not wanted:
        return
    open_ids = await venues.open_among(connection, [effect.venue_id for _, effect in wanted])
    families = await checkins.households(connection, [job.person["id"] for job, effect in wanted  # type: ignore[index]
                                                      if effect.family], now)
    rows = []
    for job, effect in wanted:
        person_id = job.person["id"]  # type: ignore[index]
        if effect.venue_id in open_ids:
            job.checked_in = [None, *(families.get(person_id, []) if effect.family else [])]
            rows += [{"venue_id": effect.venue_id, "person_id": person_id, "subject_name": name, "at": now}
                     for name in job.checked_in]
    await checkins.add_many(connection, rows)


def _venue_text(job: _Job, state: dict[str, Any] | None) -> str:
    """The text naming a venue: the message, or the first message's check-in waiting for the language answer."""
    text = job.incoming.text
    if state and state.get("pending") and not text.lstrip().startswith("/"):
        return str(state["pending"])
    return text


def _asks_code(state: dict[str, Any] | None) -> bool:
    """True when the user's conversation waits for a venue's code (after a bare /checkin)."""
    return bool(state and state.get("flow") == "checkin" and state.get("step") == "venue")


def _handled_row(incoming: Incoming, now: datetime) -> dict[str, Any]:
    return {"channel": incoming.channel, "message_id": incoming.message_id, "external_id": incoming.user_id,
            "received_at": now, "handled_at": now}


def _outbox_rows(jobs: list[_Job], now: datetime) -> list[dict[str, Any]]:
    """An outbox row for each platform message that has replies."""
    return [
        {"channel": job.incoming.channel, "message_id": job.incoming.message_id, "external_id": job.incoming.user_id,
         "replies": [reply_to_json(reply) for reply in job.outcome.replies], "created_at": now,
         "next_attempt_at": now + REPLY_LEASE, "attempts": 0}
        for job in jobs
        if job.incoming.message_id and job.outcome is not None and job.outcome.replies
    ]


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
