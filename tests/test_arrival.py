"""The arrival declaration as transcripts: a returning citizen typing without diacritics, a foreigner in English,
wrong answers asked again, a listed country as exposure, automatic monitoring on and off, exports and the gate."""

from __future__ import annotations

import re
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

import messages
from bot.conversation.service import ConversationService
from bot.records.exports import cells, headers
from handlers.engine import handle
from handlers.flow import Invalid, Ok
from handlers.flows import arrival
from handlers.matching import dates
from handlers.protocol import Context, Incoming
from handlers.triage import OutbreakArea
from storage import outbreak
from storage.exports import stream_declarations
from storage.models import Broadcast, Declaration, Monitoring
from tests.answer_corpus import ARRIVAL_KINDS, agrees, load, meaning
from tests.records.test_rights import staff_member
from tests.transcript import REGISTRATION, Chat

# Health answers after the address of stay: no symptom, no contact, no condition, two doses, send.
HEALTHY = ("khong", "khong", "khong", "2 mui", "1")


async def _stored(database) -> list[Declaration]:  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        return list((await session.execute(select(Declaration))).scalars())


async def _monitorings(database) -> list[Monitoring]:  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        return list((await session.execute(select(Monitoring))).scalars())


async def _list_country(database, clock, code: str) -> None:  # type: ignore[no-untyped-def]
    async with database.transaction() as session:
        await outbreak.add(session, code, clock.now.date(), clock.now, None)


async def test_returning_citizen_declares_arrival_typing_without_diacritics(service, database) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION)
    assert "Quốc tịch của bạn" in await chat.send("/nhapcanh")
    assert "CCCD (12 chữ số) thay cho hộ chiếu" in await chat.send("viet nam")
    assert "nhập cảnh ngày nào" in await chat.send("c 123 4567")
    assert "sân bay hoặc cửa khẩu" in await chat.send("hom qua")
    assert "Đã chọn: Sân bay quốc tế Tân Sơn Nhất (TP Hồ Chí Minh)" in await chat.send("sb tan son nhat")
    assert "những nước nào" in await chat.send("vn 301")
    assert "địa chỉ đã đăng ký: so 12 thon dong, Xã Yên Mỹ, Hưng Yên?" in await chat.send("nhat ban, han quoc")
    assert "triệu chứng" in await chat.send("co")
    review = await chat.say_all(*HEALTHY[:-1])
    for line in ("• Quốc tịch: Việt Nam", "• Giấy tờ: Hộ chiếu C1234567", "• Ngày nhập cảnh: 21/11/2026",
                 "• Cửa khẩu: Sân bay quốc tế Tân Sơn Nhất (TP Hồ Chí Minh)", "• Phương tiện: Chuyến bay VN301",
                 "• Các nước đã ở trong 14 ngày: Nhật Bản, Hàn Quốc"):
        assert line in review, line
    result = await chat.send("1")
    assert "Mức nguy cơ: VÀNG" in result and "Từ nước ngoài về" in result
    assert "Khai báo nhập cảnh đã ghi nhận" in result and "theo dõi y tế" not in result
    assert [reply.qr is not None for reply in chat.replies] == [False, False, True]
    [stored] = await _stored(database)
    assert stored.commune_code == "12052" and stored.risk_level == "yellow" and stored.reasons == ["abroad"]
    answers = stored.answers
    assert answers["nationality"] == "VN" and answers["paper"] == {"type": "passport", "number": "C1234567"}
    assert answers["entry_date"] == "2026-11-21" and answers["gate"] == {"id": "sgn", "name": None}
    assert answers["vehicle"] == {"kind": "flight", "number": "VN301"} and answers["visited"] == ["JP", "KR"]
    assert await _monitorings(database) == []


async def test_a_vietnamese_citizen_may_give_a_cccd_a_foreigner_may_not(service, database) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "/nhapcanh", "vn")
    reply = await chat.send("001 190 012 345")
    assert "không khớp với năm sinh, giới tính đã đăng ký" in reply and chat.step == "paper"
    assert "nhập cảnh ngày nào" in await chat.send("001090012345")
    await chat.send("/quaylai")
    await chat.send("/quaylai")
    assert "Quốc tịch" in chat.text
    assert "Số hộ chiếu của bạn? (chữ và số" in await chat.send("han quoc")
    reply = await chat.send("001090012345")
    assert "Người nước ngoài vui lòng gõ số hộ chiếu" in reply and "Số hộ chiếu của bạn?" in reply
    assert "nhập cảnh ngày nào" in await chat.send("m1234 5678")


async def test_wrong_answers_are_explained_and_asked_again(service, database) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "/nhapcanh")
    reply = await chat.send("germny")
    assert "Chưa nhận ra quốc tịch «germny». Có phải: Đức?" in reply and chat.step == "nationality"
    await chat.send("duc")
    reply = await chat.send("abc")
    assert "6–9 chữ cái và chữ số" in reply and chat.step == "paper"
    await chat.send("C01234567")
    reply = await chat.send("1/1/2025")
    assert "trong vòng 30 ngày qua" in reply and chat.step == "entry_date"
    reply = await chat.send("mai kia")
    assert "Chưa hiểu ngày nhập cảnh" in reply and chat.step == "entry_date"
    await chat.send("20/11")
    reply = await chat.send("xyz")
    assert "Chưa tìm thấy sân bay hay cửa khẩu" in reply and chat.step == "gate"
    reply = await chat.send("noi bay")
    assert "Ý bạn là nơi nào" in reply and "1. Sân bay quốc tế Nội Bài (Hà Nội)" in reply
    assert "Đã chọn: Sân bay quốc tế Nội Bài (Hà Nội)" in await chat.send("co")
    reply = await chat.send("abc")
    assert "Chưa hiểu số hiệu" in reply and chat.step == "vehicle"
    await chat.send("LH 772")
    reply = await chat.send("duc, frnace")
    assert "Chưa nhận ra nước «frnace». Có phải: Pháp?" in reply and chat.step == "visited"
    reply = await chat.send("khong")
    assert "ít nhất nước bạn khởi hành" in reply and chat.step == "visited"
    assert "địa chỉ đã đăng ký" in await chat.send("duc, phap")
    assert await _stored(database) == []


async def test_a_stay_elsewhere_goes_through_the_address_steps(service, database) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "/nhapcanh", "usa", "567812345", "hom nay", "noi bai", "VN 417", "my")
    assert "tỉnh/thành phố nào tại Việt Nam" in await chat.send("khong")
    assert "Đã chọn: Thành phố Hà Nội" in await chat.send("ha noi")
    await chat.send("hoan kiem")
    assert chat.step == "stay_street"
    assert "triệu chứng" in await chat.send("khach san Metropole, 15 Ngo Quyen")
    await chat.say_all(*HEALTHY)
    [stored] = await _stored(database)
    assert stored.province_code == "01" and stored.commune_code != "12052"
    assert stored.answers["stay_street"] == "khach san Metropole, 15 Ngo Quyen"


async def test_a_visit_to_a_listed_country_is_exposure_and_monitoring_is_off_by_default(service, database,
                                                                                     clock) -> None:
    await _list_country(database, clock, "KR")
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "/nhapcanh", "vn", "C1234567", "hom nay", "noi bai", "KE 681",
                       "qua canh han quoc, my", "co", "sot", *HEALTHY[1:-1])
    result = await chat.send("1")
    assert "Mức nguy cơ: ĐỎ" in result and "danh sách vùng dịch" in result
    [stored] = await _stored(database)
    assert stored.reasons == ["symptoms", "abroad", "listed_area"]
    assert await _monitorings(database) == []
    async with database.sessions() as session:
        alerts = list((await session.execute(select(Broadcast.text).where(Broadcast.kind == "alert"))).scalars())
    assert alerts and all("Nhập cảnh ngày 22/11/2026 qua Sân bay quốc tế Nội Bài (Hà Nội), Chuyến bay KE681; "
                          "quốc tịch: Việt Nam; 14 ngày trước đó ở: Hàn Quốc, Hoa Kỳ" in alert
                          and "C1234567" not in alert for alert in alerts), alerts


async def test_auto_monitoring_places_an_exposed_arrival_under_monitoring(database, settings, clock) -> None:
    service = ConversationService(database, settings.model_copy(update={"arrival_auto_monitoring_days": 10}),
                                  clock=clock, outbreak_ttl=0)
    await _list_country(database, clock, "KR")
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "/nhapcanh", "vn", "C1234567", "hom qua", "noi bai", "OZ 729", "han quoc",
                       "co", *HEALTHY[:-1])
    result = await chat.send("1")
    assert "Vì bạn đã ở Hàn Quốc (trong danh sách vùng dịch), bạn được đưa vào diện theo dõi y tế 10 ngày, " \
           "đến 02/12/2026" in result
    [monitored] = await _monitorings(database)
    [stored] = await _stored(database)
    assert monitored.declaration_code == stored.code and monitored.placed_by is None
    assert monitored.commune_code == "12052" and monitored.ends_at - monitored.starts_at == timedelta(days=10)
    other = Chat(service, user_id="u2")
    await other.say_all(*REGISTRATION, "/nhapcanh", "vn", "C7654321", "hom qua", "noi bai", "VN 301", "nhat",
                        "co", *HEALTHY)
    assert "theo dõi y tế" not in other.text
    assert len(await _monitorings(database)) == 1


async def test_an_unregistered_traveller_registers_then_declares_the_arrival(service) -> None:
    chat = Chat(service)
    reply = await chat.send("/nhapcanh")
    assert "trước hết, xin bạn đăng ký" in reply and "Bạn có đồng ý không?" in reply
    reply = await chat.say_all(*REGISTRATION[1:])
    assert "Đã lưu thông tin" in reply and "Quốc tịch của bạn" in reply and "Bạn khai báo cho ai" not in reply


async def test_an_english_first_command_opens_the_arrival_in_english(service) -> None:
    reply = await Chat(service).send("/arrival")
    assert "Arrival declaration: first, please register" in reply and "Do you agree?" in reply


async def test_the_arrival_is_offered_where_a_declaration_starts(service) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION)
    assert "3. Tôi vừa nhập cảnh vào Việt Nam" in chat.text
    assert "Quốc tịch của bạn" in await chat.send("vua nhap canh")
    await chat.send("/khaibao")
    await chat.send("1")
    assert "Quốc tịch của bạn" in await chat.send("3")


async def test_exports_and_the_gate_show_the_arrival(service, database, clock) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "/nhapcanh", "han quoc", "M1234 5678", "hom qua", "cua khau moc bai",
                       "xe 51G-123.45", "han quoc, campuchia", "co", *HEALTHY)
    code = re.search(r"Mã khai báo: ([A-Z0-9]+)", chat.text).group(1)  # type: ignore[union-attr]
    async with database.sessions() as session:
        [row] = [row async for row in stream_declarations(session, "33", clock.now - timedelta(days=1),
                                                          clock.now + timedelta(days=1))]
    exported = dict(zip(headers(), cells(row, ZoneInfo("Asia/Ho_Chi_Minh")), strict=True))
    assert exported["Quốc tịch"] == "Hàn Quốc" and exported["Hộ chiếu/CCCD"] == "M12345678"
    assert exported["Ngày nhập cảnh"] == "21/11/2026"
    assert exported["Cửa khẩu"] == "Cửa khẩu quốc tế Mộc Bài (Tây Ninh)"
    assert exported["Phương tiện"] == "Xe biển số 51G-123.45"
    assert exported["Các nước đã ở (14 ngày)"] == "Hàn Quốc, Campuchia"
    gate = await staff_member(service, "gate", "yen my", role="2")
    screen = await gate.send(f"/kiemtra {code}")
    assert "Nhập cảnh ngày 21/11/2026 qua Cửa khẩu quốc tế Mộc Bài (Tây Ninh); quốc tịch Hàn Quốc; " \
           "giấy tờ Hộ chiếu M1*****78" in screen
    assert "M12345678" not in screen
    assert (await gate.send("/language english")).startswith("From now on I'll answer in English.")
    english = await gate.send(f"/kiemtra {code}")
    assert "Entered on 21/11/2026 through " in english and "; document Passport M1*****78" in english
    assert "Nhập cảnh" not in english and "Hộ chiếu" not in english and "M12345678" not in english


# --- English -----------------------------------------------------------------------------------------

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def _english_context(clock_now, outbreak_list=(), days: int = 0) -> Context:  # type: ignore[no-untyped-def]
    profile = {"full_name": "John Smith", "birth_year": 1985, "birth_date": None, "gender": "male",
               "phone": "+84912345678", "province_code": "33", "commune_code": "12052", "street": "12 Nguyen Trai",
               "consent_at": clock_now.isoformat()}
    return Context(now=clock_now, zone=ZONE, secret=b"0123456789abcdef0123456789abcdef", new_code="ARRIVE01",
                   profile=profile, outbreak=tuple(outbreak_list), locale="en", arrival_monitoring_days=days)


def _talk(lines: tuple[str, ...], ctx: Context):  # type: ignore[no-untyped-def]
    state = None
    outcome = None
    for line in lines:
        outcome = handle(state, Incoming("console", "en1", text=line), ctx)
        state = outcome.state
    return outcome


def test_an_english_speaking_foreigner_gets_english_answers(clock) -> None:
    listed = [OutbreakArea("KR", clock.now.date())]
    ctx = _english_context(clock.now, listed, days=14)
    before_review = ("/arrival", "I am American", "passport no. 567 812 345", "yesterday", "Noi Bai airport",
                     "Flight KE 681", "transit in South Korea and USA", "yes", "no", "none", "none", "2")
    outcome = _talk(before_review, ctx)
    review = outcome.replies[-1].text
    for shown in ("Passport 567812345", "21/11/2026", "Nội Bài International Airport (Hà Nội)", "Flight KE681",
                  "South Korea, United States"):
        assert shown in review, shown
    done = handle(outcome.state, Incoming("console", "en1", text="1"), ctx)
    texts = [reply.text for reply in done.replies]
    assert ("Arrival declaration recorded:\nNationality: United States\nDocument: Passport 567812345\n"
            "Date of entry: 21/11/2026\nBorder gate: Nội Bài International Airport (Hà Nội)\n"
            "Flight or vehicle: Flight KE681\nCountries in the last 14 days: South Korea, United States") in texts
    assert ("As you stayed in South Korea (on the outbreak list), you are under medical monitoring for 14 days, "
            "until 06/12/2026.") in texts[-1]
    [effect] = done.effects
    assert effect.record["monitor_days"] == 14 and effect.record["listed_visits"] == ["KR"]


def test_english_hints_name_countries_in_english(clock) -> None:
    ctx = _english_context(clock.now)
    parsed = arrival.nationality("germny", {}, ctx)
    assert messages.t("en", parsed.key, **parsed.params) == (  # type: ignore[union-attr]
        "I don't recognise the nationality “germny”. Did you mean: Germany? Please type it again.")
    parsed = arrival.visited("Korea, Japn", {}, ctx)
    assert "Did you mean: Japan?" in messages.t("en", parsed.key, **parsed.params)  # type: ignore[union-attr]
    assert arrival.paper_prompt({"nationality": "GB"}, ctx)["ask"].startswith("Your passport number?")
    assert arrival.gate_text({"id": "other", "name": "Dak Per"}, "en") == "Other border gate: Dak Per"


def test_every_arrival_text_exists_in_english_with_the_same_placeholders() -> None:
    from messages_en.arrival import MESSAGES as ENGLISH
    from messages_vi.arrival import MESSAGES as VIETNAMESE

    assert ENGLISH.keys() == VIETNAMESE.keys()
    for key in VIETNAMESE:
        assert messages.placeholders("en", key) == messages.placeholders("vi", key), key
    for step in arrival.FLOW.steps:
        if step.id not in ("symptoms", "exposure", "conditions", "vaccine", "review"):
            assert step.prompt in ENGLISH and step.label in ENGLISH, step.id


# --- the corpus --------------------------------------------------------------------------------------


def test_arrival_answers_corpus_is_understood(capsys) -> None:  # type: ignore[no-untyped-def]
    rows = [row for row in load() if row.kind in ARRIVAL_KINDS]
    assert len(rows) >= 250 and {row.kind for row in rows} == set(ARRIVAL_KINDS)
    assert sum(row.expected == "refuse" for row in rows) >= 30
    wrong = [(row.kind, row.text, row.expected, got) for row in rows if not agrees(row, got := meaning(row))]
    accuracy = 1 - len(wrong) / len(rows)
    with capsys.disabled():
        print(f"\narrival corpus: {len(rows) - len(wrong)}/{len(rows)} understood ({accuracy:.1%})")
    assert accuracy >= 0.97, wrong


async def test_a_declaration_after_an_arrival_counts_the_travel_abroad(service, database, clock) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "/nhapcanh", "viet nam", "c 123 4567", "hom qua", "sb tan son nhat",
                       "vn 301", "nhat ban", "co", "sot", "khong", "khong", "2 mui")
    assert "Mức nguy cơ: ĐỎ" in await chat.send("1")
    clock.advance(minutes=10)
    # a declaration for oneself minutes later, answering "no contact, no travel": the entry still counts
    result = await chat.say_all("/khaibao", "1", "1", "khong", "khong", "khong", "khong", "2 mui", "1")
    assert "Mức nguy cơ: VÀNG" in result and "Từ nước ngoài về trong 14 ngày qua" in result
    result = await chat.say_all("/khaibao", "1", "1", "sot", "khong", "khong", "khong", "2 mui", "1")
    assert "Mức nguy cơ: ĐỎ" in result
    # for someone else the sender's own entry does not count
    result = await chat.say_all("/khaibao", "1", "2", "tran van binh", "2015", "nam", "con", "bo qua", "co",
                                "khong", "khong", "khong", "khong", "2 mui", "1")
    assert "XANH" in result, result
    clock.advance(days=15)  # 14 days after entry (entered the day before) it no longer counts
    result = await chat.say_all("/khaibao", "1", "1", "khong", "khong", "khong", "khong", "2 mui", "1")
    assert "Mức nguy cơ: XANH" in result
    assert [row.reasons for row in await _stored(database)][1:] == [["abroad"], ["symptoms", "abroad"], [], []]


@pytest.mark.parametrize("said, day", [
    ("2 days ago", "2026-11-29"), ("three days ago", "2026-11-28"), ("a week ago", "2026-11-24"),
    ("3 ngay truoc", "2026-11-28"), ("3 ngày trước ạ", "2026-11-28"), ("hai hôm trước", "2026-11-29"),
    ("cách đây 4 ngày", "2026-11-27"), ("1 tuần trước", "2026-11-24"), ("2 ngày nữa", "2026-12-03"),
    ("in 2 days", "2026-12-03"), ("nov 29", "2026-11-29"), ("29 nov", "2026-11-29"), ("November 29th", "2026-11-29"),
    ("29 tháng mười một", "2026-11-29"), ("last friday", "2026-11-27"), ("friday", "2026-11-27"),
    ("on Sunday", "2026-11-29"), ("last tuesday", "2026-11-24"), ("next monday", "2026-12-07"),
    ("thu 6 tuan truoc", "2026-11-27"), ("thứ Sáu tuần trước", "2026-11-27"), ("T6 tuần trước", "2026-11-27"),
    ("tối thứ 6", "2026-11-27"), ("chủ nhật vừa rồi", "2026-11-29"), ("thứ 2 tuần này", "2026-11-30"),
    ("thứ hai tuần sau", "2026-12-07"), ("hôm kia", "2026-11-29"), ("28/11", "2026-11-28"),
])
def test_entry_days_said_relative_to_today_or_with_a_month_name(said: str, day: str) -> None:
    today = date(2026, 12, 1)  # a Tuesday
    assert dates.parse_day(said, today, 30, 7) == Ok(day), said


@pytest.mark.parametrize("said", ["3 ngay", "40 days ago", "tuan truoc", "thu 9", "some day"])
def test_vague_or_far_days_are_refused(said: str) -> None:
    assert isinstance(dates.parse_day(said, date(2026, 12, 1), 30, 7), Invalid), said


def test_an_english_visitor_gives_the_entry_day_as_days_ago_or_a_weekday(clock) -> None:
    ctx = _english_context(clock.now)  # Sunday 22/11/2026
    for said, shown in (("2 days ago", "20/11/2026"), ("last friday", "20/11/2026"), ("nov 19", "19/11/2026")):
        outcome = _talk(("/arrival", "I am American", "passport 567 812 345", said, "Noi Bai airport"), ctx)
        assert outcome.state["answers"]["entry_date"] == date(2026, 11, int(shown[:2])).isoformat(), said


async def test_choosing_the_arrival_while_editing_a_declaration_can_be_undone(service, database) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "1", "sot", "khong", "khong", "khong", "2 mui")
    assert chat.step == "review" and "2. Sửa: Khai cho" in chat.text
    await chat.send("2")
    assert "Quốc tịch của bạn" in await chat.send("3")
    back = await chat.send("/quaylai")
    assert chat.step == "for_whom" and "Câu trả lời trước: Cho bản thân" in back, "back to the question that led there"
    review = await chat.send("1")
    assert chat.step == "review" and "• Triệu chứng: Sốt" in review and "• Vắc-xin: 2 mũi" in review
    assert "Mức nguy cơ: VÀNG" in await chat.send("1")
    assert len(await _stored(database)) == 1


async def test_back_from_the_arrival_chosen_where_a_declaration_starts(service) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION)
    await chat.send("vua nhap canh")
    assert chat.step == "nationality"
    await chat.send("han quoc")
    await chat.send("/quaylai")
    assert chat.step == "nationality", "back inside the arrival first"
    await chat.send("/quaylai")
    assert chat.step == "for_whom"
    assert "Quốc tịch của bạn" in await chat.send("3"), "and the arrival may be chosen again"
