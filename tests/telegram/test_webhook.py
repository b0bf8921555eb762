"""End to end in webhook mode: the fake Bot API posts updates to the channel's route over HTTP."""

from __future__ import annotations

import httpx
from sqlalchemy import func, select

from bot.conversation.service import ConversationService
from bot.settings import Settings
from storage.db import Database
from storage.models import Declaration
from tests.fakes.fake_telegram import SECRET_HEADER, FakeTelegram
from tests.telegram.harness import webhook_channel
from tests.telegram.script import declare, register
from tests.telegram.tg_user import TgUser

CONSENT = "Bạn có đồng ý không?"


async def count_declarations(database: Database) -> int:
    async with database.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(Declaration))).scalar_one())


async def test_registration_and_declaration_through_the_webhook(
    settings: Settings, service: ConversationService, fake: FakeTelegram, database: Database
) -> None:
    async with webhook_channel(settings, service, fake):
        hook = fake.calls_to("setWebhook")[-1].params
        assert hook["url"].endswith("/telegram/webhook")
        assert hook["secret_token"] == settings.derived_secret("telegram-webhook")
        assert hook["allowed_updates"] == ["message", "callback_query"]
        user = TgUser(fake, 601)
        await register(user)
        result = await declare(user)
    assert "Mức nguy cơ: VÀNG" in result and fake.last_message(601).kind == "photo"
    assert await count_declarations(database) == 1
    assert fake.calls_to("getUpdates") == []


async def test_wrong_or_missing_secret_is_refused_and_junk_is_a_bad_request(
    settings: Settings, service: ConversationService, fake: FakeTelegram
) -> None:
    async with webhook_channel(settings, service, fake):
        assert fake.webhook is not None
        url, secret = fake.webhook.url, fake.webhook.secret_token or ""
        update = {"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": {"id": 602, "type": "private"},
                                              "from": {"id": 602, "is_bot": False, "first_name": "An"}, "text": "chao"}}
        async with httpx.AsyncClient() as client:
            wrong = await client.post(url, json=update, headers={SECRET_HEADER: secret[:-1] + "x"})
            missing = await client.post(url, json=update)
            junk = await client.post(url, content=b"not json", headers={SECRET_HEADER: secret})
            listed = await client.post(url, json=[update], headers={SECRET_HEADER: secret})
    assert (wrong.status_code, missing.status_code, junk.status_code, listed.status_code) == (403, 403, 400, 400)
    assert fake.messages(602) == []


async def test_a_repeated_update_is_processed_once_even_after_a_restart(
    settings: Settings, service: ConversationService, fake: FakeTelegram
) -> None:
    user = TgUser(fake, 603)
    async with webhook_channel(settings, service, fake):
        first = await fake.user_sends_text(603, "chao")
        await user.wait_for(CONSENT, 0)
        again = await fake.deliver(first.update)
        await user.press("Tôi đồng ý", expect="Họ và tên")
    async with webhook_channel(settings, service, fake):
        after_restart = await fake.deliver(first.update)
        await user.say("nguyen van an", expect="Ngày sinh")
    assert first.status == again.status == after_restart.status == 200
    assert sum(CONSENT in (m.text or "") for m in fake.messages(603)) == 1
