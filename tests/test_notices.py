"""Admins publish directives as notices in chat; citizens read them with /thongbao."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Broadcast, Notice
from tests.shared import shared_path
from tests.transcript import Chat


async def test_admin_publishes_a_directive_and_a_citizen_reads_it(service, database, clock) -> None:
    admin = Chat(service, user_id="admin")
    assert "Dán nội dung" in await admin.send("/thongbao_moi")
    preview = await admin.send(shared_path("seeds", "cong-van-ninh-binh-2644-2020.txt").read_text(encoding="utf-8"))
    assert "Số: 2644-CV/TU" in preview and "Tỉnh ủy Ninh Bình" in preview
    assert "Công văn 2644-CV/TU của Tỉnh ủy Ninh Bình, 29/07/2020" in preview
    assert "Thêm bản tiếng Anh" in await admin.send("1")
    assert "Gửi tới ai?" in await admin.send("bo qua")
    assert "Tỉnh/thành hoặc xã/phường" in await admin.send("4")
    assert "KHẨN" in await admin.send("hung yen")
    assert "Gửi lúc nào?" in await admin.send("khong")
    review = await admin.send("17:30")
    assert "• Đối tượng: Người dân một tỉnh hoặc xã/phường" in review and "• Địa bàn: Hưng Yên" in review
    assert "• Thời điểm gửi: 17:30 22/11/2026" in review
    assert "• Bản tiếng Anh: không có (người dùng tiếng Anh nhận bản tiếng Việt)" in review
    queued = await admin.send("1")
    assert "Đã xếp lịch gửi thông báo #1 tới người dân ở Hưng Yên lúc 17:30 22/11/2026" in queued
    async with database.sessions() as session:
        broadcast = (await session.execute(select(Broadcast))).scalar_one()
        notice = (await session.execute(select(Notice))).scalar_one()
    assert broadcast.urgent is False and broadcast.audience == {"kind": "area", "area_code": "33"}
    assert broadcast.progress_channel == "console" and broadcast.progress_chat == "admin"
    assert broadcast.text.startswith("Công văn 2644-CV/TU") and len(broadcast.text) <= 1000
    assert notice.broadcast_id == broadcast.id and notice.parsed["number"] == "2644-CV/TU"

    citizen = Chat(service, user_id="citizen")
    listing = await citizen.send("/thongbao")
    assert "1. Công văn 2644-CV/TU của Tỉnh ủy Ninh Bình, 29/07/2020 (22/11/2026)" in listing
    summary = await citizen.send("1")
    assert summary.startswith("Công văn 2644-CV/TU") and "xem toàn văn" in summary
    full = await citizen.send("xem toan van")
    assert "Kính gửi" in full and len(full) > len(summary)


async def test_short_announcement_is_published_as_is(service, database) -> None:
    admin = Chat(service, user_id="admin")
    await admin.send("/thongbao_moi")
    preview = await admin.send("Tối nay 19h phun khử khuẩn toàn xã, bà con đóng cửa sổ.")
    assert "Tối nay 19h phun khử khuẩn toàn xã" in preview
    await admin.say_all("1", "bo qua", "moi nguoi", "co", "ngay")
    assert "Đã xếp lịch gửi thông báo #1 tới mọi người" in await admin.send("gui thong bao")
    async with database.sessions() as session:
        broadcast = (await session.execute(select(Broadcast))).scalar_one()
    assert broadcast.urgent is True
    assert broadcast.text == "Thông báo\nTối nay 19h phun khử khuẩn toàn xã, bà con đóng cửa sổ."


async def test_long_text_that_is_no_directive_is_refused(service) -> None:
    admin = Chat(service, user_id="admin")
    await admin.send("/thongbao_moi")
    reply = await admin.send("lorem ipsum dolor " * 100)
    assert "Không nhận ra đây là văn bản chỉ đạo" in reply and admin.step == "text"


async def test_citizen_cannot_publish(service, database) -> None:
    citizen = Chat(service, user_id="someone")
    assert "chỉ dành cho quản trị viên" in await citizen.send("/thongbao_moi")
    async with database.sessions() as session:
        assert (await session.execute(select(Broadcast))).first() is None


async def test_no_notice_yet(service) -> None:
    assert "Chưa có thông báo nào" in await Chat(service).send("/thongbao")


async def test_time_in_the_past_is_refused(service) -> None:
    admin = Chat(service, user_id="admin")
    await admin.say_all("/thongbao_moi", "Hop khan luc 8h sang mai tai UBND xa.", "1", "bo qua", "1", "khong")
    assert "đã qua" in await admin.send("01/01/2020 08:00")


async def test_publishing_a_directive_with_duties_offers_reminder_schedules(service, database) -> None:
    from storage.models import ReportSchedule

    directive = shared_path("seeds", "tin-kon-tum-1025-2020.txt").read_text(encoding="utf-8")
    admin = Chat(service, user_id="admin")
    await admin.say_all("/thongbao_moi", directive, "1", "bo qua", "can bo", "khong")
    offer = await admin.send("ngay")
    assert "1 nhiệm vụ báo cáo định kỳ" in offer
    review = await admin.send("co")
    assert "• Tạo lịch nhắc báo cáo: Có" in review
    await admin.send("1")
    async with database.sessions() as session:
        [schedule] = (await session.execute(select(ReportSchedule))).scalars().all()
    assert (schedule.level, schedule.day_of_week, schedule.at_time) == ("commune", "*", "17:00")
    assert "báo cáo" in schedule.title
