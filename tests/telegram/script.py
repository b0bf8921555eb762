"""The registration and declaration a citizen goes through on Telegram, typing and pressing buttons."""

from __future__ import annotations

from tests.telegram.tg_user import TgUser
from tests.transcript import REGISTRATION

# What the bot asks after each line of the registration transcript.
REGISTRATION_PROMPTS = (
    "Bạn có đồng ý không?",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Số điện thoại",
    "CCCD",
    "tỉnh/thành phố",
    "xã/phường nào",
    "Số nhà",
    "Vui lòng kiểm tra thông tin",
    "Bạn khai báo cho ai?",
)


async def register(user: TgUser, start: int = 0, stop: int | None = None) -> None:
    """Answer the registration lines ``start`` to ``stop`` (default: all, ending at the declaration),
    pressing buttons where the bot offers them."""
    for line, prompt in list(zip(REGISTRATION, REGISTRATION_PROMPTS, strict=True))[start:stop]:
        await user.answer(line, expect=prompt)


async def declare(user: TgUser) -> str:
    """Declare fever and cough, no exposure, Hà Nội, no condition, two doses; the result texts."""
    await user.press("Cho bản thân", expect="triệu chứng")
    await user.press("Sốt")
    await user.press("Ho")
    await user.press("Xong", expect="có tiếp xúc hoặc đi lại")
    await user.press("Không có")
    await user.press("Xong", expect="đã đi qua")
    await user.say("ha noi", expect="bệnh nền")
    await user.press("Trang sau ▶")
    await user.press("Không có")
    await user.press("Xong", expect="vắc-xin")
    await user.press("2 mũi", expect="Vui lòng kiểm tra tờ khai")
    return await user.press("1", expect="Mã khai báo")
