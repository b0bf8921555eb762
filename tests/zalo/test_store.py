"""The raw update store: group commits, repeats new only once, marks written, failures reported to each caller."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.channels.zalo_store import RawStore
from bot.channels.zalo_updates import ZaloUpdate, parse
from storage.db import Database
from tests.conftest import FixedClock
from tests.fakes.fake_zalo import text_update


def stored(user_id: str, text: str, message_id: str) -> tuple[ZaloUpdate, dict[str, Any]]:
    update = text_update(user_id, text, message_id=message_id)
    parsed = parse(update)
    assert parsed is not None
    return parsed, update


async def test_concurrent_stores_share_a_transaction_and_repeats_are_new_once(
    database: Database, clock: FixedClock
) -> None:
    store = RawStore(database, clock)
    results = await asyncio.gather(
        *(store.store(*stored(f"u{n}", "chao", f"m{n}")) for n in range(5)),
        store.store(*stored("u0", "chao", "m0")),
    )
    assert results == [True] * 5 + [False]
    assert not await store.store(*stored("u0", "chao", "m0"))
    assert [payload["message"]["message_id"] for payload in await store.unhandled(10)] == [f"m{n}" for n in range(5)]
    for n in range(3):
        store.mark_handled(f"m{n}")
    await store.flush()
    assert [payload["message"]["message_id"] for payload in await store.unhandled(10)] == ["m3", "m4"]


async def test_a_failed_write_reaches_every_waiting_caller(tmp_path: Path, clock: FixedClock) -> None:
    unmigrated = Database(f"sqlite+aiosqlite:///{tmp_path}/empty.db")
    store = RawStore(unmigrated, clock)
    results = await asyncio.gather(
        store.store(*stored("u1", "chao", "m1")), store.store(*stored("u2", "chao", "m2")), return_exceptions=True
    )
    assert all(isinstance(result, SQLAlchemyError) for result in results)
    await unmigrated.dispose()
