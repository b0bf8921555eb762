"""The raw Zalo update store: updates stored and marked handled many to a transaction (group commit)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.channels.zalo_updates import ZaloUpdate
from bot.clock import Clock
from storage import inbound
from storage.db import Database

log = logging.getLogger(__name__)

RAW_CHANNEL = "zalo-raw"
"""Raw updates are stored under their own channel name: the service records ("zalo", message id) itself."""

JSON = dict[str, Any]


@dataclass
class _Batch:
    stores: list[tuple[ZaloUpdate, JSON, asyncio.Future[bool]]] = field(default_factory=list)
    handled: list[str] = field(default_factory=list)


class RawStore:
    """Writes whatever is waiting in one transaction, so concurrent updates share one commit."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._waiting = _Batch()
        self._writer: asyncio.Task[None] | None = None

    async def store(self, update: ZaloUpdate, payload: JSON) -> bool:
        """Store an update with its raw payload; False when the same message id was stored before."""
        stored: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._waiting.stores.append((update, payload, stored))
        self._wake()
        return await stored

    def mark_handled(self, message_id: str) -> None:
        """Note (soon, without waiting) that an update was handled; a restart drops it as a repeat otherwise."""
        self._waiting.handled.append(message_id)
        self._wake()

    async def flush(self) -> None:
        """Wait until everything noted so far is written."""
        while self._writer is not None and not self._writer.done():
            await asyncio.wait({self._writer})

    async def unhandled(self, limit: int) -> list[JSON]:
        """Payloads stored and never marked handled, oldest first."""
        async with self._db.transaction() as session:
            rows = await inbound.unhandled(session, RAW_CHANNEL, limit=limit)
        return [row["payload"] for row in rows if isinstance(row["payload"], dict)]

    def _wake(self) -> None:
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_all())

    async def _write_all(self) -> None:
        while self._waiting.stores or self._waiting.handled:
            batch, self._waiting = self._waiting, _Batch()
            try:
                fresh = await self._write(batch)
            except SQLAlchemyError as exc:
                log.error("zalo: writing %d updates and %d handled marks failed (%s)",
                          len(batch.stores), len(batch.handled), type(exc).__name__)
                for _, _, stored in batch.stores:
                    if not stored.done():
                        stored.set_exception(exc)
                continue
            for (_, _, stored), is_new in zip(batch.stores, fresh, strict=True):
                if not stored.done():
                    stored.set_result(is_new)

    async def _write(self, batch: _Batch) -> list[bool]:
        """One transaction: insert the waiting updates, mark the handled ones; which inserts were new."""
        now = self._clock()
        rows = [
            {"channel": RAW_CHANNEL, "message_id": update.message_id, "external_id": update.incoming.user_id,
             "payload": payload, "received_at": now}
            for update, payload, _ in batch.stores
        ]
        async with self._db.transaction() as session:
            new = await inbound.record_new(session, rows)
            for message_id in batch.handled:
                await inbound.mark_handled(session, RAW_CHANNEL, message_id, now)
        fresh = []
        for row in rows:  # the same message twice in one batch is new only once
            key = (RAW_CHANNEL, row["message_id"])
            fresh.append(key in new)
            new.discard(key)
        return fresh
