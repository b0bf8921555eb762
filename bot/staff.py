"""Server-side commands for admins, officials and citizens' reports, each checking the sender's role here."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

import messages_vi
from bot import alert_routing
from bot.settings import Settings
from handlers.alert_text import ADMINS, NEW, TOLD, alert_message, sender
from handlers.area_search import area_lines
from handlers.areas import catalog
from handlers.audience import Audience
from handlers.commands import command_lines, help_role, help_text
from handlers.parsers import phone_display
from handlers.protocol import Reply, ServerCommand
from storage import alerts, audit, broadcasts, declarations, monitoring, officials, persons, reporting
from storage.declarations import find_by_code

INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
OPEN_ALERTS_SHOWN = 10


@dataclass(frozen=True)
class Caller:
    """Who sent a server command."""

    identity: tuple[str, str]
    person: dict[str, Any] | None
    is_admin: bool
    now: datetime
    settings: Settings

    @property
    def actor(self) -> str:
        """The sender as the audit log names them."""
        return ":".join(self.identity)

    @property
    def role(self) -> str:
        """admin (from the settings), else the stored role, else citizen."""
        if self.is_admin:
            return "admin"
        if self.person and self.person["active"]:
            return str(self.person["role"])
        return "citizen"

    @property
    def help_role(self) -> str:
        """The role whose commands /huongdan lists (officials split into commune and province)."""
        return help_role(self.role, self.person["area_code"] if self.person else None)

    @property
    def official_area(self) -> str | None:
        """The area of an active official, else None."""
        if self.person and self.person["role"] == "official" and self.person["active"]:
            return self.person["area_code"]
        return None


Handler = Callable[[AsyncConnection, Caller, ServerCommand], Awaitable[list[Reply]]]


def say(key: str, **params: str) -> list[Reply]:
    """One reply with a message."""
    return [Reply(messages_vi.t(key, **params))]


def covers(official_area: str, commune_code: str | None) -> bool:
    """True when an official's area (a commune, or a province) contains the commune."""
    if not commune_code:
        return False
    if len(official_area) == 5:
        return commune_code == official_area
    area = catalog().by_code.get(commune_code)
    return area is not None and area.province_code == official_area


async def create_invite(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """An admin creates a one-time invite for a role and an area."""
    if not caller.is_admin:
        return say("command.admin_only")
    data = command.data or {}
    code = "".join(secrets.choice(INVITE_ALPHABET) for _ in range(10))
    expires = caller.now + timedelta(hours=caller.settings.invite_valid_hours)
    invite_id = await officials.create_invite(connection, code, data["role"], data["area"], caller.actor,
                                              caller.now, expires, data.get("name"), data.get("phone"))
    await audit.record(connection, caller.now, caller.actor, "admin", "invite.create", data["area"],
                       invite_id=invite_id, invited_role=data["role"])
    username = caller.settings.telegram_bot_username
    link = f"https://t.me/{username}?start=inv_{code}" if username else messages_vi.t("invite.no_link")
    person = f" {messages_vi.t('invite.for_person', name=data['name'])}" if data.get("name") else ""
    return say("invite.created", role=messages_vi.t(f"role.{data['role']}"), area=catalog().label(data["area"]),
               person=person, expires=expires.astimezone(caller.settings.zone).strftime("%H:%M %d/%m/%Y"),
               code=code, link=link)


async def redeem_invite(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """Anyone with a valid code becomes an official (or gatekeeper) of the invite's area."""
    code = command.argument.strip().upper()
    if not code:
        return say("invite.missing_code")
    invite = await officials.find_invite(connection, code)
    usable = invite and invite["used_at"] is None and invite["revoked_at"] is None and invite["expires_at"] > caller.now
    if not invite or not usable:
        return say("invite.invalid")
    person_id = caller.person["id"] if caller.person else await persons.ensure(connection, *caller.identity, caller.now)
    if not await officials.use_invite(connection, invite["id"], person_id, caller.now):
        return say("invite.invalid")
    name = (command.data or {}).get("name") or invite["name"]
    await officials.appoint(connection, person_id, invite["role"], invite["area_code"], caller.now, name,
                            invite["phone"])
    await audit.record(connection, caller.now, caller.actor, invite["role"], "invite.redeem", invite["area_code"],
                       invite_id=invite["id"], person_id=person_id)
    role = help_role(invite["role"], invite["area_code"])
    return say("invite.redeemed", role=messages_vi.t(f"role.{invite['role']}"),
               area=catalog().label(invite["area_code"]), commands=command_lines(role))


async def show_help(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """/huongdan: exactly the commands the caller's role may use."""
    return [Reply(help_text(caller.help_role))]


async def list_staff(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """Admins see every official and gatekeeper."""
    if not caller.is_admin:
        return say("command.admin_only")
    rows = await officials.staff(connection)
    if not rows:
        return say("staff.list_empty")
    lines = [messages_vi.t("staff.list_line", id=str(row["id"]), name=row["full_name"] or row["display_name"] or "—",
                           phone=phone_display(row["phone"]) if row["phone"] else "—",
                           role=messages_vi.t(f"role.{row['role']}"), area=catalog().label(row["area_code"] or ""),
                           channel=row["channel"]) for row in rows]
    return [Reply("\n".join([messages_vi.t("staff.list_header"), *lines]))]


async def search_areas(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """/diaban TEXT: admins find area codes by name (for invites and broadcasts)."""
    if not caller.is_admin:
        return say("command.admin_only")
    if not command.argument.strip():
        return say("area_search.usage")
    return [Reply(area_lines(command.argument))]


async def remove_staff(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """Admins take an official's role away."""
    if not caller.is_admin:
        return say("command.admin_only")
    if not command.argument.strip().isdigit():
        return say("staff.need_id")
    person_id = int(command.argument.strip())
    done = await officials.dismiss(connection, person_id, caller.now)
    if done:
        await audit.record(connection, caller.now, caller.actor, "admin", "staff.remove", person_id=person_id)
    return say("staff.removed" if done else "staff.not_found", id=str(person_id))


async def confirm_report(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """An official confirms their area's open reports."""
    area = caller.official_area
    if area is None:
        return say("staff.officials_only")
    confirmed = await reporting.confirm(connection, area, caller.person["id"], caller.now)  # type: ignore[index]
    if not confirmed:
        return say("report.nothing_open", area=catalog().label(area))
    await audit.record(connection, caller.now, caller.actor, "official", "report.confirm", area,
                       rounds=[row["id"] for row in confirmed])
    titles = []
    for row in confirmed:
        schedule = await reporting.get_schedule(connection, row["schedule_id"])
        titles.append(schedule["title"] if schedule else str(row["schedule_id"]))
    return say("report.confirmed", area=catalog().label(area), titles="; ".join(dict.fromkeys(titles)))


async def open_alerts(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """/canhbao (and /tiepnhan without a number): the area's unacknowledged alerts and reports, oldest first,
    so an official who joins later sees what is still waiting."""
    area = caller.official_area
    if area is None:
        return say("staff.officials_only")
    rows, total = await alerts.unacknowledged_in(connection, area, OPEN_ALERTS_SHOWN)
    if not rows:
        return say("alert.none_open", area=catalog().label(area))
    blocks = [messages_vi.t("alert.open_heading", area=catalog().label(area), count=str(total))]
    blocks += [messages_vi.t("alert.open_item", id=str(row["id"]), text=await alerts.text_of(connection, row),
                             at=row["created_at"].astimezone(caller.settings.zone).strftime("%H:%M %d/%m/%Y"))
               for row in rows]
    if total > len(rows):
        blocks.append(messages_vi.t("alert.open_more", count=str(total - len(rows))))
    blocks.append(messages_vi.t("alert.open_footer"))
    return [Reply("\n\n".join(blocks))]


async def acknowledge_alert(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """An official of the alert's commune (or its province) acknowledges it; without a number, the list."""
    area = caller.official_area
    if area is None:
        return say("staff.officials_only")
    if not command.argument.strip():
        return await open_alerts(connection, caller, command)
    if not command.argument.strip().isdigit():
        return say("alert.need_id")
    alert_id = int(command.argument.strip())
    alert = await alerts.get(connection, alert_id)
    allowed = alert is not None and covers(area, alert["commune_code"])
    if not allowed or not await alerts.acknowledge(connection, alert_id, [alert["commune_code"]],  # type: ignore[index]
                                                   caller.person["id"], caller.now):  # type: ignore[index]
        return say("alert.not_found", id=str(alert_id))
    await audit.record(connection, caller.now, caller.actor, "official", "alert.acknowledge",
                       alert["commune_code"], alert_id=alert_id)  # type: ignore[index]
    return say("alert.acknowledged", id=str(alert_id))


async def start_monitoring(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """An official places the person of a declaration of their area under monitoring for N days."""
    area = caller.official_area
    if area is None:
        return say("staff.officials_only")
    parts = command.argument.split()
    if not parts or (len(parts) > 1 and not (parts[1].isdigit() and 1 <= int(parts[1]) <= 60)):
        return say("monitoring.usage")
    code = parts[0].upper()
    days = int(parts[1]) if len(parts) > 1 else caller.settings.monitoring_days
    declaration = await find_by_code(connection, code)
    if declaration is None or not covers(area, declaration["commune_code"]):
        return say("monitoring.not_found", code=code)
    ends = caller.now + timedelta(days=days)
    await monitoring.start(connection, {
        "person_id": declaration["person_id"], "commune_code": declaration["commune_code"],
        "declaration_code": code, "starts_at": caller.now, "ends_at": ends, "placed_by": caller.person["id"],  # type: ignore[index]
    })
    await audit.record(connection, caller.now, caller.actor, "official", "monitoring.start",
                       declaration["commune_code"], code=code, days=days)
    notice = (messages_vi.t("monitoring.citizen_notice", days=str(days)) if declaration["for_self"] else
              messages_vi.t("monitoring.citizen_notice_for", days=str(days), name=declaration["subject_name"]))
    await broadcasts.create(connection, notice, Audience("person", person_id=declaration["person_id"]), caller.now,
                            kind="message", urgent=True)
    return say("monitoring.started", name=declaration["subject_name"], code=code, days=str(days),
                until=ends.astimezone(caller.settings.zone).strftime("%d/%m/%Y"))


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
    return say("report.sent", id=str(report_id), who=who)


async def raise_alert(
    connection: AsyncConnection, kind: str, commune_code: str, now: datetime, *,
    declaration_id: int | None = None, report_id: int | None = None, admins: Iterable[tuple[str, str]] = (),
) -> tuple[int, str]:
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
        told = messages_vi.t("alert.declarant_told" if declaration["for_self"] else "alert.declarant_told_for",
                             name=declaration["subject_name"], code=declaration["code"], who=who)
        await broadcasts.create(connection, told, Audience("person", person_id=declaration["person_id"]), now,
                                kind="message", urgent=True, created_by=sender(alert_id, TOLD))
    return alert_id, who


async def send_alert(connection: AsyncConnection, alert_id: int, form: str, audience: Audience, now: datetime) -> None:
    """Queue the alert as it reads now (first sending, to the admins, resent or escalated) for an audience."""
    alert = await alerts.get(connection, alert_id)
    assert alert is not None
    text = alert_message(await alerts.text_of(connection, alert), alert_id, form)
    await broadcasts.create(connection, text, audience, now, kind="alert", urgent=True,
                            created_by=sender(alert_id, form))
