"""The Zalo Bot API client against the fake Zalo server over real HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import sys
import time
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.channels.zalo.api import (
    ZaloApiError,
    ZaloBadRequest,
    ZaloBotApi,
    ZaloForbidden,
    ZaloNetworkError,
    ZaloRateLimited,
    ZaloServerError,
    ZaloTimedOut,
    ZaloUnauthorized,
)
from bot.delivery.pacing import RateLimiter
from tests.fakes.fake_zalo import (
    SECRET_HEADER,
    FakeZalo,
    image_update,
    running_fake_zalo,
    sticker_update,
    text_update,
    unsupported_update,
)
from tests.fakes.serve import free_port, serving

pytestmark = pytest.mark.asyncio

REPO_ROOT = Path(__file__).resolve().parents[2]
SECRET = "webhook-secret-123"


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeZalo]:
    async with running_fake_zalo() as server:
        yield server


@pytest_asyncio.fixture
async def api(fake: FakeZalo) -> AsyncIterator[ZaloBotApi]:
    async with ZaloBotApi(fake.token, fake.base_url, timeout=5.0) as client:
        yield client


class WebhookReceiver:
    """A bot-side webhook endpoint that records what the platform posts to it."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, Any], str | None]] = []
        self.app = Starlette(routes=[Route("/zalo/webhook", self._receive, methods=["POST"])])

    async def _receive(self, request: Request) -> Response:
        self.received.append((json.loads(await request.body()), request.headers.get(SECRET_HEADER)))
        return JSONResponse({"ok": True})


async def test_get_me_describes_the_bot(fake: FakeZalo, api: ZaloBotApi) -> None:
    me = await api.get_me()
    assert me == {
        "id": fake.bot_id,
        "account_name": "khaibao_test_bot",
        "account_type": "BASIC",
        "can_join_groups": False,
    }


async def test_send_message_is_recorded(fake: FakeZalo, api: ZaloBotApi) -> None:
    result = await api.send_message("u1", "Xin chào")
    assert isinstance(result["message_id"], str) and result["message_id"]
    assert abs(result["date"] - time.time() * 1000) < 60_000  # epoch milliseconds
    [sent] = await fake.wait_for_messages("u1", 1)
    assert (sent.chat_id, sent.text, sent.photo, sent.message_id) == (
        "u1", "Xin chào", None, result["message_id"],
    )


async def test_send_photo_and_chat_action(fake: FakeZalo, api: ZaloBotApi) -> None:
    await api.send_photo("u2", "https://khaibao.example/qr/abc.png", caption="receipt ABC")
    await api.send_photo("u2", "https://khaibao.example/qr/def.png")
    assert await api.send_chat_action("u2") is None
    first, second = fake.messages_to("u2")
    assert (first.photo, first.caption, first.text) == (
        "https://khaibao.example/qr/abc.png", "receipt ABC", None,
    )
    assert second.caption is None
    assert fake.chat_actions == [("u2", "typing")]


async def test_text_limits_are_checked_before_sending(fake: FakeZalo, api: ZaloBotApi) -> None:
    for text in ["", "   ", "x" * 2001]:
        with pytest.raises(ValueError):
            await api.send_message("u1", text)
    with pytest.raises(ValueError):
        await api.send_message("", "hello")
    with pytest.raises(ValueError):
        await api.send_photo("u1", "file:///etc/passwd")
    with pytest.raises(ValueError):
        await api.set_webhook("https://khaibao.example/zalo", "short")
    assert fake.stats.requests == 0
    await api.send_message("u1", "x" * 2000)
    assert fake.sent[0].text == "x" * 2000


async def test_get_updates_returns_one_update_then_none(fake: FakeZalo, api: ZaloBotApi) -> None:
    updates = [
        text_update("u1", "/start", message_id="m1"),
        image_update("u1", caption="rash"),
        sticker_update("u1"),
        unsupported_update("u1"),
    ]
    for update in updates:
        await fake.queue_update(update)
    assert [await api.get_updates(timeout=0) for _ in updates] == updates
    assert await api.get_updates(timeout=0) is None  # HTTP 200 ok=false 408 is an empty poll
    message = updates[0]["message"]
    assert message["chat"] == {"id": "u1", "chat_type": "PRIVATE"}
    assert message["from"]["is_bot"] is False and message["date"] > 10**12
    assert updates[1]["message"]["photo_url"].startswith("https://")


async def test_long_poll_outlives_the_normal_timeout(fake: FakeZalo) -> None:
    """The read timeout of getUpdates is the poll timeout plus a margin, not the call timeout."""
    async with ZaloBotApi(fake.token, fake.base_url, timeout=0.2) as api:
        poll = asyncio.create_task(api.get_updates(timeout=5))
        await asyncio.sleep(0.4)
        await fake.user_says("u7", "1")
        update = await asyncio.wait_for(poll, 2)
    assert update is not None and update["message"]["text"] == "1"
    assert fake.pending_updates == 0


async def test_fake_long_poll_waits_then_answers_408(fake: FakeZalo) -> None:
    url = f"{fake.base_url}/bot{fake.token}/getUpdates"
    async with httpx.AsyncClient() as http:
        started = time.monotonic()
        response = await http.post(url, json={"timeout": "0.2"})
        waited = time.monotonic() - started
        stats = (await http.get(f"{fake.base_url}/stats")).json()
    assert response.status_code == 200 and waited >= 0.2
    assert response.json() == {"ok": False, "error_code": 408, "description": "Request timeout"}
    assert stats == {
        "requests": 1, "sent": 0, "rate_limited": 0, "injected_failures": 0, "peak_per_second": 0,
    }


async def test_webhook_lifecycle_delivers_flat_and_wrapped(
    fake: FakeZalo, api: ZaloBotApi
) -> None:
    receiver = WebhookReceiver()
    async with serving(receiver.app) as bot_url:
        url = f"{bot_url}/zalo/webhook"
        result = await api.set_webhook(url, SECRET)
        assert result["url"] == url and result["updated_at"] > 10**12
        assert (await api.get_webhook_info())["url"] == url
        flat = await fake.user_says("u3", "hello")
        wrapped = await fake.user_says("u3", "again", wrapped=True)
        with pytest.raises(ZaloApiError) as conflict:
            await api.get_updates(timeout=0)
        assert conflict.value.error_code == 409
        assert (await api.delete_webhook())["url"] == ""
    assert receiver.received == [(flat, SECRET), ({"ok": True, "result": wrapped}, SECRET)]
    assert (await api.get_webhook_info())["url"] == ""
    await fake.user_says("u3", "polled")
    polled = await api.get_updates(timeout=0)
    assert polled is not None and polled["message"]["text"] == "polled"


async def test_webhook_must_be_https_when_required() -> None:
    async with running_fake_zalo(allow_http_webhook=False) as fake, ZaloBotApi(fake.token, fake.base_url) as api:
        with pytest.raises(ZaloBadRequest, match="https"):
            await api.set_webhook("http://127.0.0.1:9/hook", SECRET)
        assert (await api.set_webhook("https://khaibao.example/hook", SECRET))["url"]


async def test_wrong_token_is_unauthorized(fake: FakeZalo) -> None:
    async with ZaloBotApi("999:wrong-token", fake.base_url) as api:
        with pytest.raises(ZaloUnauthorized) as caught:
            await api.get_me()
    assert caught.value.error_code == 401 and not caught.value.transient


@pytest.mark.parametrize("errors_as_http_200", [False, True])
async def test_blocked_recipient_is_forbidden(errors_as_http_200: bool) -> None:
    async with running_fake_zalo(errors_as_http_200=errors_as_http_200) as fake:
        fake.blocked.add("u4")
        async with ZaloBotApi(fake.token, fake.base_url) as api:
            with pytest.raises(ZaloForbidden) as caught:
                await api.send_message("u4", "hello")
            with pytest.raises(ZaloForbidden):
                await api.send_chat_action("u4")
            await api.send_message("u5", "hello")
    assert caught.value.error_code == 403 and not caught.value.transient
    assert [message.chat_id for message in fake.sent] == ["u5"]


async def test_rate_limit_answers_429_with_retry_after() -> None:
    async with running_fake_zalo(rate_limit=5, rate_burst=2) as fake, ZaloBotApi(fake.token, fake.base_url) as api:
        await api.send_message("u1", "one")
        await api.send_message("u1", "two")
        with pytest.raises(ZaloRateLimited) as caught:
            await api.send_message("u1", "three")
        await asyncio.sleep(caught.value.retry_after)
        await api.send_message("u1", "three")
    assert caught.value.error_code == 429 and caught.value.transient
    assert 0 < caught.value.retry_after <= 0.2
    assert fake.stats.rate_limited == 1 and fake.stats.sent == 3


async def test_injected_server_errors_are_transient(fake: FakeZalo, api: ZaloBotApi) -> None:
    fake.fail_next(2, status=502)
    for _ in range(2):
        with pytest.raises(ZaloServerError) as caught:
            await api.send_message("u1", "hello")
        assert caught.value.error_code == 502 and caught.value.transient
    await api.send_message("u1", "hello")
    assert fake.stats.injected_failures == 2 and len(fake.sent) == 1


async def test_read_timeout_is_ambiguous_not_a_network_error() -> None:
    async with running_fake_zalo(latency=0.5) as fake:
        async with ZaloBotApi(fake.token, fake.base_url, timeout=0.1) as api:
            with pytest.raises(ZaloTimedOut) as caught:
                await api.send_message("u1", "maybe delivered")
        assert caught.value.transient and caught.value.error_code is None
        assert [message.text for message in fake.sent] == ["maybe delivered"]


async def test_connection_refused_is_a_network_error() -> None:
    async with ZaloBotApi("1:secret-token", f"http://127.0.0.1:{free_port()}") as api:
        with pytest.raises(ZaloNetworkError) as caught:
            await api.send_message("u1", "never sent")
    assert caught.value.transient


def _mock_api(handler: Callable[[httpx.Request], httpx.Response]) -> ZaloBotApi:
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return ZaloBotApi("42:mock-token", "https://zalo.invalid", client=client)


@pytest.mark.parametrize(
    ("response", "error", "code"),
    [
        (httpx.Response(429, headers={"Retry-After": "7"}), ZaloRateLimited, 429),
        (httpx.Response(502, text="<html>Bad Gateway</html>"), ZaloServerError, 502),
        (httpx.Response(200, text="not json"), ZaloApiError, None),
        (httpx.Response(200, json={"ok": False, "error_code": "400"}), ZaloBadRequest, 400),
        (httpx.Response(404, json={"ok": False, "description": "nope"}), ZaloApiError, 404),
    ],
)
async def test_error_answers_without_a_usual_envelope(
    response: httpx.Response, error: type[ZaloApiError], code: int | None
) -> None:
    api = _mock_api(lambda request: response)
    with pytest.raises(error) as caught:
        await api.send_message("u1", "hello")
    assert type(caught.value) is error and caught.value.error_code == code
    if isinstance(caught.value, ZaloRateLimited):
        assert caught.value.retry_after == 7.0
    await api.aclose()


async def test_rate_limited_without_a_hint_waits_one_second() -> None:
    api = _mock_api(lambda request: httpx.Response(429, json={"ok": False, "error_code": 429}))
    with pytest.raises(ZaloRateLimited) as caught:
        await api.send_message("u1", "hello")
    assert caught.value.retry_after == 1.0


async def test_a_given_client_is_left_open() -> None:
    client = httpx.AsyncClient(transport=httpx.MockTransport(lambda request: httpx.Response(200)))
    async with ZaloBotApi("42:mock-token", client=client):
        pass
    assert not client.is_closed
    await client.aclose()


async def test_token_never_appears_in_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    errors: list[ZaloApiError] = []
    tokens: list[str] = []

    async def capture(api: ZaloBotApi, call: Callable[[ZaloBotApi], Awaitable[object]]) -> None:
        with pytest.raises(ZaloApiError) as caught:
            await call(api)
        errors.append(caught.value)

    async with running_fake_zalo() as fake:
        fake.blocked.add("blocked")
        fake.fail_next(1)
        tokens.append(fake.token)
        async with ZaloBotApi(fake.token, fake.base_url, timeout=1.0) as api:
            await capture(api, lambda api: api.send_message("u1", "fails"))
            await capture(api, lambda api: api.send_message("blocked", "hello"))
            await api.get_updates(timeout=0)
        fake.latency = 0.3
        async with ZaloBotApi(fake.token, fake.base_url, timeout=0.05) as api:
            await capture(api, lambda api: api.send_message("u1", "slow"))
        fake.latency = 0.0
        tokens.append("777:another-secret")
        async with ZaloBotApi(tokens[-1], fake.base_url) as api:
            await capture(api, lambda api: api.get_me())
    tokens.append("888:unreachable-secret")
    async with ZaloBotApi(tokens[-1], f"http://127.0.0.1:{free_port()}") as api:
        await capture(api, lambda api: api.get_me())
        assert tokens[-1] not in repr(api)

    assert [type(error) for error in errors] == [
        ZaloServerError, ZaloForbidden, ZaloTimedOut, ZaloUnauthorized, ZaloNetworkError,
    ]
    shown = [f"{error} {error!r} {''.join(traceback.format_exception(error))}" for error in errors]
    everything = "\n".join(shown) + caplog.text + "\n".join(r.getMessage() for r in caplog.records)
    assert "zalo sendMessage" in caplog.text  # the client did log at DEBUG
    for token in tokens:
        assert token not in everything
        assert token.split(":")[1] not in everything


async def test_paced_sends_stay_under_the_platform_limit() -> None:
    limiter = RateLimiter(200, burst=1)
    async with running_fake_zalo(rate_limit=200, rate_burst=5) as fake, ZaloBotApi(fake.token, fake.base_url) as api:

        async def worker(start: int) -> None:
            for n in range(start, 60, 4):
                await limiter.acquire()
                await api.send_message(f"u{n}", f"notice {n}")

        await asyncio.gather(*(worker(start) for start in range(4)))
    assert fake.stats.sent == 60 and fake.stats.rate_limited == 0


async def test_fake_runs_as_a_separate_process() -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.fakes.fake_zalo", "--port", str(port),
         "--token", "5:t-secret", "--rate", "50"],
        cwd=REPO_ROOT, stdout=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient() as http:
            await _wait_until_up(http, f"{base_url}/stats")
            async with ZaloBotApi("5:t-secret", base_url) as api:
                await api.send_message("u1", "hello")
            stats = (await http.get(f"{base_url}/stats")).json()
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert stats["sent"] == 1 and stats["rate_limited"] == 0 and stats["peak_per_second"] == 1


async def _wait_until_up(http: httpx.AsyncClient, url: str) -> None:
    deadline = time.monotonic() + 15
    while True:
        try:
            await http.get(url)
            return
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.05)
