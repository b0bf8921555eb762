"""Bad bodies on the webhook, with a valid secret: never a 5xx, never a traceback, and the bot keeps answering."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from bot.conversation.service import ConversationService
from bot.settings import Settings
from tests.fakes.fake_telegram import SECRET_HEADER, FakeTelegram
from tests.telegram.harness import webhook_channel
from tests.telegram.tg_user import TgUser


def message(update_id: int, **fields: Any) -> dict[str, Any]:
    base = {"message_id": 1, "date": 0, "chat": {"id": 650, "type": "private"},
            "from": {"id": 650, "is_bot": False, "first_name": "An"}}
    return {"update_id": update_id, "message": {**base, **fields}}


def nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"a": value}
    return {"update_id": 9, **value}


BODIES: list[tuple[str, bytes, set[int]]] = [
    ("deeply nested JSON", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, {400}),
    ("nested past the limit", httpx.Request("POST", "/", json=nested(200)).content, {400}),
    ("message is a string", httpx.Request("POST", "/", json={"update_id": 10, "message": "x"}).content, {200}),
    ("text is a number", httpx.Request("POST", "/", json=message(11, text=12345)).content, {200}),
    ("text is an object", httpx.Request("POST", "/", json=message(12, text={"a": 1})).content, {200}),
    ("unknown update type", httpx.Request("POST", "/", json={"update_id": 13, "poll_answer": {"x": 1}}).content,
     {200}),
    ("no update id", httpx.Request("POST", "/", json={"message": {"text": "chao"}}).content, {200}),
    ("a list", b"[1, 2, 3]", {400}),
    ("not JSON", b"\xff\xfe garbage", {400}),
    ("over the size limit", b'{"update_id": 14, "pad": "' + b"x" * (2 << 20) + b'"}', {413}),
]


async def test_bad_bodies_are_refused_or_recorded_and_the_bot_keeps_answering(
    settings: Settings, service: ConversationService, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with webhook_channel(settings, service, fake):
        assert fake.webhook is not None
        url, secret = fake.webhook.url, fake.webhook.secret_token or ""
        async with httpx.AsyncClient(timeout=30) as client:
            for what, body, expected in BODIES:
                answer = await client.post(url, content=body,
                                           headers={SECRET_HEADER: secret, "Content-Type": "application/json"})
                assert answer.status_code in expected, what
        reply = await TgUser(fake, 651).say("chao", expect="Bạn có đồng ý không?")
    assert "Bạn có đồng ý không?" in reply
    failures = [f"{record.name}: {record.getMessage()}" for record in caplog.records
                if record.exc_info or "Traceback" in record.getMessage() or record.levelno >= logging.ERROR]
    assert failures == []
