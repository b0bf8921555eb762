"""Alerts to a commune's officials: create, acknowledge, find the unacknowledged ones to escalate."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update

from handlers.alert_text import community_alert, declaration_alert
from storage.models import Alert, Area, CommunityReport, Declaration, Person
from storage.upsert import Executor, rows_changed

ALERT = Alert.__table__  # type: ignore[attr-defined]
REPORT = CommunityReport.__table__  # type: ignore[attr-defined]
AREA = Area.__table__  # type: ignore[attr-defined]
DECLARATION = Declaration.__table__  # type: ignore[attr-defined]
PERSON = Person.__table__  # type: ignore[attr-defined]


async def create(
    executor: Executor, kind: str, commune_code: str, now: datetime, *, declaration_id: int | None = None,
    report_id: int | None = None,
) -> int:
    """Store an alert about a declaration or a community report; its id."""
    result = await executor.execute(
        insert(ALERT).values(kind=kind, commune_code=commune_code, created_at=now, declaration_id=declaration_id,
                             report_id=report_id).returning(ALERT.c.id)
    )
    return int(result.scalar_one())


async def text_of(executor: Executor, alert: dict[str, Any], locale: str = "vi") -> str:
    """The alert's text in ``locale``, rendered from its declaration (and declarant) or its report as they are now."""
    if alert["report_id"] is not None:
        report = (await executor.execute(select(REPORT).where(REPORT.c.id == alert["report_id"]))).one()
        return community_alert(dict(report._mapping), locale)
    declaration = (await executor.execute(
        select(DECLARATION).where(DECLARATION.c.id == alert["declaration_id"]))).one()._asdict()
    person = (await executor.execute(select(PERSON).where(PERSON.c.id == declaration["person_id"]))).first()
    return declaration_alert(declaration, person._asdict() if person else None, locale)


async def about(executor: Executor, condition: Any) -> list[dict[str, Any]]:
    """Alerts whose declaration or report meets ``condition`` (on DECLARATION or REPORT columns)."""
    query = (
        select(ALERT)
        .outerjoin(DECLARATION, DECLARATION.c.id == ALERT.c.declaration_id)
        .outerjoin(REPORT, REPORT.c.id == ALERT.c.report_id)
        .where(condition)
        .order_by(ALERT.c.id)
    )
    return [dict(row._mapping) for row in await executor.execute(query)]


async def acknowledge(executor: Executor, alert_id: int, area_codes: list[str], person_id: int, now: datetime) -> bool:
    """Acknowledge an alert of one of ``area_codes``' communes; False when not found there or already done."""
    result = await executor.execute(
        update(ALERT)
        .where(ALERT.c.id == alert_id, ALERT.c.commune_code.in_(area_codes), ALERT.c.acknowledged_at.is_(None))
        .values(acknowledged_at=now, acknowledged_by=person_id)
    )
    return bool(rows_changed(result))


async def unacknowledged_before(executor: Executor, cutoff: datetime) -> list[dict[str, Any]]:
    """Alerts created before ``cutoff``, not acknowledged and not yet escalated."""
    query = select(ALERT).where(
        ALERT.c.acknowledged_at.is_(None), ALERT.c.escalated_at.is_(None), ALERT.c.created_at <= cutoff
    ).order_by(ALERT.c.id)
    return [dict(row._mapping) for row in await executor.execute(query)]


async def mark_escalated(executor: Executor, alert_id: int, now: datetime) -> None:
    """Note that an alert was sent again and escalated."""
    await executor.execute(update(ALERT).where(ALERT.c.id == alert_id).values(escalated_at=now))


async def unacknowledged_in(executor: Executor, area_code: str, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The oldest ``limit`` unacknowledged alerts of a commune (or of a province's communes), and how many there are."""
    communes: Any = [area_code]
    if len(area_code) == 2:
        communes = select(AREA.c.code).where(AREA.c.province_code == area_code)
    where = (ALERT.c.acknowledged_at.is_(None), ALERT.c.commune_code.in_(communes))
    total = (await executor.execute(select(func.count()).select_from(ALERT).where(*where))).scalar_one()
    rows = await executor.execute(select(ALERT).where(*where).order_by(ALERT.c.id).limit(limit))
    return [dict(row._mapping) for row in rows], int(total)


async def get(executor: Executor, alert_id: int) -> dict[str, Any] | None:
    """One alert."""
    row = (await executor.execute(select(ALERT).where(ALERT.c.id == alert_id))).first()
    return dict(row._mapping) if row else None


async def add_community_report(executor: Executor, values: dict[str, Any], now: datetime) -> int:
    """Store a community report; its id."""
    result = await executor.execute(insert(REPORT).values(**values, created_at=now).returning(REPORT.c.id))
    return int(result.scalar_one())
