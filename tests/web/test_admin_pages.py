"""Admin pages over HTTP: broadcasts composed from text or a file, invites, the outbreak list, schedules, audit,
sessions; bad input answered with a message; every page in both languages."""

from __future__ import annotations

import re

from sqlalchemy import select

from storage import audit, broadcasts, officials, outbreak, reporting
from storage.models import Notice
from tests.web.helpers import COMMUNE_A, app, client, declarations, link_for, signed_in, staff_member

DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN
Số: 123/UBND-VX
Hưng Yên, ngày 20 tháng 11 năm 2026

CÔNG ĐIỆN
Về việc tăng cường phòng, chống dịch bệnh

Chủ tịch UBND tỉnh yêu cầu:
1. UBND các xã, phường tổ chức tiêm chủng đầy đủ cho trẻ em trong tháng 12.
2. Trạm y tế các xã báo cáo số ca mắc hằng ngày trước 16 giờ về Sở Y tế.
3. Người dân có triệu chứng sốt, ho, khó thở đến ngay cơ sở y tế gần nhất.

Nơi nhận:
- Như trên;
CHỦ TỊCH
"""


async def test_compose_preview_and_send(database, settings, clock) -> None:
    async with client(app(database, settings, clock)) as http:
        csrf = await signed_in(http, await link_for(database, settings, "admin", clock.now))
        empty = await http.post("/web/broadcasts/compose", data={"csrf": csrf, "text": "   "})
        assert empty.status_code == 422 and "Nội dung trống" in empty.text
        preview = await http.post("/web/broadcasts/compose", data={"csrf": csrf},
                                  files={"file": ("cong-dien.txt", DIRECTIVE.encode(), "text/plain")})
        assert preview.status_code == 200, preview.text
        assert "Nội dung người dân sẽ đọc" in preview.text and "123/UBND-VX" in preview.text
        reach = (await http.get("/web/broadcasts/reach?kind=area&area=33")).json()
        assert reach["count"] == 0 and "0 người" in reach["text"]
        assert (await http.get("/web/broadcasts/reach?kind=area&area=")).status_code == 422
        bad = await http.post("/web/broadcasts", data={"csrf": csrf, "text": DIRECTIVE, "kind": "everyone",
                                                         "when": "2020-01-01T08:00"})
        assert bad.status_code == 422 and "đã qua" in bad.text
        sent = await http.post("/web/broadcasts", data={"csrf": csrf, "text": DIRECTIVE, "kind": "citizens",
                                                          "urgent": "yes", "schedules": "yes"})
        assert sent.status_code == 303 and re.fullmatch(r"/web/broadcasts/\d+", sent.headers["location"])
        page = await http.get(sent.headers["location"])
        assert "Chờ gửi" in page.text and "Khẩn" in page.text
        cancelled = await http.post(sent.headers["location"] + "/cancel", data={"csrf": csrf})
        assert "web.broadcast.cancelled" in cancelled.headers["location"]
    async with database.transaction() as session:
        row = (await broadcasts.recent(session, 1))[0]
        assert row["status"] == "cancelled" and row["urgent"] and row["created_by"] == "console:admin"
        assert (await session.execute(select(Notice.header))).scalar_one()
        assert await reporting.schedules(session)  # the daily report duty became a reminder schedule
        actions = {entry["action"] for entry in await audit.entries(session)}
    assert {"broadcast.create", "web.broadcast.create", "broadcast.cancel", "web.login", "schedule.add"} <= actions


async def test_invites_outbreaks_schedules_and_sessions(database, settings, clock) -> None:
    official = await staff_member(database, "off-a", "official", COMMUNE_A, clock.now)
    async with client(app(database, settings, clock)) as http:
        csrf = await signed_in(http, await link_for(database, settings, "admin", clock.now))
        refused = await http.post("/web/admin/invites", data={"csrf": csrf, "role": "official", "area": "999"})
        assert "web.staff.bad_invite" in refused.headers["location"]
        made = await http.post("/web/admin/invites", data={"csrf": csrf, "role": "official", "area": COMMUNE_A,
                                                           "name": "Trần Thị Bình"})
        code = re.search(r"Mã mời: (\w+)", made.text).group(1)  # type: ignore[union-attr]
        assert (await http.post(f"/web/admin/invites/{code}/revoke", data={"csrf": csrf})).status_code == 303
        assert (await http.post("/web/admin/outbreak", data={"csrf": csrf, "area": "cn", "start": "2026-11-01"}
                                )).status_code == 303
        bad = await http.post("/web/admin/outbreak", data={"csrf": csrf, "area": "xyz", "start": "2026-11-01"})
        assert "web.outbreak.bad_area" in bad.headers["location"]
        await http.post("/web/admin/schedules", data={"csrf": csrf, "title": "Báo cáo tuần", "level": "commune",
                                                      "days": "mon", "month_days": "*", "at": "08:00", "due": "8"})
        wrong = await http.post("/web/admin/schedules", data={"csrf": csrf, "title": "x", "level": "commune",
                                                              "days": "monday", "at": "25:00", "due": "8"})
        assert "web.schedule.invalid" in wrong.headers["location"]
        await http.post(f"/web/admin/staff/{official}/dismiss", data={"csrf": csrf})
        sessions = await http.get("/web/admin/sessions")
        session_id = re.search(r"/web/admin/sessions/(\d+)/revoke", sessions.text).group(1)  # type: ignore[union-attr]
        await http.post(f"/web/admin/sessions/{session_id}/revoke", data={"csrf": csrf})
        assert (await http.get("/web/")).status_code == 401  # its own session was the one revoked
    async with database.transaction() as session:
        assert not await officials.open_invites(session, clock.now)
        assert [entry.area_code for entry in await outbreak.listed(session)] == ["CN"]
        assert [row["title"] for row in await reporting.schedules(session)] == ["Báo cáo tuần"]
        assert not await officials.staff(session)


async def test_a_dismissed_officials_session_ends(database, settings, clock) -> None:
    official = await staff_member(database, "off-a", "official", COMMUNE_A, clock.now)
    async with client(app(database, settings, clock)) as http:
        await signed_in(http, await link_for(database, settings, "off-a", clock.now))
        async with database.transaction() as session:
            await officials.dismiss(session, official, clock.now)
        assert (await http.get("/web/")).status_code == 401


async def test_every_page_reads_in_both_languages(database, settings, clock) -> None:
    await staff_member(database, "prov", "official", "01", clock.now)
    await declarations(database, COMMUNE_A, 3, clock.now)
    pages = ("/web/", "/web/declarations", "/web/alerts", "/web/reports", "/web/monitoring", "/web/rounds",
             "/web/check")
    admin_pages = ("/web/?area=01", "/web/broadcasts", "/web/admin/staff", "/web/admin/outbreak",
                   "/web/admin/schedules", "/web/admin/audit", "/web/admin/retention", "/web/admin/sessions")
    for who, paths in (("prov", pages), ("admin", pages + admin_pages)):
        async with client(app(database, settings, clock)) as http:
            await signed_in(http, await link_for(database, settings, who, clock.now))
            for locale, word in (("en", "Sign out"), ("vi", "Đăng xuất")):
                http.cookies.set("khaibao_lang", locale, path="/web")
                for path in paths:
                    answer = await http.get(path)
                    assert answer.status_code == 200 and word in answer.text, (who, locale, path)


async def test_officials_place_and_end_monitoring(database, settings, clock) -> None:
    await staff_member(database, "off-a", "official", COMMUNE_A, clock.now)
    codes = await declarations(database, COMMUNE_A, 2, clock.now)
    async with client(app(database, settings, clock)) as http:
        csrf = await signed_in(http, await link_for(database, settings, "off-a", clock.now))
        unknown = await http.post("/web/monitoring", data={"csrf": csrf, "code": "ZZZ999"})
        assert "web.monitoring.not_found" in unknown.headers["location"]
        placed = await http.post("/web/monitoring", data={"csrf": csrf, "code": codes[0].lower(), "days": "7"})
        assert "web.monitoring.started" in placed.headers["location"]
        listed = await http.get("/web/monitoring")
        assert codes[0] in listed.text
        monitoring_id = re.search(r"/web/monitoring/(\d+)/end", listed.text).group(1)  # type: ignore[union-attr]
        ended = await http.post(f"/web/monitoring/{monitoring_id}/end", data={"csrf": csrf})
        assert "web.monitoring.ended" in ended.headers["location"]
        assert codes[0] not in (await http.get("/web/monitoring")).text
