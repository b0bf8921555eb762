"""/huongdan per role against the command registry; honest routing of alerts and reports when a commune has no
official; late-joining officials see what is still waiting; admins find area codes by name."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

import messages
from bot.channels.telegram.channel import menu_commands
from bot.commands.registry import HANDLERS, check
from bot.conversation.service import ConversationService
from handlers import engine
from handlers.commands import EVERYONE, REGISTRY, ROLES, Command, commands_for, shown_name
from handlers.flows import FLOWS
from handlers.protocol import ServerCommand
from storage.models import Broadcast, Person
from tests.delivery.people import add_people
from tests.officials.test_staff import invite_code, redeem
from tests.transcript import REGISTRATION, Chat

REFUSALS = (messages.t(messages.VI, "command.admin_only"), messages.t(messages.VI, "staff.officials_only"),
            messages.t(messages.VI, "verify.staff_only"))
RED = ("1", "khong", "1", "khong", "khong", "1", "1")
# chat user ids of people stored with each role (person_row gives chat id 10000 + number)
STAFF = {"gatekeeper": (1, "gatekeeper", "12052"), "commune_official": (2, "official", "12052"),
         "province_official": (3, "official", "33")}


async def _role_chats(service, database) -> dict[str, Chat]:  # type: ignore[no-untyped-def]
    for number, role, area in STAFF.values():
        await add_people(database, 1, start=number, channel="console", role=role, area_code=area)
    chats = {role: Chat(service, user_id=str(10_000 + number)) for role, (number, _, _) in STAFF.items()}
    return {"citizen": Chat(service, user_id="c1"), **chats, "admin": Chat(service, user_id="admin")}


def _listed(text: str) -> set[str]:
    return set(re.findall(r"^/(\w+)", text, re.MULTILINE))


def test_every_command_is_in_the_registry_once_and_answered() -> None:
    names = [command.name for command in REGISTRY] + [alias for command in REGISTRY for alias in command.aliases]
    assert len(names) == len(set(names))
    assert all(command.roles <= set(ROLES) and command.roles for command in REGISTRY)
    assert set(HANDLERS) == {command.name for command in REGISTRY if command.server}
    for command in REGISTRY:
        assert command.flow in FLOWS or command.action in engine.ACTIONS or command.server, command.name
        assert not command.typed or command.line(messages.VI).startswith(f"/{command.name}"), command.name
        english = shown_name(command, messages.EN)
        assert not command.typed or command.line(messages.EN).startswith(f"/{english}"), command.name


def test_a_mismatch_between_registry_and_handlers_fails_at_once() -> None:
    with pytest.raises(ValueError, match="without a handler"):
        check({name: handler for name, handler in HANDLERS.items() if name != "kiemtra"})
    with pytest.raises(ValueError, match="of no server command"):
        check({**HANDLERS, "khongco": HANDLERS["kiemtra"]})
    with pytest.raises(ValueError, match="no server command"):
        ServerCommand("khongco")
    with pytest.raises(ValueError, match="exactly one"):
        Command("moi", EVERYONE)


def test_telegram_menu_is_the_registry_menu() -> None:
    assert [command.command for command in menu_commands()] == [
        "khaibao", "nhapcanh", "quaylai", "huy", "batdau", "vungdich", "ngonngu", "huongdan"]
    assert all(command.description for command in menu_commands())


async def test_start_links_route_through_the_registry(service) -> None:
    welcome = await redeem(Chat(service, user_id="linked"), f"/start inv_{await invite_code(service)}")
    assert "Các lệnh bạn dùng được:" in welcome
    assert messages.t(messages.VI, "verify.staff_only") in await Chat(service, user_id="c1").send("/start v_khongco")


async def test_help_lists_exactly_the_commands_each_role_may_use(service, database) -> None:
    chats = await _role_chats(service, database)
    for role, chat in chats.items():
        text = await chat.send("/huongdan")
        assert _listed(text) == {command.name for command in commands_for(role)}, role
    assert "/thongbao_moi" not in chats["province_official"].text
    assert "/tiepnhan" not in chats["gatekeeper"].text and "/kiemtra" in chats["gatekeeper"].text


async def test_a_command_is_refused_exactly_when_the_role_may_not_use_it(service, database) -> None:
    chats = await _role_chats(service, database)
    for role, chat in chats.items():
        allowed = {command.name for command in commands_for(role)}
        for command in (command for command in REGISTRY if command.typed):
            answer = await chat.send(f"/{command.name}")
            refused = any(refusal in answer for refusal in REFUSALS)
            assert refused == (command.name not in allowed), (role, command.name, answer)
            await chat.send("/huy")


@pytest.mark.parametrize("role, area, label", [("1", "yen my", "commune_official"), ("2", "yen my", "gatekeeper")])
async def test_the_welcome_after_an_invite_lists_the_new_roles_commands(service, role, area, label) -> None:
    welcome = await redeem(Chat(service, user_id="new"), f"/canbo {await invite_code(service, area, role)}")
    assert "Các lệnh bạn dùng được:" in welcome
    assert _listed(welcome) == {command.name for command in commands_for(label)}


async def _alerts(database) -> list[Broadcast]:  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        query = select(Broadcast).where(Broadcast.kind == "alert").order_by(Broadcast.id)
        return list((await session.execute(query)).scalars())


async def _report(service) -> str:  # type: ignore[no-untyped-def]
    reporter = Chat(service, user_id="r1")
    await reporter.say_all("/baocao", "nguoi nghi nhiem", "hung yen", "yen my", "thon Dong", "bo qua",
                           "Ho sot nhieu ngay", "bo qua")
    return await reporter.send("1")


async def test_a_report_in_a_commune_without_officials_goes_to_the_province(service, database) -> None:
    await add_people(database, 1, start=3, channel="console", role="official", area_code="33")
    sent = await _report(service)
    assert "đã được chuyển tới cán bộ Hưng Yên (xã/phường này chưa có cán bộ trên hệ thống)" in sent
    [alert] = await _alerts(database)
    assert alert.audience == {"kind": "area_officials", "area_code": "33"} and "/tiepnhan 1" in alert.text


async def test_with_no_official_in_the_province_either_the_admins_receive_it(service, database) -> None:
    sent = await _report(service)
    assert "đã được chuyển tới quản trị viên hệ thống (địa bàn này chưa có cán bộ trên hệ thống)" in sent
    alerts = await _alerts(database)
    async with database.sessions() as session:
        admins = {person.id: (person.channel, person.external_id) for person in (await session.execute(
            select(Person).where(Person.id.in_([alert.audience["person_id"] for alert in alerts])))).scalars()}
    assert sorted(admins.values()) == [("console", "admin"), ("telegram", "1")]
    assert all(alert.audience["kind"] == "person" and "/moi_canbo" in alert.text for alert in alerts)


async def test_with_nobody_at_all_the_citizen_is_told_it_waits_for_an_official(database, settings, clock) -> None:
    alone = ConversationService(database, settings.model_copy(update={"admins": ""}), clock=clock)
    assert "cán bộ được giao sau sẽ nhận được ngay khi tham gia" in await _report(alone)
    [alert] = await _alerts(database)
    assert alert.audience == {"kind": "area_officials", "area_code": "12052"}


async def test_a_red_alert_without_commune_officials_reaches_the_province_with_the_street(service, database) -> None:
    await add_people(database, 1, start=3, channel="console", role="official", area_code="33")
    await Chat(service).say_all(*REGISTRATION, *RED)
    [alert] = await _alerts(database)
    assert alert.audience == {"kind": "area_officials", "area_code": "33"}
    assert "Địa chỉ: so 12 thon dong, Xã Yên Mỹ, Hưng Yên" in alert.text
    async with database.sessions() as session:
        [told] = (await session.execute(select(Broadcast).where(Broadcast.kind == "message"))).scalars()
    assert told.text.startswith("Tờ khai nguy cơ cao của bạn (mã ")
    assert told.text.endswith("đã được báo tới cán bộ Hưng Yên (xã/phường này chưa có cán bộ trên hệ thống).")


async def test_an_official_who_joins_later_sees_what_is_waiting(service, database) -> None:
    await Chat(service).say_all(*REGISTRATION, *RED)
    await _report(service)
    official = Chat(service, user_id="late")
    await redeem(official, f"/canbo {await invite_code(service)}")
    waiting = await official.send("/canhbao")
    assert "Cảnh báo, phản ánh chưa tiếp nhận ở Xã Yên Mỹ, Hưng Yên: 2" in waiting
    assert "#1 · 09:00 22/11/2026" in waiting and "CẢNH BÁO: tờ khai nguy cơ ĐỎ" in waiting
    assert "#2 · 09:00 22/11/2026" in waiting and "PHẢN ÁNH TỪ NGƯỜI DÂN" in waiting
    assert await official.send("/tiepnhan") == waiting
    assert "Đã ghi nhận" in await official.send("/tiepnhan 1")
    rest = await official.send("/canhbao")
    assert "#1 ·" not in rest and "#2 ·" in rest and ": 1" in rest
    await official.send("/tiepnhan 2")
    assert "Không có cảnh báo hay phản ánh nào đang chờ" in await official.send("/canhbao")


async def test_admins_find_area_codes_by_name(service) -> None:
    admin = Chat(service, user_id="admin")
    found = await admin.send("/diaban yen my, hung yen")
    assert "12052 · Xã Yên Mỹ, Hưng Yên" in found and "Tây Ninh" not in found
    assert "33 · Hưng Yên" in await admin.send("/diaban hung yen")
    assert "Không tìm thấy địa bàn nào tên «zzzz»" in await admin.send("/diaban zzzz")
    assert "Gõ /diaban kèm tên" in await admin.send("/diaban")
    assert messages.t(messages.VI, "command.admin_only") in await Chat(service, user_id="c9").send("/diaban yen my")
