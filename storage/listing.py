"""Filtered lists for the web console, newest first, paged by keyset (never by offset), limited to one area.

Each ``*_page`` takes the filters, an area (a province, a commune, or None for everywhere) and the key of
the last row already shown, and returns up to ``limit`` rows. ``stream`` walks every page of a list.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, true

from storage.exports import COLUMNS as EXPORT_COLUMNS
from storage.models import (
    Alert,
    Area,
    AuditEntry,
    CommunityReport,
    Declaration,
    Monitoring,
    Person,
    ReportRound,
    ReportSchedule,
)
from storage.statistics import in_area, utc
from storage.upsert import Executor

DECLARATION = Declaration.__table__  # type: ignore[attr-defined]
PERSON = Person.__table__  # type: ignore[attr-defined]
AREA = Area.__table__  # type: ignore[attr-defined]
ALERT = Alert.__table__  # type: ignore[attr-defined]
REPORT = CommunityReport.__table__  # type: ignore[attr-defined]
MONITORING = Monitoring.__table__  # type: ignore[attr-defined]
ROUND = ReportRound.__table__  # type: ignore[attr-defined]
SCHEDULE = ReportSchedule.__table__  # type: ignore[attr-defined]
AUDIT = AuditEntry.__table__  # type: ignore[attr-defined]
PAGE = 50

Row = dict[str, Any]
Key = tuple[datetime, int]


@dataclass(frozen=True)
class DeclarationFilter:
    """What an official narrows the declarations to; None means any."""

    start: datetime | None = None
    end: datetime | None = None
    level: str | None = None
    commune: str | None = None
    for_self: bool | None = None
    code: str | None = None


def within(column: Any, area_code: str | None) -> ColumnElement[bool]:
    """A commune-code column kept to one commune, to a province's communes, or anything (None)."""
    if area_code is None:
        return true()
    if len(area_code) == 5:
        return column == area_code
    return column.in_(select(AREA.c.code).where(AREA.c.province_code == area_code))


def _before(moment: Any, ident: Any, key: Key | None) -> list[ColumnElement[bool]]:
    """Rows after ``key`` in (moment, id) descending order, as an index range plus a tie-break."""
    if key is None:
        return []
    at = utc(key[0])
    return [moment <= at, or_(moment < at, ident < key[1])]


async def _page(executor: Executor, query: Select[Any], limit: int) -> list[Row]:
    return [dict(row._mapping) for row in await executor.execute(query.limit(limit))]


def _older(query: Select[Any], ident: Any, after: int | None) -> Select[Any]:
    """An id-ordered (newest first) list after the id of the last row shown."""
    return query if after is None else query.where(ident < after)


async def _one_in(executor: Executor, table: Any, ident: int, area_code: str | None) -> Row | None:
    """One row of a table with a commune_code, only when it lies in the area."""
    query = select(table).where(table.c.id == ident, within(table.c.commune_code, area_code))
    row = (await executor.execute(query)).first()
    return dict(row._mapping) if row else None


def _declaration_query(area_code: str | None, filters: DeclarationFilter, full: bool = False) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if area_code is not None:
        conditions.append(in_area(area_code))
    if filters.start:
        conditions.append(DECLARATION.c.created_at >= utc(filters.start))
    if filters.end:
        conditions.append(DECLARATION.c.created_at < utc(filters.end))
    if filters.level:
        conditions.append(DECLARATION.c.risk_level == filters.level)
    if filters.commune:
        conditions.append(DECLARATION.c.commune_code == filters.commune)
    if filters.for_self is not None:
        conditions.append(DECLARATION.c.for_self.is_(filters.for_self))
    if filters.code:
        conditions.append(DECLARATION.c.code.like(f"%{_escape(filters.code.upper())}%", escape="\\"))
    if full:
        return select(*EXPORT_COLUMNS).join(PERSON, PERSON.c.id == DECLARATION.c.person_id).where(*conditions)
    return select(DECLARATION.c.id, DECLARATION.c.code, DECLARATION.c.created_at, DECLARATION.c.for_self,
                  DECLARATION.c.subject_name, DECLARATION.c.commune_code, DECLARATION.c.risk_level,
                  DECLARATION.c.reasons).where(*conditions)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def declarations_page(executor: Executor, area_code: str | None, filters: DeclarationFilter,
                            after: Key | None = None, limit: int = PAGE, full: bool = False) -> list[Row]:
    """One page of declarations, newest first, after the (created_at, id) key of the last row shown;
    ``full``: with every column and the declarant's, as /xuat writes them."""
    query = (_declaration_query(area_code, filters, full)
             .where(*_before(DECLARATION.c.created_at, DECLARATION.c.id, after))
             .order_by(DECLARATION.c.created_at.desc(), DECLARATION.c.id.desc()))
    return await _page(executor, query, limit)


async def declaration(executor: Executor, code: str, area_code: str | None) -> Row | None:
    """One declaration with its declarant, only when it lies in the area (None otherwise, as if absent)."""
    query = (select(DECLARATION, PERSON.c.full_name.label("person_name"), PERSON.c.phone.label("person_phone"))
             .join(PERSON, PERSON.c.id == DECLARATION.c.person_id)
             .where(DECLARATION.c.code == code.upper()))
    if area_code is not None:
        query = query.where(in_area(area_code))
    row = (await executor.execute(query)).first()
    return dict(row._mapping) if row else None


async def alerts_page(executor: Executor, area_code: str | None, open_only: bool, after: int | None = None,
                      limit: int = PAGE) -> list[Row]:
    """Alerts of the area, newest first, with their declaration's code and level and who acknowledged them."""
    acknowledger = PERSON.alias("acknowledger")
    query = (
        select(ALERT, DECLARATION.c.code, DECLARATION.c.risk_level, DECLARATION.c.subject_name,
               REPORT.c.kind.label("report_kind"), REPORT.c.place,
               func.coalesce(acknowledger.c.display_name, acknowledger.c.full_name).label("acknowledged_name"))
        .outerjoin(DECLARATION, DECLARATION.c.id == ALERT.c.declaration_id)
        .outerjoin(REPORT, REPORT.c.id == ALERT.c.report_id)
        .outerjoin(acknowledger, acknowledger.c.id == ALERT.c.acknowledged_by)
        .where(within(ALERT.c.commune_code, area_code))
        .order_by(ALERT.c.id.desc())
    )
    if open_only:
        query = query.where(ALERT.c.acknowledged_at.is_(None))
    return await _page(executor, _older(query, ALERT.c.id, after), limit)


async def alert_in(executor: Executor, alert_id: int, area_code: str | None) -> Row | None:
    """One alert when it lies in the area."""
    return await _one_in(executor, ALERT, alert_id, area_code)


async def reports_page(executor: Executor, area_code: str | None, after: int | None = None,
                       limit: int = PAGE) -> list[Row]:
    """Community reports of the area, newest first."""
    query = select(REPORT).where(within(REPORT.c.commune_code, area_code)).order_by(REPORT.c.id.desc())
    return await _page(executor, _older(query, REPORT.c.id, after), limit)


async def monitoring_page(executor: Executor, area_code: str | None, active_only: bool, after: int | None = None,
                          limit: int = PAGE) -> list[Row]:
    """People under monitoring in the area, newest first, with when they last declared since it began."""
    last = (select(func.max(DECLARATION.c.created_at))
            .where(DECLARATION.c.person_id == MONITORING.c.person_id,
                   DECLARATION.c.created_at >= MONITORING.c.starts_at)
            .scalar_subquery())
    subject = (select(DECLARATION.c.subject_name).where(DECLARATION.c.code == MONITORING.c.declaration_code)
               .scalar_subquery())
    query = (
        select(MONITORING, func.coalesce(subject, PERSON.c.full_name).label("subject_name"),
               PERSON.c.phone, last.label("last_declared_at"))
        .join(PERSON, PERSON.c.id == MONITORING.c.person_id)
        .where(within(MONITORING.c.commune_code, area_code))
        .order_by(MONITORING.c.id.desc())
    )
    if active_only:
        query = query.where(MONITORING.c.ended_at.is_(None))
    return await _page(executor, _older(query, MONITORING.c.id, after), limit)


async def monitoring_in(executor: Executor, monitoring_id: int, area_code: str | None) -> Row | None:
    """One monitoring when it lies in the area."""
    return await _one_in(executor, MONITORING, monitoring_id, area_code)


def _round_area(area_code: str | None) -> ColumnElement[bool]:
    """Rounds of the area itself or of its communes (a province official sees its communes' rounds too)."""
    if area_code is None:
        return true()
    if len(area_code) == 5:
        return ROUND.c.area_code == area_code
    return or_(ROUND.c.area_code == area_code, within(ROUND.c.area_code, area_code))


async def rounds_page(executor: Executor, area_code: str | None, late_only: bool, now: datetime,
                      after: Key | None = None, limit: int = PAGE) -> list[Row]:
    """Reporting rounds of the area, newest firing first, with the schedule's title and who confirmed."""
    confirmer = PERSON.alias("confirmer")
    query = (
        select(ROUND, SCHEDULE.c.title,
               func.coalesce(confirmer.c.display_name, confirmer.c.full_name).label("confirmed_name"))
        .join(SCHEDULE, SCHEDULE.c.id == ROUND.c.schedule_id)
        .outerjoin(confirmer, confirmer.c.id == ROUND.c.confirmed_by)
        .where(_round_area(area_code), *_before(ROUND.c.fired_for, ROUND.c.id, after))
        .order_by(ROUND.c.fired_for.desc(), ROUND.c.id.desc())
    )
    if late_only:
        query = query.where(or_(ROUND.c.status == "escalated",
                                and_(ROUND.c.status.in_(("open", "reminded")), ROUND.c.due_at <= utc(now))))
    return await _page(executor, query, limit)


async def round_counts(executor: Executor, area_code: str | None, start: datetime, end: datetime,
                       now: datetime) -> dict[str, int]:
    """Rounds due in [start, end): how many, how many confirmed, how many late."""
    late = or_(ROUND.c.status == "escalated", and_(ROUND.c.status.in_(("open", "reminded")),
                                                   ROUND.c.due_at <= utc(now)))
    query = select(func.count(), func.count().filter(ROUND.c.status == "confirmed"), func.count().filter(late)).where(
        _round_area(area_code), ROUND.c.due_at >= utc(start), ROUND.c.due_at < utc(end))
    due, confirmed, overdue = (await executor.execute(query)).one()
    return {"due": int(due), "confirmed": int(confirmed), "late": int(overdue)}


async def stream(fetch: Callable[[Any], Awaitable[list[Row]]], key: Callable[[Row], Any]) -> AsyncIterator[Row]:
    """Every row of a list, page after page: ``fetch(after)`` gives the page after a key, ``key`` a row's key."""
    after = None
    while True:
        rows = await fetch(after)
        for row in rows:
            yield row
        if not rows:
            return
        after = key(rows[-1])


def declaration_key(row: Row) -> Key:
    """The keyset key of a declaration row."""
    return row["created_at"], row["id"]


def round_key(row: Row) -> Key:
    """The keyset key of a round row."""
    return row["fired_for"], row["id"]


def parse_key(text: str | None) -> Key | None:
    """A (moment, id) key from its 'ISO~id' form in a link; None when absent or malformed."""
    moment, _, ident = (text or "").partition("~")
    try:
        return datetime.fromisoformat(moment), int(ident)
    except ValueError:
        return None


def format_key(key: Key) -> str:
    """The 'ISO~id' form of a key, for the next page's link."""
    return f"{utc(key[0]).isoformat()}~{key[1]}"


def day_bounds(first: date | None, last: date | None, zone: Any) -> tuple[datetime | None, datetime | None]:
    """Local dates (inclusive) as [start, end) moments."""
    start = datetime.combine(first, time(), tzinfo=zone) if first else None
    end = datetime.combine(last + timedelta(days=1), time(), tzinfo=zone) if last else None
    return start, end


async def audit_page(executor: Executor, action: str | None, area_code: str | None, actor: str | None,
                     after: int | None = None, limit: int = PAGE) -> list[Row]:
    """Audit entries, newest first, filtered by action (or its prefix ending in '.'), area and actor."""
    query = select(AUDIT).order_by(AUDIT.c.id.desc())
    if action:
        query = query.where(AUDIT.c.action.like(f"{_escape(action)}%", escape="\\") if action.endswith(".")
                            else AUDIT.c.action == action)
    if area_code:
        query = query.where(AUDIT.c.area_code == area_code)
    if actor:
        query = query.where(AUDIT.c.actor == actor)
    return await _page(executor, _older(query, AUDIT.c.id, after), limit)
