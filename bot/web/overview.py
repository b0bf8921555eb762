"""The overview: the area's figures today and over 7 and 30 days; per commune (per province for admins)
as a sortable table and a map coloured by red declarations per 10,000 registered residents or by count."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from starlette.responses import Response

from bot.web.console import NotFound, Page
from bot.web.map import layout
from handlers.areas import catalog
from storage import listing, monitoring, overview
from storage.statistics import day_start

PERIODS = (1, 7, 30)
FRESH = timedelta(minutes=1)
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


def _rate(red: int, people: int) -> float:
    return round(red * 10_000 / people, 1) if people else 0.0


async def show(page: Page) -> Response:
    """The overview page (its figures are at most FRESH old: they are counted once a minute per area)."""
    area = _area(page)
    days = int(page.query("days")) if page.query("days") in ("1", "7", "30") else 7
    sort = page.query("sort") if page.query("sort") in SORTS else "red"
    measure = page.query("measure") if page.query("measure") in MEASURES else "rate"
    key = (area, days, page.now.astimezone(page.settings.zone).date())
    cached = page.console.figures.get(key)
    if cached is None or page.now - cached[0] >= FRESH:
        cached = (page.now, await _count(page, area, days))
        page.console.figures[key] = cached
        _prune(page)
    counted_at, (periods, figures, table) = cached
    table = sorted(table, key=lambda row: (row["name"],) if sort == "name" else (-row[sort], row["name"]))
    points, height = layout({
        row["code"]: (row["rate"] if measure == "rate" else row["red"], row["total"],
                      page.t("web.map.title", name=row["name"], red=row["red"], total=row["total"], rate=row["rate"]),
                      row["href"])
        for row in table}) if table else ([], 0.0)
    return page.render("overview.html", area=area, periods=periods, figures=figures, table=table, points=points,
                       height=height, days=days, sort=sort, measure=measure, sorts=SORTS, measures=MEASURES,
                       choices=_choices(page), counted_at=counted_at)


def _prune(page: Page) -> None:
    """Forget figures older than FRESH once many areas were looked at."""
    if len(page.console.figures) > 2000:
        for old in [key for key, (at, _) in page.console.figures.items() if page.now - at >= FRESH]:
            del page.console.figures[old]


async def _count(page: Page, area: str | None, days: int) -> tuple[dict[int, Any], dict[str, Any], list[Any]]:
    """The area's figures and, for a province or everywhere, its table."""
    zone = page.settings.zone
    today = page.now.astimezone(zone).date()
    end = day_start(today + timedelta(days=1), zone)
    starts = {period: day_start(today - timedelta(days=period - 1), zone) for period in PERIODS}
    periods = await overview.period_counts(page.session, area, starts, end)
    missed_by_commune = await monitoring.missed_counts(page.session, _last_slot(page))
    missed = sum(number for commune, number in missed_by_commune.items() if _in(area, commune))
    monitored = await overview.monitored(page.session, area)
    alerts = await overview.open_alerts(page.session, area)
    rounds = await listing.round_counts(page.session, area, starts[7], end, page.now)
    figures = {"monitoring": sum(monitored.values()), "missed": missed, "alerts": sum(alerts.values()),
               "rounds": rounds}
    table: list[Any] = []
    if area is None or len(area) == 2:
        table = await _table(page, area, starts[days], end, monitored, alerts, missed_by_commune)
    return periods, figures, table


def _in(area: str | None, commune: str) -> bool:
    if area is None:
        return True
    if len(area) == 5:
        return commune == area
    found = catalog().by_code.get(commune)
    return found is not None and found.province_code == area


def _last_slot(page: Page) -> Any:
    """The latest monitoring slot already past (yesterday's last one before the first slot of today)."""
    zone = page.settings.zone
    local = page.now.astimezone(zone)
    slots = [local.replace(hour=slot.hour, minute=slot.minute, second=0, microsecond=0)
             for slot in page.settings.slot_times]
    past = [slot for slot in slots if slot <= local]
    return max(past) if past else max(slots) - timedelta(days=1)


async def _table(page: Page, area: str | None, start: Any, end: Any, monitored: dict[str, int],
                 alerts: dict[str, int], missed_by_commune: dict[str, int]) -> list[dict[str, Any]]:
    """One row per commune of the province (per province everywhere), with every commune listed."""
    levels = await overview.level_breakdown(page.session, area, start, end)
    people = await overview.residents(page.session, area)
    if area is None:
        codes = [unit.code for unit in catalog().by_code.values() if unit.level == "province"]
        missed: dict[str, int] = {}
        for commune, number in missed_by_commune.items():
            province = catalog().by_code.get(commune)
            if province:
                missed[province.province_code] = missed.get(province.province_code, 0) + number
    else:
        codes = [unit.code for unit in catalog().all_communes if unit.province_code == area]
        missed = missed_by_commune
    rows = []
    for code in codes:
        counts = levels.get(code, {"red": 0, "yellow": 0, "green": 0})
        rows.append({
            "code": code, "name": catalog().by_code[code].name, "total": sum(counts.values()), "red": counts["red"],
            "yellow": counts["yellow"], "green": counts["green"], "people": people.get(code, 0),
            "rate": _rate(counts["red"], people.get(code, 0)), "monitoring": monitored.get(code, 0),
            "missed": missed.get(code, 0), "alerts": alerts.get(code, 0),
            "href": "/web/?" + urlencode({"area": code}) if area is None else
            "/web/declarations?" + urlencode({"commune": code}),
        })
    return rows


def _choices(page: Page) -> list[tuple[str, str]]:
    """The areas an admin can switch the overview to (the provinces)."""
    if page.viewer.area_code is not None:
        return []
    return sorted(((unit.code, unit.name) for unit in catalog().by_code.values() if unit.level == "province"),
                  key=lambda item: item[1])
