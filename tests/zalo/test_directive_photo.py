"""An admin on Zalo sends a photo of a paper directive at /thongbao_moi: fetched from Zalo's URL and read by OCR."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.conversation.service import ConversationService
from bot.settings import Settings
from storage.db import Database
from tests.directive.renders import image_bytes, scanned_page
from tests.directive.support import fixture
from tests.fakes.fake_zalo import FakeZalo, image_update
from tests.zalo.harness import SQLITE_ONLY, ZaloUser, zalo_bot

ROOT = Path(__file__).resolve().parents[2]


@SQLITE_ONLY
async def test_an_admins_photo_is_read_at_the_directive_step(
    fake: FakeZalo, settings: Settings, database: Database, clock
) -> None:  # type: ignore[no-untyped-def]
    if subprocess.run([str(ROOT / "scripts" / "test-tesseract.sh")], capture_output=True, check=False).returncode:
        pytest.skip("Tesseract unavailable")
    admins = settings.model_copy(update={"admins": "zalo:za1"})
    service = ConversationService(database, admins, clock=clock, outbreak_ttl=0)
    photo = image_bytes(scanned_page(fixture("cong-van-so-y-te.txt")).convert("RGB"), "JPEG")
    async with zalo_bot(fake, admins, service, webhook=True) as channel:
        admin = ZaloUser(fake, channel, "za1")
        assert "Dán nội dung" in await admin.say("/thongbao_moi")
        preview = await admin.deliver(image_update("za1", fake.media_url("giay.jpg", photo)))
        assert "Đã đọc tệp anh-chup.jpg (1 trang)." in preview and "1234/SYT-NVY" in preview
    assert fake.media_fetches == 1


@SQLITE_ONLY
async def test_a_citizens_photo_is_not_fetched(
    fake: FakeZalo, settings: Settings, service: ConversationService
) -> None:
    async with zalo_bot(fake, settings, service, webhook=True) as channel:
        citizen = ZaloUser(fake, channel, "zc1")
        await citizen.say("chao")
        answer = await citizen.deliver(image_update("zc1", fake.media_url("x.jpg", b"not fetched")))
        assert "chỉ đọc được tin nhắn chữ" in answer
    assert fake.media_fetches == 0
