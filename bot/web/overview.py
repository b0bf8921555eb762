"""The overview: the area's figures today and over 7 and 30 days; per commune (per province for admins)
as a sortable table and a map coloured by red declarations per 10,000 registered residents or by count."""

from __future__ import annotations

from starlette.responses import Response

from bot.web.console import NotFound, Page
from bot.web.map import layout
from handlers.areas import catalog

SORTS = ("name", "total", "red", "yellow", "rate", "monitoring", "missed", "alerts")
MEASURES = ("rate", "count")


def _area(page: Page) -> str | None:
    """The area shown: the viewer's own, or one inside it they picked (admins: any province or commune)."""
    picked = page.query("area")
    if not picked:
        return page.viewer.area_code
    known = catalog().by_code.get(picked)
    if known is None or known.level not in ("province", "commune"):
        raise NotFound
    own = page.viewer.area_code
    if not (own is None or picked == own or (known.level == "commune" and page.viewer.sees(picked))):
        raise NotFound
    return picked


async def show(page: Page) -> Response:
    """The overview page (figures at most a minute or two old, see bot.web.figures)."""
    area = _area(page)
    days = int(page.query("days")) if page.query("days") in ("1", "7", "30") else 7
    sort = page.query("sort") if page.query("sort") in SORTS else "red"
    measure = page.query("measure") if page.query("measure") in MEASURES else "rate"
    counted = await page.console.figures.get(page.session, area, days, page.now)
    table = sorted(counted.table, key=lambda row: (row["name"],) if sort == "name" else (-row[sort], row["name"]))
    points, height = layout({
        row["code"]: (row["rate"] if measure == "rate" else row["red"], row["total"],
                      page.t("web.map.title", name=row["name"], red=row["red"], total=row["total"], rate=row["rate"]),
                      row["href"])
        for row in table}) if table else ([], 0.0)
    return page.render("overview.html", area=area, periods=counted.periods, figures=counted.figures, table=table,
                       points=points, height=height, days=days, sort=sort, measure=measure, sorts=SORTS,
                       measures=MEASURES, choices=_choices(page), counted_at=counted.counted_at)


def _choices(page: Page) -> list[tuple[str, str]]:
    """The areas an admin can switch the overview to (the provinces)."""
    if page.viewer.area_code is not None:
        return []
    return sorted(((unit.code, unit.name) for unit in catalog().by_code.values() if unit.level == "province"),
                  key=lambda item: item[1])
