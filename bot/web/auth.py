"""Who is signed in: signed session cookies, CSRF tokens, and the holder's role and area.

Tokens (made and hashed by ``bot.commands.console_access``) are stored by their SHA-256 only. The cookie
carries the session token with an HMAC of it under a key derived from the settings' secret key, compared in
constant time before any lookup.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.commands.console_access import holder_of, token_hash
from bot.settings import Settings
from handlers.areas import catalog
from storage import web_sessions
from storage.upsert import Executor

COOKIE = "khaibao_web"
TOUCH_EVERY = timedelta(minutes=1)


def _signature(settings: Settings, token: str) -> str:
    key = settings.derived_secret("web-session").encode()
    return hmac.new(key, token.encode(), hashlib.sha256).hexdigest()


def sign(settings: Settings, token: str) -> str:
    """The cookie value for a session token."""
    return f"{token}.{_signature(settings, token)}"


def unsign(settings: Settings, value: str | None) -> str | None:
    """The session token of a cookie value whose signature is right, else None."""
    token, dot, signature = (value or "").rpartition(".")
    if not dot or not token:
        return None
    return token if hmac.compare_digest(signature, _signature(settings, token)) else None


def same_secret(given: str | None, expected: str) -> bool:
    """A constant-time comparison of a submitted secret (a CSRF token) with the stored one."""
    return bool(given) and hmac.compare_digest(str(given).encode(), expected.encode())


@dataclass(frozen=True)
class Viewer:
    """A signed-in browser's holder: role admin, official or gatekeeper; area None means everywhere (admins)."""

    session_id: int
    identity: str
    person_id: int | None
    role: str
    area_code: str | None
    csrf: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def sees(self, commune_code: str | None) -> bool:
        """True when the commune lies in this viewer's area."""
        if self.area_code is None:
            return True
        if not commune_code:
            return False
        if len(self.area_code) == 5:
            return commune_code == self.area_code
        area = catalog().by_code.get(commune_code)
        return area is not None and area.province_code == self.area_code


async def still_holds(executor: Executor, settings: Settings, session: dict[str, Any]) -> bool:
    """True while the session's holder keeps the role and area it was opened with."""
    channel, _, external_id = session["identity"].partition(":")
    holder = await holder_of(executor, settings, channel, external_id)
    return holder is not None and holder["role"] == session["role"] and holder["area_code"] == session["area_code"]


def _holds(settings: Settings, session: dict[str, Any]) -> bool:
    """True while the holder of a session row (with its person's current role and area) keeps them."""
    channel, _, external_id = session["identity"].partition(":")
    if session["role"] == "admin":
        return (channel, external_id) in settings.admin_identities
    return bool(session["person_active"]) and session["person_role"] == session["role"] and (
        session["person_area"] == session["area_code"])


async def viewer_of(executor: Executor, settings: Settings, cookie: str | None, now: datetime) -> Viewer | None:
    """The viewer of a request's cookie: signed, not ended, not idle, holder unchanged; the session is touched."""
    token = unsign(settings, cookie)
    if token is None:
        return None
    idle_since = now - timedelta(minutes=settings.web_idle_minutes)
    session = await web_sessions.live_session(executor, token_hash(token), idle_since)
    if session is None:
        return None
    if not _holds(settings, session):
        await web_sessions.end(executor, session["id"], now)
        return None
    if now - session["seen_at"] >= TOUCH_EVERY:
        await web_sessions.touch(executor, session["id"], now)
    return Viewer(session["id"], session["identity"], session["person_id"], session["role"], session["area_code"],
                  session["csrf"])
