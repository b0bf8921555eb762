"""Citizens' data rights: see and download their data; withdraw consent and erase it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Coroutine
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.commands.caller import Caller
from bot.records import user_files
from bot.settings import Settings
from handlers.areas import catalog
from handlers.parsers import phone_display
from handlers.protocol import Reply, ServerCommand
from storage import audit, checkins, venues
from storage.db import Database, release_deleted
from storage.erasure import apply_retention, erase_person
from storage.models import Declaration


async def _declarations(connection: AsyncConnection, person_id: int) -> list[dict[str, Any]]:
    query = select(Declaration.__table__).where(  # type: ignore[attr-defined]
        Declaration.__table__.c.person_id == person_id).order_by(Declaration.__table__.c.id)  # type: ignore[attr-defined]
    return [dict(row._mapping) for row in await connection.execute(query)]


async def my_data(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """The sender's profile, declarations, check-ins, venues and exposure notices, as text and as a JSON file."""
    person = caller.person
    if not person or not person["consent_at"]:
        return [Reply(caller.t("rights.nothing"))]
    rows = await _declarations(connection, person["id"])
    zone = caller.settings.zone
    birth = person["birth_date"].strftime("%d/%m/%Y") if person["birth_date"] else str(person["birth_year"] or "—")
    gender = caller.t({"male": "option.male", "female": "option.female"}.get(person["gender"] or "",
                                                                                 "option.gender_other"))
    text = caller.t(
        "rights.profile", name=person["full_name"] or "—", birth=birth, gender=gender,
        phone=phone_display(person["phone"]) if person["phone"] else "—", id_number=person["id_number"] or "—",
        address=f"{person['street'] or ''}, {catalog().label(person['commune_code'] or '')}",
        consent=person["consent_at"].astimezone(zone).strftime("%H:%M %d/%m/%Y"), count=str(len(rows)),
    )
    lines = [caller.t(
        "rights.declaration_line" if row["for_self"] else "rights.declaration_line_for", name=row["subject_name"],
        time=row["created_at"].astimezone(zone).strftime("%H:%M %d/%m/%Y"),
        level=caller.t(f"level.{row['risk_level']}"), code=row["code"]) for row in rows[-10:]]
    visits = await checkins.of_person(connection, person["id"])
    owned = await venues.owned_by(connection, person["id"])
    notices = await checkins.exposures_of(connection, person["id"])
    lines.append(caller.t("rights.venue_data", checkins=str(len(visits)), venues=str(len(owned)),
                          notices=str(len(notices))))
    lines += [caller.t("rights.venue_owned", name=venue["name"], code=venue["code"]) for venue in owned]
    export = {
        "profile": {key: _plain(person[key]) for key in (
            "channel", "full_name", "birth_date", "birth_year", "gender", "phone", "id_number", "province_code",
            "commune_code", "street", "former", "consent_at", "created_at")},
        "declarations": [{key: _plain(value) for key, value in row.items() if key != "person_id"} for row in rows],
        "checkins": [{key: _plain(value) for key, value in row.items()} for row in visits],
        "venues": [{key: _plain(venue[key]) for key in (
            "name", "kind", "code", "province_code", "commune_code", "street", "schedule", "status", "created_at")}
            for venue in owned],
        "exposure_notices": [{key: _plain(value) for key, value in row.items()} for row in notices],
    }
    document = json.dumps(export, ensure_ascii=False, indent=2).encode("utf-8")
    return [Reply("\n".join([text, *lines, caller.t("rights.file_note")]),
                  document=(caller.t("rights.file_name"), document))]


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


async def erase(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """Withdraw the sender's consent and erase their personal data everywhere: tables, files, SQLite's log."""
    person = caller.person
    if person is None:
        return [Reply(caller.t("rights.nothing"))]
    subject = await erase_person(connection, person, caller.now)
    files = await asyncio.to_thread(user_files.erase, caller.settings, person["channel"], person["external_id"],
                                    subject.traces)
    await audit.record(connection, caller.now, f"person:{person['id']}", "citizen", "data.erase",
                       person["commune_code"], person_id=person["id"], files=files)
    _after_commit(release_deleted(connection.engine))
    return [Reply(caller.t("erase.done"))]


_PENDING: set[asyncio.Task[None]] = set()


def _after_commit(job: Coroutine[Any, Any, None]) -> None:
    """Run ``job`` in the background; it waits for the database connection this transaction holds."""
    task = asyncio.create_task(job)
    _PENDING.add(task)
    task.add_done_callback(_PENDING.discard)


async def retention(db: Database, settings: Settings, now: datetime, actor: str, role: str) -> dict[str, int]:
    """Anonymise or delete, in every table and among the written files, what is older than the retention period."""
    before = now - timedelta(days=settings.retention_days)
    async with db.transaction() as session:
        counts = await apply_retention(session, before)
        counts["checkin"] = await checkins.retain(session, now - timedelta(days=settings.checkin_retention_days))
        counts["files"] = await asyncio.to_thread(user_files.expire, settings, before)
        await audit.record(session, now, actor, role, "retention", None, **counts)
    await db.release_deleted()
    return counts
