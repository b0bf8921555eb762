"""Adapter table: Reply to the HTTP calls made to Zalo; pacing, retries, 429, timeouts and blocked users."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

import messages
from bot.channels.qr_images import QrImages
from bot.channels.zalo.api import ZaloBotApi
from bot.channels.zalo.send import ZaloReplySender
from bot.delivery.pacing import RateLimiter
from handlers.protocol import Reply, ReplyOption
from handlers.text import split

TOKEN = "123:secret"
BASE = "http://zalo.test"
NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)

Handler = Callable[[httpx.Request], httpx.Response]


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"ok": True, "result": {"message_id": "x", "date": 1}})


def error(status: int, **extra: Any) -> httpx.Response:
    return httpx.Response(status, json={"ok": False, "error_code": status, "description": "failed", **extra})


class Recorder:
    """A Zalo stand-in answering from a script of responses (then ok), recording each call."""

    def __init__(self, *script: httpx.Response | type[httpx.TransportError]) -> None:
        self.script = list(script)
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        method = request.url.path.rsplit("/", 1)[1]
        self.calls.append((method, json.loads(request.content)))
        if not self.script:
            return ok(request)
        answer = self.script.pop(0)
        if isinstance(answer, type):
            raise answer("scripted", request=request)
        return answer


class Unreachable:
    def __init__(self) -> None:
        self.marked: list[tuple[str, str]] = []

    async def mark_unreachable(self, channel: str, user_id: str) -> None:
        self.marked.append((channel, user_id))


def sender(recorder: Recorder, *, qr: bool = False, unreachable: Unreachable | None = None) -> ZaloReplySender:
    api = ZaloBotApi(TOKEN, BASE, client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)))
    images = QrImages(b"k" * 32, "https://khaibao.example", timedelta(hours=24), lambda: NOW) if qr else None
    return ZaloReplySender(api, RateLimiter(1000, burst=50), unreachable or Unreachable(), images, backoff=0.001)


def long_text() -> str:
    paragraph = "\n".join(f"Dòng {n}: tiếp xúc gần, đeo khẩu trang và rửa tay thường xuyên." for n in range(20))
    return "\n\n".join([paragraph] * 4)[:4500]


CHOICE = Reply("Giới tính của bạn?", step="gender",
               options=(ReplyOption("male", "Nam"), ReplyOption("female", "Nữ"), ReplyOption("other", "Khác")))
MULTI = Reply("Triệu chứng?", step="symptoms", multi=True,
              options=(ReplyOption("fever", "Sốt"), ReplyOption("cough", "Ho")))

TABLE: list[tuple[str, Reply, list[tuple[str, dict[str, Any]]]]] = [
    ("plain text", Reply("Xin chào"), [("sendMessage", {"chat_id": "c1", "text": "Xin chào"})]),
    ("numbered menu", CHOICE,
     [("sendMessage", {"chat_id": "c1", "text": "Giới tính của bạn?\n1. Nam\n2. Nữ\n3. Khác"})]),
    ("multi-choice menu with its hint", MULTI,
     [("sendMessage", {"chat_id": "c1",
                       "text": "Triệu chứng?\n1. Sốt\n2. Ho\n(Có thể chọn nhiều: gõ các số, ví dụ «1 3»)"})]),
    ("a file cannot be sent on Zalo: the text says so", Reply("Tệp khai báo", document=("a.xlsx", b"PK")),
     [("sendMessage", {"chat_id": "c1", "text": "Tệp khai báo"}),
      ("sendMessage", {"chat_id": "c1", "text": messages.t(messages.VI, "export.no_files")})]),
    ("4,500 characters in pieces", Reply(long_text()),
     [("sendMessage", {"chat_id": "c1", "text": piece}) for piece in split(long_text(), 2000)]),
]


@pytest.mark.parametrize(("reply", "calls"), [row[1:] for row in TABLE], ids=[row[0] for row in TABLE])
async def test_reply_to_http_calls(reply: Reply, calls: list[tuple[str, dict[str, Any]]]) -> None:
    recorder = Recorder()
    await sender(recorder).send("c1", [reply])
    assert recorder.calls == calls


async def test_long_text_is_cut_at_line_boundaries() -> None:
    recorder = Recorder()
    await sender(recorder).send("c1", [Reply(long_text())])
    texts = [body["text"] for _, body in recorder.calls]
    assert len(texts) == 3 and all(len(text) <= 2000 for text in texts)
    assert all(text.endswith("thường xuyên.") for text in texts[:-1])
    assert "".join(texts).replace("\n", "") == long_text().replace("\n", "")


async def test_qr_reply_is_a_photo_with_the_text_as_caption() -> None:
    recorder = Recorder()
    await sender(recorder, qr=True).send("c1", [Reply("Mã khai báo: ABCD2345", qr="v_token")])
    [(method, body)] = recorder.calls
    assert method == "sendPhoto" and body["caption"] == "Mã khai báo: ABCD2345"
    assert body["photo"].startswith("https://khaibao.example/qr/") and body["photo"].endswith(".png")


async def test_qr_reply_without_public_url_is_text_only() -> None:
    recorder = Recorder()
    await sender(recorder).send("c1", [Reply("Mã khai báo: ABCD2345", qr="v_token")])
    assert recorder.calls == [("sendMessage", {"chat_id": "c1", "text": "Mã khai báo: ABCD2345"})]


async def test_refused_photo_falls_back_to_the_text() -> None:
    recorder = Recorder(error(400))
    await sender(recorder, qr=True).send("c1", [Reply("Mã khai báo: ABCD2345", qr="v_token")])
    assert [method for method, _ in recorder.calls] == ["sendPhoto", "sendMessage"]
    assert recorder.calls[1][1]["text"] == "Mã khai báo: ABCD2345"


async def test_rate_limited_send_pauses_then_retries() -> None:
    recorder = Recorder(error(429, parameters={"retry_after": 0.05}))
    started = datetime.now(UTC)
    await sender(recorder).send("c1", [Reply("a")])
    assert [body["text"] for _, body in recorder.calls] == ["a", "a"]
    assert datetime.now(UTC) - started >= timedelta(seconds=0.05)


async def test_transient_errors_are_retried_up_to_three_attempts() -> None:
    recorder = Recorder(error(500), httpx.ConnectError)
    assert await sender(recorder).send("c1", [Reply("a")])
    assert len(recorder.calls) == 3
    recorder = Recorder(error(502), error(503), error(500))
    assert not await sender(recorder).send("c1", [Reply("a"), Reply("b")])  # kept whole for the outbox
    assert [body["text"] for _, body in recorder.calls] == ["a", "a", "a"]


async def test_a_timed_out_reply_is_not_resent() -> None:
    recorder = Recorder(httpx.ReadTimeout)
    await sender(recorder).send("c1", [Reply("a"), Reply("b")])
    assert [body["text"] for _, body in recorder.calls] == ["a", "b"]


async def test_blocked_user_is_marked_unreachable_and_sent_nothing_more() -> None:
    recorder, unreachable = Recorder(error(403)), Unreachable()
    await sender(recorder, unreachable=unreachable).send("c1", [Reply("a"), Reply("b")], "u1")
    assert len(recorder.calls) == 1 and unreachable.marked == [("zalo", "u1")]

