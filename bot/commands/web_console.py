"""/web and /dangxuat: a one-time link into the web console, and signing out of every browser session."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.commands.caller import Caller
from bot.commands.console_access import LOGIN_VALID, holder_of, issue_login
from handlers.protocol import Reply, ServerCommand
from storage import audit, web_sessions


async def web_link(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """Staff and admins get a 10-minute single-use link bound to their role and area."""
    holder = await holder_of(connection, caller.settings, *caller.identity)
    if holder is None:
        return caller.say("web.chat.not_staff")
    token = await issue_login(connection, holder, caller.now)
    base = caller.settings.public_base_url or f"http://localhost:{caller.settings.web_port}"
    await audit.record(connection, caller.now, caller.actor, holder["role"], "web.link", holder["area_code"])
    expires = (caller.now + LOGIN_VALID).astimezone(caller.settings.zone).strftime("%H:%M")
    return caller.say("web.chat.link", link=f"{base}/web/login/{token}", expires=expires)


async def sign_out(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """End every console session of the sender (people without a console role are told it is not theirs)."""
    count = await web_sessions.end_all_of(connection, caller.actor, caller.now)
    if not count and await holder_of(connection, caller.settings, *caller.identity) is None:
        return caller.say("web.chat.not_staff")
    await audit.record(connection, caller.now, caller.actor, caller.role, "web.logout_all", sessions=count)
    return caller.say("web.chat.signed_out", count=str(count))
