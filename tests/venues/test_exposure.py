"""A confirmed case: exactly the people whose check-ins overlap the case's are told, once each, without who
the case is; the officials get the venues and counts; a declaration from the notice counts the contact."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text, update

from bot.settings import Settings, load_settings
from storage import checkins
from storage.models import Broadcast, Declaration, Exposure, ExposureCase, Person
from tests.conftest import SECRET
from tests.transcript import Chat
from tests.venues.people import (
    SELF_GREEN,
    add_official,
    exposure_notices,
    registered,
    rows,
    venue_of,
)

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
SCHOOL = ("/diadiem", "Truong THCS Yen My", "truong hoc", "hung yen", "yen my", "so 9 duong truong", "bo qua", "1")


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    """The shared test settings with the bot's Telegram name, and a 1-hour window at schools."""
    return load_settings(DATABASE_URL=db_url, KHAIBAO_SECRET_KEY=SECRET, KHAIBAO_DATA_DIR=str(tmp_path / "data"),
                         KHAIBAO_ADMINS="console:admin,telegram:1", TELEGRAM_BOT_USERNAME="khaibao_bot",
                         EXPOSURE_WINDOW_BY_KIND="school=1")


async def _person_id(database, user_id: str) -> int:  # type: ignore[no-untyped-def]
    [person] = await rows(database, Person, Person.external_id == user_id)
    return int(person["id"])  # type: ignore[arg-type]


async def _at(chat: Chat, clock, minutes_after_nine: int, code: str) -> None:  # type: ignore[no-untyped-def]
    """Check in at 09:00 + minutes (Hanoi time) on the test day."""
    start = clock.now
    clock.now = start.replace(hour=2, minute=0) + timedelta(minutes=minutes_after_nine)
    await chat.say_all(f"/checkin {code}", "1")
    clock.now = start


async def _case_declaration(case: Chat) -> str:
    """The case declares (green); its declaration code."""
    receipt = await case.say_all("/khaibao", *SELF_GREEN)
    return re.search(r"Mã khai báo: ([A-Z0-9]{8})", receipt).group(1)  # type: ignore[union-attr]


async def test_exactly_the_overlapping_people_are_told_once_and_never_who(service, database, clock) -> None:
    market = await venue_of(service)
    school = await venue_of(service, "principal", SCHOOL)
    case = await registered(service, "case", "le thi benh", "0900000001")
    near = await registered(service, "near", "pham van gan", "0900000002")
    edge = await registered(service, "edge", "do thi bien", "0900000003")
    far = await registered(service, "far", "vu van xa", "0900000004")
    elsewhere = await registered(service, "elsewhere", "hoang van khac", "0900000005")
    pupil = await registered(service, "pupil", "ngo van hoc", "0900000006")
    late_pupil = await registered(service, "late", "ly van muon", "0900000007")
    clock.advance(hours=8)  # the visits are earlier today: 09:00 to 13:00
    await _at(case, clock, 60, market)  # 10:00 at the market
    await _at(near, clock, 30, market)  # 09:30: within 2 hours
    await _at(edge, clock, 180, market)  # 12:00: exactly 2 hours after
    await _at(far, clock, 181, market)  # 12:01: outside
    await _at(elsewhere, clock, 60, school)  # same time, another venue the case never visited... yet
    await _at(case, clock, 240, school)  # 13:00 at the school (window 1 hour)
    await _at(pupil, clock, 290, school)  # 13:50: within the hour
    await _at(late_pupil, clock, 310, school)  # 14:10: outside
    await _at(near, clock, 250, school)  # near was at the school too: still told once
    code = await _case_declaration(case)
    official = await add_official(service, database)
    marked = await official.send(f"/cabenh {code}")
    assert marked == (f"Đã đánh dấu ca bệnh (tờ khai {code}), nhìn lại 14 ngày: 2 lượt check-in tại 2 địa điểm; "
                      "3 người đã có mặt cùng lúc sẽ được thông báo (không nêu danh tính ca bệnh).")
    notices = await exposure_notices(database)
    told = {row["external_id"] for row in notices}
    assert told == {"near", "edge", "pupil"}
    by_chat = {row["external_id"]: row["text"] for row in notices}
    assert by_chat["near"].startswith("⚠️ THÔNG BÁO TIẾP XÚC: Bạn đã có mặt cùng thời điểm với một ca bệnh")
    assert "• Cho Yen My (so 5 duong chinh, Xã Yên Mỹ, Hưng Yên) — khoảng 09:30 22/11/2026" in by_chat["near"]
    assert "• Truong THCS Yen My (so 9 duong truong, Xã Yên Mỹ, Hưng Yên) — khoảng 13:10" in by_chat["near"]
    assert "gõ /tiepxuc" in by_chat["pupil"]
    for notice in by_chat.values():
        assert "Le Thi Benh" not in notice and "0900000001" not in notice and "900 000 001" not in notice
        assert code not in notice
    assert all(row["status"] == "pending" and row["button"] is None for row in notices)  # console: no buttons

    again = await official.send(f"/cabenh {code}")
    assert again.startswith(f"Tờ khai {code} đã được đánh dấu là ca bệnh lúc") and "3 người" in again
    assert len(await exposure_notices(database)) == 3

    async with database.engine.connect() as connection:
        summaries = (await connection.execute(select(Broadcast.text, Broadcast.audience)
                                              .where(Broadcast.created_by == "case").order_by(Broadcast.id))).all()
    commune, province = summaries
    assert commune.audience == {"kind": "area_officials", "area_code": "12052"}
    assert commune.text.startswith("Ca bệnh đã đến các địa điểm tại Xã Yên Mỹ, Hưng Yên:")
    assert ("• Cho Yen My (so 5 duong chinh, Xã Yên Mỹ, Hưng Yên): ca bệnh có mặt lúc 10:00 22/11/2026; "
            "2 người được thông báo") in commune.text  # near and edge at the market; near and pupil at the school
    assert province.audience == {"kind": "area_officials", "area_code": "33"}
    assert province.text == "Ca bệnh mới: 2 địa điểm tại Hưng Yên liên quan, 4 người được thông báo."
    assert all("Le Thi Benh" not in text for text, _ in summaries)
    [case_row] = await rows(database, ExposureCase)
    assert (case_row["visits"], case_row["notified"], case_row["look_back_days"]) == (2, 3, 14)
    async with database.engine.connect() as connection:  # what the web console's page of an area shows
        listed = await checkins.case_venues(connection, "12052", clock.now - timedelta(days=30))
        elsewhere = await checkins.case_venues(connection, "12055", clock.now - timedelta(days=30))
    assert [(item["venue"]["name"], item["first"].astimezone(ZONE).strftime("%H:%M"), item["told"])
            for item in listed] == [("Cho Yen My", "10:00", 2), ("Truong THCS Yen My", "13:00", 2)]
    assert elsewhere == []


async def test_the_look_back_limits_the_case_visits(service, database, clock) -> None:
    market = await venue_of(service)
    case = await registered(service, "case", "le thi benh", "0900000001")
    near = await registered(service, "near", "pham van gan", "0900000002")
    await case.say_all(f"/checkin {market}", "1")
    await near.say_all(f"/checkin {market}", "1")
    clock.advance(days=5)
    code = await _case_declaration(case)
    official = await add_official(service, database)
    assert "0 người đã có mặt" in await official.send(f"/cabenh {code} 3")
    assert await exposure_notices(database) == []


async def test_a_family_member_checked_in_with_the_case_is_named_to_their_declarant(service, database, clock) -> None:
    market = await venue_of(service)
    case = await registered(service, "case", "le thi benh", "0900000001")
    son = await registered(service, "son", "nguyen van con", "0944444444")
    await son.say_all("2", "tran thi me", "1950", "nu", "me", "bo qua", "co", "khong", "khong", "khong", "khong",
                      "1", "1")
    await case.say_all(f"/checkin {market}", "1")
    await son.say_all(f"/checkin {market}", "2")
    code = await _case_declaration(case)
    await (await add_official(service, database)).send(f"/cabenh {code}")
    [notice] = await exposure_notices(database)
    assert notice["external_id"] == "son"
    assert notice["text"].startswith("⚠️ THÔNG BÁO TIẾP XÚC: Bạn và Tran Thi Me đã có mặt")


async def test_a_telegram_notice_has_a_declare_now_button_and_the_declaration_counts_the_contact(
    service, database, clock
) -> None:
    market = await venue_of(service)
    case = await registered(service, "case", "le thi benh", "0900000001")
    near = Chat(service, user_id="777", channel="telegram")
    await near.say_all("chao", "1", "pham van gan", "12/3/1990", "nam", "0900000002", "bo qua", "hung yen", "yen my",
                       "so 1", "1")
    await case.say_all(f"/checkin {market}", "1")
    await near.say_all(f"/checkin {market}", "1")
    code = await _case_declaration(case)
    official = await add_official(service, database)
    await official.send(f"/cabenh {code}")
    [notice] = await exposure_notices(database)
    assert notice["button"] == {"label": "Khai báo ngay", "url": "https://t.me/khaibao_bot?start=e_now"}

    clock.advance(hours=3)
    intro = await near.send("/start e_now")
    assert "ghi thêm việc bạn có mặt cùng nơi, cùng lúc với ca bệnh" in intro
    asked = await near.say_all("1", "1", "khong")
    assert "tiếp xúc" in asked.lower()  # the contact question is still asked: there may be other exposures
    await near.say_all("khong", "khong", "khong", "1")
    result = await near.send("1")
    assert "VÀNG" in result and "Có mặt cùng nơi, cùng lúc với ca bệnh xác định (theo thông báo tiếp xúc)" in result
    assert "F0" not in result
    person_id = await _person_id(database, "777")
    [declaration] = await rows(database, Declaration, Declaration.person_id == person_id)
    assert declaration["answers"]["exposure"] == ["same_place"]  # "none" answered, the notice's exposure added
    assert (declaration["risk_level"], declaration["reasons"]) == ("yellow", ["same_place"])
    [exposure] = await rows(database, Exposure)
    assert exposure["person_id"] == person_id and exposure["declared_at"] == clock.now

    stats = await official.send("/thongke")
    assert "Ca bệnh 30 ngày qua:" in stats
    assert "1 lượt check-in, 1 người được thông báo, 1 đã khai báo trong 24 giờ" in stats
    assert re.search(r"• Cho Yen My \(mã [A-Z0-9]{6}\): 0 0 0 0 0 0 2 — tổng 2", stats)


async def test_only_officials_of_the_declarations_area_mark_a_case(service, database) -> None:
    case = await registered(service, "case", "le thi benh", "0900000001")
    code = await _case_declaration(case)
    other = await add_official(service, database, area="12055", number=2)
    assert await other.send(f"/cabenh {code}") == f"Không tìm thấy tờ khai mã {code} trong địa bàn của bạn."
    province = await add_official(service, database, area="33", number=3)
    assert (await province.send(f"/cabenh {code} 7")).startswith(f"Đã đánh dấu ca bệnh (tờ khai {code}), nhìn lại 7")
    assert await case.send(f"/cabenh {code}") == "Chức năng này chỉ dành cho cán bộ."
    assert (await province.send("/cabenh")).startswith("Gõ /cabenh MÃ_KHAI_BÁO")
    assert (await province.send(f"/cabenh {code} 99")).startswith("Gõ /cabenh MÃ_KHAI_BÁO")
    async with database.engine.connect() as connection:
        actions = (await connection.execute(text(
            "SELECT action, area_code FROM audit_log WHERE action LIKE 'case.%'"))).all()
    assert [tuple(row) for row in actions] == [("case.mark", "12052")]


async def test_the_notices_go_out_through_the_queue_with_the_button_once_each(service, database, clock) -> None:
    from bot.delivery.planner import Planner
    from tests.delivery.test_queue import worker_for
    from tests.fakes.fake_telegram import running_fake_telegram

    market = await venue_of(service)
    case = await registered(service, "case", "le thi benh", "0900000001")
    people = [Chat(service, user_id=str(700 + number), channel="telegram") for number in range(3)]
    for number, chat in enumerate(people):
        await chat.say_all("chao", "1", f"nguoi thu {'abc'[number]}", "12/3/1990", "nam", f"090000010{number}",
                           "bo qua", "hung yen", "yen my", "so 1", "1", f"/checkin {market}", "1")
    await case.say_all(f"/checkin {market}", "1")
    code = await _case_declaration(case)
    await (await add_official(service, database)).send(f"/cabenh {code}")
    async with running_fake_telegram() as fake:
        stop, planner = asyncio.Event(), Planner(database, clock)
        task = asyncio.create_task(worker_for(database, clock, fake).run(stop))
        async with asyncio.timeout(20):
            while {row["status"] for row in await exposure_notices(database)} != {"sent"}:
                await planner.tick(report=False)
                await asyncio.sleep(0.02)
        stop.set()
        await task
    calls = fake.calls_to("sendMessage")
    assert sorted(str(call.params["chat_id"]) for call in calls) == ["700", "701", "702"]
    for call in calls:
        assert call.params["text"].startswith("⚠️ THÔNG BÁO TIẾP XÚC: Bạn đã có mặt")
        assert call.params["reply_markup"] == {
            "inline_keyboard": [[{"text": "Khai báo ngay", "url": "https://t.me/khaibao_bot?start=e_now"}]]}


async def test_someone_who_reads_english_gets_the_answer_and_the_notice_in_english(service, database) -> None:
    market = await venue_of(service)
    case = await registered(service, "case", "le thi benh", "0900000001")
    visitor = await registered(service, "visitor", "john smith", "0900000009")
    async with database.engine.begin() as connection:
        await connection.execute(update(Person).where(Person.external_id == "visitor").values(locale="en"))
    await visitor.send(f"/checkin {market}")
    assert (await visitor.send("1")).startswith("✅ Checked in at “Cho Yen My” at 09:00 22/11/2026.")
    await case.say_all(f"/checkin {market}", "1")
    await (await add_official(service, database)).send(f"/cabenh {await _case_declaration(case)}")
    [notice] = await exposure_notices(database)
    assert notice["text"].startswith(
        "⚠️ EXPOSURE NOTICE: You were at these places at the same time as a confirmed case:")
    assert "• Cho Yen My (so 5 duong chinh, Xã Yên Mỹ, Hưng Yên) — around 09:00 22/11/2026" in notice["text"]
    assert "type /exposed" in notice["text"] and "/tiepxuc" not in notice["text"]


async def _told_after_case(service, database, clock) -> tuple[Chat, Chat]:  # type: ignore[no-untyped-def]
    """A case and "near" checked in at the market together; the case is marked and near is told."""
    market = await venue_of(service)
    case = await registered(service, "case", "le thi benh", "0900000001")
    near = await registered(service, "near", "pham van gan", "0900000002")
    await case.say_all(f"/checkin {market}", "1")
    await near.say_all(f"/checkin {market}", "1")
    code = await _case_declaration(case)
    official = await add_official(service, database)
    await official.send(f"/cabenh {code}")
    assert [row["external_id"] for row in await exposure_notices(database)] == ["near"]
    return near, official


async def test_without_a_notice_tiepxuc_is_an_ordinary_declaration(service, database, clock) -> None:
    chat = await registered(service, "nobody", "pham van gan", "0900000002")
    for command in ("/tiepxuc", "/start e_now", "/start e_anything"):
        intro = await chat.send(command)
        assert "Bạn chưa nhận thông báo tiếp xúc nào gần đây, đây là tờ khai y tế thông thường." in intro
    result = await chat.say_all(*SELF_GREEN)
    assert "XANH" in result
    [declaration] = await rows(database, Declaration)
    assert (declaration["risk_level"], declaration["reasons"]) == ("green", [])


async def test_a_notice_older_than_two_weeks_no_longer_counts(service, database, clock) -> None:
    near, _ = await _told_after_case(service, database, clock)
    clock.advance(days=15)
    assert "Bạn chưa nhận thông báo tiếp xúc" in await near.send("/tiepxuc")


async def test_after_a_notice_symptoms_make_it_red_and_other_contacts_are_still_asked(service, database, clock) -> None:
    near, _ = await _told_after_case(service, database, clock)
    await near.say_all("/tiepxuc", "1", "1")
    await near.say_all("ho", "f1", "khong", "khong", "1")
    result = await near.send("1")
    assert "ĐỎ" in result
    [declaration] = await rows(database, Declaration, Declaration.subject_name == "Pham Van Gan")
    assert declaration["reasons"] == ["symptoms", "contact_suspected", "same_place"]
    assert declaration["answers"]["exposure"] == ["contact_suspected", "same_place"]


async def test_a_declaration_for_a_child_from_the_notice_does_not_give_the_child_the_parents_exposure(
    service, database, clock
) -> None:
    near, official = await _told_after_case(service, database, clock)
    await near.say_all("/tiepxuc", "1", "2", "pham van be", "2018", "nam", "con", "bo qua", "co")
    result = await near.say_all("khong", "khong", "khong", "khong", "1", "1")
    assert "XANH" in result
    [child] = await rows(database, Declaration, Declaration.subject_name == "Pham Van Be")
    assert (child["risk_level"], child["reasons"]) == ("green", [])
    [exposure] = await rows(database, Exposure)
    assert exposure["declared_at"] is None  # a declaration for someone else does not answer the notice
    assert "1 người được thông báo, 0 đã khai báo trong 24 giờ" in await official.send("/thongke")


async def test_someone_already_marked_a_case_is_not_told_of_a_later_case(service, database, clock) -> None:
    market = await venue_of(service)
    first = await registered(service, "first", "le thi benh", "0900000001")
    second = await registered(service, "second", "tran van hai", "0900000003")
    near = await registered(service, "near", "pham van gan", "0900000002")
    for chat in (first, second, near):
        await chat.say_all(f"/checkin {market}", "1")
    official = await add_official(service, database)
    first_code = await _case_declaration(first)
    await official.send(f"/cabenh {first_code}")
    assert sorted(row["external_id"] for row in await exposure_notices(database)) == ["near", "second"]
    second_code = await _case_declaration(second)
    marked = await official.send(f"/cabenh {second_code}")
    assert "1 người đã có mặt cùng lúc sẽ được thông báo" in marked  # near only: the first case is not told
    told = [row["external_id"] for row in await exposure_notices(database)]
    assert sorted(told) == ["near", "near", "second"]


async def test_my_data_includes_check_ins_venues_owned_and_exposure_notices(service, database, clock) -> None:
    near, _ = await _told_after_case(service, database, clock)
    owner = Chat(service, user_id="owner")
    owned = await owner.send("/dulieucuatoi")
    assert "Check-in: 0 lượt; địa điểm bạn đã đăng ký: 1; thông báo tiếp xúc đã nhận: 0." in owned
    assert "• Địa điểm của bạn: Cho Yen My (mã " in owned
    shown = await near.send("/dulieucuatoi")
    assert "Check-in: 1 lượt; địa điểm bạn đã đăng ký: 0; thông báo tiếp xúc đã nhận: 1." in shown
    [reply] = [reply for reply in near.replies if reply.document]
    data = json.loads(reply.document[1])  # type: ignore[index]
    [visit] = data["checkins"]
    assert visit["venue"] == "Cho Yen My" and visit["subject_name"] is None and visit["at"]
    [notice] = data["exposure_notices"]
    assert notice["venue"] == "Cho Yen My" and notice["notified_at"] and notice["declared_at"] is None
    assert data["venues"] == []
    assert "le thi benh" not in json.dumps(data).lower()  # never who the case is
