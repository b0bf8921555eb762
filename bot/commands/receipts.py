"""Checking a receipt at a gate from chat: by its signed QR token or its declaration code."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.commands.caller import Caller, covers
from bot.records.verification import verify
from handlers.protocol import Reply, ServerCommand
from storage import audit


async def check_receipt(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """Gatekeepers and admins verify any receipt; officials those of their area. Every check is logged."""
    role = caller.role
    if role not in ("official", "gatekeeper", "admin"):
        return caller.say("verify.staff_only")
    if not command.argument.strip():
        return caller.say("verify.usage")
    verdict = await verify(connection, command.argument, caller.now, caller.settings)
    area = caller.official_area
    if role == "official" and area and verdict.commune_code and not covers(area, verdict.commune_code):
        verdict_text = caller.t("verify.other_area")
        status = "other_area"
    else:
        verdict_text, status = verdict.text(caller.settings, caller.locale), verdict.status
    await audit.record(connection, caller.now, caller.actor, role, "verify", verdict.commune_code,
                       status=status, code=verdict.code)
    return [Reply(verdict_text)]
