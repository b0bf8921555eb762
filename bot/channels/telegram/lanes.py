"""Per-chat lanes: one chat's jobs run strictly in arrival order, different chats run concurrently."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Hashable

Job = Callable[[], Awaitable[None]]

log = logging.getLogger(__name__)


class Lanes:
    """A queue and a worker task per key with work pending; at most ``active`` jobs run at once.

    Jobs handle their own errors; one that escapes is logged by type and the lane goes on.
    """

    def __init__(self, active: int = 128) -> None:
        self._queues: dict[Hashable, deque[Job]] = {}
        self._workers: set[asyncio.Task[None]] = set()
        self._slots = asyncio.Semaphore(active)

    def __len__(self) -> int:
        return len(self._queues)

    def submit(self, key: Hashable, job: Job) -> None:
        """Queue ``job`` behind the jobs already queued for ``key``."""
        queue = self._queues.get(key)
        if queue is not None:
            queue.append(job)
            return
        self._queues[key] = deque([job])
        worker = asyncio.create_task(self._drain(key))
        self._workers.add(worker)
        worker.add_done_callback(self._workers.discard)

    async def _drain(self, key: Hashable) -> None:
        queue = self._queues[key]
        try:
            while queue:
                job = queue.popleft()
                async with self._slots:
                    try:
                        await job()
                    except Exception as error:  # the lane must survive a failed job
                        log.error("lane job failed: %s", type(error).__name__)
        finally:
            del self._queues[key]

    async def join(self) -> None:
        """Wait until every queued job has run."""
        while self._workers:
            await asyncio.gather(*self._workers, return_exceptions=True)
