"""The console's shared parts: templates, the per-request page, and the guard every route goes through.

The guard finds the signed-in viewer, refuses other roles with 404, checks the CSRF token of every POST and
runs the handler in one database transaction; a record outside the viewer's area raises NotFound (404).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

import messages
from bot.clock import Clock
from bot.commands.caller import Caller
from bot.settings import Settings
from bot.web.auth import COOKIE, Viewer, same_secret, viewer_of
from bot.web.figures import RecentFigures
from bot.web.formats import formats
from storage import persons
from storage.db import Database

HERE = Path(__file__).parent
LANG_COOKIE = "khaibao_lang"
OFFICIALS = ("admin", "official")
ADMINS = ("admin",)
STAFF = ("admin", "official", "gatekeeper")


class NotFound(Exception):
    """The record does not exist for this viewer (absent, or in another area): answered 404."""


def environment() -> Environment:
    """The Jinja2 environment of the console's templates (HTML autoescaped)."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["urlencode"] = urlencode
    return env


@dataclass
class Console:
    """What every page needs: the database, settings, clock and templates."""

    db: Database
    settings: Settings
    clock: Clock
    templates: Environment = field(default_factory=environment)
    figures: RecentFigures = field(init=False)

    def __post_init__(self) -> None:
        self.figures = RecentFigures(self.db, self.settings)

    def locale(self, request: Request) -> str:
        """The reader's language: their choice (cookie), else Vietnamese."""
        return messages.normal(request.cookies.get(LANG_COOKIE))

    def render(self, request: Request, template: str, status: int = 200, viewer: Viewer | None = None,
               **context: Any) -> HTMLResponse:
        """A template rendered in the reader's language."""
        locale = self.locale(request)

        def t(key: str, **params: Any) -> str:
            return messages.t(locale, key, **{k: str(v) for k, v in params.items()})

        csrf = Markup('<input type="hidden" name="csrf" value="{}">').format(viewer.csrf) if viewer else ""
        html = self.templates.get_template(template).render(
            t=t, locale=locale, viewer=viewer, request=request, fmt=formats(locale, self.settings.zone), csrf=csrf,
            **context)
        return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)

    def message(self, request: Request, key: str, status: int, viewer: Viewer | None = None) -> HTMLResponse:
        """A page with one message (refusals, expired links)."""
        return self.render(request, "message.html", status=status, viewer=viewer, message_key=key)


SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


@dataclass
class Page:
    """One request of a signed-in viewer, inside its database transaction."""

    request: Request
    console: Console
    viewer: Viewer
    session: AsyncSession
    now: datetime
    form: FormData | None = None

    @property
    def settings(self) -> Settings:
        return self.console.settings

    @property
    def locale(self) -> str:
        return self.console.locale(self.request)

    def t(self, key: str, **params: Any) -> str:
        return messages.t(self.locale, key, **{k: str(v) for k, v in params.items()})

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return self.console.render(self.request, template, status=status, viewer=self.viewer, **context)

    def field(self, name: str) -> str:
        """A submitted form field as text ('' when absent)."""
        value = self.form.get(name) if self.form is not None else None
        return value.strip() if isinstance(value, str) else ""

    def query(self, name: str) -> str:
        return self.request.query_params.get(name, "").strip()

    @property
    def actor(self) -> str:
        return self.viewer.identity

    async def caller(self) -> Caller:
        """The viewer as a server command's sender (in the page's language), to run a chat command's own code."""
        channel, _, external_id = self.actor.partition(":")
        person = await persons.find(self.session, channel, external_id)
        return Caller((channel, external_id), person, self.viewer.is_admin, self.now, self.settings, self.locale)


Handler = Callable[[Page], Awaitable[Response]]


def guarded(console: Console, handler: Handler, roles: tuple[str, ...] = STAFF) -> Callable[[Request], Any]:
    """The endpoint: a signed-in viewer of one of ``roles``, a valid CSRF token on POST, one transaction."""

    async def endpoint(request: Request) -> Response:
        now = console.clock()
        form, viewer = None, None
        if request.method == "POST":
            form = await request.form(max_files=1, max_fields=50, max_part_size=4 * 1024 * 1024)
        try:
            async with console.db.transaction() as session:
                viewer = await viewer_of(session, console.settings, request.cookies.get(COOKIE), now)
                if viewer is None:
                    return console.message(request, "web.signed_out", 401)
                if viewer.role not in roles:
                    return console.message(request, "web.not_found", 404, viewer)
                if form is not None:
                    token = form.get("csrf") or request.headers.get("x-csrf-token")
                    if not same_secret(token if isinstance(token, str) else None, viewer.csrf):
                        return console.message(request, "web.csrf_refused", 403, viewer)
                return await handler(Page(request, console, viewer, session, now, form))
        except NotFound:
            return console.message(request, "web.not_found", 404, viewer)

    return endpoint


def back(url: str, flash: str | None = None) -> RedirectResponse:
    """See-other to ``url`` (after a POST), with a message key to show there."""
    if flash:
        url += ("&" if "?" in url else "?") + urlencode({"flash": flash})
    return RedirectResponse(url, status_code=303)
