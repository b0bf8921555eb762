"""Conversation state by (channel, user): load for update, save, forget."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Conversation
from storage.upsert import upsert

_TABLE = Conversation.__table__  # type: ignore[attr-defined]


async def load_state(session: AsyncSession, channel: str, external_id: str) -> dict[str, Any] | None:
    """The saved state, locking the row until the transaction ends (PostgreSQL)."""
    query = (
        select(_TABLE.c.state)
        .where(_TABLE.c.channel == channel, _TABLE.c.external_id == external_id)
        .with_for_update()
    )
    return (await session.execute(query)).scalar_one_or_none()


async def save_state(
    session: AsyncSession, channel: str, external_id: str, state: dict[str, Any], now: datetime
) -> None:
    """Store the state."""
    values = {"channel": channel, "external_id": external_id, "state": state, "updated_at": now}
    await upsert(session, _TABLE, values, ["channel", "external_id"])


async def forget(session: AsyncSession, channel: str, external_id: str) -> None:
    """Delete the state."""
    await session.execute(delete(_TABLE).where(_TABLE.c.channel == channel, _TABLE.c.external_id == external_id))
