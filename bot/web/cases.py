"""The cases page: confirmed cases marked in the area or that touched its venues (declaration code, when, the
days looked back, the venues and the case's hours there, the people told and how many declared within 24 hours),
with the totals per commune for a province; an official marks a case from here as /cabenh does."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.responses import Response

from bot.commands.venues import mark_case
from bot.web import exports
from bot.web.console import Page, back
from handlers.areas import catalog
from handlers.protocol import ServerCommand
from handlers.venues.notice import local_time
from storage import audit, checkins, listing

Row = dict[str, Any]
EVER = datetime(2000, 1, 1, tzinfo=UTC)  # the list holds every case; the totals those of the last TOTAL_DAYS
TOTAL_DAYS = 30
EXPORT_PAGE = 500


def _key(case: Row) -> tuple[datetime, int]:
    return case["marked_at"], case["id"]


async def _with_venues(page: Page, cases: list[Row]) -> list[Row]:
    """The cases with their venues in the viewer's area and their code only where the viewer sees the
    declaration (the identity stays with the officials of the case's own area)."""
    visited: dict[int, list[Row]] = defaultdict(list)
    for item in await checkins.case_venues(page.session, page.viewer.area_code, EVER, cases):
        visited[item["case_id"]].append(item)
    return [{**case, "visited": visited[case["id"]],
             "shown_code": case["code"] if case["code"] and page.viewer.sees(case["commune_code"]) else None}
            for case in cases]


async def _totals(page: Page) -> list[Row]:
    """Per commune of a province (or everywhere, for admins): cases, venues and people told in TOTAL_DAYS."""
    area = page.viewer.area_code
    if area is not None and len(area) == 5:
        return []
    since = page.now - timedelta(days=TOTAL_DAYS)
    communes: dict[str, Row] = {}
    for item in await checkins.case_venues(page.session, area, since):
        commune = communes.setdefault(item["venue"]["commune_code"], {"cases": set(), "venues": set(), "told": 0})
        commune["cases"].add(item["case_id"])
        commune["venues"].add(item["venue"]["id"])
        commune["told"] += item["told"]
    return [{"commune_code": code, "cases": len(row["cases"]), "venues": len(row["venues"]), "told": row["told"]}
            for code, row in sorted(communes.items(), key=lambda item: catalog().label(item[0]))]


async def listing_page(page: Page) -> Response:
    """The area's cases, newest first, or their export."""
    area = page.viewer.area_code
    if page.query("format") in exports.KINDS:
        return await _export(page)
    after = listing.parse_key(page.query("after"))
    cases = await checkins.case_statistics(page.session, area, EVER, after, listing.PAGE)
    rows = await _with_venues(page, cases)
    more = listing.format_key(_key(cases[-1])) if len(cases) == listing.PAGE else None
    await audit.record(page.session, page.now, page.actor, page.viewer.role, "web.cases", area, rows=len(rows))
    return page.render("cases.html", rows=rows, more=more, totals=await _totals(page), total_days=TOTAL_DAYS,
                       days=page.settings.exposure_look_back_days)


def _visited_text(page: Page, case: Row) -> str:
    zone = page.settings.zone
    return "; ".join(page.t("web.cases.visit_once" if item["first"] == item["last"] else "web.cases.visit",
                            venue=item["venue"]["name"], code=item["venue"]["code"],
                            start=local_time(item["first"], zone), end=local_time(item["last"], zone),
                            told=item["told"]) for item in case["visited"])


async def _export(page: Page) -> Response:
    kind = page.query("format")
    area = page.viewer.area_code

    async def everything() -> AsyncIterator[Row]:
        after = None
        while cases := await checkins.case_statistics(page.session, area, EVER, after, EXPORT_PAGE):
            for row in await _with_venues(page, cases):
                yield row
            after = _key(cases[-1])

    zone = page.settings.zone
    columns: list[exports.Column] = [
        (page.t("web.column.code"), 12, lambda row: row["shown_code"] or "—"),
        (page.t("web.column.time"), 17, lambda row: row["marked_at"].astimezone(zone).replace(tzinfo=None)),
        (page.t("web.cases.look_back"), 10, lambda row: row["look_back_days"]),
        (page.t("web.cases.venues"), 60, lambda row: _visited_text(page, row)),
        (page.t("web.cases.notified"), 12, lambda row: row["told"]),
        (page.t("web.cases.declared"), 14, lambda row: row["declared"]),
    ]
    path, count = await exports.table_file(everything(), columns, kind, page.t("web.nav.cases"))
    await audit.record(page.session, page.now, page.actor, page.viewer.role, "web.export.cases", area, rows=count,
                       format=kind)
    return exports.download(path, f"cases-{area or 'all'}-{page.now:%Y%m%d}", kind)


async def mark(page: Page) -> Response:
    """Mark the person of a declaration of the official's area as a confirmed case, through /cabenh's own code:
    the overlapping people are told once each through the durable queue; audited there."""
    if page.viewer.role != "official":
        return back("/web/cases", "web.cases.officials_only")
    code = "".join(ch for ch in page.field("code") if ch.isalnum()).upper()[:16]
    days = page.field("days") or str(page.settings.exposure_look_back_days)
    if not days.isdigit() or not 1 <= int(days) <= 60:
        return back("/web/cases", "web.cases.bad_days")
    declaration = await listing.declaration(page.session, code, page.viewer.area_code) if code else None
    if declaration is None:
        return back("/web/cases", "web.cases.not_found")
    if await checkins.case_of(page.session, declaration["id"]) is not None:
        return back("/web/cases", "web.cases.already")
    await mark_case(page.session, await page.caller(), ServerCommand("cabenh", f"{code} {int(days)}"))  # type: ignore[arg-type]
    return back("/web/cases", "web.cases.marked")
