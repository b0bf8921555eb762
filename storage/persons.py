"""Persons: channel identities, profiles with consent, activity."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select, tuple_, update

from storage.models import Person
from storage.upsert import Executor, insert_ignoring_duplicates

_TABLE = Person.__table__  # type: ignore[attr-defined]
PROFILE_COLUMNS = (
    "full_name", "birth_date", "birth_year", "gender", "phone", "id_number",
    "province_code", "commune_code", "street", "consent_at",
)


async def find(session: Executor, channel: str, external_id: str) -> dict[str, Any] | None:
    """The person with that channel identity, as a mapping of columns."""
    query = select(_TABLE).where(_TABLE.c.channel == channel, _TABLE.c.external_id == external_id)
    row = (await session.execute(query)).first()
    return dict(row._mapping) if row else None


async def find_many(executor: Executor, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The persons with these (channel, external id) identities, by identity."""
    query = select(_TABLE).where(tuple_(_TABLE.c.channel, _TABLE.c.external_id).in_(keys))
    return {(row.channel, row.external_id): dict(row._mapping) for row in await executor.execute(query)}


async def ensure(session: Executor, channel: str, external_id: str, now: datetime) -> int:
    """The id of the person with that identity, created (without any profile) when new."""
    await insert_ignoring_duplicates(
        session, _TABLE,
        {"channel": channel, "external_id": external_id, "role": "citizen", "locale": "vi",
         "active": True, "created_at": now, "updated_at": now},
    )
    query = select(_TABLE.c.id).where(_TABLE.c.channel == channel, _TABLE.c.external_id == external_id)
    return int((await session.execute(query)).scalar_one())


def profile_of(person: dict[str, Any] | None) -> dict[str, Any] | None:
    """The profile the engine sees (JSON-friendly), or None without consent."""
    if not person or not person.get("consent_at"):
        return None
    profile = {name: person[name] for name in PROFILE_COLUMNS}
    if isinstance(profile["birth_date"], date):
        profile["birth_date"] = profile["birth_date"].isoformat()
    profile["consent_at"] = person["consent_at"].isoformat()
    return profile


async def save_profile(session: Executor, person_id: int, profile: dict[str, Any], now: datetime) -> None:
    """Store a profile given as the engine's JSON-friendly mapping."""
    values = {name: profile.get(name) for name in PROFILE_COLUMNS}
    values["birth_date"] = date.fromisoformat(values["birth_date"]) if values["birth_date"] else None
    values["consent_at"] = datetime.fromisoformat(values["consent_at"])
    await session.execute(update(_TABLE).where(_TABLE.c.id == person_id).values(**values, updated_at=now))


async def mark_inactive(session: Executor, channel: str, external_id: str) -> None:
    """Note that the person can no longer be reached (they blocked the bot)."""
    await session.execute(
        update(_TABLE).where(_TABLE.c.channel == channel, _TABLE.c.external_id == external_id).values(active=False)
    )


async def deactivate(executor: Executor, person_id: int) -> None:
    """Stop sending to a person who blocked the bot."""
    await executor.execute(update(_TABLE).where(_TABLE.c.id == person_id).values(active=False))
