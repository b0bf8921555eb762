"""The arrival store: group commits, repeats new only once, handled and sent marks, failures reported to each caller."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from bot.conversation.inbox import Inbox
from bot.conversation.service import ConversationService
from handlers.protocol import Incoming
from storage.db import Database
from storage.models import OutboxReply
from tests.conftest import FixedClock


def arrival(user_id: str, text: str, message_id: str) -> tuple[Incoming, dict[str, str]]:
    return Incoming("zalo", user_id, text, message_id=message_id), {"raw": message_id}


async def test_concurrent_stores_share_a_transaction_and_repeats_are_new_once(
    database: Database, clock: FixedClock
) -> None:
    inbox = Inbox(database, clock)
    results = await asyncio.gather(
        *(inbox.store(*arrival(f"u{n}", "chao", f"m{n}")) for n in range(5)),
        inbox.store(*arrival("u0", "chao", "m0")),
    )
    assert results == [True] * 5 + [False]
    assert not await inbox.store(*arrival("u0", "chao", "m0"))
    assert [payload["raw"] for payload in await inbox.unhandled("zalo", 10)] == [f"m{n}" for n in range(5)]
    assert await inbox.unhandled("telegram", 10) == []


async def test_handling_marks_the_arrival_and_a_sent_mark_empties_the_outbox(
    service: ConversationService, database: Database
) -> None:
    for n in range(3):
        assert await service.inbox.store(*arrival(f"u{n}", "chao", f"m{n}"))
    replies = await service.handle(Incoming("zalo", "u0", "chao", message_id="m0"))
    assert replies and [p["raw"] for p in await service.inbox.unhandled("zalo", 10)] == ["m1", "m2"]
    async with database.sessions() as session:
        kept = list((await session.execute(select(OutboxReply))).scalars())
    assert [(row.external_id, row.message_id) for row in kept] == [("u0", "m0")]
    assert kept[0].replies[0]["text"] == replies[0].text
    service.inbox.sent(Incoming("zalo", "u0", "chao", message_id="m0"))
    await service.inbox.flush()
    async with database.sessions() as session:
        assert list((await session.execute(select(OutboxReply))).scalars()) == []


async def test_a_failed_write_reaches_every_waiting_caller(tmp_path: Path, clock: FixedClock) -> None:
    unmigrated = Database(f"sqlite+aiosqlite:///{tmp_path}/empty.db")
    inbox = Inbox(unmigrated, clock)
    results = await asyncio.gather(
        inbox.store(*arrival("u1", "chao", "m1")), inbox.store(*arrival("u2", "chao", "m2")), return_exceptions=True
    )
    assert all(isinstance(result, SQLAlchemyError) for result in results)
    await unmigrated.dispose()
