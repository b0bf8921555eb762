"""Invites, officials' commands, alerts and community reports, checked on the server side."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from bot.jobs import reminders
from storage import officials
from storage.models import Alert, Broadcast, CommunityReport, Monitoring, Person
from tests.delivery.people import add_people
from tests.transcript import REGISTRATION, Chat


async def invite_code(service, area: str = "yen my", role: str = "1") -> str:  # type: ignore[no-untyped-def]
    admin = Chat(service, user_id="admin")
    await admin.say_all("/moi_canbo", role, area, "bo qua", "bo qua")
    created = await admin.send("1")
    return re.search(r"Mã mời: ([A-Z0-9]+)", created).group(1)  # type: ignore[union-attr]


async def redeem(chat: Chat, command: str, name: str = "Can Bo Moi") -> str:
    """Redeem an invite as someone without a profile: the command, then their name when asked."""
    assert "họ tên của anh/chị là gì?" in await chat.send(command)
    return await chat.send(name)


async def broadcasts_to(database, kind: str) -> list[Broadcast]:  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        return list((await session.execute(select(Broadcast).where(Broadcast.kind == kind))).scalars())


async def test_admin_invites_an_official_who_redeems_it_once(service, database) -> None:
    code = await invite_code(service)
    official = Chat(service, user_id="o1")
    assert "Bạn đã là cán bộ của Xã Yên Mỹ, Hưng Yên" in await redeem(official, f"/canbo {code.lower()}")
    async with database.sessions() as session:
        person = (await session.execute(select(Person).where(Person.external_id == "o1"))).scalar_one()
    assert person.role == "official" and person.area_code == "12052"
    assert "không hợp lệ" in await redeem(Chat(service, user_id="o2"), f"/canbo {code}")


async def test_telegram_deep_link_redeems_an_invite(service) -> None:
    code = await invite_code(service, role="2")
    assert "người kiểm tra mã QR của Xã Yên Mỹ" in await redeem(Chat(service, user_id="g1"), f"/start inv_{code}")


async def test_expired_revoked_and_forged_invites_are_refused(service, database, clock) -> None:
    expired = await invite_code(service)
    revoked = await invite_code(service)
    async with database.transaction() as session:
        assert await officials.revoke_invite(session, revoked, clock.now)
    clock.advance(hours=71)
    assert "không hợp lệ" in await redeem(Chat(service, user_id="x1"), f"/canbo {revoked}")
    assert "không hợp lệ" in await redeem(Chat(service, user_id="x2"), "/canbo ZZZZZZZZZZ")
    assert "không hợp lệ" in await redeem(Chat(service, user_id="x3"), "/canbo ' OR 1=1 --")
    clock.advance(hours=2)
    assert "không hợp lệ" in await redeem(Chat(service, user_id="x4"), f"/canbo {expired}")


async def test_only_admins_invite_list_and_remove(service, database) -> None:
    citizen = Chat(service, user_id="c1")
    assert "chỉ dành cho quản trị viên" in await citizen.send("/moi_canbo")
    assert "chỉ dành cho quản trị viên" in await citizen.send("/dscanbo")
    assert "chỉ dành cho quản trị viên" in await citizen.send("/xoacanbo 1")
    await redeem(Chat(service, user_id="o1"), f"/canbo {await invite_code(service)}")
    admin = Chat(service, user_id="admin")
    listing = await admin.send("/dscanbo")
    assert "cán bộ · Xã Yên Mỹ, Hưng Yên · console" in listing
    person_id = re.search(r"#(\d+)", listing).group(1)  # type: ignore[union-attr]
    assert f"Đã thu hồi quyền của #{person_id}" in await admin.send(f"/xoacanbo {person_id}")
    assert "chỉ dành cho cán bộ" in await Chat(service, user_id="o1").send("/dabaocao")


async def test_red_declaration_alerts_the_communes_officials(service, database) -> None:
    await add_people(database, 1, start=1, channel="console", role="official", area_code="12052")
    await add_people(database, 1, start=2, channel="console", role="official", area_code="00070")
    citizen = Chat(service)
    await citizen.say_all(*REGISTRATION, "1", "khong", "1", "khong", "khong", "1", "1")
    [alert] = await broadcasts_to(database, "alert")
    assert alert.audience == {"kind": "area_officials", "area_code": "12052"} and alert.urgent
    assert "Nguyen Van An" in alert.text and "0912 345 678" in alert.text and "ĐỎ" in alert.text
    assert "Tiếp xúc gần với ca bệnh xác định (F0)" in alert.text and "CCCD" not in alert.text
    alert_id = re.search(r"/tiepnhan (\d+)", alert.text).group(1)  # type: ignore[union-attr]
    other = Chat(service, user_id="10002")
    assert "Không có cảnh báo" in await other.send(f"/tiepnhan {alert_id}")
    official = Chat(service, user_id="10001")
    assert f"đã tiếp nhận cảnh báo #{alert_id}" in await official.send(f"/tiepnhan {alert_id}")
    assert "Không có cảnh báo" in await official.send(f"/tiepnhan {alert_id}")


async def test_alert_for_someone_declared_for_gives_the_declarants_phone(service, database) -> None:
    await add_people(database, 1, start=1, channel="console", role="official", area_code="12052")
    citizen = Chat(service)
    await citizen.say_all(*REGISTRATION, "2", "tran van binh", "2015", "nam", "con", "bo qua", "co",
                          "sot", "1", "khong", "khong", "1", "1")
    [alert] = await broadcasts_to(database, "alert")
    assert "Tran Van Binh" in alert.text
    assert "Điện thoại: 0912 345 678 (số của người khai hộ, Nguyen Van An)" in alert.text, alert.text


async def test_green_declaration_raises_no_alert(service, database) -> None:
    await Chat(service).say_all(*REGISTRATION, "1", "khong", "khong", "khong", "khong", "1", "1")
    assert await broadcasts_to(database, "alert") == []


async def test_unacknowledged_alert_is_resent_and_escalated_after_2_hours(service, database, settings, clock) -> None:
    await add_people(database, 1, start=1, channel="console", role="official", area_code="12052")
    await Chat(service).say_all(*REGISTRATION, "1", "khong", "1", "khong", "khong", "1", "1")
    clock.advance(hours=1, minutes=59)
    await reminders.sweep(service.db, clock.now, settings)
    assert len(await broadcasts_to(database, "alert")) == 1
    clock.advance(minutes=2)
    await reminders.sweep(service.db, clock.now, settings)
    sent = await broadcasts_to(database, "alert")
    assert [b.audience["area_code"] for b in sent] == ["12052", "12052", "33"]
    assert sent[1].text.startswith("CHƯA ĐƯỢC TIẾP NHẬN") and sent[2].text.startswith("Chuyển lên tỉnh")
    await reminders.sweep(service.db, clock.now + timedelta(hours=5), settings)
    assert len(await broadcasts_to(database, "alert")) == 3


async def test_community_report_reaches_the_commune_anonymously(service, database) -> None:
    await add_people(database, 1, start=1, channel="console", role="official", area_code="12052")
    reporter = Chat(service, user_id="r1")
    await reporter.say_all("/baocao", "nguoi tu vung dich ve", "hung yen", "yen my", "thon Dong, nha so 5",
                           "bo qua", "Co nguoi moi ve tu nuoc ngoai chua khai bao")
    review = await reporter.send("bo qua")
    assert "• Liên hệ: không có" in review
    assert "Phản ánh #1 đã được chuyển tới cán bộ Xã Yên Mỹ, Hưng Yên" in await reporter.send("1")
    [alert] = await broadcasts_to(database, "alert")
    assert "ẩn danh" in alert.text and "thon Dong, nha so 5" in alert.text
    async with database.sessions() as session:
        report = (await session.execute(select(CommunityReport))).scalar_one()
        stored = (await session.execute(select(Alert))).scalar_one()
    assert report.anonymous and report.contact is None and stored.kind == "community"


async def test_official_places_a_declarant_under_monitoring(service, database, clock) -> None:
    await add_people(database, 1, start=1, channel="console", role="official", area_code="12052")
    await add_people(database, 1, start=2, channel="console", role="official", area_code="00070")
    citizen = Chat(service)
    await citizen.say_all(*REGISTRATION, "1", "sot", "khong", "khong", "khong", "1")
    code = re.search(r"Mã khai báo: ([A-Z0-9]+)", await citizen.send("1")).group(1)  # type: ignore[union-attr]
    assert f"Không có tờ khai {code}" in await Chat(service, user_id="10002").send(f"/theodoi {code}")
    reply = await Chat(service, user_id="10001").send(f"/theodoi {code} 7")
    assert f"Đã đưa Nguyen Van An ({code}) vào diện theo dõi sức khỏe 7 ngày, đến 29/11/2026" in reply
    async with database.sessions() as session:
        watch = (await session.execute(select(Monitoring))).scalar_one()
    assert watch.commune_code == "12052" and watch.ends_at == clock.now + timedelta(days=7)
    [notice] = await broadcasts_to(database, "message")
    assert notice.audience["kind"] == "person" and "theo dõi sức khỏe 7 ngày" in notice.text
    assert "Gõ /theodoi" in await Chat(service, user_id="10001").send("/theodoi")
