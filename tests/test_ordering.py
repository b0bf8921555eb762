"""Per-user ordering (bot.conversation.ordering), used by the Telegram and Zalo channels and the service."""

from __future__ import annotations

import asyncio
import random
from functools import partial

import pytest

from bot.conversation.ordering import Lanes


async def test_jobs_of_one_key_run_in_submission_order_and_keys_in_parallel() -> None:
    lanes = Lanes()
    done: list[tuple[str, int]] = []
    running = most_running = 0

    async def job(key: str, number: int) -> None:
        nonlocal running, most_running
        running += 1
        most_running = max(most_running, running)
        await asyncio.sleep(random.random() / 200)
        done.append((key, number))
        running -= 1

    for number in range(10):
        for key in "abc":
            lanes.submit(key, partial(job, key, number))
    assert len(lanes) == 3
    assert await lanes.join(5)
    for key in "abc":
        assert [number for k, number in done if k == key] == list(range(10))
    assert most_running == 3 and len(lanes) == 0


async def test_at_most_active_jobs_run_at_once() -> None:
    lanes, running, most = Lanes(active=2), [0], [0]

    async def job() -> None:
        running[0] += 1
        most[0] = max(most[0], running[0])
        await asyncio.sleep(0.005)
        running[0] -= 1

    for key in range(6):
        lanes.submit(key, job)
    assert await lanes.join(5) and most[0] == 2


async def test_a_failing_job_does_not_stop_its_lane_and_its_message_is_not_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    lanes, done = Lanes(), []

    phone = "+84 912 345 678"

    async def fail() -> None:
        raise RuntimeError(phone)

    async def ok() -> None:
        done.append(1)

    lanes.submit("a", fail)
    lanes.submit("a", ok)
    assert await lanes.join(5) and done == [1]
    assert "ordered job failed: RuntimeError" in caplog.text and phone not in caplog.text


async def test_join_times_out_while_a_job_runs() -> None:
    lanes, release = Lanes(), asyncio.Event()
    lanes.submit("a", release.wait)
    assert not await lanes.join(0.05)
    release.set()
    assert await lanes.join(1)


async def test_a_hold_runs_as_the_keys_next_job() -> None:
    lanes, done, gate = Lanes(), [], asyncio.Event()

    async def job(name: str) -> None:
        await gate.wait()
        done.append(name)

    async def held(name: str) -> None:
        async with lanes.hold("a"):
            done.append(name)

    lanes.submit("a", partial(job, "queued"))
    holder = asyncio.create_task(held("held"))
    await asyncio.sleep(0.01)
    lanes.submit("a", partial(job, "after"))
    assert done == []
    gate.set()
    await holder
    assert await lanes.join(1)
    assert done == ["queued", "held", "after"] and len(lanes) == 0


async def test_a_hold_on_an_idle_lane_runs_at_once_and_keeps_later_jobs_behind_it() -> None:
    lanes, done = Lanes(), []

    async def job() -> None:
        done.append("job")

    async with lanes.hold("a"):
        lanes.submit("a", job)
        await asyncio.sleep(0.01)
        done.append("held")
    assert await lanes.join(1) and done == ["held", "job"] and len(lanes) == 0


async def test_a_holder_cancelled_while_waiting_does_not_block_the_lane() -> None:
    lanes, gate, done = Lanes(), asyncio.Event(), []

    async def held() -> None:
        async with lanes.hold("a"):
            done.append("never")

    lanes.submit("a", gate.wait)
    waiting = asyncio.create_task(held())
    await asyncio.sleep(0.01)
    waiting.cancel()
    lanes.submit("a", partial(asyncio.sleep, 0))
    gate.set()
    assert await lanes.join(1) and done == [] and len(lanes) == 0
