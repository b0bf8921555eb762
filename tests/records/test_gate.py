"""A gatekeeper's screen leads with what to do; the code is understood however it is typed; the QR, the typed
code and `khaibao verify` give the same verdict."""

from __future__ import annotations

from bot.records.verification import verify
from handlers import receipt
from tests.conftest import SECRET
from tests.records.test_rights import GREEN, REGISTRATION_B, declare, staff_member
from tests.transcript import REGISTRATION

YELLOW = ("1", "sot ho", "khong", "khong", "khong", "1", "1")
RED = ("1", "khong", "1", "khong", "khong", "1", "1")


async def test_red_and_yellow_lead_with_the_action_then_validity(service) -> None:
    red = await declare(service, "a1", REGISTRATION, RED)
    yellow = await declare(service, "b1", REGISTRATION_B, YELLOW)
    gate = await staff_member(service, "gate", "yen my", role="2")
    screen = (await gate.send(f"/kiemtra {red}")).splitlines()
    assert screen[0] == "KHÔNG CHO VÀO ⛔ — hướng dẫn đến trạm y tế xã/phường (hoặc gọi 1900 9095)"
    assert screen[1] == "Mã HỢP LỆ đến 09:00 23/11/2026 · Mức nguy cơ: ĐỎ (nguy cơ cao)"
    screen = (await gate.send(f"/kiemtra {yellow}")).splitlines()
    assert screen[0].startswith("CHO VÀO, CẦN THEO DÕI ⚠️") and "VÀNG" in screen[1]


async def test_green_lets_in_and_an_expired_code_asks_for_a_new_declaration(service, clock) -> None:
    code = await declare(service, "a1", REGISTRATION, GREEN)
    gate = await staff_member(service, "gate", "yen my", role="2")
    assert (await gate.send(f"/kiemtra {code}")).splitlines()[0] == "CHO VÀO ✅"
    clock.advance(hours=25)
    first = (await gate.send(f"/kiemtra {code}")).splitlines()[0]
    assert first.startswith("CHƯA CHO VÀO — mã ĐÃ HẾT HẠN lúc 09:00 23/11/2026")


async def test_typed_codes_are_read_however_they_are_written(service) -> None:
    code = await declare(service, "a1", REGISTRATION, RED)
    gate = await staff_member(service, "gate", "yen my", role="2")
    expected = await gate.send(f"/kiemtra {code}")
    for typed in (code.lower(), f"{code[:4]} {code[4:]}", f"{code[:4].lower()}-{code[4:]}", f"  {code}  "):
        assert await gate.send(f"/kiemtra {typed}") == expected, typed
    assert "KHÔNG PHẢI MÃ THẬT" in await gate.send(f"/kiemtra {code[:7]}")


async def test_qr_typed_code_and_the_command_line_agree(service, database, settings, clock) -> None:
    code = await declare(service, "a1", REGISTRATION, RED)
    token = receipt.sign(code, clock.now, SECRET.encode())
    gate = await staff_member(service, "gate", "yen my", role="2")
    typed = await gate.send(f"/kiemtra {code}")
    assert await gate.send(f"/start v_{token}") == typed
    assert await gate.send(f"/kiemtra https://t.me/khaibao_bot?start=v_{token}") == typed
    async with database.sessions() as session:
        for shown in (code.lower(), token, f"v_{token}"):
            assert (await verify(session, shown, clock.now, settings)).text(settings) == typed
