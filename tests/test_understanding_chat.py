"""Transcripts typed the way people chat: old (pre-2025) addresses, no option labels, chat words, typos."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Declaration, Person
from tests.transcript import Chat


async def stored(database, model):  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        return list((await session.execute(select(model))).scalars())


async def test_old_address_and_chat_words_land_in_the_new_commune(service, database) -> None:
    chat = Chat(service)
    await chat.send("alo")
    assert "Họ và tên" in await chat.send("dạ đồng ý ạ")
    assert "Ngày sinh" in await chat.send("tran thi binh")
    assert "Giới tính" in await chat.send("15 thang 3 nam 85")
    assert "Số điện thoại" in await chat.send("nu")
    assert "CCCD" in await chat.send("0912.345.678")
    assert "tỉnh/thành phố" in await chat.send("bo qua")
    reply = await chat.send("thai binh")
    assert "Thái Bình (cũ) nay thuộc tỉnh Hưng Yên." in reply
    assert "xã/phường nào của Thái Bình (cũ), nay thuộc tỉnh Hưng Yên" in reply
    reply = await chat.send("tt dong hung")
    assert "Thị trấn Đông Hưng, Huyện Đông Hưng (cũ) nay là Xã Đông Hưng, Hưng Yên." in reply
    review = await chat.send("so 5 thon dong")
    assert "• Ngày sinh: 15/03/1985" in review and "• Xã/phường: Xã Đông Hưng, Hưng Yên" in review
    assert "Họ và tên" in await chat.send("sua ho ten")
    review = await chat.send("tran thi bich")
    assert "• Họ tên: Tran Thi Bich" in review
    assert "Đã lưu thông tin" in await chat.send("ok")
    assert "triệu chứng" in await chat.send("cho minh")
    assert "Bạn chọn: Sốt, Ho" in await chat.send("hoi sot, ho khan")
    assert "đã đi qua" in await chat.send("ko")
    reply = await chat.send("han quoc")
    assert "Nơi đã đến: Hàn Quốc" in reply and "bệnh nền" in reply
    assert "vắc-xin" in await chat.send("cao huyet ap")
    review = await chat.send("hai mui")
    assert "• Vắc-xin: 2 mũi" in review and "• Nơi đã đến: Hàn Quốc" in review
    result = await chat.send("gui")
    assert "Mức nguy cơ: ĐỎ" in result and "Từ nước ngoài về" in result
    person = (await stored(database, Person))[0]
    assert (person.province_code, person.commune_code, str(person.birth_date)) == ("33", "12688", "1985-03-15")
    declaration = (await stored(database, Declaration))[0]
    assert declaration.answers["conditions"] == ["hypertension"] and declaration.answers["vaccine"] == "doses_2"
    assert declaration.answers["travel"][0]["country"] == "KR"
    assert declaration.reasons == ["symptoms", "abroad"]


async def test_whole_old_address_at_the_province_question_fills_the_commune(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua")
    reply = await chat.send("thi tran dong hung, dong hung, thai binh")
    assert "nay là Xã Đông Hưng, Hưng Yên" in reply and chat.step == "street"


async def test_ho_chi_minh_city_old_ward_and_district(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua")
    reply = await chat.send("P. Bến Nghé, Q.1, TP.HCM")
    assert "Phường Bến Nghé, Quận 1 (cũ) nay là Phường Sài Gòn, Thành phố Hồ Chí Minh." in reply
    assert chat.step == "street"


async def test_split_old_commune_is_listed_with_the_usual_one_first(service, database) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua")
    reply = await chat.send("thi tran gia loc, gia loc, hai duong")
    assert "nay được chia cho nhiều xã/phường" in reply
    assert "1. Xã Gia Phúc, Thành phố Hải Phòng" in reply and "2. Xã Gia Lộc, Thành phố Hải Phòng" in reply
    assert "Đã chọn: Xã Gia Lộc" in await chat.send("xa gia loc")
    assert chat.step == "street"


async def test_old_district_lists_the_communes_that_came_from_it(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua")
    assert "Huyện Đông Hưng (Thái Bình cũ) nay thuộc tỉnh Hưng Yên." in await chat.send("huyen dong hung, thai binh")
    reply = await chat.send("dong hung")
    assert "Đã chọn: Xã Đông Hưng, Hưng Yên" in reply and chat.step == "street"


async def test_commune_question_after_an_old_province_keeps_to_it(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua", "thai binh")
    reply = await chat.send("yen my")  # a commune of Hưng Yên, but not of the former Thái Bình
    assert "Không tìm thấy xã/phường «yen my» ở Thái Bình (cũ)" in reply and chat.step == "commune"


async def test_one_near_match_is_asked_back_and_yes_takes_it(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua", "hung yen")
    assert "Ý bạn là Xã Yên Mỹ, Hưng Yên?" in await chat.send("yen mi")
    assert "Đã chọn: Xã Yên Mỹ, Hưng Yên" in await chat.send("dung roi")
    assert chat.step == "street"


async def test_no_to_a_near_match_asks_again(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua", "hung yen", "yen mi")
    reply = await chat.send("khong")
    assert "gõ lại tên" in reply and chat.step == "commune"
    assert "Đã chọn: Xã Như Quỳnh" in await chat.send("nhu quynh")


async def test_typing_the_label_of_a_listed_match(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua", "hung yen")
    reply = await chat.send("dong hun")
    assert "Xã Đông Hưng, Hưng Yên" in reply
    assert "Đã chọn: Xã Đông Hưng, Hưng Yên" in await chat.send("xa dong hung, hung yen")


async def test_option_labels_typed_in_full_with_diacritics(service) -> None:
    chat = Chat(service)
    await chat.say_all(*("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua", "hung yen", "yen my",
                         "so 1", "1", "Cho bản thân"))
    assert "Bạn chọn: Mất hoặc thay đổi vị giác/khứu giác" in await chat.send("Mất hoặc thay đổi vị giác/khứu giác")
    reply = await chat.send("Tiếp xúc gần với ca bệnh xác định (F0), Ở hoặc đi qua vùng dịch, hoặc từ nước ngoài về")
    assert "Bạn chọn: Tiếp xúc gần với ca bệnh xác định (F0), Ở hoặc đi qua vùng dịch" in reply


async def test_ambiguous_answer_is_asked_not_guessed(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua", "hung yen", "yen my",
                       "so 1", "1", "khai ho", "le van c", "2010", "nam", "con", "bo qua")
    reply = await chat.send("co hay khong")
    assert "nhiều lựa chọn" in reply and chat.step == "subject_same_address"
    assert "triệu chứng" in await chat.send("1")


async def test_a_country_on_the_outbreak_list_counts(service, database, clock) -> None:
    from storage import outbreak

    async with database.transaction() as session:
        await outbreak.add(session, "KR", clock.now.date(), clock.now, None)
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua", "hung yen", "yen my",
                       "so 1", "1", "1", "khong", "khong", "korea", "khong", "chua tiem")
    assert "Mức nguy cơ: VÀNG" in await chat.send("gui")
    declaration = (await stored(database, Declaration))[0]
    assert declaration.reasons == ["abroad", "listed_area"]
    assert "Hàn Quốc (từ 22/11/2026)" in await chat.send("/vungdich")


async def test_unknown_place_travelled_is_asked_again_with_suggestions(service, database) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua", "hung yen", "yen my",
                       "so 1", "1", "1", "khong", "khong")
    reply = await chat.send("han qoc")
    assert "Mình chưa tìm thấy nơi «han qoc». Có phải: Hàn Quốc" in reply and chat.step == "travel"


async def test_a_listed_new_commune_can_be_pressed(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua")
    await chat.send("thi tran gia loc, gia loc, hai duong")
    options = [(option.id, option.label) for option in chat.replies[-1].options]
    assert options[1][1] == "Xã Gia Lộc, Thành phố Hải Phòng"
    assert "Đã chọn: Xã Gia Lộc, Thành phố Hải Phòng" in await chat.press("province", options[1][0])
    assert chat.step == "street"


async def test_declaring_for_someone_at_an_old_address(service, database) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua", "hung yen", "yen my",
                       "so 1", "1")
    assert "Họ tên" in await chat.send("khai ho me")
    await chat.say_all("le thi hoa", "ngay 2 thang 9 nam 58", "nu", "me")
    assert "cùng địa chỉ" in await chat.send("ko co")
    assert "tỉnh/thành phố" in await chat.send("khong")
    assert "Hải Dương (cũ) nay thuộc thành phố Hải Phòng." in await chat.send("hai duong")
    assert "1. Xã Ninh Giang, Thành phố Hải Phòng" in await chat.send("ninh gaing")
    assert "Đã chọn: Xã Ninh Giang, Thành phố Hải Phòng" in await chat.send("1")
    review = await chat.say_all("thon 2", "khong", "khong", "khong", "khong", "chua tiem")
    assert "• Xã/phường người được khai hộ: Xã Ninh Giang, Thành phố Hải Phòng" in review
    assert "Mức nguy cơ của Le Thi Hoa: XANH" in await chat.send("xac nhan")  # the receipt names whom it is for
    declaration = (await stored(database, Declaration))[0]
    assert (declaration.province_code, declaration.for_self) == ("31", False)
