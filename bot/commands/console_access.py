"""Who may open the web console from chat, and the one-time login links /web gives them.

Tokens are random; the database keeps only their SHA-256.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from bot.settings import Settings
from storage import persons, web_sessions
from storage.upsert import Executor

LOGIN_VALID = timedelta(minutes=10)
STAFF_ROLES = ("official", "gatekeeper")


def new_token() -> str:
    """A fresh random token (URL-safe, 256 bits)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What is stored of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


async def holder_of(executor: Executor, settings: Settings, channel: str, external_id: str) -> dict[str, Any] | None:
    """The role and area a chat user may open the console with now, or None (citizens, dismissed staff)."""
    person = await persons.find(executor, channel, external_id)
    identity = f"{channel}:{external_id}"
    if (channel, external_id) in settings.admin_identities:
        return {"identity": identity, "person_id": person["id"] if person else None, "role": "admin",
                "area_code": None}
    if person and person["active"] and person["role"] in STAFF_ROLES and person["area_code"]:
        return {"identity": identity, "person_id": person["id"], "role": person["role"],
                "area_code": person["area_code"]}
    return None


async def issue_login(executor: Executor, holder: dict[str, Any], now: datetime) -> str:
    """Store a 10-minute single-use link for ``holder``; the token to put in the link."""
    token = new_token()
    await web_sessions.create_login(executor, token_hash(token), holder, now, now + LOGIN_VALID)
    return token
