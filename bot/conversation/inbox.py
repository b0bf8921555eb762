"""Arrivals stored before they are acknowledged, and sent replies noted, many to a transaction.

A channel stores each platform update here (its neutral message and its raw payload) before it
answers the webhook or moves its polling offset. The conversation service marks the update handled
in the transaction that saves the new state and the replies (see ``storage.inbound.claim``), so a
stored row left unhandled after a crash is handled again at the next start, once.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from bot.clock import Clock
from bot.conversation.message_json import incoming_to_json
from handlers.protocol import Incoming
from storage import inbound, outbox
from storage.db import Database

log = logging.getLogger(__name__)

JSON = dict[str, Any]
RECOVERY_LIMIT = 10_000  # stored updates a channel takes up again at its start


@dataclass
class _Batch:
    stores: list[tuple[Incoming, JSON, asyncio.Future[bool]]] = field(default_factory=list)
    sent: list[tuple[str, str]] = field(default_factory=list)


class Inbox:
    """Writes whatever is waiting in one transaction, so concurrent arrivals share one commit."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._waiting = _Batch()
        self._writer: asyncio.Task[None] | None = None
        self._sending: set[tuple[str, str]] = set()

    async def store(self, incoming: Incoming, raw: JSON) -> bool:
        """Store an arrival (it must carry a message id); False when the same id was stored before."""
        assert incoming.message_id, "only platform messages with an id are stored"
        stored: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._waiting.stores.append((incoming, raw, stored))
        self._wake()
        return await stored

    def sending(self, channel: str, message_id: str) -> None:
        """The replies to this message are in this process's hands: the outbox relay leaves them alone."""
        self._sending.add((channel, message_id))

    def in_hand(self, channel: str, message_id: str) -> bool:
        """True while this process is still sending the replies to this message."""
        return (channel, message_id) in self._sending

    def sent(self, incoming: Incoming) -> None:
        """Note (soon, without waiting) that the replies to ``incoming`` went out."""
        if incoming.message_id:
            self._sending.discard((incoming.channel, incoming.message_id))
            self._waiting.sent.append((incoming.channel, incoming.message_id))
            self._wake()

    def unsent(self, incoming: Incoming) -> None:
        """The replies to ``incoming`` did not go out now: the outbox relay takes them over."""
        if incoming.message_id:
            self._sending.discard((incoming.channel, incoming.message_id))

    async def flush(self) -> None:
        """Wait until everything noted so far is written."""
        while self._writer is not None and not self._writer.done():
            await asyncio.wait({self._writer})

    async def unhandled(self, channel: str, limit: int = RECOVERY_LIMIT) -> list[JSON]:
        """Raw payloads of ``channel`` stored and never handled, oldest first (what a restart handles)."""
        async with self._db.transaction() as session:
            rows = await inbound.unhandled(session, channel, limit=limit)
        return [row["payload"]["raw"] for row in rows if isinstance(row["payload"], dict) and "raw" in row["payload"]]

    def _wake(self) -> None:
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_all())

    async def _write_all(self) -> None:
        while self._waiting.stores or self._waiting.sent:
            batch, self._waiting = self._waiting, _Batch()
            try:
                fresh = await self._write(batch)
            except Exception as exc:  # every waiting caller learns of it; the writer lives on
                log.error("inbox: writing %d arrivals and %d sent marks failed (%s)",
                          len(batch.stores), len(batch.sent), type(exc).__name__)
                for _, _, stored in batch.stores:
                    if not stored.done():
                        stored.set_exception(exc)
                continue
            for (_, _, stored), is_new in zip(batch.stores, fresh, strict=True):
                if not stored.done():
                    stored.set_result(is_new)

    async def _write(self, batch: _Batch) -> list[bool]:
        """One transaction: insert the waiting arrivals, forget the sent replies; which inserts were new."""
        now = self._clock()
        rows = [
            {"channel": incoming.channel, "message_id": incoming.message_id, "external_id": incoming.user_id,
             "payload": {"incoming": incoming_to_json(incoming), "raw": raw}, "received_at": now}
            for incoming, raw, _ in batch.stores
        ]
        async with self._db.engine.begin() as connection:
            new = await inbound.record_new(connection, rows)
            await outbox.remove_sent(connection, batch.sent)
        fresh = []
        for row in rows:  # the same message twice in one batch is new only once
            key = (row["channel"], row["message_id"])
            fresh.append(key in new)
            new.discard(key)
        return fresh
