"""Verification, statistics, exports, audit, data rights and retention; every check on the server side."""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta

import openpyxl
import pytest
from sqlalchemy import inspect, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from bot.conversation.service import ConversationService
from handlers import receipt
from storage.erasure import apply_retention
from storage.models import AuditEntry, Declaration
from tests.conftest import SECRET
from tests.transcript import REGISTRATION, Chat

REGISTRATION_B = ("chao", "1", "tran thi binh", "1/2/1985", "nu", "0987654321", "001185000123", "hung yen",
                  "pho hien", "so 9 pho hien", "1")
RED = ("1", "sot", "1", "khong", "khong", "1", "1")
GREEN = ("1", "khong", "khong", "khong", "khong", "1", "1")


async def declare(service: ConversationService, user: str, registration: tuple[str, ...], answers=GREEN) -> str:  # type: ignore[no-untyped-def]
    chat = Chat(service, user_id=user)
    await chat.say_all(*registration)
    result = await chat.say_all(*answers)
    return re.search(r"Mã khai báo: ([A-Z0-9]+)", result).group(1)  # type: ignore[union-attr]


async def staff_member(service: ConversationService, user: str, area: str, role: str = "1") -> Chat:
    admin = Chat(service, user_id="admin")
    await admin.say_all("/moi_canbo", role, area, "bo qua", "bo qua")
    code = re.search(r"Mã mời: ([A-Z0-9]+)", await admin.send("1")).group(1)  # type: ignore[union-attr]
    member = Chat(service, user_id=user)
    await member.send(f"/canbo {code}")
    assert "Bạn đã là" in await member.send("Can Bo Kiem Tra")
    return member


async def test_gatekeeper_verifies_any_receipt_and_nothing_else(service) -> None:
    code = await declare(service, "a1", REGISTRATION)
    gate = await staff_member(service, "gate", "yen my", role="2")
    reply = await gate.send(f"/kiemtra {code}")
    assert "HỢP LỆ" in reply and "Nguyen V** A*" in reply and "Nguyen Van An" not in reply
    assert "0912" not in reply and "XANH" in reply
    for command in ("/thongke", "/xuat", "/tiepnhan 1", f"/theodoi {code}", "/dabaocao"):
        assert "chỉ dành cho cán bộ" in await gate.send(command), command


async def test_qr_deep_link_tokens_forged_tampered_and_expired(service, clock) -> None:
    code = await declare(service, "a1", REGISTRATION)
    gate = await staff_member(service, "gate", "yen my", role="2")
    token = receipt.sign(code, clock.now, SECRET.encode())
    assert "HỢP LỆ" in await gate.send(f"/start v_{token}")
    tampered = token[:10] + ("A" if token[10] != "A" else "B") + token[11:]
    assert "KHÔNG PHẢI MÃ THẬT" in await gate.send(f"/start v_{tampered}")
    assert "KHÔNG PHẢI MÃ THẬT" in await gate.send(f"/start v_{receipt.sign(code, clock.now, b'x' * 40)}")
    assert "KHÔNG PHẢI MÃ THẬT" in await gate.send("/kiemtra ZZZZZZZZ")
    clock.advance(hours=24, minutes=1)
    assert "ĐÃ HẾT HẠN" in await gate.send(f"/start v_{token}")
    assert "ĐÃ HẾT HẠN" in await gate.send(f"/kiemtra {code}")


async def test_citizens_cannot_verify(service) -> None:
    code = await declare(service, "a1", REGISTRATION)
    assert "Chỉ cán bộ hoặc người kiểm tra" in await Chat(service, user_id="a2").send(f"/kiemtra {code}")


async def test_official_of_a_sees_nothing_of_b(service) -> None:
    code_a = await declare(service, "a1", REGISTRATION, RED)
    code_b = await declare(service, "b1", REGISTRATION_B, RED)
    official_a = await staff_member(service, "oa", "yen my")
    assert "không thuộc địa bàn" in await official_a.send(f"/kiemtra {code_b}")
    assert "HỢP LỆ" in await official_a.send(f"/kiemtra {code_a}")
    assert "Không có tờ khai" in await official_a.send(f"/theodoi {code_b}")
    stats = await official_a.send("/thongke")
    assert "Xã Yên Mỹ, Hưng Yên" in stats and "Hôm nay: 1 (đỏ 1, vàng 0, xanh 0)" in stats
    assert official_a.replies[-1].image and official_a.replies[-1].image.startswith(b"\x89PNG")
    await official_a.send("/xuat")
    name, content = official_a.replies[0].document  # type: ignore[misc]
    assert name.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Mã khai báo" and [row[0] for row in rows[1:]] == [code_a]
    alerts_b = re.findall(r"/tiepnhan (\d+)", str([r.text for r in official_a.replies]))
    assert alerts_b == []


async def test_province_official_sees_communes_and_exports_filtered(service, clock) -> None:
    code_a = await declare(service, "a1", REGISTRATION, RED)
    code_b = await declare(service, "b1", REGISTRATION_B, GREEN)
    province = await staff_member(service, "op", "hung yen")
    stats = await province.send("/thongke")
    assert "Theo xã/phường" in stats and "Yên Mỹ: 1 (đỏ 1" in stats and "Phố Hiến: 1 (đỏ 0" in stats
    await province.send("/xuat do")
    sheet = openpyxl.load_workbook(io.BytesIO(province.replies[0].document[1])).active  # type: ignore[index]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [code_a]
    await province.send("/xuat csv")
    name, content = province.replies[0].document  # type: ignore[misc]
    assert name.endswith(".csv") and content.startswith("\ufeff".encode()) and code_b.encode() in content
    assert "Gõ /xuat" in await province.send("/xuat hom qua")


async def test_my_data_shows_and_sends_everything(service) -> None:
    code = await declare(service, "a1", REGISTRATION)
    chat = Chat(service, user_id="a1")
    reply = await chat.send("/dulieucuatoi")
    assert "Họ tên: Nguyen Van An" in reply and code in reply and "Số tờ khai đã lưu: 1" in reply
    name, content = chat.replies[0].document  # type: ignore[misc]
    data = json.loads(content)
    assert name == "du-lieu-cua-toi.json" and data["profile"]["phone"] == "+84912345678"
    assert [row["code"] for row in data["declarations"]] == [code]


async def _all_text(database) -> str:  # type: ignore[no-untyped-def]
    """Every value of every table, as one string."""
    async with database.engine.connect() as connection:
        tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
        values = []
        for table in tables:
            for row in await connection.execute(text(f"SELECT * FROM {table}")):
                values.extend(str(value) for value in row)
    return "\n".join(values)


async def test_erasure_leaves_no_name_phone_or_id_anywhere(service, database) -> None:
    await staff_member(service, "oa", "pho hien")
    code = await declare(service, "b1", REGISTRATION_B, RED)
    await Chat(service, user_id="oa").send(f"/theodoi {code}")
    before = await _all_text(database)
    assert "Tran Thi Binh" in before and "0987 654 321" in before and "001185000123" in before
    chat = Chat(service, user_id="b1")
    assert "không thể hoàn tác" in await chat.send("/xoadulieu")
    assert "Đã rút đồng ý và xóa" in await chat.send("1")
    after = await _all_text(database)
    for trace in ("Tran Thi Binh", "+84987654321", "0987 654 321", "0987654321", "001185000123", "so 9 pho hien"):
        assert trace not in after, trace
    async with database.sessions() as session:
        stored = (await session.execute(select(Declaration))).scalar_one()
        actions = (await session.execute(select(AuditEntry.action))).scalars().all()
    assert stored.risk_level == "red" and stored.commune_code == "11953", "the count remains"
    assert "data.erase" in actions
    assert "Bạn có đồng ý không?" in await chat.send("chao"), "a new start asks for consent again"


async def test_keeping_data_when_not_confirmed(service) -> None:
    await declare(service, "a1", REGISTRATION)
    chat = Chat(service, user_id="a1")
    await chat.send("/xoadulieu")
    assert "Đã giữ nguyên" in await chat.send("khong")
    assert "Nguyen Van An" in await chat.send("/dulieucuatoi")


async def test_keeping_data_goes_back_to_the_declaration_under_way(service) -> None:
    await declare(service, "a1", REGISTRATION)
    chat = Chat(service, user_id="a1")
    await chat.say_all("chao", "1", "1", "sot")
    assert chat.step == "exposure"
    await chat.send("/xoadulieu")
    kept = await chat.send("2")
    assert "Đã giữ nguyên" in kept and chat.step == "exposure", "the question on screen comes back"
    await chat.say_all("khong", "khong", "khong", "1")
    assert "Mã khai báo" in await chat.send("1"), "the answers given before are still there"


async def test_keeping_data_during_registration_says_nothing_is_stored(service) -> None:
    chat = Chat(service, user_id="n1")
    await chat.say_all("chao", "1", "nguyen van an", "12/3/1990")
    step = chat.step
    await chat.send("/xoadulieu")
    await chat.send("/xoadulieu")  # asked twice: still back to the registration
    kept = await chat.send("khong")
    assert "chưa có dữ liệu nào được lưu" in kept and "Đã giữ nguyên" not in kept
    assert chat.step == step, "the registration goes on where it was"


async def test_keeping_data_in_english_with_nothing_stored(service) -> None:
    chat = Chat(service, user_id="n2")
    await chat.say_all("hello", "1")
    step = chat.step
    await chat.send("/xoadulieu")
    kept = await chat.send("no, keep it")
    assert "no data of yours is stored" in kept and chat.step == step


async def test_retention_anonymises_exactly_the_old_declarations(service, database, clock) -> None:
    old = await declare(service, "a1", REGISTRATION)
    clock.advance(days=20)
    recent = await declare(service, "b1", REGISTRATION_B)
    async with database.engine.begin() as connection:
        counts = await apply_retention(connection, clock.now - timedelta(days=15))
    assert counts["declaration"] == 1
    async with database.sessions() as session:
        rows = {row.commune_code: row for row in (await session.execute(select(Declaration))).scalars()}
    assert rows["12052"].subject_name == "" and rows["12052"].answers == {} and rows["12052"].code != old
    assert rows["11953"].subject_name == "Tran Thi Binh" and rows["11953"].code == recent


async def test_audit_log_records_actions_and_refuses_changes(service, database) -> None:
    code = await declare(service, "a1", REGISTRATION)
    official = await staff_member(service, "oa", "yen my")
    await official.send(f"/kiemtra {code}")
    await official.send("/xuat")
    async with database.sessions() as session:
        entries = (await session.execute(select(AuditEntry).order_by(AuditEntry.id))).scalars().all()
    assert [entry.action for entry in entries] == ["invite.create", "invite.redeem", "verify", "export"]
    assert entries[2].actor == "console:oa" and entries[2].area_code == "12052" and entries[2].detail["code"] == code
    assert "Nguyen" not in str([entry.detail for entry in entries])
    for statement in (update(AuditEntry).values(action="x"), AuditEntry.__table__.delete()):  # type: ignore[attr-defined]
        with pytest.raises((DBAPIError, IntegrityError)):
            async with database.engine.begin() as connection:
                await connection.execute(statement)
