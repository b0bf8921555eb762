"""Short, clear screens: a wrong answer repeats the short question; no "(1 đến 1)"; no doubled heading;
a publish preview says how many will receive it; fields a notice does not state are not shown."""

from __future__ import annotations

import io

from bot.channels.console.inbox import ConsoleInbox
from bot.delivery.planner import Planner
from tests.delivery.people import add_people
from tests.transcript import Chat


async def test_a_wrong_answer_at_consent_repeats_the_short_question(service) -> None:
    chat = Chat(service)
    first = await chat.send("chao")
    assert "Nghị định 13/2023" in first
    again = await chat.send("xyz")
    assert "Nghị định" not in again and len(again) < 400
    assert again.startswith("Mình chưa hiểu câu trả lời.")
    assert "Bạn có đồng ý cho chính quyền dùng thông tin khai báo" in again and "1. Tôi đồng ý" in again
    assert chat.step == "consent"


async def test_a_plain_announcement_preview_shows_no_empty_fields_and_no_range_of_one(service, clock) -> None:  # type: ignore[no-untyped-def]
    admin = Chat(service, user_id="admin")
    await admin.send("/thongbao_moi")
    preview = await admin.send("Tối nay 19h phun khử khuẩn toàn xã, bà con đóng cửa sổ.")
    assert "—" not in preview.split("Bản tóm tắt")[0] and "Loại:" not in preview and "Số:" not in preview
    assert "(Văn bản không ghi loại, số, cơ quan ban hành hay ngày.)" in preview
    clock.advance(seconds=30)  # typed after a while: an answer, not a part of a split paste
    wrong = await admin.send("xyz")
    assert "1 đến 1" not in wrong and "Hãy gõ 1 hoặc nội dung lựa chọn." in wrong
    assert "Gõ 1 (Tiếp tục) để chọn người nhận" in wrong and "Bản tóm tắt" not in wrong
    assert "Chỉ có một lựa chọn: gõ 1." in await admin.send("5")


async def test_the_preview_says_how_many_people_will_receive_it(service, database) -> None:
    await add_people(database, 3)  # consenting citizens of Xã Yên Mỹ, Hưng Yên
    await add_people(database, 2, start=10, province_code="01", commune_code="00070")
    admin = Chat(service, user_id="admin")
    await admin.say_all("/thongbao_moi", "Tối nay 19h phun khử khuẩn toàn xã.", "1", "bo qua")
    assert "Hiện có 5 người nhận (mọi người)." in await admin.send("moi nguoi")
    await admin.say_all("/huy", "/thongbao_moi", "Tối nay 19h phun khử khuẩn toàn xã.", "1", "bo qua", "4")
    assert "Hiện có 3 người nhận (người dân ở Hưng Yên)." in await admin.send("hung yen")


async def test_a_pushed_notice_has_a_single_heading(service, database, clock) -> None:
    await add_people(database, 1, channel="console", external_id="dan")
    admin = Chat(service, user_id="admin")
    await admin.say_all("/thongbao_moi", "Tối nay 19h phun khử khuẩn toàn xã.", "1", "bo qua", "moi nguoi", "co",
                        "ngay", "1")
    window = io.StringIO()
    inbox = ConsoleInbox(database, "dan", window, clock=lambda: clock.now, plan=False)
    await Planner(database, lambda: clock.now).tick()
    assert await inbox.deliver() == 1
    assert window.getvalue() == "\n── Tin mới ──\nThông báo\nTối nay 19h phun khử khuẩn toàn xã.\n\n"
