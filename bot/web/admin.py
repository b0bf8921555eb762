"""Admin pages: officials and invites, the outbreak list, reporting schedules, the audit log, retention, sessions."""

from __future__ import annotations

import re
from datetime import date, timedelta

from starlette.responses import Response

from bot.commands.caller import Caller
from bot.commands.officials import create_invite
from bot.web.console import Page, back
from handlers import field_sizes
from handlers.areas import catalog
from handlers.matching import countries
from handlers.protocol import ServerCommand
from storage import audit, listing, officials, outbreak, reporting, web_sessions

ROLES = ("official", "gatekeeper")
_DAYS = re.compile(r"^(\*|(mon|tue|wed|thu|fri|sat|sun)(,(mon|tue|wed|thu|fri|sat|sun))*)$")
_MONTH_DAYS = re.compile(r"^(\*|([1-9]|[12]\d|3[01])(,([1-9]|[12]\d|3[01]))*)$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _caller(page: Page) -> Caller:
    channel, _, external_id = page.actor.partition(":")
    return Caller((channel, external_id), None, True, page.now, page.settings, page.locale)


def _area(code: str) -> str | None:
    """A province or commune code typed or picked by the admin, else None."""
    area = catalog().by_code.get(code.strip())
    return area.code if area and area.level in ("province", "commune") else None


async def staff(page: Page) -> Response:
    """Officials, gatekeepers and open invites, with the forms to invite and to revoke."""
    people = await officials.staff(page.session)
    invites = await officials.open_invites(page.session, page.now)
    return page.render("staff.html", people=people, invites=invites, roles=ROLES, created=page.query("created"))


async def invite(page: Page) -> Response:
    """Create an invite (as /moi_canbo does) and show its code and link."""
    role, area = page.field("role"), _area(page.field("area"))
    name = page.field("name")[: field_sizes.NAME] or None
    phone = page.field("phone")[: field_sizes.PHONE] or None
    if role not in ROLES or area is None:
        return back("/web/admin/staff", "web.staff.bad_invite")
    replies = await create_invite(page.session, _caller(page),  # type: ignore[arg-type]
                                  ServerCommand("moi_canbo", data={"role": role, "area": area, "name": name,
                                                                   "phone": phone}))
    people = await officials.staff(page.session)
    invites = await officials.open_invites(page.session, page.now)
    return page.render("staff.html", people=people, invites=invites, roles=ROLES, created=replies[0].text)


async def revoke_invite(page: Page) -> Response:
    code = page.request.path_params["code"]
    if await officials.revoke_invite(page.session, code, page.now):
        await audit.record(page.session, page.now, page.actor, "admin", "invite.revoke", code=code, via="web")
        return back("/web/admin/staff", "web.staff.invite_revoked")
    return back("/web/admin/staff", "web.staff.invite_gone")


async def dismiss(page: Page) -> Response:
    person_id = int(page.request.path_params["person_id"])
    if await officials.dismiss(page.session, person_id, page.now):
        await audit.record(page.session, page.now, page.actor, "admin", "staff.remove", person_id=person_id,
                           via="web")
        return back("/web/admin/staff", "web.staff.dismissed")
    return back("/web/admin/staff", "web.staff.not_found")


async def outbreaks(page: Page) -> Response:
    """The outbreak list, with the form to add an area (a commune, province or country) from a start date."""
    rows = await outbreak.listed(page.session)
    choices = sorted(((code, countries.country_name(code)) for code in countries.codes()), key=lambda item: item[1])
    return page.render("outbreak.html", rows=rows, countries=choices, labels={row.area_code: countries.place_label(
        row.area_code) for row in rows}, today=page.now.astimezone(
        page.settings.zone).date().isoformat())


async def add_outbreak(page: Page) -> Response:
    typed = page.field("area")
    code = typed.upper() if countries.is_country(typed.upper()) else typed
    try:
        started = date.fromisoformat(page.field("start"))
    except ValueError:
        return back("/web/admin/outbreak", "web.outbreak.bad_date")
    if not countries.is_country(code) and _area(code) is None:
        return back("/web/admin/outbreak", "web.outbreak.bad_area")
    note = page.field("note")[: field_sizes.OUTBREAK_NOTE] or None
    await outbreak.add(page.session, code, started, page.now, note)
    await audit.record(page.session, page.now, page.actor, "admin", "outbreak.add", code if len(code) == 5 else None,
                       area=code, started_on=started.isoformat(), via="web")
    return back("/web/admin/outbreak", "web.outbreak.added")


async def end_outbreak(page: Page) -> Response:
    code = page.request.path_params["code"]
    today = page.now.astimezone(page.settings.zone).date()
    ended = await outbreak.remove(page.session, code, today)
    if ended:
        await audit.record(page.session, page.now, page.actor, "admin", "outbreak.remove", area=code, via="web")
    return back("/web/admin/outbreak", "web.outbreak.ended" if ended else "web.outbreak.gone")


async def schedules(page: Page) -> Response:
    """Reporting schedules, active and stopped, with the form to add one."""
    rows = await reporting.schedules(page.session, active_only=False)
    return page.render("schedules.html", rows=rows)


async def add_schedule(page: Page) -> Response:
    level = page.field("level")
    area = _area(page.field("area")) if page.field("area") else None
    days, month_days = page.field("days").lower() or "*", page.field("month_days") or "*"
    at, title = page.field("at"), page.field("title")[: field_sizes.SCHEDULE_TITLE]
    try:
        due = float(page.field("due").replace(",", "."))
    except ValueError:
        due = 0.0
    valid = (level in ("commune", "province") and _DAYS.match(days) and _MONTH_DAYS.match(month_days)
             and _TIME.match(at) and 0.5 <= due <= 168 and title and (not page.field("area") or area))
    if not valid:
        return back("/web/admin/schedules", "web.schedule.invalid")
    schedule_id = await reporting.add_schedule(page.session, {
        "level": level, "area_code": area, "day_of_week": days, "day_of_month": month_days, "at_time": at,
        "due_hours": due, "title": title, "source": None, "created_by": page.actor}, page.now)
    await audit.record(page.session, page.now, page.actor, "admin", "schedule.add", area, schedules=[schedule_id],
                       via="web")
    return back("/web/admin/schedules", "web.schedule.added")


async def stop_schedule(page: Page) -> Response:
    schedule_id = int(page.request.path_params["schedule_id"])
    if await reporting.deactivate_schedule(page.session, schedule_id):
        await audit.record(page.session, page.now, page.actor, "admin", "schedule.stop", schedule_id=schedule_id,
                           via="web")
    return back("/web/admin/schedules", "web.schedule.stopped")


async def audit_log(page: Page) -> Response:
    """The audit log, newest first, filtered by action, area and actor."""
    action, area, actor = page.query("action"), page.query("area") or None, page.query("actor") or None
    after = int(page.query("after")) if page.query("after").isdigit() else None
    rows = await listing.audit_page(page.session, action or None, area, actor, after)
    more = rows[-1]["id"] if len(rows) == listing.PAGE else None
    query = "&".join(f"{name}={value}" for name, value in (("action", action), ("area", area or ""),
                                                           ("actor", actor or "")) if value)
    return page.render("audit.html", rows=rows, action=action, area=area or "", actor=actor or "", more=more,
                       query=query)


async def retention(page: Page) -> Response:
    """How long data is kept, and what the last retention run removed."""
    runs = await audit.entries(page.session, action="retention", limit=5)
    cutoff = page.now - timedelta(days=page.settings.retention_days)
    return page.render("retention.html", runs=runs, days=page.settings.retention_days, cutoff=cutoff)


async def sessions(page: Page) -> Response:
    """Every open console session, to revoke."""
    rows = await web_sessions.open_sessions(page.session,
                                            page.now - timedelta(minutes=page.settings.web_idle_minutes))
    return page.render("sessions.html", rows=rows)


async def revoke_session(page: Page) -> Response:
    session_id = int(page.request.path_params["session_id"])
    if await web_sessions.end(page.session, session_id, page.now):
        await audit.record(page.session, page.now, page.actor, "admin", "web.session.revoke", session_id=session_id)
    return back("/web/admin/sessions", "web.sessions.revoked")
