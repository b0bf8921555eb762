"""Persons: channel identities, profiles with consent, activity."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, select, update

from storage.identities import any_identity
from storage.models import Person
from storage.upsert import Executor, insert_for

_TABLE = Person.__table__  # type: ignore[attr-defined]
PROFILE_COLUMNS = (
    "full_name", "birth_date", "birth_year", "gender", "phone", "id_number",
    "province_code", "commune_code", "street", "consent_at",
)
TRACKED_COLUMNS = ("full_name", "phone", "id_number", "street")  # identifying: earlier values kept in ``former``


async def find(session: Executor, channel: str, external_id: str) -> dict[str, Any] | None:
    """The person with that channel identity, as a mapping of columns."""
    query = select(_TABLE).where(_TABLE.c.channel == channel, _TABLE.c.external_id == external_id)
    row = (await session.execute(query)).first()
    return dict(row._mapping) if row else None


async def find_many(executor: Executor, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The persons with these (channel, external id) identities, by identity."""
    query = select(_TABLE).where(any_identity(_TABLE, keys))
    return {(row.channel, row.external_id): dict(row._mapping) for row in await executor.execute(query)}


async def ensure(session: Executor, channel: str, external_id: str, now: datetime) -> int:
    """The id of the person with that identity, created (without any profile) when new."""
    return (await ensure_many(session, [(channel, external_id)], now))[(channel, external_id)]


async def ensure_many(executor: Executor, keys: list[tuple[str, str]], now: datetime) -> dict[tuple[str, str], int]:
    """The ids of the persons with these identities, the new ones created (without any profile)."""
    rows = [
        {"channel": channel, "external_id": external_id, "role": "citizen", "locale": "vi",
         "active": True, "created_at": now, "updated_at": now}
        for channel, external_id in keys
    ]
    await executor.execute(insert_for(executor, _TABLE).on_conflict_do_nothing(), rows)
    query = select(_TABLE.c.channel, _TABLE.c.external_id, _TABLE.c.id).where(
        any_identity(_TABLE, keys)
    )
    return {(channel, external_id): person_id for channel, external_id, person_id in await executor.execute(query)}


async def set_locales(executor: Executor, chosen: list[tuple[str, str, str]]) -> None:
    """Store the language each (channel, external id, locale) person chose; people not stored yet are skipped
    (their conversation keeps the choice until registration stores it)."""
    if not chosen:
        return
    statement = (update(_TABLE)
                 .where(_TABLE.c.channel == bindparam("key_channel"), _TABLE.c.external_id == bindparam("key_id"))
                 .values(locale=bindparam("new_locale")))
    await executor.execute(statement, [{"key_channel": channel, "key_id": external_id, "new_locale": locale}
                                       for channel, external_id, locale in chosen])


def profile_of(person: dict[str, Any] | None) -> dict[str, Any] | None:
    """The profile the engine sees (JSON-friendly), or None without consent."""
    if not person or not person.get("consent_at"):
        return None
    profile = {name: person[name] for name in PROFILE_COLUMNS}
    if isinstance(profile["birth_date"], date):
        profile["birth_date"] = profile["birth_date"].isoformat()
    profile["consent_at"] = person["consent_at"].isoformat()
    return profile


async def save_profiles(executor: Executor, profiles: list[tuple[int, dict[str, Any]]], now: datetime) -> None:
    """Store profiles given as (person id, the engine's JSON-friendly mapping), in one execution.

    A changed name, phone, CCCD or street is added to the person's ``former`` values.
    """
    if not profiles:
        return
    stored = {row.id: row for row in await executor.execute(
        select(_TABLE.c.id, _TABLE.c.former, *(_TABLE.c[name] for name in TRACKED_COLUMNS))
        .where(_TABLE.c.id.in_([person_id for person_id, _ in profiles])))}
    rows = []
    for person_id, profile in profiles:
        values = {name: profile.get(name) for name in PROFILE_COLUMNS}
        values["birth_date"] = date.fromisoformat(values["birth_date"]) if values["birth_date"] else None
        values["consent_at"] = datetime.fromisoformat(str(values["consent_at"]))
        values["former"] = _former(stored.get(person_id), values)
        rows.append({"person_id": person_id, **{f"new_{name}": value for name, value in values.items()}})
    statement = (  # bound names differ from the column names, as SQLAlchemy requires in an UPDATE's SET
        update(_TABLE)
        .where(_TABLE.c.id == bindparam("person_id"))
        .values({**{name: bindparam(f"new_{name}") for name in (*PROFILE_COLUMNS, "former")}, "updated_at": now})
    )
    await executor.execute(statement, rows)


def _former(stored: Any, values: dict[str, Any]) -> dict[str, list[str]] | None:
    """The stored former values plus those this save replaces."""
    if stored is None:
        return None
    former = {name: list(kept) for name, kept in (stored.former or {}).items()}
    for name in TRACKED_COLUMNS:
        old = getattr(stored, name)
        if old and old != values[name] and old not in former.get(name, []):
            former.setdefault(name, []).append(old)
    return former or None


async def mark_inactive(session: Executor, channel: str, external_id: str) -> None:
    """Note that the person can no longer be reached (they blocked the bot)."""
    await session.execute(
        update(_TABLE).where(_TABLE.c.channel == channel, _TABLE.c.external_id == external_id).values(active=False)
    )


async def deactivate(executor: Executor, person_id: int) -> None:
    """Stop sending to a person who blocked the bot."""
    await executor.execute(update(_TABLE).where(_TABLE.c.id == person_id).values(active=False))
