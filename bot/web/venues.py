"""The venues page: an area's venues with their kind, commune, status, today's check-ins and those of the last
days (numbers only, never who), paged by keyset and exported; officials of a venue's area (and admins) suspend
or reopen it, as /tamdung does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

from starlette.responses import Response

from bot.web import exports
from bot.web.console import NotFound, Page, back
from handlers.areas import catalog
from storage import audit, checkins, listing, venues
from storage.statistics import day_start

Row = dict[str, Any]
DAYS = 7  # the days before today whose check-ins the page shows
EXPORT_PAGE = 500


def _days(page: Page) -> tuple[list[datetime], datetime]:
    """The starts of the last DAYS days and of today (UTC moments of local midnights), and the end of today."""
    zone = page.settings.zone
    today = page.now.astimezone(zone).date()
    starts = [day_start(today - timedelta(days=back), zone) for back in range(DAYS, -1, -1)]
    return starts, day_start(today + timedelta(days=1), zone)


async def _counted(page: Page, rows: list[Row]) -> list[Row]:
    """The venues with their check-ins per day (the last item is today's)."""
    starts, end = _days(page)
    counts = {venue["id"]: days for venue, days in await checkins.daily_counts(
        page.session, page.viewer.area_code, starts[0], end, starts, [row["id"] for row in rows])}
    return [{**row, "days": counts.get(row["id"], [0] * len(starts))} for row in rows]


def _may_suspend(page: Page, venue: Row) -> bool:
    return page.viewer.is_admin or (page.viewer.role == "official" and page.viewer.sees(venue["commune_code"]))


async def listing_page(page: Page) -> Response:
    """The area's venues, or their export."""
    area = page.viewer.area_code
    starts, _ = _days(page)
    labels = [f"{start.astimezone(page.settings.zone):%d/%m}" for start in starts[:-1]]
    if page.query("format") in exports.KINDS:
        return await _export(page, labels)
    after = None
    if page.query("after").isdigit():
        after = await venues.get(page.session, int(page.query("after")))
        if after is None or not page.viewer.sees(after["commune_code"]):
            after = None
    rows = await _counted(page, await venues.in_area(page.session, area, listing.PAGE, after))
    shown = [{**row, "may_suspend": _may_suspend(page, row)} for row in rows]
    more = rows[-1]["id"] if len(rows) == listing.PAGE else None
    await audit.record(page.session, page.now, page.actor, page.viewer.role, "web.venues", area, rows=len(rows))
    return page.render("venues.html", rows=shown, labels=labels, more=more)


async def _export(page: Page, labels: list[str]) -> Response:
    kind = page.query("format")
    area = page.viewer.area_code

    async def everything() -> AsyncIterator[Row]:
        after = None
        while rows := await venues.in_area(page.session, area, EXPORT_PAGE, after):
            for row in await _counted(page, rows):
                yield row
            after = rows[-1]

    columns: list[exports.Column] = [
        (page.t("web.column.code"), 10, lambda row: row["code"]),
        (page.t("web.column.venue"), 30, lambda row: row["name"]),
        (page.t("web.column.kind"), 18, lambda row: page.t(f"venue.kind.{row['kind']}")),
        (page.t("web.column.commune"), 24, lambda row: catalog().label(row["commune_code"])),
        (page.t("web.column.address"), 30, lambda row: row["street"]),
        (page.t("web.column.state"), 14, lambda row: page.t(f"web.venues.status.{row['status']}")),
        (page.t("web.venues.today"), 10, lambda row: row["days"][-1]),
        *((label, 8, lambda row, index=index: row["days"][index]) for index, label in enumerate(labels)),
    ]
    path, count = await exports.table_file(everything(), columns, kind, page.t("web.nav.venues"))
    await audit.record(page.session, page.now, page.actor, page.viewer.role, "web.export.venues", area, rows=count,
                       format=kind)
    return exports.download(path, f"venues-{area or 'all'}-{page.now:%Y%m%d}", kind)


async def _status(page: Page, status: str) -> Response:
    venue = await venues.get(page.session, int(page.request.path_params["venue_id"]))
    if venue is None or not page.viewer.sees(venue["commune_code"]) or not _may_suspend(page, venue):
        raise NotFound
    changed = await venues.set_status(page.session, venue["id"], status, page.now)
    reopen = status == venues.ACTIVE
    await audit.record(page.session, page.now, page.actor, page.viewer.role,
                       "venue.reopen" if reopen else "venue.suspend", venue["commune_code"], venue=venue["id"],
                       changed=changed, via="web")
    key = ("web.venues.reopened" if changed else "web.venues.already_open") if reopen else (
        "web.venues.suspended" if changed else "web.venues.already_suspended")
    return back("/web/venues", key)


async def suspend(page: Page) -> Response:
    """Suspend a venue of the viewer's area: it refuses check-ins until reopened (404 for any other area)."""
    return await _status(page, venues.SUSPENDED)


async def reopen(page: Page) -> Response:
    """Reopen a suspended venue of the viewer's area (404 for any other area)."""
    return await _status(page, venues.ACTIVE)
