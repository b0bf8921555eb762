"""Per-chat ordering of background jobs, and the group-chat notice memory."""

from __future__ import annotations

import asyncio
import random
from functools import partial

from bot.channels.zalo.groups import GroupNotices
from bot.channels.zalo.order import KeyedChains


async def test_jobs_of_one_key_run_in_submission_order_and_keys_in_parallel() -> None:
    chains = KeyedChains()
    done: list[tuple[str, int]] = []
    running = 0
    most_running = 0

    async def job(key: str, number: int) -> None:
        nonlocal running, most_running
        running += 1
        most_running = max(most_running, running)
        await asyncio.sleep(random.random() / 200)
        done.append((key, number))
        running -= 1

    for number in range(10):
        for key in "abc":
            chains.submit(key, partial(job, key, number))
    assert await chains.drain(5)
    for key in "abc":
        assert [number for k, number in done if k == key] == list(range(10))
    assert most_running == 3


async def test_a_failing_job_does_not_stop_its_chain() -> None:
    chains = KeyedChains()
    done: list[int] = []

    async def fail() -> None:
        raise RuntimeError("boom")

    async def ok() -> None:
        done.append(1)

    chains.submit("a", fail)
    chains.submit("a", ok)
    assert await chains.drain(5) and done == [1]


async def test_drain_times_out_while_a_job_runs() -> None:
    chains = KeyedChains()
    release = asyncio.Event()
    chains.submit("a", release.wait)
    assert not await chains.drain(0.05)
    release.set()
    assert await chains.drain(1)


def test_each_group_is_told_once_per_interval_with_bounded_memory() -> None:
    now = [0.0]
    notices = GroupNotices(interval=60, capacity=2, clock=lambda: now[0])
    assert notices.due("g1") and not notices.due("g1")
    now[0] = 61
    assert notices.due("g1")
    assert notices.due("g2") and notices.due("g3")  # g1 is forgotten: memory holds two groups
    assert notices.due("g1")
