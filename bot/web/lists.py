"""The lists: declarations (with a detail page), alerts (acknowledged in one click), community reports, people under
monitoring (add, end, missed slots) and reporting rounds; each filtered, paged by keyset and exported."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

from starlette.responses import Response

import messages
from bot.commands.reports import start_monitoring
from bot.web import exports
from bot.web.console import NotFound, Page, back
from bot.web.figures import last_slot
from handlers.areas import catalog
from handlers.masking import mask_name
from handlers.protocol import ServerCommand
from handlers.triage import LEVELS
from storage import alerts, audit, listing, monitoring

Row = dict[str, Any]


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _name(page: Page, name: str | None) -> str:
    """Officials read full names of their own area; admins, who have none, read them masked as on receipts."""
    if not name:
        return "—"
    return name if page.viewer.role == "official" else mask_name(name)


def _naive(page: Page, moment: datetime | None) -> datetime | None:
    return moment.astimezone(page.settings.zone).replace(tzinfo=None) if moment else None


def _kind(page: Page) -> str | None:
    kind = page.query("format")
    return kind if kind in exports.KINDS else None


async def _exported(page: Page, rows: AsyncIterator[Row], columns: list[exports.Column], what: str) -> Response:
    kind = _kind(page)
    assert kind is not None
    path, count = await exports.table_file(rows, columns, kind, page.t(f"web.nav.{what}"))
    await audit.record(page.session, page.now, page.actor, page.viewer.role, f"web.export.{what}",
                       page.viewer.area_code, rows=count, format=kind)
    return exports.download(path, f"{what}-{page.viewer.area_code or 'all'}-{page.now:%Y%m%d}", kind)


# declarations


def declaration_filter(page: Page) -> tuple[listing.DeclarationFilter, dict[str, str], list[str]]:
    """The filters of the query string, what to show back in the form, and the problems found."""
    raw = {name: page.query(name) for name in ("start", "end", "level", "commune", "whom", "code")}
    problems = []
    first, last = _date(raw["start"]), _date(raw["end"])
    if (raw["start"] and not first) or (raw["end"] and not last) or (first and last and first > last):
        problems.append("web.filter.bad_dates")
        first = last = None
    start, end = listing.day_bounds(first, last, page.settings.zone)
    level = raw["level"] if raw["level"] in LEVELS else None
    commune = raw["commune"] or None
    if commune and (commune not in catalog().by_code or not page.viewer.sees(commune)):
        problems.append("web.filter.bad_commune")
        commune = None
    for_self = {"self": True, "other": False}.get(raw["whom"])
    code = "".join(ch for ch in raw["code"] if ch.isalnum())[:16] or None
    return listing.DeclarationFilter(start, end, level, commune, for_self, code), raw, problems


async def declarations(page: Page) -> Response:
    """The declarations list, or its export."""
    filters, raw, problems = declaration_filter(page)
    area = page.viewer.area_code
    kind = _kind(page)
    if kind:
        everything = listing.stream(lambda after: listing.declarations_page(page.session, area, filters, after, 1000,
                                                                      full=True), listing.declaration_key)
        if page.viewer.role != "official":
            everything = _masked(everything)
        path, count = await exports.declarations_file(everything, kind, page.settings.zone)
        await audit.record(page.session, page.now, page.actor, page.viewer.role, "export", area, rows=count,
                           format=kind, levels=[filters.level] if filters.level else None)
        return exports.download(path, f"khai-bao-{area or 'all'}-{page.now:%Y%m%d}", kind)
    after = listing.parse_key(page.query("after"))
    rows = await listing.declarations_page(page.session, area, filters, after)
    more = listing.format_key(listing.declaration_key(rows[-1])) if len(rows) == listing.PAGE else None
    shown = [{**row, "name": _name(page, row["subject_name"])} for row in rows]
    communes = _communes(page)
    return page.render("declarations.html", rows=shown, raw=raw, problems=problems, more=more,
                       query=_query(raw), communes=communes, levels=LEVELS)


async def _masked(rows: AsyncIterator[Row]) -> AsyncIterator[Row]:
    """Declarations with the subject's and declarant's names masked (admins read no area's names whole)."""
    async for row in rows:
        yield {**row, "subject_name": mask_name(row["subject_name"]) if row["subject_name"] else row["subject_name"],
               "person_name": mask_name(row["person_name"]) if row["person_name"] else None}


def _query(raw: dict[str, str]) -> str:
    return urlencode({name: value for name, value in raw.items() if value})


def _communes(page: Page) -> list[tuple[str, str]]:
    """The communes a province official picks from (commune officials have one; admins type a code)."""
    area = page.viewer.area_code
    if area is None or len(area) == 5:
        return []
    return sorted(((unit.code, unit.name) for unit in catalog().all_communes if unit.province_code == area),
                  key=lambda item: item[1])


async def declaration(page: Page) -> Response:
    """One declaration of the viewer's area (404 for any other)."""
    row = await listing.declaration(page.session, page.request.path_params["code"], page.viewer.area_code)
    if row is None:
        raise NotFound
    await audit.record(page.session, page.now, page.actor, page.viewer.role, "web.declaration", row["commune_code"],
                       code=row["code"])
    return page.render("declaration.html", row=row, name=_name(page, row["subject_name"]),
                       declarant=_name(page, row["person_name"]))


# alerts


ALERT_COLUMNS = "web.column.id", "web.column.time", "web.column.commune", "web.column.about", "web.column.state"


async def alert_list(page: Page) -> Response:
    """Alerts of the area, the unacknowledged ones unless all are asked for."""
    open_only = page.query("show") != "all"
    area = page.viewer.area_code
    if _kind(page):
        everything = listing.stream(lambda after: listing.alerts_page(page.session, area, open_only, after, 500),
                              lambda row: row["id"])
        columns: list[exports.Column] = [
            (page.t("web.column.id"), 8, lambda row: row["id"]),
            (page.t("web.column.time"), 17, lambda row: _naive(page, row["created_at"])),
            (page.t("web.column.commune"), 24, lambda row: catalog().label(row["commune_code"])),
            (page.t("web.column.about"), 30, lambda row: _about(page, row)),
            (page.t("web.column.acknowledged"), 30, lambda row: _acknowledged(page, row)),
        ]
        return await _exported(page, everything, columns, "alerts")
    after = int(page.query("after")) if page.query("after").isdigit() else None
    rows = await listing.alerts_page(page.session, area, open_only, after)
    shown = [{**row, "about": _about(page, row), "acknowledged": _acknowledged(page, row)} for row in rows]
    more = rows[-1]["id"] if len(rows) == listing.PAGE else None
    return page.render("alerts.html", rows=shown, open_only=open_only, more=more)


def _about(page: Page, row: Row) -> str:
    if row["declaration_id"] is not None:
        if row["code"] is None:
            return page.t("web.alert.erased")
        return page.t("web.alert.declaration", code=row["code"], level=page.t(f"web.level.{row['risk_level']}"),
                      name=_name(page, row["subject_name"]))
    return page.t("web.alert.community", place=row["place"] or "—")


def _acknowledged(page: Page, row: Row) -> str:
    if row["acknowledged_at"] is None:
        return page.t("web.alert.open")
    return page.t("web.alert.acknowledged_by", name=row["acknowledged_name"] or page.t("web.admin_name"),
                  at=_local(page, row["acknowledged_at"]))


def _local(page: Page, moment: datetime) -> str:
    return moment.astimezone(page.settings.zone).strftime("%H:%M %d/%m/%Y")


async def acknowledge(page: Page) -> Response:
    """Acknowledge an alert of the viewer's area (404 for any other)."""
    alert_id = int(page.request.path_params["alert_id"])
    alert = await listing.alert_in(page.session, alert_id, page.viewer.area_code)
    if alert is None:
        raise NotFound
    done = await alerts.acknowledge(page.session, alert_id, [alert["commune_code"]], page.viewer.person_id,  # type: ignore[arg-type]
                                    page.now)
    if done:
        await audit.record(page.session, page.now, page.actor, page.viewer.role, "alert.acknowledge",
                           alert["commune_code"], alert_id=alert_id, via="web")
    return back("/web/alerts", "web.alert.done" if done else "web.alert.already")


# community reports


async def report_list(page: Page) -> Response:
    """Community reports of the area."""
    area = page.viewer.area_code
    columns: list[exports.Column] = [
        (page.t("web.column.id"), 8, lambda row: row["id"]),
        (page.t("web.column.time"), 17, lambda row: _naive(page, row["created_at"])),
        (page.t("web.column.commune"), 24, lambda row: catalog().label(row["commune_code"])),
        (page.t("web.column.kind"), 14, lambda row: page.t(f"web.report.kind.{row['kind']}")
         if f"web.report.kind.{row['kind']}" in _catalog(page) else row["kind"]),
        (page.t("web.column.place"), 30, lambda row: row["place"]),
        (page.t("web.column.who"), 24, lambda row: row["who"]),
        (page.t("web.column.seen"), 40, lambda row: row["seen"]),
        (page.t("web.column.contact"), 14, lambda row: None if row["anonymous"] else row["contact"]),
    ]
    if _kind(page):
        everything = listing.stream(lambda after: listing.reports_page(page.session, area, after, 500),
                              lambda row: row["id"])
        return await _exported(page, everything, columns, "reports")
    after = int(page.query("after")) if page.query("after").isdigit() else None
    rows = await listing.reports_page(page.session, area, after)
    shown = [[value(row) for _, _, value in columns] for row in rows]
    for values, row in zip(shown, rows, strict=True):
        values[1] = _local(page, row["created_at"])
    more = rows[-1]["id"] if len(rows) == listing.PAGE else None
    return page.render("table.html", what="reports", headers=[header for header, _, _ in columns], rows=shown,
                       more=more, query="")


def _catalog(page: Page) -> dict[str, str]:
    return messages.catalog(page.locale)


# monitoring


async def monitoring_list(page: Page) -> Response:
    """People under monitoring in the area, with whether they missed the last slot."""
    area = page.viewer.area_code
    active_only = page.query("show") != "all"
    slot = last_slot(page.now, page.settings)

    def missed(row: Row) -> bool:
        declared = row["last_declared_at"]
        return row["ended_at"] is None and row["starts_at"] <= slot and (declared is None or declared < slot)

    columns: list[exports.Column] = [
        (page.t("web.column.id"), 8, lambda row: row["id"]),
        (page.t("web.column.name"), 24, lambda row: _name(page, row["subject_name"])),
        (page.t("web.column.commune"), 24, lambda row: catalog().label(row["commune_code"])),
        (page.t("web.column.code"), 12, lambda row: row["declaration_code"]),
        (page.t("web.column.start"), 17, lambda row: _naive(page, row["starts_at"])),
        (page.t("web.column.until"), 17, lambda row: _naive(page, row["ended_at"] or row["ends_at"])),
        (page.t("web.column.last_declared"), 17, lambda row: _naive(page, row["last_declared_at"])),
        (page.t("web.column.missed"), 10, lambda row: page.t("web.yes") if missed(row) else page.t("web.no")),
    ]
    if _kind(page):
        everything = listing.stream(lambda after: listing.monitoring_page(page.session, area, active_only, after, 500),
                              lambda row: row["id"])
        return await _exported(page, everything, columns, "monitoring")
    after = int(page.query("after")) if page.query("after").isdigit() else None
    rows = await listing.monitoring_page(page.session, area, active_only, after)
    shown = [{**row, "name": _name(page, row["subject_name"]), "missed": missed(row)} for row in rows]
    more = rows[-1]["id"] if len(rows) == listing.PAGE else None
    return page.render("monitoring.html", rows=shown, active_only=active_only, more=more, slot=slot,
                       days=page.settings.monitoring_days)


async def add_monitoring(page: Page) -> Response:
    """Place the person of a declaration of the area under monitoring (as /theodoi does)."""
    code = "".join(ch for ch in page.field("code") if ch.isalnum()).upper()
    days = page.field("days") or str(page.settings.monitoring_days)
    if not days.isdigit() or not 1 <= int(days) <= 60:
        return back("/web/monitoring", "web.monitoring.bad_days")
    if not code or page.viewer.role != "official" or await listing.declaration(
            page.session, code, page.viewer.area_code) is None:
        return back("/web/monitoring", "web.monitoring.not_found")
    await start_monitoring(page.session, await page.caller(), ServerCommand("theodoi", f"{code} {days}"))  # type: ignore[arg-type]
    return back("/web/monitoring", "web.monitoring.started")


async def end_monitoring(page: Page) -> Response:
    """End a monitoring of the area early (404 for any other)."""
    monitoring_id = int(page.request.path_params["monitoring_id"])
    row = await listing.monitoring_in(page.session, monitoring_id, page.viewer.area_code)
    if row is None:
        raise NotFound
    if await monitoring.end_one(page.session, monitoring_id, page.now):
        await audit.record(page.session, page.now, page.actor, page.viewer.role, "monitoring.end",
                           row["commune_code"], monitoring_id=monitoring_id)
    return back("/web/monitoring", "web.monitoring.ended")


# reporting rounds


async def round_list(page: Page) -> Response:
    """Reporting rounds of the area: who reported, who is late."""
    area = page.viewer.area_code
    late_only = page.query("show") == "late"

    def state(row: Row) -> str:
        late = row["status"] == "escalated" or (row["status"] in ("open", "reminded") and row["due_at"] <= page.now)
        return page.t("web.round.late") if late else page.t(f"web.round.{row['status']}")

    columns: list[exports.Column] = [
        (page.t("web.column.title"), 30, lambda row: row["title"]),
        (page.t("web.column.area"), 24, lambda row: catalog().label(row["area_code"])),
        (page.t("web.column.fired"), 17, lambda row: _naive(page, row["fired_for"])),
        (page.t("web.column.due"), 17, lambda row: _naive(page, row["due_at"])),
        (page.t("web.column.state"), 14, state),
        (page.t("web.column.confirmed_by"), 24, lambda row: row["confirmed_name"]),
        (page.t("web.column.confirmed_at"), 17, lambda row: _naive(page, row["confirmed_at"])),
    ]
    if _kind(page):
        everything = listing.stream(
            lambda after: listing.rounds_page(page.session, area, late_only, page.now, after, 500), listing.round_key)
        return await _exported(page, everything, columns, "rounds")
    after = listing.parse_key(page.query("after"))
    rows = await listing.rounds_page(page.session, area, late_only, page.now, after)
    shown = [[value(row) for _, _, value in columns] for row in rows]
    for values in shown:
        for index in (2, 3, 6):
            values[index] = values[index].strftime("%H:%M %d/%m/%Y") if values[index] else "—"
    more = listing.format_key(listing.round_key(rows[-1])) if len(rows) == listing.PAGE else None
    return page.render("table.html", what="rounds", headers=[header for header, _, _ in columns], rows=shown,
                       more=more, query=urlencode({"show": "late"}) if late_only else "", toggle=True,
                       late_only=late_only)

