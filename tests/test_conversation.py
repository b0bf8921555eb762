"""Transcripts of registration and declaration with a fixed clock, typed without diacritics."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from bot.conversation.service import ConversationService
from storage.models import Conversation, Declaration, Person
from tests.transcript import REGISTRATION, Chat


async def count(database, model) -> int:  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def declarations(database) -> list[Declaration]:  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        return list((await session.execute(select(Declaration))).scalars())


async def test_full_registration_and_declaration_without_diacritics(service, database) -> None:
    chat = Chat(service)
    assert "Bạn có đồng ý không?" in await chat.send("chao")
    assert "1. Tôi đồng ý" in chat.text and "Nghị định 13/2023" in chat.text
    assert "Họ và tên" in await chat.send("dong y")
    assert "Ngày sinh" in await chat.send("nguyen van an")
    assert "Giới tính" in await chat.send("12 3 1990")
    assert "Số điện thoại" in await chat.send("nam")
    assert "CCCD" in await chat.send("0912 345 678")
    assert "tỉnh/thành phố" in await chat.send("bo qua")
    reply = await chat.send("hung yen")
    assert "Đã chọn: Hưng Yên" in reply and "xã/phường nào của Hưng Yên" in reply
    assert "Đã chọn: Xã Yên Mỹ, Hưng Yên" in await chat.send("yen my")
    review = await chat.send("so 12 thon Dong")
    assert "• Họ tên: Nguyen Van An" in review
    assert "• Ngày sinh: 12/03/1990" in review
    assert "• Điện thoại: 0912 345 678" in review
    assert "• Xã/phường: Xã Yên Mỹ, Hưng Yên" in review
    assert "Đã lưu thông tin" in await chat.send("1")
    assert "Bạn khai báo cho ai?" in chat.text
    assert "triệu chứng" in await chat.send("cho ban than")
    assert "Bạn chọn: Sốt, Ho" in await chat.send("sot ho")
    assert "đã đi qua" in await chat.send("khong")
    assert "bệnh nền" in await chat.send("ha noi, lao")
    assert "vắc-xin" in await chat.send("khong")
    review = await chat.send("2 mui")
    assert "• Triệu chứng: Sốt, Ho" in review
    assert "• Nơi đã đến: Thành phố Hà Nội, Lào" in review
    assert "vi phạm pháp luật" in review
    result = await chat.send("1")
    assert "Mức nguy cơ: ĐỎ" in result and "Có triệu chứng" in result and "Từ nước ngoài về" in result
    assert "1900 9095" in result
    assert [reply.qr is not None for reply in chat.replies] == [False, True]
    stored = await declarations(database)
    assert len(stored) == 1
    declaration = stored[0]
    assert declaration.risk_level == "red" and declaration.reasons == ["symptoms", "abroad"]
    assert declaration.commune_code == "12052" and declaration.province_code == "33"
    assert declaration.answers["symptoms"] == ["fever", "cough"]
    assert declaration.answers["vaccine"] == "doses_2"
    assert f"Mã khai báo: {declaration.code}" in result


async def test_returning_citizen_only_confirms_profile(service, database) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "1", "khong", "khong", "khong", "khong", "3", "1")
    assert "Mức nguy cơ: XANH" in chat.text
    reply = await chat.send("/khaibao")
    assert "Họ tên: Nguyen Van An" in reply and "còn đúng không?" in reply
    assert "Bạn khai báo cho ai?" in await chat.send("dung")
    await chat.say_all("1", "khong", "khong", "khong", "khong", "3", "1")
    assert await count(database, Declaration) == 2
    assert await count(database, Person) == 1


async def test_contact_with_confirmed_case_is_red(service) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "1", "khong", "1", "khong", "khong", "1")
    result = await chat.send("gui")
    assert "Mức nguy cơ: ĐỎ" in result and "Tiếp xúc gần với ca bệnh xác định (F0)" in result


async def test_travel_to_listed_area_with_symptoms_is_red(service, database, clock) -> None:
    from storage import outbreak

    async with database.transaction() as session:
        await outbreak.add(session, "01", clock.now.date(), clock.now, None)
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "1", "sot", "khong", "ha noi", "khong", "1")
    result = await chat.send("1")
    assert "Mức nguy cơ: ĐỎ" in result and "danh sách vùng dịch" in result


async def test_back_returns_to_previous_question_with_its_answer(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an")
    reply = await chat.send("/quaylai")
    assert "Họ và tên" in reply and "(Câu trả lời trước: Nguyen Van An)" in reply
    assert "Ngày sinh" in await chat.send("tran thi binh")
    review = await chat.say_all("1991", "nu", "0987654321", "bo qua", "ha noi", "hoan kiem", "12 hang bac")
    assert "• Họ tên: Tran Thi Binh" in review and "• Ngày sinh: 1991" in review


async def test_back_at_first_question_says_so(service) -> None:
    chat = Chat(service)
    await chat.send("chao")
    reply = await chat.send("/quaylai")
    assert "Đây là câu hỏi đầu tiên." in reply and "Bạn có đồng ý cho chính quyền dùng thông tin" in reply
    assert len(reply) < 300


async def test_edit_from_review_returns_to_review(service) -> None:
    chat = Chat(service)
    review = await chat.say_all(*REGISTRATION[:-1])
    assert "2. Sửa: Họ tên" in review
    assert "Họ và tên" in await chat.send("2")
    review = await chat.send("le van cuong")
    assert "Vui lòng kiểm tra thông tin" in review and "• Họ tên: Le Van Cuong" in review
    assert "• Giới tính: Nam" in review


async def test_editing_province_asks_commune_again(service) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION[:-1])
    assert "tỉnh/thành phố" in await chat.send("7")
    assert "xã/phường nào của Thành phố Hà Nội" in await chat.send("ha noi")
    review = await chat.send("hoan kiem")
    assert "• Xã/phường: Phường Hoàn Kiếm, Thành phố Hà Nội" in review


async def test_cancel_stores_nothing_and_says_how_to_restart(service, database) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990")
    assert "Đã hủy" in await chat.send("/huy")
    assert await count(database, Person) == 0
    assert "Bạn có đồng ý không?" in await chat.send("xin chao")


async def test_declining_consent_stores_nothing(service, database) -> None:
    chat = Chat(service)
    await chat.send("chao")
    reply = await chat.send("khong dong y")
    assert "không lưu bất kỳ thông tin nào" in reply
    assert await count(database, Person) == 0
    assert await count(database, Conversation) == 0


async def test_conversation_resumes_after_restart(service, database, settings, clock) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "12/3/1990")
    restarted = Chat(ConversationService(database, settings, clock=clock, outbreak_ttl=0))
    assert "Số điện thoại" in await restarted.send("nam")


async def test_idle_conversation_expires_after_24_hours(service, clock) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an")
    clock.advance(hours=24, minutes=1)
    reply = await chat.send("1990")
    assert "hết hạn" in reply and "Bạn có đồng ý không?" in reply


async def test_conversation_within_24_hours_continues(service, clock) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an")
    clock.advance(hours=23)
    assert "Giới tính" in await chat.send("1990")


async def test_declaring_for_someone_else(service, database) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION)
    assert "Họ tên người được khai hộ" in await chat.send("khai ho")
    await chat.say_all("nguyen van be", "2019", "nam", "con", "bo qua")
    assert "tỉnh/thành phố" in await chat.send("khong")
    await chat.say_all("ha noi", "hoan kiem", "5 hang bac")
    review = await chat.say_all("sot", "khong", "khong", "khong", "chua tiem")
    assert "• Họ tên người được khai hộ: Nguyen Van Be" in review
    assert "• Quan hệ: Con" in review
    await chat.send("1")
    stored = (await declarations(database))[0]
    assert stored.for_self is False and stored.subject_name == "Nguyen Van Be"
    assert stored.province_code == "01" and stored.commune_code == "00070"


async def test_someone_else_at_same_address_uses_declarant_commune(service, database) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "2", "tran thi me", "1950", "nu", "me", "0912345679", "co")
    await chat.say_all("khong", "khong", "khong", "tang huyet ap", "3 mui", "1")
    stored = (await declarations(database))[0]
    assert stored.commune_code == "12052" and stored.answers["conditions"] == ["hypertension"]


async def test_bad_input_gets_hint_and_same_question(service, database) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1")
    for bad in ("", "x" * 10_000, "😀😀", "\x00\x07", "'; DROP TABLE person; --", "<b>An</b>"):
        reply = await chat.send(bad)
        assert "Họ và tên" in reply, bad
        assert chat.step == "full_name"
    assert "vượt quá" not in chat.text
    assert await count(database, Person) == 0


async def test_invalid_phone_and_date_are_explained(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an")
    assert "Ngày này không có trong lịch" in await chat.send("31/2/1990")
    assert "không thể ở tương lai" in await chat.send("1/1/2030")
    await chat.say_all("1/1/1990", "nam")
    assert "Số điện thoại chưa hợp lệ" in await chat.send("12345")


async def test_cccd_mismatch_is_explained(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "12/3/1990", "nam", "0912345678")
    reply = await chat.send("001095123456")
    assert "năm sinh là 1995" in reply and "năm 1990" in reply
    assert "không khớp với giới tính" in await chat.send("001190123456")
    assert "tỉnh/thành phố" in await chat.send("001090123456")


async def test_several_commune_matches_give_numbered_list(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua", "ha noi")
    reply = await chat.send("phu")
    assert "Có phải một trong các nơi sau" in reply and "1. " in reply and "2. " in reply
    first = chat.replies[-1].options[0].label
    assert f"Đã chọn: {first}" in await chat.send("1")


async def test_old_commune_name_is_explained_kindly(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1", "nguyen van an", "1990", "nam", "0912345678", "bo qua", "hung yen")
    reply = await chat.send("thi tran yen my cu")
    assert "Thị trấn Yên Mỹ, Huyện Yên Mỹ (cũ) nay là Xã Yên Mỹ, Hưng Yên." in reply and chat.step == "street"


async def test_repeated_message_id_is_handled_once(service) -> None:
    from handlers.protocol import Incoming

    first = await service.handle(Incoming("console", "u9", text="chao", message_id="same"))
    again = await service.handle(Incoming("console", "u9", text="chao", message_id="same"))
    assert first and again == []


async def test_one_users_messages_are_handled_in_order(service) -> None:
    from handlers.protocol import Incoming

    lines = ["chao", "1", "nguyen van an", "1990", "nam"]
    results = await asyncio.gather(
        *(service.handle(Incoming("console", "u7", text=line, message_id=f"o{i}")) for i, line in enumerate(lines))
    )
    assert "Số điện thoại" in results[-1][-1].text


async def test_multi_choice_buttons_toggle_then_done(service) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "1")
    await chat.press("symptoms", "fever")
    assert chat.replies[-1].edit and chat.replies[-1].selected == ("fever",)
    await chat.press("symptoms", "cough")
    await chat.press("symptoms", "none")
    assert chat.replies[-1].selected == ("none",)
    await chat.press("symptoms", "fever")
    assert chat.replies[-1].selected == ("fever",)
    assert chat.step == "symptoms"
    await chat.press("symptoms", "__done__")
    assert chat.step == "exposure"


async def test_stale_button_gets_polite_reprompt(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1")
    reply = await chat.press("consent", "agree")
    assert "Nút này thuộc câu hỏi trước" in reply and chat.step == "full_name"


async def test_help_and_unknown_command_keep_the_question(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1")
    reply = await chat.send("/huongdan")
    assert "/quaylai" in reply and "Họ và tên" in reply
    reply = await chat.send("/abc")
    assert "chưa biết lệnh" in reply and "Họ và tên" in reply


async def test_deep_link_preselects_commune(service) -> None:
    chat = Chat(service)
    reply = await chat.send("/start a_12052")
    assert "Xã Yên Mỹ, Hưng Yên" in reply
    review = await chat.say_all("1", "nguyen van an", "1990", "nam", "0912345678", "bo qua", "so 1")
    assert "• Xã/phường: Xã Yên Mỹ, Hưng Yên" in review


async def test_malformed_deep_link_is_ignored(service) -> None:
    chat = Chat(service)
    for payload in ("a_99999", "a_", "zzz", "a_01", "a_' or 1=1"):
        assert "Bạn có đồng ý không?" in await chat.send(f"/start {payload}")


async def test_outbreak_list_in_chat(service, database, clock) -> None:
    from storage import outbreak

    chat = Chat(service)
    assert "Hiện không có" in await chat.send("/vungdich")
    async with database.transaction() as session:
        await outbreak.add(session, "12052", clock.now.date(), clock.now, None)
    assert "Xã Yên Mỹ, Hưng Yên (từ 22/11/2026)" in await chat.send("/vungdich")


async def test_profile_edit_then_declaration(service, database) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "1", "khong", "khong", "khong", "khong", "3", "1")
    await chat.send("/khaibao")
    review = await chat.send("sua thong tin")
    assert "Vui lòng kiểm tra thông tin" in review
    await chat.say_all("9", "so 99 duong moi")
    assert "Đã lưu thông tin" in await chat.send("1")
    async with database.sessions() as session:
        person = (await session.execute(select(Person))).scalar_one()
    assert person.street == "so 99 duong moi"


async def test_a_failing_message_fails_alone_in_a_batch(service, monkeypatch) -> None:
    import bot.conversation.service as module
    from handlers.protocol import Incoming

    real = module.handle

    def broken_for_u2(state, incoming, ctx):  # type: ignore[no-untyped-def]
        if incoming.user_id == "u2":
            raise RuntimeError("engine bug")
        return real(state, incoming, ctx)

    monkeypatch.setattr(module, "handle", broken_for_u2)
    results = await asyncio.gather(
        *(service.handle(Incoming("console", f"u{i}", text="chao", message_id=f"b{i}")) for i in range(1, 4)),
        return_exceptions=True,
    )
    assert isinstance(results[1], RuntimeError)
    assert "Bạn có đồng ý không?" in results[0][0].text and "Bạn có đồng ý không?" in results[2][0].text
    monkeypatch.setattr(module, "handle", real)
    retried = await service.handle(Incoming("console", "u2", text="chao", message_id="b2"))
    assert retried and "Bạn có đồng ý không?" in retried[0].text, "a failed message is not marked as handled"


async def test_a_batch_of_registrations_and_declarations_keeps_each_persons_records_apart(
    service, database, monkeypatch
) -> None:
    import bot.conversation.service as module
    from storage.models import Alert

    names = ["le thi hoa", "tran van binh", "pham thi cuc", "vu van dung", "do thi em", "bui van phuc"]
    chats = [Chat(service, user_id=f"b{number}") for number in range(len(names))]
    ensured: list[int] = []
    real_ensure = module.persons.ensure_many

    async def counting_ensure(connection, keys, now):  # type: ignore[no-untyped-def]
        ensured.append(len(keys))
        return await real_ensure(connection, keys, now)

    monkeypatch.setattr(module.persons, "ensure_many", counting_ensure)

    async def everyone(step) -> None:  # type: ignore[no-untyped-def]
        await asyncio.gather(*(chat.send(step(number)) for number, chat in enumerate(chats)))

    for line in REGISTRATION:
        if line == "nguyen van an":
            await everyone(lambda number: names[number])
        elif line == "0912345678":
            await everyone(lambda number: f"09123456{number:02d}")
        else:
            await everyone(lambda number, line=line: line)
    assert ensured == [len(names)], "the confirmations were stored as one batch"
    for line in ("1", "khong", "exposure", "khong", "khong", "1", "gui"):
        await everyone(lambda number, line=line: ("1" if number % 2 else "khong") if line == "exposure" else line)

    async with database.sessions() as session:
        registered = select(Person).where(Person.consent_at.is_not(None))  # not the admins who receive alerts
        people = {person.id: person for person in (await session.execute(registered)).scalars()}
        alerts = list((await session.execute(select(Alert))).scalars())
    stored = await declarations(database)
    assert sorted(person.full_name for person in people.values()) == sorted(name.title() for name in names)
    for person in people.values():
        number = names.index(person.full_name.lower())
        assert person.phone.endswith(f"{number:02d}") and person.external_id == f"b{number}"
    assert len(stored) == len(names)
    for declaration in stored:
        number = int(people[declaration.person_id].external_id[1:])
        assert declaration.subject_name == people[declaration.person_id].full_name
        assert declaration.risk_level == ("red" if number % 2 else "green")
        assert f"Mã khai báo: {declaration.code}" in chats[number].text
    assert sorted(alert.declaration_id for alert in alerts) == sorted(
        declaration.id for declaration in stored if declaration.risk_level == "red"
    )
