"""PTB's Bot on the aiohttp request class: form fields, file uploads, timeouts and network errors."""

from __future__ import annotations

import io
import traceback
from collections.abc import AsyncIterator, Iterator

import pytest
from telegram import Bot
from telegram.error import NetworkError, TimedOut

from bot.channels.telegram.http import AiohttpRequest
from tests.fakes.fake_telegram import FakeTelegram, running_fake_telegram
from tests.fakes.serve import free_port, silent_server

CHAT = 4242
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with running_fake_telegram() as server:
        yield server


async def test_json_parameters_and_a_photo_upload_reach_the_api(fake: FakeTelegram) -> None:
    async with Bot(fake.token, base_url=fake.bot_base_url, request=AiohttpRequest(4)) as bot:
        sent = await bot.send_message(CHAT, "Chào <b>bạn</b>", parse_mode="HTML", reply_markup=None)
        photo = await bot.send_photo(CHAT, io.BytesIO(PNG), caption="Mã QR")
    [message] = fake.calls_to("sendMessage")
    assert message.params["text"] == "Chào <b>bạn</b>" and message.params["parse_mode"] == "HTML"
    [upload] = fake.calls_to("sendPhoto")
    assert upload.params["caption"] == "Mã QR" and upload.files["photo"].data == PNG
    assert sent.message_id != photo.message_id


async def test_no_answer_within_the_read_timeout_is_timed_out() -> None:
    async with silent_server() as url:
        request = AiohttpRequest(2, read_timeout=0.2)
        await request.initialize()
        try:
            with pytest.raises(TimedOut):
                await request.post(f"{url}/bot1:x/getMe")
        finally:
            await request.shutdown()


async def test_nothing_listening_is_a_network_error() -> None:
    request = AiohttpRequest(2)
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as raised:
            await request.post(f"http://127.0.0.1:{free_port()}/bot1:x/getMe")
    finally:
        await request.shutdown()
    assert not isinstance(raised.value, TimedOut)
    shown = " ".join(line for error in logged_chain(raised.value) for line in traceback.format_exception_only(error))
    assert "1:x" not in shown and "127.0.0.1" not in shown, "a logged traceback would show the URL"


def logged_chain(error: BaseException | None) -> Iterator[BaseException]:
    """The error and every cause or context a logged traceback prints with it."""
    while error is not None:
        yield error
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)


async def test_a_closed_request_refuses_to_send() -> None:
    request = AiohttpRequest(1)
    with pytest.raises(RuntimeError):
        await request.do_request("http://127.0.0.1:9/", "POST")
