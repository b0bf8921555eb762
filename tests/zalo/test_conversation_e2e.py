"""End to end over real HTTP: the whole registration and declaration typed on Zalo, by webhook and by polling."""

from __future__ import annotations

import httpx
import pytest

from bot.conversation.service import ConversationService
from bot.settings import Settings
from storage.db import Database
from tests.fakes.fake_zalo import FakeZalo
from tests.zalo.harness import ZaloUser, person_active, zalo_bot

TRANSCRIPT = [
    ("chao", "1. Tôi đồng ý"),
    ("dong y", "Họ và tên"),
    ("nguyen van an", "Ngày sinh"),
    ("12 3 1990", "Giới tính của bạn?\n1. Nam\n2. Nữ\n3. Khác"),
    ("nam", "Số điện thoại"),
    ("0912 345 678", "CCCD"),
    ("bo qua", "tỉnh/thành phố"),
    ("hung yen", "Đã chọn: Hưng Yên"),
    ("yen my", "Đã chọn: Xã Yên Mỹ, Hưng Yên"),
    ("so 12 thon dong", "1. Lưu thông tin"),
    ("1", "Bạn khai báo cho ai?\n1. Cho bản thân"),
    ("cho ban than", "(Có thể chọn nhiều: gõ các số, ví dụ «1 3»)"),
    ("1 va 3", "Bạn chọn: Sốt, Khó thở"),
    ("khong", "Bạn chọn: Không có"),
    ("ha noi", "bệnh nền"),
    ("12", "Bạn chọn: Không có"),
    ("2 mui", "Vui lòng kiểm tra tờ khai"),
]


@pytest.mark.parametrize("webhook", [True, False], ids=["webhook", "polling"])
async def test_registration_and_declaration_end_with_a_qr_photo(
    fake: FakeZalo, settings: Settings, service: ConversationService, database: Database, webhook: bool
) -> None:
    async with zalo_bot(fake, settings, service, webhook=webhook) as channel:
        user = ZaloUser(fake, channel)
        for text, expected in TRANSCRIPT:
            assert expected in await user.say(text), text
        result = await user.say("1")
        assert "Mức nguy cơ: VÀNG" in result and "Mã khai báo:" in result
        photo = fake.messages_to(user.user_id)[-1]
        assert photo.photo and photo.caption and "Mã khai báo:" in photo.caption
        assert all(len(m.text or m.caption or "") <= 2000 for m in fake.messages_to(user.user_id))
        async with httpx.AsyncClient() as client:
            image = await client.get(photo.photo)
        assert image.status_code == 200 and image.headers["content-type"] == "image/png"
        assert image.content.startswith(b"\x89PNG")
    assert await person_active(database, user.user_id) is True
