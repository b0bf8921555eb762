"""The web console over HTTP: one-time links, signed sessions, CSRF, area scoping (404), keyset pages, exports."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import openpyxl

from bot.web.auth import COOKIE, sign, unsign
from storage import listing
from tests.web.helpers import (
    COMMUNE_A,
    COMMUNE_B,
    PROVINCE,
    app,
    client,
    declarations,
    link_for,
    signed_in,
    staff_member,
)


def test_cookie_signature_is_checked(settings) -> None:
    value = sign(settings, "token-123")
    assert unsign(settings, value) == "token-123"
    assert unsign(settings, value[:-1] + ("0" if value[-1] != "0" else "1")) is None
    assert unsign(settings, "token-123") is None
    assert unsign(settings, None) is None


async def test_link_is_single_use_and_binds_role_and_area(database, settings, clock) -> None:
    await staff_member(database, "off-a", "official", COMMUNE_A, clock.now)
    path = await link_for(database, settings, "off-a", clock.now)
    async with client(app(database, settings, clock)) as http:
        await signed_in(http, path)
        cookie = http.cookies.get(COOKIE)
        assert cookie and unsign(settings, cookie)
        again = await http.post("/web/login", data={"token": path.rsplit("/", 1)[1]})
        assert again.status_code == 410 and "đã được dùng" in again.text
        assert (await http.get(path)).status_code == 410


async def test_cookie_flags_and_expiry(database, settings, clock) -> None:
    await staff_member(database, "off-a", "official", COMMUNE_A, clock.now)
    path = await link_for(database, settings, "off-a", clock.now)
    async with client(app(database, settings, clock)) as http:
        await http.get(path)
        answer = await http.post("/web/login", data={"token": path.rsplit("/", 1)[1]})
        header = answer.headers["set-cookie"].lower()
        assert "httponly" in header and "samesite=strict" in header and "path=/web" in header
    late = await link_for(database, settings, "off-a", clock.now)
    clock.advance(minutes=11)
    async with client(app(database, settings, clock)) as http:
        assert (await http.post("/web/login", data={"token": late.rsplit("/", 1)[1]})).status_code == 410


async def test_idle_sessions_end_and_logout_ends_them(database, settings, clock) -> None:
    await staff_member(database, "off-a", "official", COMMUNE_A, clock.now)
    async with client(app(database, settings, clock)) as http:
        csrf = await signed_in(http, await link_for(database, settings, "off-a", clock.now))
        assert (await http.post("/web/logout", data={"csrf": csrf})).status_code == 200
        assert (await http.get("/web/")).status_code == 401
    async with client(app(database, settings, clock)) as http:
        await signed_in(http, await link_for(database, settings, "off-a", clock.now))
        clock.advance(minutes=settings.web_idle_minutes + 1)
        assert (await http.get("/web/")).status_code == 401


async def test_post_without_csrf_is_refused(database, settings, clock) -> None:
    await staff_member(database, "off-a", "official", COMMUNE_A, clock.now)
    await declarations(database, COMMUNE_A, 1, clock.now)
    async with client(app(database, settings, clock)) as http:
        csrf = await signed_in(http, await link_for(database, settings, "off-a", clock.now))
        refused = await http.post("/web/alerts/1/ack", data={})
        assert refused.status_code == 403
        wrong = await http.post("/web/alerts/1/ack", data={"csrf": csrf[:-2] + "xx"})
        assert wrong.status_code == 403
        done = await http.post("/web/alerts/1/ack", data={"csrf": csrf})
        assert done.status_code == 303 and "web.alert.done" in done.headers["location"]


async def test_other_areas_records_are_404(database, settings, clock) -> None:
    await staff_member(database, "off-a", "official", COMMUNE_A, clock.now)
    mine = await declarations(database, COMMUNE_A, 2, clock.now, prefix="A")
    theirs = await declarations(database, COMMUNE_B, 2, clock.now, prefix="B")
    async with client(app(database, settings, clock)) as http:
        csrf = await signed_in(http, await link_for(database, settings, "off-a", clock.now))
        assert (await http.get(f"/web/declarations/{mine[0]}")).status_code == 200
        assert (await http.get(f"/web/declarations/{theirs[0]}")).status_code == 404
        assert (await http.post("/web/alerts/2/ack", data={"csrf": csrf})).status_code == 404
        listed = (await http.get("/web/declarations")).text
        assert mine[0] in listed and theirs[0] not in listed
        assert (await http.get("/web/broadcasts")).status_code == 404
        assert (await http.get(f"/web/?area={COMMUNE_B}")).status_code == 404


async def test_citizens_get_no_link(database, settings, clock) -> None:
    from bot.commands.caller import Caller
    from bot.commands.web_console import web_link
    from handlers.protocol import ServerCommand

    async with database.transaction() as session:
        replies = await web_link(session, Caller(("console", "nobody"), None, False, clock.now, settings),  # type: ignore[arg-type]
                                 ServerCommand("web"))
    assert "chỉ dành cho cán bộ" in replies[0].text


async def test_keyset_pages_cover_every_row_once(database, settings, clock) -> None:
    codes = await declarations(database, COMMUNE_A, 120, clock.now)
    seen: list[str] = []
    after = None
    async with database.transaction() as session:
        while True:
            rows = await listing.declarations_page(session, PROVINCE, listing.DeclarationFilter(), after, 50)
            if not rows:
                break
            seen.extend(row["code"] for row in rows)
            after = listing.declaration_key(rows[-1])
    assert seen == codes  # newest first, each exactly once
    filtered = listing.DeclarationFilter(for_self=False, code=codes[3].lower())
    async with database.transaction() as session:
        rows = await listing.declarations_page(session, COMMUNE_A, filtered)
    assert [row["code"] for row in rows] == [codes[3]]


async def test_exports_write_the_filtered_rows(database, settings, clock) -> None:
    await staff_member(database, "prov", "official", PROVINCE, clock.now)
    await declarations(database, COMMUNE_A, 7, clock.now, prefix="A")
    await declarations(database, COMMUNE_B, 4, clock.now, prefix="B", level="green")
    day = (clock.now - timedelta(hours=1)).astimezone(settings.zone).date().isoformat()
    async with client(app(database, settings, clock)) as http:
        await signed_in(http, await link_for(database, settings, "prov", clock.now))
        sheet = await http.get(f"/web/declarations?level=red&start={day}&format=xlsx")
        assert sheet.status_code == 200
        book = openpyxl.load_workbook(io.BytesIO(sheet.content), read_only=True)
        rows = list(book.active.iter_rows(values_only=True))
        assert len(rows) == 1 + 7 and rows[0][0] == "Mã khai báo"
        text = (await http.get(f"/web/declarations?commune={COMMUNE_B}&format=csv")).content.decode("utf-8-sig")
        assert len(list(csv.reader(io.StringIO(text)))) == 1 + 4
        alerts_csv = (await http.get("/web/alerts?format=csv")).content.decode("utf-8-sig")
        assert len(list(csv.reader(io.StringIO(alerts_csv)))) == 1 + 2
        assert (await http.get("/web/")).status_code == 200
        for path in ("/web/alerts", "/web/reports", "/web/monitoring", "/web/rounds", "/web/check"):
            assert (await http.get(path)).status_code == 200, path


async def test_erasure_and_retention_remove_links_and_sessions(database, settings, clock) -> None:
    from sqlalchemy import func, select

    from storage import persons
    from storage.erasure import apply_retention, erase_person
    from storage.models import WebLogin, WebSession

    await staff_member(database, "off-a", "official", COMMUNE_A, clock.now)
    await staff_member(database, "off-b", "official", COMMUNE_B, clock.now)
    for who in ("off-a", "off-b"):
        async with client(app(database, settings, clock)) as http:
            await signed_in(http, await link_for(database, settings, who, clock.now))
    async with database.transaction() as session:
        await erase_person(session, await persons.find(session, "console", "off-a"), clock.now)
        left = (await session.execute(select(WebSession.identity))).scalars().all()
        assert left == ["console:off-b"]
        counts = await apply_retention(session, clock.now + timedelta(days=1))
        assert counts["web_login"] == 1 and counts["web_session"] == 1
        assert (await session.execute(select(func.count()).select_from(WebLogin))).scalar_one() == 0


async def test_admins_export_masked_names(database, settings, clock) -> None:
    await declarations(database, COMMUNE_A, 2, clock.now)
    async with client(app(database, settings, clock)) as http:
        await signed_in(http, await link_for(database, settings, "admin", clock.now))
        text = (await http.get("/web/declarations?format=csv")).content.decode("utf-8-sig")
        page = (await http.get("/web/declarations")).text
    assert "Nguyễn V** A*" in text and "Nguyễn Văn An" not in text
    assert "Nguyễn V** A*" in page and "Nguyễn Văn An" not in page
