"""End to end in long-polling mode: the real PTB Application against the fake Bot API over HTTP."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest
from sqlalchemy import select
from sqlmodel import col

from bot.channels.telegram.channel import TelegramChannel
from bot.conversation.service import ConversationService
from bot.settings import Settings
from handlers.protocol import Incoming, Reply
from storage.db import Database
from storage.models import Declaration, Person
from tests.fakes.fake_telegram import FakeTelegram
from tests.telegram.harness import running_channel, telegram_settings
from tests.telegram.script import register
from tests.telegram.tg_user import TgUser
from tests.transcript import REGISTRATION


async def declarations(database: Database) -> list[Declaration]:
    async with database.sessions() as session:
        return list((await session.execute(select(Declaration))).scalars())


async def person(database: Database, user_id: int) -> Person | None:
    async with database.sessions() as session:
        query = select(Person).where(col(Person.channel) == "telegram", col(Person.external_id) == str(user_id))
        return (await session.execute(query)).scalars().first()


class GatedService:
    """Holds one user's messages until ``gate`` is set; everything else goes straight to the service."""

    def __init__(self, service: ConversationService, held_user: int) -> None:
        self.service = service
        self.inbox = service.inbox
        self.held_user = str(held_user)
        self.gate = asyncio.Event()

    async def handle(self, incoming: Incoming) -> list[Reply]:
        if incoming.user_id == self.held_user:
            await self.gate.wait()
        return await self.service.handle(incoming)

    async def mark_unreachable(self, channel: str, user_id: str) -> None:
        await self.service.mark_unreachable(channel, user_id)


class BrokenService:
    """Fails on every message with an error whose text holds personal data."""

    def __init__(self, service: ConversationService) -> None:
        self.inbox = service.inbox

    async def handle(self, incoming: Incoming) -> list[Reply]:
        raise RuntimeError(f"cannot store {incoming.text}")

    async def mark_unreachable(self, channel: str, user_id: str) -> None:
        raise AssertionError("nobody blocked the bot")


async def test_registration_and_declaration_with_buttons_and_typing(
    polling: TelegramChannel, fake: FakeTelegram, database: Database
) -> None:
    user = TgUser(fake, 501)
    await register(user)
    assert "Cho bản thân" in user.labels()
    assert "triệu chứng" in await user.press("Cho bản thân", expect="triệu chứng")
    assert "✅ Sốt" in await user.press("Sốt")
    labels = await user.press("Ho")
    assert "✅ Sốt" in labels and "✅ Ho" in labels and "Trang sau ▶" in labels and "Xong" in labels
    await user.press("Xong", expect="có tiếp xúc hoặc đi lại")
    await user.press("Không có")
    await user.press("Xong", expect="đã đi qua")
    await user.say("ha noi", expect="bệnh nền")
    assert "Không có" not in user.labels()
    page_two = await user.press("Trang sau ▶")
    assert "Không có" in page_two and "◀ Trang trước" in page_two and "Bệnh gan mạn tính" not in page_two
    assert "✅ Không có" in await user.press("Không có")
    await user.press("Xong", expect="vắc-xin")
    review = await user.press("2 mũi", expect="Vui lòng kiểm tra tờ khai")
    assert "• Triệu chứng: Sốt, Ho" in review
    result = await user.press("1", expect="Mã khai báo")
    assert "Mức nguy cơ: VÀNG" in result
    receipt = fake.last_message(501)
    assert receipt.kind == "photo" and receipt.file is not None and receipt.file.data.startswith(b"\x89PNG")
    assert receipt.parse_mode == "HTML" and "Mã khai báo" in (receipt.text or "")
    stored = await declarations(database)
    assert len(stored) == 1 and stored[0].answers["symptoms"] == ["fever", "cough"]
    assert stored[0].commune_code == "12052"
    assert len(fake.callback_answers) == len(fake.calls_to("answerCallbackQuery"))
    assert fake.calls_to("editMessageText") == []  # a toggle redraws the buttons only


async def test_start_deletes_the_webhook_polls_for_two_kinds_and_sets_the_commands(
    polling: TelegramChannel, fake: FakeTelegram
) -> None:
    assert fake.calls_to("deleteWebhook")
    polls = await fake.wait_for_calls("getUpdates")
    assert polls[-1].params["allowed_updates"] == ["message", "callback_query"]
    commands = dict(fake.my_commands())
    assert list(commands) == ["khaibao", "nhapcanh", "quaylai", "huy", "batdau", "vungdich", "ngonngu",
                              "huongdan"]  # the registry's order
    assert commands["khaibao"] == "Khai báo y tế"
    english = dict(fake.my_commands(language_code="en"))  # users whose Telegram app is in English
    assert list(english) == ["declare", "arrival", "back", "cancel", "start", "outbreak", "language", "help"]
    assert english["declare"] == "Make a health declaration"


async def test_deep_link_preselects_the_commune(polling: TelegramChannel, fake: FakeTelegram) -> None:
    user = TgUser(fake, 502)
    reply = await user.command("start", "a_12052", expect="Bạn có đồng ý không?")
    assert "Bạn đang đăng ký tại Xã Yên Mỹ, Hưng Yên" in reply
    prompts = ("Họ và tên", "Ngày sinh", "Giới tính", "Số điện thoại", "CCCD", "Số nhà")  # no province, no commune
    for line, prompt in zip(REGISTRATION[1:7], prompts, strict=True):
        await user.answer(line, expect=prompt)


async def test_malformed_deep_links_are_ignored(polling: TelegramChannel, fake: FakeTelegram) -> None:
    for user_id, payload in enumerate(["a_99999", "a_33", "x_12052", "a_", "a_12052<b>", "%%%"], 520):
        reply = await TgUser(fake, user_id).command("start", payload, expect="Bạn có đồng ý không?")
        assert "Bạn đang đăng ký tại" not in reply, payload


async def test_own_contact_is_accepted_and_another_refused(
    polling: TelegramChannel, fake: FakeTelegram, database: Database
) -> None:
    user = TgUser(fake, 504)
    await register(user, stop=5)
    assert fake.reply_keyboard(504) == [["📱 Gửi số điện thoại của tôi"]]
    markup = fake.last_message(504).reply_markup
    assert markup is not None and markup["keyboard"][0][0]["request_contact"] is True
    refused = await user.share_contact("84987654321", expect="chính bạn", contact_user_id=999)
    assert "Mình chỉ nhận số điện thoại của chính bạn" in refused
    assert fake.reply_keyboard(504) == [["📱 Gửi số điện thoại của tôi"]]
    await user.share_contact("84912345678", expect="CCCD")
    assert fake.reply_keyboard(504) is None
    await register(user, start=6)
    stored = await person(database, 504)
    assert stored is not None and stored.phone == "+84912345678"


async def test_user_text_is_escaped_in_html(polling: TelegramChannel, fake: FakeTelegram) -> None:
    user = TgUser(fake, 505)
    await register(user, stop=7)
    reply = await user.say("<b>qq & zz</b>", expect="Không tìm thấy")  # no place, so it is echoed back
    assert "«<b>qq & zz</b>»" in reply
    sent = next(m for m in fake.messages(505) if "Không tìm thấy" in (m.text or ""))
    assert sent.parse_mode == "HTML" and "«&lt;b&gt;qq &amp; zz&lt;/b&gt;»" in (sent.text or "")


async def test_two_users_do_not_wait_for_each_other_and_each_keeps_order(
    settings: Settings, service: ConversationService, fake: FakeTelegram
) -> None:
    gated = GatedService(service, held_user=507)
    async with running_channel(telegram_settings(settings, fake), gated):
        for text in ("chao", "1", "nguyen van an"):
            await fake.user_sends_text(507, text)
        quick = TgUser(fake, 508)
        await quick.say("chao", expect="đồng ý")
        await quick.press("Tôi đồng ý", expect="Họ và tên")
        assert fake.messages(507) == []  # the first user is still held, the second was answered
        gated.gate.set()
        await TgUser(fake, 507).wait_for("Ngày sinh")
    prompts = [m.plain_text or "" for m in fake.messages(507)]
    assert len(prompts) == 3
    assert "Bạn có đồng ý không?" in prompts[0] and "Họ và tên" in prompts[1] and "Ngày sinh" in prompts[2]


async def test_blocked_user_is_marked_inactive(
    polling: TelegramChannel, fake: FakeTelegram, database: Database
) -> None:
    user = TgUser(fake, 509)
    await register(user)
    fake.blocked.add(509)
    await fake.user_sends_text(509, "/huongdan")
    await fake.wait_for(lambda: any(c.status == 403 for c in fake.calls_to("sendMessage")), what="a 403")
    deadline = time.monotonic() + 5
    while (stored := await person(database, 509)) is not None and stored.active and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    assert stored is not None and stored.active is False
    assert sum(c.status == 403 for c in fake.calls_to("sendMessage")) == 1


async def test_a_failure_is_logged_without_personal_data_and_answered_with_an_apology(
    settings: Settings, service: ConversationService, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with running_channel(telegram_settings(settings, fake), BrokenService(service)):
        delivery = await fake.user_sends_text(510, "0912345678")
        reply = await TgUser(fake, 510).wait_for("Xin lỗi", 0)
    assert "hệ thống đang gặp sự cố" in reply
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert f"update {delivery.update_id} failed: RuntimeError" in logged
    assert "0912345678" not in logged and fake.token not in logged and "cannot store" not in logged


async def test_unsupported_messages_and_stale_buttons_get_polite_answers(
    polling: TelegramChannel, fake: FakeTelegram
) -> None:
    user = TgUser(fake, 511)
    await user.say("chao", expect="đồng ý")
    consent = fake.last_message(511)
    await user.press("Tôi đồng ý", expect="Họ và tên")
    await fake.user_sends_document(511, b"%PDF-1.4")
    unsupported = await fake.wait_for_bot_message(511, lambda m: "Họ và tên" in (m.text or ""))
    assert "chỉ đọc được tin nhắn chữ" in (fake.messages(511)[-2].text or "") and unsupported.buttons == []
    stale = await user.press("Không đồng ý", expect="Họ và tên", message=consent)
    assert "Nút này thuộc câu hỏi trước" in stale
