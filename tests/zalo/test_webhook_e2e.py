"""Webhook mode over real HTTP: the secret, bad bodies, repeats, non-text messages, group chats, blocked users."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from bot.conversation.service import ConversationService
from bot.settings import Settings
from storage.db import Database
from tests.fakes.fake_zalo import (
    SECRET_HEADER,
    FakeZalo,
    image_update,
    sticker_update,
    text_update,
    unsupported_update,
)
from tests.transcript import REGISTRATION
from tests.zalo.harness import SQLITE_ONLY, ZaloUser, answered, person_active, zalo_bot

POLITE = "Mình chỉ đọc được tin nhắn chữ"


@SQLITE_ONLY
async def test_wrong_or_missing_secret_is_forbidden(
    fake: FakeZalo, settings: Settings, service: ConversationService
) -> None:
    async with zalo_bot(fake, settings, service, webhook=True):
        assert await fake.push(text_update("zu1", "chao"), secret="wrong-secret") == 403
        async with httpx.AsyncClient() as client:
            response = await client.post(fake.webhook_url, json=text_update("zu1", "chao"))
        assert response.status_code == 403
        assert await fake.push(text_update("zu1", "chao"), secret=fake.webhook_secret + "x") == 403
    assert fake.messages_to("zu1") == []


@SQLITE_ONLY
@pytest.mark.parametrize("body", [b"{not json", b"\xff\xfe", b"[1, 2]", b'"text"', b"[" * 100_000])
async def test_malformed_bodies_get_400(
    fake: FakeZalo, settings: Settings, service: ConversationService, body: bytes
) -> None:
    async with zalo_bot(fake, settings, service, webhook=True) as channel, httpx.AsyncClient() as client:
        headers = {SECRET_HEADER: fake.webhook_secret, "content-type": "application/json"}
        response = await client.post(fake.webhook_url, content=body, headers=headers)
        assert response.status_code == 400
        assert await ZaloUser(fake, channel).say("chao")  # still serving


@SQLITE_ONLY
@pytest.mark.parametrize("body, status", [
    (b'{"event_name": "message.text.received", "message": "x"}', 200),
    (b'{"event_name": "message.text.received", "message": {"from": {"id": "zu9"}, "text": 5}}', 200),
    (b'{"event_name": "message.text.received", "message": {"from": {"id": {"a": 1}}, "text": "chao"}}', 200),
    (b'{"event_name": "bot.unknown.event", "data": {}}', 200),
    (b'{"a":' * 200 + b"1" + b"}" * 200, 400),
    (b'{"pad": "' + b"x" * (2 << 20) + b'"}', 413),
])
async def test_odd_updates_are_recorded_as_rejected_and_the_bot_keeps_answering(
    fake: FakeZalo, settings: Settings, service: ConversationService, body: bytes, status: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with zalo_bot(fake, settings, service, webhook=True) as channel, httpx.AsyncClient() as client:
        headers = {SECRET_HEADER: fake.webhook_secret, "content-type": "application/json"}
        response = await client.post(fake.webhook_url, content=body, headers=headers)
        assert response.status_code == status
        assert await ZaloUser(fake, channel).say("chao")  # still serving
    assert not [record for record in caplog.records if record.exc_info]


@SQLITE_ONLY
async def test_wrapped_and_flat_bodies_and_a_repeat_processed_once(
    fake: FakeZalo, settings: Settings, service: ConversationService
) -> None:
    async with zalo_bot(fake, settings, service, webhook=True) as channel:
        first = text_update("zu1", "chao", message_id="dup-1")
        assert await fake.push(first, wrapped=True) == 200
        assert await fake.push(first) == 200  # Zalo delivering the same message again
        await fake.wait_for_messages("zu1", 1)
        assert await channel.settle(5)
        assert answered(fake, "zu1", "1. Tôi đồng ý")
        assert await fake.push(text_update("zu1", "dong y", message_id="dup-2")) == 200
        await fake.wait_for_messages("zu1", 2)
        assert await channel.settle(5)
        assert answered(fake, "zu1", "1. Tôi đồng ý", "Họ và tên")


@SQLITE_ONLY
@pytest.mark.parametrize("make", [image_update, sticker_update, unsupported_update],
                         ids=["image", "sticker", "unsupported"])
async def test_non_text_messages_get_the_polite_answer_and_the_question_again(
    fake: FakeZalo, settings: Settings, service: ConversationService, make: Callable[[str], dict[str, Any]]
) -> None:
    async with zalo_bot(fake, settings, service, webhook=True) as channel:
        user = ZaloUser(fake, channel)
        await user.say("chao")
        answer = await user.deliver(make("zu1"))
        assert POLITE in answer and "1. Tôi đồng ý" in answer


@SQLITE_ONLY
async def test_group_chats_get_one_private_only_notice(
    fake: FakeZalo, settings: Settings, service: ConversationService
) -> None:
    async with zalo_bot(fake, settings, service, webhook=True) as channel:
        for text in ("chao", "1", "khai bao"):
            await fake.deliver(text_update("zu1", text, chat_type="GROUP"))
        await fake.wait_for_messages("zu1", 1)
        assert await channel.settle(5)
        assert answered(fake, "zu1", "tin nhắn riêng")


async def test_a_user_who_blocked_the_bot_becomes_inactive(
    fake: FakeZalo, settings: Settings, service: ConversationService, database: Database
) -> None:
    async with zalo_bot(fake, settings, service, webhook=True) as channel:
        user = ZaloUser(fake, channel)
        for text in REGISTRATION:
            await user.say(text)
        assert await person_active(database, "zu1") is True
        fake.blocked.add("zu1")
        before = len(fake.messages_to("zu1"))
        await fake.user_says("zu1", "/khaibao")
        assert await channel.settle(5)
        assert len(fake.messages_to("zu1")) == before
    assert await person_active(database, "zu1") is False


@SQLITE_ONLY
async def test_users_run_concurrently_and_each_in_order(
    fake: FakeZalo, settings: Settings, service: ConversationService
) -> None:
    lines = ["chao", "dong y", "nguyen van an", "12 3 1990", "nam"]
    async with zalo_bot(fake, settings, service, webhook=True) as channel:

        async def type_quickly(user_id: str) -> None:
            for text in lines:  # no waiting for answers in between
                await fake.user_says(user_id, text)

        users = [f"zu{n}" for n in range(10)]
        await asyncio.gather(*(type_quickly(user_id) for user_id in users))
        assert await channel.settle(20)
    for user_id in users:
        assert answered(fake, user_id, "1. Tôi đồng ý", "Họ và tên", "Ngày sinh", "Giới tính", "Số điện thoại")


@SQLITE_ONLY
async def test_a_stopping_channel_answers_503_so_zalo_delivers_again(
    fake: FakeZalo, settings: Settings, service: ConversationService
) -> None:
    async with zalo_bot(fake, settings, service, webhook=True) as channel:
        await channel.stop()
        assert await fake.push(text_update("zu1", "chao")) == 503
    assert fake.messages_to("zu1") == []
