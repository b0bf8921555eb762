"""Transcripts and helpers of the venue tests: an owner's venue, citizens checking in, an official."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.conversation.service import ConversationService
from storage.db import Database
from storage.models import Broadcast, Delivery
from tests.delivery.people import add_people
from tests.transcript import Chat


def registration(name: str, phone: str) -> tuple[str, ...]:
    """Registering in Xã Yên Mỹ, Hưng Yên with a name and a phone number."""
    return ("chao", "1", name, "12/3/1990", "nam", phone, "bo qua", "hung yen", "yen my", "so 12 thon dong", "1")


MARKET = ("/diadiem", "Cho Yen My", "cho", "hung yen", "yen my", "so 5 duong chinh", "6h-18h hang ngay", "1")
SELF_GREEN = ("1", "1", "khong", "khong", "khong", "khong", "1", "1")  # a declaration for oneself, nothing to report


async def registered(service: ConversationService, user_id: str, name: str, phone: str) -> Chat:
    """A citizen who has registered (and is now asked about a declaration)."""
    chat = Chat(service, user_id=user_id)
    await chat.say_all(*registration(name, phone))
    return chat


async def venue_of(service: ConversationService, owner: str = "owner", steps: tuple[str, ...] = MARKET) -> str:
    """A venue registered by a new owner in chat; its short code."""
    chat = await registered(service, owner, "tran van chu", "0987654321")
    saved = await chat.say_all(*steps)
    return re.search(r"Mã check-in: ([A-Z0-9]{6})", saved).group(1)  # type: ignore[union-attr]


async def add_official(service: ConversationService, database: Database, area: str = "12052", number: int = 1,
                       role: str = "official") -> Chat:
    """An official (or gatekeeper) of ``area`` stored directly, and their console chat (id 10000 + number)."""
    await add_people(database, 1, start=number, channel="console", role=role, area_code=area)
    return Chat(service, user_id=str(10_000 + number))


async def rows(database: Database, model: type, *conditions: object) -> list[dict[str, object]]:
    """The rows of one table (as mappings), oldest first."""
    table = model.__table__  # type: ignore[attr-defined]
    async with database.engine.connect() as connection:
        query = select(table).where(*conditions).order_by(table.c.id)
        return [dict(row._mapping) for row in await connection.execute(query)]


async def exposure_notices(database: Database) -> list[dict[str, object]]:
    """The delivery rows of exposure notices, with the recipient's chat id."""
    exposure = select(Broadcast.id).where(Broadcast.kind == "exposure")
    return await rows(database, Delivery, Delivery.broadcast_id.in_(exposure))

