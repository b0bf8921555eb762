"""Conversation state by (channel, user): load for update, save, forget."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from storage.identities import any_identity
from storage.models import Conversation
from storage.upsert import Executor, upsert_many

_TABLE = Conversation.__table__  # type: ignore[attr-defined]


async def load_states(executor: Executor, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The saved states of several (channel, user) keys, locking their rows (PostgreSQL)."""
    query = (
        select(_TABLE.c.channel, _TABLE.c.external_id, _TABLE.c.state)
        .where(any_identity(_TABLE, keys))
        .with_for_update()
    )
    return {(channel, user): state for channel, user, state in await executor.execute(query)}


async def save_states(executor: Executor, rows: list[dict[str, Any]]) -> None:
    """Store several states given as column mappings (channel, external_id, state, updated_at)."""
    await upsert_many(executor, _TABLE, rows, ["channel", "external_id"])


async def forget(session: Executor, channel: str, external_id: str) -> None:
    """Delete the state."""
    await session.execute(delete(_TABLE).where(_TABLE.c.channel == channel, _TABLE.c.external_id == external_id))
