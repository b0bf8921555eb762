"""A fake Zalo Bot Platform API server (Starlette) for end-to-end tests and benchmarks."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import hmac
import itertools
import json
import math
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.serve import serving

JSON = dict[str, Any]
DEFAULT_TOKEN = "3141592653:fake-zalo-bot-secret"
DEFAULT_DISPLAY_NAME = "Test User"
SECRET_HEADER = "X-Bot-Api-Secret-Token"
MAX_TEXT_LENGTH = 2000
RATE_LIMITED_METHODS = frozenset({"sendMessage", "sendPhoto", "sendChatAction"})


@dataclass(frozen=True)
class SentMessage:
    """One accepted sendMessage or sendPhoto; ``time`` is ``time.monotonic()`` at acceptance."""

    chat_id: str
    text: str | None
    photo: str | None
    caption: str | None
    message_id: str
    time: float


@dataclass
class FakeStats:
    """Counters served at ``GET /stats``."""

    requests: int = 0
    sent: int = 0
    rate_limited: int = 0
    injected_failures: int = 0
    peak_per_second: int = 0


class FakeZalo:
    """In-memory Zalo Bot API: records sends, queues or pushes updates, injects faults."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        rate_limit: float | None = None,
        rate_burst: int = 5,
        latency: float = 0.0,
        allow_http_webhook: bool = True,
        errors_as_http_200: bool = False,
        record_messages: bool = True,
    ) -> None:
        self.token = token
        self.base_url = ""
        self.rate_limit = rate_limit
        self.rate_burst = rate_burst
        self.latency = latency
        self.allow_http_webhook = allow_http_webhook
        self.errors_as_http_200 = errors_as_http_200
        self.record_messages = record_messages
        self.blocked: set[str] = set()
        self.sent: list[SentMessage] = []
        self.chat_actions: list[tuple[str, str]] = []
        self.stats = FakeStats()
        self.webhook_url = ""
        self.webhook_secret = ""
        self._webhook_updated_at = 0
        self._inbox: deque[JSON] = deque()
        self._inbox_changed = asyncio.Condition()
        self._sent_changed = asyncio.Condition()
        self._closing = asyncio.Event()
        self._failures: deque[int] = deque()
        self._tokens = float(rate_burst)
        self._refilled_at = time.monotonic()
        self._second = 0
        self._sent_this_second = 0
        self._message_ids = itertools.count(1)
        self._http: httpx.AsyncClient | None = None
        self._methods: dict[str, Callable[[JSON], Awaitable[Response]]] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "sendMessage": self._send_message,
            "sendPhoto": self._send_photo,
            "sendChatAction": self._send_chat_action,
        }
        self.app = Starlette(
            routes=[
                Route("/bot{token}/{method}", self._handle, methods=["POST"]),
                Route("/stats", self._stats, methods=["GET"]),
                Route("/media/{name}", self._media, methods=["GET"]),
            ]
        )
        self.media: dict[str, bytes] = {}
        self.media_fetches = 0

    @property
    def bot_id(self) -> str:
        """The numeric part of the token, as Zalo reports it in getMe."""
        return self.token.split(":", 1)[0]

    @property
    def pending_updates(self) -> int:
        """Updates queued for getUpdates and not yet read."""
        return len(self._inbox)

    def fail_next(self, count: int, status: int = 500) -> None:
        """Answer the next ``count`` API calls (any method) with ``status``."""
        self._failures.extend([status] * count)

    def messages_to(self, chat_id: str) -> list[SentMessage]:
        """Everything recorded as sent to ``chat_id``, oldest first."""
        return [message for message in self.sent if message.chat_id == chat_id]

    async def wait_for_messages(
        self, chat_id: str, count: int, timeout: float = 5.0
    ) -> list[SentMessage]:
        """Wait until ``count`` messages were sent to ``chat_id``; AssertionError on timeout."""
        try:
            async with asyncio.timeout(timeout), self._sent_changed:
                await self._sent_changed.wait_for(lambda: len(self.messages_to(chat_id)) >= count)
        except TimeoutError:
            texts = [message.text for message in self.messages_to(chat_id)]
            raise AssertionError(
                f"expected {count} messages to {chat_id} within {timeout}s, got {texts}"
            ) from None
        return self.messages_to(chat_id)

    async def queue_update(self, update: JSON) -> None:
        """Make ``update`` the next answer to getUpdates."""
        async with self._inbox_changed:
            self._inbox.append(update)
            self._inbox_changed.notify_all()

    async def push(self, update: JSON, *, wrapped: bool = False, secret: str | None = None) -> int:
        """POST ``update`` to the webhook, flat or in an ``ok`` envelope; the HTTP status."""
        if not self.webhook_url:
            raise RuntimeError("no webhook is set")
        body = {"ok": True, "result": update} if wrapped else update
        headers = {SECRET_HEADER: self.webhook_secret if secret is None else secret}
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=10.0)
        response = await self._http.post(self.webhook_url, json=body, headers=headers)
        return response.status_code

    async def user_says(self, user_id: str, text: str, *, wrapped: bool = False) -> JSON:
        """Deliver a text from ``user_id`` by webhook when one is set, else by getUpdates."""
        update = text_update(user_id, text)
        await self.deliver(update, wrapped=wrapped)
        return update

    async def deliver(self, update: JSON, *, wrapped: bool = False) -> None:
        """Push ``update`` when a webhook is set, else queue it for getUpdates."""
        if not self.webhook_url:
            await self.queue_update(update)
            return
        status = await self.push(update, wrapped=wrapped)
        if not 200 <= status < 300:
            raise AssertionError(f"webhook answered HTTP {status}")

    async def aclose(self) -> None:
        """Answer pending long polls and close the webhook client."""
        self._closing.set()
        async with self._inbox_changed:
            self._inbox_changed.notify_all()
        if self._http is not None:
            await self._http.aclose()

    async def _handle(self, request: Request) -> Response:
        self.stats.requests += 1
        response = await self._dispatch(request)
        await self._idle(self.latency)
        return response

    async def _dispatch(self, request: Request) -> Response:
        if not hmac.compare_digest(request.path_params["token"].encode(), self.token.encode()):
            return self._error(401, "Unauthorized")
        handler = self._methods.get(request.path_params["method"])
        if handler is None:
            return self._error(404, "Not Found")
        body = await _json_body(request)
        if body is None:
            return self._error(400, "Bad Request: body must be a JSON object")
        if self._failures:
            self.stats.injected_failures += 1
            status = self._failures.popleft()
            return self._error(status, f"Injected failure (HTTP {status})")
        if request.path_params["method"] in RATE_LIMITED_METHODS and not self._take_token():
            return self._rate_limited()
        return await handler(body)

    async def _get_me(self, body: JSON) -> Response:
        return _ok(
            {
                "id": self.bot_id,
                "account_name": "khaibao_test_bot",
                "account_type": "BASIC",
                "can_join_groups": False,
            }
        )

    async def _get_updates(self, body: JSON) -> Response:
        if self.webhook_url:
            return self._error(409, "Conflict: delete the webhook before polling")
        update = await self._next_update(_seconds(body.get("timeout", 30)))
        if update is None:
            return JSONResponse(
                {"ok": False, "error_code": 408, "description": "Request timeout"}
            )
        return _ok(update)

    async def _set_webhook(self, body: JSON) -> Response:
        url = str(body.get("url") or "")
        secret = str(body.get("secret_token") or "")
        schemes = ("https://", "http://") if self.allow_http_webhook else ("https://",)
        if not url.startswith(schemes):
            return self._error(400, "Bad Request: webhook url must be https")
        if not 8 <= len(secret) <= 256:
            return self._error(400, "Bad Request: secret_token must be 8-256 characters")
        self.webhook_url, self.webhook_secret = url, secret
        return self._webhook_result()

    async def _delete_webhook(self, body: JSON) -> Response:
        self.webhook_url, self.webhook_secret = "", ""
        return self._webhook_result()

    async def _get_webhook_info(self, body: JSON) -> Response:
        return _ok({"url": self.webhook_url, "updated_at": self._webhook_updated_at})

    async def _send_message(self, body: JSON) -> Response:
        text = body.get("text")
        if not isinstance(text, str) or not 1 <= len(text) <= MAX_TEXT_LENGTH:
            return self._error(400, "Bad Request: text must be 1-2000 characters")
        return await self._accept(body, text=text)

    async def _send_photo(self, body: JSON) -> Response:
        photo = body.get("photo")
        if not isinstance(photo, str) or not photo.startswith(("https://", "http://")):
            return self._error(400, "Bad Request: photo must be a public URL")
        caption = body.get("caption")
        if caption is not None and not isinstance(caption, str):
            return self._error(400, "Bad Request: caption must be a string")
        return await self._accept(body, photo=photo, caption=caption)

    async def _send_chat_action(self, body: JSON) -> Response:
        chat_id = str(body.get("chat_id") or "")
        if not chat_id:
            return self._error(400, "Bad Request: chat_id is required")
        if chat_id in self.blocked:
            return self._blocked()
        self.chat_actions.append((chat_id, str(body.get("action") or "")))
        return _ok(True)

    async def _accept(
        self, body: JSON, *, text: str | None = None, photo: str | None = None,
        caption: str | None = None,
    ) -> Response:
        chat_id = str(body.get("chat_id") or "")
        if not chat_id:
            return self._error(400, "Bad Request: chat_id is required")
        if chat_id in self.blocked:
            return self._blocked()
        message_id = f"{next(self._message_ids):08x}{uuid.uuid4().hex[:16]}"
        now = time.monotonic()
        if self.record_messages:
            self.sent.append(SentMessage(chat_id, text, photo, caption, message_id, now))
        self._count_sent(now)
        async with self._sent_changed:
            self._sent_changed.notify_all()
        return _ok({"message_id": message_id, "date": _now_ms()})

    def _count_sent(self, now: float) -> None:
        self.stats.sent += 1
        second = int(now)
        if second != self._second:
            self._second, self._sent_this_second = second, 0
        self._sent_this_second += 1
        self.stats.peak_per_second = max(self.stats.peak_per_second, self._sent_this_second)

    def _take_token(self) -> bool:
        if self.rate_limit is None:
            return True
        now = time.monotonic()
        elapsed, self._refilled_at = now - self._refilled_at, now
        self._tokens = min(float(self.rate_burst), self._tokens + elapsed * self.rate_limit)
        if self._tokens < 1.0:
            return False
        self._tokens -= 1.0
        return True

    def _rate_limited(self) -> Response:
        self.stats.rate_limited += 1
        retry_after = round((1.0 - self._tokens) / (self.rate_limit or 1.0), 3) or 0.001
        return self._error(
            429,
            f"Too Many Requests: retry after {retry_after}",
            parameters={"retry_after": retry_after},
            headers={"Retry-After": str(math.ceil(retry_after))},
        )

    def _blocked(self) -> Response:
        return self._error(403, "Forbidden: the user blocked the bot or cannot be messaged")

    def _webhook_result(self) -> Response:
        self._webhook_updated_at = _now_ms()
        return _ok({"url": self.webhook_url, "updated_at": self._webhook_updated_at})

    def _error(
        self, code: int, description: str, *, parameters: JSON | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        body: JSON = {"ok": False, "error_code": code, "description": description}
        if parameters:
            body["parameters"] = parameters
        status = 200 if self.errors_as_http_200 else code
        return JSONResponse(body, status_code=status, headers=headers)

    async def _next_update(self, timeout: float) -> JSON | None:
        async with self._inbox_changed:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._inbox_changed.wait_for(
                        lambda: bool(self._inbox) or self._closing.is_set()
                    )
            return self._inbox.popleft() if self._inbox else None

    async def _idle(self, seconds: float) -> None:
        if seconds > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), seconds)

    async def _stats(self, request: Request) -> Response:
        return JSONResponse(dataclasses.asdict(self.stats))

    def media_url(self, name: str, data: bytes) -> str:
        """Serve ``data`` as a photo a user sent (Zalo gives the bot a URL to fetch it from)."""
        self.media[name] = data
        return f"{self.base_url}/media/{name}"

    async def _media(self, request: Request) -> Response:
        data = self.media.get(request.path_params["name"])
        self.media_fetches += 1
        return Response(data, media_type="image/jpeg") if data is not None else Response(status_code=404)


def text_update(
    user_id: str, text: str, *, message_id: str | None = None,
    display_name: str = DEFAULT_DISPLAY_NAME, chat_type: str = "PRIVATE",
) -> JSON:
    """A ``message.text.received`` update from ``user_id`` in their private chat."""
    return _update("message.text.received", user_id, {"text": text},
                   message_id, display_name, chat_type)


def image_update(
    user_id: str, photo_url: str = "https://example.org/photo.jpg", caption: str | None = None,
    *, message_id: str | None = None, display_name: str = DEFAULT_DISPLAY_NAME,
    chat_type: str = "PRIVATE",
) -> JSON:
    """A ``message.image.received`` update carrying ``photo_url`` and an optional caption."""
    content: JSON = {"photo_url": photo_url}
    if caption is not None:
        content["caption"] = caption
    return _update("message.image.received", user_id, content, message_id, display_name, chat_type)


def sticker_update(
    user_id: str, sticker: str = "sticker-1", *, message_id: str | None = None,
    display_name: str = DEFAULT_DISPLAY_NAME, chat_type: str = "PRIVATE",
) -> JSON:
    """A ``message.sticker.received`` update."""
    return _update("message.sticker.received", user_id, {"sticker": sticker},
                   message_id, display_name, chat_type)


def unsupported_update(
    user_id: str, *, message_id: str | None = None, display_name: str = DEFAULT_DISPLAY_NAME,
    chat_type: str = "PRIVATE",
) -> JSON:
    """A ``message.unsupported.received`` update (sent instead of content for protected users)."""
    return _update("message.unsupported.received", user_id, {}, message_id, display_name, chat_type)


def _update(
    event_name: str, user_id: str, content: JSON, message_id: str | None, display_name: str,
    chat_type: str,
) -> JSON:
    message: JSON = {
        "from": {"id": user_id, "display_name": display_name, "is_bot": False},
        "chat": {"id": user_id, "chat_type": chat_type},
        "message_id": message_id or uuid.uuid4().hex,
        "date": _now_ms(),
        **content,
    }
    return {"event_name": event_name, "message": message}


def _ok(result: object) -> Response:
    return JSONResponse({"ok": True, "result": result})


def _now_ms() -> int:
    return int(time.time() * 1000)


def _seconds(value: object) -> float:
    try:
        return max(0.0, float(str(value)))
    except ValueError:
        return 30.0


async def _json_body(request: Request) -> JSON | None:
    raw = await request.body()
    if not raw:
        return {}
    try:
        body = json.loads(raw)
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


@contextlib.asynccontextmanager
async def running_fake_zalo(**options: Any) -> AsyncIterator[FakeZalo]:
    """Serve a ``FakeZalo(**options)`` on 127.0.0.1 for the block, with ``base_url`` set."""
    fake = FakeZalo(**options)
    async with serving(fake.app) as base_url:
        fake.base_url = base_url
        try:
            yield fake
        finally:
            await fake.aclose()


def main(argv: list[str] | None = None) -> None:
    """Run the fake as a standalone server (for benchmarks in another process)."""
    parser = argparse.ArgumentParser(description="Fake Zalo Bot Platform API on 127.0.0.1.")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--rate", type=float, default=None, help="overall msg/s limit (429 above)")
    parser.add_argument("--burst", type=int, default=5, help="burst allowed by the rate limit")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to each answer")
    parser.add_argument("--no-record", action="store_true", help="count sends without keeping them")
    args = parser.parse_args(argv)
    fake = FakeZalo(
        args.token, rate_limit=args.rate, rate_burst=args.burst, latency=args.latency,
        record_messages=not args.no_record,
    )
    print(f"fake Zalo Bot API on http://127.0.0.1:{args.port} (stats: GET /stats)", flush=True)
    uvicorn.run(
        fake.app, host="127.0.0.1", port=args.port, log_level="warning", lifespan="off",
        timeout_graceful_shutdown=1,
    )


if __name__ == "__main__":
    main()
