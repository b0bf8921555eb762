"""Shared set-up of the web console tests: people, declarations, a signed-in client."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from bot.commands.caller import Caller
from bot.commands.web_console import web_link
from bot.settings import Settings
from bot.web.app import routes
from handlers.protocol import ServerCommand
from storage import alerts, persons
from storage.db import Database
from storage.models import Declaration, Person

COMMUNE_A, COMMUNE_B, PROVINCE = "00097", "00004", "01"  # Hồng Hà and Ba Đình, Hà Nội


async def staff_member(db: Database, external_id: str, role: str, area: str | None, now: datetime) -> int:
    """A person of the console channel with a staff role."""
    async with db.transaction() as session:
        person_id = await persons.ensure(session, "console", external_id, now)
        await session.execute(Person.__table__.update().where(Person.__table__.c.id == person_id).values(  # type: ignore[attr-defined]
            role=role, area_code=area, full_name=f"Cán Bộ {external_id}", consent_at=now))
    return person_id


async def declarations(db: Database, commune: str, count: int, now: datetime, level: str = "red",
                       prefix: str = "A") -> list[str]:
    """``count`` declarations of one citizen of ``commune``, one minute apart; their codes."""
    table: Any = Declaration.__table__  # type: ignore[attr-defined]
    codes = []
    async with db.transaction() as session:
        person_id = await persons.ensure(session, "console", f"citizen-{commune}-{prefix}", now)
        await session.execute(Person.__table__.update().where(Person.__table__.c.id == person_id).values(  # type: ignore[attr-defined]
            full_name="Nguyễn Văn An", consent_at=now, commune_code=commune, province_code=PROVINCE))
        for index in range(count):
            code = f"{prefix}{commune[-3:]}{index:05d}"
            codes.append(code)
            result = await session.execute(table.insert().values(
                code=code, person_id=person_id, created_at=now - timedelta(minutes=index), for_self=index % 3 != 0,
                valid_until=now + timedelta(days=1), subject_name="Nguyễn Văn An", province_code=PROVINCE,
                commune_code=commune, risk_level=level, reasons=[], answers={}).returning(table.c.id))
            if index == 0:
                await alerts.create(session, "declaration", commune, now, declaration_id=result.scalar_one())
    return codes


def app(db: Database, settings: Settings, clock: Any) -> Starlette:
    return Starlette(routes=routes(db, settings, clock))


def client(application: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="http://testserver",
                             follow_redirects=False)


async def link_for(db: Database, settings: Settings, external_id: str, now: datetime) -> str:
    """The /web chat command's link for a console user (the path part)."""
    async with db.transaction() as session:
        person = await persons.find(session, "console", external_id)
        caller = Caller(("console", external_id), person, ("console", external_id) in settings.admin_identities,
                        now, settings)
        replies = await web_link(session, caller, ServerCommand("web"))  # type: ignore[arg-type]
    found = re.search(r"https?://\S+(/web/login/\S+)", replies[0].text)
    assert found, replies[0].text
    return found.group(1)


async def signed_in(http: httpx.AsyncClient, path: str) -> str:
    """Open the link, press the button; the CSRF token of the first page."""
    page = await http.get(path)
    assert page.status_code == 200, page.text
    token = path.rsplit("/", 1)[1]
    answer = await http.post("/web/login", data={"token": token})
    assert answer.status_code == 303, answer.text
    home = await http.get("/web/")
    assert home.status_code == 200, home.text
    return re.search(r'name="csrf" value="([^"]+)"', home.text).group(1)  # type: ignore[union-attr]
