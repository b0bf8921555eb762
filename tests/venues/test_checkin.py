"""Venues and check-ins as people use them: register a venue, print its poster, check in by QR or code."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import timedelta
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader

from bot.settings import Settings, load_settings
from storage.models import Checkin, Venue
from tests.conftest import SECRET
from tests.transcript import Chat
from tests.venues.people import MARKET, add_official, registered, registration, rows, venue_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    """The shared test settings, with the bot's Telegram name (the poster's QR links to it)."""
    return load_settings(DATABASE_URL=db_url, KHAIBAO_SECRET_KEY=SECRET, KHAIBAO_DATA_DIR=str(tmp_path / "data"),
                         KHAIBAO_ADMINS="console:admin,telegram:1", TELEGRAM_BOT_USERNAME="khaibao_bot")


def _scan_pdf(pdf: bytes) -> list[str]:
    """The QR codes zbar finds on the PDF's first page rendered at 150 dpi."""
    found = subprocess.run([str(ROOT / "scripts" / "test-zbar.sh")], capture_output=True, text=True, check=False)
    if found.returncode != 0:
        raise RuntimeError(f"could not install zbar for the tests:\n{found.stderr}")
    from pyzbar.pyzbar import decode

    image = pypdfium2.PdfDocument(pdf)[0].render(scale=150 / 72).to_pil()
    return [symbol.data.decode() for symbol in decode(image)]


async def test_an_owner_registers_a_venue_and_its_poster_opens_it(service, database) -> None:
    owner = await registered(service, "owner", "tran van chu", "0987654321")
    assert "Tên địa điểm của bạn là gì?" in await owner.send("/diadiem")
    assert "Đây là loại địa điểm nào?" in await owner.send("Cho Yen My")
    await owner.say_all("cho", "hung yen", "yen my", "so 5 duong chinh")
    review = await owner.send("6h-18h hang ngay")
    assert "• Tên địa điểm: Cho Yen My" in review and "• Loại địa điểm: Chợ" in review
    assert "• Xã/phường: Xã Yên Mỹ, Hưng Yên" in review and "• Giờ mở cửa: 6h-18h hang ngay" in review
    saved = await owner.send("1")
    code = re.search(r"Mã check-in: ([A-Z0-9]{6})\.", saved).group(1)  # type: ignore[union-attr]
    [reply] = owner.replies
    assert reply.document is not None and reply.document[0] == f"poster-{code}.pdf"
    pdf = reply.document[1]
    [venue] = await rows(database, Venue)
    assert (venue["name"], venue["kind"], venue["commune_code"], venue["code"]) == ("Cho Yen My", "market", "12052",
                                                                                    code)
    assert _scan_pdf(pdf) == [f"https://t.me/khaibao_bot?start=l_{venue['token']}"]
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    text = page.extract_text()
    assert "QUÉT MÃ QR ĐỂ CHECK-IN Y TẾ" in text and "SCAN THE QR CODE TO CHECK IN" in text
    assert "Cho Yen My" in text and "Xã Yên Mỹ, Hưng Yên" in text and code in text
    assert f"/checkin {code}" in text and "Dùng Zalo hoặc không quét được" in text and "On Zalo" in text
    assert "Không quét được? Gõ /checkin và mã:" in text and "Cannot scan? Type /checkin and the code:" in text
    assert [float(side) for side in page.mediabox[2:]] == pytest.approx([595.27, 841.89], abs=0.1)  # A4

    again = await owner.send(f"/inposter {code.lower()}")
    assert again.startswith("Áp phích check-in của «Cho Yen My»") and owner.replies[0].document is not None
    stranger = await registered(service, "s1", "le van la", "0911111111")
    assert "Không quét được" not in await stranger.send(f"/inposter {code}")
    assert stranger.replies[0].document is None


async def test_someone_new_scans_registers_and_comes_back_to_the_same_venue(service, database, clock) -> None:
    await venue_of(service)
    [venue] = await rows(database, Venue)
    visitor = Chat(service, user_id="v1")
    asked = await visitor.send(f"/start l_{venue['token']}")
    assert "1. Tiếng Việt\n2. English" in asked and "Cho Yen My" not in asked  # the language comes first
    first = await visitor.send("1")
    assert "Để check-in tại «Cho Yen My», bạn cần đăng ký thông tin một lần." in first
    assert "1. Tôi đồng ý" in first  # the consent question comes first
    back = await visitor.say_all(*registration("pham thi khach", "0933333333")[1:])
    assert back.startswith("Đã lưu thông tin của bạn. Tiếp theo là check-in tại «Cho Yen My».")
    assert "tờ khai y tế" not in back
    assert "Check-in tại: Cho Yen My" in back and "Địa chỉ: so 5 duong chinh, Xã Yên Mỹ, Hưng Yên" in back
    assert "Thời gian: 09:00 22/11/2026" in back and "1. Xác nhận check-in" in back
    clock.advance(minutes=1)
    assert await visitor.send("1") == "✅ Đã check-in tại «Cho Yen My» lúc 09:01 22/11/2026."
    [checkin] = await rows(database, Checkin)
    assert checkin["venue_id"] == venue["id"] and checkin["subject_name"] is None and checkin["at"] == clock.now


async def test_check_in_by_typed_code_in_any_case_and_with_the_family(service, database) -> None:
    code = await venue_of(service)
    son = await registered(service, "son", "nguyen van con", "0944444444")
    await son.say_all("2", "tran thi me", "1950", "nu", "me", "bo qua", "co", "khong", "khong", "khong", "khong",
                      "1", "1")
    offer = await son.send(f"/checkin {code[:3].lower()}-{code[3:].lower()}")
    assert "1. Xác nhận check-in\n2. Check-in cho tôi và Tran Thi Me\n3. Không check-in" in offer
    done = await son.send("2")
    assert done == "✅ Đã check-in 2 người (bạn và Tran Thi Me) tại «Cho Yen My» lúc 09:00 22/11/2026."
    assert [row["subject_name"] for row in await rows(database, Checkin)] == [None, "Tran Thi Me"]
    assert await son.send(f"/checkin {code}") and await son.send("3") == "Đã bỏ qua, bạn chưa check-in."
    assert len(await rows(database, Checkin)) == 2


async def test_unknown_codes_get_a_hint_and_a_bare_command_asks_the_code(service) -> None:
    code = await venue_of(service)
    citizen = await registered(service, "c1", "le van la", "0911111111")
    assert (await citizen.send("/checkin")).startswith("Gõ mã check-in in trên áp phích")
    wrong = await citizen.send("ZZZZZZ")
    assert wrong.startswith("Không tìm thấy địa điểm có mã này.") and "Gõ mã check-in" in wrong
    assert "Check-in tại: Cho Yen My" in await citizen.send(f" {code.lower()} ")
    assert (await citizen.send("1")).startswith("✅ Đã check-in tại «Cho Yen My»")
    newcomer = Chat(service, user_id="new")
    assert "2. English" in await newcomer.send("/checkin")
    assert "Gõ /checkin MÃ" in await newcomer.send("tieng viet")
    assert (await citizen.send("/checkin ZZZZZZ")).startswith("Không tìm thấy địa điểm có mã này.")
    assert (await citizen.send("/checkin 12")).startswith("Không tìm thấy địa điểm có mã này.")
    assert (await citizen.send("/start l_notavenuetoken")).startswith("Không tìm thấy địa điểm có mã này.")


async def test_a_broken_link_or_code_waits_for_the_code_and_nothing_else_is_shown(service) -> None:
    code = await venue_of(service)
    citizen = await registered(service, "c1", "le van la", "0911111111")  # now asked about a declaration
    for wrong in ("/start l_garbage", "/start l_notavenuetoken", "/checkin ZZZZZZ"):
        answer = await citizen.send(wrong)
        assert answer.startswith("Không tìm thấy địa điểm có mã này. Vui lòng kiểm tra mã trên áp phích và gõ lại.")
        assert "Gõ mã check-in in trên áp phích" in answer and "Bạn khai báo cho ai?" not in answer
    assert "Check-in tại: Cho Yen My" in await citizen.send(code)
    done = await citizen.send("1")
    assert done.startswith("✅ Đã check-in tại «Cho Yen My»") and "Bạn khai báo cho ai?" in done  # back to it
    newcomer = Chat(service, user_id="n1")
    await newcomer.send("chao")
    refused = await newcomer.send("/start l_garbage")
    assert refused.startswith("Không tìm thấy địa điểm có mã này. Hãy đăng ký thông tin trước")
    assert "gõ lại" not in refused and "Bạn khai báo cho ai?" not in refused
    stranger = Chat(service, user_id="n2")
    await stranger.send("/checkin ZZZZZZ")
    registering = await stranger.send("tieng viet")
    assert "Hãy đăng ký thông tin trước" in registering and "1. Tôi đồng ý" in registering


async def test_a_check_in_in_the_middle_of_a_declaration_goes_back_to_its_question(service, database) -> None:
    code = await venue_of(service)
    citizen = await registered(service, "c1", "le van la", "0911111111")
    asked = await citizen.say_all("1", "ho")  # for oneself, a cough: now the contacts
    offer = await citizen.send(f"/checkin {code}")
    assert "Check-in tại: Cho Yen My" in offer
    back = await citizen.send("1")
    assert back.startswith("✅ Đã check-in tại «Cho Yen My»")
    assert back.endswith(asked.split("\n\n")[-1])  # the contact question again, with the answers kept
    await citizen.say_all("/checkin", code)
    assert (await citizen.send("/huy")).startswith("Đã bỏ qua, bạn chưa check-in.")
    await citizen.say_all("/checkin", code, "2")
    review = await citizen.say_all("khong", "khong", "khong", "1")
    assert "• Triệu chứng: Ho" in review
    assert "VÀNG" in await citizen.send("1")
    assert len(await rows(database, Checkin)) == 1


async def test_a_foreigner_scanning_the_poster_is_asked_the_language_and_checks_in_in_english(
    service, database
) -> None:
    code = await venue_of(service)
    [venue] = await rows(database, Venue)
    for number, first in enumerate((f"/checkin {code.lower()}", f"/start l_{venue['token']}")):
        visitor = Chat(service, user_id=f"f{number}")
        asked = await visitor.send(first)
        assert "Would you like Vietnamese or English?\n1. Tiếng Việt\n2. English" in asked
        assert "Cho Yen My" not in asked
        chosen = await visitor.send("English")
        assert chosen.startswith("From now on I'll answer in English.")
        assert "To check in at “Cho Yen My” you need to register your details once." in chosen
        assert "Để" not in chosen
    stranger = Chat(service, user_id="f9")
    await stranger.send("/checkin")
    assert "Type /checkin CODE" in await stranger.send("2")
    exposed = Chat(service, user_id="f10")
    assert "2. English" in await exposed.send("/start e_now")
    assert "From now on I'll answer in English." in await exposed.send("english")
    assert await rows(database, Checkin) == []


async def test_someone_new_checking_in_in_english_registers_and_comes_back_to_the_venue(service, database) -> None:
    code = await venue_of(service)
    visitor = Chat(service, user_id="john")
    await visitor.send(f"/checkin {code}")
    await visitor.send("English")
    back = await visitor.say_all("1", "john smith", "12/3/1990", "male", "0933333333", "skip", "hung yen", "yen my",
                                 "no 12", "1")
    assert back.startswith("Your details are saved. Next comes the check-in at “Cho Yen My”.")
    assert "Check in at: Cho Yen My" in back
    assert (await visitor.send("ok")).startswith("✅ Checked in at “Cho Yen My”")
    assert len(await rows(database, Checkin)) == 1


@pytest.mark.parametrize("word", ["ok", "co", "có", "yes", "dong y", "đồng ý", "oke", "Ok ạ", "vâng"])
async def test_the_usual_yes_words_confirm_a_check_in(service, database, word: str) -> None:
    code = await venue_of(service)
    citizen = await registered(service, "c1", "le van la", "0911111111")
    await citizen.send(f"/checkin {code}")
    assert (await citizen.send(word)).startswith("✅ Đã check-in tại «Cho Yen My»")
    assert len(await rows(database, Checkin)) == 1


async def test_no_words_decline_and_english_yes_words_confirm_in_english(service, database) -> None:
    code = await venue_of(service)
    citizen = await registered(service, "c1", "le van la", "0911111111")
    await citizen.send(f"/checkin {code}")
    assert (await citizen.send("khong")).startswith("Đã bỏ qua, bạn chưa check-in.\n\nBạn khai báo cho ai?")
    await citizen.send("/language english")
    await citizen.send(f"/checkin {code}")
    assert (await citizen.send("sure")).startswith("✅ Checked in at “Cho Yen My”")


async def test_the_venue_commands_have_english_names_and_lower_case_venue_names_get_capitals(
    service, database
) -> None:
    owner = await registered(service, "owner", "tran van chu", "0987654321")
    await owner.send("/language english")
    assert "What is the venue called?" in await owner.send("/venue")
    saved = await owner.say_all("cho hong minh", "market", "hung yen", "yen my", "so 5", "skip", "1")
    assert "/visits" in saved and "/luotvao" not in saved
    code = re.search(r"code: ([A-Z0-9]{6})", saved).group(1)  # type: ignore[union-attr]
    assert (await owner.send(f"/poster {code}")).startswith("Check-in poster of “Cho Hong Minh”")
    assert (await owner.send("/visits")).startswith("Today's check-ins at your venues:")
    assert "/exposed" in await owner.send("/help")
    assert "ordinary health declaration" in await owner.send("/exposed")
    await owner.send("/huy")
    await owner.send("/venue")
    await owner.say_all("Quán cà phê iCafe", "shop", "hung yen", "yen my", "so 6", "skip", "1")
    assert [venue["name"] for venue in await rows(database, Venue)] == ["Cho Hong Minh", "Quán cà phê iCafe"]


async def test_the_owner_and_staff_see_todays_count_and_never_names(service, database, clock) -> None:
    code = await venue_of(service)
    for number in range(3):
        chat = await registered(service, f"c{number}", f"nguoi so {'abc'[number]}", f"091111111{number}")
        await chat.say_all(f"/checkin {code}", "1")
    owner = Chat(service, user_id="owner")
    counted = await owner.send("/luotvao")
    assert counted == f"Lượt check-in hôm nay tại các địa điểm của bạn:\n• Cho Yen My (mã {code}): 3 lượt"
    assert await owner.send(f"/luotvao {code}") == f"Hôm nay «Cho Yen My» (mã {code}) có 3 lượt check-in."
    gatekeeper = await add_official(service, database, number=5, role="gatekeeper")
    assert "có 3 lượt check-in" in await gatekeeper.send(f"/luotvao {code}")
    clock.advance(days=1)
    assert "có 0 lượt check-in" in await owner.send(f"/luotvao {code}")
    for text in (counted, owner.text):
        assert "Nguoi So" not in text
    stranger = await registered(service, "s9", "le van la", "0911111119")
    assert (await stranger.send(f"/luotvao {code}")).startswith(f"Không tìm thấy địa điểm mã {code}")


async def test_an_official_registers_a_venue_of_their_area_and_lists_them(service, database) -> None:
    official = await add_official(service, database)
    await official.say_all(*MARKET[:-1])
    assert "Mã check-in" in await official.send("1")
    listed = await official.send("/dsdiadiem")
    assert listed.startswith("Các địa điểm tại Xã Yên Mỹ, Hưng Yên (lượt check-in hôm nay):\n• Cho Yen My — Xã Yên Mỹ")


async def test_an_official_of_another_commune_cannot_see_or_suspend_the_venue(service, database) -> None:
    code = await venue_of(service)
    other = await add_official(service, database, area="12055", number=2)
    assert (await other.send("/dsdiadiem")).startswith("Chưa có địa điểm nào đăng ký tại")
    assert (await other.send(f"/luotvao {code}")).startswith(f"Không tìm thấy địa điểm mã {code}")
    assert (await other.send(f"/tamdung {code}")).startswith("Gõ /tamdung MÃ")
    assert (await other.send(f"/inposter {code}")).startswith("Gõ /inposter MÃ")
    [venue] = await rows(database, Venue)
    assert venue["status"] == "active"


async def test_a_suspended_venue_refuses_check_ins_politely(service, database) -> None:
    code = await venue_of(service)
    official = await add_official(service, database)
    citizen = await registered(service, "c1", "le van la", "0911111111")
    await citizen.send(f"/checkin {code}")  # the question is on screen when the venue is suspended
    assert await official.send(f"/tamdung {code}") == f"Đã tạm dừng check-in tại «Cho Yen My» (mã {code})."
    refused = await citizen.send("1")
    assert refused.startswith("Rất tiếc, địa điểm «Cho Yen My» đang tạm dừng check-in")
    assert "tạm dừng check-in" in await citizen.send(f"/checkin {code}")
    assert await rows(database, Checkin) == []
    assert await official.send(f"/tamdung {code} mở") == f"Đã mở lại check-in tại «Cho Yen My» (mã {code})."
    await citizen.say_all(f"/checkin {code}", "1")
    assert len(await rows(database, Checkin)) == 1


async def test_bad_answers_in_the_venue_flow_ask_again(service) -> None:
    owner = await registered(service, "owner", "tran van chu", "0987654321")
    await owner.send("/diadiem")
    assert "ít nhất 2 ký tự" in await owner.send("a")
    await owner.send("Tiem <b>Minh</b>")
    assert "Tên địa điểm của bạn là gì?" in owner.text
    await owner.send("Tap hoa Minh Anh")
    assert "Tap hoa Minh Anh" not in await owner.send("xyz khong co")  # not a kind: asked again
    assert "Đây là loại địa điểm nào?" in owner.text
    assert "tỉnh/thành phố nào" in await owner.send("cua hang")


async def test_someone_unregistered_cannot_register_a_venue(service) -> None:
    chat = Chat(service, user_id="new")
    assert (await chat.send("/diadiem")).startswith("Vui lòng đăng ký thông tin cá nhân trước")


async def test_checkins_older_than_the_retention_are_deleted_and_erasure_removes_them(
    service, database, settings, clock
) -> None:
    from bot.commands import data_rights

    code = await venue_of(service)
    citizen = await registered(service, "c1", "le van la", "0911111111")
    await citizen.say_all(f"/checkin {code}", "1")
    clock.advance(days=settings.checkin_retention_days - 1)
    await citizen.say_all(f"/checkin {code}", "1")
    clock.advance(days=1, hours=1)
    counts = await data_rights.retention(database, settings, clock.now, "scheduler", "system")
    assert counts["checkin"] == 1
    [kept] = await rows(database, Checkin)
    assert kept["at"] == clock.now - timedelta(days=1, hours=1)
    await citizen.say_all("/xoadulieu", "1")
    assert await rows(database, Checkin) == []
    [venue] = await rows(database, Venue)
    assert venue["status"] == "active"  # others' venue stays


async def test_an_owner_who_erases_their_data_leaves_the_venue_without_their_name(service, database) -> None:
    steps = ("/diadiem", "Tap hoa Tran Van Chu", "cua hang", "hung yen", "yen my", "so 5 duong chinh", "bo qua", "1")
    code = await venue_of(service, steps=steps)
    citizen = await registered(service, "c1", "le van la", "0911111111")
    await citizen.say_all(f"/checkin {code}", "1")
    await Chat(service, user_id="owner").say_all("/xoadulieu", "1")
    [venue] = await rows(database, Venue)
    assert venue["owner_id"] is None and "Tran Van Chu" not in venue["name"]
    assert len(await rows(database, Checkin)) == 1  # the others' check-ins stay
    assert "Check-in tại:" in await citizen.send(f"/checkin {code}")


def test_without_a_telegram_bot_the_poster_qr_holds_the_command_to_send() -> None:
    from bot.records.poster import poster_pdf

    venue = {"name": "Xe buýt tuyến 03", "street": "ben xe trung tam", "commune_code": "12052", "code": "K7F3QX",
             "token": "abcdefghijklmnop"}
    pdf = poster_pdf(venue, None)
    assert _scan_pdf(pdf) == ["/checkin K7F3QX"]
    assert "Xe buýt tuyến 03" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


async def test_on_zalo_the_owner_gets_the_qr_image_and_the_code(service) -> None:
    owner = Chat(service, user_id="z1", channel="zalo")
    await owner.say_all("chao", "1", "tran van chu", "12/3/1990", "nam", "0987654321", "bo qua", "hung yen",
                        "yen my", "so 12 thon dong", "1")
    saved = await owner.say_all(*MARKET)
    code = re.search(r"Mã check-in: ([A-Z0-9]{6})\.", saved).group(1)  # type: ignore[union-attr]
    [reply] = owner.replies
    assert reply.document is None and reply.qr is not None and reply.qr.startswith("https://t.me/khaibao_bot?start=l_")
    assert f"kèm mã gõ tay {code}" in reply.text


def test_the_settings_know_every_venue_kind_and_refuse_unknown_windows(db_url: str) -> None:
    from bot.settings import SettingsError
    from handlers.venues.kinds import KIND_IDS

    for kind in KIND_IDS:  # every kind the domain knows is accepted
        assert load_settings(DATABASE_URL=db_url, KHAIBAO_SECRET_KEY=SECRET, EXPOSURE_WINDOW_BY_KIND=f"{kind}=3")
    for wrong in ("cho=3", "market=0", "market=abc", "market=49"):
        with pytest.raises(SettingsError):
            load_settings(DATABASE_URL=db_url, KHAIBAO_SECRET_KEY=SECRET, EXPOSURE_WINDOW_BY_KIND=wrong)
