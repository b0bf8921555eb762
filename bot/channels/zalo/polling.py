"""Long polling of getUpdates (after deleteWebhook); each update read is stored before the next poll."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError

from bot.channels.zalo.api import POLL_GRACE_SECONDS, ZaloApiError, ZaloBotApi
from bot.channels.zalo.inbox import JSON, ZaloInbox

log = logging.getLogger(__name__)

POLL_TIMEOUT = 10
MAX_BACKOFF_SECONDS = 30.0

T = TypeVar("T")


class ZaloPoller:
    """Reads one update at a time; reading removes it from Zalo, so it is stored before anything else."""

    def __init__(self, api: ZaloBotApi, inbox: ZaloInbox, timeout: int = POLL_TIMEOUT) -> None:
        self._api = api
        self._inbox = inbox
        self._timeout = timeout
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Begin polling in the background."""
        self._stopping.clear()
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        """Stop after the poll under way (an update it reads is still stored), then return."""
        if self._task is None:
            return
        self._stopping.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(self._task), self._timeout + POLL_GRACE_SECONDS + 1)
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None

    async def _run(self) -> None:
        await self._retrying(self._api.delete_webhook, "deleteWebhook")
        while not self._stopping.is_set():
            update = await self._retrying(partial(self._api.get_updates, self._timeout), "getUpdates")
            if update:
                await self._keep(update)

    async def _retrying(self, call: Callable[[], Awaitable[T]], what: str) -> T | None:
        """The call's result, retried with backoff on Zalo errors; None when stopping meanwhile."""
        failures = 0
        while True:
            try:
                return await call()
            except ZaloApiError as exc:
                failures += 1
                log.warning("zalo %s failed (%s); retrying", what, exc.description)
                if await self._pause(failures):
                    return None

    async def _keep(self, update: JSON) -> None:
        """Store the update, retrying while the database is unavailable: it exists nowhere else."""
        failures = 0
        while True:
            try:
                await self._inbox.accept(update)
                return
            except SQLAlchemyError as exc:
                failures += 1
                log.error("zalo: could not store a polled update (%s); retrying", type(exc).__name__)
                if await self._pause(failures):
                    log.error("zalo: a polled update is lost: the database stayed unavailable until shutdown")
                    return

    async def _pause(self, failures: int) -> bool:
        """Back off before the next try; True when stopping meanwhile."""
        delay = min(MAX_BACKOFF_SECONDS, 0.5 * 2 ** (failures - 1))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), delay)
        return self._stopping.is_set()
