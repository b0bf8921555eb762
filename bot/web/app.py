"""The web console's routes under /web, mounted on the Starlette app that bot.serve.web builds."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot.clock import Clock, utc_now
from bot.records.verification import verify
from bot.settings import Settings
from bot.web import admin, broadcasts, cases, lists, login, overview, venues
from bot.web.console import ADMINS, HERE, OFFICIALS, STAFF, Console, Page, guarded
from storage import audit
from storage.db import Database


async def check(page: Page) -> Response:
    """Gatekeepers (and officials, admins) check a receipt by its code, as /kiemtra does."""
    presented = page.field("code") if page.form is not None else page.query("code")
    if not presented:
        return page.render("check.html", text=None)
    verdict = await verify(page.session, presented, page.now, page.settings)
    visible = page.viewer.role != "official" or page.viewer.sees(verdict.commune_code)
    await audit.record(page.session, page.now, page.actor, page.viewer.role, "verify", verdict.commune_code,
                       status=verdict.status if visible else "other_area", code=verdict.code, via="web")
    text = verdict.text(page.settings, page.locale) if visible else page.t("web.check.other_area")
    return page.render("check.html", text=text)


async def home(page: Page) -> Response:
    """Officials and admins land on the overview; gatekeepers on the receipt check."""
    if page.viewer.role == "gatekeeper":
        return await check(page)
    return await overview.show(page)


def routes(db: Database, settings: Settings, clock: Clock = utc_now) -> list[BaseRoute]:
    """Every route of the console."""
    console = Console(db, settings, clock)

    def page(path: str, handler: Any, roles: tuple[str, ...] = OFFICIALS, methods: tuple[str, ...] = ("GET",)
             ) -> Route:
        return Route(path, guarded(console, handler, roles), methods=list(methods))

    def plain(path: str, handler: Any, methods: tuple[str, ...] = ("GET",)) -> Route:
        async def endpoint(request: Any) -> Response:
            return await handler(console, request)

        return Route(path, endpoint, methods=list(methods))

    post = ("POST",)
    web = [
        page("/", home, STAFF),
        plain("/login/{token}", login.show_link),
        plain("/login", login.sign_in, post),
        page("/logout", login.sign_out, STAFF, post),
        plain("/lang/{locale}", login.choose_language),
        page("/check", check, STAFF, ("GET", "POST")),
        page("/declarations", lists.declarations),
        page("/declarations/{code}", lists.declaration),
        page("/alerts", lists.alert_list),
        page("/alerts/{alert_id:int}/ack", lists.acknowledge, OFFICIALS, post),
        page("/reports", lists.report_list),
        page("/monitoring", lists.monitoring_list),
        page("/monitoring", lists.add_monitoring, OFFICIALS, post),
        page("/monitoring/{monitoring_id:int}/end", lists.end_monitoring, OFFICIALS, post),
        page("/rounds", lists.round_list),
        page("/venues", venues.listing_page),
        page("/venues/{venue_id:int}/suspend", venues.suspend, OFFICIALS, post),
        page("/venues/{venue_id:int}/reopen", venues.reopen, OFFICIALS, post),
        page("/cases", cases.listing_page),
        page("/cases", cases.mark, OFFICIALS, post),
        page("/broadcasts", broadcasts.listing, ADMINS),
        page("/broadcasts/compose", broadcasts.compose, ADMINS, post),
        page("/broadcasts/reach", broadcasts.reach, ADMINS),
        page("/broadcasts", broadcasts.create, ADMINS, post),
        page("/broadcasts/{broadcast_id:int}", broadcasts.show, ADMINS),
        Route("/broadcasts/{broadcast_id:int}/events", broadcasts.events(console)),
        page("/broadcasts/{broadcast_id:int}/cancel", broadcasts.cancel, ADMINS, post),
        page("/admin/staff", admin.staff, ADMINS),
        page("/admin/invites", admin.invite, ADMINS, post),
        page("/admin/invites/{code}/revoke", admin.revoke_invite, ADMINS, post),
        page("/admin/staff/{person_id:int}/dismiss", admin.dismiss, ADMINS, post),
        page("/admin/outbreak", admin.outbreaks, ADMINS),
        page("/admin/outbreak", admin.add_outbreak, ADMINS, post),
        page("/admin/outbreak/{code}/end", admin.end_outbreak, ADMINS, post),
        page("/admin/schedules", admin.schedules, ADMINS),
        page("/admin/schedules", admin.add_schedule, ADMINS, post),
        page("/admin/schedules/{schedule_id:int}/stop", admin.stop_schedule, ADMINS, post),
        page("/admin/audit", admin.audit_log, ADMINS),
        page("/admin/retention", admin.retention, ADMINS),
        page("/admin/sessions", admin.sessions, ADMINS),
        page("/admin/sessions/{session_id:int}/revoke", admin.revoke_session, ADMINS, post),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    return [Mount("/web", routes=web)]


