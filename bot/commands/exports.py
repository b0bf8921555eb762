"""/xuat: an area's declarations as .xlsx or CSV, filtered by dates and level."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.commands.caller import Caller
from bot.records.exports import write_csv, write_xlsx
from handlers.areas import catalog
from handlers.protocol import Reply, ServerCommand
from handlers.text import fold
from storage import audit, exports

LEVEL_WORDS = {"do": "red", "vang": "yellow", "xanh": "green"}
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


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
        return caller.say("staff.officials_only")
    try:
        start, end, levels, kind = export_filters(command.argument, caller.now, caller)
    except ValueError:
        return caller.say("export.usage")
    buffer = io.BytesIO()
    rows = exports.stream_declarations(connection, area, start, end, levels)
    write = write_csv if kind == "csv" else write_xlsx
    count = await write(rows, buffer, caller.settings.zone, caller.locale)
    zone = caller.settings.zone
    await audit.record(connection, caller.now, caller.actor, "official", "export", area, rows=count, format=kind,
                       levels=sorted(levels) if levels else None)
    name = f"khai-bao-{area}-{start.astimezone(zone):%Y%m%d}-{(end - timedelta(seconds=1)).astimezone(zone):%Y%m%d}"
    text = caller.t("export.ready", area=catalog().label(area), count=str(count),
                         start=f"{start.astimezone(zone):%d/%m/%Y}",
                         end=f"{(end - timedelta(seconds=1)).astimezone(zone):%d/%m/%Y}")
    return [Reply(text, document=(f"{name}.{kind}", buffer.getvalue()))]
