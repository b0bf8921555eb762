"""Officials' and gatekeepers' tools: verify a receipt, area statistics with a chart, declaration exports."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncConnection

import messages_vi
from bot.charts import daily_chart_png
from bot.exports import write_csv, write_xlsx
from bot.staff import Caller, covers, say
from bot.verification import verify
from handlers.areas import catalog
from handlers.protocol import Reply, ServerCommand
from handlers.text import fold
from storage import audit, exports, monitoring, statistics

LEVEL_WORDS = {"do": "red", "vang": "yellow", "xanh": "green"}
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


async def check_receipt(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """Gatekeepers and admins verify any receipt; officials those of their area. Every check is logged."""
    role = caller.role
    if role not in ("official", "gatekeeper", "admin"):
        return say("verify.staff_only")
    if not command.argument.strip():
        return say("verify.usage")
    verdict = await verify(connection, command.argument, caller.now, caller.settings)
    area = caller.official_area
    if role == "official" and area and verdict.commune_code and not covers(area, verdict.commune_code):
        verdict_text = messages_vi.t("verify.other_area")
        status = "other_area"
    else:
        verdict_text, status = verdict.text(caller.settings), verdict.status
    await audit.record(connection, caller.now, caller.actor, role, "verify", verdict.commune_code,
                       status=status, code=verdict.code)
    return [Reply(verdict_text)]


async def area_statistics(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """The official's area today and over 7 days, with a 14-day chart; provinces also by commune."""
    area = caller.official_area
    if area is None:
        return say("staff.officials_only")
    zone = caller.settings.zone
    summary = await statistics.area_summary(connection, area, caller.now, zone)
    missed = await monitoring.missed_since(connection, caller.now - timedelta(hours=12))
    missed_here = sum(count for commune, (count, _) in missed.items() if covers(area, commune))
    today, week = summary.today, summary.week
    lines = [messages_vi.t(
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
        lines.append(messages_vi.t("stats.breakdown_header"))
        lines.extend(messages_vi.t("stats.breakdown_line", commune=catalog().by_code[code].name,
                                   total=str(sum(counts.values())), red=str(counts["red"]),
                                   yellow=str(counts["yellow"])) for code, counts in breakdown)
    days = await statistics.daily_counts(connection, area, 14, end, zone)
    chart = daily_chart_png(days, messages_vi.t("stats.chart_title", area=catalog().label(area)))
    await audit.record(connection, caller.now, caller.actor, "official", "statistics", area)
    return [Reply("\n".join(lines)), Reply(messages_vi.t("stats.chart_title", area=catalog().label(area)),
                                           image=chart)]


def export_filters(argument: str, now: datetime, caller: Caller) -> tuple[datetime, datetime, set[str] | None, str]:
    """Parse '/xuat [tu dd/mm/yyyy] [den dd/mm/yyyy] [do|vang|xanh] [csv]'; raises ValueError."""
    zone = caller.settings.zone
    words = fold(argument)
    dates = [datetime(int(y), int(m), int(d), tzinfo=zone) for d, m, y in _DATE.findall(words)]
    start = dates[0] if dates else (now - timedelta(days=30)).astimezone(zone)
    end = dates[1] + timedelta(days=1) if len(dates) > 1 else now + timedelta(seconds=1)
    levels = {level for word, level in LEVEL_WORDS.items() if re.search(rf"\b{word}\b", words)} or None
    unknown = set(re.sub(r"\d{1,2}/\d{1,2}/\d{4}", " ", words).split()) - {*LEVEL_WORDS, "tu", "den", "csv", "xlsx"}
    if unknown or start >= end:
        raise ValueError(words)
    return start, end, levels, "csv" if "csv" in words.split() else "xlsx"


async def export_area(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """An .xlsx (or CSV) of the official's area's declarations, filtered by dates and levels."""
    area = caller.official_area
    if area is None:
        return say("staff.officials_only")
    try:
        start, end, levels, kind = export_filters(command.argument, caller.now, caller)
    except ValueError:
        return say("export.usage")
    buffer = io.BytesIO()
    rows = exports.stream_declarations(connection, area, start, end, levels)
    write = write_csv if kind == "csv" else write_xlsx
    count = await write(rows, buffer, caller.settings.zone)
    zone = caller.settings.zone
    await audit.record(connection, caller.now, caller.actor, "official", "export", area, rows=count, format=kind,
                       levels=sorted(levels) if levels else None)
    name = f"khai-bao-{area}-{start.astimezone(zone):%Y%m%d}-{(end - timedelta(seconds=1)).astimezone(zone):%Y%m%d}"
    text = messages_vi.t("export.ready", area=catalog().label(area), count=str(count),
                         start=f"{start.astimezone(zone):%d/%m/%Y}",
                         end=f"{(end - timedelta(seconds=1)).astimezone(zone):%d/%m/%Y}")
    return [Reply(text, document=(f"{name}.{kind}", buffer.getvalue()))]
