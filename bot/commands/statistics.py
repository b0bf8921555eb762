"""/thongke: an area's figures by risk level with a chart of the last days."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.commands import venues
from bot.commands.caller import Caller, covers
from bot.records.charts import daily_chart_png
from handlers.areas import catalog
from handlers.protocol import Reply, ServerCommand
from storage import audit, monitoring, statistics


async def area_statistics(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """The official's area today and over 7 days, with a 14-day chart; provinces also by commune."""
    area = caller.official_area
    if area is None:
        return caller.say("staff.officials_only")
    zone = caller.settings.zone
    summary = await statistics.area_summary(connection, area, caller.now, zone)
    missed = await monitoring.missed_since(connection, caller.now - timedelta(hours=12))
    missed_here = sum(count for commune, (count, _) in missed.items() if covers(area, commune))
    today, week = summary.today, summary.week
    lines = [caller.t(
        "stats.summary", area=catalog().label(area), today_total=str(sum(today.values())),
        today_red=str(today["red"]), today_yellow=str(today["yellow"]), today_green=str(today["green"]),
        week_total=str(sum(week.values())), week_red=str(week["red"]), week_yellow=str(week["yellow"]),
        week_green=str(week["green"]), monitoring=str(await monitoring.count_active(connection, area)),
        missed=str(missed_here),
    )]
    end = statistics.day_start(summary.day + timedelta(days=1), zone)
    if len(area) == 2:
        start = statistics.day_start(summary.day - timedelta(days=6), zone)
        breakdown = await statistics.commune_breakdown(connection, area, start, end)
        lines.append(caller.t("stats.breakdown_header"))
        lines.extend(caller.t("stats.breakdown_line", commune=catalog().by_code[code].name,
                                   total=str(sum(counts.values())), red=str(counts["red"]),
                                   yellow=str(counts["yellow"])) for code, counts in breakdown)
    days = await statistics.daily_counts(connection, area, 14, end, zone)
    chart = daily_chart_png(days, caller.t("stats.chart_title", area=catalog().label(area)), caller.locale)
    lines.append(await venues.statistics_text(connection, caller, area))
    await audit.record(connection, caller.now, caller.actor, "official", "statistics", area)
    return [Reply("\n".join(lines)), Reply(caller.t("stats.chart_title", area=catalog().label(area)),
                                           image=chart)]
