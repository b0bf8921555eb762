"""Officials' reporting and alerts: confirm reports, open and acknowledge alerts, monitoring, community reports."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncConnection

import messages
from bot.commands import alert_routing
from bot.commands.caller import Caller, covers
from handlers.alert_text import ADMINS, NEW, TOLD, alert_message, sender
from handlers.areas import catalog
from handlers.audience import Audience
from handlers.protocol import Reply, ServerCommand
from messages import EN, VI
from storage import alerts, audit, broadcasts, declarations, monitoring, reporting
from storage.declarations import find_by_code

OPEN_ALERTS_SHOWN = 10


async def confirm_report(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """An official confirms their area's open reports."""
    area = caller.official_area
    if area is None:
        return caller.say("staff.officials_only")
    confirmed = await reporting.confirm(connection, area, caller.person["id"], caller.now)  # type: ignore[index]
    if not confirmed:
        return caller.say("report.nothing_open", area=catalog().label(area))
    await audit.record(connection, caller.now, caller.actor, "official", "report.confirm", area,
                       rounds=[row["id"] for row in confirmed])
    titles = []
    for row in confirmed:
        schedule = await reporting.get_schedule(connection, row["schedule_id"])
        titles.append(schedule["title"] if schedule else str(row["schedule_id"]))
    return caller.say("report.confirmed", area=catalog().label(area), titles="; ".join(dict.fromkeys(titles)))


async def open_alerts(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """/canhbao (and /tiepnhan without a number): the area's unacknowledged alerts and reports, oldest first,
    so an official who joins later sees what is still waiting."""
    area = caller.official_area
    if area is None:
        return caller.say("staff.officials_only")
    rows, total = await alerts.unacknowledged_in(connection, area, OPEN_ALERTS_SHOWN)
    if not rows:
        return caller.say("alert.none_open", area=catalog().label(area))
    blocks = [caller.t("alert.open_heading", area=catalog().label(area), count=str(total))]
    blocks += [caller.t("alert.open_item", id=str(row["id"]), text=await alerts.text_of(connection, row, caller.locale),
                        at=row["created_at"].astimezone(caller.settings.zone).strftime("%H:%M %d/%m/%Y"))
               for row in rows]
    if total > len(rows):
        blocks.append(caller.t("alert.open_more", count=str(total - len(rows))))
    blocks.append(caller.t("alert.open_footer"))
    return [Reply("\n\n".join(blocks))]


async def acknowledge_alert(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """An official of the alert's commune (or its province) acknowledges it; without a number, the list."""
    area = caller.official_area
    if area is None:
        return caller.say("staff.officials_only")
    if not command.argument.strip():
        return await open_alerts(connection, caller, command)
    if not command.argument.strip().isdigit():
        return caller.say("alert.need_id")
    alert_id = int(command.argument.strip())
    alert = await alerts.get(connection, alert_id)
    allowed = alert is not None and covers(area, alert["commune_code"])
    if not allowed or not await alerts.acknowledge(connection, alert_id, [alert["commune_code"]],  # type: ignore[index]
                                                   caller.person["id"], caller.now):  # type: ignore[index]
        return caller.say("alert.not_found", id=str(alert_id))
    await audit.record(connection, caller.now, caller.actor, "official", "alert.acknowledge",
                       alert["commune_code"], alert_id=alert_id)  # type: ignore[index]
    return caller.say("alert.acknowledged", id=str(alert_id))


async def start_monitoring(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """An official places the person of a declaration of their area under monitoring for N days."""
    area = caller.official_area
    if area is None:
        return caller.say("staff.officials_only")
    parts = command.argument.split()
    if not parts or (len(parts) > 1 and not (parts[1].isdigit() and 1 <= int(parts[1]) <= 60)):
        return caller.say("monitoring.usage")
    code = parts[0].upper()
    days = int(parts[1]) if len(parts) > 1 else caller.settings.monitoring_days
    declaration = await find_by_code(connection, code)
    if declaration is None or not covers(area, declaration["commune_code"]):
        return caller.say("monitoring.not_found", code=code)
    ends = caller.now + timedelta(days=days)
    await monitoring.start(connection, {
        "person_id": declaration["person_id"], "commune_code": declaration["commune_code"],
        "declaration_code": code, "starts_at": caller.now, "ends_at": ends, "placed_by": caller.person["id"],  # type: ignore[index]
    })
    await audit.record(connection, caller.now, caller.actor, "official", "monitoring.start",
                       declaration["commune_code"], code=code, days=days)
    notice, notice_en = [
        messages.t(locale, "monitoring.citizen_notice", days=str(days)) if declaration["for_self"] else
        messages.t(locale, "monitoring.citizen_notice_for", days=str(days), name=declaration["subject_name"])
        for locale in (VI, EN)]
    await broadcasts.create(connection, notice, Audience("person", person_id=declaration["person_id"]), caller.now,
                            kind="message", urgent=True, text_en=notice_en)
    return caller.say("monitoring.started", name=declaration["subject_name"], code=code, days=str(days),
                until=ends.astimezone(caller.settings.zone).strftime("%d/%m/%Y"))


async def monitor_arrival(connection: AsyncConnection, person_id: int, record: dict[str, object],
                          now: datetime) -> None:
    """Place an arriving person who stayed in a listed country under monitoring, as the arrival setting asks
    (the engine put the number of days in the record; the citizen was told in the receipt)."""
    days = int(record["monitor_days"])  # type: ignore[call-overload]
    commune = record["commune_code"]
    await monitoring.start(connection, {
        "person_id": person_id, "commune_code": commune, "declaration_code": record["code"], "starts_at": now,
        "ends_at": now + timedelta(days=days), "placed_by": None,
    })
    await audit.record(connection, now, "arrival", "system", "monitoring.start", str(commune), code=record["code"],
                       days=days)


async def community_report(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """Store a citizen's report and alert the commune's officials (without the reporter's name)."""
    data = dict(command.data or {})
    person_id = caller.person["id"] if caller.person else None
    report_id = await alerts.add_community_report(connection, {
        "reporter_id": person_id, "anonymous": not data.get("contact"), "kind": data["kind"],
        "commune_code": data["commune"], "place": data["place"], "who": data.get("who"), "seen": data["seen"],
        "contact": data.get("contact"),
    }, caller.now)
    _, who = await raise_alert(connection, "community", data["commune"], caller.now, report_id=report_id,
                               admins=caller.settings.admin_identities)
    return caller.say("report.sent", id=str(report_id), who=alert_routing.who_text(who, caller.locale))


async def raise_alert(
    connection: AsyncConnection, kind: str, commune_code: str, now: datetime, *,
    declaration_id: int | None = None, report_id: int | None = None, admins: Iterable[tuple[str, str]] = (),
) -> tuple[int, alert_routing.Who]:
    """Store an alert about a declaration or a report and send it at once (urgent) to the commune's officials,
    or to whoever stands in for them (see bot.alert_routing); its id and who received it, in words."""
    alert_id = await alerts.create(connection, kind, commune_code, now, declaration_id=declaration_id,
                                   report_id=report_id)
    audiences, who, _ = await alert_routing.recipients(connection, commune_code, admins, now)
    form = ADMINS if audiences[0].kind == "person" else NEW
    for audience in audiences:
        await send_alert(connection, alert_id, form, audience, now)
    declaration = await declarations.get(connection, declaration_id) if declaration_id else None
    if declaration is not None:  # the declarant learns who was told
        told, told_en = [messages.t(
            locale, "alert.declarant_told" if declaration["for_self"] else "alert.declarant_told_for",
            name=declaration["subject_name"], code=declaration["code"], who=alert_routing.who_text(who, locale),
        ) for locale in (VI, EN)]
        await broadcasts.create(connection, told, Audience("person", person_id=declaration["person_id"]), now,
                                kind="message", urgent=True, created_by=sender(alert_id, TOLD), text_en=told_en)
    return alert_id, who


async def send_alert(connection: AsyncConnection, alert_id: int, form: str, audience: Audience, now: datetime) -> None:
    """Queue the alert as it reads now (first sending, to the admins, resent or escalated) for an audience."""
    alert = await alerts.get(connection, alert_id)
    assert alert is not None
    text, text_en = [alert_message(await alerts.text_of(connection, alert, locale), alert_id, form, locale)
                     for locale in (VI, EN)]
    await broadcasts.create(connection, text, audience, now, kind="alert", urgent=True,
                            created_by=sender(alert_id, form), text_en=text_en)
