"""The send rate limiter: deterministic checks on virtual time, and one short real-time run."""

from __future__ import annotations

import asyncio
import bisect
import heapq
import itertools
import time
from collections.abc import Awaitable, Coroutine
from typing import Any

import pytest

from bot.delivery.limits import HEADROOM, paced_rate
from bot.delivery.pacing import RateLimiter

pytestmark = pytest.mark.asyncio


class VirtualTime:
    """A clock and a sleep that only move when every task is waiting on a virtual timer."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps = 0
        self._timers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._timers, (self.now + seconds, next(self._order), future))
        await future

    def limiter(self, rate: float, **options: Any) -> RateLimiter:
        return RateLimiter(rate, clock=self.clock, sleep=self.sleep, **options)

    async def run(self, *coroutines: Coroutine[Any, Any, Any]) -> list[Any]:
        """Run the coroutines concurrently, firing timers in order until all are done."""
        tasks = [asyncio.ensure_future(coroutine) for coroutine in coroutines]
        while True:
            await _settle()
            if all(task.done() for task in tasks):
                return [task.result() for task in tasks]
            assert self._timers, "deadlock: tasks wait but no timer is pending"
            self._fire_earliest()

    async def at(self, when: float, action: Awaitable[Any]) -> Any:
        """Await ``action`` once virtual time reaches ``when``."""
        await self.sleep(when - self.now)
        return await action

    def _fire_earliest(self) -> None:
        self.now = max(self.now, self._timers[0][0])
        while self._timers and self._timers[0][0] <= self.now:
            future = heapq.heappop(self._timers)[2]
            if not future.done():
                future.set_result(None)


async def _settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def send_times(vt: VirtualTime, limiter: RateLimiter, keys: list[str | None]) -> list[float]:
    """Acquire for each key in turn; the virtual time of each grant."""
    times: list[float] = []
    for key in keys:
        await limiter.acquire(key)
        times.append(vt.now)
    return times


async def test_burst_then_steady_rate_without_sleeping_while_tokens_last() -> None:
    vt = VirtualTime()
    limiter = vt.limiter(10, burst=3)
    [times] = await vt.run(send_times(vt, limiter, [None] * 3))
    assert times == [0.0, 0.0, 0.0] and vt.sleeps == 0
    [times] = await vt.run(send_times(vt, limiter, [None] * 4))
    assert times == pytest.approx([0.1, 0.2, 0.3, 0.4])


async def test_idle_time_refills_the_burst_but_no_more() -> None:
    vt = VirtualTime()
    limiter = vt.limiter(10, burst=2)
    await vt.run(send_times(vt, limiter, [None] * 2))
    vt.now = 10.0
    [times] = await vt.run(send_times(vt, limiter, [None] * 4))
    assert times == pytest.approx([10.0, 10.0, 10.1, 10.2])


async def test_concurrent_senders_share_the_rate_without_a_thundering_herd() -> None:
    vt = VirtualTime()
    limiter = vt.limiter(10)
    results = await vt.run(*(send_times(vt, limiter, [None]) for _ in range(20)))
    times = sorted(t for [t] in results)
    assert times == pytest.approx([n / 10 for n in range(20)])
    assert vt.sleeps < 2 * 20  # about one timer per send, not one per waiter per send


async def test_a_waiting_key_does_not_hold_up_other_keys() -> None:
    vt = VirtualTime()
    limiter = vt.limiter(100, per_key_interval=1.0)
    slow, others = await vt.run(
        send_times(vt, limiter, ["a", "a"]),
        send_times(vt, limiter, ["b", "c", "d", "e"]),
    )
    assert slow == pytest.approx([0.0, 1.0])
    assert others == pytest.approx([0.01, 0.02, 0.03, 0.04])


async def test_concurrent_sends_to_one_key_are_spaced() -> None:
    vt = VirtualTime()
    limiter = vt.limiter(1000, burst=10, per_key_interval=1.0)
    results = await vt.run(*(send_times(vt, limiter, ["a"]) for _ in range(3)))
    assert sorted(t for [t] in results) == pytest.approx([0.0, 1.0, 2.0])


async def test_key_spacing_counts_from_the_actual_grant() -> None:
    """A send delayed by the overall rate pushes the next send to that key back too."""
    vt = VirtualTime()
    limiter = vt.limiter(1, per_key_interval=1.5)
    [times] = await vt.run(send_times(vt, limiter, ["x", "a", "a"]))
    assert times == pytest.approx([0.0, 1.0, 2.5])


async def test_pause_holds_every_send_and_can_be_extended() -> None:
    vt = VirtualTime()
    limiter = vt.limiter(100, burst=5)
    await limiter.acquire()
    limiter.pause(2.0)
    limiter.pause(0.5)  # a shorter pause never shortens the current one

    async def extend_pause() -> None:
        limiter.pause(3.0)

    times, _ = await vt.run(send_times(vt, limiter, ["a", None]), vt.at(1.0, extend_pause()))
    assert times == pytest.approx([4.0, 4.0])
    limiter.pause(0)
    limiter.pause(-1)
    [times] = await vt.run(send_times(vt, limiter, [None]))
    assert times == pytest.approx([4.0])


async def test_key_memory_stays_bounded() -> None:
    vt = VirtualTime()
    limiter = vt.limiter(100, burst=100, per_key_interval=1.0)
    await vt.run(send_times(vt, limiter, [f"user{n}" for n in range(1000)]))
    assert limiter.tracked_keys <= 100 + 1  # only keys granted within the last interval
    vt.now += 1.5
    await limiter.acquire("late")
    assert limiter.tracked_keys == 1


async def test_a_cancelled_waiter_leaves_no_trace() -> None:
    vt = VirtualTime()
    limiter = vt.limiter(100, per_key_interval=1.0)
    await limiter.acquire("a")
    waiter = asyncio.ensure_future(limiter.acquire("a"))
    await _settle()
    waiter.cancel()
    await _settle()
    assert waiter.cancelled()
    vt.now = 1.0
    assert limiter.tracked_keys == 1
    [times] = await vt.run(send_times(vt, limiter, ["a"]))
    assert times == [1.0]


@pytest.mark.parametrize(
    "options",
    [{"rate_per_second": 0}, {"rate_per_second": float("inf")},
     {"rate_per_second": 1, "burst": 0}, {"rate_per_second": 1, "per_key_interval": -1}],
)
async def test_rejects_impossible_settings(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        RateLimiter(**options)


async def test_real_time_rate_never_exceeds_the_limit() -> None:
    rate, burst, window = 1000.0, 10, 0.05
    limiter = RateLimiter(rate, burst=burst)
    grants: list[float] = []
    stop_at = time.monotonic() + 0.4

    async def worker() -> None:
        while time.monotonic() < stop_at:
            await limiter.acquire()
            grants.append(time.monotonic())

    await asyncio.gather(*(worker() for _ in range(20)))
    allowed = burst + rate * window + 1  # +1: each grant is timed a moment after it was made
    densest = max(_count_within(grants, start, window) for start in grants)
    assert densest <= allowed
    elapsed = grants[-1] - grants[0]
    assert len(grants) <= burst + rate * elapsed + 1
    assert len(grants) >= 0.5 * rate * elapsed  # loose: the exact figure depends on the machine


def _count_within(times: list[float], start: float, window: float) -> int:
    return sum(1 for t in times if start <= t < start + window)


async def test_priority_send_goes_before_waiting_ordinary_sends() -> None:
    import asyncio

    from bot.delivery.pacing import RateLimiter

    limiter = RateLimiter(50.0)
    order: list[str] = []

    async def send(name: str, priority: bool) -> None:
        await limiter.acquire(priority=priority)
        order.append(name)

    ordinary = [asyncio.create_task(send(f"b{i}", False)) for i in range(10)]
    await asyncio.sleep(0.05)
    await send("reply", True)
    await asyncio.gather(*ordinary)
    assert order.index("reply") <= 4, order


@pytest.mark.parametrize("limit", [10, 30, 1000])
async def test_paced_rate_keeps_every_second_under_the_platform_limit(limit: int) -> None:
    vt = VirtualTime()
    rate, burst = paced_rate(limit)
    limiter = vt.limiter(rate, burst=burst)
    vt.now = 100.0  # idle before: the first second gets the whole burst on top of the rate
    [times] = await vt.run(send_times(vt, limiter, [None] * (5 * limit)))
    busiest = max(bisect.bisect_right(times, start + 1.0 - 1e-9) - index for index, start in enumerate(times))
    assert busiest <= HEADROOM * limit + 1  # + 1: a window may start and end on a send
    sustained = (len(times) - burst) / (times[-1] - times[0])
    assert sustained == pytest.approx(rate, rel=0.01) and rate >= 0.96 * limit
