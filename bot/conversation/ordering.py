"""Per-user ordering, the one mechanism every channel and the conversation service use.

A lane per key (a user, a chat): the key's jobs run one at a time in the order they were submitted,
different keys run concurrently. A job is submitted and left to run (``submit``), or a block of code
waits for its turn and runs as the key's next job (``hold``). A lane exists only while it has work.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from contextlib import asynccontextmanager

Job = Callable[[], Awaitable[object]]  # what it returns is not kept

log = logging.getLogger(__name__)


class Lanes:
    """Jobs in order per key; at most ``active`` of them run at once (no limit when None).

    Jobs handle their own errors; one that escapes is logged by type and stack (never its message,
    which may quote personal data) and the lane goes on. A ``hold`` on an idle lane takes no ``active`` slot.
    """

    def __init__(self, active: int | None = None) -> None:
        self._queues: dict[Hashable, deque[Job]] = {}  # a key is here while its lane is busy
        self._workers: set[asyncio.Task[None]] = set()
        self._slots = asyncio.Semaphore(active) if active else None

    def __len__(self) -> int:
        """How many keys have work queued or running."""
        return len(self._queues)

    def submit(self, key: Hashable, job: Job) -> None:
        """Queue ``job`` behind the key's earlier jobs (never awaits, so order is submission order)."""
        queue = self._queues.get(key)
        if queue is not None:
            queue.append(job)
            return
        self._queues[key] = deque([job])
        self._drain_later(key)

    @asynccontextmanager
    async def hold(self, key: Hashable) -> AsyncIterator[None]:
        """Run the block as the key's next job: after its queued jobs, before any submitted meanwhile."""
        if key not in self._queues:  # an idle lane: the block runs at once, without a task
            self._queues[key] = deque()
            try:
                yield
            finally:
                if self._queues[key]:
                    self._drain_later(key)
                else:
                    del self._queues[key]
            return
        loop = asyncio.get_running_loop()
        turn: asyncio.Future[None] = loop.create_future()
        released: asyncio.Future[None] = loop.create_future()

        async def wait_for_release() -> None:
            if not turn.done():  # the holder may have been cancelled while it waited
                turn.set_result(None)
            await released

        self.submit(key, wait_for_release)
        try:
            await turn
            yield
        finally:
            if not released.done():
                released.set_result(None)

    async def join(self, timeout: float | None = None) -> bool:
        """Wait until every job has run, those submitted meanwhile too; False when ``timeout`` ran out first."""
        try:
            async with asyncio.timeout(timeout):
                while self._workers:
                    await asyncio.wait(set(self._workers))
        except TimeoutError:
            return False
        return True

    def _drain_later(self, key: Hashable) -> None:
        worker = asyncio.create_task(self._drain(key))
        self._workers.add(worker)
        worker.add_done_callback(self._workers.discard)

    async def _drain(self, key: Hashable) -> None:
        queue = self._queues[key]
        try:
            while queue:
                job = queue.popleft()
                if self._slots is None:
                    await self._run(job)
                else:
                    async with self._slots:
                        await self._run(job)
        finally:
            del self._queues[key]

    @staticmethod
    async def _run(job: Job) -> None:
        try:
            await job()
        except Exception as error:  # the lane must survive a failed job
            log.error("ordered job failed: %s", describe(error))


def describe(error: BaseException) -> str:
    """The exception's type and stack without its message (which may quote personal data)."""
    return f"{type(error).__name__}\n{''.join(traceback.format_tb(error.__traceback__))}".rstrip()
