"""Background jobs chained per key: one chat's jobs run one after another in submission order, chats in parallel."""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]


class KeyedChains:
    """Runs each submitted job after the previous job of the same key has finished."""

    def __init__(self) -> None:
        self._tails: dict[str, asyncio.Task[None]] = {}
        self._running: set[asyncio.Task[None]] = set()

    def submit(self, key: str, job: Job) -> None:
        """Queue ``job`` behind the unfinished jobs of ``key`` (never awaits, so order is submission order)."""
        task = asyncio.create_task(self._after(self._tails.get(key), job))
        self._tails[key] = task
        self._running.add(task)
        task.add_done_callback(lambda done: self._forget(key, done))

    async def drain(self, timeout: float | None = None) -> bool:
        """Wait until every submitted job has finished (also those submitted meanwhile); False on timeout."""
        try:
            async with asyncio.timeout(timeout):
                while self._running:
                    await asyncio.wait(set(self._running))
        except TimeoutError:
            return False
        return True

    async def _after(self, previous: asyncio.Task[None] | None, job: Job) -> None:
        if previous is not None:
            await asyncio.wait({previous})
        try:
            await job()
        except Exception as exc:
            log.error("zalo: background job failed: %s", describe(exc))

    def _forget(self, key: str, task: asyncio.Task[None]) -> None:
        self._running.discard(task)
        if self._tails.get(key) is task:
            del self._tails[key]


def describe(exc: BaseException) -> str:
    """The exception's type and stack without its message (which may quote personal data)."""
    return f"{type(exc).__name__}\n{''.join(traceback.format_tb(exc.__traceback__))}".rstrip()
