"""The bulk Telegram sender maps each answer to what the queue does next."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.channels.http_proxy import env_proxy
from bot.channels.telegram.bulk import TelegramSender
from bot.delivery.senders import (
    Ambiguous,
    Blocked,
    RateLimited,
    Rejected,
    SendError,
    Transient,
)
from tests.fakes.fake_telegram import running_fake_telegram
from tests.fakes.serve import free_port, serving, silent_server


async def test_a_send_reaches_the_chat_with_paid_broadcast_set() -> None:
    async with running_fake_telegram() as fake:
        sender = TelegramSender(fake.base_url, fake.token, paid_broadcast=True)
        await sender.send("501", "Thông báo khẩn")
        await sender.aclose()
    [call] = fake.calls_to("sendMessage")
    assert call.params["allow_paid_broadcast"] is True and fake.last_text(501) == "Thông báo khẩn"


@pytest.mark.parametrize(
    ("status", "error"), [(429, RateLimited), (403, Blocked), (400, Rejected), (500, Transient), (502, Transient)]
)
async def test_platform_answers_map_to_queue_outcomes(status: int, error: type[SendError]) -> None:
    async with running_fake_telegram() as fake:
        fake.fail_next(1, status, method="sendMessage")
        sender = TelegramSender(fake.base_url, fake.token)
        with pytest.raises(error):
            await sender.send("502", "Xin chào")
        await sender.send("502", "Xin chào")  # the next one goes through on the same session
        await sender.aclose()
    assert [call.status for call in fake.calls_to("sendMessage")] == [status, 200]


async def test_nothing_listening_is_retried_but_no_answer_may_have_been_delivered() -> None:
    refused = TelegramSender(f"http://127.0.0.1:{free_port()}", "1:x")
    with pytest.raises(Transient):
        await refused.send("503", "Xin chào")
    await refused.aclose()
    async with silent_server() as url:
        silent = TelegramSender(url, "1:x", timeout=0.2)
        with pytest.raises(Ambiguous):
            await silent.send("503", "Xin chào")
        await silent.aclose()


async def test_answers_that_do_not_refuse_the_message_are_ambiguous() -> None:
    async def gateway_timeout(request: Request) -> Response:
        return HTMLResponse("<html>504 Gateway Time-out</html>", status_code=504)

    async def unreadable(request: Request) -> Response:
        return PlainTextResponse("ok?")

    routes = [Route("/bot1:x/sendMessage", gateway_timeout, methods=["POST"]),
              Route("/bot2:x/sendMessage", unreadable, methods=["POST"])]
    async with serving(Starlette(routes=routes)) as url:
        for token in ("1:x", "2:x"):
            sender = TelegramSender(url, token)
            with pytest.raises(Ambiguous):
                await sender.send("504", "Xin chào")
            await sender.aclose()


def test_the_proxy_comes_from_the_environment_once(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("https_proxy", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "http://khaibao:pw@proxy.tinh.example:3128")
    proxy, auth = env_proxy("https://api.telegram.org/bot1:x")
    assert str(proxy) == "http://proxy.tinh.example:3128" and auth is not None and auth.login == "khaibao"
    monkeypatch.setenv("NO_PROXY", "api.telegram.org")
    assert env_proxy("https://api.telegram.org/bot1:x") == (None, None)
