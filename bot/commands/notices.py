"""Carrying out the notice effects: read a stored notice, publish a new one as a broadcast."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

import messages
from bot.commands.caller import Caller
from bot.delivery.progress import describe_audience
from bot.settings import Settings
from handlers import field_sizes
from handlers.audience import Audience
from handlers.protocol import PublishNotice, Reply, ServerCommand, ShowNotice
from handlers.report_rhythm import rhythm_for
from storage import audit, broadcasts, notices, reporting


async def show_notice(connection: AsyncConnection, effect: ShowNotice, locale: str = messages.VI) -> Reply:
    """The notice's summary (its English text for English speakers, when there is one), or its header and full
    cleaned text (adapters split it to fit)."""
    notice = await notices.get(connection, effect.notice_id)
    if notice is None:
        return Reply(messages.t(locale, "notices.gone"))
    if effect.full:
        return Reply(f"{notice['header']}\n\n{notice['body']}")
    if locale == messages.EN and notice.get("summary_en"):
        return Reply(notice["summary_en"])
    summary = notice["summary"]
    return Reply(summary if summary.startswith(notice["header"]) else f"{notice['header']}\n{summary}")


def schedule_from(duty: dict[str, Any], created_by: str) -> dict[str, Any]:
    """A commune-level reminder schedule for a directive's recurring reporting duty."""
    rhythm = rhythm_for(duty)
    assert rhythm is not None
    return {"level": "commune", "area_code": None, "day_of_week": rhythm.day_of_week,
            "day_of_month": rhythm.day_of_month, "at_time": rhythm.at_time, "due_hours": rhythm.due_hours,
            "title": str(duty["text"])[: field_sizes.SCHEDULE_TITLE],
            "source": str(duty["text"])[: field_sizes.SCHEDULE_SOURCE], "created_by": created_by}


async def publish_reach(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """While an admin composes a notice: how many people its audience reaches now."""
    if not caller.is_admin:
        return []
    audience = Audience.from_json(dict(command.data or {}))
    count = await broadcasts.count_recipients(connection, audience)
    return [Reply(caller.t("publish.reach", count=f"{count:,}".replace(",", "."),
                           audience=describe_audience(audience, caller.locale)))]


async def publish_notice(
    connection: AsyncConnection, effect: PublishNotice, now: datetime, settings: Settings, locale: str = messages.VI
) -> Reply:
    """Store the notice and queue its broadcast (its summary) with progress in the admin's chat."""
    audience = Audience.from_json(dict(effect.audience))
    scheduled = datetime.fromisoformat(effect.scheduled_at)
    summary = effect.summary if effect.summary.startswith(effect.header) else f"{effect.header}\n{effect.summary}"
    broadcast_id = await broadcasts.create(
        connection, summary, audience, now, scheduled_at=scheduled, urgent=effect.urgent, kind="notice",
        created_by=effect.created_by, progress=effect.progress_chat, text_en=effect.text_en,
    )
    await notices.create(
        connection,
        {"header": effect.header, "summary": effect.summary, "summary_en": effect.text_en, "body": effect.body,
         "parsed": dict(effect.parsed) if effect.parsed else None, "broadcast_id": broadcast_id,
         "created_by": effect.created_by},
        now,
    )
    await audit.record(connection, now, effect.created_by, "admin", "broadcast.create", audience.area_code,
                       broadcast_id=broadcast_id, audience=audience.kind, urgent=effect.urgent)
    if effect.schedules and effect.parsed:
        ids = [await reporting.add_schedule(connection, schedule_from(duty, effect.created_by), now)
               for duty in effect.parsed.get("obligations", []) if rhythm_for(duty) is not None]
        await audit.record(connection, now, effect.created_by, "admin", "schedule.add", schedules=ids)
    return Reply(messages.t(
        locale, "publish.queued", id=str(broadcast_id), audience=describe_audience(audience, locale),
        at=scheduled.astimezone(settings.zone).strftime("%H:%M %d/%m/%Y"),
    ))
