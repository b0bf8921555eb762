"""An admin sends a directive on Telegram: a long paste split into parts, a PDF document, a photo of paper."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.channels.telegram.channel import TelegramChannel
from tests.directive.long_letter import long_letter, split_like_a_chat
from tests.directive.renders import digital_pdf, image_bytes, scanned_page
from tests.directive.support import fixture
from tests.fakes.fake_telegram import FakeTelegram
from tests.telegram.tg_user import TgUser

ADMIN = 1  # telegram:1 is an admin in the tests' settings
ROOT = Path(__file__).resolve().parents[2]


async def test_a_four_part_paste_becomes_one_document(polling: TelegramChannel, fake: FakeTelegram) -> None:
    admin = TgUser(fake, ADMIN)
    await admin.command("thongbao_moi", expect="Dán nội dung")
    floor = admin._floor()
    parts = split_like_a_chat(long_letter())
    assert len(parts) == 4
    for part in parts:
        await fake.user_sends_text(ADMIN, part)
    preview = await admin.wait_for("Đã ghép 4 tin nhắn liền nhau thành một văn bản.", floor)
    assert "412/UBND-KGVX" in preview and "Nguyễn Văn Minh" not in preview


async def test_a_pdf_document_is_fetched_and_read(polling: TelegramChannel, fake: FakeTelegram) -> None:
    admin = TgUser(fake, ADMIN)
    await admin.command("thongbao_moi", expect="Dán nội dung")
    floor = admin._floor()
    await fake.user_sends_document(ADMIN, digital_pdf(fixture("cong-van-so-y-te.txt")), "cong-van-1234.pdf")
    preview = await admin.wait_for("Đã đọc tệp cong-van-1234.pdf (1 trang).", floor)
    assert "1234/SYT-NVY" in preview
    assert fake.calls_to("getFile")


async def test_a_photo_of_paper_goes_through_ocr(polling: TelegramChannel, fake: FakeTelegram) -> None:
    installed = subprocess.run([str(ROOT / "scripts" / "test-tesseract.sh")], capture_output=True, check=False)
    if installed.returncode != 0:
        pytest.skip("Tesseract unavailable")
    admin = TgUser(fake, ADMIN)
    await admin.command("thongbao_moi", expect="Dán nội dung")
    floor = admin._floor()
    photo = image_bytes(scanned_page(fixture("cong-van-so-y-te.txt")).convert("RGB"), "JPEG")
    await fake.user_sends_photo(ADMIN, photo)
    found = await fake.wait_for_bot_message(ADMIN, lambda m: "Đã đọc tệp" in (m.plain_text or ""), timeout=30,
                                            after=floor)
    assert "1234/SYT-NVY" in (found.plain_text or "")


async def test_a_citizens_file_is_not_fetched(polling: TelegramChannel, fake: FakeTelegram) -> None:
    citizen = TgUser(fake, 77)
    await citizen.say("chao", expect="đồng ý")
    await fake.user_sends_document(77, digital_pdf(fixture("cong-van-so-y-te.txt")), "x.pdf")
    await citizen.wait_for("chỉ đọc được tin nhắn chữ")
    assert not fake.calls_to("getFile")
