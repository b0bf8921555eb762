"""Onboarding and listing staff: invites, redeeming them, the staff list, removal, area search, help by role."""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.commands.caller import Caller
from handlers.area_search import area_lines
from handlers.areas import catalog
from handlers.commands import command_lines, help_role, help_text
from handlers.parsers import phone_display
from handlers.protocol import Reply, ServerCommand
from storage import audit, officials, persons

INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"


async def create_invite(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """An admin creates a one-time invite for a role and an area."""
    if not caller.is_admin:
        return caller.say("command.admin_only")
    data = command.data or {}
    code = "".join(secrets.choice(INVITE_ALPHABET) for _ in range(10))
    expires = caller.now + timedelta(hours=caller.settings.invite_valid_hours)
    invite_id = await officials.create_invite(connection, code, data["role"], data["area"], caller.actor,
                                              caller.now, expires, data.get("name"), data.get("phone"))
    await audit.record(connection, caller.now, caller.actor, "admin", "invite.create", data["area"],
                       invite_id=invite_id, invited_role=data["role"])
    username = caller.settings.telegram_bot_username
    link = f"https://t.me/{username}?start=inv_{code}" if username else caller.t("invite.no_link")
    person = f" {caller.t('invite.for_person', name=data['name'])}" if data.get("name") else ""
    return caller.say("invite.created", role=caller.t(f"role.{data['role']}"), area=catalog().label(data["area"]),
               person=person, expires=expires.astimezone(caller.settings.zone).strftime("%H:%M %d/%m/%Y"),
               code=code, link=link)


async def redeem_invite(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """Anyone with a valid code becomes an official (or gatekeeper) of the invite's area."""
    code = command.argument.strip().upper()
    if not code:
        return caller.say("invite.missing_code")
    invite = await officials.find_invite(connection, code)
    usable = invite and invite["used_at"] is None and invite["revoked_at"] is None and invite["expires_at"] > caller.now
    if not invite or not usable:
        return caller.say("invite.invalid")
    person_id = caller.person["id"] if caller.person else await persons.ensure(connection, *caller.identity, caller.now)
    if not await officials.use_invite(connection, invite["id"], person_id, caller.now):
        return caller.say("invite.invalid")
    name = (command.data or {}).get("name") or invite["name"]
    await officials.appoint(connection, person_id, invite["role"], invite["area_code"], caller.now, name,
                            invite["phone"])
    await audit.record(connection, caller.now, caller.actor, invite["role"], "invite.redeem", invite["area_code"],
                       invite_id=invite["id"], person_id=person_id)
    role = help_role(invite["role"], invite["area_code"])
    return caller.say("invite.redeemed", role=caller.t(f"role.{invite['role']}"),
               area=catalog().label(invite["area_code"]), commands=command_lines(role, caller.locale))


async def show_help(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """/huongdan: exactly the commands the caller's role may use."""
    return [Reply(help_text(caller.help_role, caller.locale))]


async def list_staff(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """Admins see every official and gatekeeper."""
    if not caller.is_admin:
        return caller.say("command.admin_only")
    rows = await officials.staff(connection)
    if not rows:
        return caller.say("staff.list_empty")
    lines = [caller.t("staff.list_line", id=str(row["id"]), name=row["full_name"] or row["display_name"] or "—",
                           phone=phone_display(row["phone"]) if row["phone"] else "—",
                           role=caller.t(f"role.{row['role']}"), area=catalog().label(row["area_code"] or ""),
                           channel=row["channel"]) for row in rows]
    return [Reply("\n".join([caller.t("staff.list_header"), *lines]))]


async def search_areas(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """/diaban TEXT: admins find area codes by name (for invites and broadcasts)."""
    if not caller.is_admin:
        return caller.say("command.admin_only")
    if not command.argument.strip():
        return caller.say("area_search.usage")
    return [Reply(area_lines(command.argument, caller.locale))]


async def remove_staff(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """Admins take an official's role away."""
    if not caller.is_admin:
        return caller.say("command.admin_only")
    if not command.argument.strip().isdigit():
        return caller.say("staff.need_id")
    person_id = int(command.argument.strip())
    done = await officials.dismiss(connection, person_id, caller.now)
    if done:
        await audit.record(connection, caller.now, caller.actor, "admin", "staff.remove", person_id=person_id)
    return caller.say("staff.removed" if done else "staff.not_found", id=str(person_id))
