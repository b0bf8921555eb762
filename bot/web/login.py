"""Signing in by a one-time link and signing out.

Opening the link only shows a button: chat apps fetch links for their previews, so the link is spent by
the button's POST, not by the GET. The session cookie is HttpOnly, SameSite=Strict, Secure under https.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.commands.console_access import new_token, token_hash
from bot.web.auth import COOKIE, sign, still_holds
from bot.web.console import LANG_COOKIE, Console, Page
from messages import LOCALES
from storage import audit, web_sessions

LINK_SHAPE = 43  # the length of secrets.token_urlsafe(32)


def _usable(login: dict[str, Any] | None, now: datetime) -> bool:
    return login is not None and login["used_at"] is None and login["expires_at"] > now


async def show_link(console: Console, request: Request) -> Response:
    """The page behind a login link: a sign-in button while the link is usable, else why it is not."""
    token = request.path_params["token"]
    async with console.db.transaction() as session:
        login = await web_sessions.find_login(session, token_hash(token)) if len(token) == LINK_SHAPE else None
    if not _usable(login, console.clock()):
        return console.message(request, "web.link_spent" if login and login["used_at"] else "web.link_invalid", 410)
    return console.render(request, "login.html", token=token)


async def sign_in(console: Console, request: Request) -> Response:
    """Spend the link and open a session bound to the link's role and area."""
    form = await request.form(max_files=0, max_fields=5)
    token = str(form.get("token") or "")
    now = console.clock()
    async with console.db.transaction() as session:
        login = await web_sessions.use_login(session, token_hash(token), now) if len(token) == LINK_SHAPE else None
        if login is None:
            spent = await web_sessions.find_login(session, token_hash(token)) if token else None
            key = "web.link_spent" if spent and spent["used_at"] else "web.link_invalid"
            return console.message(request, key, 410)
        if not await still_holds(session, console.settings, login):
            return console.message(request, "web.link_invalid", 410)
        session_token = new_token()
        await web_sessions.open_session(session, token_hash(session_token), login, secrets.token_urlsafe(32), now,
                                        request.headers.get("user-agent"))
        await audit.record(session, now, login["identity"], login["role"], "web.login", login["area_code"])
    response = RedirectResponse("/web/", status_code=303)
    response.set_cookie(COOKIE, sign(console.settings, session_token), httponly=True, samesite="strict",
                        secure=_secure(console, request), path="/web",
                        max_age=console.settings.web_idle_minutes * 60)
    return response


def _secure(console: Console, request: Request) -> bool:
    base = console.settings.public_base_url or ""
    return request.url.scheme == "https" or base.startswith("https://")


async def sign_out(page: Page) -> Response:
    """End this session (the logout button)."""
    await web_sessions.end(page.session, page.viewer.session_id, page.now)
    await audit.record(page.session, page.now, page.actor, page.viewer.role, "web.logout", page.viewer.area_code)
    response = page.console.message(page.request, "web.signed_out_done", 200)
    response.delete_cookie(COOKIE, path="/web")
    return response


async def choose_language(console: Console, request: Request) -> Response:
    """Remember the reader's language and go back to the overview."""
    locale = request.path_params["locale"]
    response = RedirectResponse("/web/", status_code=303)
    if locale in LOCALES:
        response.set_cookie(LANG_COOKIE, locale, samesite="strict", path="/web", max_age=365 * 86400)
    return response
