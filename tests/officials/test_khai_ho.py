"""Khai hộ names the right person: the receipt, the alert, the monitoring notice and reminders, /dulieucuatoi."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from bot.jobs import reminders
from storage.models import Broadcast
from tests.delivery.people import add_people
from tests.transcript import REGISTRATION, Chat

FOR_MOTHER = (*REGISTRATION, "2", "tran thi me", "1950", "nu", "me", "0912345679", "co")
RED_ANSWERS = ("khong", "1", "khong", "khong", "1", "1")


async def _texts(database, kind: str) -> list[str]:  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        query = select(Broadcast.text).where(Broadcast.kind == kind).order_by(Broadcast.id)
        return list((await session.execute(query)).scalars())


async def test_a_declaration_for_a_mother_is_shown_as_hers(service, database, settings, clock) -> None:
    await add_people(database, 1, start=1, channel="console", role="official", area_code="12052")
    son = Chat(service)
    await son.say_all(*FOR_MOTHER)
    receipt = await son.say_all(*RED_ANSWERS)
    assert "Đã ghi nhận tờ khai hộ cho Tran Thi Me. Mức nguy cơ của Tran Thi Me: ĐỎ (nguy cơ cao)." in receipt
    assert "Hướng dẫn cho Tran Thi Me: Hãy ở yên tại nhà" in receipt
    assert "Khai hộ cho: Tran Thi Me" in receipt and "Mã QR này là của Tran Thi Me" in receipt
    assert "Nguyen Van An" not in receipt
    code = re.search(r"Mã khai báo: ([A-Z0-9]{8})", receipt).group(1)  # type: ignore[union-attr]
    [alert] = await _texts(database, "alert")
    assert "Họ tên: Tran Thi Me" in alert and "Địa chỉ: so 12 thon dong, Xã Yên Mỹ, Hưng Yên" in alert

    await Chat(service, user_id="10001").send(f"/theodoi {code} 7")
    told, notice = await _texts(database, "message")
    assert told == (f"Tờ khai hộ nguy cơ cao cho Tran Thi Me (mã {code}) đã được báo tới "
                    "cán bộ Xã Yên Mỹ, Hưng Yên.")
    assert notice.startswith("Tran Thi Me (người bạn đã khai hộ) được cán bộ y tế đưa vào diện theo dõi")

    slot = clock.now + timedelta(hours=1)
    assert await reminders.monitoring_slot(service.db, slot, clock.now - timedelta(minutes=1), settings)
    named = [text for text in await _texts(database, "reminder") if "Tran Thi Me" in text]
    assert named == ["Nhắc khai báo y tế cho Tran Thi Me: Tran Thi Me đang trong diện theo dõi sức khỏe. "
                     "Gõ /khaibao và chọn khai hộ để khai báo cho Tran Thi Me ngay."]
    assert any(text.startswith("Nhắc khai báo y tế: bạn đang") for text in await _texts(database, "reminder"))

    mine = await son.send("/dulieucuatoi")
    assert f"khai hộ cho Tran Thi Me — mức ĐỎ (nguy cơ cao) (mã {code})" in mine


async def test_a_missed_slot_names_the_family_member_and_whom_to_call(service, database, settings, clock) -> None:
    await add_people(database, 1, start=1, channel="console", role="official", area_code="12052")
    son = Chat(service)
    await son.say_all(*FOR_MOTHER)
    code = re.search(r"Mã khai báo: ([A-Z0-9]{8})", await son.say_all(*RED_ANSWERS)).group(1)  # type: ignore[union-attr]
    await son.say_all("/khaibao", "1", "khong", "khong", "khong", "khong", "1", "1")  # his own, green
    await Chat(service, user_id="10001").send(f"/theodoi {code}")
    clock.advance(hours=1)
    previous = clock.now
    clock.advance(hours=8)
    await son.say_all("/khaibao", "1", "khong", "khong", "khong", "khong", "1", "1")  # only his own again
    assert await reminders.monitoring_slot(service.db, clock.now, previous, settings)
    missed = [text for text in await _texts(database, "alert") if "chưa khai báo" in text]
    assert len(missed) == 1 and "• Tran Thi Me — khai hộ bởi Nguyen Van An (0912 345 678)" in missed[0]
