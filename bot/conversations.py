"""Runs the engine for one incoming message: lock, load, handle, save state and effects in one transaction."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, utc_now
from bot.locks import KeyedLocks
from bot.settings import Settings
from handlers import receipt
from handlers.engine import handle
from handlers.protocol import (
    Context,
    DropConversation,
    Effect,
    Incoming,
    Outcome,
    Reply,
    SaveDeclaration,
    SaveProfile,
)
from handlers.triage import OutbreakArea
from storage import conversations, declarations, inbound, outbreak, persons
from storage.db import Database


class ConversationService:
    """The single entry point every channel adapter calls with a neutral Incoming."""

    def __init__(
        self, db: Database, settings: Settings, clock: Clock = utc_now, outbreak_ttl: float = 30.0
    ) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self._locks = KeyedLocks()
        self._outbreak_ttl = outbreak_ttl
        self._outbreak: tuple[float, tuple[OutbreakArea, ...]] = (-1.0, ())

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Handle one message in order with the user's others; [] for a repeated delivery."""
        async with self._locks.hold((incoming.channel, incoming.user_id)):
            now = self.clock()
            async with self.db.transaction() as session:
                if incoming.message_id and not await inbound.record(
                    session, incoming.channel, incoming.message_id, incoming.user_id, now
                ):
                    return []
                state = await conversations.load_state(session, incoming.channel, incoming.user_id)
                person = await persons.find(session, incoming.channel, incoming.user_id)
                ctx = Context(
                    now=now,
                    zone=self.settings.zone,
                    secret=self.settings.secret,
                    new_code=receipt.new_code(),
                    profile=persons.profile_of(person),
                    is_admin=(incoming.channel, incoming.user_id) in self.settings.admin_identities,
                    outbreak=await self._outbreak_list(session),
                    bot_username=self.settings.telegram_bot_username,
                    idle_hours=self.settings.session_idle_hours,
                    receipt_valid_hours=self.settings.receipt_valid_hours,
                )
                outcome = handle(state, incoming, ctx)
                await self._save(session, incoming, outcome, person, now)
            return outcome.replies

    async def _save(
        self, session: AsyncSession, incoming: Incoming, outcome: Outcome, person: dict[str, Any] | None, now: Any
    ) -> None:
        if any(isinstance(effect, DropConversation) for effect in outcome.effects):
            await conversations.forget(session, incoming.channel, incoming.user_id)
            return
        await conversations.save_state(session, incoming.channel, incoming.user_id, outcome.state, now)
        person_id = person["id"] if person else None
        for effect in outcome.effects:
            person_id = await self._apply(session, incoming, effect, person_id, now)

    async def _apply(
        self, session: AsyncSession, incoming: Incoming, effect: Effect, person_id: int | None, now: Any
    ) -> int | None:
        if isinstance(effect, SaveProfile):
            person_id = person_id or await persons.ensure(session, incoming.channel, incoming.user_id, now)
            await persons.save_profile(session, person_id, dict(effect.profile), now)
        elif isinstance(effect, SaveDeclaration):
            person_id = person_id or await persons.ensure(session, incoming.channel, incoming.user_id, now)
            await declarations.add(session, person_id, dict(effect.record))
        return person_id

    async def mark_unreachable(self, channel: str, user_id: str) -> None:
        """The user blocked the bot or left the platform: stop sending to them."""
        async with self.db.transaction() as session:
            await persons.mark_inactive(session, channel, user_id)

    async def _outbreak_list(self, session: AsyncSession) -> tuple[OutbreakArea, ...]:
        loaded_at, areas = self._outbreak
        if time.monotonic() - loaded_at > self._outbreak_ttl or loaded_at < 0:
            areas = await outbreak.listed(session)
            self._outbreak = (time.monotonic(), areas)
        return areas
