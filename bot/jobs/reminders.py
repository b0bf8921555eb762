"""What the scheduler does at each moment: reporting reminders, overdue reports, alerts, monitoring slots.

Every function takes the time it runs for, so tests drive them with a controllable clock; each is
idempotent (a round, a slot, an escalation is recorded once), so a restart never sends twice.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

import messages
from bot.commands import alert_routing
from bot.commands.reports import send_alert
from bot.settings import Settings
from handlers.alert_text import ESCALATED, RESENT
from handlers.areas import catalog
from handlers.audience import Audience
from handlers.parsers import phone_display
from messages import EN, VI
from storage import alerts, broadcasts, monitoring, officials, reporting, statistics
from storage.broadcasts import BROADCAST
from storage.db import Database

log = logging.getLogger(__name__)


async def figures_text(connection: AsyncConnection, area_code: str, now: datetime, settings: Settings,
                       missed: int = 0, locale: str = VI) -> str:
    """The area's declaration figures for a reminder."""
    summary = await statistics.area_summary(connection, area_code, now, settings.zone)
    today, week = summary.today, summary.week
    return messages.t(
        locale, "reminder.figures", today_total=str(sum(today.values())), today_red=str(today["red"]),
        today_yellow=str(today["yellow"]), today_green=str(today["green"]), week_total=str(sum(week.values())),
        week_red=str(week["red"]), week_yellow=str(week["yellow"]), week_green=str(week["green"]),
        monitoring=str(await monitoring.count_active(connection, area_code)), missed=str(missed),
    )


def _local(moment: datetime, settings: Settings) -> str:
    return moment.astimezone(settings.zone).strftime("%H:%M %d/%m/%Y")


async def fire_schedule(db: Database, schedule: dict[str, Any], fired_for: datetime, settings: Settings) -> int:
    """Open the rounds of one firing and remind each area's officials; the number of areas reminded."""
    due_at = fired_for + timedelta(hours=schedule["due_hours"])
    reminded = 0
    async with db.engine.begin() as connection:
        areas = [schedule["area_code"]] if schedule["area_code"] else await officials.areas_with_officials(
            connection, schedule["level"])
        for area_code in areas:
            if not await reporting.open_round(connection, schedule["id"], area_code, fired_for, due_at):
                continue
            text, text_en = [messages.t(
                locale, "reminder.text", title=schedule["title"], area=catalog().label(area_code),
                due=_local(due_at, settings),
                figures=await figures_text(connection, area_code, fired_for, settings, locale=locale),
            ) for locale in (VI, EN)]
            await broadcasts.create(connection, text, Audience("area_officials", area_code), fired_for,
                                    kind="reminder", urgent=True, created_by=f"schedule:{schedule['id']}",
                                    text_en=text_en)
            reminded += 1
    return reminded


async def sweep(db: Database, now: datetime, settings: Settings) -> None:
    """Repeat overdue reminders once, then escalate; resend and escalate unacknowledged alerts; end monitoring."""
    async with db.engine.begin() as connection:
        rounds = await reporting.overdue(connection, now)
        await _repeat(connection, [r for r in rounds if r["status"] == "open"], now, settings)
        await _escalate(connection, [r for r in rounds if r["status"] == "reminded"], now, settings)
        cutoff = now - timedelta(hours=settings.alert_ack_hours)
        for alert in await alerts.unacknowledged_before(connection, cutoff):
            await _escalate_alert(connection, alert, now, settings)
        await monitoring.end_finished(connection, now)


async def _repeat(connection: AsyncConnection, rounds: list[dict[str, Any]], now: datetime, settings: Settings) -> None:
    for row in rounds:
        due_at = row["due_at"] + timedelta(hours=settings.escalate_after_hours)
        text, text_en = ["\n".join([messages.t(locale, "reminder.repeat"), messages.t(
            locale, "reminder.text", title=row["title"], area=catalog().label(row["area_code"]),
            due=_local(row["due_at"], settings),
            figures=await figures_text(connection, row["area_code"], now, settings, locale=locale))])
            for locale in (VI, EN)]
        await broadcasts.create(connection, text, Audience("area_officials", row["area_code"]), now,
                                kind="reminder", urgent=True, created_by=f"schedule:{row['schedule_id']}",
                                text_en=text_en)
        await reporting.set_status(connection, [row["id"]], "reminded", due_at)


async def _escalate(connection: AsyncConnection, rounds: list[dict[str, Any]], now: datetime,
                    settings: Settings) -> None:
    """Tell each province's officials which of its communes have not reported (one message per firing)."""
    groups: dict[tuple[int, datetime, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rounds:
        area = catalog().by_code.get(row["area_code"])
        upper = area.province_code if area is not None and not area.is_province else None
        if upper:
            groups[(row["schedule_id"], row["fired_for"], upper)].append(row)
        else:
            log.warning("no level above area %s to escalate to", row["area_code"])
    for (schedule_id, _fired_for, province), members in groups.items():
        names = "\n".join(f"• {catalog().by_code[row['area_code']].name}" for row in members)
        due = _local(min(row["due_at"] for row in members), settings)
        text, text_en = [messages.t(locale, "escalation.text", title=members[0]["title"], areas=names, due=due)
                         for locale in (VI, EN)]
        await broadcasts.create(connection, text, Audience("area_officials", province), now, kind="reminder",
                                urgent=True, created_by=f"schedule:{schedule_id}", text_en=text_en)
    await reporting.set_status(connection, [row["id"] for row in rounds], "escalated")


async def _escalate_alert(
    connection: AsyncConnection, alert: dict[str, Any], now: datetime, settings: Settings
) -> None:
    """Send an unacknowledged alert again to whoever receives it now, and up to the province when that was
    the commune itself."""
    commune = alert["commune_code"]
    audiences, _, at_commune = await alert_routing.recipients(connection, commune, settings.admin_identities, now)
    for audience in audiences:
        await send_alert(connection, alert["id"], RESENT, audience, now)
    area = catalog().by_code.get(commune)
    if area is not None and at_commune:
        await send_alert(connection, alert["id"], ESCALATED, Audience("area_officials", area.province_code), now)
    await alerts.mark_escalated(connection, alert["id"], now)


async def monitoring_slot(db: Database, slot_at: datetime, previous_slot_at: datetime, settings: Settings) -> bool:
    """Report who missed the last slot to their commune, then remind everyone monitored; False if already done."""
    key = f"monitoring:{slot_at.isoformat()}"
    async with db.engine.begin() as connection:
        done = select(BROADCAST.c.id).where(BROADCAST.c.created_by == key).limit(1)
        if (await connection.execute(done)).first() is not None:
            return False
        await monitoring.end_finished(connection, slot_at)
        missed = await monitoring.missed_since(connection, previous_slot_at)
        since = _local(previous_slot_at, settings)
        for commune, (count, shown) in missed.items():
            text, text_en = [_missed_text(shown, count, since, locale) for locale in (VI, EN)]
            await broadcasts.create(connection, text, Audience("area_officials", commune), slot_at, kind="alert",
                                    urgent=True, created_by=f"missed:{slot_at.isoformat()}", text_en=text_en)
        await broadcasts.create(connection, messages.t(VI, "monitoring.reminder"), Audience("monitoring"), slot_at,
                                kind="reminder", urgent=True, created_by=key,
                                text_en=messages.t(EN, "monitoring.reminder"))
        for row in await monitoring.active_for_others(connection):
            text, text_en = [messages.t(locale, "monitoring.reminder_for", name=row["subject_name"])
                             for locale in (VI, EN)]
            await broadcasts.create(connection, text, Audience("person", person_id=row["person_id"]), slot_at,
                                    kind="reminder", urgent=True, created_by=f"{key}:for", text_en=text_en)
    return True


def _missed_text(shown: list[dict[str, Any]], count: int, since: str, locale: str) -> str:
    """The people of one commune who missed a slot (the first ones by name, then how many more)."""
    people = [_missed_line(row, locale) for row in shown]
    if count > len(shown):
        people.append(messages.t(locale, "monitoring.more", count=str(count - len(shown))))
    return messages.t(locale, "monitoring.missed", since=since, people="\n".join(people))


def _missed_line(row: dict[str, Any], locale: str) -> str:
    """A monitored person who missed a slot, with the phone to call (the declarant's, for khai hộ)."""
    phone = phone_display(row["phone"]) if row["phone"] else "—"
    if row["declarant"] and row["declarant"] != row["full_name"]:
        return messages.t(locale, "monitoring.missed_line_for", name=row["full_name"], declarant=row["declarant"],
                          phone=phone)
    return messages.t(locale, "monitoring.missed_line", name=row["full_name"], phone=phone)
