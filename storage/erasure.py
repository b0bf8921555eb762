"""Erasing one person's personal data (Decree 13/2023), and retention for old declarations.

Aggregate rows stay (a declaration's level, commune and day; a delivery's status) with every
personal field removed, so statistics keep their counts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, func, literal, or_, select, update

from storage.models import (
    Alert,
    Broadcast,
    CommunityReport,
    Conversation,
    Declaration,
    Delivery,
    InboundMessage,
    Invite,
    Monitoring,
    Person,
)
from storage.upsert import Executor

PERSON = Person.__table__  # type: ignore[attr-defined]
DECLARATION = Declaration.__table__  # type: ignore[attr-defined]
REDACTED = "[đã xóa]"
PERSONAL_COLUMNS = ("display_name", "full_name", "birth_date", "birth_year", "gender", "phone", "id_number",
                    "street", "consent_at", "area_code")


async def erase_person(executor: Executor, person: dict[str, Any], now: datetime) -> None:
    """Remove every personal field of ``person`` from every table; the person stops receiving anything."""
    person_id, channel, external_id = person["id"], person["channel"], person["external_id"]
    traces = [value for value in (person["full_name"], person["phone"], _national(person["phone"]),
                                  person["id_number"], person["street"]) if value]
    for table in (Broadcast.__table__, Alert.__table__):  # type: ignore[attr-defined]
        await _scrub_texts(executor, table, traces)
    await _anonymise_declarations(executor, DECLARATION.c.person_id == person_id)
    conversation = Conversation.__table__  # type: ignore[attr-defined]
    await executor.execute(delete(conversation).where(conversation.c.channel == channel,
                                                      conversation.c.external_id == external_id))
    inbound = InboundMessage.__table__  # type: ignore[attr-defined]
    await executor.execute(delete(inbound).where(inbound.c.channel == channel, inbound.c.external_id == external_id))
    deliveries = Delivery.__table__  # type: ignore[attr-defined]
    await executor.execute(delete(deliveries).where(deliveries.c.person_id == person_id,
                                                    deliveries.c.status.in_(("pending", "claimed"))))
    await executor.execute(update(deliveries).where(deliveries.c.person_id == person_id).values(external_id=""))
    reports = CommunityReport.__table__  # type: ignore[attr-defined]
    await executor.execute(update(reports).where(reports.c.reporter_id == person_id)
                           .values(reporter_id=None, contact=None))
    monitoring = Monitoring.__table__  # type: ignore[attr-defined]
    await executor.execute(delete(monitoring).where(monitoring.c.person_id == person_id))
    invites = Invite.__table__  # type: ignore[attr-defined]
    await executor.execute(update(invites).where(invites.c.used_by == person_id).values(name=None, phone=None))
    await executor.execute(update(PERSON).where(PERSON.c.id == person_id).values(
        **dict.fromkeys(PERSONAL_COLUMNS), external_id=f"deleted-{person_id}", role="citizen", active=False,
        updated_at=now))


async def _anonymise_declarations(executor: Executor, condition: Any) -> Any:
    """Keep a declaration's level, commune and day; drop its name, answers and code."""
    return await executor.execute(update(DECLARATION).where(condition).values(
        subject_name="", answers={}, code=literal("X") + func.cast(DECLARATION.c.id, DECLARATION.c.code.type)))


def _national(phone: str | None) -> str | None:
    """'+84912345678' also appears as '0912 345 678' in texts."""
    if not phone or not phone.startswith("+84"):
        return None
    digits = "0" + phone[3:]
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


async def _scrub_texts(executor: Executor, table: Any, traces: list[str]) -> None:
    if not traces:
        return
    rows = await executor.execute(
        select(table.c.id, table.c.text).where(or_(*(table.c.text.contains(trace) for trace in traces)))
    )
    for row_id, text in rows.all():
        for trace in traces:
            text = text.replace(trace, REDACTED)
        await executor.execute(update(table).where(table.c.id == row_id).values(text=text))


async def apply_retention(executor: Executor, before: datetime) -> dict[str, int]:
    """Anonymise what is older than ``before``: declarations keep their counts, alert texts go, idle chats go."""
    declarations = await _anonymise_declarations(
        executor, and_(DECLARATION.c.created_at < before, DECLARATION.c.subject_name != ""))
    alerts = Alert.__table__  # type: ignore[attr-defined]
    alert_rows = await executor.execute(
        update(alerts).where(alerts.c.created_at < before, alerts.c.text != REDACTED).values(text=REDACTED))
    broadcasts = Broadcast.__table__  # type: ignore[attr-defined]
    await executor.execute(
        update(broadcasts)
        .where(broadcasts.c.created_at < before, broadcasts.c.kind == "alert", broadcasts.c.text != REDACTED)
        .values(text=REDACTED))
    conversation = Conversation.__table__  # type: ignore[attr-defined]
    chats = await executor.execute(delete(conversation).where(conversation.c.updated_at < before))
    inbound = InboundMessage.__table__  # type: ignore[attr-defined]
    await executor.execute(delete(inbound).where(inbound.c.received_at < before, inbound.c.handled_at.is_not(None)))
    return {"declarations": int(declarations.rowcount), "alerts": int(alert_rows.rowcount),
            "conversations": int(chats.rowcount)}
